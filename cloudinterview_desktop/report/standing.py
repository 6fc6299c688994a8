"""Where a person stands, from their history: the last scored sessions, the trend, and the weakest rubric dimension
with the short interview that practises it. What the home page shows; Qt-free."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import mean

from cloudinterview_desktop.domain.session import Mode, SessionStatus, SessionSummary
from cloudinterview_desktop.report.rubric_questions import DIMENSION_LABELS

RECENT = 5
WEAK_BELOW = 3.0  # a mean level (1-4) under "meets the bar"
# The short interview that exercises a dimension: mode, questions, of which coding.
PRACTICE: dict[str, tuple[Mode, int, int]] = {
    "understanding": (Mode.TECHNICAL, 1, 1), "problem_solving": (Mode.TECHNICAL, 1, 1),
    "complexity": (Mode.TECHNICAL, 1, 1), "correctness": (Mode.TECHNICAL, 1, 1),
    "code_quality": (Mode.TECHNICAL, 1, 1), "testing": (Mode.TECHNICAL, 1, 1),
    "communication": (Mode.TECHNICAL, 2, 0), "theory_coverage": (Mode.TECHNICAL, 2, 0),
    "star_structure": (Mode.BEHAVIORAL, 2, 0), "ownership": (Mode.BEHAVIORAL, 2, 0),
}


@dataclass(frozen=True)
class WeakSpot:
    dimension: str
    label: str
    level: float  # mean level over the sessions that observed it
    sessions: int
    mode: Mode
    question_count: int
    coding_count: int


@dataclass(frozen=True)
class Standing:
    recent: tuple[SessionSummary, ...]  # the last scored sessions, newest first
    weakest: WeakSpot | None

    @property
    def first_time(self) -> bool:
        return not self.recent

    @property
    def trend(self) -> float | None:
        """Newest minus oldest score of the recent sessions (None with fewer than two)."""
        scores = [s.overall_score for s in self.recent if s.overall_score is not None]
        return round(scores[0] - scores[-1], 1) if len(scores) >= 2 else None


def standing(sessions: list[SessionSummary]) -> Standing:
    """`sessions` in any order; only completed sessions with a score count."""
    scored = sorted((s for s in sessions if s.status is SessionStatus.COMPLETED and s.overall_score is not None),
                    key=lambda s: s.created_at, reverse=True)[:RECENT]
    levels: dict[str, list[float]] = {}
    for summary in scored:
        for name, level in summary.dimensions.items():
            if name in PRACTICE:
                levels.setdefault(name, []).append(level)
    weakest = None
    if levels:
        name, values = min(levels.items(), key=lambda kv: (mean(kv[1]), kv[0]))
        if mean(values) < WEAK_BELOW:
            mode, questions, coding = PRACTICE[name]
            weakest = WeakSpot(name, DIMENSION_LABELS.get(name, name), round(mean(values), 1), len(values), mode,
                               questions, coding)
    return Standing(tuple(scored), weakest)
