from __future__ import annotations

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.bank.selection import plan, select_slugs
from cloudinterview_desktop.domain.session import Mode, SessionConfig


def test_technical_mode_asks_coding_first_then_theory() -> None:
    slots = plan(SessionConfig(mode=Mode.TECHNICAL, question_count=5, coding_count=2))
    assert [(s.kind, s.count) for s in slots] == [("coding", 2), ("theory", 3)]
    product = plan(SessionConfig(mode=Mode.TECHNICAL, job_type="product", question_count=4))
    assert [(s.kind, s.count) for s in product] == [("theory", 4)]


def test_selection_is_deterministic_for_a_seed(core: AppCore) -> None:
    config = SessionConfig(mode=Mode.TECHNICAL, job_type="backend", question_count=4)
    catalogs = core.bank.catalogs
    assert select_slugs(catalogs, config, set(), 9) == select_slugs(catalogs, config, set(), 9)
    kinds = [core.bank.get(s).kind.value for s in select_slugs(catalogs, config, set(), 9)]
    assert kinds == ["coding", "coding", "theory", "theory"]


def test_job_description_steers_the_choice(core: AppCore) -> None:
    config = SessionConfig(mode=Mode.TECHNICAL, job_type="backend", question_count=3, coding_count=0,
                           job_description="We run PostgreSQL with heavy SQL indexing and transactions.")
    chosen = [core.bank.get(s) for s in select_slugs(core.bank.catalogs, config, set(), 1)]
    text = " ".join(" ".join(item.topics) + " " + item.title.lower() for item in chosen)
    assert any(word in text for word in ("sql", "index", "transaction", "database"))


def test_exhausted_pool_repeats_rather_than_failing(core: AppCore) -> None:
    config = SessionConfig(mode=Mode.BEHAVIORAL, question_count=2, seniority="intern")
    everything = {row.slug for row in core.bank.rows(kind="behavioral")}
    chosen = select_slugs(core.bank.catalogs, config, everything, 3)
    assert len(chosen) == 2
