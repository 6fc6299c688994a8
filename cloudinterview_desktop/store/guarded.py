"""Every read and write of the user database goes through here: writes take the lock up front (BEGIN IMMEDIATE),
a busy database is waited for with bounded backoff, and failures become typed errors that say what to do.

SQLite answers a deferred transaction that upgrades to a write with SQLITE_BUSY at once, without honouring the busy
timeout, so no write here starts deferred. A nested call joins the caller's transaction; the outermost one retries."""

from __future__ import annotations

import functools
import random
import sqlite3
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

import peewee

from cloudinterview_desktop.domain.errors import DataBusy
from cloudinterview_desktop.store.machine_errors import as_storage_error, is_busy
from cloudinterview_desktop.store.presence import Presence
from cloudinterview_desktop.store.tables import DB

BUSY_WAIT_S = 30.0
T = TypeVar("T")
S = TypeVar("S")
P = ParamSpec("P")
DB_ERRORS = (peewee.DatabaseError, peewee.InterfaceError, sqlite3.Error, OSError)


def data_folder() -> Path:
    database = getattr(DB.obj, "database", None)
    if not isinstance(database, str):
        return Path(".")
    if database.startswith("file:"):  # a read-only open names the file by URI
        database = database[len("file:"):].split("?", 1)[0]
    return Path(database).parent


def retry_busy(attempt: Callable[[], T], folder: Path, doing: str, wait_s: float | None = None) -> T:
    """Run `attempt` again while the database is busy, up to `wait_s` seconds in all; then name who holds it."""
    deadline = time.monotonic() + (BUSY_WAIT_S if wait_s is None else wait_s)
    delay = 0.02
    while True:
        try:
            return attempt()
        except (peewee.IntegrityError, sqlite3.IntegrityError):
            raise
        except DB_ERRORS as exc:
            if not is_busy(exc):
                raise as_storage_error(exc, folder, doing) from exc
            if time.monotonic() >= deadline:
                raise DataBusy(str(folder), Presence(folder).others()) from exc
        time.sleep(delay * random.uniform(0.5, 1.5))
        delay = min(delay * 2, 0.5)


def run_write(body: Callable[[], T], doing: str) -> T:
    """`body` inside one BEGIN IMMEDIATE transaction (or the caller's, when one is open)."""
    database = DB.obj
    if database is not None and database.in_transaction():
        return body()

    return write_in(DB, body, data_folder(), doing)


def write_in(database: peewee.Database | peewee.DatabaseProxy, body: Callable[[], T], folder: Path, doing: str,
             serialize: AbstractContextManager[object] | None = None) -> T:
    """`body` in one BEGIN IMMEDIATE transaction on `database`, retried while another process holds the write lock.
    `serialize` is held around each attempt by a caller whose threads share one connection."""

    def attempt() -> T:
        with serialize if serialize is not None else nullcontext(), database.atomic("IMMEDIATE"):
            return body()

    return retry_busy(attempt, folder, doing)


def run_read(body: Callable[[], T], doing: str) -> T:
    database = DB.obj
    if database is not None and database.in_transaction():
        return body()
    return retry_busy(body, data_folder(), doing)


def writes(doing: str) -> Callable[[Callable[Concatenate[S, P], T]], Callable[Concatenate[S, P], T]]:
    def decorate(method: Callable[Concatenate[S, P], T]) -> Callable[Concatenate[S, P], T]:
        @functools.wraps(method)
        def wrapper(self: S, /, *args: P.args, **kwargs: P.kwargs) -> T:
            return run_write(lambda: method(self, *args, **kwargs), doing)
        return wrapper
    return decorate


def reads(doing: str) -> Callable[[Callable[Concatenate[S, P], T]], Callable[Concatenate[S, P], T]]:
    def decorate(method: Callable[Concatenate[S, P], T]) -> Callable[Concatenate[S, P], T]:
        @functools.wraps(method)
        def wrapper(self: S, /, *args: P.args, **kwargs: P.kwargs) -> T:
            return run_read(lambda: method(self, *args, **kwargs), doing)
        return wrapper
    return decorate
