from __future__ import annotations

import json

import pytest

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.domain.errors import ProblemFormatError
from tests.bank.test_import import user_problem, user_theory


def test_list_search_and_show(core: AppCore) -> None:
    service = core.bank_service
    assert len(service.list_items(kind="behavioral")) >= 100
    hits = service.list_items(text="linked list reverse")
    assert any(r.slug == "reverse-linked-list" for r in hits)
    details = service.item("two-sum")
    assert not details.editable and "Two Sum" in details.prompt and details.raw["slug"] == "two-sum"


def test_add_edit_delete_a_user_item(core: AppCore) -> None:
    service = core.bank_service
    item = user_theory("team-api-design")
    assert service.save_item(json.dumps(item), replace=False) == "team-api-design"
    assert service.item("team-api-design").editable
    item["title"] = "Designing a team's API"
    service.save_item(json.dumps(item), replace=True)
    assert service.item("team-api-design").row.title == "Designing a team's API"
    service.delete_item("team-api-design")
    assert not core.bank.contains("team-api-design")


def test_a_coding_item_is_checked_by_its_reference_before_it_is_saved(core: AppCore) -> None:
    service = core.bank_service
    broken = user_problem("my-pair-sum")
    broken["tests"][0]["output"] = [9, 9]
    with pytest.raises(ProblemFormatError, match="wrong_answer"):
        service.save_item(json.dumps(broken), replace=False)
    assert not core.bank.contains("my-pair-sum")
    assert service.save_item(json.dumps(user_problem("my-pair-sum")), replace=False) == "my-pair-sum"


def test_built_in_items_cannot_be_deleted(core: AppCore) -> None:
    with pytest.raises(ProblemFormatError, match="built-in"):
        core.bank_service.delete_item("two-sum")
