"""Pinned questions from the CLI, and a model that did not pass its capability check never writes a turn."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cloudinterview_desktop.ai.services.capability import CapabilityReport, CapabilityStore, TaskResult
from cloudinterview_desktop.app import AppCore

REPO = Path(__file__).resolve().parents[2]


def _cli(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cloudinterview_desktop", "--home", str(home), *args],
                          input=stdin, capture_output=True, text=True, timeout=120, cwd=REPO)


def test_problem_pins_questions_in_order_and_rejects_unknown_or_misfit_slugs(app_home: Path) -> None:
    bad = _cli(app_home, "interview", "--no-model", "--problem", "no-such-question")
    assert bad.returncode == 2 and "no-such-question" in bad.stderr
    misfit = _cli(app_home, "interview", "--no-model", "--mode", "behavioral", "--problem", "two-sum")
    assert misfit.returncode == 2 and "coding question" in misfit.stderr
    answer = ("At my previous company our team gave me feedback that my reviews were harsh. I rewrote my review "
              "checklist and I asked two juniors for input every month.\n.\n/quit\n")
    run = _cli(app_home, "interview", "--no-model", "--mode", "behavioral", "--problem", "acted-on-feedback",
               "--problem", "bug-you-shipped", stdin=answer)
    assert run.returncode == 0, run.stderr
    assert "Question 1 of 2: Describe a piece of feedback" in run.stdout
    # the answer has no result: the follow-up is the item's authored one for that gap
    assert "what evidence did you see that the change was actually sticking?" in run.stdout


def test_a_model_that_failed_its_check_never_writes_turns(core: AppCore) -> None:
    from cloudinterview_desktop.ai_setup import AIInterviewer

    failed = CapabilityReport("tiny", False, {"follow_up_choice": TaskResult(3, 12), "answer_order": TaskResult(3, 6)},
                              1.0, 1)
    ai = core.ai
    ai._checked, ai._capability = True, failed  # what check() stores after measuring a failing model
    assert ai.capable() is None
    store = CapabilityStore(core.paths.data_dir / "checks.json")
    store.put("gguf:tiny.gguf:1", failed)
    assert store.get("gguf:tiny.gguf:1", 1) == failed and store.get("gguf:tiny.gguf:1", 2) is None
    assert isinstance(AIInterviewer(ai), AIInterviewer)
    assert "3/12 (25%)" in failed.summary() and "pass mark 90%" in failed.summary()


def test_terminal_clarifying_questions_are_answered_from_the_item_and_follow_ups_never_repeat(app_home: Path) -> None:
    brute = ("def two_sum(nums, target):\n    for i in range(len(nums)):\n        for j in range(i + 1, len(nums)):\n"
             "            if nums[i] + nums[j] == target:\n                return [i, j]\n    return []\n")
    script = ("Can the array contain negative numbers?\n.\nI'd check every pair.\n.\n/submit python\n" + brute +
              ".\nIt is O(n^2) time and O(1) space.\n.\n/quit\n")
    run = _cli(app_home, "interview", "--no-model", "--problem", "two-sum", stdin=script)
    assert run.returncode == 0, run.stderr
    assert "Interviewer: The question says: \u201c-10^9 <= nums[i], target <= 10^9\u201d" in run.stdout
    assert "runs out of time on the larger hidden inputs" in run.stdout  # the TLE, without the failing input
    said = [line for line in run.stdout.splitlines() if line.startswith("Interviewer:")]
    assert len(said) == len(set(said))
