"""Telling the machine's errors (disk full, read-only, permissions, a lost drive, a lock) from damaged data.

Only damage may move a database aside; every other failure becomes a typed error that names the folder and what to
do, and leaves every file as it was."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from cloudinterview_desktop.domain.errors import (
    DataFolderError,
    DataPermissionDenied,
    DataReadOnly,
    DataUnavailable,
    DiskFull,
    StorageError,
)

LOW_SPACE_BYTES = 1 << 20
DAMAGE_CODES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
BUSY_CODES = ("SQLITE_BUSY", "SQLITE_LOCKED")


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The error, what it wraps (peewee keeps the sqlite3 error as `orig`) and what caused it."""
    seen: set[int] = set()
    stack = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        stack.extend(arg for arg in current.args[:1] if isinstance(arg, BaseException))
        for linked in (current.__cause__, current.__context__, getattr(current, "orig", None)):
            if linked is not None:
                stack.append(linked)


def sqlite_codes(exc: BaseException) -> list[str]:
    names: list[str] = []
    for item in _chain(exc):
        name = getattr(item, "sqlite_errorname", None)
        if isinstance(name, str):
            names.append(name)
        elif isinstance(item, sqlite3.Error) or type(item).__module__ == "peewee":
            text = str(item).lower()
            if "database is locked" in text or "database table is locked" in text:
                names.append("SQLITE_BUSY")
            elif "disk is full" in text:
                names.append("SQLITE_FULL")
            elif "malformed" in text:
                names.append("SQLITE_CORRUPT")
            elif "file is not a database" in text:
                names.append("SQLITE_NOTADB")
    return names


def os_errnos(exc: BaseException) -> list[int]:
    return [item.errno for item in _chain(exc) if isinstance(item, OSError) and item.errno is not None]


def is_damage(exc: BaseException) -> bool:
    """The file itself is not a valid database: the only case in which a copy is set aside."""
    return any(code.startswith(DAMAGE_CODES) for code in sqlite_codes(exc))


def is_busy(exc: BaseException) -> bool:
    return any(code.startswith(BUSY_CODES) for code in sqlite_codes(exc))


def read_only_filesystem(folder: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:
        return False
    try:
        return bool(statvfs(folder).f_flag & getattr(os, "ST_RDONLY", 1))
    except OSError:
        return False


def _free_bytes(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def folder_problem(folder: Path, exc: BaseException | None = None) -> DataFolderError | None:
    """What is wrong with the machine under `folder`, judged by the error's codes and the folder itself."""
    codes = sqlite_codes(exc) if exc is not None else []
    numbers = os_errnos(exc) if exc is not None else []
    place = str(folder)
    if not folder.exists() or any(n in (errno.ENODEV, errno.ENXIO, errno.ESTALE) for n in numbers):
        return DataUnavailable(place, "the folder is missing" if not folder.exists() else "")
    free = _free_bytes(folder)
    if (any(c.startswith("SQLITE_FULL") for c in codes) or errno.ENOSPC in numbers or errno.EDQUOT in numbers
            or (free is not None and free < LOW_SPACE_BYTES)):
        return DiskFull(place)
    if errno.EROFS in numbers or read_only_filesystem(folder):
        return DataReadOnly(place)
    if (any(n in (errno.EACCES, errno.EPERM) for n in numbers) or any(c.startswith("SQLITE_PERM") for c in codes)
            or not os.access(folder, os.W_OK | os.X_OK)):
        return DataPermissionDenied(place)
    if any(c.startswith("SQLITE_READONLY") for c in codes):
        return DataPermissionDenied(place)
    if any(c.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) for c in codes) or errno.EIO in numbers:
        return DataUnavailable(place, "an input/output error")
    return None


def as_storage_error(exc: BaseException, folder: Path, doing: str) -> StorageError:
    """The clearest error for a failed read or write: the machine's problem when there is one, else the raw one."""
    if isinstance(exc, StorageError):
        return exc
    problem = folder_problem(folder, exc)
    if problem is not None:
        return problem
    return StorageError(f"could not {doing} ({folder}): {exc}")
