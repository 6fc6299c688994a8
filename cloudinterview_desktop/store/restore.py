"""Copies of the database that were set aside, and putting one back without losing what was saved since.

A restore keeps every file: the current database is renamed `.replaced-<time>` after the sessions and questions
saved in it are merged into the restored copy, and the copy that was restored is renamed `.restored-<time>`."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cloudinterview_desktop.domain.errors import StorageError
from cloudinterview_desktop.store.database import SET_ASIDE_MARK, check_file, open_lock_path
from cloudinterview_desktop.store.file_locks import FileLock
from cloudinterview_desktop.store.machine_errors import as_storage_error
from cloudinterview_desktop.store.migrations import copy_database
from cloudinterview_desktop.store.presence import Presence

KEPT_MARK = ".kept-"  # a set-aside copy the person chose not to restore in the window: still listed by the CLI
SIDE_FILES = ("-wal", "-shm")
# Every table whose rows a person made: sessions and their parts, and imported questions. FTS rows follow the items.
MERGED_TABLES = ("profile", "session", "question", "answer", "message", "event", "feedback", "code_draft",
                 "bank_payload", "bank_item_topic", "bank_meta")


@dataclass(frozen=True)
class SetAside:
    path: Path
    set_aside_at: datetime
    problem: str  # '' when the copy is a healthy database
    sessions: int | None

    @property
    def restorable(self) -> bool:
        return not self.problem


@dataclass(frozen=True)
class RestoreReport:
    restored: Path
    sessions: int
    merged_sessions: int
    previous_kept_as: Path | None


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _session_count(path: Path) -> int | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(conn.execute("SELECT count(*) FROM session").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def set_aside_copies(db_path: Path, include_kept: bool = True) -> list[SetAside]:
    marks = (SET_ASIDE_MARK, KEPT_MARK) if include_kept else (SET_ASIDE_MARK,)
    found = []
    for path in sorted(db_path.parent.glob(f"{db_path.name}.*")):
        if not any(path.name.startswith(db_path.name + mark) for mark in marks) or path.name.endswith(SIDE_FILES):
            continue
        try:
            problem = check_file(path)
        except StorageError as exc:
            problem = str(exc)
        found.append(SetAside(path, datetime.fromtimestamp(path.stat().st_mtime), problem,
                              None if problem else _session_count(path)))
    return found


def _rename_with_sides(path: Path, target: Path) -> None:
    path.rename(target)
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))


def keep_without_offering(copy: Path) -> Path:
    """The person said no in the window: the copy stays on disk, under a name the window does not offer again."""
    target = copy.with_name(copy.name.replace(SET_ASIDE_MARK, KEPT_MARK, 1))
    _rename_with_sides(copy, target)
    return target


def _merge_current_into(target: Path, current: Path) -> int:
    """Rows saved in `current` since the copy was set aside are added to `target` (rows it has win). Returns the
    number of sessions added."""
    conn = sqlite3.connect(target)
    try:
        conn.execute("ATTACH DATABASE ? AS cur", (f"file:{current}?mode=ro",))
        before = _count(conn, "main", "session")
        if _has(conn, "main", "bank_fts") and _has(conn, "cur", "bank_fts"):
            conn.execute("INSERT INTO main.bank_fts SELECT * FROM cur.bank_fts WHERE slug NOT IN "
                         "(SELECT slug FROM main.bank_item)")
            _copy_rows(conn, "bank_item")
        for table in MERGED_TABLES:
            _copy_rows(conn, table)
        added = _count(conn, "main", "session") - before
        conn.commit()
        conn.execute("DETACH DATABASE cur")
        return added
    finally:
        conn.close()


def _has(conn: sqlite3.Connection, schema: str, table: str) -> bool:
    return int(conn.execute(f"SELECT count(*) FROM {schema}.sqlite_master WHERE name = ?", (table,)).fetchone()[0]) > 0


def _count(conn: sqlite3.Connection, schema: str, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {schema}.{table}").fetchone()[0]) if _has(conn, schema,
                                                                                               table) else 0


def _copy_rows(conn: sqlite3.Connection, table: str) -> None:
    if not (_has(conn, "main", table) and _has(conn, "cur", table)):
        return
    mine = [row[1] for row in conn.execute(f"PRAGMA main.table_info({table})")]
    theirs = {row[1] for row in conn.execute(f"PRAGMA cur.table_info({table})")}
    columns = ", ".join(f'"{c}"' for c in mine if c in theirs)
    conn.execute(f"INSERT OR IGNORE INTO main.{table} ({columns}) SELECT {columns} FROM cur.{table}")


def restore(db_path: Path, copy: Path) -> RestoreReport:
    """Put `copy` back as the database. Only while no other CloudInterview process has the data open."""
    folder = db_path.parent
    open_lock = FileLock(open_lock_path(db_path))
    try:
        if not open_lock.try_acquire(exclusive=True):
            who = "; ".join(Presence(folder).others()) or "a CloudInterview window or terminal"
            raise StorageError(f"Your data is open in another CloudInterview process ({who}). Close it first, "
                               "then restore.")
        problem = check_file(copy)
        if problem:
            raise StorageError(f"{copy} cannot be restored: {problem}. It stays where it is.")
        stamp = _stamp()
        staging = db_path.with_name(f"{db_path.name}.restoring-{stamp}")
        copy_database(copy, staging)
        merged = 0
        kept_as = None
        if db_path.exists() and db_path.stat().st_size > 0 and not check_file(db_path):
            sqlite3.connect(db_path).close()  # the last connection to close checkpoints the WAL into the file
            merged = _merge_current_into(staging, db_path)
        if db_path.exists():
            kept_as = db_path.with_name(f"{db_path.name}.replaced-{stamp}")
            _rename_with_sides(db_path, kept_as)
        staging.rename(db_path)
        _rename_with_sides(copy, copy.with_name(f"{db_path.name}.restored-{stamp}"))
        return RestoreReport(copy, _session_count(db_path) or 0, merged, kept_as)
    except OSError as exc:
        raise as_storage_error(exc, folder, "restore your data") from exc
    finally:
        open_lock.release()
