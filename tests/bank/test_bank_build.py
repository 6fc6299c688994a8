from __future__ import annotations

from pathlib import Path

from cloudinterview_desktop.bank.build import build_bank, is_stale
from cloudinterview_desktop.bank.catalog import Catalog
from tests.conftest import REPO

BANK = REPO / "resources" / "bank"


def test_committed_problems_sqlite_is_up_to_date() -> None:
    assert not is_stale(BANK, REPO / "problems.sqlite"), (
        "problems.sqlite does not match resources/bank/: run `cloudinterview problems build`")


def test_bank_meets_the_content_targets() -> None:
    catalog = Catalog(REPO / "problems.sqlite", readonly=True)
    coding = catalog.rows(kind="coding")
    assert len(coding) >= 150
    assert len(catalog.rows(kind="theory")) >= 120
    assert len(catalog.rows(kind="behavioral")) >= 100
    topics = {t for row in coding for t in row.topics}
    assert len(topics) >= 15
    share = {d: sum(1 for r in coding if r.difficulty == d) / len(coding) for d in ("easy", "medium", "hard")}
    assert 0.3 <= share["easy"] <= 0.5 and 0.35 <= share["medium"] <= 0.55 and 0.1 <= share["hard"] <= 0.25
    for job in ("software", "frontend", "backend", "sre", "data_ml", "product", "analyst"):
        assert len(catalog.rows(kind="theory", job_type=job)) >= 10, job
    catalog.close()


def test_build_indexes_and_full_text_search(tmp_path: Path) -> None:
    result = build_bank(BANK, tmp_path / "bank.sqlite")
    assert result.counts["coding"] >= 1
    catalog = Catalog(result.path, readonly=True)
    hits = catalog.search("two sum target indices")
    assert hits and hits[0].slug == "two-sum"
    assert [r.slug for r in catalog.search("minimum stack")][:1] == ["min-stack"]
    catalog.close()
