"""What an answer can lack, as tags: the interviewer's follow-ups are authored per tag in the bank and chosen by
code from what was measured in the answer."""

from __future__ import annotations

from enum import StrEnum


class Gap(StrEnum):
    # behavioral, in the order an interviewer addresses them when several are missing
    RELEVANCE = "relevance"
    OWNERSHIP = "ownership"
    RESULT = "result"
    SITUATION = "situation"
    REFLECTION = "reflection"
    # coding, in the same sense
    FAILING = "failing"
    TESTING = "testing"
    COMPLEXITY = "complexity"
    OPTIMIZE = "optimize"
    HINTS = "hints"


BEHAVIORAL_GAPS: tuple[Gap, ...] = (Gap.RELEVANCE, Gap.OWNERSHIP, Gap.RESULT, Gap.SITUATION, Gap.REFLECTION)
CODING_GAPS: tuple[Gap, ...] = (Gap.FAILING, Gap.TESTING, Gap.COMPLEXITY, Gap.OPTIMIZE, Gap.HINTS)
# Behavioral items author every tag but relevance can fall back to the question itself; theory items author one
# follow-up per key point, tagged point-1, point-2, ...


def point_gap(index: int) -> str:
    """The tag of a theory item's key point (0-based index in, 1-based tag out)."""
    return f"point-{index + 1}"


def point_index(tag: str) -> int | None:
    if tag.startswith("point-") and tag[6:].isdigit():
        return int(tag[6:]) - 1
    return None


def required_gap_tags(kind: str, key_points: int = 0) -> tuple[str, ...]:
    """The tags a built-in item of this kind must author."""
    if kind == "behavioral":
        return tuple(g.value for g in BEHAVIORAL_GAPS)
    if kind == "coding":
        return tuple(g.value for g in CODING_GAPS)
    return tuple(point_gap(i) for i in range(key_points))
