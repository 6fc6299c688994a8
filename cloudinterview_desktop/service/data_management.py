"""Deleting the user's data: one session, old sessions, or everything (database rows, recordings, reports)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta

from cloudinterview_desktop.paths import AppPaths
from cloudinterview_desktop.store.session_repository import SessionRepository


@dataclass(frozen=True)
class DeletionResult:
    sessions: int
    files: int


def _session_files(paths: AppPaths, session_id: str) -> int:
    removed = 0
    for folder in (paths.recordings_dir / session_id, paths.reports_dir / session_id):
        if folder.exists():
            removed += sum(1 for p in folder.rglob("*") if p.is_file())
            shutil.rmtree(folder)
    return removed


def delete_session(repo: SessionRepository, paths: AppPaths, session_id: str) -> DeletionResult:
    repo.delete(session_id)
    return DeletionResult(1, _session_files(paths, session_id))


def purge_older_than(repo: SessionRepository, paths: AppPaths, days: int) -> DeletionResult:
    ids = repo.older_than(datetime.now() - timedelta(days=days))
    files = 0
    for session_id in ids:
        repo.delete(session_id)
        files += _session_files(paths, session_id)
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
