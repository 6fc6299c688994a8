"""Judge test fixtures: one judge (and one compiler cache) per session, problems, and a /proc scan for strays."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cloudinterview_desktop.bank.item_format import load_item_file
from cloudinterview_desktop.domain.problems import CodingProblem
from cloudinterview_desktop.judge.judge import Judge
from cloudinterview_desktop.judge.languages import language_named

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BANK = REPO / "resources" / "bank" / "coding"
# The sandbox marks its processes' environment with the judging process's pid and a token: this session's own.
MARKER = f"CLOUDINTERVIEW_SANDBOX={os.getpid()}-".encode()


def load_problem(slug: str) -> CodingProblem:
    path = FIXTURES / f"{slug}.json"
    item = load_item_file(path if path.exists() else BANK / f"{slug}.json")
    assert isinstance(item, CodingProblem)
    return item


def sandboxed_processes() -> list[int]:
    """Live processes started by this session's judged runs (scanned here without psutil, independently of the
    judge's own sweep; other programs' sandboxes on the same machine are not ours to count)."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == os.getpid():
            continue
        try:
            with open(f"/proc/{name}/environ", "rb") as handle:
                environ = handle.read()
            with open(f"/proc/{name}/stat", "rb") as handle:
                state = handle.read().rsplit(b")", 1)[1].split()[0]
        except OSError:
            continue
        if MARKER in environ and state not in (b"Z", b"X"):
            found.append(int(name))
    return found


def require(language: str) -> None:
    """Skips the test when the language's toolchain is not installed, saying which package to install."""
    status = language_named(language).toolchain()
    if not status.available:
        pytest.skip(status.detail)


def assert_no_strays(timeout: float = 3.0) -> None:
    deadline = time.monotonic() + timeout
    while (strays := sandboxed_processes()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not strays, f"processes of a judged run survive: {strays}"


@pytest.fixture(scope="session")
def judge_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Shared by the session: the C++ precompiled header and the Java harness classes are built once.
    return tmp_path_factory.mktemp("judge-cache")


@pytest.fixture(scope="session")
def judge(judge_cache: Path) -> Judge:
    return Judge(cache_dir=judge_cache)


@pytest.fixture
def no_strays() -> Iterator[None]:
    assert_no_strays()
    yield
    assert_no_strays()
