from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from cloudinterview_desktop.bank.item_format import load_item_file, parse_item
from cloudinterview_desktop.domain.errors import ProblemFormatError
from cloudinterview_desktop.domain.generators import expand
from cloudinterview_desktop.domain.problems import CodingProblem, TypeSpec
from tests.conftest import REPO

TWO_SUM = REPO / "resources" / "bank" / "coding" / "two-sum.json"


def two_sum() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(TWO_SUM.read_text())
    return data


def test_a_bank_file_loads_as_a_coding_problem() -> None:
    item = load_item_file(TWO_SUM)
    assert isinstance(item, CodingProblem)
    assert item.signature is not None and item.signature.function == "two_sum"
    assert str(item.signature.params[0].type) == "list[int]"
    assert any(t.large for t in item.tests)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("statement"), "statement"),
        (lambda d: d.update(difficulty="extreme"), "difficulty"),
        (lambda d: d["signature"]["params"][0].update(type="dict[str, int]"), "signature"),
        (lambda d: d["tests"][0]["input"].pop("target"), "tests.0.input"),
        (lambda d: d.update(kind="puzzle"), "kind"),
        (lambda d: d["limits"].update(time_ms="fast"), "limits.time_ms"),
        (lambda d: d.update(slug="Not A Slug"), "slug"),
    ],
)
def test_errors_name_the_field(mutate: Any, message: str) -> None:
    data = two_sum()
    mutate(data)
    with pytest.raises(ProblemFormatError, match=message.replace(".", r"\.")):
        parse_item(data)


def test_statement_only_coding_items_have_no_tests() -> None:
    item = parse_item({"slug": "design-a-cache", "kind": "coding", "title": "Design a cache", "difficulty": "hard",
                       "topics": ["design"], "statement": "Talk through a cache design."})
    assert isinstance(item, CodingProblem) and not item.has_tests and item.signature is None


def test_tests_without_a_signature_are_refused() -> None:
    data = {"slug": "x", "kind": "coding", "title": "X", "difficulty": "easy", "topics": ["math"],
            "statement": "...", "tests": []}
    with pytest.raises(ProblemFormatError, match="signature"):
        parse_item(data)


def test_bad_json_file_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"slug": "broken",\n "kind": }')
    with pytest.raises(ProblemFormatError, match="line 2"):
        load_item_file(path)


def test_type_parser() -> None:
    assert str(TypeSpec.parse("list[list[int]]")) == "list[list[int]]"
    assert TypeSpec.parse("list[TreeNode]").item == TypeSpec("TreeNode")
    with pytest.raises(ProblemFormatError):
        TypeSpec.parse("tuple[int]")


def test_generators_are_deterministic_and_documented_shapes() -> None:
    spec = {"$gen": "random_ints", "count": 5, "lo": -3, "hi": 3, "seed": 42}
    first = expand(copy.deepcopy(spec))
    assert first == expand(spec) and len(first) == 5 and all(-3 <= x <= 3 for x in first)
    assert expand({"$gen": "range", "start": 3, "stop": 0, "step": -1, "wrap": True}) == [[3], [2], [1]]
    assert expand({"$gen": "interleave", "parts": [[1, 2], ["a", "b"]]}) == [1, "a", 2, "b"]
    assert expand({"$gen": "concat", "parts": ["ab", {"$gen": "repeat", "value": "c", "count": 3, "join": True}]}) \
        == "abccc"
    unique = expand({"$gen": "random_ints", "count": 100, "lo": 0, "hi": 99, "seed": 1, "unique": True})
    assert sorted(unique) == list(range(100))
    with pytest.raises(ProblemFormatError):
        expand({"$gen": "random_ints", "count": 5, "lo": 0, "hi": 2, "unique": True})
