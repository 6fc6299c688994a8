"""How the signature's types are spelled in each language (LeetCode's conventions), and the int width rule.

The one rule for Java lists: parameters are arrays (`int[]`, `int[][]`, `String[]`); return values are arrays
when one level deep (`int[]`) and `List<List<...>>` of boxed types when nested (`List<List<Integer>>`), as most
LeetCode problems that return collections of combinations do. The Java harness converts by reflection, so a
solution that declares the other form (`List<Integer>` parameter, `int[][]` return) is judged just the same.

`int` is 32-bit (`int`) unless a value in the problem's examples or tests does not fit, in which case every `int`
of that problem is `long long` / `long` in C++ / Java.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from cloudinterview_desktop.domain.problems import CodingProblem, TypeSpec

INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1

_CPP_SCALARS = {"float": "double", "bool": "bool", "str": "string", "ListNode": "ListNode*", "TreeNode": "TreeNode*",
                "void": "void"}
_JAVA_SCALARS = {"float": "double", "bool": "boolean", "str": "String", "ListNode": "ListNode",
                 "TreeNode": "TreeNode", "void": "void"}
_JAVA_BOXED = {"int": "Integer", "long": "Long", "double": "Double", "boolean": "Boolean"}
_JS_SCALARS = {"int": "number", "float": "number", "bool": "boolean", "str": "string", "ListNode": "ListNode",
               "TreeNode": "TreeNode", "void": "void"}
_PY_SCALARS = {"int": "int", "float": "float", "bool": "bool", "str": "str", "ListNode": "ListNode | None",
               "TreeNode": "TreeNode | None", "void": "None"}


def _ints(value: Any) -> Iterable[int]:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, int) and not isinstance(item, bool):
            yield item


def needs_64_bit(values: Iterable[Any]) -> bool:
    return any(not INT32_MIN <= n <= INT32_MAX for value in values for n in _ints(value))


_WIDTHS: OrderedDict[int, tuple[CodingProblem, int]] = OrderedDict()
_WIDTHS_LOCK = threading.Lock()


def int_width(problem: CodingProblem) -> int:
    """32, or 64 when some int in the problem's (expanded) examples or tests does not fit 32 bits.

    Remembered for the last few problems (by identity; the entry keeps the problem alive so the id stays
    its own): expanding a large generated test takes longer than running it."""
    from cloudinterview_desktop.domain.generators import expand

    with _WIDTHS_LOCK:
        known = _WIDTHS.get(id(problem))
        if known is not None and known[0] is problem:
            return known[1]
    cases = (*problem.examples, *problem.tests)
    values = [expand(case.input) for case in cases] + [expand(case.output) for case in cases]
    width = 64 if needs_64_bit(values) else 32
    with _WIDTHS_LOCK:
        _WIDTHS[id(problem)] = (problem, width)
        while len(_WIDTHS) > 32:
            _WIDTHS.popitem(last=False)
    return width


def cpp_type(spec: TypeSpec, width: int = 32) -> str:
    if spec.item is not None:
        return f"vector<{cpp_type(spec.item, width)}>"
    if spec.name == "int":
        return "long long" if width == 64 else "int"
    return _CPP_SCALARS[spec.name]


def cpp_param(spec: TypeSpec, width: int = 32) -> str:
    # LeetCode passes vectors by reference and everything else by value.
    return cpp_type(spec, width) + ("&" if spec.item is not None else "")


def java_type(spec: TypeSpec, width: int = 32, returned: bool = False) -> str:
    if spec.item is None:
        if spec.name == "int":
            return "long" if width == 64 else "int"
        return _JAVA_SCALARS[spec.name]
    if returned and spec.depth >= 2:
        return f"List<{_java_boxed(spec.item, width)}>"
    return java_type(spec.item, width) + "[]"


def _java_boxed(spec: TypeSpec, width: int) -> str:
    if spec.item is not None:
        return f"List<{_java_boxed(spec.item, width)}>"
    plain = java_type(spec, width)
    return _JAVA_BOXED.get(plain, plain)


def js_type(spec: TypeSpec) -> str:
    if spec.item is not None:
        return js_type(spec.item) + "[]"
    return _JS_SCALARS[spec.name]


def python_type(spec: TypeSpec) -> str:
    if spec.item is not None:
        return f"list[{python_type(spec.item)}]"
    return _PY_SCALARS[spec.name]
