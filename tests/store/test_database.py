from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cloudinterview_desktop.store import migrations
from cloudinterview_desktop.store.database import OpenReport, close_database, open_database
from cloudinterview_desktop.store.session_repository import SessionRepository


def _open(tmp_path: Path) -> OpenReport:
    return open_database(tmp_path / "db.sqlite", tmp_path / "backups")


def test_new_database_is_migrated_to_latest(tmp_path: Path) -> None:
    report = _open(tmp_path)
    assert report.schema_version == migrations.LATEST
    assert report.moved_aside is None
    close_database()
    conn = sqlite3.connect(tmp_path / "db.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"session", "question", "answer", "event", "feedback", "schemaversion"} <= tables


def test_garbage_file_is_moved_aside_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    report = _open(tmp_path)
    assert report.moved_aside is not None and report.moved_aside.exists()
    assert report.moved_aside.read_bytes().startswith(b"this is not a database")
    assert "moved aside" in report.message and "Nothing was deleted" in report.message
    SessionRepository().ensure_profile()  # the fresh database works
    close_database()


def test_damaged_pages_are_detected(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    _open(tmp_path)
    repo = SessionRepository()
    repo.ensure_profile()
    close_database()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    # Keep the 100-byte header valid but overwrite the b-tree pages that follow it.
    data[100:4096 * 3] = b"\xff" * (4096 * 3 - 100)
    path.write_bytes(bytes(data))
    report = _open(tmp_path)
    assert report.moved_aside is not None
    assert report.problem
    close_database()


def test_newer_schema_is_refused_clearly(tmp_path: Path) -> None:
    _open(tmp_path)
    close_database()
    conn = sqlite3.connect(tmp_path / "db.sqlite")
    conn.execute("INSERT INTO schemaversion (version, applied_at) VALUES (999, '2030-01-01')")
    conn.commit()
    conn.close()
    from cloudinterview_desktop.domain.errors import StorageError

    with pytest.raises(StorageError, match="newer than this app"):
        _open(tmp_path)
    close_database()


def test_backup_copies_a_consistent_database(tmp_path: Path) -> None:
    _open(tmp_path)
    SessionRepository().ensure_profile("someone")
    backup = migrations.backup_file(tmp_path / "db.sqlite", tmp_path / "backups", "test")
    close_database()
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT id FROM profile").fetchall() == [("someone",)]
