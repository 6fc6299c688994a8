"""`problems validate`: schema, counts and every reference solution run through the judge."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from cloudinterview_desktop.domain.errors import CloudInterviewError, RunNotAllowed
from cloudinterview_desktop.domain.ports import CodeRunner
from cloudinterview_desktop.domain.problems import BankItem, CodingProblem
from cloudinterview_desktop.domain.references import verify_reference

MIN_HIDDEN_TESTS = 15


@dataclass(frozen=True)
class ItemCheck:
    slug: str
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_item(item: BankItem, judge: CodeRunner, strict_counts: bool) -> ItemCheck:
    problems: list[str] = []
    if isinstance(item, CodingProblem) and item.has_tests:
        if strict_counts and item.signature is not None:  # the built-in bank's own standards
            if len(item.tests) < MIN_HIDDEN_TESTS:
                problems.append(f"{len(item.tests)} hidden tests, at least {MIN_HIDDEN_TESTS} needed")
            if not any(t.large for t in item.tests):
                problems.append("no large test")
            if len(item.hints) < 3:
                problems.append("the hint ladder needs at least 3 steps")
        try:
            verify_reference(item, judge)
        except RunNotAllowed:
            raise  # nothing can be checked: the user has to allow it, or install a sandbox
        except CloudInterviewError as exc:
            problems.append(str(exc))
    return ItemCheck(item.slug, tuple(problems))


def validate_items(items: Sequence[BankItem], judge: CodeRunner, strict_counts: bool = True, workers: int = 2,
                   progress: Callable[[ItemCheck], None] | None = None) -> list[ItemCheck]:
    """Checks run on a small thread pool: each judge run is a subprocess, so threads overlap them."""
    results: list[ItemCheck] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for check in pool.map(lambda item: check_item(item, judge, strict_counts), items):
            results.append(check)
            if progress is not None:
                progress(check)
    return results
