"""The question bank as the GUI's problem browser uses it: list, search, show, and add, edit or delete the user's
own items, each new or changed coding item checked by running its reference solution in the judge first."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cloudinterview_desktop.bank.catalog import ItemRow
from cloudinterview_desktop.bank.importer import ImportResult, import_items, parse_all, read_items
from cloudinterview_desktop.bank.item_format import parse_item
from cloudinterview_desktop.bank.leetcode_records import is_leetcodedataset
from cloudinterview_desktop.bank.question_bank import QuestionBank
from cloudinterview_desktop.domain.errors import ProblemFormatError
from cloudinterview_desktop.domain.ports import CodeRunner, ProgressSink, ReferenceChecker
from cloudinterview_desktop.domain.problems import CodingProblem
from cloudinterview_desktop.domain.references import verify_reference
from cloudinterview_desktop.service.question_text import question_prompt


@dataclass(frozen=True)
class ItemDetails:
    row: ItemRow
    raw: dict[str, Any]
    editable: bool  # the user's own item; the built-in bank is read-only
    prompt: str  # the question as the candidate sees it (Markdown)


class BankService:
    def __init__(self, bank: QuestionBank, judge: CodeRunner,
                 references: Callable[[], ReferenceChecker] | None = None) -> None:
        self._bank = bank
        self._judge = judge
        self._references = references  # a new checker per LeetCodeDataset import

    def list_items(self, kind: str | None = None, text: str = "") -> list[ItemRow]:
        if text.strip():
            rows = self._bank.search(text, limit=500)
            return [r for r in rows if kind is None or r.kind == kind]
        return self._bank.rows(kind=kind)

    def item(self, slug: str) -> ItemDetails:
        raw = self._bank.raw(slug)
        editable = self._bank.user.contains(slug)
        rows = (self._bank.user if editable else self._bank.builtin or self._bank.user).rows_for([slug])
        return ItemDetails(rows[0], raw, editable, question_prompt(self._bank.get(slug)))

    def save_item(self, text: str, replace: bool) -> str:
        """Add (or, with `replace`, update) one of the user's items from its JSON text; returns its slug."""
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ProblemFormatError(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
        item = parse_item(raw, source="user")
        if isinstance(item, CodingProblem) and item.has_tests:
            verify_reference(item, self._judge)
        if replace:
            self._bank.update_user_item(raw)
        else:
            self._bank.add_user_items([(item, raw)])
        return item.slug

    def delete_item(self, slug: str) -> str:
        self._bank.delete_user_item(slug)
        return slug

    def import_file(self, path: str, progress: ProgressSink | None = None,
                    cancel: threading.Event | None = None) -> ImportResult:
        """A file of questions in the bank's format (all or nothing), or a LeetCodeDataset release (either layout,
        gzip or not): every record whose reference passes is added, the others are listed in the result's
        `skipped`. Cancelling stores nothing."""
        file = Path(path)
        if is_leetcodedataset(file):
            from cloudinterview_desktop.bank.leetcodedataset import import_leetcodedataset

            references = self._references() if self._references is not None else None
            return import_leetcodedataset(self._bank, file, references, skip_invalid=True, progress=progress,
                                          cancel=cancel)
        parsed = parse_all(read_items(file), "user", parse_item)
        return import_items(self._bank, parsed, self._judge, progress=progress)
