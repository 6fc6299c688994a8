"""The interviewer whose judgement lives in code and the bank: intros and transitions from templates with the
session's exact facts, follow-ups chosen from the item's authored follow-ups by the gap measured in the answer,
clarifying questions answered from the item. It works the same with or without a language model."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from cloudinterview_desktop.domain.gaps import Gap, point_index
from cloudinterview_desktop.domain.jobs import job_title
from cloudinterview_desktop.domain.modes import mode_spec
from cloudinterview_desktop.domain.ports import InterviewerTurn, TokenSink, TurnContext, TurnKind
from cloudinterview_desktop.domain.problems import BankItem, BehavioralQuestion, CodingProblem, TheoryQuestion
from cloudinterview_desktop.domain.session import InterviewSession, InterviewStyle, Role
from cloudinterview_desktop.interviewer.clarify import clarification, is_question
from cloudinterview_desktop.interviewer.gaps import (
    CodingState,
    answer_gap,
    coding_gaps,
    coding_state,
    failing_kind,
)
from cloudinterview_desktop.interviewer.text_signals import normalized, sentences

SOURCE = "bank"

# Follow-ups for items that author none for a gap (imported problems, user items), one per gap.
GENERIC: dict[str, str] = {
    Gap.RELEVANCE: "Let's come back to the question I asked. Can you answer it with one specific example?",
    Gap.OWNERSHIP: "You described what the team did. What did you personally do?",
    Gap.RESULT: "What was the outcome, and how did you know it had worked?",
    Gap.SITUATION: "Can you walk me through one specific time this happened, and what was at stake?",
    Gap.REFLECTION: "Looking back, what would you do differently next time?",
    Gap.FAILING: "Which kinds of input could break your solution?",
    Gap.TESTING: "Which small case would you trace by hand before submitting?",
    Gap.COMPLEXITY: "What are the time and space complexity of your solution?",
    Gap.OPTIMIZE: "Which part of your solution repeats work that you could avoid?",
    Gap.HINTS: "In your own words, why does your approach give the right answer?",
    "point": "Is there another side of this you would cover in a real design discussion?",
    "complete": "If the input grew a hundred times larger, what would you change first?",
}


@dataclass(frozen=True)
class FollowUp:
    text: str
    gap: str | None  # the gap it addresses; None for a deeper question after a complete answer


def _said(session: InterviewSession) -> set[str]:
    """Every sentence the interviewer has said in this session, normalised: a follow-up is never asked twice."""
    return {normalized(s) for r in session.ai_responses if r.role is Role.INTERVIEWER for s in sentences(r.content)}


def _fresh(text: str, said: set[str]) -> bool:
    return not any(normalized(s) in said for s in sentences(text))


def _lead_for_gap(item: BankItem | None, gap: str | None, state: CodingState | None) -> str:
    if gap == Gap.FAILING and isinstance(item, CodingProblem) and state is not None:
        return f"Your last submission {failing_kind(item, state)}."
    return ""


def _authored(item: BankItem | None, gap: str, state: CodingState | None) -> str | None:
    if item is None:
        return None
    if gap == Gap.FAILING and state is not None \
            and state.last_verdict in ("time_limit_exceeded", "memory_limit_exceeded"):
        return item.gap_follow_ups.get(Gap.OPTIMIZE)  # too slow: the question is how to do less work
    return item.gap_follow_ups.get(gap)


def choose_follow_up(item: BankItem | None, session: InterviewSession, index: int, answer: str) -> FollowUp | None:
    """The authored follow-up for the first gap the answer leaves that was not asked about yet in this session;
    else a generic one for the first gap; a complete answer gets the item's own deeper follow-ups."""
    state: CodingState | None = None
    if isinstance(item, CodingProblem):
        state = coding_state(session, index)
        gaps: list[str] = [g.value for g in coding_gaps(state, item)]
        if state.submits == 0 and not gaps:
            return FollowUp("Sounds like a plan. Which small example will you run first once it's written?", None)
    else:
        found = answer_gap(item, answer)
        gaps = [found] if found else []
    said = _said(session)
    candidates: list[tuple[str, str | None]] = []
    for gap in gaps:
        text = _authored(item, gap, state)
        if text:
            candidates.append((text, gap))
    if gaps and not candidates:  # an item that authors nothing for its gaps (imported, user-written)
        candidates.append((GENERIC["point" if point_index(gaps[0]) is not None else gaps[0]], gaps[0]))
    # Once its gaps were asked about, or when there are none, a deeper question.
    candidates += [(f, None) for f in (item.follow_ups if isinstance(item, TheoryQuestion | BehavioralQuestion)
                                       else ())]
    candidates.append((GENERIC["complete"], None))
    for text, tag in candidates:
        if _fresh(text, said):
            return FollowUp(f"{_lead_for_gap(item, tag, state)} {text}".strip(), tag)
    return None


def intro_text(session: InterviewSession) -> str:
    config = session.config
    count = len(session.questions)
    kinds = {q.kind for q in session.questions}
    what = "a coding interview" if kinds == {"coding"} else mode_spec(config.mode).greeting_name
    plural = "question" if count == 1 else "questions"
    style = ("Hints are there if you need them, but in this style each one counts against your score."
             if config.style is InterviewStyle.INTERVIEWER else "Ask for hints and explanations any time.")
    focus = " I'll keep the job description you gave in mind." if config.job_description.strip() else ""
    return (f"Hello, and welcome. This is {what} for a {job_title(config.job_type, config.seniority)} role: "
            f"{count} {plural} in about {config.duration_min} minutes.{focus} {style} Think out loud as you go.")


_OPENERS = ("Let's start.", "Thanks. Let's move on.", "Good, next one.", "Thank you. Here is the next one.")


def ask_text(session: InterviewSession, index: int, item: BankItem | None) -> str:
    question = session.questions[index]
    number, total = index + 1, len(session.questions)
    opener = _OPENERS[0] if index == 0 else _OPENERS[1 + (index - 1) % (len(_OPENERS) - 1)]
    if index == total - 1 and total > 1:
        opener += " This is the last question."
    if isinstance(item, CodingProblem) or question.kind == "coding":
        return (f"{opener} Question {number} of {total} is a coding problem: {question.title}. Talk me through "
                "your approach first, then write it, run it on the examples, and submit when you are ready.")
    text = item.question if isinstance(item, TheoryQuestion | BehavioralQuestion) else question.prompt
    return f"{opener} Question {number} of {total}: {text.strip()}"


def chat_text(item: BankItem | None, message: str) -> str:
    if is_question(message):
        return clarification(item, message)
    return "Noted. Go on whenever you're ready."


class BankInterviewer:
    def turn(self, kind: TurnKind, context: TurnContext, on_token: TokenSink | None = None,
             cancel: threading.Event | None = None) -> InterviewerTurn | None:
        text, source = self._text(kind, context)
        if text is None:
            return None
        if on_token is not None:
            on_token(text)
        return InterviewerTurn(text, source)

    def _text(self, kind: TurnKind, context: TurnContext) -> tuple[str | None, str]:
        session = context.session
        if kind is TurnKind.INTRO:
            return intro_text(session), SOURCE
        if kind is TurnKind.ASK and context.question is not None:
            return ask_text(session, context.question.index, context.item), SOURCE
        if kind is TurnKind.FOLLOW_UP:
            index = context.question.index if context.question is not None else session.current_question_index
            follow = choose_follow_up(context.item, session, index, context.candidate_message)
            if follow is None:
                return None, SOURCE
            return follow.text, f"{SOURCE}:gap={follow.gap or 'none'}"
        if kind is TurnKind.CHAT:
            return chat_text(context.item, context.candidate_message), SOURCE
        if kind is TurnKind.HINT:
            if isinstance(context.item, BehavioralQuestion):
                return ("Structure it as Situation, Task, Action, Result: say what you personally did, and end with "
                        "a result you can measure."), SOURCE
            return None, SOURCE
        if kind is TurnKind.OUTRO:
            return "Thank you, that's the end of the interview. Your feedback is ready.", SOURCE
        return None, SOURCE
