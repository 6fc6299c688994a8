"""A session is run by one process at a time: a lock file per session under the data folder's `.running/`.

The lock dies with its process, so a crashed window's session is resumable at once, while one still open in another
window or terminal is shown as busy there."""

from __future__ import annotations

from pathlib import Path

from cloudinterview_desktop.domain.errors import SessionBusy
from cloudinterview_desktop.store.file_locks import FileLock
from cloudinterview_desktop.store.presence import FOLDER, describe_process, read_record, write_record


class FileSessionLeases:
    def __init__(self, data_dir: Path, label: str | None = None) -> None:
        self.folder = data_dir / FOLDER / "sessions"
        self.label = label or describe_process()
        self._held: dict[str, FileLock] = {}

    def _lock_path(self, session_id: str) -> Path:
        safe = "".join(ch for ch in session_id if ch.isalnum() or ch == "-")
        return self.folder / f"{safe}.lock"

    def claim(self, session_id: str) -> None:
        if session_id in self._held:
            return
        lock = FileLock(self._lock_path(session_id))
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            taken = lock.try_acquire(exclusive=True)
        except OSError:
            return  # a folder that cannot be written cannot save the session either; that error says why
        if not taken:
            raise SessionBusy(session_id, self.holder(session_id) or "another CloudInterview process")
        self._held[session_id] = lock
        write_record(self._lock_path(session_id).with_suffix(".json"), self.label)

    def release(self, session_id: str) -> None:
        lock = self._held.pop(session_id, None)
        if lock is None:
            return
        try:  # the lock file itself stays: removing it could let two processes lock two different files
            self._lock_path(session_id).with_suffix(".json").unlink()
        except OSError:
            pass
        lock.release()

    def release_all(self) -> None:
        for session_id in list(self._held):
            self.release(session_id)

    def holder(self, session_id: str) -> str:
        if session_id in self._held:
            return ""
        path = self._lock_path(session_id)
        if not path.exists():
            return ""
        probe = FileLock(path)
        try:
            if probe.try_acquire(exclusive=True):
                probe.release()
                return ""
        except OSError:
            return ""
        record = read_record(path.with_suffix(".json"))
        if record is None:
            return "another CloudInterview process"
        what, pid, since = record
        return f"{what}, pid {pid}, since {since}"
