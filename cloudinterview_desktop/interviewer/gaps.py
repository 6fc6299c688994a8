"""What an answer lacks, decided by code from what was measured, in the order an interviewer addresses it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cloudinterview_desktop.domain.complexity import normalise_big_o, stated_complexity
from cloudinterview_desktop.domain.gaps import Gap, point_gap
from cloudinterview_desktop.domain.problems import BankItem, BehavioralQuestion, CodingProblem, TheoryQuestion
from cloudinterview_desktop.domain.session import EventKind, InterviewSession, Role
from cloudinterview_desktop.interviewer.answer_analysis import (
    BehavioralAnalysis,
    TheoryAnalysis,
    analyze_behavioral,
    analyze_theory,
)

# A coarse order of growth for the usual single-variable bounds; anything else is not compared.
_GROWTH = {"o(1)": 0, "o(logn)": 1, "o(sqrtn)": 2, "o(√n)": 2, "o(n)": 3, "o(nlogn)": 4, "o(n^2)": 5, "o(n²)": 5,
           "o(n*n)": 5, "o(n^3)": 6, "o(2^n)": 7, "o(n!)": 8, "o(n2^n)": 8, "o(n*2^n)": 8}


def growth(big_o: str) -> int | None:
    return _GROWTH.get(normalise_big_o(big_o)) if big_o else None


@dataclass(frozen=True)
class CodingState:
    """What the session recorded about a coding question, as far as the follow-up needs it."""

    submits: int
    accepted: bool
    last_verdict: str | None
    runs_before_first_submit: int
    stated_time: str
    hints: int
    first_failure: int | None


def coding_state(session: InterviewSession, index: int) -> CodingState:
    runs = [e.payload for e in session.timeline if e.kind is EventKind.CODE_RUN and e.question_index == index]
    first_submit = next((n for n, r in enumerate(runs) if r.get("mode") == "submit"), None)
    submits = [r for r in runs if r.get("mode") == "submit"]
    said = "\n".join([a.text for a in session.answers_for(index)] +
                     [m.content for m in session.ai_responses if m.role is Role.CANDIDATE and m.question_index == index
                      and m.purpose == "chat"])
    last = submits[-1] if submits else None
    return CodingState(
        submits=len(submits), accepted=any(r.get("verdict") == "accepted" for r in submits),
        last_verdict=str(last.get("verdict")) if last else None,
        runs_before_first_submit=first_submit if first_submit is not None else len(runs),
        stated_time=stated_complexity(said).time,
        hints=sum(1 for e in session.timeline if e.kind is EventKind.HINT and e.question_index == index),
        first_failure=last.get("first_failure") if last and isinstance(last.get("first_failure"), int) else None)


def coding_gaps(state: CodingState, item: CodingProblem | None) -> list[Gap]:
    """Every gap the question shows, in the order an interviewer takes them: failing tests, no run before
    submitting, complexity not stated, a stated complexity worse than the reference's, hints used. Before any
    submission only an unstated complexity counts."""
    if state.submits == 0:
        return [] if state.stated_time else [Gap.COMPLEXITY]
    gaps: list[Gap] = []
    if not state.accepted:
        gaps.append(Gap.FAILING)
    if state.runs_before_first_submit == 0:
        gaps.append(Gap.TESTING)
    if not state.stated_time:
        gaps.append(Gap.COMPLEXITY)
    reference = item.solution.time if item is not None and item.solution is not None else ""
    stated, best = growth(state.stated_time), growth(reference)
    if stated is not None and best is not None and stated > best:
        gaps.append(Gap.OPTIMIZE)
    if state.hints:
        gaps.append(Gap.HINTS)
    return gaps



def behavioral_gap(analysis: BehavioralAnalysis) -> Gap | None:
    """Off-topic first; then a story with no personal action ("we" only); then no result; then no setting (a
    generic answer with no story at all lands here too); then no lesson."""
    parts = analysis.parts
    if not analysis.on_topic:
        return Gap.RELEVANCE
    if not analysis.first_person_actions:
        # A story told as "we" (it has a team or a measured outcome) lacks ownership; a generic answer, a story.
        story = analysis.we_sentences >= 2 or analysis.measurable_result.present
        return Gap.OWNERSHIP if story else Gap.SITUATION
    if not parts["result"].present:
        return Gap.RESULT
    if not parts["situation"].present:
        return Gap.SITUATION
    if not parts["reflection"].present:
        return Gap.REFLECTION
    return None


def theory_gap(analysis: TheoryAnalysis) -> str | None:
    """Off-topic first; then the first key point (in the item's order) that was missed."""
    if not analysis.on_topic:
        return Gap.RELEVANCE.value
    for n, point in enumerate(analysis.points):
        if point.status == "missed":
            return point_gap(n)
    return None


def answer_gap(item: BankItem | None, answer: str) -> str | None:
    if isinstance(item, BehavioralQuestion):
        gap = behavioral_gap(analyze_behavioral(answer, item))
        return gap.value if gap else None
    if isinstance(item, TheoryQuestion):
        return theory_gap(analyze_theory(answer, item))
    return None


_EMPTY = re.compile(r"^\s*(\[\s*\]|\"\"|''|\{\s*\})\s*$")


def failing_kind(item: CodingProblem, state: CodingState) -> str:
    """The kind of hidden case that fails, in words that do not give the case away."""
    if state.last_verdict == "time_limit_exceeded":
        return "runs out of time on the larger hidden inputs"
    if state.last_verdict == "memory_limit_exceeded":
        return "runs out of memory on the larger hidden inputs"
    if state.last_verdict in ("runtime_error", "compile_error"):
        return "stops with an error on some hidden inputs" if state.last_verdict == "runtime_error" \
            else "does not compile"
    case = item.tests[state.first_failure] if state.first_failure is not None \
        and 0 <= state.first_failure < len(item.tests) else None
    if case is None:
        return "gives a wrong answer on some hidden inputs"
    if case.large:
        return "gives a wrong answer on one of the larger hidden inputs"
    values = list(case.input.values())
    if any(v in ([], "", {}) or v is None for v in values):
        return "gives a wrong answer on an input with an empty value"
    if any(isinstance(v, list | str) and len(v) == 1 for v in values):
        return "gives a wrong answer on an input with a single element"
    flat = [x for v in values for x in (v if isinstance(v, list) else [v]) if isinstance(x, int | float)]
    if any(x < 0 for x in flat):
        return "gives a wrong answer on an input with negative numbers"
    lists = [v for v in values if isinstance(v, list) and all(isinstance(x, int | str) for x in v)]
    if any(len(set(v)) < len(v) for v in lists):
        return "gives a wrong answer on an input with repeated values"
    return "gives a wrong answer on some hidden inputs"
