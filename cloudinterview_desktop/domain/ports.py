"""The interfaces the session service is built from; the composition root passes real implementations in."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from cloudinterview_desktop.domain.judging import JudgeMode, JudgeReport
from cloudinterview_desktop.domain.problems import BankItem, CodingProblem
from cloudinterview_desktop.domain.session import InterviewQuestion, InterviewSession, SessionConfig

TokenSink = Callable[[str], None]
ProgressSink = Callable[[int, int], None]


class SessionLeases(Protocol):
    """Which process runs a session: one at a time, so two windows never interleave turns of one interview."""

    def claim(self, session_id: str) -> None:
        """Hold the session for this process; SessionBusy when another process holds it."""

    def release(self, session_id: str) -> None: ...

    def holder(self, session_id: str) -> str:
        """Who runs the session in another process, or '' when nobody else does."""


class QuestionSource(Protocol):
    def select(self, config: SessionConfig, exclude: set[str], seed: int) -> list[BankItem]: ...

    def get(self, slug: str) -> BankItem: ...


class CodeRunner(Protocol):
    def run(self, problem: CodingProblem, code: str, language: str, mode: JudgeMode = ...,
            custom_inputs: list[dict[str, Any]] | None = ..., progress: ProgressSink | None = ...,
            cancel: threading.Event | None = ...) -> JudgeReport: ...

    def starter_code(self, problem: CodingProblem, language: str) -> str: ...


class ReferenceChecker(Protocol):
    """Checks many coding problems' reference solutions against all their cases and check() (the judge does it in
    bulk); the composition root hands one to the importers, which must not run code themselves."""

    sandbox_cpu_s: float  # CPU time the sandboxed processes reported, for measurements

    def validate(self, problems: Iterable[CodingProblem], step: Callable[[], None] | None = None) -> list[str | None]:
        """Per problem, in order: None when its reference passes, else why not; `step` is called once per problem
        checked. `problems` may be a generator: if it raises, the checks running are stopped and the error
        propagates."""


class TurnKind(StrEnum):
    INTRO = "intro"
    ASK = "question"
    FOLLOW_UP = "follow_up"
    CHAT = "chat"
    HINT = "hint"
    OUTRO = "outro"


@dataclass(frozen=True)
class TurnContext:
    session: InterviewSession
    question: InterviewQuestion | None = None
    item: BankItem | None = None
    candidate_message: str = ""
    hint_level: int = 0
    last_report: JudgeReport | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class InterviewerTurn:
    text: str
    source: str  # "template", "bank", "bank:gap=<tag>" or "model:<name>"
    caught: tuple[str, ...] = ()  # turn-contract violations removed before anything was shown


class Interviewer(Protocol):
    """Writes the interviewer's side of the conversation, streaming tokens to `on_token`."""

    def turn(self, kind: TurnKind, context: TurnContext, on_token: TokenSink | None = None,
             cancel: threading.Event | None = None) -> InterviewerTurn | None: ...


class FeedbackBuilder(Protocol):
    def build(self, session: InterviewSession, items: dict[str, BankItem],
              cancel: threading.Event | None = None, progress: ProgressSink | None = None) -> dict[str, Any]:
        """The feedback report. `cancel` stops only a model's evaluation (what code measured is always returned);
        `progress(done, total)` counts the questions evaluated."""
