"""Shared fixtures: every test gets its own CLOUDINTERVIEW_HOME, and Qt runs headless."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("CLOUDINTERVIEW_HOME", str(home))
    return home


@pytest.fixture
def core(app_home: Path) -> Iterator[object]:
    from cloudinterview_desktop.app import build_core

    app_core = build_core(app_home)
    yield app_core
    app_core.close()
