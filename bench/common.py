"""Small helpers shared by the benchmarks: medians and a uniform report line."""

from __future__ import annotations

import statistics
import sys
from collections.abc import Sequence


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def report(name: str, app_value: float, baseline_value: float, unit: str, target: str) -> None:
    ratio = app_value / baseline_value if baseline_value else float("inf")
    print(f"{name}: app {app_value:.3f} {unit}, baseline {baseline_value:.3f} {unit}, ratio {ratio:.2f}x "
          f"(target {target})")
    sys.stdout.flush()
