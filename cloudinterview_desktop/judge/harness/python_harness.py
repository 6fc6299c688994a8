"""Runs a candidate's Python code against test inputs inside the sandboxed child process.

Standalone on purpose (run as `python -I python_harness.py PAYLOAD RESULT_FD`): it imports nothing from the app.
The payload holds the code, the signature and the test inputs, never the expected outputs; the parent compares.
Each result is one JSON line written to RESULT_FD.
"""

from __future__ import annotations

import io
import json
import math
import os
import resource
import signal
import sys
import time
import traceback
from collections import deque
from typing import Any

OUTPUT_CAP = 8192


class ListNode:
    def __init__(self, val: Any = 0, next: ListNode | None = None) -> None:
        self.val = val
        self.next = next

    def __repr__(self) -> str:
        return f"ListNode({self.val})"


class TreeNode:
    def __init__(self, val: Any = 0, left: TreeNode | None = None, right: TreeNode | None = None) -> None:
        self.val = val
        self.left = left
        self.right = right

    def __repr__(self) -> str:
        return f"TreeNode({self.val})"


class TestTimeout(BaseException):
    """Raised by the per-test timer; a BaseException so `except Exception` in candidate code can't swallow it."""


class WrongType(Exception):
    pass


def parse_type(text: str) -> Any:
    text = text.replace(" ", "")
    if text.startswith("list[") and text.endswith("]"):
        return ("list", parse_type(text[5:-1]))
    return text


def build_list(values: list[Any] | None) -> ListNode | None:
    head = None
    for value in reversed(values or []):
        head = ListNode(value, head)
    return head


def build_tree(values: list[Any] | None) -> TreeNode | None:
    if not values or values[0] is None:
        return None
    root = TreeNode(values[0])
    queue = deque([root])
    i = 1
    while queue and i < len(values):
        node = queue.popleft()
        if i < len(values) and values[i] is not None:
            node.left = TreeNode(values[i])
            queue.append(node.left)
        i += 1
        if i < len(values) and values[i] is not None:
            node.right = TreeNode(values[i])
            queue.append(node.right)
        i += 1
    return root


def to_arg(value: Any, spec: Any) -> Any:
    if spec == "ListNode":
        return build_list(value)
    if spec == "TreeNode":
        return build_tree(value)
    if isinstance(spec, tuple) and value is not None:
        return [to_arg(item, spec[1]) for item in value]
    return value


def _type_name(value: Any) -> str:
    return type(value).__name__


def from_result(value: Any, spec: Any) -> Any:
    """Turn a return value into JSON data, checking it against the declared type."""
    if spec == "void":
        return None
    if value is None:
        if spec in ("ListNode", "TreeNode"):
            return []
        return None
    if spec == "ListNode":
        if not isinstance(value, ListNode):
            raise WrongType(f"expected ListNode, got {_type_name(value)}")
        out, seen = [], 0
        while value is not None:
            out.append(value.val)
            value = value.next
            seen += 1
            if seen > 10_000_000:
                raise WrongType("returned list has a cycle")
        return out
    if spec == "TreeNode":
        if not isinstance(value, TreeNode):
            raise WrongType(f"expected TreeNode, got {_type_name(value)}")
        out_tree: list[Any] = []
        queue: deque[TreeNode | None] = deque([value])
        while queue:
            node = queue.popleft()
            if node is None:
                out_tree.append(None)
                continue
            out_tree.append(node.val)
            queue.append(node.left)
            queue.append(node.right)
        while out_tree and out_tree[-1] is None:
            out_tree.pop()
        return out_tree
    if isinstance(spec, tuple):
        if isinstance(value, tuple | list):
            return [from_result(item, spec[1]) for item in value]
        raise WrongType(f"expected a list, got {_type_name(value)}")
    if spec == "bool":
        if isinstance(value, bool):
            return value
        raise WrongType(f"expected bool, got {_type_name(value)}")
    if spec == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise WrongType(f"expected int, got {_type_name(value)}")
    if spec == "float":
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = float(value)
            if math.isnan(value) or math.isinf(value):
                return str(value)
            return value
        raise WrongType(f"expected float, got {_type_name(value)}")
    if spec == "str":
        if isinstance(value, str):
            return value
        raise WrongType(f"expected str, got {_type_name(value)}")
    raise WrongType(f"unsupported type {spec!r}")


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def resolve_function(namespace: dict[str, Any], name: str) -> Any:
    if callable(namespace.get(name)):
        return namespace[name]
    solution_cls = namespace.get("Solution")
    if isinstance(solution_cls, type):
        instance = solution_cls()
        for candidate in (name, camel(name)):
            if callable(getattr(instance, candidate, None)):
                return getattr(instance, candidate)
    if callable(namespace.get(camel(name))):
        return namespace[camel(name)]
    raise LookupError(f"define a function `{name}` or a `class Solution` with a method `{camel(name)}`")


def resolve_entry_point(namespace: dict[str, Any], entry_point: str) -> Any:
    # Imported sets name it as an expression such as "Solution().twoSum"; only that shape is accepted.
    cls_name, _, method = entry_point.partition("().")
    if method:
        return getattr(namespace[cls_name](), method)
    return namespace[entry_point]


def _on_timer(_signum: int, _frame: Any) -> None:
    raise TestTimeout()


def _cap(text: str) -> str:
    return text if len(text) <= OUTPUT_CAP else text[:OUTPUT_CAP] + f"\n... ({len(text) - OUTPUT_CAP} more characters)"


class Reporter:
    def __init__(self, fd: int) -> None:
        self._out = os.fdopen(fd, "w", buffering=1, encoding="utf-8", closefd=False)

    def emit(self, **record: Any) -> None:
        try:
            self._out.write(json.dumps(record, allow_nan=False, default=repr) + "\n")
        except ValueError:
            self._out.write(json.dumps({**record, "value": repr(record.get("value"))}) + "\n")
        self._out.flush()


def run_call(reporter: Reporter, index: int, call: Any, time_limit_s: float) -> bool:
    """Run one test; report it; return False when the run must stop (a timeout)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr = stdout, stderr
    status, value, error = "ok", None, ""
    signal.setitimer(signal.ITIMER_REAL, time_limit_s)
    start = time.perf_counter()
    try:
        value = call()
    except TestTimeout:
        status = "timeout"
    except RecursionError:
        status, error = "error", "RecursionError: maximum recursion depth exceeded"
    except MemoryError:
        status, error = "memory", "MemoryError"
    except WrongType as exc:
        status, error = "wrong_type", str(exc)
    except BaseException as exc:  # the candidate's code may raise anything, SystemExit included
        status = "error"
        error = _cap("".join(traceback.format_exception_only(type(exc), exc)).strip())
        tb = traceback.format_exc()
        error = _cap(tb[tb.find('File "<solution>"') :] if '"<solution>"' in tb else error)
    finally:
        elapsed_ms = (time.perf_counter() - start) * 1000
        signal.setitimer(signal.ITIMER_REAL, 0)
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    reporter.emit(index=index, status=status, value=value if status == "ok" else None, error=error,
                  time_ms=round(elapsed_ms, 3), stdout=_cap(stdout.getvalue()), stderr=_cap(stderr.getvalue()))
    return status != "timeout"


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        payload = json.load(handle)
    reporter = Reporter(int(sys.argv[2]))
    # The payload is no business of the candidate's code.
    os.unlink(sys.argv[1])
    sys.setrecursionlimit(max(10_000, int(payload.get("recursion_limit", 100_000))))
    signal.signal(signal.SIGALRM, _on_timer)
    time_limit_s = payload["time_limit_ms"] / 1000.0
    namespace: dict[str, Any] = {"__name__": "__solution__", "ListNode": ListNode, "TreeNode": TreeNode}
    try:
        compiled = compile(payload.get("prompt", "") + "\n" + payload["code"], "<solution>", "exec")
    except (SyntaxError, ValueError) as exc:
        reporter.emit(event="compile_error", error=_cap("".join(traceback.format_exception_only(type(exc), exc))))
        return
    load_ok = run_call(reporter, -1, lambda: exec(compiled, namespace), time_limit_s)
    if not load_ok:
        return
    signature = payload["signature"]
    tests = payload["tests"]
    if payload.get("entry_point"):
        try:
            func = resolve_entry_point(namespace, payload["entry_point"])
        except Exception as exc:
            reporter.emit(event="signature_error", error=f"cannot find {payload['entry_point']}: {exc}")
            return
        for index, test in enumerate(tests):
            if not run_call(reporter, index, lambda t=test: func(**t["input"]), time_limit_s):
                break
        if payload.get("check"):
            check_ns: dict[str, Any] = dict(namespace)
            exec(compile(payload["check"], "<check>", "exec"), check_ns)
            run_call(reporter, len(tests), lambda: check_ns["check"](func) and None, time_limit_s * 5)
        return
    if signature.get("class"):
        cls = namespace.get(signature["class"])
        if not isinstance(cls, type):
            reporter.emit(event="signature_error", error=f"define a class `{signature['class']}`")
            return
        ctor = [parse_type(p["type"]) for p in signature.get("constructor", [])]
        methods = {m["name"]: m for m in signature["methods"]}

        def run_design(ops: list[str], args: list[list[Any]]) -> list[Any]:
            instance = cls(*[to_arg(a, s) for a, s in zip(args[0], ctor, strict=False)])
            out: list[Any] = [None]
            for op, op_args in zip(ops[1:], args[1:], strict=True):
                method = methods[op]
                bound = getattr(instance, op, None) or getattr(instance, camel(op), None)
                if bound is None:
                    raise LookupError(f"class {signature['class']} has no method `{op}`")
                specs = [parse_type(p["type"]) for p in method["params"]]
                result = bound(*[to_arg(a, s) for a, s in zip(op_args, specs, strict=True)])
                out.append(from_result(result, parse_type(method.get("returns", "void"))))
            return out

        for index, test in enumerate(tests):
            inp = test["input"]
            if not run_call(reporter, index, lambda i=inp: run_design(i["operations"], i["arguments"]), time_limit_s):
                break
        return
    try:
        func = resolve_function(namespace, signature["function"])
    except LookupError as exc:
        reporter.emit(event="signature_error", error=str(exc))
        return
    params = [(p["name"], parse_type(p["type"])) for p in signature["params"]]
    returns = parse_type(signature["returns"])
    for index, test in enumerate(tests):

        def call(inp: dict[str, Any] = test["input"]) -> Any:
            args = [to_arg(inp[name], spec) for name, spec in params]
            return from_result(func(*args), returns)

        if not run_call(reporter, index, call, time_limit_s):
            break
    usage = resource.getrusage(resource.RUSAGE_SELF)
    reporter.emit(event="done", max_rss_kb=usage.ru_maxrss)


if __name__ == "__main__":
    main()
