"""The interviewer when a language model is loaded: every TurnKind written by the model, streamed and cleaned."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import datetime

from cloudinterview_desktop.ai.backends.base import ChatMessage, LLMBackend
from cloudinterview_desktop.ai.errors import AIError
from cloudinterview_desktop.ai.services.conversation import ConversationBuilder, PendingTurn
from cloudinterview_desktop.ai.services.prompts import PromptLibrary
from cloudinterview_desktop.ai.services.text_cleanup import CODE_FENCE, StreamCleaner
from cloudinterview_desktop.domain.errors import Cancelled
from cloudinterview_desktop.domain.ports import Interviewer, InterviewerTurn, TokenSink, TurnContext, TurnKind
from cloudinterview_desktop.domain.problems import BehavioralQuestion, CodingProblem, TheoryQuestion
from cloudinterview_desktop.domain.session import AIResponse, EventKind, InterviewSession, InterviewStyle, Role

# What must be exact is not left to the model: a question's text is appended verbatim after the model's framing,
# and in interviewer style the reference solution never enters a prompt and a code fence ends the reply.

log = logging.getLogger(__name__)

CODE_CHARS = 2500  # the candidate's code shown with a hint request: enough for an interview-sized solution
_RECENT_SESSIONS = 16


@dataclass(frozen=True)
class TurnLimits:
    """Most tokens a turn may take: short turns keep a small model on topic and the conversation quick."""

    intro: int = 110
    question: int = 70
    follow_up: int = 90
    chat: int = 160
    hint: int = 140
    outro: int = 80

    def for_kind(self, kind: TurnKind) -> int:
        return {TurnKind.INTRO: self.intro, TurnKind.ASK: self.question, TurnKind.FOLLOW_UP: self.follow_up,
                TurnKind.CHAT: self.chat, TurnKind.HINT: self.hint, TurnKind.OUTRO: self.outro}[kind]


def latest_code(session: InterviewSession, index: int) -> str:
    """The candidate's most recent code for a question: the last run or submission, else a submitted answer."""
    for event in reversed(session.timeline):
        if event.kind is EventKind.CODE_RUN and event.question_index == index and event.payload.get("code"):
            return str(event.payload["code"])
    for answer in reversed(session.answers_for(index)):
        if answer.code.strip():
            return answer.code
    return ""


class LLMInterviewer:
    def __init__(self, backend: LLMBackend, *, prompts: PromptLibrary | None = None,
                 fallback: Interviewer | None = None, limits: TurnLimits | None = None,
                 temperature: float = 0.6) -> None:
        self._backend = backend
        self._prompts = prompts or PromptLibrary()
        self._conversation = ConversationBuilder(self._prompts)
        self._fallback = fallback
        self._limits = limits or TurnLimits()
        self._temperature = temperature
        self.last_error = ""
        # Turns written but possibly not yet stored: the service writes the intro and the first question in one
        # transaction, so when the question is asked the session does not hold the intro yet.
        self._recent: OrderedDict[str, list[AIResponse]] = OrderedDict()
        self._recent_lock = threading.Lock()

    @property
    def source(self) -> str:
        return f"model:{self._backend.name}"

    def turn(self, kind: TurnKind, context: TurnContext, on_token: TokenSink | None = None,
             cancel: threading.Event | None = None) -> InterviewerTurn | None:
        if kind is TurnKind.ASK and context.question is None:
            return self._fall_back(kind, context, on_token, cancel, "no question to ask")
        context = replace(context, session=self._with_recent(context.session))
        try:
            pending = self._pending(kind, context)
            messages = self._conversation.messages(context.session, pending, self._backend.count_tokens,
                                                   self._backend.context_length, self._limits.for_kind(kind))
            text = self._generate(messages, kind, context, on_token, cancel)
        except Cancelled:
            raise
        except AIError as exc:
            log.warning("the model could not write the %s turn: %s", kind.value, exc)
            return self._fall_back(kind, context, on_token, cancel, str(exc))
        if kind is TurnKind.ASK:
            verbatim = self._question_text(context)
            joined = f"{text}\n\n{verbatim}" if text else verbatim
            if on_token is not None:
                on_token(joined[len(text):])
            return self._remember(kind, context, InterviewerTurn(joined, self.source))
        if not text:
            return self._fall_back(kind, context, on_token, cancel, "the model's reply was empty")
        return self._remember(kind, context, InterviewerTurn(text, self.source))

    # -- turns not yet stored --------------------------------------------------------------------------------

    def _with_recent(self, session: InterviewSession) -> InterviewSession:
        """The session plus the turns written since the previous call that it does not hold yet. They are offered
        to the next call only: a turn that was never stored (its transaction failed) does not linger."""
        with self._recent_lock:
            recent = self._recent.pop(session.id, [])
        stored = {(r.purpose, r.content) for r in session.ai_responses if r.role is Role.INTERVIEWER}
        missing = tuple(r for r in recent if (r.purpose, r.content) not in stored)
        return replace(session, ai_responses=session.ai_responses + missing) if missing else session

    def _remember(self, kind: TurnKind, context: TurnContext, turn: InterviewerTurn) -> InterviewerTurn:
        index = context.question.index if context.question is not None else None
        response = AIResponse(Role.INTERVIEWER, kind.value, turn.text, datetime.now(), index, turn.source)
        with self._recent_lock:
            self._recent[context.session.id] = [*self._recent.pop(context.session.id, []), response]
            while len(self._recent) > _RECENT_SESSIONS:
                self._recent.popitem(last=False)
        return turn

    # -- prompts ---------------------------------------------------------------------------------------------

    def _pending(self, kind: TurnKind, context: TurnContext) -> PendingTurn:
        build = self._conversation
        session = context.session
        index = context.question.index if context.question is not None else session.current_question_index
        if kind is TurnKind.INTRO:
            return PendingTurn(build.intro_instruction(session))
        if kind is TurnKind.ASK:
            assert context.question is not None
            return PendingTurn(build.ask_instruction(session, context.question.index))
        if kind is TurnKind.FOLLOW_UP:
            ideas = context.item.follow_ups if isinstance(context.item, TheoryQuestion | BehavioralQuestion) else ()
            instruction = build.follow_up_instruction(tuple(ideas))
            if self._last_candidate(session, "answer") == context.candidate_message.strip():
                return PendingTurn(instruction)
            return PendingTurn(build.answer_block(index, context.candidate_message) + "\n\n" + instruction)
        if kind is TurnKind.CHAT:
            if self._last_candidate(session, "chat") == context.candidate_message.strip():
                return PendingTurn("")
            return PendingTurn(build.chat_block(index, context.candidate_message))
        if kind is TurnKind.HINT:
            return PendingTurn(build.hint_request(index, context.hint_level) + "\n\n" + self._hint_context(context))
        return PendingTurn(build.outro_instruction())

    @staticmethod
    def _last_candidate(session: InterviewSession, purpose: str) -> str | None:
        last = session.ai_responses[-1] if session.ai_responses else None
        if last is None or last.role is not Role.CANDIDATE or last.purpose != purpose:
            return None
        return last.content.strip()

    def _hint_context(self, context: TurnContext) -> str:
        session = context.session
        index = context.question.index if context.question is not None else session.current_question_index
        given = [r.content for r in session.ai_responses if r.purpose == "hint" and r.question_index == index]
        if isinstance(context.item, CodingProblem):
            given = list(dict.fromkeys([*context.item.hints, *given]))  # the ladder, then any model hints
        code = latest_code(session, index)
        code_block = f"\nThe candidate's current code:\n<<<\n{code[:CODE_CHARS]}\n>>>" if code.strip() else ""
        if context.last_report is not None:
            report = context.last_report
            code_block += f"\nLast run: {report.passed} of {report.total} tests passed ({report.verdict.value})."
        reference = ""
        solution = context.item.solution if isinstance(context.item, CodingProblem) else None
        # Only tutor style may see a reference solution: an interviewer cannot leak what it was never shown.
        if session.config.style is InterviewStyle.TUTOR and solution is not None:
            reference = (f"\nA reference solution you may explain (time {solution.time or '?'}, space "
                         f"{solution.space or '?'}):\n<<<\n{solution.python[:CODE_CHARS]}\n>>>")
        listed = "\n".join(f"{n}. {h}" for n, h in enumerate(given, start=1)) or "(none yet)"
        return self._prompts.render("turn_hint_context", level=context.hint_level,
                                    number=index + 1, given=listed, code=code_block, reference=reference)

    @staticmethod
    def _question_text(context: TurnContext) -> str:
        question = context.question
        assert question is not None
        number, total = question.index + 1, len(context.session.questions)
        if isinstance(context.item, CodingProblem) or question.kind == "coding":
            return (f"Question {number} of {total}: **{question.title}** (coding). Talk me through your approach "
                    "first, then write it, run it on the examples, and submit when you are ready.")
        text = context.item.question if isinstance(context.item, TheoryQuestion | BehavioralQuestion) \
            else question.prompt
        return f"Question {number} of {total}: {text.strip()}"

    # -- generation ------------------------------------------------------------------------------------------

    def _generate(self, messages: list[ChatMessage], kind: TurnKind, context: TurnContext,
                  on_token: TokenSink | None, cancel: threading.Event | None) -> str:
        text = self._attempt(messages, kind, context, on_token, cancel, self._temperature)
        if not text:
            # Small models sometimes open with a template token or an echo of the instructions, which the cleaner
            # cuts to nothing; a second sample (warmer, so it differs) usually starts properly.
            log.info("the model's %s reply was empty after cleaning; sampling once more", kind.value)
            text = self._attempt(messages, kind, context, on_token, cancel, min(1.0, self._temperature + 0.3))
        return text

    def _attempt(self, messages: list[ChatMessage], kind: TurnKind, context: TurnContext,
                 on_token: TokenSink | None, cancel: threading.Event | None, temperature: float) -> str:
        interviewer_style = context.session.config.style is InterviewStyle.INTERVIEWER
        cleaner = StreamCleaner((CODE_FENCE,) if interviewer_style else ())
        stream = self._backend.generate(messages, max_tokens=self._limits.for_kind(kind),
                                        temperature=temperature, cancel=cancel)
        try:
            for piece in stream:
                shown = cleaner.feed(piece)
                if shown and on_token is not None:
                    on_token(shown)
                if cleaner.stopped:  # the model slipped out of its role: stop paying for tokens nobody sees
                    break
        finally:
            close = getattr(stream, "close", None)
            if close is not None:
                close()  # releases the backend at once, not when the generator is collected
        rest = cleaner.finish()
        if rest and on_token is not None:
            on_token(rest)
        return cleaner.text

    def _fall_back(self, kind: TurnKind, context: TurnContext, on_token: TokenSink | None,
                   cancel: threading.Event | None, reason: str) -> InterviewerTurn | None:
        self.last_error = reason
        if self._fallback is None:
            return None
        turn = self._fallback.turn(kind, context, on_token, cancel)
        return self._remember(kind, context, turn) if turn is not None else None
