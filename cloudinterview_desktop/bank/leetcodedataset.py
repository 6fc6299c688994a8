"""Imports problem sets in the LeetCodeDataset JSON Lines format as Python-only coding problems, all or nothing.

Records are read without running any of their code: inputs must be keyword assignments of literals (linked lists
and trees may be written `list_node([...])` / `tree_node([...])`), outputs literals. Every reference solution is
then run in the judge's sandbox against all its cases and its check(), many per sandboxed process (see
judge/harness/python_batch_harness.py), before anything is added.
"""

from __future__ import annotations

import ast
import json
import logging
import math
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cloudinterview_desktop.bank.importer import ImportResult, ProgressSink, verify_reference
from cloudinterview_desktop.bank.item_format import parse_item
from cloudinterview_desktop.bank.leetcode_records import (
    CheckCases,
    cases_from_check,
    entry_function,
    judge_signature,
    method_params,
    normalise,
    open_text,
)
from cloudinterview_desktop.bank.question_bank import QuestionBank
from cloudinterview_desktop.domain.errors import Cancelled, CloudInterviewError, ProblemFormatError
from cloudinterview_desktop.domain.judging import JudgeMode, JudgeReport, Verdict
from cloudinterview_desktop.domain.ports import CodeRunner
from cloudinterview_desktop.domain.problems import BankItem, CodingProblem

if TYPE_CHECKING:
    from cloudinterview_desktop.judge.judge import Judge
    from cloudinterview_desktop.judge.verdicts import Collector, Context

log = logging.getLogger(__name__)

SOURCE = "leetcodedataset"
DIFFICULTIES = {"easy": "easy", "medium": "medium", "hard": "hard"}
TIME_LIMIT_MS = 2000
MEMORY_MB = 256
FLOAT_TOLERANCE = 1e-5  # LeetCode accepts answers within 1e-5
MAX_EXAMPLES = 3
BATCH_HARNESS = "python_batch_harness.py"
BATCH_PAYLOAD = "batch.jsonl"
STARTUP_S = 5.0  # allowance for starting the interpreter, and then each task's child, before its first line

# LeetCode tags that have a topic of their own in the bank's vocabulary (docs/problem-format.md); others are slugified.
TAG_TOPICS = {
    "array": "arrays", "string": "strings", "hash-table": "hashing", "two-pointers": "two-pointers",
    "sliding-window": "sliding-window", "stack": "stack", "monotonic-stack": "stack", "queue": "queue",
    "binary-search": "binary-search", "linked-list": "linked-lists", "tree": "trees", "binary-tree": "trees",
    "binary-search-tree": "trees", "graph": "graphs", "heap-priority-queue": "heaps",
    "dynamic-programming": "dynamic-programming",
    "greedy": "greedy", "backtracking": "backtracking", "bit-manipulation": "bit-manipulation", "math": "math",
    "design": "design", "sorting": "sorting", "matrix": "matrix", "prefix-sum": "prefix-sum",
    "recursion": "recursion", "trie": "trie", "union-find": "union-find", "interval": "intervals",
}
_SMALL_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"})
_ROMAN = re.compile(r"^(i{1,3}|iv|v|vi{1,3}|ix|x)$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_ENTRY_POINT = re.compile(r"^[A-Za-z_]\w*(\(\)\.[A-Za-z_]\w*)?$")
_SLUG_CHARS = re.compile(r"[^a-z0-9]+")
_SECTION = re.compile(r"^(Example\s*\d*|Constraints|Follow[- ]?up|Note)\s*:\s*(.*)$", re.IGNORECASE)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_<])")
_CODE_LIKE = re.compile(r"[<>=\[\]^]|\.length")
_NODE_ANNOTATION = re.compile(r"^(?:Optional\[)?['\"]?(ListNode|TreeNode)['\"]?\]?(?:\|None)?$")
_NODE_CALLS = {"list_node": "$list_node", "tree_node": "$tree_node"}
_JSON_NAMES = {"null": None, "true": True, "false": False}
_JSON_SPELLING = {"None": "null", "True": "true", "False": "false"}
_PYTHON_CONSTANTS = re.compile(r"\b(None|True|False)\b")
_KEYWORD = re.compile(r"(?:^|,)\s*([A-Za-z_]\w*)\s*=(?!=)")
_NODE_CALL_TEXT = re.compile(r"^\s*(list_node|tree_node)\(\s*(\[.*\])\s*\)\s*$", re.DOTALL)
_CHECK_DEF = re.compile(r"^def check\(", re.MULTILINE)
# {"record": <a child's line>, "task": N}: the batch harness writes the task last, after the child's text.
_RELAYED = re.compile(rb'^\{"record":(.*),"task":(\d+)\}$', re.DOTALL)


@dataclass(frozen=True)
class SkippedRecord:
    where: str  # "line 7"
    task_id: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where} ({self.task_id}): {self.reason}" if self.task_id else f"{self.where}: {self.reason}"

    def to_json(self) -> dict[str, Any]:
        return {"line": int(self.where.split()[-1]), "slug": self.task_id, "reason": self.reason}


@dataclass(frozen=True)
class LeetCodeImportResult(ImportResult):
    skipped: tuple[SkippedRecord, ...] = ()


@dataclass(frozen=True)
class ParsedRecord:
    where: str
    item: CodingProblem
    raw: dict[str, Any]


class RecordError(ProblemFormatError):
    """One record is unusable; the message names the line and the task."""

    def __init__(self, record: SkippedRecord) -> None:
        super().__init__(str(record))
        self.record = record


# -- literals --------------------------------------------------------------------------------------------------


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit] + "..."


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a literal")


class _JsonNames(ast.NodeTransformer):
    """`null`, `true` and `false` (JSON's spelling, common in tree inputs) read as None, True and False."""

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id in _JSON_NAMES:
            return ast.copy_location(ast.Constant(_JSON_NAMES[node.id]), node)
        return node


def _python_literal(node: ast.expr) -> Any:
    try:
        value = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        try:
            value = ast.literal_eval(_JsonNames().visit(node))
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError) as exc:
            raise ValueError("not a literal") from exc
    try:
        return json.loads(json.dumps(value))  # tuples become lists; sets, bytes and complex numbers are refused
    except (TypeError, ValueError) as exc:
        raise ValueError(f"a {type(value).__name__} literal has no JSON form") from exc


def _node_call(node: ast.Call, source: bytes) -> dict[str, Any]:
    name = node.func.id if isinstance(node.func, ast.Name) else ""
    if name not in _NODE_CALLS or len(node.args) != 1 or node.keywords:
        raise ValueError("calls other than list_node([...]) and tree_node([...]) are not literals")
    values = _literal(node.args[0], source)
    if not isinstance(values, list):
        raise ValueError(f"{name}() takes a list of values")
    return {_NODE_CALLS[name]: values}


def _literal(node: ast.expr, source: bytes) -> Any:
    """The value of a literal expression, reading the JSON-compatible common case with the C parser."""
    if isinstance(node, ast.Call):
        return _node_call(node, source)
    if isinstance(node, ast.List | ast.Tuple) and any(isinstance(e, ast.Call) for e in node.elts):
        return [_literal(e, source) for e in node.elts]
    if node.lineno == node.end_lineno == 1 and node.end_col_offset is not None:
        segment = source[node.col_offset:node.end_col_offset]
        if b"\\" not in segment:  # JSON and Python read escapes differently; without any, they agree
            try:
                return json.loads(segment, parse_constant=_reject_constant)
            except ValueError:
                pass
    return _python_literal(node)


def _json_value(text: str) -> Any:
    """The common case read by the C JSON parser: a JSON-compatible literal, None/True/False outside strings, or a
    node call of one; ValueError for anything else (the AST reading decides)."""
    if "\\" in text:  # JSON and Python read escapes differently
        raise ValueError("not JSON")
    if "'" in text:
        if '"' in text:
            raise ValueError("not JSON")
        # Without escapes and double quotes inside, 'abc' and "abc" are the same string.
        text = text.replace("'", '"')
    elif '"' not in text and ("None" in text or "True" in text or "False" in text):
        text = _PYTHON_CONSTANTS.sub(lambda m: _JSON_SPELLING[m.group(1)], text)
    call = _NODE_CALL_TEXT.match(text)
    if call:
        values = json.loads(call.group(2), parse_constant=_reject_constant)
        return {_NODE_CALLS[call.group(1)]: values}
    return json.loads(text, parse_constant=_reject_constant)


def _json_input(text: str) -> dict[str, Any] | None:
    """`name = value, ...` split at the commas before each `name =`; None unless every value reads as JSON. A split
    inside a string leaves that string's quotes unbalanced on both sides, so it can never be read as valid."""
    matches = list(_KEYWORD.finditer(text))
    if not matches or matches[0].start() != 0:
        return None
    out: dict[str, Any] = {}
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        name = match.group(1)
        if name in out:
            return None
        try:
            out[name] = _json_value(text[match.end():following.start() if following else len(text)])
        except ValueError:
            return None
    return out


def parse_input(text: str) -> dict[str, Any]:
    """`nums = [2, 7], target = 9` as {"nums": [2, 7], "target": 9}, never evaluating anything."""
    fast = _json_input(text)
    if fast is not None:
        return fast
    source = f"f({text})"
    try:
        call = ast.parse(source, mode="eval").body
    except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
        raise ValueError(f"input {_short(text)!r} is not a list of keyword assignments (name = value)") from exc
    names = [k.arg for k in call.keywords] if isinstance(call, ast.Call) else []
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "f"
            and not call.args and None not in names and len(set(names)) == len(names)):
        raise ValueError(f"input {_short(text)!r} is not a list of keyword assignments (name = value)")
    encoded = source.encode()
    out: dict[str, Any] = {}
    for keyword in call.keywords:
        try:
            out[str(keyword.arg)] = _literal(keyword.value, encoded)
        except (ValueError, RecursionError) as exc:
            raise ValueError(f"input {_short(text)!r}: the value of {keyword.arg!r} is not a literal ({exc})") from exc
    return out


def _plain_nodes(value: Any) -> Any:
    """An expected output written with list_node/tree_node, in the form the judge reports returned nodes."""
    if isinstance(value, dict) and len(value) == 1:
        key, values = next(iter(value.items()))
        if key in ("$list_node", "$tree_node"):
            return _node_list(values, tree=key == "$tree_node")
    if isinstance(value, list):
        return [_plain_nodes(item) for item in value]
    return value


def _node_list(values: list[Any], tree: bool) -> list[Any] | None:
    """A list or tree in level order, as the judge turns a returned node into data: None when empty."""
    values = list(values)
    while tree and values and values[-1] is None:
        values.pop()
    return values if values and values[0] is not None else None


def parse_output(text: str) -> Any:
    nodes = "_node(" in text
    try:
        value = _json_value(text)
        return _plain_nodes(value) if nodes else value
    except ValueError:
        pass
    try:
        body = ast.parse(text.strip(), mode="eval").body
        value = _literal(body, text.strip().encode())
        return _plain_nodes(value) if nodes else value
    except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
        raise ValueError(f"output {_short(text)!r} is not a literal") from exc


def _has_float(value: Any) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, list):
        return any(_has_float(item) for item in value)
    return False


# -- the starter's type hints ----------------------------------------------------------------------------------


def _node_kind(annotation: ast.expr | None) -> str | None:
    if annotation is None:
        return None
    match = _NODE_ANNOTATION.match(ast.unparse(annotation).replace(" ", ""))
    return None if match is None else match.group(1)


def node_hints(function: ast.FunctionDef | None) -> tuple[dict[str, str], str | None]:
    """Which parameters of the entry point are ListNode/TreeNode, and whether it returns one, from the starter's
    type hints: inputs written as plain lists are then built as nodes, and empty expected nodes read as None."""
    if function is None:
        return {}, None
    args = [*function.args.posonlyargs, *function.args.args, *function.args.kwonlyargs]
    return {a.arg: kind for a in args if (kind := _node_kind(a.annotation))}, _node_kind(function.returns)


# -- statement, title, topics ----------------------------------------------------------------------------------


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _code(text: str) -> str:
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def render_statement(text: str) -> str:
    """A LeetCode description (plain text with Example and Constraints sections) as Markdown: examples fenced,
    constraints as a list, prose escaped so that `*` and `_` stay characters."""
    blocks: list[str] = []
    fence: list[str] = []
    bullets: list[str] = []
    mode = "text"

    def flush() -> None:
        if fence:
            blocks.append("```text\n" + "\n".join(fence) + "\n```")
            fence.clear()
        if bullets:
            blocks.append("\n".join(bullets))
            bullets.clear()

    for raw_line in text.replace("\r\n", "\n").replace("\xa0", " ").split("\n"):
        line = raw_line.rstrip()
        stripped = line.strip()
        section = _SECTION.match(stripped)
        if section:
            flush()
            head, rest = section.group(1), section.group(2)
            lowered = head.lower()
            mode = "example" if lowered.startswith("example") else "constraints" if lowered == "constraints" else "text"
            blocks.append(f"**{head}:**" + (f" {_escape(rest)}" if rest else ""))
        elif not stripped:
            continue
        elif mode == "example":
            fence.append(stripped)
        elif mode == "constraints":
            bullets.append("- " + (_code(stripped) if _CODE_LIKE.search(stripped) else _escape(stripped)))
        elif line.startswith((" ", "\t")):
            if bullets:
                flush()
            fence.append(line)
        else:
            flush()
            blocks.append(_escape(stripped))
    flush()
    return "\n\n".join(blocks)


def title_from_slug(slug: str) -> str:
    words = [w for w in slug.split("-") if w]
    out = []
    for position, word in enumerate(words):
        if _ROMAN.match(word) and position > 0:
            out.append(word.upper())
        elif word in _SMALL_WORDS and position > 0:
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out) or slug


def topics_from_tags(tags: Sequence[Any]) -> list[str]:
    topics: list[str] = []
    for tag in tags:
        slug = _SLUG_CHARS.sub("-", str(tag).lower()).strip("-")
        topic = TAG_TOPICS.get(slug, slug)
        if topic and topic not in topics:
            topics.append(topic)
    return topics or ["algorithms"]


# -- records ---------------------------------------------------------------------------------------------------


def _text_field(record: dict[str, Any], name: str, required: bool = True) -> str:
    value = record.get(name, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ValueError(f"field {name!r} must be a {'non-empty ' if required else ''}string")
    return value


def _rows(record: dict[str, Any]) -> list[tuple[dict[str, Any], Any]]:
    """`input_output` rows that read as literal cases (error texts and unquoted strings there are left out)."""
    rows = record.get("input_output")
    out = []
    for case in rows if isinstance(rows, list) else []:
        if not (isinstance(case, dict) and isinstance(case.get("input"), str) and isinstance(case.get("output"), str)):
            continue
        try:
            out.append((parse_input(case["input"]), parse_output(case["output"])))
        except ValueError:
            continue
    return out


def _cases(record: dict[str, Any], params: dict[str, str], returns: str | None,
           names: list[str]) -> tuple[list[dict[str, Any]], bool]:
    """The cases as {input, output}, and whether an output holds a float (then compared with a tolerance). The
    dataset's own suite (`test`) is authoritative; `input_output` is used only when the suite yields no case."""
    check = record.get("test") or ""
    suite = cases_from_check(check, names) if isinstance(check, str) and check.strip() else CheckCases([], False, 0)
    pairs = suite.cases or _rows(record)
    if not pairs:
        raise ValueError("no usable test case: the test suite has no literal `assert candidate(...) == ...` and "
                         "no input_output row reads as literals")
    cases = []
    floats = suite.floats
    for inputs, output in pairs:
        for name, kind in params.items():  # a node parameter written as a plain list
            if name in inputs and (inputs[name] is None or isinstance(inputs[name], list)):
                inputs[name] = {"$list_node" if kind == "ListNode" else "$tree_node": inputs[name] or []}
        output = _plain_nodes(output)
        if returns is not None and (output is None or isinstance(output, list)):
            output = _node_list(output or [], tree=returns == "TreeNode")
        floats = floats or _has_float(output)
        cases.append({"input": inputs, "output": output})
    return cases, floats


def record_to_raw(record: Any) -> dict[str, Any]:
    """One LeetCodeDataset record as a bank item in the documented JSON format (raises ValueError)."""
    record = normalise(record)
    slug = _text_field(record, "task_id")
    if not _SLUG.match(slug):
        raise ValueError(f"task_id {slug!r} is not a slug (lower-case letters, digits and '-')")
    difficulty = DIFFICULTIES.get(str(record["difficulty"]).strip().lower())
    if difficulty is None:
        raise ValueError(f"difficulty {record['difficulty']!r}: expected Easy, Medium or Hard")
    entry_point = _text_field(record, "entry_point").strip()
    if not _ENTRY_POINT.match(entry_point):
        raise ValueError(f"entry_point {entry_point!r}: expected a function name or Class().method")
    tags = record.get("tags") or []
    if not isinstance(tags, list):
        raise ValueError("field 'tags' must be a list")
    check = _text_field(record, "test", required=False)
    if check.strip() and not _CHECK_DEF.search(check):
        raise ValueError("field 'test' must define `def check(candidate)`")
    starter = _text_field(record, "starter_code")
    function = entry_function(starter, entry_point.rpartition(".")[2])
    params, returns = node_hints(function)
    cases, floats = _cases(record, params, returns, method_params(function))
    examples = max(1, min(MAX_EXAMPLES, len(cases) - 1))
    raw: dict[str, Any] = {
        "slug": slug, "kind": "coding", "title": title_from_slug(slug), "difficulty": difficulty,
        "topics": topics_from_tags(tags), "statement": render_statement(_text_field(record, "problem_description")),
        "source": SOURCE, "python_only": True, "entry_point": entry_point,
        "examples": cases[:examples], "tests": cases[examples:],
        "compare": "float" if floats else "exact",
        "limits": {"time_ms": TIME_LIMIT_MS, "memory_mb": MEMORY_MB},
        "solution": {"python": _text_field(record, "completion")}, "starter": {"python": starter},
    }
    if raw["compare"] == "float":
        raw["tolerance"] = FLOAT_TOLERANCE
    prompt = _text_field(record, "prompt", required=False)
    if prompt.strip():
        raw["prompt"] = prompt
    if check.strip():
        raw["check"] = check
    signature = judge_signature(function) if entry_point.startswith("Solution().") else None
    params_list = signature["params"] if signature else []
    names = {str(p["name"]) for p in params_list} if isinstance(params_list, list) else set()
    if signature and all(set(c["input"]) == names for c in cases):
        # Typed: JavaScript, C++ and Java are judged through the signature, Python still through its entry point
        # and the suite's check().
        raw.pop("python_only")
        raw.update(signature=signature, hints=[])
    return raw


def _checked_item(raw: dict[str, Any]) -> BankItem:
    """parse_item, with the JSON Schema checked on the item cut to one example and one test: _cases builds every
    case in the same shape, and checking them all would cost more than reading them."""
    parse_item({**raw, "examples": raw["examples"][:1], "tests": raw["tests"][:1]}, SOURCE)
    return parse_item(raw, SOURCE, validate=False)


def read_records(path: Path) -> Iterator[tuple[str, Any]]:
    """(where, decoded record or the JSONDecodeError) for every non-blank line."""
    try:
        handle = open_text(path)  # closed below; a generator cannot use `with` for the open's errors
    except OSError as exc:
        raise ProblemFormatError(f"cannot read {path}: {exc}") from exc
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    try:
                        yield f"line {number}", json.loads(line)
                    except json.JSONDecodeError as exc:
                        yield f"line {number}", exc
                    except RecursionError:
                        yield f"line {number}", json.JSONDecodeError("nested too deeply", line[:80], 0)
        except (UnicodeDecodeError, OSError, EOFError) as exc:  # a truncated or corrupt .gz included
            raise ProblemFormatError(f"cannot read {path}: {exc}") from exc


def count_records(path: Path) -> int:
    try:
        with open_text(path) as handle:
            return sum(1 for line in handle if line.strip())
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise ProblemFormatError(f"cannot read {path}: {exc}") from exc


DUPLICATE_SUFFIX = "-imported"


def _free_slug(slug: str, bank: QuestionBank, seen: dict[str, str]) -> str:
    """`slug-imported`, then `slug-imported-2`...: the first that neither bank nor this file uses."""
    candidate, number = slug + DUPLICATE_SUFFIX, 2
    while candidate in seen or bank.contains(candidate):
        candidate, number = f"{slug}{DUPLICATE_SUFFIX}-{number}", number + 1
    return candidate


def iter_records(path: Path, bank: QuestionBank, rename_duplicates: bool = False,
                 cancel: threading.Event | None = None) -> Iterator[ParsedRecord | SkippedRecord]:
    """Every record as a bank item, or why it cannot be one (with its line); slugs must be new unless
    `rename_duplicates` gives a record whose slug is taken a suffixed one."""
    seen: dict[str, str] = {}
    for where, record in read_records(path):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        task_id = str(record.get("task_id", "")) if isinstance(record, dict) else ""
        if isinstance(record, json.JSONDecodeError):
            yield SkippedRecord(where, "", f"invalid JSON at column {record.colno}: {record.msg}")
            continue
        try:
            raw = record_to_raw(record)
            item = _checked_item(raw)
        except (ValueError, ProblemFormatError, RecursionError) as exc:
            yield SkippedRecord(where, task_id, str(exc))
            continue
        assert isinstance(item, CodingProblem)
        taken = item.slug in seen or bank.contains(item.slug)
        if taken and rename_duplicates:
            slug = _free_slug(item.slug, bank, seen)
            raw = {**raw, "slug": slug, "title": f"{raw['title']} (imported)"}
            item = replace(item, slug=slug, title=raw["title"])
        if item.slug in seen:
            yield SkippedRecord(where, item.slug, f"duplicate task_id (also on {seen[item.slug]})")
        elif bank.builtin is not None and bank.builtin.contains(item.slug):
            yield SkippedRecord(where, item.slug, "the built-in bank already has this slug")
        elif bank.user.contains(item.slug):
            yield SkippedRecord(where, item.slug, "you already have an item with this slug")
        else:
            seen[item.slug] = where
            yield ParsedRecord(where, item, raw)


# -- validation ------------------------------------------------------------------------------------------------


def _sandboxed_judge(runner: CodeRunner) -> Judge | None:
    """The real judge behind `runner` (the app's LazyJudge loads it), or None for another CodeRunner."""
    from cloudinterview_desktop.judge.judge import Judge

    if isinstance(runner, Judge):
        return runner
    loader = getattr(runner, "get", None)
    judge = loader() if callable(loader) else None
    return judge if isinstance(judge, Judge) else None


@dataclass
class _Task:
    index: int
    context: Context
    payload: str  # its two lines of the batch payload: the allowances, then the python_harness payload
    wall_s: float  # the most the task can take
    gap_s: float  # the longest wait for its next result line


class _BatchSink:
    """Splits a batch run's relayed lines per task and judges each task with the judge's own verdict rules."""

    def __init__(self, tasks: list[_Task], startup_s: float, on_report: Callable[[int, JudgeReport], None]) -> None:
        self._tasks = tasks
        self._on_report = on_report
        self._allowance = max(t.gap_s for t in tasks) + 5.0
        self._deadline: float = time.monotonic() + startup_s + self._allowance
        self._current: tuple[int, Collector] | None = None
        self.cpu_s = 0.0  # what the batch's processes used, as the harness reports it at the end

    def on_line(self, line: bytes) -> None:
        from cloudinterview_desktop.judge.verdicts import Collector

        self._deadline = time.monotonic() + self._allowance
        relayed = _RELAYED.match(line)
        if relayed:  # a child's own line, passed to the judge's collector as it was written
            if self._current is not None and self._current[0] == int(relayed.group(2)):
                self._current[1].on_line(relayed.group(1))
            return
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            return
        if not isinstance(record, dict):
            return
        if record.get("event") == "done" and isinstance(record.get("cpu_s"), int | float):
            self.cpu_s = float(record["cpu_s"])
        if not isinstance(record.get("task"), int):
            return
        number = record["task"]
        if record.get("event") == "task_start" and 0 <= number < len(self._tasks):
            context = self._tasks[number].context
            total = len(context.cases) + (1 if context.problem.check_code else 0)
            self._current = (number, Collector(total, 0.0, lambda _i: 0.0, None))
        elif record.get("event") == "task_end" and self._current is not None and self._current[0] == number:
            self._finish(number, self._current[1], record)
            self._current = None

    def _finish(self, number: int, collector: Collector, end: dict[str, Any]) -> None:
        from cloudinterview_desktop.judge.sandbox import KillReason, RunOutcome
        from cloudinterview_desktop.judge.verdicts import build_report

        task = self._tasks[number]
        outcome = RunOutcome(exit_code=end.get("exit_code"), signal=end.get("signal"),
                             killed=KillReason.DEADLINE if end.get("killed") else None, wall_ms=0.0, max_rss_kb=0,
                             stdout="", stderr="")
        report = build_report(task.context, collector, outcome, task.context.problem.limits.memory_mb)
        self._on_report(task.index, report)

    def deadline(self) -> float | None:
        return self._deadline


class Progress:
    """A thread-safe (done, total) counter for a ProgressSink."""

    def __init__(self, total: int, sink: ProgressSink | None) -> None:
        self.total = total
        self.done = 0
        self._sink = sink
        self._lock = threading.Lock()

    def step(self) -> None:
        with self._lock:
            self.done += 1
            if self._sink is not None:
                self._sink(min(self.done, self.total), self.total)


class ReferenceValidator:
    """Runs reference solutions against all their cases and check() in the judge's sandbox.

    Many references share one sandboxed interpreter (each in a forked child: python_batch_harness.py), and two
    such batches run at a time; a batch starts as soon as it is full, while the caller is still producing problems.
    What fails in a batch is run again alone through the judge, whose report is the one the message quotes, so
    batching can only speed validation up, never change its verdict."""

    def __init__(self, runner: CodeRunner, workers: int = 2, batch_size: int = 32,
                 batch_bytes: int = 16 * 1024 * 1024) -> None:
        self.runner = runner
        self.judge = _sandboxed_judge(runner)
        self.workers = workers
        self.batch_size = batch_size
        self.batch_bytes = batch_bytes
        self.sandbox_cpu_s = 0.0  # CPU time the batches' sandboxed processes reported, for measurements
        self._cpu_lock = threading.Lock()

    def validate(self, problems: Iterable[CodingProblem], progress: Progress | None = None) -> list[str | None]:
        """Per problem, in order: None when its reference passes, else why not. `problems` may be a generator:
        if it raises, the batches already running are stopped and the error propagates."""
        seen: list[CodingProblem] = []
        passed: set[int] = set()
        lock = threading.Lock()
        cancel = threading.Event()

        def on_report(index: int, report: JudgeReport) -> None:
            if report.verdict is Verdict.ACCEPTED:  # a failure is confirmed, and counted, by the single run
                with lock:
                    passed.add(index)
                if progress is not None:
                    progress.step()

        if self.judge is not None:
            self.judge.check_consent()  # the batches use its sandbox directly, not Judge.run
        pool = ThreadPoolExecutor(max_workers=self.workers)
        try:
            if self.judge is None:
                seen.extend(problems)
            else:
                running = [pool.submit(self._run_batch, batch, on_report, cancel)
                           for batch in self._batches(problems, seen)]
                for future in running:
                    future.result()
            rest = [i for i in range(len(seen)) if i not in passed]
            results: list[str | None] = [None] * len(seen)
            for index, problem_text in zip(rest, pool.map(lambda i: self._alone(seen[i]), rest), strict=True):
                results[index] = problem_text
                if progress is not None:
                    progress.step()
            return results
        except BaseException:
            cancel.set()
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _alone(self, problem: CodingProblem) -> str | None:
        try:
            verify_reference(problem, self.runner)
        except CloudInterviewError as exc:
            return str(exc).removeprefix(f"{problem.slug}: ")
        return None

    def _batches(self, problems: Iterable[CodingProblem], seen: list[CodingProblem]) -> Iterator[list[_Task]]:
        batch: list[_Task] = []
        used = 0
        for problem in problems:
            task = self._task(len(seen), problem)
            seen.append(problem)
            if batch and (len(batch) >= self.batch_size or used + len(task.payload) > self.batch_bytes):
                yield batch
                batch, used = [], 0
            batch.append(task)
            used += len(task.payload)
        if batch:
            yield batch

    def _task(self, index: int, problem: CodingProblem) -> _Task:
        from cloudinterview_desktop.judge.cases import Case
        from cloudinterview_desktop.judge.judge import OUTPUT_LIMIT, per_test_allowance_s
        from cloudinterview_desktop.judge.verdicts import Context

        assert self.judge is not None and problem.solution is not None
        everything = replace(problem, examples=(), tests=problem.examples + problem.tests)
        # Imported cases never hold `$gen` generators, so they are used as they are (judge.cases.build_cases
        # would walk every value looking for one).
        cases = [Case(t.input, t.output, hidden=True) for t in everything.tests]
        limit_ms = problem.limits.time_ms
        # The judge's allowances: loading the code, each test, and check() (5 tests' worth, as in Judge._judge).
        startup, test, check = STARTUP_S + limit_ms / 1000, per_test_allowance_s(limit_ms), 0.0
        if problem.check_code:
            check = 5 * test
        wall = startup + len(cases) * test + check
        # The payload of judge/languages/python.py for a python_only problem.
        payload = {"code": problem.solution.python, "tests": [{"input": c.input} for c in cases],
                   "time_limit_ms": limit_ms, "output_limit": OUTPUT_LIMIT, "entry_point": problem.entry_point,
                   "check": problem.check_code, "prompt": problem.prompt_code, "signature": {}}
        header = {"startup_s": startup, "test_s": test, "check_s": check or test, "tests": len(cases)}
        lines = json.dumps(header) + "\n" + json.dumps(payload, separators=(",", ":")) + "\n"
        context = Context(problem=everything, mode=JudgeMode.SUBMIT, language="python", cases=cases,
                          isolation=self.judge.isolation_level(), time_limit_ms=limit_ms)
        return _Task(index, context, lines, wall, max(startup, test, check))

    def _run_batch(self, tasks: list[_Task], on_report: Callable[[int, JudgeReport], None],
                   cancel: threading.Event) -> None:
        from cloudinterview_desktop.judge.languages.base import copy_harness
        from cloudinterview_desktop.judge.languages.python import (
            HARNESS,
            SORTEDCONTAINERS,
            interpreter_command,
            interpreter_paths,
        )
        from cloudinterview_desktop.judge.sandbox import RESULT_FD, MiB, RunSpec, SandboxLimits

        assert self.judge is not None
        sandbox = self.judge.sandbox()
        size = sum(len(t.payload) for t in tasks)
        wall = STARTUP_S + sum(t.wall_s for t in tasks)
        memory = max(t.context.problem.limits.memory_mb for t in tasks) + 64 + 3 * math.ceil(size / MiB)
        limits = SandboxLimits(wall_s=wall, cpu_s=math.ceil(wall) + 1, address_space_mb=memory,
                               file_size_mb=max(16, 2 * math.ceil(size / MiB) + 1))
        sink = _BatchSink(tasks, STARTUP_S, on_report)
        try:
            with sandbox.workdir() as workdir:
                copy_harness(workdir, HARNESS)
                copy_harness(workdir, BATCH_HARNESS)
                if any("Sorted" in t.payload for t in tasks):  # LeetCode's sortedcontainers, as single runs get it
                    copy_harness(workdir, SORTEDCONTAINERS)
                (workdir / BATCH_PAYLOAD).write_text("".join(t.payload for t in tasks), encoding="utf-8")
                spec = RunSpec(argv=(*interpreter_command(), BATCH_HARNESS, BATCH_PAYLOAD, RESULT_FD),
                               workdir=workdir, limits=limits, expose=interpreter_paths(), result_pipe=True)
                outcome = sandbox.run(spec, sink, cancel)
        except OSError as exc:  # the tasks it did not finish are run alone
            log.warning("a batch of reference checks could not run: %s", exc)
            return
        with self._cpu_lock:
            self.sandbox_cpu_s += sink.cpu_s
        if not outcome.ok:
            log.info("a batch of reference checks ended early: exit %s signal %s killed %s: %s", outcome.exit_code,
                     outcome.signal, outcome.killed, outcome.stderr[-500:])


# -- the import ------------------------------------------------------------------------------------------------


def _readable_after(path: Path, bank: QuestionBank, first: SkippedRecord, rename_duplicates: bool) -> str:
    """What the refusal adds: how many records of the file read correctly (their references not yet run)."""
    outcomes = list(iter_records(path, bank, rename_duplicates))
    readable = sum(1 for o in outcomes if isinstance(o, ParsedRecord))
    return (f"{first}. {readable:,} of {len(outcomes):,} records read correctly: `--skip-invalid` imports those "
            "whose reference solution also passes its tests, and lists the rest")


def import_leetcodedataset(bank: QuestionBank, path: Path, judge: CodeRunner | None, *, skip_invalid: bool = False,
                           progress: ProgressSink | None = None, workers: int = 2, rename_duplicates: bool = False,
                           cancel: threading.Event | None = None) -> LeetCodeImportResult:
    """Adds every record of a LeetCodeDataset JSONL file as a Python-only coding problem, or nothing.

    Without `skip_invalid` the first unusable record (bad JSON, a missing field, an input that is not a keyword
    assignment of literals, a slug already taken, a reference that fails its own tests) refuses the whole file;
    with it, such records are left out and listed in the result's `skipped`. Records are validated while the
    file is still being read. A `cancel` stops it before anything is stored: the bank is unchanged."""
    if judge is None:
        raise ProblemFormatError("the code judge is unavailable, so reference solutions cannot be checked")
    started = time.perf_counter()
    counter = Progress(count_records(path), progress)
    if not counter.total:
        raise ProblemFormatError(f"{path.name}: no records found")
    parsed: list[ParsedRecord] = []
    invalid: list[SkippedRecord] = []

    def items() -> Iterator[CodingProblem]:
        for outcome in iter_records(path, bank, rename_duplicates, cancel):
            if isinstance(outcome, SkippedRecord):
                if not skip_invalid:
                    raise ProblemFormatError(_readable_after(path, bank, outcome, rename_duplicates))
                invalid.append(outcome)
                counter.step()
            else:
                parsed.append(outcome)
                yield outcome.item

    validator = ReferenceValidator(judge, workers=workers)
    failures = validator.validate(items(), counter)
    if cancel is not None and cancel.is_set():
        raise Cancelled()
    validated = time.perf_counter()
    failed = [SkippedRecord(r.where, r.item.slug, problem)
              for r, problem in zip(parsed, failures, strict=True) if problem is not None]
    if failed and not skip_invalid:
        more = f" (and {len(failed) - 1} more records fail)" if len(failed) > 1 else ""
        raise RecordError(replace(failed[0], reason=failed[0].reason + more))
    keep = [r for r, problem in zip(parsed, failures, strict=True) if problem is None]
    skipped = tuple(sorted([*invalid, *failed], key=lambda s: int(s.where.split()[-1])))
    for record in skipped:
        log.warning("skipped %s", record)
    added = bank.add_user_items([(r.item, r.raw) for r in keep]) if keep else 0
    log.info("imported %d of %d records from %s: read and validated in %.2f s (the sandboxed batches used "
             "%.1f CPU s), stored in %.2f s", added, counter.total, path.name, validated - started,
             validator.sandbox_cpu_s, time.perf_counter() - validated)
    return LeetCodeImportResult(added=added, no_tests=0, slugs=tuple(r.item.slug for r in keep), skipped=skipped)
