"""SQLite storage of bank items: the built-in `problems.sqlite` (read-only) and the user's own items use it.

Items are kept as their documented JSON, with indexed columns (kind, difficulty, topics, job types, seniority)
for selection and an FTS5 index over titles and statements for search."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from cloudinterview_desktop.bank.item_format import parse_item
from cloudinterview_desktop.domain.errors import ProblemNotFound, StorageError
from cloudinterview_desktop.domain.problems import BankItem, CodingProblem, TheoryQuestion
from cloudinterview_desktop.store.guarded import retry_busy
from cloudinterview_desktop.store.machine_errors import as_storage_error

T = TypeVar("T")

SCHEMA = """
CREATE TABLE IF NOT EXISTS bank_item (
    slug TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    difficulty TEXT NOT NULL,
    topics TEXT NOT NULL,          -- space-separated, for ranking without joins
    jobs TEXT NOT NULL,            -- " software backend ": filtered with instr(), no join needed
    levels TEXT NOT NULL,          -- " junior mid " for behavioral items, "" otherwise
    source TEXT NOT NULL,
    has_tests INTEGER NOT NULL
);
-- Kept apart from bank_item so that filtering and ranking read small rows only.
CREATE TABLE IF NOT EXISTS bank_payload (slug TEXT PRIMARY KEY, payload TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS bank_item_kind_difficulty ON bank_item(kind, difficulty);
CREATE TABLE IF NOT EXISTS bank_item_topic (slug TEXT NOT NULL, topic TEXT NOT NULL, PRIMARY KEY (topic, slug));
CREATE VIRTUAL TABLE IF NOT EXISTS bank_fts USING fts5(slug UNINDEXED, title, body, tokenize='porter unicode61');
CREATE TABLE IF NOT EXISTS bank_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


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
    def __init__(self, path: Path, readonly: bool = False) -> None:
        self.path = path
        self.readonly = readonly
        self._lock = threading.RLock()
        try:
            if readonly:
                self._conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                # Autocommit: every write below opens its own BEGIN IMMEDIATE, so none upgrades a read lock.
                self._conn = sqlite3.connect(path, check_same_thread=False, timeout=10, isolation_level=None)
                if retry_busy(self._needs_schema, path.parent, "open the question bank"):
                    retry_busy(lambda: self._conn.execute("PRAGMA journal_mode=WAL"), path.parent,
                               "open the question bank")
                    self._write(self._create_schema, "prepare the question bank")
            self._conn.execute("SELECT count(*) FROM bank_item").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"cannot open the question bank {path}: {exc}") from exc
        except OSError as exc:
            raise as_storage_error(exc, path.parent, "open the question bank") from exc

    def _needs_schema(self) -> bool:
        row = self._conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'bank_meta'").fetchone()
        return not row or row[0] == 0

    def _create_schema(self) -> None:
        for statement in SCHEMA.split(";\n"):
            if statement.strip():
                self._conn.execute(statement)

    def _write(self, body: Callable[[], T], doing: str) -> T:
        """`body` in one BEGIN IMMEDIATE transaction, retried while another process holds the write lock."""

        def attempt() -> T:
            with self._lock:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    result = body()
                    self._conn.execute("COMMIT")
                except BaseException:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    raise
                return result

        return retry_busy(attempt, self.path.parent, doing)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- writing ------------------------------------------------------------------------------------------------

    def add_all(self, items: Iterable[tuple[BankItem, dict[str, Any]]], replace: bool = False) -> int:
        """Insert items (with their raw JSON) in one transaction: all or nothing."""
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        batch = list(items)

        def insert() -> int:
            count = 0
            for item, raw in batch:
                if replace:
                    self._delete_rows(item.slug)
                self._conn.execute(
                    f"{verb} INTO bank_item VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (item.slug, item.kind.value, item.title, item.difficulty.value, " ".join(item.topics),
                     f" {' '.join(item.job_types)} ", f" {' '.join(_levels(item))} " if _levels(item) else "",
                     item.source, int(getattr(item, "has_tests", True))))
                self._conn.execute(f"{verb} INTO bank_payload VALUES (?, ?)",
                                   (item.slug, json.dumps(raw, ensure_ascii=False, separators=(",", ":"))))
                self._conn.executemany("INSERT OR IGNORE INTO bank_item_topic VALUES (?, ?)",
                                       [(item.slug, t) for t in item.topics])
                self._conn.execute("INSERT INTO bank_fts VALUES (?, ?, ?)", (item.slug, item.title, _body(item)))
                count += 1
            return count

        try:
            return self._write(insert, "add to the question bank")
        except sqlite3.IntegrityError as exc:
            raise StorageError(f"cannot add to the bank: {exc}") from exc

    def _delete_rows(self, slug: str) -> None:
        for table in ("bank_item", "bank_payload", "bank_item_topic", "bank_fts"):
            self._conn.execute(f"DELETE FROM {table} WHERE slug = ?", (slug,))

    def delete(self, slug: str) -> None:
        def remove() -> None:
            if not self.contains(slug):
                raise ProblemNotFound(slug)
            self._delete_rows(slug)

        self._write(remove, "delete from the question bank")

    def compact(self) -> None:
        """Make the file self-contained (no WAL) and small, for shipping read-only."""
        with self._lock:
            self._conn.execute("PRAGMA journal_mode=DELETE")
            self._conn.execute("VACUUM")

    def set_meta(self, key: str, value: str) -> None:
        def save() -> None:
            self._conn.execute("INSERT OR REPLACE INTO bank_meta VALUES (?, ?)", (key, value))

        self._write(save, "save the question bank's details")

    # -- reading ------------------------------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT value FROM bank_meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def contains(self, slug: str) -> bool:
        with self._lock:
            return self._conn.execute("SELECT 1 FROM bank_item WHERE slug = ?", (slug,)).fetchone() is not None

    def raw(self, slug: str) -> dict[str, Any]:
        with self._lock:
            row = self._conn.execute("SELECT payload FROM bank_payload WHERE slug = ?", (slug,)).fetchone()
        if row is None:
            raise ProblemNotFound(slug)
        data: dict[str, Any] = json.loads(row[0])
        return data

    def source_of(self, slug: str) -> str:
        with self._lock:
            row = self._conn.execute("SELECT source FROM bank_item WHERE slug = ?", (slug,)).fetchone()
        if row is None:
            raise ProblemNotFound(slug)
        return str(row[0])

    def get(self, slug: str) -> BankItem:
        return parse_item(self.raw(slug), self.source_of(slug), validate=False)  # validated when it was stored

    @staticmethod
    def _where(kind: str | None, difficulties: Iterable[str] | None, job_type: str | None,
               level: str | None) -> tuple[str, list[Any]]:
        sql = " WHERE 1=1"
        args: list[Any] = []
        if kind:
            sql += " AND kind = ?"
            args.append(kind)
        diffs = list(difficulties or [])
        if diffs:
            sql += f" AND difficulty IN ({', '.join('?' * len(diffs))})"
            args += diffs
        if job_type:
            sql += " AND instr(jobs, ?)"
            args.append(f" {job_type} ")
        if level:
            sql += " AND (levels = '' OR instr(levels, ?))"
            args.append(f" {level} ")
        return sql, args

    def candidates(self, kind: str, difficulties: Iterable[str] | None = None, job_type: str | None = None,
                   level: str | None = None) -> list[tuple[str, str, str, str]]:
        """(slug, title, topics, difficulty) rows for selection: plain tuples, the hot path of a session's start."""
        where, args = self._where(kind, difficulties, job_type, level)
        with self._lock:
            return self._conn.execute("SELECT slug, title, topics, difficulty FROM bank_item" + where, args).fetchall()

    def rows(self, kind: str | None = None, difficulties: Iterable[str] | None = None,
             job_type: str | None = None, level: str | None = None, topic: str | None = None) -> list[ItemRow]:
        where, args = self._where(kind, difficulties, job_type, level)
        if topic:
            where += " AND slug IN (SELECT slug FROM bank_item_topic WHERE topic = ?)"
            args.append(topic)
        with self._lock:
            result = self._conn.execute(
                "SELECT slug, kind, title, difficulty, topics, source, has_tests FROM bank_item" + where
                + " ORDER BY slug", args).fetchall()
        return [ItemRow(r[0], r[1], r[2], r[3], tuple(r[4].split()), r[5], bool(r[6])) for r in result]

    def rows_for(self, slugs: list[str]) -> list[ItemRow]:
        return self._rows_for(slugs)

    def search(self, text: str, limit: int = 50) -> list[ItemRow]:
        terms = [t for t in "".join(c if c.isalnum() else " " for c in text).split() if t]
        if not terms:
            return []
        query = " ".join(f'"{t}"*' for t in terms)
        with self._lock:
            slugs = [r[0] for r in self._conn.execute(
                "SELECT slug FROM bank_fts WHERE bank_fts MATCH ? ORDER BY rank LIMIT ?", (query, limit))]
        by_slug = {row.slug: row for row in self._rows_for(slugs)}
        return [by_slug[s] for s in slugs if s in by_slug]

    def _rows_for(self, slugs: list[str]) -> list[ItemRow]:
        if not slugs:
            return []
        with self._lock:
            result = self._conn.execute(
                "SELECT slug, kind, title, difficulty, topics, source, has_tests FROM bank_item "
                f"WHERE slug IN ({', '.join('?' * len(slugs))})", slugs).fetchall()
        return [ItemRow(r[0], r[1], r[2], r[3], tuple(r[4].split()), r[5], bool(r[6])) for r in result]

    def count(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM bank_item").fetchone()[0])
