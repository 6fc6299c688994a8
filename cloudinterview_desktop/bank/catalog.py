"""SQLite storage of bank items: the built-in `problems.sqlite` (read-only) and the user's own items use it.

Items are kept as their documented JSON, with indexed columns (kind, difficulty, topics, job types, seniority)
for selection and an FTS5 index over titles and statements for search. The tables are peewee models
(`bank/tables.py`) whose schema is created and versioned by numbered migrations (`bank/migrations.py`), run under
the file's `.migrate.lock` as the sessions' are; every write is one BEGIN IMMEDIATE transaction retried while the
file is busy (`store/guarded.py`)."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import peewee

from cloudinterview_desktop.bank import migrations
from cloudinterview_desktop.bank.item_format import parse_item
from cloudinterview_desktop.bank.tables import (
    BankItemRow,
    BankItemTopicRow,
    BankMetaRow,
    BankPayloadRow,
    BankSchemaVersion,
    BankSearchRow,
)
from cloudinterview_desktop.domain.errors import ProblemNotFound, StorageError
from cloudinterview_desktop.domain.problems import BankItem, CodingProblem, TheoryQuestion
from cloudinterview_desktop.store.database import take_migrate_lock
from cloudinterview_desktop.store.guarded import retry_busy, write_in
from cloudinterview_desktop.store.machine_errors import as_storage_error
from cloudinterview_desktop.store.migrations import current_version, run_steps

T = TypeVar("T")
DB_ERRORS = (sqlite3.DatabaseError, peewee.DatabaseError)
ROW_COLUMNS = (BankItemRow.slug, BankItemRow.kind, BankItemRow.title, BankItemRow.difficulty, BankItemRow.topics,
               BankItemRow.source, BankItemRow.has_tests)


@dataclass(frozen=True)
class ItemRow:
    """What selection and lists need, without decoding the item's JSON."""

    slug: str
    kind: str
    title: str
    difficulty: str
    topics: tuple[str, ...]
    source: str
    has_tests: bool


def _body(item: BankItem) -> str:
    if isinstance(item, CodingProblem):
        return item.statement
    if isinstance(item, TheoryQuestion):
        return item.question + "\n" + "\n".join(item.key_points)
    return item.question + "\n" + item.what_good_looks_like


def _levels(item: BankItem) -> tuple[str, ...]:
    return tuple(getattr(item, "seniority", ()))


class Catalog:
    """One bank file. `backups_dir`, when given, receives a copy of the file before its bank tables are migrated."""

    def __init__(self, path: Path, readonly: bool = False, backups_dir: Path | None = None) -> None:
        self.path = path
        self.readonly = readonly
        self.schema_version = 0
        self._lock = threading.RLock()
        try:
            if readonly:
                # One connection shared by the threads, each access under self._lock, as the raw code had.
                self._db = peewee.SqliteDatabase(f"file:{path}?mode=ro&immutable=1", uri=True,
                                                 check_same_thread=False, thread_safe=False)
                self._db.connect()
                self.schema_version = self._check_version()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._db = peewee.SqliteDatabase(str(path), check_same_thread=False, thread_safe=False, timeout=10)
                self._db.connect()
                self.schema_version = retry_busy(self._check_version, path.parent, "open the question bank")
                if self.schema_version < migrations.LATEST:
                    self.schema_version = self._migrate(backups_dir)
            self._db.execute_sql("SELECT count(*) FROM bank_item").fetchone()
        except DB_ERRORS as exc:
            raise StorageError(f"cannot open the question bank {path}: {exc}") from exc
        except OSError as exc:
            raise as_storage_error(exc, path.parent, "open the question bank") from exc

    def _check_version(self) -> int:
        version = current_version(self._db, BankSchemaVersion)
        if version > migrations.LATEST:
            raise StorageError(f"the question bank {self.path} has schema version {version}, newer than this app "
                               f"({migrations.LATEST})")
        return version

    def _has_bank_tables(self) -> bool:
        return bool(self._db.table_exists(BankItemRow._meta.table_name))

    def _migrate(self, backups_dir: Path | None) -> int:
        """Bring the bank tables to the latest version; one process at a time, under the file's migrate lock."""
        lock = take_migrate_lock(self.path)
        try:
            folder = self.path.parent

            def migrate() -> int:
                if self._check_version() == 0 and not self._has_bank_tables() and not self._db.get_tables():
                    self._db.execute_sql("PRAGMA journal_mode=WAL")  # a new file; the sessions' file already is
                with self._lock:
                    return run_steps(self._db, self.path, backups_dir, migrations.MIGRATIONS, BankSchemaVersion,
                                     "the question bank", backup_unversioned=self._has_bank_tables())

            return retry_busy(migrate, folder, "prepare the question bank")
        finally:
            lock.release()

    def _write(self, body: Callable[[], T], doing: str) -> T:
        """`body` in one BEGIN IMMEDIATE transaction, retried while another process holds the write lock."""
        return write_in(self._db, body, self.path.parent, doing, serialize=self._lock)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- writing ------------------------------------------------------------------------------------------------

    def add_all(self, items: Iterable[tuple[BankItem, dict[str, Any]]], replace: bool = False) -> int:
        """Insert items (with their raw JSON) in one transaction: all or nothing."""
        batch = list(items)
        db = self._db

        def insert() -> int:
            count = 0
            for item, raw in batch:
                if replace:
                    self._delete_rows(item.slug)
                row = BankItemRow.insert(
                    slug=item.slug, kind=item.kind.value, title=item.title, difficulty=item.difficulty.value,
                    topics=" ".join(item.topics), jobs=f" {' '.join(item.job_types)} ",
                    levels=f" {' '.join(_levels(item))} " if _levels(item) else "", source=item.source,
                    has_tests=int(getattr(item, "has_tests", True)))
                payload = BankPayloadRow.insert(
                    slug=item.slug, payload=json.dumps(raw, ensure_ascii=False, separators=(",", ":")))
                (row.on_conflict_replace() if replace else row).execute(db)
                (payload.on_conflict_replace() if replace else payload).execute(db)
                if item.topics:
                    BankItemTopicRow.insert_many([{"slug": item.slug, "topic": t} for t in item.topics]) \
                        .on_conflict_ignore().execute(db)
                BankSearchRow.insert(slug=item.slug, title=item.title, body=_body(item)).execute(db)
                count += 1
            return count

        try:
            return self._write(insert, "add to the question bank")
        except (sqlite3.IntegrityError, peewee.IntegrityError) as exc:
            raise StorageError(f"cannot add to the bank: {exc}") from exc

    def _delete_rows(self, slug: str) -> None:
        BankItemRow.delete().where(BankItemRow.slug == slug).execute(self._db)
        BankPayloadRow.delete().where(BankPayloadRow.slug == slug).execute(self._db)
        BankItemTopicRow.delete().where(BankItemTopicRow.slug == slug).execute(self._db)
        BankSearchRow.delete().where(BankSearchRow.slug == slug).execute(self._db)

    def delete(self, slug: str) -> None:
        def remove() -> None:
            if not self.contains(slug):
                raise ProblemNotFound(slug)
            self._delete_rows(slug)

        self._write(remove, "delete from the question bank")

    def compact(self) -> None:
        """Make the file self-contained (no WAL) and small, for shipping read-only."""
        with self._lock:
            self._db.execute_sql("PRAGMA journal_mode=DELETE")
            self._db.execute_sql("VACUUM")

    def set_meta(self, key: str, value: str) -> None:
        def save() -> None:
            BankMetaRow.insert(key=key, value=value).on_conflict_replace().execute(self._db)

        self._write(save, "save the question bank's details")

    # -- reading ------------------------------------------------------------------------------------------------

    def _first(self, query: peewee.ModelSelect[Any]) -> Any:
        with self._lock:
            row = next(iter(query.tuples().limit(1).execute(self._db)), None)
        return None if row is None else row[0]

    def meta(self, key: str) -> str | None:
        value = self._first(BankMetaRow.select(BankMetaRow.value).where(BankMetaRow.key == key))
        return None if value is None else str(value)

    def contains(self, slug: str) -> bool:
        return self._first(BankItemRow.select(peewee.Value(1)).where(BankItemRow.slug == slug)) is not None

    def raw(self, slug: str) -> dict[str, Any]:
        payload = self._first(BankPayloadRow.select(BankPayloadRow.payload).where(BankPayloadRow.slug == slug))
        if payload is None:
            raise ProblemNotFound(slug)
        data: dict[str, Any] = json.loads(payload)
        return data

    def source_of(self, slug: str) -> str:
        source = self._first(BankItemRow.select(BankItemRow.source).where(BankItemRow.slug == slug))
        if source is None:
            raise ProblemNotFound(slug)
        return str(source)

    def get(self, slug: str) -> BankItem:
        return parse_item(self.raw(slug), self.source_of(slug), validate=False)  # validated when it was stored

    @staticmethod
    def _where(kind: str | None, difficulties: Iterable[str] | None, job_type: str | None,
               level: str | None) -> list[peewee.Expression]:
        conditions: list[peewee.Expression] = []
        if kind:
            conditions.append(BankItemRow.kind == kind)
        diffs = list(difficulties or [])
        if diffs:
            conditions.append(BankItemRow.difficulty.in_(diffs))
        if job_type:
            conditions.append(peewee.fn.instr(BankItemRow.jobs, f" {job_type} ") > 0)
        if level:
            conditions.append((BankItemRow.levels == "") | (peewee.fn.instr(BankItemRow.levels, f" {level} ") > 0))
        return conditions

    def candidates(self, kind: str, difficulties: Iterable[str] | None = None, job_type: str | None = None,
                   level: str | None = None) -> list[tuple[str, str, str, str]]:
        """(slug, title, topics, difficulty) rows for selection: plain tuples, the hot path of a session's start."""
        query = BankItemRow.select(BankItemRow.slug, BankItemRow.title, BankItemRow.topics, BankItemRow.difficulty)
        conditions = self._where(kind, difficulties, job_type, level)
        if conditions:
            query = query.where(*conditions)
        return self._fetch(query)

    def _fetch(self, query: peewee.ModelSelect[Any]) -> list[Any]:
        """The query's rows as plain tuples straight from the cursor: peewee builds the SQL, and the rows skip its
        per-row wrappers (thousands of candidates at a session's start: 2-3x faster)."""
        sql, params = query.sql()
        with self._lock:
            return list(self._db.execute_sql(sql, params).fetchall())

    def rows(self, kind: str | None = None, difficulties: Iterable[str] | None = None,
             job_type: str | None = None, level: str | None = None, topic: str | None = None) -> list[ItemRow]:
        conditions = self._where(kind, difficulties, job_type, level)
        if topic:
            conditions.append(BankItemRow.slug.in_(
                BankItemTopicRow.select(BankItemTopicRow.slug).where(BankItemTopicRow.topic == topic)))
        query = BankItemRow.select(*ROW_COLUMNS)
        if conditions:
            query = query.where(*conditions)
        result = self._fetch(query.order_by(BankItemRow.slug))
        return [ItemRow(r[0], r[1], r[2], r[3], tuple(r[4].split()), r[5], bool(r[6])) for r in result]

    def rows_for(self, slugs: list[str]) -> list[ItemRow]:
        return self._rows_for(slugs)

    def search(self, text: str, limit: int = 50) -> list[ItemRow]:
        terms = [t for t in "".join(c if c.isalnum() else " " for c in text).split() if t]
        if not terms:
            return []
        query = " ".join(f'"{t}"*' for t in terms)
        search = (BankSearchRow.select(BankSearchRow.slug).where(peewee.SQL("bank_fts MATCH ?", [query]))
                  .order_by(peewee.SQL("rank")).limit(limit))
        with self._lock:
            slugs = [r[0] for r in search.tuples().execute(self._db)]
        by_slug = {row.slug: row for row in self._rows_for(slugs)}
        return [by_slug[s] for s in slugs if s in by_slug]

    def _rows_for(self, slugs: list[str]) -> list[ItemRow]:
        if not slugs:
            return []
        query = BankItemRow.select(*ROW_COLUMNS).where(BankItemRow.slug.in_(slugs))
        with self._lock:
            result = list(query.tuples().execute(self._db))
        return [ItemRow(r[0], r[1], r[2], r[3], tuple(r[4].split()), r[5], bool(r[6])) for r in result]

    def count(self) -> int:
        with self._lock:
            return int(BankItemRow.select().count(self._db))
