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


class RunNotAllowed(CloudInterviewError):
    """Code was not run because the user has not allowed running it that way (no sandbox): nothing can be checked
    until they do."""


class ProblemFormatError(CloudInterviewError):
    """A bank item that does not follow docs/problem-format.md."""


class ProblemNotFound(CloudInterviewError):
    def __init__(self, slug: str) -> None:
        super().__init__(f"no problem with slug {slug!r}")
        self.slug = slug


class StorageError(CloudInterviewError):
    """The database could not be opened, read or written."""


class DataFolderError(StorageError):
    """A problem of the machine (disk, permissions, drive), never of the data: nothing is moved aside or lost."""

    def __init__(self, message: str, folder: str) -> None:
        super().__init__(message)
        self.folder = folder


class DiskFull(DataFolderError):
    def __init__(self, folder: str) -> None:
        super().__init__(f"The disk that holds your CloudInterview data is full ({folder}). Everything saved before "
                         "is safe; the last change was not saved. Free some space on that disk, then try again.",
                         folder)


class DataReadOnly(DataFolderError):
    def __init__(self, folder: str) -> None:
        super().__init__(f"Your CloudInterview data folder is on a read-only disk ({folder}), so nothing new can be "
                         "saved. Mount it writable, or start CloudInterview with --home (or CLOUDINTERVIEW_HOME) "
                         "set to a writable folder.", folder)


class DataPermissionDenied(DataFolderError):
    def __init__(self, folder: str) -> None:
        super().__init__(f"CloudInterview is not allowed to write to its data folder ({folder}). Give your user "
                         f"write access to it (for example: chmod -R u+rwX '{folder}'), then try again.", folder)


class DataUnavailable(DataFolderError):
    def __init__(self, folder: str, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(f"CloudInterview cannot reach its data folder ({folder}){extra}: the drive may be "
                         "disconnected or failing. Reconnect it, then try again; nothing stored there was changed.",
                         folder)


class DataBusy(StorageError):
    """Another process held the data's write lock for longer than a person should wait."""

    def __init__(self, folder: str, holders: list[str]) -> None:
        who = "; ".join(holders) if holders else "another CloudInterview process"
        super().__init__(f"Another CloudInterview process is writing to your data and did not finish in time "
                         f"({who}). Nothing was lost; try again when it is done. Data folder: {folder}")
        self.holders = holders


class SessionBusy(CloudInterviewError):
    """The session is being run by another window or terminal on the same data."""

    def __init__(self, session_id: str, holder: str) -> None:
        super().__init__(f"This session is open in another CloudInterview window or terminal ({holder}); finish or "
                         f"quit it there first.")
        self.session_id = session_id
        self.holder = holder


class Cancelled(Exception):
    """Raised inside long work (generation, transcription, judging) when its cancel flag is set."""
