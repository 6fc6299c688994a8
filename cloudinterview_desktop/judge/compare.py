"""Comparison of a solution's output with the expected output, per the problem's compare mode."""

from __future__ import annotations

import json
import math
from typing import Any

from cloudinterview_desktop.domain.problems import CompareMode


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def _floats_equal(actual: Any, expected: Any, tolerance: float) -> bool:
    if isinstance(expected, list):
        return (isinstance(actual, list) and len(actual) == len(expected)
                and all(_floats_equal(a, e, tolerance) for a, e in zip(actual, expected, strict=True)))
    if isinstance(expected, bool) or isinstance(actual, bool):
        return actual is expected
    if isinstance(expected, int | float) and isinstance(actual, int | float):
        if math.isnan(expected) or math.isnan(actual):
            return math.isnan(expected) and math.isnan(actual)
        return math.isclose(actual, expected, rel_tol=tolerance, abs_tol=tolerance)
    return bool(actual == expected)


def _strict_equal(actual: Any, expected: Any) -> bool:
    """Equality that, unlike `==`, tells `True` from `1` and `1.0` from `1` where the type matters."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(actual) is type(expected) and actual == expected
    if isinstance(expected, list):
        return (isinstance(actual, list) and len(actual) == len(expected)
                and all(_strict_equal(a, e) for a, e in zip(actual, expected, strict=True)))
    if isinstance(expected, int | float):
        return isinstance(actual, int | float) and actual == expected
    return bool(actual == expected)


def outputs_match(actual: Any, expected: Any, mode: CompareMode, tolerance: float = 1e-6) -> bool:
    if mode is CompareMode.FLOAT:
        return _floats_equal(actual, expected, tolerance)
    if mode is CompareMode.UNORDERED:
        if not isinstance(actual, list) or not isinstance(expected, list):
            return _strict_equal(actual, expected)
        return sorted(map(_canonical, actual)) == sorted(map(_canonical, expected))
    if mode is CompareMode.UNORDERED_NESTED:
        if not isinstance(actual, list) or not isinstance(expected, list):
            return _strict_equal(actual, expected)

        def norm(items: list[Any]) -> list[str]:
            return sorted(_canonical(sorted(map(_canonical, x)) if isinstance(x, list) else x) for x in items)

        return norm(actual) == norm(expected)
    return _strict_equal(actual, expected)
