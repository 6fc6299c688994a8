"""Imports problem sets in the LeetCodeDataset JSON Lines format as Python-only coding problems, all or nothing.

Records are read without running any of their code (leetcode_literals): inputs must be keyword assignments of
literals (linked lists and trees may be written `list_node([...])` / `tree_node([...])`), outputs literals. Every
reference solution is then checked against all its cases and its check() by the ReferenceChecker the caller passes
(the judge's, judge/reference_batches.py), before anything is added.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cloudinterview_desktop.bank.importer import ImportResult, ProgressSink
from cloudinterview_desktop.bank.item_format import parse_item
from cloudinterview_desktop.bank.leetcode_literals import (
    has_float,
    node_hints,
    node_list,
    parse_input,
    parse_output,
    plain_nodes,
)
from cloudinterview_desktop.bank.leetcode_records import (
    CheckCases,
    cases_from_check,
    entry_function,
    judge_signature,
    method_params,
    normalise,
    open_text,
)
from cloudinterview_desktop.bank.leetcode_statement import render_statement, title_from_slug, topics_from_tags
from cloudinterview_desktop.bank.question_bank import QuestionBank
from cloudinterview_desktop.domain.errors import Cancelled, ProblemFormatError
from cloudinterview_desktop.domain.ports import ReferenceChecker
from cloudinterview_desktop.domain.problems import BankItem, CodingProblem

log = logging.getLogger(__name__)

SOURCE = "leetcodedataset"
DIFFICULTIES = {"easy": "easy", "medium": "medium", "hard": "hard"}
TIME_LIMIT_MS = 2000
MEMORY_MB = 256
FLOAT_TOLERANCE = 1e-5  # LeetCode accepts answers within 1e-5
MAX_EXAMPLES = 3
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_ENTRY_POINT = re.compile(r"^[A-Za-z_]\w*(\(\)\.[A-Za-z_]\w*)?$")
_CHECK_DEF = re.compile(r"^def check\(", re.MULTILINE)


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
        output = plain_nodes(output)
        if returns is not None and (output is None or isinstance(output, list)):
            output = node_list(output or [], tree=returns == "TreeNode")
        floats = floats or has_float(output)
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


# -- the import ------------------------------------------------------------------------------------------------


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


def _readable_after(path: Path, bank: QuestionBank, first: SkippedRecord, rename_duplicates: bool) -> str:
    """What the refusal adds: how many records of the file read correctly (their references not yet run)."""
    outcomes = list(iter_records(path, bank, rename_duplicates))
    readable = sum(1 for o in outcomes if isinstance(o, ParsedRecord))
    return (f"{first}. {readable:,} of {len(outcomes):,} records read correctly: `--skip-invalid` imports those "
            "whose reference solution also passes its tests, and lists the rest")


def import_leetcodedataset(bank: QuestionBank, path: Path, references: ReferenceChecker | None, *,
                           skip_invalid: bool = False, progress: ProgressSink | None = None,
                           rename_duplicates: bool = False,
                           cancel: threading.Event | None = None) -> LeetCodeImportResult:
    """Adds every record of a LeetCodeDataset JSONL file as a Python-only coding problem, or nothing.

    Without `skip_invalid` the first unusable record (bad JSON, a missing field, an input that is not a keyword
    assignment of literals, a slug already taken, a reference that fails its own tests) refuses the whole file;
    with it, such records are left out and listed in the result's `skipped`. Records are validated while the
    file is still being read. A `cancel` stops it before anything is stored: the bank is unchanged."""
    if references is None:
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

    failures = references.validate(items(), counter.step)
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
             references.sandbox_cpu_s, time.perf_counter() - validated)
    return LeetCodeImportResult(added=added, no_tests=0, slugs=tuple(r.item.slug for r in keep), skipped=skipped)
