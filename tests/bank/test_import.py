from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.bank.importer import RawItem, import_items, parse_all, read_items
from cloudinterview_desktop.bank.item_format import parse_item
from cloudinterview_desktop.domain.errors import ProblemFormatError
from cloudinterview_desktop.domain.problems import CodingProblem
from tests.cli.helpers import cli, cli_json
from tests.conftest import REPO

TWO_SUM = REPO / "resources" / "bank" / "coding" / "two-sum.json"
THEORY_DIR = REPO / "resources" / "bank" / "theory"


def user_problem(slug: str = "pair-with-sum") -> dict[str, Any]:
    data: dict[str, Any] = json.loads(TWO_SUM.read_text())
    data.update(slug=slug, title=f"My {slug}")
    data["tests"] = [t for t in data["tests"] if not t.get("large")][:5]
    return data


def user_theory(slug: str = "my-theory") -> dict[str, Any]:
    data: dict[str, Any] = json.loads(next(THEORY_DIR.glob("*.json")).read_text())
    data["slug"] = slug
    return data


def _import(core: AppCore, path: Path) -> Any:
    parsed = parse_all(read_items(path), "user", parse_item)
    return import_items(core.bank, parsed, core.judge)


def test_json_list_jsonl_and_csv_imports(core: AppCore, tmp_path: Path) -> None:
    listing = tmp_path / "items.json"
    listing.write_text(json.dumps([user_problem("p-one"), user_theory("t-one")]))
    assert _import(core, listing).added == 2
    lines = tmp_path / "items.jsonl"
    lines.write_text(json.dumps(user_problem("p-two")) + "\n\n" + json.dumps(user_theory("t-two")) + "\n")
    assert _import(core, lines).added == 2
    table = tmp_path / "items.csv"
    table.write_text('title,difficulty,topics,statement\n"Rotate a ring buffer",Medium,"arrays; design",'
                     '"Explain how you would rotate a ring buffer in place."\n')
    result = _import(core, table)
    assert result.added == 1 and result.no_tests == 1
    item = core.bank.get("rotate-a-ring-buffer")
    assert isinstance(item, CodingProblem)
    assert item.topics == ("arrays", "design") and not item.has_tests


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "invalid JSON"),
        ('[{"slug": "x", "kind": "coding"}]', "item 1"),
        (json.dumps([{**user_theory("t-a"), "key_points": "just one string"}]), "key_points"),
        (json.dumps([user_theory("same"), user_theory("same")]), "duplicate slug 'same'"),
        (json.dumps([user_problem("two-sum")]), "built-in bank already has"),
    ],
)
def test_malformed_imports_are_refused_whole(core: AppCore, tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    before = core.bank.user.count()
    with pytest.raises(ProblemFormatError, match=message):
        _import(core, path)
    assert core.bank.user.count() == before


def test_a_test_that_contradicts_the_reference_is_refused(core: AppCore, tmp_path: Path) -> None:
    good = user_problem("fine-problem")
    bad = user_problem("contradicted")
    bad["tests"][2]["output"] = [7, 7]
    path = tmp_path / "items.json"
    path.write_text(json.dumps([good, bad]))
    with pytest.raises(ProblemFormatError, match="contradicted: the reference solution gets wrong_answer"):
        _import(core, path)
    assert not core.bank.contains("fine-problem")


def test_cli_import_exit_codes(app_home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(user_theory("ok-one")) + "\n{broken\n")
    result = cli("problems", "import", str(bad), home=app_home)
    assert result.returncode == 1 and "line 2" in result.stderr
    assert not any(r["slug"] == "ok-one" for r in cli_json("problems", "list", home=app_home))
    good = tmp_path / "good.json"
    good.write_text(json.dumps(user_theory("ok-one")))
    assert cli("problems", "import", str(good), home=app_home).returncode == 0
    assert any(r["slug"] == "ok-one" for r in cli_json("problems", "list", home=app_home))


JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=5))
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=4), inner, max_size=3), max_leaves=6)


@st.composite
def malformed_items(draw: st.DrawFn) -> dict[str, Any]:
    item: dict[str, Any] = draw(st.sampled_from([user_theory("fuzzed"), user_problem("fuzzed")]))
    field = draw(st.sampled_from(sorted(item)))
    if draw(st.booleans()):
        del item[field]
    else:
        replacement = draw(JSON_VALUES.filter(lambda v: type(v) is not type(item[field])))
        item[field] = replacement
    return item


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(item=malformed_items())
def test_hypothesis_malformed_items_never_reach_the_bank(core: AppCore, item: dict[str, Any]) -> None:
    before = core.bank.user.count()
    try:
        parsed = parse_all([RawItem("item 1", item)], "user", parse_item)
    except ProblemFormatError as exc:
        assert str(exc).startswith("item 1: ")
        assert core.bank.user.count() == before
        return
    # A mutation can leave the item valid (an optional field removed): then it must import cleanly.
    import_items(core.bank, parsed, core.judge)
    core.bank.delete_user_item("fuzzed")
