"""The main window's requests in flight: what on screen waits for each one, shown busy until its answer comes."""

from __future__ import annotations

from enum import Enum, auto

from cloudinterview_desktop.engine.session_results import (
    CodeLoaded,
    CodeRan,
    CodeSubmitted,
    DraftSaved,
    InterviewerReady,
    InterviewerReloaded,
    RequestId,
)
from cloudinterview_desktop.ui.interview_page import InterviewPage


class Waits(Enum):
    """What on screen waits for a request."""

    NOTHING = auto()
    PAGE = auto()  # the interview page shows it is busy
    SPEECH = auto()  # the same while the interviewer speaks; Stop cancels it
    STOPPABLE_SPEECH = auto()  # the same, with a Stop button
    CODE = auto()  # the coding panel runs the tests, with their progress


SPEAKING = frozenset({Waits.SPEECH, Waits.STOPPABLE_SPEECH})
# Results that leave the interview page's busy state alone: the editor's and the model's own requests.
PAGE_UNTOUCHED = (CodeRan, CodeSubmitted, CodeLoaded, DraftSaved, InterviewerReady, InterviewerReloaded)


class RequestTracker:
    def __init__(self, interview: InterviewPage) -> None:
        self._interview = interview
        self._waiting: dict[RequestId, Waits] = {}

    def __len__(self) -> int:
        return len(self._waiting)

    def track(self, request_id: RequestId, waits: Waits = Waits.NOTHING) -> RequestId:
        """Waits for the answer to a request just sent, showing it is busy where `waits` says."""
        self._waiting[request_id] = waits
        if waits is Waits.CODE:
            self._interview.coding.set_busy(True)
        elif waits is not Waits.NOTHING:
            self._interview.set_busy(True, cancellable=waits is Waits.STOPPABLE_SPEECH)
        return request_id

    def waits_for(self, request_id: int) -> Waits | None:
        return self._waiting.get(RequestId(request_id))

    def speaking(self) -> list[RequestId]:
        """The requests in which the interviewer speaks: the ones Stop cancels."""
        return [request_id for request_id, waits in self._waiting.items() if waits in SPEAKING]

    def answered(self, request_id: int, result: object) -> Waits | None:
        """The result came: what waited for it, which now shows it no longer does; None if nothing waits any more."""
        waits = self._waiting.pop(RequestId(request_id), None)
        if waits is Waits.CODE:
            self._interview.coding.set_busy(False)
        if waits is not None and not isinstance(result, PAGE_UNTOUCHED):
            self._interview.set_busy(False)
        return waits

    def ended_without_result(self, request_id: int) -> Waits | None:
        """The request failed or was cancelled: the same, and nothing on the page stays busy."""
        waits = self._waiting.pop(RequestId(request_id), None)
        if waits is not None:
            self._interview.set_busy(False)
            self._interview.coding.set_busy(False)
        return waits
