"""The interview-quality harness on the labelled set, through the real session service without a model: the floors
below are what the bank interviewer and the measured scoring reach today (short of the targets in docs/ai.md); a
change that lowers them fails here."""

from __future__ import annotations

from pathlib import Path

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.cli.quality_harness import Summary, load_cases, run_case

CASES = Path(__file__).resolve().parents[2] / "bench" / "interviewer_cases" / "harness.json"


def test_labelled_answers_are_ordered_followed_up_and_never_shown_a_broken_turn(core: AppCore) -> None:
    cases = [c for c in load_cases(CASES) if c.kind != "coding"]
    summary = Summary([run_case(core, case) for case in cases])
    right, total, _ = summary.pairs()
    held, twins, broken = summary.injections()
    hit, asked, _ = summary.gaps()
    assert total > 150 and right / total >= 0.94, summary.pairs()[2]
    assert twins >= 10 and held == twins, broken
    assert hit / asked >= 0.88, summary.gaps()[2]
    assert [s for o in summary.outcomes for s in o.shown] == []
    assert max(o.first_word_start_s for o in summary.outcomes) < 3.0
    # follow-ups come from the bank, tagged with the gap they address, and name the item's own subject
    follows = [o for o in summary.outcomes if o.follow_gap not in (None, "none")]
    assert follows and all(o.follow_text.rstrip().endswith("?") for o in follows)
