"""The benchmark helpers: statistics, interleaving and the result rows run_all gathers."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import common  # noqa: E402
import run_all  # noqa: E402


def test_percentile_is_an_observed_value() -> None:
    values = [5.0, 1.0, 3.0, 2.0, 4.0]
    assert common.percentile(values, 50) == 3.0
    assert common.percentile(values, 95) == 5.0
    assert common.percentile(values, 1) == 1.0
    with pytest.raises(ValueError):
        common.percentile([], 50)


def test_interleaved_alternates_which_runs_first() -> None:
    order: list[str] = []

    def a() -> float:
        order.append("a")
        return 1.0

    def b() -> float:
        order.append("b")
        return 2.0

    first, second = common.interleaved(a, b, 4)
    assert order == ["a", "b", "b", "a", "a", "b", "b", "a"]
    assert first == [1.0] * 4 and second == [2.0] * 4


def test_meets_reads_the_target() -> None:
    assert common.meets(0.2, "<= 0.3 s") is True
    assert common.meets(0.4, "<= 0.3 s") is False
    assert common.meets(0.97, ">= 0.95") is True
    assert common.meets(1.0, "well under a minute") is None


def test_record_writes_a_row_run_all_can_tabulate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sink = tmp_path / "rows.jsonl"
    monkeypatch.setenv(common.RESULTS_ENV, str(sink))
    common.record("judge python", 0.25, 0.05, "s", "<= 0.3 s", runs=[0.24, 0.25, 0.3], floor_runs=[0.05] * 3)
    row = json.loads(sink.read_text())
    assert row["passed"] is True and row["ratio"] == pytest.approx(5.0)
    assert row["spread"] == "0.240–0.300 (n=3)"
    text = run_all.table([row])
    assert "judge python" in text and "5.00×" in text and "pass" in text


def test_every_benchmark_script_exists() -> None:
    for bench in run_all.BENCHMARKS:
        assert (BENCH / bench.script).exists(), bench.script
