"""The bank's tables are created and versioned by numbered migrations; files written by the raw-SQL bank are
adopted, not rebuilt."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from cloudinterview_desktop.bank import migrations
from cloudinterview_desktop.bank.catalog import Catalog
from cloudinterview_desktop.bank.item_format import load_item_file
from cloudinterview_desktop.domain.errors import StorageError
from cloudinterview_desktop.store import migrations as session_migrations
from cloudinterview_desktop.store.database import close_database, open_database
from tests.conftest import REPO

BANK = REPO / "resources" / "bank"

# The schema bank/catalog.py created with raw sqlite3 before the bank had migrations (copied from that version).
RAW_SCHEMA = """
CREATE TABLE IF NOT EXISTS bank_item (
    slug TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    difficulty TEXT NOT NULL,
    topics TEXT NOT NULL,
    jobs TEXT NOT NULL,
    levels TEXT NOT NULL,
    source TEXT NOT NULL,
    has_tests INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS bank_payload (slug TEXT PRIMARY KEY, payload TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS bank_item_kind_difficulty ON bank_item(kind, difficulty);
CREATE TABLE IF NOT EXISTS bank_item_topic (slug TEXT NOT NULL, topic TEXT NOT NULL, PRIMARY KEY (topic, slug));
CREATE VIRTUAL TABLE IF NOT EXISTS bank_fts USING fts5(slug UNINDEXED, title, body, tokenize='porter unicode61');
CREATE TABLE IF NOT EXISTS bank_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def _write_raw_bank(path: Path) -> None:
    """A user's data file as the raw-SQL bank left it: its tables, one imported item, written as that code did."""
    raw = json.loads((BANK / "coding" / "two-sum.json").read_text(encoding="utf-8"))
    item = load_item_file(BANK / "coding" / "two-sum.json")
    conn = sqlite3.connect(path)
    try:
        conn.executescript(RAW_SCHEMA)
        conn.execute("INSERT INTO bank_item VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (item.slug, item.kind.value, item.title, item.difficulty.value, " ".join(item.topics),
                      f" {' '.join(item.job_types)} ", "", "user", 1))
        conn.execute("INSERT INTO bank_payload VALUES (?, ?)", (item.slug, json.dumps(raw)))
        conn.executemany("INSERT INTO bank_item_topic VALUES (?, ?)", [(item.slug, t) for t in item.topics])
        conn.execute("INSERT INTO bank_fts VALUES (?, ?, ?)", (item.slug, item.title, raw["statement"]))
        conn.execute("INSERT INTO bank_meta VALUES ('note', 'kept')")
        conn.commit()
    finally:
        conn.close()


def _bank_versions(path: Path) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        return [int(r[0]) for r in conn.execute("SELECT version FROM bank_schema_version ORDER BY version")]
    finally:
        conn.close()


def test_a_data_file_of_the_raw_bank_is_adopted_once_and_keeps_its_items(tmp_path: Path) -> None:
    path, backups = tmp_path / "data.sqlite", tmp_path / "backups"
    open_database(path, backups)  # the sessions' tables share the file
    close_database()
    _write_raw_bank(path)

    catalog = Catalog(path, backups_dir=backups)
    assert catalog.schema_version == migrations.LATEST
    assert catalog.count() == 1 and catalog.get("two-sum").title == "Two Sum"
    assert [r.slug for r in catalog.search("two sum target")] == ["two-sum"]
    assert [r.slug for r in catalog.rows(topic="arrays")] == ["two-sum"]
    assert catalog.meta("note") == "kept"
    catalog.delete("two-sum")  # the adopted tables are written through the models
    assert catalog.count() == 0 and catalog.search("two sum") == []
    catalog.close()
    assert _bank_versions(path) == list(range(1, migrations.LATEST + 1))
    assert [p.name.split("-")[1] for p in backups.glob("*.sqlite")] == ["bank_v0"]  # a copy before adopting

    again = Catalog(path, backups_dir=backups)  # migrated once: nothing is recorded or copied again
    assert again.schema_version == migrations.LATEST
    again.close()
    assert _bank_versions(path) == list(range(1, migrations.LATEST + 1))
    assert len(list(backups.glob("*.sqlite"))) == 1
    report = open_database(path, backups)  # the sessions' versions are their own
    close_database()
    assert report.schema_version == session_migrations.LATEST


def test_a_read_only_raw_bank_is_read_without_migrating(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite"
    _write_raw_bank(path)
    catalog = Catalog(path, readonly=True)
    assert catalog.schema_version == 0
    assert [r.slug for r in catalog.search("two sum")] == ["two-sum"]
    catalog.close()


def test_a_new_file_gets_the_bank_tables_at_the_latest_version(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    catalog = Catalog(path, backups_dir=tmp_path / "backups")
    assert catalog.schema_version == migrations.LATEST and catalog.count() == 0
    catalog.close()
    assert _bank_versions(path) == list(range(1, migrations.LATEST + 1))
    assert not (tmp_path / "backups").exists()  # nothing to copy in a new file
    conn = sqlite3.connect(path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert {"bank_item", "bank_payload", "bank_item_topic", "bank_meta", "bank_fts",
            "bank_item_kind_difficulty"} <= names


def test_a_bank_newer_than_the_app_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    Catalog(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO bank_schema_version (version, applied_at) VALUES (?, '2030-01-01')",
                 (migrations.LATEST + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="newer than this app"):
        Catalog(path)


def test_the_built_in_bank_is_at_the_latest_version() -> None:
    catalog = Catalog(REPO / "problems.sqlite", readonly=True)
    assert catalog.schema_version == migrations.LATEST
    catalog.close()
