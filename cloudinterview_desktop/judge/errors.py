"""Errors the judge raises for requests it cannot carry out (as opposed to verdicts about the code)."""

from __future__ import annotations

from cloudinterview_desktop.domain.errors import CloudInterviewError


class JudgeError(CloudInterviewError):
    """A judging request that cannot be run; the message says why and what to do."""


class UnknownLanguage(JudgeError):
    def __init__(self, language: str, known: tuple[str, ...]) -> None:
        super().__init__(f"unknown language {language!r} (expected one of: {', '.join(known)})")
        self.language = language


class ToolchainNotFound(JudgeError):
    """The compiler or runtime for a language is not installed."""


class UnsupportedLanguage(JudgeError):
    """The problem cannot be judged in this language (imported problems whose tests are Python code)."""


class InvalidCustomInput(JudgeError):
    """A custom input for *Run* that does not fit the problem's signature."""
