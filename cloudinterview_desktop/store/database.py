"""Opens the user database: one process at a time checks and migrates it, only a damaged file is set aside (kept),
and the machine's own errors (full disk, read-only folder, a lost drive) are reported in words, never as damage.

Two lock files beside the database order the processes that share it: `.migrate.lock` is held exclusively while a
process checks and migrates the file, and `.open.lock` is held shared by every process that has it open. A file is
checked when no other process has it open, and set aside only then, so a database in use is never moved away."""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import peewee

from cloudinterview_desktop.domain.errors import DataBusy, StorageError
from cloudinterview_desktop.store import migrations
from cloudinterview_desktop.store.file_locks import FileLock, LockTimeout
from cloudinterview_desktop.store.guarded import retry_busy
from cloudinterview_desktop.store.machine_errors import (
    as_storage_error,
    folder_problem,
    is_damage,
    read_only_filesystem,
)
from cloudinterview_desktop.store.presence import Presence
from cloudinterview_desktop.store.tables import DB

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",  # an acknowledged answer must survive a power cut, not only a killed process
    "busy_timeout": BUSY_TIMEOUT_MS,
}
MIGRATE_WAIT_S = 120.0
SET_ASIDE_MARK = ".corrupt-"


@dataclass(frozen=True)
class OpenReport:
    path: Path
    schema_version: int
    moved_aside: Path | None = None
    problem: str = ""
    read_only: bool = False

    @property
    def message(self) -> str:
        if self.read_only:
            return (f"Your data folder cannot be written to ({self.path.parent}). Your past sessions and reports "
                    "can be read, but nothing new can be saved until the folder is writable again.")
        if self.moved_aside is None:
            return ""
        return (f"Your data file was damaged ({self.problem}). It was moved aside to {self.moved_aside} "
                "and a new, empty one was created. Nothing was deleted.")


class _OpenState:
    """The lock that says this process has the database open (released on close or when the process ends)."""

    open_lock: FileLock | None = None


def migrate_lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".migrate.lock")


def open_lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".open.lock")


def check_file(path: Path) -> str:
    """'' when the file is a healthy SQLite database (or absent), else what is wrong with the data in it.

    Raises a StorageError for the machine's errors: they say nothing about the data."""
    folder = path.parent
    try:
        if not path.exists() or path.stat().st_size == 0:
            return ""
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise as_storage_error(exc, folder, "read your data") from exc
    if header != SQLITE_MAGIC:
        return "not an SQLite database"
    try:
        probe = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise as_storage_error(exc, folder, "open your data") from exc
    try:
        rows = probe.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.Error as exc:
        if is_damage(exc):
            return f"unreadable: {exc}"
        raise as_storage_error(exc, folder, "check your data") from exc
    finally:
        probe.close()
    result = "; ".join(str(r[0]) for r in rows)
    return "" if result == "ok" else f"integrity check failed: {result[:200]}"


def _move_aside(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}{SET_ASIDE_MARK}{stamp}")
    try:
        path.rename(target)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.rename(target.with_name(target.name + suffix))
    except OSError as exc:
        raise as_storage_error(exc, path.parent, "set the damaged file aside") from exc
    return target


def take_migrate_lock(path: Path) -> FileLock:
    lock = FileLock(migrate_lock_path(path))
    try:
        lock.acquire(exclusive=True, timeout=MIGRATE_WAIT_S)
    except LockTimeout as exc:
        raise DataBusy(str(path.parent), Presence(path.parent).others()) from exc
    except OSError as exc:
        raise as_storage_error(exc, path.parent, "open your data") from exc
    return lock


def open_database(path: Path, backups_dir: Path) -> OpenReport:
    """Bind the DatabaseProxy to `path`, repairing nothing silently: a damaged file is kept under a new name."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise as_storage_error(exc, folder, "create the data folder") from exc
    if path.exists() and not writable_folder(folder):
        return _open_read_only(path)
    migrate_lock = take_migrate_lock(path)
    try:
        open_lock = FileLock(open_lock_path(path))
        try:
            alone = open_lock.try_acquire(exclusive=True)
        except OSError as exc:
            raise as_storage_error(exc, folder, "open your data") from exc
        # A file another process has open was checked when it was opened and is in use: it is not checked again.
        problem = check_file(path) if alone else ""
        moved = None
        if problem:
            moved = _move_aside(path)
            log.error("database %s is damaged (%s); moved aside to %s", path, problem, moved)
        version = _connect_and_migrate(path, backups_dir)
        if not open_lock.try_acquire(exclusive=False):
            raise DataBusy(str(folder), Presence(folder).others())
        _OpenState.open_lock = open_lock
    finally:
        migrate_lock.release()
    return OpenReport(path=path, schema_version=version, moved_aside=moved, problem=problem)


def writable_folder(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK) and not read_only_filesystem(folder)


def _open_read_only(path: Path) -> OpenReport:
    """A folder that cannot be written (a read-only disk, no permission): the history stays readable."""
    uri = f"file:{path}?mode=ro&immutable=1"  # nobody can be writing a file on a read-only folder
    database = peewee.SqliteDatabase(uri, uri=True, pragmas={"foreign_keys": 1}, check_same_thread=False)
    try:
        database.connect(reuse_if_open=True)
        DB.initialize(database)
        version = migrations.current_version(database)
    except (peewee.DatabaseError, sqlite3.Error) as exc:
        raise as_storage_error(exc, path.parent, "read your data") from exc
    if version != migrations.LATEST:
        problem = folder_problem(path.parent)
        raise problem or StorageError(f"cannot update the database in {path.parent}: the folder is not writable")
    log.warning("data folder %s is not writable: opened read-only", path.parent)
    return OpenReport(path=path, schema_version=version, read_only=True)


def _connect_and_migrate(path: Path, backups_dir: Path) -> int:
    database = peewee.SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    try:
        database.connect(reuse_if_open=True)
        DB.initialize(database)
        return retry_busy(lambda: migrations.migrate(database, path, backups_dir), path.parent, "open your data")
    except RuntimeError as exc:
        raise StorageError(f"cannot open the database {path}: {exc}") from exc
    except (peewee.DatabaseError, sqlite3.Error, OSError) as exc:
        if is_damage(exc):
            raise StorageError(f"cannot open the database {path}: {exc}") from exc
        raise as_storage_error(exc, path.parent, "open your data") from exc


def close_database() -> None:
    if DB.obj is not None and not DB.is_closed():
        DB.close()
    if _OpenState.open_lock is not None:
        _OpenState.open_lock.release()
        _OpenState.open_lock = None
