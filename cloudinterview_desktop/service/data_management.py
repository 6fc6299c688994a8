"""Deleting the user's data: a session's files, old sessions, or everything (database rows, recordings, reports)."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cloudinterview_desktop.paths import AppPaths
from cloudinterview_desktop.store.session_repository import SessionRepository


@dataclass(frozen=True)
class DeletionResult:
    sessions: int
    files: int


def remove_session_files(folders: Iterable[Path], session_id: str) -> int:
    """Each session's recordings and reports live in <folder>/<session id>/; returns the number of files removed."""
    removed = 0
    for folder in (f / session_id for f in folders):
        if folder.exists():
            removed += sum(1 for p in folder.rglob("*") if p.is_file())
            shutil.rmtree(folder)
    return removed


def purge_older_than(repo: SessionRepository, paths: AppPaths, days: int) -> DeletionResult:
    ids = repo.older_than(datetime.now() - timedelta(days=days))
    files = 0
    for session_id in ids:
        repo.delete(session_id)
        files += remove_session_files((paths.recordings_dir, paths.reports_dir), session_id)
    return DeletionResult(len(ids), files)


def delete_all_data(repo: SessionRepository, paths: AppPaths) -> DeletionResult:
    count = repo.delete_all()
    files = 0
    for folder in (paths.recordings_dir, paths.reports_dir):
        if folder.exists():
            files += sum(1 for p in folder.rglob("*") if p.is_file())
            shutil.rmtree(folder)
        folder.mkdir(parents=True, exist_ok=True)
    return DeletionResult(count, files)
