"""Opens the user database: integrity check, corrupt files moved aside (kept), WAL, foreign keys, migrations."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import peewee

from cloudinterview_desktop.domain.errors import StorageError
from cloudinterview_desktop.store import migrations
from cloudinterview_desktop.store.tables import DB

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",  # an acknowledged answer must survive a power cut, not only a killed process
    "busy_timeout": 5000,
}


@dataclass(frozen=True)
class OpenReport:
    path: Path
    schema_version: int
    moved_aside: Path | None = None
    problem: str = ""

    @property
    def message(self) -> str:
        if self.moved_aside is None:
            return ""
        return (f"Your data file was damaged ({self.problem}). It was moved aside to {self.moved_aside} "
                "and a new, empty one was created. Nothing was deleted.")


def _check_file(path: Path) -> str:
    """'' when the file looks like a healthy SQLite database, else what is wrong with it."""
    if not path.exists() or path.stat().st_size == 0:
        return ""
    with open(path, "rb") as handle:
        if handle.read(16) != SQLITE_MAGIC:
            return "not an SQLite database"
    probe = peewee.SqliteDatabase(str(path))
    try:
        rows = probe.execute_sql("PRAGMA integrity_check").fetchall()
    except peewee.DatabaseError as exc:
        return f"unreadable: {exc}"
    finally:
        probe.close()
    result = "; ".join(str(r[0]) for r in rows)
    return "" if result == "ok" else f"integrity check failed: {result[:200]}"


def _move_aside(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target


def open_database(path: Path, backups_dir: Path) -> OpenReport:
    """Bind the DatabaseProxy to `path`, repairing nothing silently: a damaged file is kept under a new name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    problem = _check_file(path)
    moved = None
    if problem:
        moved = _move_aside(path)
        log.error("database %s is damaged (%s); moved aside to %s", path, problem, moved)
    database = peewee.SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    try:
        database.connect(reuse_if_open=True)
        DB.initialize(database)
        version = migrations.migrate(database, path, backups_dir)
    except (peewee.DatabaseError, OSError, RuntimeError) as exc:
        raise StorageError(f"cannot open the database {path}: {exc}") from exc
    return OpenReport(path=path, schema_version=version, moved_aside=moved, problem=problem)


def close_database() -> None:
    if DB.obj is not None and not DB.is_closed():
        DB.close()
