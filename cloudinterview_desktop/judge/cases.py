"""The cases of one judging run (examples and custom inputs for *Run*, hidden tests for *Submit*), expanded,
and the checks of values against the signature's types (custom inputs, and what a solution returned)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from cloudinterview_desktop.domain.errors import ProblemFormatError
from cloudinterview_desktop.domain.generators import expand
from cloudinterview_desktop.domain.judging import JudgeMode
from cloudinterview_desktop.domain.problems import CodingProblem, Signature, TypeSpec
from cloudinterview_desktop.judge.errors import InvalidCustomInput

_NO_EXPECTED = object()


@dataclass(frozen=True)
class Case:
    input: dict[str, Any]
    expected: Any  # _NO_EXPECTED for a custom input whose answer is not known
    hidden: bool
    custom: bool = False

    @property
    def has_expected(self) -> bool:
        return self.expected is not _NO_EXPECTED


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "bool", int: "int", float: "float", str: "str", list: "list"}.get(type(value), type(value).__name__)


def value_problem(value: Any, spec: TypeSpec) -> str | None:
    """Why `value` (JSON data) is not of type `spec`, or None when it is. Node types are their list forms."""
    if spec.name == "void":
        return None if value is None else f"expected no value, got {_type_name(value)}"
    if spec.name in ("ListNode", "TreeNode"):
        if value is None or (isinstance(value, list) and all(
                v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in value)):
            return None
        return f"expected {spec.name} (a list of integers), got {_type_name(value)}"
    if spec.item is not None:
        if not isinstance(value, list):
            return f"expected {spec}, got {_type_name(value)}"
        for item in value:
            problem = value_problem(item, spec.item)
            if problem:
                return f"expected {spec}: an element: {problem}"
        return None
    if spec.name == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif spec.name == "float":
        ok = (isinstance(value, int | float) and not isinstance(value, bool)) or value in ("nan", "inf", "-inf")
        if isinstance(value, float) and math.isnan(value):
            ok = True
    elif spec.name == "bool":
        ok = isinstance(value, bool)
    else:
        ok = isinstance(value, str)
    return None if ok else f"expected {spec}, got {_type_name(value)}"


def check_input(signature: Signature, value: Any) -> str | None:
    """Why a custom input does not fit the signature, or None."""
    if not isinstance(value, dict):
        return "an input must be a JSON object of parameter names to values"
    if signature.is_design:
        if set(value) != {"operations", "arguments"}:
            return "a design input is {\"operations\": [...], \"arguments\": [...]}"
        ops, args = value["operations"], value["arguments"]
        if not (isinstance(ops, list) and isinstance(args, list) and ops and len(ops) == len(args)):
            return "operations and arguments must be non-empty lists of the same length"
        if ops[0] != signature.class_name:
            return f"the first operation must be {signature.class_name!r}"
        methods = {m.name: m for m in signature.methods}
        for position, (op, op_args) in enumerate(zip(ops, args, strict=True)):
            params = signature.constructor if position == 0 else (methods[op].params if op in methods else None)
            if params is None:
                return f"unknown operation {op!r} (expected one of {', '.join(methods)})"
            if not isinstance(op_args, list) or len(op_args) != len(params):
                return f"operation {position} ({op}) takes {len(params)} arguments"
            for param, arg in zip(params, op_args, strict=True):
                problem = value_problem(arg, param.type)
                if problem:
                    return f"operation {position} ({op}), {param.name}: {problem}"
        return None
    names = [p.name for p in signature.params]
    if set(value) != set(names):
        return f"expected the parameters {names}, got {sorted(value)}"
    for param in signature.params:
        problem = value_problem(value[param.name], param.type)
        if problem:
            return f"{param.name}: {problem}"
    return None


def build_cases(problem: CodingProblem, mode: JudgeMode,
                custom_inputs: list[dict[str, Any]] | None) -> list[Case]:
    """What a run judges, with every `$gen` expanded here in the parent."""
    try:
        if mode is JudgeMode.SUBMIT:
            return [Case(expand(t.input), expand(t.output), hidden=True) for t in problem.tests]
        cases = [Case(expand(e.input), expand(e.output), hidden=False) for e in problem.examples]
    except ProblemFormatError as exc:
        raise ProblemFormatError(f"{problem.slug}: {exc}") from exc
    for number, raw in enumerate(custom_inputs or [], start=1):
        try:
            value = expand(raw)
        except ProblemFormatError as exc:
            raise InvalidCustomInput(f"custom input {number}: {exc}") from exc
        if problem.signature is not None and not problem.python_only:
            problem_text = check_input(problem.signature, value)
            if problem_text:
                raise InvalidCustomInput(f"custom input {number}: {problem_text}")
        elif not isinstance(value, dict):
            raise InvalidCustomInput(f"custom input {number}: an input must be a JSON object")
        cases.append(Case(value, _NO_EXPECTED, hidden=False, custom=True))
    return cases


def with_expected(case: Case, expected: Any) -> Case:
    return Case(case.input, expected, case.hidden, case.custom)
