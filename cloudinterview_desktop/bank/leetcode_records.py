"""Reading LeetCodeDataset records: both published layouts, and the test cases from the dataset's own `test` suite.

The flat layout (v0.3.x) names `problem_description` and `starter_code`; the older nested one (v0.1/v0.2) keeps them
in `meta` (`question_title` holds the statement, `lang_code` the starter). Cases come from `test`'s
`assert candidate(name = value, ...) == expected` lines, read with `ast` and never run: literal values, `list_node(...)`
/ `tree_node(...)`, `inf` and `-inf`. A case whose input is an expression (a comprehension building a large list) is
left out here; `input_output` rows are a fallback only for records without a readable suite."""

from __future__ import annotations

import ast
import gzip
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cloudinterview_desktop.domain.problems import camel_case

MAX_CHECK_CHARS = 5_000_000  # a test suite larger than this is not read (the biggest published ones are ~200 KB)
NESTED = "nested"
FLAT = "flat"
FLAT_FIELDS = ("problem_description", "starter_code")
NESTED_META = ("question_title", "lang_code", "difficulty")
COMMON_FIELDS = ("task_id", "entry_point", "completion")


@dataclass(frozen=True)
class CheckCases:
    cases: list[tuple[dict[str, Any], Any]]  # (inputs by name, expected output), in the suite's order
    floats: bool  # some assert compares with a tolerance: abs(candidate(...) - expected) < tol
    skipped: int  # asserts that are not a literal case (expressions as inputs, other shapes)


def layout(record: dict[str, Any]) -> str | None:
    if isinstance(record.get("meta"), dict) and all(k in record["meta"] for k in NESTED_META):
        return NESTED
    if all(k in record for k in FLAT_FIELDS):
        return FLAT
    return None


def normalise(record: Any) -> dict[str, Any]:
    """The record in the flat layout (ValueError when it is in neither)."""
    if not isinstance(record, dict):
        raise ValueError("a record must be a JSON object")
    kind = layout(record)
    if kind is None:
        raise ValueError("neither LeetCodeDataset layout: expected problem_description and starter_code (v0.3) or "
                         "meta with question_title, lang_code and difficulty (v0.1/v0.2)")
    missing = [name for name in COMMON_FIELDS if name not in record]
    if missing:
        raise ValueError(f"missing field{'s' if len(missing) > 1 else ''} {', '.join(map(repr, missing))}")
    if kind == FLAT:
        return record
    meta = record["meta"]
    flat = {key: value for key, value in record.items() if key != "meta"}
    flat.update(problem_description=meta["question_title"], starter_code=meta["lang_code"],
                difficulty=meta["difficulty"], question_id=meta.get("question_id"), tags=record.get("tags") or [])
    return flat


def is_leetcodedataset(path: Path) -> bool:
    """A LeetCodeDataset file in either layout (or gzip-compressed), by its first record."""
    try:
        with open_text(path) as handle:
            first = handle.readline()
        record = json.loads(first)
    except (OSError, UnicodeDecodeError, EOFError, json.JSONDecodeError, RecursionError):
        return False
    return isinstance(record, dict) and {"task_id", "entry_point"} <= set(record) and layout(record) is not None


def open_text(path: Path) -> IO[str]:
    """A dataset file, gzip-compressed (`.gz`) or not."""
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


class _Values(ast.NodeTransformer):
    """JSON spellings (`null`, `true`, `false`) and `inf` read as the values they mean."""

    NAMES = {"null": None, "true": True, "false": False, "inf": math.inf, "None": None, "True": True,
             "False": False}

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id in self.NAMES:
            return ast.copy_location(ast.Constant(self.NAMES[node.id]), node)
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        # float('inf') / float('-inf'), as some suites write them
        if (isinstance(node.func, ast.Name) and node.func.id == "float" and len(node.args) == 1
                and isinstance(node.args[0], ast.Constant) and node.args[0].value in ("inf", "-inf")):
            return ast.copy_location(ast.Constant(float(node.args[0].value)), node)
        return self.generic_visit(node)


NODE_CALLS = {"list_node": "$list_node", "tree_node": "$tree_node"}


def literal(node: ast.expr) -> Any:
    """The value of a literal expression (with list_node/tree_node calls as the judge's node specs); ValueError for
    anything that would have to run."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in NODE_CALLS:
        if len(node.args) != 1 or node.keywords:
            raise ValueError(f"{node.func.id}() takes one list")
        values = literal(node.args[0])
        if not isinstance(values, list):
            raise ValueError(f"{node.func.id}() takes a list of values")
        return {NODE_CALLS[node.func.id]: values}
    if isinstance(node, ast.List | ast.Tuple) and any(isinstance(e, ast.Call) for e in node.elts):
        return [literal(element) for element in node.elts]
    try:
        value = ast.literal_eval(_Values().visit(node))
        return list(value) if isinstance(value, tuple) else value
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError) as exc:
        raise ValueError("not a literal") from exc


SAME_NODES = ("is_same_list", "is_same_tree")  # the suites compare returned lists and trees with these helpers
MAX_POWER_BITS = 4096  # constant arithmetic in a suite (10 ** 9 + 7) is folded, never past this size
Number = int | float
_FOLDABLE: dict[type[ast.operator], Callable[[Number, Number], Number]] = {
    ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
    ast.FloorDiv: lambda a, b: a // b, ast.Mod: lambda a, b: a % b, ast.Div: lambda a, b: a / b,
    ast.Pow: lambda a, b: a ** b}


def _number(node: ast.expr) -> Number | None:
    value = node.value if isinstance(node, ast.Constant) else None
    return value if type(value) in (int, float) and isinstance(value, int | float) else None


def _fold(node: ast.expr) -> ast.expr:
    """Constant arithmetic on numbers (`10 ** 12 - 1`, `-2 ** 31`) as one constant; anything else unchanged."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        inner = _number(_fold(node.operand))
        if inner is not None:
            return ast.copy_location(ast.Constant(-inner if isinstance(node.op, ast.USub) else inner), node)
    if isinstance(node, ast.BinOp) and type(node.op) in _FOLDABLE:
        a, b = _number(_fold(node.left)), _number(_fold(node.right))
        if a is not None and b is not None:
            if isinstance(node.op, ast.Pow) and (abs(b) > 64 or int(abs(a)).bit_length() * abs(b) > MAX_POWER_BITS):
                return node
            try:
                return ast.copy_location(ast.Constant(_FOLDABLE[type(node.op)](a, b)), node)
            except (ArithmeticError, ValueError):
                return node
    return node


def entry_function(starter: str, method: str) -> ast.FunctionDef | None:
    """The entry point's `def` in the starter code, which ends with a bare `def` line (parsed once per record)."""
    for source in (starter, starter.rstrip() + " pass\n"):
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            continue
        return next((n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == method), None)
    return None


def _arguments(function: ast.FunctionDef) -> list[ast.arg]:
    args = [*function.args.posonlyargs, *function.args.args]
    return args[1:] if args and args[0].arg == "self" else args


def method_params(function: ast.FunctionDef | None) -> list[str]:
    """The entry point's parameter names, without self."""
    return [a.arg for a in _arguments(function)] if function is not None else []


def _call_case(call: ast.expr, params: list[str]) -> dict[str, Any] | None:
    """`candidate(a = 1, b = 2)`, or `candidate(1, 2)` with the names from the starter's signature."""
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "candidate"
            and all(k.arg for k in call.keywords)):
        return None
    if call.args and (len(call.args) > len(params) or any(isinstance(a, ast.Starred) for a in call.args)):
        return None
    inputs = {params[n]: literal(_fold(arg)) for n, arg in enumerate(call.args)}
    for keyword in call.keywords:
        if str(keyword.arg) in inputs:
            return None
        inputs[str(keyword.arg)] = literal(_fold(keyword.value))
    return inputs


def _assert_case(test: ast.expr, params: list[str]) -> tuple[dict[str, Any], Any, bool] | None:
    """(inputs, expected, with tolerance) of one assert, or None when it is not a literal case."""
    if (isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id in SAME_NODES
            and len(test.args) == 2 and not test.keywords):
        inputs = _call_case(test.args[0], params)
        return None if inputs is None else (inputs, literal(_fold(test.args[1])), False)
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return None
    op, right = test.ops[0], test.comparators[0]
    if isinstance(op, ast.Eq | ast.Is):
        inputs = _call_case(test.left, params)
        return None if inputs is None else (inputs, literal(_fold(right)), False)
    # abs(candidate(...) - expected) < tolerance
    left = test.left
    if (isinstance(op, ast.Lt | ast.LtE) and isinstance(left, ast.Call) and isinstance(left.func, ast.Name)
            and left.func.id == "abs" and len(left.args) == 1 and isinstance(left.args[0], ast.BinOp)
            and isinstance(left.args[0].op, ast.Sub)):
        inputs = _call_case(left.args[0].left, params)
        return None if inputs is None else (inputs, literal(_fold(left.args[0].right)), True)
    return None


def cases_from_check(check: str, params: list[str] | None = None) -> CheckCases:
    """The literal cases of `def check(candidate): assert ...` without running anything; `params` names positional
    arguments."""
    if len(check) > MAX_CHECK_CHARS:
        raise ValueError(f"the test suite has {len(check):,} characters; the limit is {MAX_CHECK_CHARS:,}")
    try:
        tree = ast.parse(check)
    except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
        raise ValueError(f"the test suite is not Python: {exc}") from exc
    function = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "check"), None)
    if function is None:
        raise ValueError("the test suite defines no check(candidate)")
    cases: list[tuple[dict[str, Any], Any]] = []
    floats = False
    skipped = 0
    for statement in function.body:
        if not isinstance(statement, ast.Assert):
            continue
        try:
            found = _assert_case(statement.test, params or [])
        except ValueError:
            found = None
        if found is None:
            skipped += 1
            continue
        inputs, expected, tolerant = found
        try:
            json.dumps(inputs, allow_nan=True), json.dumps(expected, allow_nan=True)
        except (TypeError, ValueError):
            skipped += 1  # a set or bytes literal has no JSON form
            continue
        cases.append((inputs, expected))
        floats = floats or tolerant
    return CheckCases(cases, floats, skipped)



# -- the Python signature in the judge's types, so JavaScript, C++ and Java can be judged too ---------------------

_SCALAR_ANNOTATIONS = {"int": "int", "float": "float", "bool": "bool", "str": "str", "ListNode": "ListNode",
                       "TreeNode": "TreeNode"}


def _judge_type(annotation: ast.expr | None) -> str | None:
    """`List[List[int]]` as `list[list[int]]`, `Optional[TreeNode]` as `TreeNode`; None when it does not map."""
    if annotation is None:
        return None
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):  # "TreeNode" written as a string
        try:
            annotation = ast.parse(annotation.value, mode="eval").body
        except SyntaxError:
            return None
    if isinstance(annotation, ast.Name):
        return _SCALAR_ANNOTATIONS.get(annotation.id)
    if isinstance(annotation, ast.Subscript) and isinstance(annotation.value, ast.Name):
        inner = _judge_type(annotation.slice)
        if inner is None:
            return None
        if annotation.value.id in ("List", "list"):
            return f"list[{inner}]"
        if annotation.value.id == "Optional" and inner in ("ListNode", "TreeNode"):
            return inner
    return None


def snake_case(name: str) -> str | None:
    """`thirdMax` -> `third_max`, the bank's spelling of a function (the harnesses call it `thirdMax` again); None
    when the round trip would not give the same name back."""
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", snake) or camel_case(snake) != name:
        return None
    return snake


def judge_signature(function: ast.FunctionDef | None) -> dict[str, Any] | None:
    """{"function", "params", "returns"} for the entry point when every type maps, else None (Python only)."""
    if function is None or function.args.vararg or function.args.kwarg or function.args.kwonlyargs:
        return None
    args = _arguments(function)
    types = [_judge_type(a.annotation) for a in args]
    returns = _judge_type(function.returns)
    name = snake_case(function.name)
    if returns is None or name is None or any(t is None for t in types):
        return None
    return {"function": name, "params": [{"name": a.arg, "type": t} for a, t in zip(args, types, strict=True)],
            "returns": returns}
