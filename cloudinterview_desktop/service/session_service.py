"""The session service: CloudInterview's Worker routes (create, next question, answer, chat, hint, run code, end)
as Qt-free methods. Every mutation is one transaction, committed before the method returns."""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cloudinterview_desktop.domain.errors import Cancelled, DomainError, ProblemNotFound, SessionBusy
from cloudinterview_desktop.domain.judging import JudgeMode, JudgeReport
from cloudinterview_desktop.domain.modes import mode_spec
from cloudinterview_desktop.domain.ports import (
    CodeRunner,
    FeedbackBuilder,
    Interviewer,
    InterviewerTurn,
    ProgressSink,
    QuestionSource,
    SessionLeases,
    TokenSink,
    TurnContext,
    TurnKind,
)
from cloudinterview_desktop.domain.problems import BankItem, CodingProblem
from cloudinterview_desktop.domain.session import (
    Action,
    AIResponse,
    EventKind,
    Feedback,
    InterviewAnswer,
    InterviewQuestion,
    InterviewSession,
    Mode,
    Role,
    SessionConfig,
    SessionStatus,
    SessionSummary,
    transition,
)
from cloudinterview_desktop.interviewer.bank_interviewer import BankInterviewer
from cloudinterview_desktop.interviewer.contract import ContractedInterviewer
from cloudinterview_desktop.service.data_management import remove_session_files
from cloudinterview_desktop.service.question_text import question_prompt
from cloudinterview_desktop.store.session_repository import (
    NewEvent,
    SessionChanges,
    SessionRepository,
)

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


class UnknownProblem(DomainError):
    """A pinned question that is not in the bank or does not fit the interview's mode."""


@dataclass(frozen=True)
class SessionStep:
    """What an operation produced: the session as committed, and the interviewer's new turns."""

    session: InterviewSession
    messages: tuple[AIResponse, ...] = ()
    report: JudgeReport | None = None


@dataclass(frozen=True)
class HintStep:
    session: InterviewSession
    level: int
    text: str
    from_ladder: bool


class SessionService:
    def __init__(self, repository: SessionRepository, questions: QuestionSource, interviewer: Interviewer,
                 feedback: FeedbackBuilder, judge: CodeRunner | None = None, clock: Clock = datetime.now,
                 profile_id: str = "local", session_file_dirs: tuple[Path, ...] = (),
                 leases: SessionLeases | None = None) -> None:
        self._repo = repository
        self._leases = leases
        self._questions = questions
        # Every turn, whoever writes it, keeps the turn contract; the bank's interviewer stands in for a turn
        # that cannot.
        self._interviewer = ContractedInterviewer(interviewer, fallback=BankInterviewer())
        self._feedback = feedback
        self._judge = judge
        self._clock = clock
        self._profile = profile_id
        self._file_dirs = session_file_dirs  # recordings/ and reports/: each session's files live in <dir>/<id>/

    # -- create / start / resume ------------------------------------------------------------------------------

    def create_session(self, config: SessionConfig, seed: int | None = None,
                       problems: Sequence[str] = ()) -> InterviewSession:
        """A new session; `problems` pins the questions (bank slugs, asked in that order) instead of selecting."""
        config = replace(config, mode=mode_spec(config.mode).mode)  # a registered mode (UnknownMode otherwise)
        if problems:
            items = [self._pinned(slug, config.mode) for slug in problems]
            config = replace(config, question_count=len(items),
                             coding_count=sum(1 for i in items if isinstance(i, CodingProblem)))
        else:
            if config.question_count < 1:
                raise DomainError("an interview needs at least one question")
            exclude = self._repo.seen_item_slugs(self._profile)
            items = self._questions.select(config, exclude, seed if seed is not None else random.randrange(2**31))
        if not items:
            raise DomainError(f"no questions in the bank match mode {config.mode.value}, job {config.job_type}")
        questions = [
            InterviewQuestion(index=i, item_slug=item.slug, kind=item.kind.value, title=item.title,
                              prompt=question_prompt(item), difficulty=item.difficulty.value,
                              topics=tuple(item.topics))
            for i, item in enumerate(items)
        ]
        session = self._repo.create(config, questions, self._clock(), self._profile)
        self._claim(session.id)
        return session

    def _pinned(self, slug: str, mode: Mode) -> BankItem:
        try:
            item = self._questions.get(slug)
        except (KeyError, LookupError, DomainError, ProblemNotFound) as exc:
            raise UnknownProblem(f"no question {slug!r} in the bank (see: cloudinterview problems list)") from exc
        kinds = mode_spec(mode).kinds
        if item.kind.value not in kinds:
            raise UnknownProblem(f"{slug!r} is a {item.kind.value} question; a {mode.value} interview asks "
                                 f"{' and '.join(kinds)} questions (use --mode)")
        return item

    def start_session(self, session_id: str, on_token: TokenSink | None = None,
                      cancel: threading.Event | None = None) -> SessionStep:
        self._claim(session_id)
        session = self._repo.get(session_id)
        status = transition(session.status, Action.START)
        now = self._clock()
        session = self._repo.apply(session_id, SessionChanges(
            status=status, started_at=now, activity_at=now,
            events=[NewEvent(EventKind.SESSION_STARTED, now, payload={"questions": len(session.questions)})]))
        intro = self._say(TurnKind.INTRO, TurnContext(session=session), on_token, cancel)
        return self._ask(session, 0, intro, on_token, cancel)

    def resume_session(self, session_id: str) -> InterviewSession:
        self._claim(session_id)
        session = self._repo.get(session_id)
        if session.status is SessionStatus.CREATED:
            return self.start_session(session_id).session
        session.require_open()
        now = self._clock()
        return self._repo.apply(session_id, SessionChanges(activity_at=now, events=[
            NewEvent(EventKind.STATUS_CHANGED, now, session.current_question_index, {"resumed": True})]))

    def get(self, session_id: str) -> InterviewSession:
        return self._repo.get(session_id)

    def release_thread(self) -> None:
        """What a worker thread calls before it ends: the store's per-thread connection is closed."""
        self._repo.release_thread()

    def warm_up(self) -> str:
        """Load what the first turn needs (the model) and the judge ahead of time; returns what the interviewer runs
        on."""
        warm_judge = getattr(self._judge, "warm_up", None)
        if callable(warm_judge):
            warm_judge()
        warm = getattr(self._interviewer, "warm_up", None)
        return str(warm()) if callable(warm) else "the question bank's interviewer (no model loaded)"

    def reload_interviewer(self) -> str:
        """The model the settings name now (or none), without a restart; returns what the interviewer runs on."""
        reload = getattr(self._interviewer, "reload", None)
        return str(reload()) if callable(reload) else self.warm_up()

    # -- the interview ---------------------------------------------------------------------------------------

    def next_question(self, session_id: str, on_token: TokenSink | None = None,
                      cancel: threading.Event | None = None) -> SessionStep:
        self._claim(session_id)
        session = self._repo.get(session_id)
        session.require_open()
        if session.is_last_question:
            raise DomainError(f"question {session.current_question_index + 1} of {len(session.questions)} is the "
                              "last one; end the interview to get feedback")
        return self._ask(session, session.current_question_index + 1, (), on_token, cancel)

    def submit_answer(self, session_id: str, text: str, code: str = "", language: str = "",
                      audio_path: str = "", on_token: TokenSink | None = None,
                      cancel: threading.Event | None = None, follow_up: bool = True,
                      delivery: dict[str, Any] | None = None) -> SessionStep:
        """Store the answer (committed before anything else happens), then let the interviewer follow up."""
        self._claim(session_id)
        if not text.strip() and not code.strip():
            raise DomainError("the answer is empty")
        session = self._repo.get(session_id)
        session.require_open()
        now = self._clock()
        index = session.current_question_index
        answer = InterviewAnswer(question_index=index, text=text, submitted_at=now, code=code, language=language,
                                 audio_path=audio_path)
        payload: dict[str, Any] = {"chars": len(text), "has_code": bool(code.strip())}
        if delivery:
            payload["delivery"] = delivery  # spoken answers: words per minute, fillers, pauses, talk time
        session = self._repo.apply(session_id, SessionChanges(
            answers=[answer], activity_at=now,
            messages=[AIResponse(Role.CANDIDATE, "answer", text or code, now, index)],
            events=[NewEvent(EventKind.ANSWER_SUBMITTED, now, index, payload)]))
        if not follow_up:
            return SessionStep(session)
        item = self._item_for(session, index)
        turn = self._interviewer.turn(TurnKind.FOLLOW_UP, TurnContext(session, session.current_question, item,
                                                                      candidate_message=text), on_token, cancel)
        if turn is None:
            return SessionStep(session)
        return self._record_turns(session, [(TurnKind.FOLLOW_UP, turn)])

    def chat(self, session_id: str, message: str, on_token: TokenSink | None = None,
             cancel: threading.Event | None = None) -> SessionStep:
        self._claim(session_id)
        if not message.strip():
            raise DomainError("the message is empty")
        session = self._repo.get(session_id)
        session.require_open()
        now = self._clock()
        index = session.current_question_index
        session = self._repo.apply(session_id, SessionChanges(
            activity_at=now, messages=[AIResponse(Role.CANDIDATE, "chat", message, now, index)],
            events=[NewEvent(EventKind.MESSAGE, now, index, {"role": Role.CANDIDATE.value, "chars": len(message)})]))
        turn = self._interviewer.turn(TurnKind.CHAT, TurnContext(session, session.current_question,
                                                                 self._item_for(session, index), message),
                                      on_token, cancel)
        if turn is None:
            return SessionStep(session)
        return self._record_turns(session, [(TurnKind.CHAT, turn)])

    def hint(self, session_id: str, on_token: TokenSink | None = None,
             cancel: threading.Event | None = None) -> HintStep:
        """The problem's own ladder first; the interviewer writes hints only beyond it. Each hint records its level."""
        self._claim(session_id)
        session = self._repo.get(session_id)
        session.require_open()
        index = session.current_question_index
        level = session.hints_used(index) + 1
        item = self._item_for(session, index)
        ladder = item.hints if isinstance(item, CodingProblem) else ()
        if level <= len(ladder):
            text, source, from_ladder = ladder[level - 1], "ladder", True
        else:
            turn = self._interviewer.turn(TurnKind.HINT, TurnContext(session, session.current_question, item,
                                                                     hint_level=level), on_token, cancel)
            if turn is None:
                raise DomainError("no further hints are available for this question")
            text, source, from_ladder = turn.text, turn.source, False
        now = self._clock()
        session = self._repo.apply(session_id, SessionChanges(
            activity_at=now, messages=[AIResponse(Role.INTERVIEWER, "hint", text, now, index, source)],
            events=[NewEvent(EventKind.HINT, now, index, {"level": level, "source": source,
                                                          "style": session.config.style.value})]))
        return HintStep(session, level, text, from_ladder)

    def run_code(self, session_id: str, code: str, language: str, mode: JudgeMode = JudgeMode.RUN,
                 custom_inputs: list[dict[str, Any]] | None = None, progress: ProgressSink | None = None,
                 cancel: threading.Event | None = None) -> SessionStep:
        self._claim(session_id)
        if self._judge is None:
            raise DomainError("the code judge is not available")
        session = self._repo.get(session_id)
        session.require_open()
        index = session.current_question_index
        item = self._item_for(session, index)
        if not isinstance(item, CodingProblem):
            raise DomainError("the current question is not a coding problem")
        self._repo.save_draft(session_id, index, language, code, self._clock())
        report = self._judge.run(item, code, language, mode, custom_inputs, progress, cancel)
        now = self._clock()
        payload = {"mode": mode.value, "language": language, "verdict": report.verdict.value,
                   "passed": report.passed, "total": report.total, "time_ms": round(report.time_ms, 1),
                   "memory_kb": report.memory_kb, "code": code, "first_failure": report.first_failure}
        session = self._repo.apply(session_id, SessionChanges(
            activity_at=now, events=[NewEvent(EventKind.CODE_RUN, now, index, payload)]))
        return SessionStep(session, report=report)

    def submit_code(self, session_id: str, code: str, language: str, progress: ProgressSink | None = None,
                    cancel: threading.Event | None = None) -> SessionStep:
        """Judge against the hidden tests; an accepted solution is also stored as the answer to the question."""
        self._claim(session_id)
        step = self.run_code(session_id, code, language, JudgeMode.SUBMIT, None, progress, cancel)
        assert step.report is not None
        session = step.session
        if step.report.accepted:
            session = self.submit_answer(session_id, "", code=code, language=language, follow_up=False).session
        # The interviewer follows up on what the submission showed: failing cases, no testing, complexity.
        index = session.current_question_index
        turn = self._interviewer.turn(TurnKind.FOLLOW_UP, TurnContext(session, session.current_question,
                                                                      self._item_for(session, index),
                                                                      last_report=step.report), None, cancel)
        if turn is None:
            return SessionStep(session, report=step.report)
        followed = self._record_turns(session, [(TurnKind.FOLLOW_UP, turn)])
        return SessionStep(followed.session, followed.messages, report=step.report)

    def code_for(self, session_id: str, question_index: int, language: str) -> str:
        """What the editor shows: the saved draft for this question and language, else the starter code."""
        drafts = self._repo.drafts(session_id, question_index)
        if language in drafts:
            return drafts[language]
        session = self._repo.get(session_id)
        item = self._item_for(session, question_index)
        if not isinstance(item, CodingProblem) or self._judge is None:
            return ""
        return self._judge.starter_code(item, language)

    def save_draft(self, session_id: str, question_index: int, language: str, code: str) -> None:
        self._claim(session_id)
        self._repo.save_draft(session_id, question_index, language, code, self._clock())

    def drafts(self, session_id: str, question_index: int) -> dict[str, str]:
        return self._repo.drafts(session_id, question_index)

    # -- ending ----------------------------------------------------------------------------------------------

    def end_session(self, session_id: str, on_token: TokenSink | None = None,
                    cancel: threading.Event | None = None, progress: ProgressSink | None = None) -> SessionStep:
        """Ends the interview with its feedback. A cancel stops only the model's part (the goodbye, the model's
        evaluation): the session still ends, with everything code measured."""
        self._claim(session_id)
        session = self._repo.get(session_id)
        status = transition(session.status, Action.COMPLETE)  # raises on "end twice" before any work is done
        items = {q.item_slug: self._questions.get(q.item_slug) for q in session.questions}
        try:
            outro = self._interviewer.turn(TurnKind.OUTRO, TurnContext(session), on_token, cancel)
        except Cancelled:
            outro = None
        now = self._clock()
        ended = session.with_status(status)
        feedback = self._feedback.build(ended, items, cancel, progress)
        messages = []
        if outro is not None:
            messages.append(AIResponse(Role.INTERVIEWER, TurnKind.OUTRO.value, outro.text, now, None, outro.source))
        session = self._repo.apply(session_id, SessionChanges(
            status=status, ended_at=now, activity_at=now, messages=messages, feedback=Feedback(now, feedback),
            events=[NewEvent(EventKind.FEEDBACK, now, None, {"source": feedback.get("source", "")}),
                    NewEvent(EventKind.STATUS_CHANGED, now, None, {"status": status.value})]))
        self._release(session_id)
        return SessionStep(session, tuple(messages))

    def abandon_session(self, session_id: str) -> InterviewSession:
        self._claim(session_id)
        session = self._repo.get(session_id)
        status = transition(session.status, Action.ABANDON)
        now = self._clock()
        session = self._repo.apply(session_id, SessionChanges(
            status=status, ended_at=now, activity_at=now,
            events=[NewEvent(EventKind.STATUS_CHANGED, now, None, {"status": status.value})]))
        self._release(session_id)
        return session

    def expire_idle(self, idle_for: timedelta) -> list[str]:
        """CloudInterview's Durable Objects clean up after 2 hours idle; here such sessions become `expired`."""
        now = self._clock()
        expired = []
        for session_id in self._repo.idle_in_progress(idle_for, now):
            if self._holder(session_id):
                continue  # idle here, but being run in another window or terminal
            session = self._repo.get(session_id)
            status = transition(session.status, Action.EXPIRE)
            last = session.last_activity_at or now
            payload = {"status": status.value, "idle_minutes": idle_for.total_seconds() / 60}
            self._repo.apply(session_id, SessionChanges(
                status=status, ended_at=last, activity_at=last,
                events=[NewEvent(EventKind.STATUS_CHANGED, now, None, payload)]))
            expired.append(session_id)
        return expired

    def interrupted_sessions(self) -> list[SessionSummary]:
        """Sessions left in progress (a crash, a killed process): offered for resume at start."""
        return self._with_holders(self._repo.summaries(status=SessionStatus.IN_PROGRESS))

    def list_sessions(self, status: SessionStatus | None = None) -> list[SessionSummary]:
        return self._with_holders(self._repo.summaries(status=status))

    def _with_holders(self, summaries: list[SessionSummary]) -> list[SessionSummary]:
        """Sessions in progress that another process runs now are marked, so they are shown busy, not resumable."""
        return [replace(s, open_elsewhere=self._holder(s.id)) if s.status is SessionStatus.IN_PROGRESS
                or s.status is SessionStatus.CREATED else s for s in summaries]

    def delete_all_sessions(self) -> int:
        """"Delete all my data": every session with its answers, recordings and reports."""
        ids = [s.id for s in self._repo.summaries()]
        self._repo.delete_all()
        for session_id in ids:
            remove_session_files(self._file_dirs, session_id)
        return len(ids)

    def delete_session(self, session_id: str) -> int:
        """Delete the session with its answers, recordings and reports; returns the number of files removed."""
        holder = self._holder(session_id)
        if holder:
            raise SessionBusy(session_id, holder)
        self._repo.delete(session_id)
        return remove_session_files(self._file_dirs, session_id)

    # -- internals -------------------------------------------------------------------------------------------

    def _claim(self, session_id: str) -> None:
        if self._leases is not None:
            self._leases.claim(session_id)

    def _release(self, session_id: str) -> None:
        if self._leases is not None:
            self._leases.release(session_id)

    def _holder(self, session_id: str) -> str:
        return self._leases.holder(session_id) if self._leases is not None else ""

    def _item_for(self, session: InterviewSession, index: int) -> BankItem:
        return self._questions.get(session.questions[index].item_slug)

    def _say(self, kind: TurnKind, context: TurnContext, on_token: TokenSink | None,
             cancel: threading.Event | None) -> tuple[tuple[TurnKind, InterviewerTurn], ...]:
        turn = self._interviewer.turn(kind, context, on_token, cancel)
        return ((kind, turn),) if turn is not None else ()

    def _ask(self, session: InterviewSession, index: int, before: tuple[tuple[TurnKind, InterviewerTurn], ...],
             on_token: TokenSink | None, cancel: threading.Event | None) -> SessionStep:
        question = session.questions[index]
        item = self._questions.get(question.item_slug)
        turns = list(before)
        turns += self._say(TurnKind.ASK, TurnContext(session, question, item), on_token, cancel)
        now = self._clock()
        messages = [AIResponse(Role.INTERVIEWER, kind.value, turn.text, now, index, turn.source)
                    for kind, turn in turns]
        session = self._repo.apply(session.id, SessionChanges(
            current_question_index=index, asked=[(index, now)], activity_at=now, messages=messages,
            events=[NewEvent(EventKind.QUESTION_ASKED, now, index, {
                "slug": question.item_slug, "kind": question.kind,
                **({"contract_caught": caught} if (caught := [c for _, t in turns for c in t.caught]) else {})})]))
        return SessionStep(session, tuple(messages))

    def _record_turns(self, session: InterviewSession,
                      turns: list[tuple[TurnKind, InterviewerTurn]]) -> SessionStep:
        now = self._clock()
        index = session.current_question_index
        messages = [AIResponse(Role.INTERVIEWER, kind.value, turn.text, now, index, turn.source)
                    for kind, turn in turns]
        session = self._repo.apply(session.id, SessionChanges(
            activity_at=now, messages=messages,
            events=[NewEvent(EventKind.MESSAGE, now, index, _turn_payload(m, turn))
                    for m, (_, turn) in zip(messages, turns, strict=True)]))
        return SessionStep(session, tuple(messages))


def _turn_payload(message: AIResponse, turn: InterviewerTurn) -> dict[str, Any]:
    payload: dict[str, Any] = {"role": Role.INTERVIEWER.value, "purpose": message.purpose, "source": message.source}
    if turn.caught:
        payload["contract_caught"] = list(turn.caught)  # removed before the candidate saw the turn
    return payload

