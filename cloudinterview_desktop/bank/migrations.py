"""Numbered schema migrations of a question bank file, run and recorded (in `bank_schema_version`) by the same
runner as the sessions' (`store/migrations.run_steps`)."""

from __future__ import annotations

from collections.abc import Callable

import peewee

from cloudinterview_desktop.bank import tables

SEARCH_INDEX = ("CREATE VIRTUAL TABLE IF NOT EXISTS bank_fts "
                "USING fts5(slug UNINDEXED, title, body, tokenize='porter unicode61')")


def _m001_initial(db: peewee.SqliteDatabase) -> None:
    """The tables the raw-SQL bank created. Every statement is IF NOT EXISTS: a file made by that code keeps its
    tables and rows and is recorded as version 1."""
    for table in tables.BANK_TABLES:
        peewee.SchemaManager(table, database=db).create_all(safe=True)
    db.execute_sql(SEARCH_INDEX)


# Append new steps; never edit or reorder a released one.
MIGRATIONS: list[Callable[[peewee.SqliteDatabase], None]] = [_m001_initial]
LATEST = len(MIGRATIONS)
