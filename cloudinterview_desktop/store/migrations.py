"""Numbered schema migrations of the user database; each runs inside one transaction, after a file backup."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import peewee

from cloudinterview_desktop.store import tables

log = logging.getLogger(__name__)


def _m001_initial(db: peewee.SqliteDatabase) -> None:
    db.create_tables([t for t in tables.ALL_TABLES if t is not tables.SchemaVersion])


# Append new steps; never edit or reorder a released one.
MIGRATIONS: list[Callable[[peewee.SqliteDatabase], None]] = [_m001_initial]
LATEST = len(MIGRATIONS)


def current_version(db: peewee.SqliteDatabase) -> int:
    if not db.table_exists("schemaversion"):
        return 0
    row = tables.SchemaVersion.select(peewee.fn.MAX(tables.SchemaVersion.version)).scalar()
    return int(row or 0)


def backup_file(db_path: Path, backups_dir: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API (safe while WAL holds uncheckpointed pages)."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    target = backups_dir / f"{db_path.stem}-{label}-{datetime.now():%Y%m%d-%H%M%S}.sqlite"
    copy_database(db_path, target)
    return target


def copy_database(source_path: Path, target: Path) -> None:
    """A consistent copy of a database (with what its WAL holds) through SQLite's backup API; the source is only
    read."""
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()


def migrate(db: peewee.SqliteDatabase, db_path: Path, backups_dir: Path) -> int:
    """Bring the file to LATEST. The caller holds the migrate lock, so exactly one process migrates (and backs up)."""
    if not db.table_exists("schemaversion"):
        with db.atomic("IMMEDIATE"):
            db.create_tables([tables.SchemaVersion])
    version = current_version(db)
    if version > LATEST:
        raise RuntimeError(f"the database has schema version {version}, newer than this app ({LATEST})")
    if version == LATEST:
        return version
    if version > 0:
        path = backup_file(db_path, backups_dir, f"v{version}")
        log.info("backed up the database before migrating: %s", path)
    for number in range(version + 1, LATEST + 1):
        with db.atomic("IMMEDIATE"):
            MIGRATIONS[number - 1](db)
            tables.SchemaVersion.create(version=number, applied_at=datetime.now())
        log.info("migrated the database to schema version %d", number)
    return LATEST
