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


def test_every_item_authors_one_follow_up_per_gap_and_each_keeps_the_contract(tmp_path: Path) -> None:
    import json
    import shutil

    import pytest

    from cloudinterview_desktop.bank.build import load_bank
    from cloudinterview_desktop.domain.errors import ProblemFormatError

    for item, _ in load_bank(BANK):
        for tag, text in item.gap_follow_ups.items():
            assert text.count("?") == 1 and text.rstrip().endswith("?"), (item.slug, tag)
            assert "`" not in text and not text.lower().startswith("interviewer"), (item.slug, tag)
    broken = tmp_path / "bank"
    shutil.copytree(BANK, broken)
    path = broken / "behavioral" / "acted-on-feedback.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    del raw["gap_follow_ups"]["result"]
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ProblemFormatError, match=r"acted-on-feedback\.json: gap_follow_ups .*\(missing result\)"):
        load_bank(broken)


def test_every_item_authors_the_words_its_answers_are_measured_by(tmp_path: Path) -> None:
    import json
    import shutil

    import pytest

    from cloudinterview_desktop.bank.build import load_bank
    from cloudinterview_desktop.domain.errors import ProblemFormatError
    from cloudinterview_desktop.domain.problems import BehavioralQuestion, TheoryQuestion

    for item, _ in load_bank(BANK):
        if isinstance(item, TheoryQuestion):
            assert len(item.key_point_cues) == len(item.key_points), item.slug
            assert len(item.misconceptions) >= 3, item.slug
        if isinstance(item, BehavioralQuestion):
            assert len(set(item.topic_words)) >= 15, item.slug
    broken = tmp_path / "bank"
    shutil.copytree(BANK, broken)
    theory = broken / "theory" / "acid-properties.json"
    raw = json.loads(theory.read_text(encoding="utf-8"))
    raw["key_point_cues"][2] = ["isolation level"]
    theory.write_text(json.dumps(raw), encoding="utf-8")
    story = broken / "behavioral" / "acted-on-feedback.json"
    raw = json.loads(story.read_text(encoding="utf-8"))
    del raw["topic_words"]
    story.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ProblemFormatError) as refused:
        load_bank(broken)
    assert "acid-properties.json: key_point_cues needs at least 3 cues for key point(s) 3" in str(refused.value)
    assert "acted-on-feedback.json: topic_words needs at least 15 words (0 given)" in str(refused.value)
