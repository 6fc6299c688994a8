"""The published LeetCodeDataset release in ../shared/datasets, read as a person would import it: real records of the
nested layout, the same records in the flat layout with the quirky rows later releases have, duplicates of built-in
problems, refusal with counts, and a cancel that leaves the bank unchanged."""

from __future__ import annotations

import gzip
import json
import threading
from pathlib import Path
from typing import Any

import pytest

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.domain.errors import Cancelled
from cloudinterview_desktop.domain.problems import CodingProblem
from tests.cli.helpers import cli, cli_json

RELEASE = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "LeetCodeDataset-v0.2.0-train.jsonl.gz"
pytestmark = pytest.mark.skipif(not RELEASE.exists(), reason="the shared datasets folder is not next to the project")
WANTED = ("two-sum", "third-maximum-number", "palindrome-number", "climbing-stairs", "merge-two-sorted-lists",
          "maximum-depth-of-binary-tree", "single-number", "coin-path")


def _records(slugs: tuple[str, ...] = WANTED) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    with gzip.open(RELEASE, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["task_id"] in slugs:
                found[record["task_id"]] = record
    return [found[slug] for slug in slugs if slug in found]


def _write(path: Path, records: list[Any]) -> Path:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write((record if isinstance(record, str) else json.dumps(record)) + "\n")
    return path


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    """The same record in the later, flat layout, with the input_output quirks of those releases."""
    meta = record["meta"]
    flat = {k: v for k, v in record.items() if k != "meta"}
    flat.update(question_id=meta["question_id"], difficulty=meta["difficulty"], tags=["Array"],
                problem_description=meta["question_title"], starter_code=meta["lang_code"])
    flat["input_output"] = [*record["input_output"], {"input": "nums = [1]", "output": "Execution timed out"},
                            {"input": "s = cc", "output": "cc"}, {"input": "x = 1", "output": "inf"}]
    return flat


def test_the_nested_release_imports_its_records_with_the_suites_cases(app_home: Path, tmp_path: Path) -> None:
    path = _write(tmp_path / "part.jsonl.gz", _records())
    result = cli_json("problems", "import", str(path), "--skip-invalid", home=app_home)
    skipped = {s["slug"]: s for s in result["skipped"]}
    builtin = {"two-sum", "palindrome-number", "climbing-stairs", "merge-two-sorted-lists",
               "maximum-depth-of-binary-tree", "single-number"} & set(skipped)
    assert builtin and all(skipped[s]["reason"] == "the built-in bank already has this slug" for s in builtin)
    assert {"line", "slug", "reason"} == set(result["skipped"][0])
    assert {"third-maximum-number", "coin-path"} <= set(result["slugs"])
    shown = cli_json("problems", "show", "third-maximum-number", home=app_home)
    # The suite writes `candidate([3, 2, 1]) == 1`: positional, named from the starter's signature.
    cases = [*shown["examples"], *shown["tests"]]
    assert {"input": {"nums": [3, 2, 1]}, "output": 1} in cases
    solution = tmp_path / "third.py"
    solution.write_text("class Solution:\n    def thirdMax(self, nums):\n        top = sorted(set(nums))\n"
                        "        return top[-3] if len(top) >= 3 else top[-1]\n")
    judged = cli_json("judge", "third-maximum-number", str(solution), home=app_home)
    assert judged["verdict"] == "accepted"
    wrong = tmp_path / "wrong.py"
    wrong.write_text("class Solution:\n    def thirdMax(self, nums):\n        return max(nums)\n")
    assert cli_json("judge", "third-maximum-number", str(wrong), home=app_home)["verdict"] == "wrong_answer"


def test_duplicates_can_be_imported_under_a_suffixed_slug(app_home: Path, tmp_path: Path) -> None:
    path = _write(tmp_path / "dups.jsonl", _records(("two-sum", "single-number")))
    result = cli_json("problems", "import", str(path), "--rename-duplicates", home=app_home)
    assert result["slugs"] == ["two-sum-imported", "single-number-imported"] and not result["skipped"]
    assert cli_json("problems", "show", "two-sum-imported", home=app_home)["source"] == "leetcodedataset"
    assert "python_only" not in cli_json("problems", "show", "two-sum", home=app_home)  # the built-in one stays


def test_the_flat_layout_with_quirky_rows_reads_the_same_cases(app_home: Path, tmp_path: Path) -> None:
    nested = _records(("third-maximum-number",))
    path = _write(tmp_path / "flat.jsonl", [_flat(r) for r in nested])
    result = cli_json("problems", "import", str(path), home=app_home)
    assert result["slugs"] == ["third-maximum-number"] and not result["skipped"]
    shown = cli_json("problems", "show", "third-maximum-number", home=app_home)
    outputs = [c["output"] for c in [*shown["examples"], *shown["tests"]]]
    assert "Execution timed out" not in outputs and "cc" not in outputs  # the suite's cases, not the error rows
    assert outputs == [1, 2, 1]


def test_a_broken_file_is_refused_whole_with_the_count_skip_invalid_would_import(app_home: Path,
                                                                              tmp_path: Path) -> None:
    records: list[Any] = [*_records(("third-maximum-number",)), '{"task_id": "half a record',
                                 {"task_id": "no-layout"}]
    before = cli_json("problems", "list", home=app_home)
    refused = cli("problems", "import", str(_write(tmp_path / "bad.jsonl", records)), home=app_home)
    assert refused.returncode == 1
    assert "line 2: invalid JSON" in refused.stderr
    assert "1 of 3 records read correctly: `--skip-invalid` imports those" in refused.stderr
    assert cli_json("problems", "list", home=app_home) == before


def test_cancelling_an_import_in_the_window_stores_nothing(core: AppCore, tmp_path: Path) -> None:
    path = _write(tmp_path / "part.jsonl.gz", _records())
    before = core.bank.user.count()
    cancel = threading.Event()
    steps: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        steps.append((done, total))
        cancel.set()  # the person presses Cancel after the first record

    with pytest.raises(Cancelled):
        core.bank_service.import_file(str(path), progress=progress, cancel=cancel)
    assert steps and core.bank.user.count() == before


SOLUTIONS = {
    "py": "class Solution:\n    def thirdMax(self, nums: List[int]) -> int:\n        top = sorted(set(nums))\n"
          "        return top[-3] if len(top) >= 3 else top[-1]\n",
    "js": "var thirdMax = function(nums) {\n    const top = [...new Set(nums)].sort((a, b) => a - b);\n"
          "    return top.length >= 3 ? top[top.length - 3] : top[top.length - 1];\n};\n",
    "cpp": "class Solution {\npublic:\n    int thirdMax(vector<int>& nums) {\n        set<int> s(nums.begin(), "
           "nums.end());\n        vector<int> top(s.begin(), s.end());\n"
           "        return top.size() >= 3 ? top[top.size() - 3] : top.back();\n    }\n};\n",
    "java": "class Solution {\n    public int thirdMax(int[] nums) {\n        TreeSet<Integer> s = new TreeSet<>();\n"
            "        for (int x : nums) s.add(x);\n        List<Integer> top = new ArrayList<>(s);\n"
            "        return top.size() >= 3 ? top.get(top.size() - 3) : top.get(top.size() - 1);\n    }\n}\n",
}


def test_an_imported_problem_is_solved_in_all_four_languages(core: AppCore, tmp_path: Path) -> None:
    from cloudinterview_desktop.bank.leetcodedataset import import_leetcodedataset
    from cloudinterview_desktop.judge.reference_batches import ReferenceValidator

    path = _write(tmp_path / "one.jsonl", _records(("third-maximum-number",)))
    assert import_leetcodedataset(core.bank, path, ReferenceValidator(core.judge)).added == 1
    problem = core.bank.get("third-maximum-number")
    assert isinstance(problem, CodingProblem)
    assert not problem.python_only and problem.signature is not None and problem.entry_point
    assert "thirdMax(vector<int>& nums)" in core.judge.starter_code(problem, "cpp")
    assert "public int thirdMax(int[] nums)" in core.judge.starter_code(problem, "java")
    assert "class Solution" in core.judge.starter_code(problem, "python")  # the dataset's own starter
    for language, code in (("python", SOLUTIONS["py"]), ("javascript", SOLUTIONS["js"]), ("cpp", SOLUTIONS["cpp"]),
                           ("java", SOLUTIONS["java"])):
        report = core.judge.run(problem, code, language)
        assert report.verdict.value == "accepted", (language, report.message)
        assert report.passed == report.total >= 1
    wrong = SOLUTIONS["java"].replace("top.size() - 3", "top.size() - 2")
    assert core.judge.run(problem, wrong, "java").verdict.value == "wrong_answer"
