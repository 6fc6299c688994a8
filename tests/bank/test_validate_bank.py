"""`problems validate` over the whole bank: every file matches the schema and every reference solution passes its
examples and hidden tests in the real judge."""

from __future__ import annotations

import pytest

from cloudinterview_desktop.app import LazyJudge
from cloudinterview_desktop.bank.build import load_bank
from cloudinterview_desktop.bank.validation import validate_items
from tests.conftest import REPO


@pytest.mark.slow
def test_every_bank_item_validates_through_the_judge() -> None:
    items = [item for item, _ in load_bank(REPO / "resources" / "bank")]
    checks = validate_items(items, LazyJudge(), strict_counts=True)
    failures = {c.slug: c.problems for c in checks if not c.ok}
    assert not failures
    assert len(checks) == len(items) >= 370
