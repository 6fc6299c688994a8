"""The last answer spoken into the microphone, kept with its recording until the written answer is submitted."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cloudinterview_desktop.domain.session import InterviewSession
from cloudinterview_desktop.engine.voice_engine import RecordingResult


class SpokenAnswer:
    def __init__(self) -> None:
        self._last: RecordingResult | None = None

    def heard(self, result: RecordingResult) -> None:
        self._last = result

    def take(self, text: str) -> tuple[str, dict[str, Any] | None]:
        """(recording path, delivery) for the answer `text` being submitted when it holds what was said, else ("",
        None); either way the recording is forgotten."""
        spoken, self._last = self._last, None
        if spoken is None or spoken.text not in text:
            return "", None
        return spoken.recording, spoken.delivery


def recording_context(session: InterviewSession | None) -> tuple[str, str, str]:
    """(session id, the question's text, the recording's name) for an answer spoken now."""
    assert session is not None
    question = session.current_question
    stamp = datetime.now().strftime("%H%M%S")
    return session.id, question.prompt if question else "", f"q{session.current_question_index + 1}-{stamp}"
