"""Importing LeetCodeDataset JSONL files: parsing without evaluating, the mapping to bank items, all-or-nothing
imports with every reference run in the sandbox (batched), and judging imported problems through the real CLI."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.bank.catalog import Catalog
from cloudinterview_desktop.bank.item_format import parse_item
from cloudinterview_desktop.bank.leetcode_literals import parse_input, parse_output
from cloudinterview_desktop.bank.leetcode_statement import render_statement
from cloudinterview_desktop.bank.leetcodedataset import LeetCodeImportResult, import_leetcodedataset, record_to_raw
from cloudinterview_desktop.domain.errors import ProblemFormatError
from cloudinterview_desktop.domain.judging import JudgeMode, JudgeReport
from cloudinterview_desktop.domain.problems import CodingProblem, Solution
from cloudinterview_desktop.judge.errors import UnsupportedLanguage
from cloudinterview_desktop.judge.judge import Judge, starter_code
from cloudinterview_desktop.judge.reference_batches import ReferenceValidator
from tests.cli.helpers import cli, cli_json

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "leetcodedataset-sample.jsonl"
SLUGS = ["longest-calm-stretch", "count-pairs-with-gap", "drop-alternate-nodes", "trim-small-leaves", "digit-fold",
         "bucket-words-by-length", "best-window-average"]

CALM_FAST = """class Solution:
    def longestCalmStretch(self, s: str) -> int:
        best = run = 0
        previous = None
        for ch in s:
            run = run + 1 if ch != previous else 1
            previous = ch
            best = max(best, run)
        return best
"""
CALM_WRONG = """class Solution:
    def longestCalmStretch(self, s: str) -> int:
        return len(set(s))
"""
CALM_SLOW = """class Solution:
    def longestCalmStretch(self, s: str) -> int:
        best = 0
        for i in range(len(s)):
            for j in range(i, len(s)):
                if j > i and s[j] == s[j - 1]:
                    break
                best = max(best, j - i + 1)
        return best
"""
DROP = """class Solution:
    def dropAlternateNodes(self, head):
        node = head
        while node and node.next:
            node.next = node.next.next
            node = node.next
        return head
"""
TRIM = """class Solution:
    def trimSmallLeaves(self, root, limit):
        if root is None:
            return None
        if root.left is None and root.right is None:
            return None if root.val < limit else root
        root.left = self.trimSmallLeaves(root.left, limit) if root.left else None
        root.right = self.trimSmallLeaves(root.right, limit) if root.right else None
        return root
"""


def sample_records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


def imported_slugs(home: Path) -> set[str]:
    return {row["slug"] for row in cli_json("problems", "list", home=home) if row["source"] == "leetcodedataset"}


class CountingRunner:
    """A CodeRunner that counts the single runs; `sandboxed` also hands the validator the judge for batches."""

    def __init__(self, judge: Judge, sandboxed: bool) -> None:
        self.judge = judge
        self.runs: list[str] = []
        self._lock = threading.Lock()
        if sandboxed:
            self.get = lambda: judge

    def run(self, problem: CodingProblem, code: str, language: str, mode: JudgeMode = JudgeMode.SUBMIT,
            custom_inputs: list[dict[str, Any]] | None = None, progress: Any = None,
            cancel: threading.Event | None = None) -> JudgeReport:
        with self._lock:
            self.runs.append(problem.slug)
        return self.judge.run(problem, code, language, mode, custom_inputs, progress, cancel)

    def starter_code(self, problem: CodingProblem, language: str) -> str:
        return starter_code(problem, language)


@pytest.fixture(scope="module")
def judge() -> Judge:
    return Judge()


# -- reading records without evaluating them ------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("nums = [2,7,11,15], target = 9", {"nums": [2, 7, 11, 15], "target": 9}),
    ("s = 'it''s', t = \"a\\tb\", flag = True, x = -1.5e3", {"s": "its", "t": "a\tb", "flag": True, "x": -1500.0}),
    ("grid = [[1, 2], (3, 4)], seen = {1: 'a'}", {"grid": [[1, 2], [3, 4]], "seen": {"1": "a"}}),
    ("head = list_node([1, 2, 3]), k = 2", {"head": {"$list_node": [1, 2, 3]}, "k": 2}),
    ("root = tree_node([1, null, 2, None, 3])", {"root": {"$tree_node": [1, None, 2, None, 3]}}),
    ("lists = [list_node([1, 4]), list_node([])]", {"lists": [{"$list_node": [1, 4]}, {"$list_node": []}]}),
    ("s = \"x = 1, y = 2\"", {"s": "x = 1, y = 2"}),
])
def test_inputs_are_keyword_literals(text: str, expected: dict[str, Any]) -> None:
    assert parse_input(text) == expected


@pytest.mark.parametrize(("text", "fragment"), [
    ("[2, 7, 11], 9", "not a list of keyword assignments"),
    ("nums = [1, 2", "not a list of keyword assignments"),
    ("a = 1, a = 2", "not a list of keyword assignments"),
    ("n = __import__('os').system('true')", "the value of 'n' is not a literal"),
    ("n = len([1])", "the value of 'n' is not a literal"),
    ("n = x", "the value of 'n' is not a literal"),
    ("s = {1, 2}", "set literal has no JSON form"),
    ("head = list_node(3)", "list_node() takes a list"),
    ("a = 1), print(2", "not a list of keyword assignments"),
])
def test_anything_else_is_refused_never_run(text: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        parse_input(text)


def test_outputs_are_literals_and_nodes_become_their_list_form() -> None:
    assert parse_output("[0, 1]") == [0, 1]
    assert parse_output("'abc'") == "abc"
    assert parse_output("None") is None
    assert parse_output("list_node([3, 2])") == [3, 2]
    assert parse_output("list_node([])") is None
    assert parse_output("tree_node([1, None, 2, None, None])") == [1, None, 2]
    with pytest.raises(ValueError, match="not a literal"):
        parse_output("sorted([2, 1])")


def test_statement_is_markdown_with_fenced_examples() -> None:
    text = ("Return a * b for nums_i.\n \nExample 1:\n\nInput: a = 2, b = 3\nOutput: 6\n\n \nConstraints:\n\n"
            "1 <= a, b <= 10^4\nAnswers fit in 32 bits.\n \nFollow-up: Can you do it in O(1)?\n")
    assert render_statement(text) == (
        "Return a \\* b for nums\\_i.\n\n**Example 1:**\n\n```text\nInput: a = 2, b = 3\nOutput: 6\n```\n\n"
        "**Constraints:**\n\n- `1 <= a, b <= 10^4`\n- Answers fit in 32 bits.\n\n**Follow-up:** Can you do it in O(1)?")


def test_a_record_becomes_a_typed_bank_item_judged_in_every_language() -> None:
    record = sample_records()[2]
    raw = record_to_raw(record)
    item = parse_item(raw, "leetcodedataset")  # the JSON Schema accepts it
    assert isinstance(item, CodingProblem) and not item.python_only and item.signature is not None
    assert (item.signature.function, [(p.name, str(p.type)) for p in item.signature.params]) == (
        "drop_alternate_nodes", [("head", "ListNode")])
    assert (item.slug, item.title, item.difficulty.value) == ("drop-alternate-nodes", "Drop Alternate Nodes", "easy")
    assert item.topics == ("linked-lists",) and item.source == "leetcodedataset"
    assert item.entry_point == "Solution().dropAlternateNodes"  # Python is still judged through it and check()
    assert item.prompt_code == record["prompt"] and item.check_code == record["test"]
    assert item.solution is not None and item.solution.python == record["completion"]
    assert item.starter == {"python": record["starter_code"]}
    assert len(item.examples) == 3 and len(item.tests) == 3  # the six asserts of the dataset's own suite
    assert item.examples[0].input == {"head": {"$list_node": [1, 2, 3, 4, 5]}} and item.examples[0].output == [1, 3, 5]
    assert item.examples[2].output is None  # list_node([]) is no list at all
    assert "```text\nInput: head = [1,2,3,4,5]" in item.statement
    assert "public ListNode dropAlternateNodes(ListNode head)" in starter_code(item, "java")
    assert starter_code(item, "python") == record["starter_code"]


def test_a_record_whose_types_do_not_map_stays_python_only() -> None:
    record = sample_records()[2]
    record["starter_code"] = record["starter_code"].replace("head: Optional[ListNode]", "head: Dict[int, int]")
    item = parse_item(record_to_raw(record), "leetcodedataset")
    assert isinstance(item, CodingProblem) and item.python_only and item.signature is None
    with pytest.raises(UnsupportedLanguage, match="only be solved in Python"):
        starter_code(item, "java")


def test_floats_are_compared_with_a_tolerance() -> None:
    item = parse_item(record_to_raw(sample_records()[6]), "leetcodedataset")
    assert isinstance(item, CodingProblem) and item.compare.value == "float" and item.tolerance == 1e-5


def test_imported_items_round_trip_through_the_catalog(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "bank.sqlite")
    pairs = []
    for record in sample_records():
        raw = record_to_raw(record)
        pairs.append((parse_item(raw, "leetcodedataset"), raw))
    catalog.add_all(pairs)
    for item, _raw in pairs:
        assert catalog.get(item.slug) == item
    assert [row.slug for row in catalog.search("neighbouring characters")] == ["longest-calm-stretch"]
    assert {row.slug for row in catalog.rows(topic="trees")} == {"trim-small-leaves"}


@pytest.mark.parametrize(("change", "fragment"), [
    (lambda raw: raw.pop("entry_point"), "entry_point"),
    (lambda raw: raw.update(python_only=True), "python_only|signature"),  # typed and Python-only at once
    (lambda raw: raw.update(check="assert True"), "check"),
    (lambda raw: raw.update(entry_point="Solution.method()"), "entry_point"),
])
def test_the_schema_guards_imported_items(change: Any, fragment: str) -> None:
    raw = record_to_raw(sample_records()[0])
    change(raw)
    with pytest.raises(ProblemFormatError, match=fragment):
        parse_item(raw)


# -- importing: all or nothing, references run in the sandbox ---------------------------------------------------


def test_importing_valid_records_adds_them(core: AppCore) -> None:
    steps: list[tuple[int, int]] = []
    result = import_leetcodedataset(core.bank, SAMPLE, ReferenceValidator(core.judge),
                                    progress=lambda done, total: steps.append((done, total)))
    assert isinstance(result, LeetCodeImportResult)
    assert result.added == 7 and list(result.slugs) == SLUGS and not result.skipped
    assert steps[-1] == (7, 7) and len(steps) == 7
    item = core.bank.get("trim-small-leaves")
    assert isinstance(item, CodingProblem) and item.signature is not None and item.source == "leetcodedataset"
    with pytest.raises(ProblemFormatError, match="line 1 \\(longest-calm-stretch\\): you already have"):
        import_leetcodedataset(core.bank, SAMPLE, ReferenceValidator(core.judge))


def test_judging_imported_problems_through_the_cli(app_home: Path, tmp_path: Path) -> None:
    imported = cli_json("problems", "import", str(SAMPLE), home=app_home)
    assert imported["added"] == 7 and imported_slugs(app_home) == set(SLUGS)
    verdicts = {}
    for name, code, slug in (("fast", CALM_FAST, "longest-calm-stretch"), ("wrong", CALM_WRONG, "longest-calm-stretch"),
                             ("slow", CALM_SLOW, "longest-calm-stretch"), ("drop", DROP, "drop-alternate-nodes"),
                             ("trim", TRIM, "trim-small-leaves")):
        solution = tmp_path / f"{name}.py"
        solution.write_text(code)
        verdicts[name] = cli_json("judge", slug, str(solution), home=app_home)
    assert verdicts["fast"]["verdict"] == "accepted" and verdicts["fast"]["passed"] == verdicts["fast"]["total"] == 8
    assert verdicts["wrong"]["verdict"] == "wrong_answer"
    slow = verdicts["slow"]
    assert slow["verdict"] == "time_limit_exceeded" and slow["passed"] == 5  # the small tests pass, then the large
    assert verdicts["drop"]["verdict"] == "accepted" and verdicts["trim"]["verdict"] == "accepted"
    run = cli_json("judge", "drop-alternate-nodes", str(tmp_path / "drop.py"), "--run", home=app_home)
    assert run["verdict"] == "accepted"
    assert [t["actual"] for t in run["tests"][:3]] == [[1, 3, 5], [9], None]
    javascript = tmp_path / "solution.js"
    javascript.write_text("var digitFold = function(n) { return n; };\n")
    judged = cli_json("judge", "digit-fold", str(javascript), home=app_home)  # typed: judged in JavaScript too
    assert judged["verdict"] == "wrong_answer" and judged["passed"] == 0
    javascript.write_text("var digitFold = function(n) { return n === 0 ? 0 : 1 + (n - 1) % 9; };\n")
    assert cli_json("judge", "digit-fold", str(javascript), home=app_home)["verdict"] == "accepted"


def _broken(kind: str) -> list[Any]:
    records: list[Any] = sample_records()
    if kind == "bad json":
        records.insert(2, '{"task_id": "half-a-record", ')
    elif kind == "missing entry_point":
        del records[2]["entry_point"]
    elif kind == "no usable case":  # a suite of shapes the importer does not read, and input_output rows of errors
        records[2]["test"] = "def check(candidate):\n    assert sorted(candidate(head = None)) == []\n"
        for row in records[2]["input_output"]:
            row["output"] = "Error: list index out of range"
    elif kind == "reference fails":  # the suite's fourth case (the first hidden test) expects a wrong list
        records[2]["test"] = records[2]["test"].replace("list_node([4, 8])), list_node([4]))",
                                                        "list_node([4, 8])), list_node([6, 1]))")
    return records


@pytest.mark.parametrize(("kind", "message"), [
    ("bad json", "line 3: invalid JSON"),
    ("missing entry_point", "line 3 (drop-alternate-nodes): missing field 'entry_point'"),
    ("no usable case", "line 3 (drop-alternate-nodes): no usable test case"),
    ("reference fails", "line 3 (drop-alternate-nodes): the reference solution gets wrong_answer"),
])
def test_one_broken_record_refuses_the_whole_file(app_home: Path, tmp_path: Path, kind: str, message: str) -> None:
    path = write_jsonl(tmp_path / "set.jsonl", _broken(kind))
    result = cli("problems", "import", str(path), "--format", "leetcodedataset", home=app_home)
    assert result.returncode == 1
    assert message in result.stderr
    assert not imported_slugs(app_home)


def test_skip_invalid_leaves_out_a_failing_reference(app_home: Path, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "set.jsonl", _broken("reference fails"))
    result = cli_json("problems", "import", str(path), "--skip-invalid", home=app_home)
    expected = [slug for slug in SLUGS if slug != "drop-alternate-nodes"]
    assert result["added"] == 6 and result["slugs"] == expected
    assert imported_slugs(app_home) == set(expected)


def test_skipped_records_are_reported_with_their_line(core: AppCore, tmp_path: Path) -> None:
    records = _broken("reference fails")
    records.insert(0, "{oops")
    del records[5]["entry_point"]
    result = import_leetcodedataset(core.bank, write_jsonl(tmp_path / "set.jsonl", records),
                                    ReferenceValidator(core.judge), skip_invalid=True)
    assert result.added == 5
    assert [(s.where, s.task_id) for s in result.skipped] == [
        ("line 1", ""), ("line 4", "drop-alternate-nodes"), ("line 6", "digit-fold")]
    assert "wrong_answer" in result.skipped[1].reason and "entry_point" in result.skipped[2].reason
    assert not core.bank.contains("drop-alternate-nodes") and core.bank.contains("trim-small-leaves")


# -- the batch validation ------------------------------------------------------------------------------------------


def _problems() -> list[CodingProblem]:
    items = [parse_item(record_to_raw(r), "leetcodedataset") for r in sample_records()]
    return [item for item in items if isinstance(item, CodingProblem)]


def test_batches_validate_without_a_run_per_reference(judge: Judge) -> None:
    runner = CountingRunner(judge, sandboxed=True)
    problems = _problems()
    assert ReferenceValidator(runner, batch_size=3).validate(iter(problems)) == [None] * len(problems)
    assert runner.runs == []  # every reference passed inside a batch: no single judge run was needed


def test_a_hostile_reference_fails_alone_in_its_batch(judge: Judge) -> None:
    fold, calm = _problems()[4], _problems()[0]
    hostile = {
        "exits": "import os\nclass Solution:\n    def digitFold(self, n):\n        os._exit(3)\n",
        "ignores-the-timer": ("import signal\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\nclass Solution:\n"
                              "    def digitFold(self, n):\n        while True:\n            pass\n"),
        # In a shared process this would break the next reference too: it calls max().
        "patches-builtins": ("import builtins\nbuiltins.max = min\nclass Solution:\n"
                             "    def digitFold(self, n):\n        return n % 9\n"),
    }
    problems: list[CodingProblem] = []
    for name, code in hostile.items():
        problems.append(replace(fold, slug=f"fold-{name}", solution=Solution(python=code)))
        problems.append(replace(calm, slug=f"calm-after-{name}"))
    runner = CountingRunner(judge, sandboxed=True)
    results = ReferenceValidator(runner, batch_size=len(problems)).validate(iter(problems))
    assert results[1::2] == [None, None, None]  # the neighbours still pass: a forked child per task
    assert "runtime_error" in str(results[0]) and "exited with status 3" in str(results[0])
    assert "time_limit_exceeded" in str(results[2])
    assert "wrong_answer on example 2" in str(results[4])
    # Only the failures were run again alone, for the judge's own message.
    assert set(runner.runs) == {"fold-exits", "fold-ignores-the-timer", "fold-patches-builtins"}


def test_without_a_sandboxed_judge_references_run_one_by_one(judge: Judge) -> None:
    runner = CountingRunner(judge, sandboxed=False)
    problems = _problems()[:2]
    assert ReferenceValidator(runner).validate(problems) == [None, None]
    assert sorted(runner.runs) == sorted([p.slug for p in problems] * 2)  # Run (examples), then Submit
