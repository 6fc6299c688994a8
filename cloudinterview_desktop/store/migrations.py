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


def current_version(db: peewee.SqliteDatabase, version_table: type[peewee.Model] = tables.SchemaVersion) -> int:
    if not db.table_exists(version_table._meta.table_name):
        return 0
    row = version_table.select(peewee.fn.MAX(version_table._meta.fields["version"])).scalar(db)
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
    return run_steps(db, db_path, backups_dir, MIGRATIONS, tables.SchemaVersion, "the database")


def run_steps(db: peewee.SqliteDatabase, db_path: Path, backups_dir: Path | None,
              steps: list[Callable[[peewee.SqliteDatabase], None]], version_table: type[peewee.Model], what: str,
              backup_unversioned: bool = False) -> int:
    """Apply the numbered `steps` the file has not had, each in one BEGIN IMMEDIATE transaction that records its
    number in `version_table`. A versioned file (or, with `backup_unversioned`, any file) is backed up first when
    `backups_dir` is given. The caller holds the file's migrate lock."""
    latest = len(steps)
    if not db.table_exists(version_table._meta.table_name):
        with db.atomic("IMMEDIATE"):
            peewee.SchemaManager(version_table, database=db).create_all(safe=True)
    version = current_version(db, version_table)
    if version > latest:
        raise RuntimeError(f"{what} has schema version {version}, newer than this app ({latest})")
    if version == latest:
        return version
    if backups_dir is not None and (version > 0 or backup_unversioned):
        name = version_table._meta.table_name.removesuffix("schemaversion").removesuffix("schema_version")
        path = backup_file(db_path, backups_dir, f"{name}v{version}")
        log.info("backed up %s before migrating: %s", what, path)
    for number in range(version + 1, latest + 1):
        with db.atomic("IMMEDIATE"):
            steps[number - 1](db)
            version_table.insert(version=number, applied_at=datetime.now()).execute(db)
        log.info("migrated %s to schema version %d", what, number)
    return latest
