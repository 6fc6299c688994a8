"""What every benchmark shares: robust statistics, interleaved timing of the app beside its floor, and one result row
per figure (printed, and appended to the file named by $BENCH_RESULTS so `bench/run_all.py` can gather a table)."""

from __future__ import annotations

import dataclasses
import json
import math
import os
import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field

from cloudinterview_desktop.bank.item_format import load_item_file
from cloudinterview_desktop.domain.problems import CodingProblem, TestCase
from cloudinterview_desktop.resources import resource_path

RESULTS_ENV = "BENCH_RESULTS"


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile: always a value that was actually observed."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return float(ordered[min(len(ordered), rank) - 1])


def spread(values: Sequence[float], digits: int = 3) -> str:
    """The range of the runs, so a reader sees how noisy the machine was: `min–max (n runs)`."""
    if not values:
        return ""
    return f"{min(values):.{digits}f}–{max(values):.{digits}f} (n={len(values)})"


def runs_text(values: Sequence[float], digits: int = 3) -> str:
    return ", ".join(f"{v:.{digits}f}" for v in values)


def interleaved(first: Callable[[], float], second: Callable[[], float],
                rounds: int) -> tuple[list[float], list[float]]:
    """Run both `rounds` times, alternating which goes first, so neither always sees a warmer cache or a quieter
    moment; each callable returns its own measured figure."""
    a: list[float] = []
    b: list[float] = []
    for n in range(rounds):
        if n % 2 == 0:
            a.append(first())
            b.append(second())
        else:
            b.append(second())
            a.append(first())
    return a, b


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


_TARGET = re.compile(r"^\s*(<=|>=|<|>)\s*([0-9.]+)")


def meets(value: float, target: str) -> bool | None:
    """Whether `value` meets a target written as `<= 0.3 s` or `>= 0.95`; None for a target in words."""
    match = _TARGET.match(target)
    if match is None:
        return None
    op, limit = match.group(1), float(match.group(2))
    return {"<=": value <= limit, ">=": value >= limit, "<": value < limit, ">": value > limit}[op]


@dataclass
class Result:
    """One figure of the table: the app's value, the floor of the same work measured in the same run, the target the
    app's value is held to (`passed`), and the per-run values behind both."""

    name: str
    unit: str
    figure: float
    floor: float | None
    target: str
    passed: bool | None
    spread: str = ""
    runs: list[float] = field(default_factory=list)
    floor_runs: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.floor is None or self.floor == 0:
            return None
        return self.figure / self.floor


def record(name: str, figure: float, floor: float | None, unit: str, target: str, *, runs: Sequence[float] = (),
           floor_runs: Sequence[float] = (), passed: bool | None = None, note: str = "",
           digits: int = 3) -> Result:
    """Print the row and append it to $BENCH_RESULTS. `passed` defaults to the figure against a `<= N` target."""
    result = Result(name, unit, figure, floor, target, meets(figure, target) if passed is None else passed,
                    spread(runs, digits), list(runs), list(floor_runs), note)
    floor_text = f", floor {floor:.{digits}f} {unit}" if floor is not None else ""
    ratio_text = f", ratio {result.ratio:.2f}x" if result.ratio is not None else ""
    verdict = {True: "PASS", False: "FAIL", None: "-"}[result.passed]
    print(f"RESULT {name}: {figure:.{digits}f} {unit}{floor_text}{ratio_text} (target {target}: {verdict})"
          + (f" spread {result.spread}" if result.spread else "") + (f"; {note}" if note else ""))
    sys.stdout.flush()
    path = os.environ.get(RESULTS_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({**asdict(result), "ratio": result.ratio}) + "\n")
    return result


def report(name: str, app_value: float, baseline_value: float, unit: str, target: str) -> None:
    """The older one-line form some benchmarks still use: the app's figure beside its floor."""
    record(name, app_value, baseline_value, unit, target)


def two_sum_with_tests(count: int) -> CodingProblem:
    """Two Sum with `count` hidden tests of up to 2,000 numbers (one planted pair each), the same for every seed-7
    run: the judge benchmarks' problem."""
    item = load_item_file(resource_path("bank", "coding", "two-sum.json"))
    assert isinstance(item, CodingProblem) and item.solution is not None
    rng = random.Random(7)
    tests = []
    for _ in range(count):
        size = rng.randint(2, 2000)
        nums = rng.sample(range(0, 10**6, 2), size)  # even numbers: no pair of them sums to an odd target
        i, j = sorted(rng.sample(range(size), 2))
        nums[i], nums[j] = 1, 2 * rng.randint(0, 10**5)
        tests.append(TestCase(input={"nums": nums, "target": nums[i] + nums[j]}, output=[i, j]))
    return dataclasses.replace(item, tests=tuple(tests))

