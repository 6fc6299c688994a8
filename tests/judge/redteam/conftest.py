"""Red-team fixtures: a problem with small limits, judges at every isolation level the machine offers, and
checks that a hostile run left nothing behind (no process, no file, the work root empty).

`rt_judge` is the strongest level here; `level_judge` runs a test once per level; `judge_at(level)` gives a judge
at a level chosen by the test's own parameters (None: the strongest)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from cloudinterview_desktop.domain.problems import Limits
from cloudinterview_desktop.judge.judge import Judge
from tests.judge.conftest import assert_no_strays, load_problem

LEVELS = ("bubblewrap", "namespaces", "rlimits")
LIMIT_MS = 250
# add(a, b) -> int: one example (Run), three hidden tests (Submit); a quarter of a second per test.
ADD = replace(load_problem("add-numbers"), limits=Limits(time_ms=LIMIT_MS, memory_mb=128))


@pytest.fixture
def work_root(tmp_path: Path) -> Path:
    root = tmp_path / "work"
    root.mkdir()
    return root


@pytest.fixture
def rt_judge(judge_cache: Path, work_root: Path) -> Iterator[Judge]:
    """The strongest level here, with its work directories in a folder of the test's own, checked empty after."""
    yield Judge(cache_dir=judge_cache, work_root=work_root)
    assert_no_strays()
    assert sorted(p.name for p in work_root.iterdir()) == []


@pytest.fixture(params=LEVELS)
def level_judge(request: pytest.FixtureRequest, judge_cache: Path, work_root: Path) -> Iterator[Judge]:
    judge = Judge(cache_dir=judge_cache, isolation=request.param, work_root=work_root)
    if judge.isolation_level() != request.param:
        pytest.skip(f"isolation level {request.param} is not available here (got {judge.isolation_level()})")
    yield judge
    assert_no_strays()
    assert sorted(p.name for p in work_root.iterdir()) == []


@pytest.fixture
def judge_at(judge_cache: Path, work_root: Path) -> Iterator[Callable[[str | None], Judge]]:
    def make(level: str | None) -> Judge:
        judge = Judge(cache_dir=judge_cache, isolation=level, work_root=work_root)
        if level is not None and judge.isolation_level() != level:
            pytest.skip(f"isolation level {level} is not available here (got {judge.isolation_level()})")
        return judge

    yield make
    assert_no_strays()
    assert sorted(p.name for p in work_root.iterdir()) == []
