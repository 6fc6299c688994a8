"""The machine's errors are told apart from damage, and each says what to do."""

from __future__ import annotations

import errno
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import peewee
import pytest

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.domain.errors import (
    DataBusy,
    DataPermissionDenied,
    DataReadOnly,
    DataUnavailable,
    DiskFull,
)
from cloudinterview_desktop.domain.session import Mode, SessionConfig
from cloudinterview_desktop.store import guarded
from cloudinterview_desktop.store.machine_errors import as_storage_error, folder_problem, is_busy, is_damage


def _sqlite_error(sql_setup: str, tmp_path: Path) -> sqlite3.Error:
    conn = sqlite3.connect(tmp_path / "x.sqlite")
    try:
        conn.executescript(sql_setup)
    except sqlite3.Error as exc:
        return exc
    raise AssertionError("no error")


def test_only_corruption_counts_as_damage(tmp_path: Path) -> None:
    (tmp_path / "x.sqlite").write_bytes(b"this is not a database at all" * 100)
    not_a_db = _sqlite_error("SELECT * FROM sqlite_master", tmp_path)
    assert is_damage(not_a_db) and is_damage(peewee.DatabaseError(not_a_db))
    io_error = sqlite3.OperationalError("disk I/O error")
    io_error.sqlite_errorname = "SQLITE_IOERR_WRITE"
    assert not is_damage(io_error)
    locked = sqlite3.OperationalError("database is locked")
    assert is_busy(locked) and not is_damage(locked)
    # A failed rollback after a failed commit still carries the disk's error underneath.
    try:
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.OperationalError:
            raise peewee.OperationalError("cannot rollback - no transaction is active") from None
    except peewee.OperationalError as wrapped:
        wrapped.__context__ = sqlite3.OperationalError("database or disk is full")
        assert isinstance(as_storage_error(wrapped, tmp_path, "save"), DiskFull)


@pytest.mark.parametrize(("number", "kind", "words"), [
    (errno.ENOSPC, DiskFull, "Free some space"),
    (errno.EROFS, DataReadOnly, "read-only disk"),
    (errno.EACCES, DataPermissionDenied, "chmod -R u+rwX"),
    (errno.EIO, DataUnavailable, "Reconnect it"),
])
def test_each_machine_error_names_the_folder_and_what_to_do(tmp_path: Path, number: int, kind: type,
                                                            words: str) -> None:
    problem = folder_problem(tmp_path, OSError(number, "x"))
    assert isinstance(problem, kind)
    assert str(tmp_path) in str(problem) and words in str(problem)


def test_a_folder_that_is_gone_is_a_disconnected_drive(tmp_path: Path) -> None:
    problem = folder_problem(tmp_path / "usb-stick" / "data")
    assert isinstance(problem, DataUnavailable) and "disconnected" in str(problem)


HOLDER = """
import sqlite3, sys, time
from pathlib import Path
from cloudinterview_desktop.store.presence import Presence
Presence(Path(sys.argv[1]).parent, label="cloudinterview problems import").register()
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
time.sleep(60)
"""


def test_a_wait_that_runs_out_names_the_process_that_holds_the_data(core: AppCore,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = core.paths.db_path
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        monkeypatch.setattr(guarded, "BUSY_WAIT_S", 0.5)
        started = time.monotonic()
        with pytest.raises(DataBusy) as caught:
            core.sessions.create(SessionConfig(mode=Mode.BEHAVIORAL), [], datetime.now())
        assert time.monotonic() - started >= 0.5
        message = str(caught.value)
        assert f"cloudinterview problems import (pid {holder.pid}" in message
        assert "Nothing was lost" in message and "locked" not in message
    finally:
        holder.kill()
        holder.wait()
    assert core.sessions.summaries() == []  # nothing half-written
