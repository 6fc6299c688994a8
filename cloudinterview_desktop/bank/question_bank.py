"""The question bank the app uses: the built-in read-only catalog plus the user's own items."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cloudinterview_desktop.bank.catalog import Catalog, ItemRow
from cloudinterview_desktop.bank.item_format import parse_item
from cloudinterview_desktop.bank.selection import Picker, select_slugs
from cloudinterview_desktop.domain.errors import ProblemFormatError, ProblemNotFound
from cloudinterview_desktop.domain.problems import BankItem
from cloudinterview_desktop.domain.session import SessionConfig


class QuestionBank:
    def __init__(self, builtin: Catalog | None, user: Catalog, picker: Picker | None = None) -> None:
        self.builtin = builtin
        self.user = user
        self.picker = picker

    @property
    def catalogs(self) -> list[Catalog]:
        return [c for c in (self.builtin, self.user) if c is not None]

    def get(self, slug: str) -> BankItem:
        for catalog in self.catalogs:
            if catalog.contains(slug):
                return catalog.get(slug)
        raise ProblemNotFound(slug)

    def raw(self, slug: str) -> dict[str, Any]:
        for catalog in self.catalogs:
            if catalog.contains(slug):
                return catalog.raw(slug)
        raise ProblemNotFound(slug)

    def contains(self, slug: str) -> bool:
        return any(c.contains(slug) for c in self.catalogs)

    def select(self, config: SessionConfig, exclude: set[str], seed: int) -> list[BankItem]:
        return [self.get(slug) for slug in select_slugs(self.catalogs, config, exclude, seed, self.picker)]

    def rows(self, kind: str | None = None, difficulty: str | None = None, topic: str | None = None,
             job_type: str | None = None) -> list[ItemRow]:
        out: list[ItemRow] = []
        for catalog in self.catalogs:
            out += catalog.rows(kind=kind, difficulties=[difficulty] if difficulty else None, topic=topic,
                                job_type=job_type)
        return sorted(out, key=lambda r: (r.kind, r.slug))

    def search(self, text: str, limit: int = 50) -> list[ItemRow]:
        out: list[ItemRow] = []
        for catalog in self.catalogs:
            out += catalog.search(text, limit)
        return out[:limit]

    def add_user_items(self, items: Sequence[tuple[BankItem, dict[str, Any]]], replace: bool = False) -> int:
        """All or nothing: a slug clash with the built-in bank (or, unless `replace`, the user's) fails the batch."""
        self.check_new_slugs([item.slug for item, _ in items], replace)
        return self.user.add_all(items, replace=replace)

    def check_new_slugs(self, slugs: Sequence[str], replace: bool = False) -> None:
        duplicates = sorted({s for s in slugs if slugs.count(s) > 1})
        if duplicates:
            raise ProblemFormatError(f"duplicate slugs in the import: {', '.join(duplicates)}")
        for slug in slugs:
            if self.builtin is not None and self.builtin.contains(slug):
                raise ProblemFormatError(f"{slug}: the built-in bank already has this slug")
            if not replace and self.user.contains(slug):
                raise ProblemFormatError(f"{slug}: you already have an item with this slug")

    def update_user_item(self, raw: dict[str, Any]) -> BankItem:
        item = parse_item(raw, source="user")
        if not self.user.contains(item.slug):
            raise ProblemNotFound(item.slug)
        self.user.add_all([(item, raw)], replace=True)
        return item

    def delete_user_item(self, slug: str) -> None:
        if self.builtin is not None and self.builtin.contains(slug) and not self.user.contains(slug):
            raise ProblemFormatError(f"{slug} is part of the built-in bank and cannot be deleted")
        self.user.delete(slug)
