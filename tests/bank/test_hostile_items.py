"""Hostile import files cost nothing: sizes and nesting are checked before anything is built or stored."""

from __future__ import annotations

import json
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from cloudinterview_desktop.bank.item_format import parse_item
from cloudinterview_desktop.domain.errors import ProblemFormatError
from cloudinterview_desktop.domain.generators import MAX_DEPTH, expand
from tests.cli.helpers import cli, cli_json

TWO_SUM = Path(__file__).resolve().parents[2] / "resources" / "bank" / "coding" / "two-sum.json"


def _item(nums: Any, slug: str) -> dict[str, Any]:
    item: dict[str, Any] = json.loads(TWO_SUM.read_text(encoding="utf-8"))
    item["slug"] = slug
    item["tests"] = [*item["tests"], {"input": {"nums": nums, "target": 2}, "output": [0, 1]}]
    return item


def _nested(depth: int) -> Any:
    value: Any = [1, 1]
    for _ in range(depth):
        value = [value]
    return value


HUGE = {"$gen": "repeat", "value": 1, "count": 3_000_000_000}


@pytest.mark.parametrize(("nums", "words"), [
    (HUGE, "3,000,000,000 elements once generated; the limit is 2,000,000"),
    ({"$gen": "repeat", "value": {"$gen": "range", "stop": 100_000}, "count": 100_000}, "elements once generated"),
    (_nested(500), f"nested more than {MAX_DEPTH} levels deep"),
])
def test_a_hostile_case_is_refused_at_once_without_building_it(nums: Any, words: str) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(ProblemFormatError, match=r"field 'tests\.") as refused:
        parse_item(_item(nums, "hostile-two-sum"), source="import")
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert words in str(refused.value)
    assert elapsed < 1.0 and peak < 20 * 1024**2


def test_expand_checks_the_budget_too() -> None:
    with pytest.raises(ProblemFormatError, match="elements once generated"):
        expand(HUGE)
    assert expand({"$gen": "repeat", "value": 7, "count": 3}) == [7, 7, 7]


def test_importing_hostile_files_leaves_the_bank_unchanged(app_home: Path, tmp_path: Path) -> None:
    before = len(cli_json("problems", "list", home=app_home))
    for name, nums in (("huge", HUGE), ("deep", _nested(500)), ("deeper", _nested(5000))):
        path = tmp_path / f"{name}.json"
        text = json.dumps(_item(nums, f"hostile-{name}")) if name != "deeper" else (
            json.dumps(_item([], f"hostile-{name}")).replace('"nums": []', '"nums": ' + "[" * 5000 + "]" * 5000))
        path.write_text(text, encoding="utf-8")
        started = time.monotonic()
        result = cli("problems", "import", str(path), home=app_home, timeout=60)
        assert time.monotonic() - started < 20
        assert result.returncode != 0 and "Traceback" not in result.stderr
        assert "hostile" in result.stderr or "nested" in result.stderr, result.stderr
    assert len(cli_json("problems", "list", home=app_home)) == before
