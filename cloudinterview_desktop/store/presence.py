"""Which CloudInterview processes use a data folder now: each holds a lock on its own small file in `.running/`.

A file whose lock can be taken belongs to a process that has ended (the system dropped its lock) and is removed.
Used to name the holder when a wait for the data times out, and to tell a session run elsewhere from a crashed one."""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path

from cloudinterview_desktop.store.file_locks import FileLock

FOLDER = ".running"


def describe_process(argv: list[str] | None = None) -> str:
    """'the CloudInterview window' or 'cloudinterview interview', from the command line."""
    args = [a for a in (sys.argv if argv is None else argv)[1:] if not a.startswith("-")]
    return f"cloudinterview {args[0]}" if args else "the CloudInterview window"


class Presence:
    def __init__(self, data_dir: Path, label: str | None = None) -> None:
        self.folder = data_dir / FOLDER
        self.label = label or describe_process()
        self._lock: FileLock | None = None

    def register(self) -> None:
        lock = FileLock(self.folder / f"{os.getpid()}.lock")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if not lock.try_acquire(exclusive=True):
                return
        except OSError:
            return  # a read-only or full data folder: the app still opens, its processes are then not named
        self._lock = lock
        write_record(self.folder / f"{os.getpid()}.json", self.label)

    def unregister(self) -> None:
        if self._lock is None:
            return
        for suffix in (".json", ".lock"):
            try:
                (self.folder / f"{os.getpid()}{suffix}").unlink()
            except OSError:
                pass
        self._lock.release()
        self._lock = None

    def others(self) -> list[str]:
        """'cloudinterview interview (pid 123, since 10:04)' for every other live process on this folder."""
        found: list[str] = []
        try:
            entries = sorted(self.folder.glob("*.lock"))
        except OSError:
            return found
        for entry in entries:
            if entry.stem == str(os.getpid()):
                continue
            probe = FileLock(entry)
            if probe.try_acquire(exclusive=True):  # its owner is gone
                probe.release()
                for stale in (entry, entry.with_suffix(".json")):
                    try:
                        stale.unlink()
                    except OSError:
                        pass
                continue
            found.append(describe_holder(entry.with_suffix(".json"), entry.stem))
        return found


def write_record(path: Path, label: str) -> None:
    """Who holds a lock: this process, what it is and since when, beside the lock file."""
    record = {"pid": os.getpid(), "what": label, "since": datetime.now().isoformat(timespec="seconds")}
    try:
        path.write_text(json.dumps(record), encoding="utf-8")
    except OSError:
        pass  # a full disk must not stop the app; the holder is then named less precisely


def read_record(path: Path) -> tuple[str, int, str] | None:
    """(what, pid, "HH:MM") from a record write_record made, or None when it is missing or unreadable."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        return str(record["what"]), int(record["pid"]), datetime.fromisoformat(record["since"]).strftime("%H:%M")
    except (OSError, ValueError, KeyError, TypeError):
        return None


def describe_holder(record_path: Path, pid: str) -> str:
    record = read_record(record_path)
    if record is None:
        return f"a CloudInterview process (pid {pid})"
    what, number, since = record
    return f"{what} (pid {number}, since {since})"
