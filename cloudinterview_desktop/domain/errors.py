"""The domain's exception types: every failure a user can cause has a clear, typed error."""

from __future__ import annotations


class CloudInterviewError(Exception):
    """Base of every error the app reports to a user as a plain message."""


class DomainError(CloudInterviewError):
    """A request that the session's state does not allow."""


class IllegalTransition(DomainError):
    """A status change the state machine forbids (answer after end, end twice, ...)."""


class SessionNotFound(CloudInterviewError):
    def __init__(self, session_id: str) -> None:
        super().__init__(f"no session with id {session_id!r}")
        self.session_id = session_id


class ProblemFormatError(CloudInterviewError):
    """A bank item that does not follow docs/problem-format.md."""


class ProblemNotFound(CloudInterviewError):
    def __init__(self, slug: str) -> None:
        super().__init__(f"no problem with slug {slug!r}")
        self.slug = slug


class StorageError(CloudInterviewError):
    """The database could not be opened, read or written."""


class Cancelled(Exception):
    """Raised inside long work (generation, transcription, judging) when its cancel flag is set."""
