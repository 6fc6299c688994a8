"""Imports bank items from JSON (one item or a list), JSON Lines or CSV: all or nothing.

Every item is validated against the schema, slugs must be new, and every reference solution is run against its own
tests through the judge before anything is written; the first problem found is reported with the item and field."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cloudinterview_desktop.bank.question_bank import QuestionBank
from cloudinterview_desktop.domain.errors import ProblemFormatError
from cloudinterview_desktop.domain.ports import CodeRunner
from cloudinterview_desktop.domain.problems import BankItem, CodingProblem
from cloudinterview_desktop.domain.references import verify_reference

ProgressSink = Callable[[int, int], None]
CSV_REQUIRED = ("title", "difficulty", "topics", "statement")
_SLUG_CHARS = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class RawItem:
    where: str  # "line 3", "item 2": how the error message names it
    data: Any


@dataclass(frozen=True)
class ImportResult:
    added: int
    no_tests: int
    slugs: tuple[str, ...]


def slugify(title: str) -> str:
    return _SLUG_CHARS.sub("-", title.lower()).strip("-")[:80] or "item"


def detect_format(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix == ".jsonl":
        return "jsonl"
    stripped = text.lstrip()
    if stripped.startswith("[") or (stripped.startswith("{") and "\n{" not in stripped.strip()):
        return "json"
    return "jsonl"


TOO_DEEP = "the JSON is nested too deeply to be a question (a hostile or broken file)"


def read_json(text: str) -> Iterator[RawItem]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProblemFormatError(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    except RecursionError as exc:
        raise ProblemFormatError(TOO_DEEP) from exc
    items = data if isinstance(data, list) else [data]
    for number, item in enumerate(items, start=1):
        yield RawItem(f"item {number}", item)


def read_jsonl(text: str) -> Iterator[RawItem]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ProblemFormatError(f"line {number}: invalid JSON at column {exc.colno}: {exc.msg}") from exc
        except RecursionError as exc:
            raise ProblemFormatError(f"line {number}: {TOO_DEEP}") from exc
        yield RawItem(f"line {number}", raw)


def read_csv(text: str) -> Iterator[RawItem]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in CSV_REQUIRED if c not in header]
    if missing:
        raise ProblemFormatError(f"CSV header: missing columns {', '.join(missing)} (needs {', '.join(CSV_REQUIRED)})")
    for number, row in enumerate(reader, start=2):
        values = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        item: dict[str, Any] = {
            "slug": values.get("slug") or slugify(values["title"]),
            "kind": values.get("kind") or "coding",
            "title": values["title"],
            "difficulty": values["difficulty"].lower(),
            "topics": [t.strip() for t in re.split(r"[;,|]", values["topics"]) if t.strip()],
        }
        if item["kind"] == "theory":
            item.update(question=values["statement"], job_types=["software"],
                        key_points=[p.strip() for p in values.get("key_points", "").split(";") if p.strip()])
        else:
            item["statement"] = values["statement"]
        yield RawItem(f"line {number}", item)


def read_items(path: Path, fmt: str | None = None) -> list[RawItem]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProblemFormatError(f"cannot read {path}: {exc}") from exc
    fmt = fmt or detect_format(path, text)
    readers = {"json": read_json, "jsonl": read_jsonl, "csv": read_csv}
    if fmt not in readers:
        raise ProblemFormatError(f"unknown format {fmt!r} (json, jsonl or csv)")
    items = list(readers[fmt](text))
    if not items:
        raise ProblemFormatError(f"{path.name}: no items found")
    return items


def parse_all(raw_items: list[RawItem], source: str,
              parse: Callable[[Any, str], BankItem]) -> list[tuple[BankItem, dict[str, Any]]]:
    parsed: list[tuple[BankItem, dict[str, Any]]] = []
    seen: dict[str, str] = {}
    for raw in raw_items:
        try:
            item = parse(raw.data, source)
        except ProblemFormatError as exc:
            raise ProblemFormatError(f"{raw.where}: {exc}") from exc
        if item.slug in seen:
            raise ProblemFormatError(f"{raw.where}: duplicate slug {item.slug!r} (also {seen[item.slug]})")
        seen[item.slug] = raw.where
        parsed.append((item, raw.data))
    return parsed


def import_items(bank: QuestionBank, parsed: list[tuple[BankItem, dict[str, Any]]], judge: CodeRunner | None,
                 progress: ProgressSink | None = None, verify: bool = True) -> ImportResult:
    total = len(parsed)
    bank.check_new_slugs([item.slug for item, _ in parsed])  # cheap checks before running any code
    for done, (item, _raw) in enumerate(parsed, start=1):
        if verify and isinstance(item, CodingProblem) and item.has_tests:
            if judge is None:
                raise ProblemFormatError("the code judge is unavailable, so reference solutions cannot be checked")
            verify_reference(item, judge)
        if progress is not None:
            progress(done, total)
    added = bank.add_user_items(parsed)
    no_tests = sum(1 for item, _ in parsed if isinstance(item, CodingProblem) and not item.has_tests)
    return ImportResult(added, no_tests, tuple(item.slug for item, _ in parsed))
