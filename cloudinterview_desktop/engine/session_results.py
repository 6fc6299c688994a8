"""What the session engine answers: one result type per operation, so a result's type says which operation it ends.

`SessionEngine.finished` carries one of these; a failure comes as `failed` with its message, and a request that was
cancelled as `cancelled`, never as a result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NewType

from cloudinterview_desktop.bank.catalog import ItemRow
from cloudinterview_desktop.bank.importer import ImportResult
from cloudinterview_desktop.domain.session import InterviewSession, SessionSummary
from cloudinterview_desktop.service.bank_service import ItemDetails
from cloudinterview_desktop.service.session_service import HintStep, SessionStep

RequestId = NewType("RequestId", int)


# -- one interview ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SessionCreated:
    session: InterviewSession


@dataclass(frozen=True)
class SessionStarted:
    step: SessionStep


@dataclass(frozen=True)
class SessionResumed:
    session: InterviewSession


@dataclass(frozen=True)
class SessionLoaded:
    session: InterviewSession


@dataclass(frozen=True)
class QuestionAsked:
    step: SessionStep


@dataclass(frozen=True)
class AnswerSubmitted:
    step: SessionStep


@dataclass(frozen=True)
class ChatAnswered:
    step: SessionStep


@dataclass(frozen=True)
class HintGiven:
    hint: HintStep


@dataclass(frozen=True)
class SessionEnded:
    step: SessionStep


# -- code ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CodeRan:
    step: SessionStep  # its report holds the run's results


@dataclass(frozen=True)
class CodeSubmitted:
    step: SessionStep  # its report holds the submission's verdict


@dataclass(frozen=True)
class CodeLoaded:
    code: str  # the saved draft, or the starter code


@dataclass(frozen=True)
class DraftSaved:
    pass


# -- all sessions ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class InterruptedSessions:
    sessions: list[SessionSummary]


@dataclass(frozen=True)
class SessionList:
    sessions: list[SessionSummary]


@dataclass(frozen=True)
class SessionDeleted:
    files_removed: int


@dataclass(frozen=True)
class AllSessionsDeleted:
    sessions_removed: int


# -- the interviewer's model -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class InterviewerReady:
    description: str  # a headline, then details on the following lines


@dataclass(frozen=True)
class InterviewerReloaded:
    description: str


# -- the question bank -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BankItems:
    rows: list[ItemRow]


@dataclass(frozen=True)
class BankItemLoaded:
    details: ItemDetails


@dataclass(frozen=True)
class BankItemSaved:
    slug: str


@dataclass(frozen=True)
class BankItemDeleted:
    slug: str


@dataclass(frozen=True)
class BankImported:
    result: ImportResult


SessionResult = (SessionCreated | SessionStarted | SessionResumed | SessionLoaded | QuestionAsked | AnswerSubmitted
                 | ChatAnswered | HintGiven | SessionEnded | CodeRan | CodeSubmitted | CodeLoaded | DraftSaved
                 | InterruptedSessions | SessionList | SessionDeleted | AllSessionsDeleted | InterviewerReady
                 | InterviewerReloaded | BankItems | BankItemLoaded | BankItemSaved | BankItemDeleted | BankImported)
