"""Deterministic generators for large test inputs, so the bank stores `{"$gen": ...}` specs instead of megabytes.

A value that is a JSON object with a `"$gen"` key is expanded; bank types never include objects, so this is
unambiguous. The PRNG is splitmix64, implemented here so that expansion never changes with the Python version.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from cloudinterview_desktop.domain.errors import ProblemFormatError

_MASK = (1 << 64) - 1
# Documented caps (docs/problem-format.md). Sizes are counted before anything is built, so a hostile item costs
# nothing: one value may hold this many elements (list entries through nesting, and a string's characters by eight,
# since a character takes a byte where an entry takes a pointer and an object) ...
MAX_ELEMENTS = 2_000_000
CHARS_PER_ELEMENT = 8
# ... and be nested this deep.
MAX_DEPTH = 64


def _splitmix64(seed: int) -> Iterator[int]:
    state = seed & _MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & _MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        yield z ^ (z >> 31)


def _int_arg(spec: dict[str, Any], key: str, default: int | None = None) -> int:
    value = spec.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ProblemFormatError(f"generator {spec.get('$gen')!r}: {key!r} must be an integer")
    return value


def _random_ints(spec: dict[str, Any]) -> list[int]:
    count = _int_arg(spec, "count")
    lo = _int_arg(spec, "lo")
    hi = _int_arg(spec, "hi")
    if hi < lo or count < 0:
        raise ProblemFormatError("generator 'random_ints': need count >= 0 and lo <= hi")
    rng = _splitmix64(_int_arg(spec, "seed", 1))
    span = hi - lo + 1
    if spec.get("unique"):
        if count > span:
            raise ProblemFormatError("generator 'random_ints': count exceeds the range for unique values")
        seen: set[int] = set()
        out: list[int] = []
        while len(out) < count:
            value = lo + next(rng) % span
            if value not in seen:
                seen.add(value)
                out.append(value)
    else:
        out = [lo + next(rng) % span for _ in range(count)]
    if spec.get("sorted"):
        out.sort()
    return out


def _random_string(spec: dict[str, Any]) -> str:
    length = _int_arg(spec, "length")
    alphabet = spec.get("alphabet", "abcdefghijklmnopqrstuvwxyz")
    if not isinstance(alphabet, str) or not alphabet:
        raise ProblemFormatError("generator 'random_string': 'alphabet' must be a non-empty string")
    rng = _splitmix64(_int_arg(spec, "seed", 1))
    return "".join(alphabet[next(rng) % len(alphabet)] for _ in range(length))


def _concat(spec: dict[str, Any]) -> Any:
    parts = [_expand(part) for part in spec.get("parts", [])]
    if all(isinstance(part, str) for part in parts):
        return "".join(parts)
    if all(isinstance(part, list) for part in parts):
        out: list[Any] = []
        for part in parts:
            out.extend(part)
        return out
    raise ProblemFormatError("generator 'concat': parts must be all lists or all strings")


def _expand_spec(spec: dict[str, Any]) -> Any:
    kind = spec["$gen"]
    if kind == "range":
        values = range(_int_arg(spec, "start", 0), _int_arg(spec, "stop"), _int_arg(spec, "step", 1))
        return [[v] for v in values] if spec.get("wrap") else list(values)
    if kind == "interleave":
        parts = [_expand(part) for part in spec.get("parts", [])]
        if not parts or not all(isinstance(part, list) for part in parts):
            raise ProblemFormatError("generator 'interleave': parts must be lists")
        if len({len(part) for part in parts}) != 1:
            raise ProblemFormatError("generator 'interleave': parts must have the same length")
        return [item for group in zip(*parts, strict=True) for item in group]
    if kind == "repeat":
        value = _expand(spec.get("value"))
        count = _int_arg(spec, "count")
        if isinstance(value, str) and spec.get("join"):
            return value * count
        if isinstance(value, list | dict):  # separate copies: a solution that mutates one row must not see all change
            return [copy.deepcopy(value) for _ in range(count)]
        return [value for _ in range(count)]
    if kind == "random_ints":
        return _random_ints(spec)
    if kind == "random_string":
        return _random_string(spec)
    if kind == "random_matrix":
        rows = _int_arg(spec, "rows")
        seed = _int_arg(spec, "seed", 1)
        row_spec = {"$gen": "random_ints", "count": _int_arg(spec, "cols"), "lo": _int_arg(spec, "lo"),
                    "hi": _int_arg(spec, "hi")}
        return [_random_ints({**row_spec, "seed": seed * 1_000_003 + r}) for r in range(rows)]
    if kind == "concat":
        return _concat(spec)
    raise ProblemFormatError(f"unknown generator {kind!r}")


def _count(spec: dict[str, Any], key: str, default: int | None = None) -> int:
    value = _int_arg(spec, key, default)
    if value < 0:
        raise ProblemFormatError(f"generator {spec.get('$gen')!r}: {key!r} must not be negative")
    return value


def _spec_size(spec: dict[str, Any], depth: int) -> int:
    kind = spec.get("$gen")
    if kind == "range":
        step = _int_arg(spec, "step", 1)
        if step == 0:
            raise ProblemFormatError("generator 'range': 'step' must not be 0")
        span = len(range(_int_arg(spec, "start", 0), _int_arg(spec, "stop"), step))
        return span * (2 if spec.get("wrap") else 1)
    if kind == "repeat":
        count = _count(spec, "count")
        value = spec.get("value")
        if isinstance(value, str) and spec.get("join"):
            return -(-count * len(value) // CHARS_PER_ELEMENT)
        return count * (1 + size_of(value, depth + 1))
    if kind == "random_ints":
        return _count(spec, "count")
    if kind == "random_string":
        return -(-_count(spec, "length") // CHARS_PER_ELEMENT)
    if kind == "random_matrix":
        return _count(spec, "rows") * (1 + _count(spec, "cols"))
    if kind in ("concat", "interleave"):
        parts = spec.get("parts", [])
        if not isinstance(parts, list):
            raise ProblemFormatError(f"generator {kind!r}: 'parts' must be a list")
        return sum(size_of(part, depth + 1) for part in parts)
    raise ProblemFormatError(f"unknown generator {kind!r}")


def size_of(value: Any, depth: int = 0) -> int:
    """How many elements `value` holds once expanded (list entries, and string characters by CHARS_PER_ELEMENT,
    through nesting), computed without building it. Raises ProblemFormatError past MAX_DEPTH."""
    if depth > MAX_DEPTH:
        raise ProblemFormatError(f"a value is nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, dict):
        if "$gen" in value:
            return _spec_size(value, depth)
        return sum(size_of(item, depth + 1) for item in value.values())
    if isinstance(value, list):
        return len(value) + sum(size_of(item, depth + 1) for item in value)
    if isinstance(value, str):
        return -(-len(value) // CHARS_PER_ELEMENT)
    return 0


def check_size(value: Any, limit: int = MAX_ELEMENTS) -> int:
    """The expanded size of `value`, or a clear ProblemFormatError when it is over `limit` or too deep."""
    try:
        size = size_of(value)
    except RecursionError as exc:
        raise ProblemFormatError(f"a value is nested more than {MAX_DEPTH} levels deep") from exc
    if size > limit:
        raise ProblemFormatError(f"a test value would hold {size:,} elements once generated; the limit is "
                                 f"{limit:,} (see docs/problem-format.md)")
    return size


def expand(value: Any, limit: int = MAX_ELEMENTS) -> Any:
    """Return `value` with every `{"$gen": ...}` object replaced by the data it describes; its size is checked
    against `limit` (and MAX_DEPTH) before anything is built."""
    check_size(value, limit)
    return _expand(value)


def _expand(value: Any) -> Any:
    if isinstance(value, dict):
        if "$gen" in value:
            return _expand_spec(value)
        return {key: _expand(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_expand(item) for item in value]
    return value


def has_generator(value: Any) -> bool:
    if isinstance(value, dict):
        return "$gen" in value or any(has_generator(item) for item in value.values())
    if isinstance(value, list):
        return any(has_generator(item) for item in value)
    return False
