"""Runs a candidate's Python code against test inputs inside the sandboxed child process.

Standalone on purpose (run as `python -I -S python_harness.py PAYLOAD RESULT_FD`): it imports nothing from the app,
and only the standard library. The payload holds the code and the signature, never the expected outputs; the parent
compares. With "stream" in the payload the tests come on stdin, one JSON line {"input": ...} each, the next only
after this test's record went out (so no later input exists while the code runs), and {"event": "ready"} is written
before the code is loaded; otherwise (a batch of reference runs) the payload holds the tests. Each result is one
JSON line written to RESULT_FD as soon as the test ends (the parent times it, not this figure):
    {"index": i, "status": "ok"|"error"|"timeout"|"memory"|"wrong_type"|"output_limit", "value": ...,
     "error": "...", "time_ms": t, "stdout": "...", "stderr": "..."}
index -1 is the loading of the code; events: {"event": "compile_error"|"signature_error"|"done", ...}.
"""

from __future__ import annotations

import io
import json
import math
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

OUTPUT_CAP = 8192  # characters of a test's stdout/stderr kept for the report
OUTPUT_LIMIT = 8 * 1024 * 1024  # characters a test may print before it is stopped (output limit exceeded)

# LeetCode runs Python solutions with these names already imported; a name is only imported when the code
# mentions it, so the common case pays nothing for `typing` and friends.
AUTO_IMPORTS: dict[str, tuple[str, str | None]] = {
    **{name: ("typing", name) for name in (
        "List", "Dict", "Set", "Tuple", "Optional", "Deque", "DefaultDict", "FrozenSet", "Iterable", "Iterator",
        "Callable", "Union", "Any", "Generator", "Sequence", "Mapping")},
    **{name: ("collections", name) for name in ("deque", "defaultdict", "Counter", "OrderedDict", "namedtuple")},
    **{name: ("heapq", name) for name in (
        "heappush", "heappop", "heapify", "heappushpop", "heapreplace", "nlargest", "nsmallest")},
    **{name: ("bisect", name) for name in ("bisect_left", "bisect_right", "insort", "insort_left", "insort_right")},
    **{name: ("functools", name) for name in ("lru_cache", "cache", "reduce", "cmp_to_key", "partial")},
    **{name: ("itertools", name) for name in (
        "accumulate", "permutations", "combinations", "combinations_with_replacement", "product", "chain",
        "groupby", "zip_longest", "islice", "count", "pairwise")},
    **{name: ("math", name) for name in ("inf", "gcd", "lcm", "sqrt", "isqrt", "comb", "factorial", "ceil", "floor",
                                         "log2", "log", "pi")},
    **{name: ("sortedcontainers", name) for name in ("SortedList", "SortedDict", "SortedSet", "SortedKeyList")},
    **{name: (name, None) for name in (
        "collections", "heapq", "bisect", "functools", "itertools", "math", "string", "re", "random", "operator",
        "sys", "copy", "statistics", "json", "sortedcontainers", "typing")},
}
# sortedcontainers (Apache-2.0), as on LeetCode: its wheel from PyPI, imported as a zip when the code names it.
SORTEDCONTAINERS = "sortedcontainers-2.4.0-py2.py3-none-any.whl"


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


def build_list(values: list[Any] | None, node_class: Any = None) -> Any:
    node_class = node_class or ListNode
    head = None
    for value in reversed(values or []):
        head = node_class(value, head)
    return head


def build_tree(values: list[Any] | None, node_class: Any = None) -> Any:
    node_class = node_class or TreeNode
    if not values or values[0] is None:
        return None
    root = node_class(values[0])
    queue = deque([root])
    i = 1
    while queue and i < len(values):
        node = queue.popleft()
        if i < len(values) and values[i] is not None:
            node.left = node_class(values[i])
            queue.append(node.left)
        i += 1
        if i < len(values) and values[i] is not None:
            node.right = node_class(values[i])
            queue.append(node.right)
        i += 1
    return root


# Imported sets (entry_point mode) have no typed signature: a linked list or tree argument is written as
# {"$list_node": [...]} / {"$tree_node": [level order]}, built with the classes the problem's prompt defines.
NODE_MARKERS = {"$list_node": ("ListNode", build_list), "$tree_node": ("TreeNode", build_tree)}


def from_markers(value: Any, namespace: dict[str, Any]) -> Any:
    if isinstance(value, dict):
        if len(value) == 1:
            key, values = next(iter(value.items()))
            if key in NODE_MARKERS:
                class_name, build = NODE_MARKERS[key]
                return build(values, namespace.get(class_name))
        return {k: from_markers(v, namespace) for k, v in value.items()}
    if isinstance(value, list) and any(isinstance(item, list | dict) for item in value):
        return [from_markers(item, namespace) for item in value]
    return value


def to_plain(value: Any) -> Any:
    """A returned linked list or tree (any object with val/next or val/left/right) as its list form."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [to_plain(item) for item in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if hasattr(value, "val") and hasattr(value, "left") and hasattr(value, "right"):  # before `next`: some
        tree: list[Any] = []  # tree nodes also link to their right neighbour
        queue: deque[Any] = deque([value])
        while queue:
            node = queue.popleft()
            tree.append(None if node is None else node.val)
            if node is not None:
                queue.extend((node.left, node.right))
            if len(tree) > 10_000_000:
                raise WrongType("the returned tree has a cycle")
        while tree and tree[-1] is None:
            tree.pop()
        return tree
    if hasattr(value, "val") and hasattr(value, "next"):
        out = []
        while value is not None:
            out.append(value.val)
            value = value.next
            if len(out) > 10_000_000:
                raise WrongType("the returned linked list has a cycle")
        return out
    return value


def to_arg(value: Any, spec: Any) -> Any:
    if spec == "ListNode":
        return build_list(value)
    if spec == "TreeNode":
        return build_tree(value)
    if isinstance(spec, tuple) and value is not None:
        if spec[1] in ("int", "float", "bool", "str"):
            return list(value)  # a fresh list: the code may mutate it
        return [to_arg(item, spec[1]) for item in value]
    return value


def _type_name(value: Any) -> str:
    return "None" if value is None else type(value).__name__


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
                raise WrongType("the returned linked list has a cycle")
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
            if len(out_tree) > 10_000_000:
                raise WrongType("the returned tree has a cycle")
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
        self.index = -1  # the test running now, for a report written from inside it (output limit)

    def emit(self, **record: Any) -> None:
        try:
            line = json.dumps(record, allow_nan=False, default=repr)
        except (ValueError, TypeError, RecursionError):
            line = json.dumps({**record, "value": _cap(repr(record.get("value")))}, default=repr)
        self._out.write(line + "\n")
        self._out.flush()


class CappedWriter(io.TextIOBase):
    """A test's sys.stdout/sys.stderr: keeps the head, and stops the run when the code prints too much."""

    def __init__(self, reporter: Reporter, limit: int) -> None:
        super().__init__()
        self._reporter = reporter
        self._limit = limit
        self._parts: list[str] = []
        self._kept = 0
        self.total = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self.total += len(text)
        if self._kept < OUTPUT_CAP:
            self._parts.append(text[: OUTPUT_CAP - self._kept])
            self._kept += len(self._parts[-1])
        if self.total > self._limit:
            # Unlike an exception, this cannot be caught by the code that keeps printing.
            self._reporter.emit(index=self._reporter.index, status="output_limit", value=None, time_ms=0,
                                error=f"printed more than {self._limit} characters", stdout="", stderr="")
            os._exit(0)
        return len(text)

    def value(self) -> str:
        text = "".join(self._parts)
        return text + f"\n... ({self.total - self._kept} more characters)" if self.total > self._kept else text


def _error_text(exc: BaseException) -> str:
    import traceback  # only on failure: importing it costs a fifth of the interpreter's start-up

    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    text = "".join(lines)
    where = text.find('File "<solution>"')
    if where >= 0:
        return _cap("Traceback (most recent call last):\n  " + text[where:])
    return _cap("".join(traceback.format_exception_only(type(exc), exc)).strip())


def run_call(reporter: Reporter, index: int, prepare: Any, time_limit_s: float, output_limit: int) -> bool:
    """Run one test: `prepare()` builds the arguments and returns (call, convert); only `call()` is timed.

    Reports the result; returns False when the run must stop (a timeout)."""
    stdout, stderr = CappedWriter(reporter, output_limit), CappedWriter(reporter, output_limit)
    reporter.index = index
    status, value, error = "ok", None, ""
    elapsed_ms = 0.0
    try:
        call, convert = prepare()
        sys.stdout, sys.stderr = stdout, stderr
        signal.setitimer(signal.ITIMER_REAL, time_limit_s)
        start = time.perf_counter()
        try:
            result = call()
        finally:
            elapsed_ms = (time.perf_counter() - start) * 1000
            signal.setitimer(signal.ITIMER_REAL, 0)
            sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
        value = convert(result)
    except TestTimeout:
        status = "timeout"
    except RecursionError:
        status, error = "error", "RecursionError: maximum recursion depth exceeded"
    except MemoryError:
        status, error = "memory", "MemoryError"
    except WrongType as exc:
        status, error = "wrong_type", str(exc)
    except BaseException as exc:  # the candidate's code may raise anything, SystemExit included
        status, error = "error", _error_text(exc)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    reporter.emit(index=index, status=status, value=value if status == "ok" else None, error=error,
                  time_ms=round(elapsed_ms, 3), stdout=stdout.value(), stderr=stderr.value())
    return status != "timeout"


_NOT_IDENTIFIER = {c: " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")}


def _namespace(code: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "__solution__", "ListNode": ListNode, "TreeNode": TreeNode}
    words = set(code.translate(_NOT_IDENTIFIER).split())  # whole words: `re` is not in `return`
    if "sortedcontainers" in words or words & {"SortedList", "SortedDict", "SortedSet", "SortedKeyList"}:
        for folder in (os.getcwd(), os.path.dirname(os.path.abspath(__file__))):
            wheel = os.path.join(folder, SORTEDCONTAINERS)
            if os.path.exists(wheel):
                sys.path.append(wheel)
                break
    for name, (module_name, attr) in AUTO_IMPORTS.items():
        if name in words:
            try:
                module = __import__(module_name)
                namespace[name] = getattr(module, attr) if attr else module
            except (ImportError, AttributeError):
                pass
    return namespace


def _run_function(reporter: Reporter, namespace: dict[str, Any], payload: dict[str, Any], tests: Iterable[Any],
                  limit_s: float, output_limit: int) -> None:
    signature = payload["signature"]
    try:
        func = resolve_function(namespace, signature["function"])
    except LookupError as exc:
        reporter.emit(event="signature_error", error=str(exc))
        return
    params = [(p["name"], parse_type(p["type"])) for p in signature["params"]]
    returns = parse_type(signature["returns"])
    for index, test in enumerate(tests):

        def prepare(inp: dict[str, Any] = test["input"]) -> Any:
            args = [to_arg(inp[name], spec) for name, spec in params]
            return (lambda: func(*args)), (lambda result: from_result(result, returns))

        if not run_call(reporter, index, prepare, limit_s, output_limit):
            break


def _run_design(reporter: Reporter, namespace: dict[str, Any], payload: dict[str, Any], tests: Iterable[Any],
                limit_s: float, output_limit: int) -> None:
    signature = payload["signature"]
    cls = namespace.get(signature["class"])
    if not isinstance(cls, type):
        reporter.emit(event="signature_error", error=f"define a class `{signature['class']}`")
        return
    ctor = [parse_type(p["type"]) for p in signature.get("constructor", [])]
    methods = {m["name"]: ([parse_type(p["type"]) for p in m["params"]], parse_type(m.get("returns", "void")))
               for m in signature["methods"]}

    def run_design(ops: list[str], args: list[list[Any]]) -> list[Any]:
        instance = cls(*[to_arg(a, s) for a, s in zip(args[0], ctor, strict=False)])
        out: list[Any] = [None]
        for op, op_args in zip(ops[1:], args[1:], strict=True):
            if op not in methods:
                raise LookupError(f"operation `{op}` is not in the signature")
            specs, returns = methods[op]
            bound = getattr(instance, op, None) or getattr(instance, camel(op), None)
            if bound is None:
                raise LookupError(f"class {signature['class']} has no method `{op}` (or `{camel(op)}`)")
            out.append(from_result(bound(*[to_arg(a, s) for a, s in zip(op_args, specs, strict=True)]), returns))
        return out

    for index, test in enumerate(tests):

        def prepare(inp: dict[str, Any] = test["input"]) -> Any:
            return (lambda: run_design(inp["operations"], inp["arguments"])), (lambda result: result)

        if not run_call(reporter, index, prepare, limit_s, output_limit):
            break


def _run_entry_point(reporter: Reporter, namespace: dict[str, Any], payload: dict[str, Any], tests: Iterable[Any],
                     limit_s: float, output_limit: int) -> None:
    try:
        func = resolve_entry_point(namespace, payload["entry_point"])
    except Exception as exc:
        reporter.emit(event="signature_error", error=f"cannot find {payload['entry_point']}: {exc}")
        return
    count = 0
    for index, test in enumerate(tests):

        def prepare(inp: dict[str, Any] = test["input"]) -> Any:
            kwargs = {name: from_markers(value, namespace) for name, value in inp.items()}
            return (lambda: func(**kwargs)), to_plain

        if not run_call(reporter, index, prepare, limit_s, output_limit):
            return
        count = index + 1
    if payload.get("check"):
        check_ns: dict[str, Any] = dict(namespace)

        def prepare_check() -> Any:
            exec(compile(payload["check"], "<check>", "exec"), check_ns)
            return (lambda: check_ns["check"](func)), (lambda _result: None)

        run_call(reporter, count, prepare_check, limit_s * 5, output_limit)


def _take_stdin() -> int:
    """The tests' pipe, moved off fd 0: the code's own stdin reads nothing (input() gets EOF)."""
    private = os.dup(0)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    return private


def _streamed_tests(fd: int) -> Iterator[Any]:
    with os.fdopen(fd, "rb") as source:
        for line in source:
            yield json.loads(line)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    with open(args[0], encoding="utf-8") as handle:
        payload = json.load(handle)
    reporter = Reporter(int(args[1]))
    tests: Iterable[Any] = payload.get("tests", ())
    if payload.get("stream"):
        tests = _streamed_tests(_take_stdin())
        reporter.emit(event="ready")
    # The payload is no business of the candidate's code.
    try:
        os.unlink(args[0])
    except OSError:
        pass
    sys.setrecursionlimit(max(10_000, int(payload.get("recursion_limit", 100_000))))
    signal.signal(signal.SIGALRM, _on_timer)
    limit_s = payload["time_limit_ms"] / 1000.0
    output_limit = int(payload.get("output_limit", OUTPUT_LIMIT))
    prompt = payload.get("prompt") or ""
    source = f"{prompt}\n{payload['code']}" if prompt else payload["code"]  # line numbers stay the candidate's
    try:
        compiled = compile(source, "<solution>", "exec")
    except (SyntaxError, ValueError) as exc:
        import traceback

        reporter.emit(event="compile_error", error=_cap("".join(traceback.format_exception_only(type(exc), exc))))
        return
    namespace = _namespace(source)
    if not run_call(reporter, -1, lambda: ((lambda: exec(compiled, namespace)), (lambda _r: None)), limit_s,
                    output_limit):
        return
    if payload.get("entry_point"):
        _run_entry_point(reporter, namespace, payload, tests, limit_s, output_limit)
    elif payload["signature"].get("class"):
        _run_design(reporter, namespace, payload, tests, limit_s, output_limit)
    else:
        _run_function(reporter, namespace, payload, tests, limit_s, output_limit)
    import resource

    reporter.emit(event="done", max_rss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


if __name__ == "__main__":
    main()
