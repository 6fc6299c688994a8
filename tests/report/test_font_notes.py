"""A missing font is mentioned only when the report holds characters that need it, and then in the log and to the
caller, never inside the user's PDF. The fonts are this machine's real ones, with some left out to play a machine
that lacks them."""

from __future__ import annotations

import dataclasses
import logging

import pytest

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.report.pdf_export import render_pdf_with_font_notes
from cloudinterview_desktop.report.pdf_fonts import FontSet, load_fonts
from tests.report.sessions import behavioral_session, rubric_service
from tests.report.test_exports import pdf_text, report_input

HANGUL = 0xD55C  # 한
HAN = 0x4E2D  # 中
THUMBS_UP = 0x1F44D  # not in DejaVu Sans, unlike some other emoji
KOREAN_ANSWER = "Situation: 한국어로 답합니다. Task: I owned the migration. Result: errors fell by 40%."


def without(fonts: FontSet, *codes: int) -> FontSet:
    """The same fonts less every one that draws any of `codes`."""
    keep = {name: cover for name, cover in fonts.coverage.items() if not any(code in cover for code in codes)}
    if fonts.sans not in keep:
        pytest.skip("the main report font itself draws these characters")
    return dataclasses.replace(fonts, coverage=keep, fallbacks=tuple(f for f in fonts.fallbacks if f in keep))


@pytest.fixture
def fonts() -> FontSet:
    loaded = load_fonts()
    if not loaded.embedded:
        pytest.skip("no TrueType font on this machine (install fonts-dejavu-core)")
    return loaded


def test_notes_name_only_the_kinds_of_characters_present(fonts: FontSet) -> None:
    bare = without(fonts, HANGUL, HAN, THUMBS_UP)
    assert bare.missing_notes("Plain English, Renée, naïve café: 40% — “quotes”") == []
    korean = bare.missing_notes("답합니다")
    assert len(korean) == 1 and "Hangul" in korean[0] and "fonts-nanum" in korean[0]
    chinese = bare.missing_notes("中文")
    assert len(chinese) == 1 and "CJK" in chinese[0]
    assert len(bare.missing_notes("👍")) == 1 and "emoji" in bare.missing_notes("👍")[0]
    assert len(bare.missing_notes("中文 한국어 👍")) == 3
    # Invisible joiners and selectors are dropped before drawing: they need no font.
    assert bare.missing_notes("a\u200db\ufe0f") == []


def test_without_truetype_only_text_beyond_latin1_gets_the_note() -> None:
    standard = FontSet("Helvetica", "Helvetica-Bold", "Courier", embedded=False)
    assert standard.missing_notes("Renée paid £5") == []
    (note,) = standard.missing_notes("Renée — 中")
    assert "fonts-dejavu-core" in note


def test_an_english_report_carries_no_font_note_even_on_a_machine_without_hangul(
        core: AppCore, fonts: FontSet, caplog: pytest.LogCaptureFixture) -> None:
    session = behavioral_session(core, rubric_service(core), spoken=False)
    with caplog.at_level(logging.WARNING):
        pdf, notes = render_pdf_with_font_notes(report_input(core, session), without(fonts, HANGUL, HAN))
    assert notes == []
    _pages, text = pdf_text(pdf)
    assert "Situation: our release was late" in text  # the report itself is all there
    assert "Fonts:" not in text
    assert "fonts-nanum" not in text and "Hangul" not in text and "No TrueType" not in text
    assert not [r for r in caplog.records if "font" in r.getMessage().lower()]


def test_a_korean_answer_without_a_hangul_font_is_logged_not_printed(
        core: AppCore, fonts: FontSet, caplog: pytest.LogCaptureFixture) -> None:
    session = behavioral_session(core, rubric_service(core), answers=[KOREAN_ANSWER, "I mentored a new engineer."],
                                 spoken=False)
    with caplog.at_level(logging.WARNING, logger="cloudinterview_desktop.report.pdf_export"):
        pdf, notes = render_pdf_with_font_notes(report_input(core, session), without(fonts, HANGUL))
    assert len(notes) == 1 and "Hangul" in notes[0]
    _pages, text = pdf_text(pdf)
    assert "I owned the migration" in text
    assert "fonts-nanum" not in text and "Hangul" not in text
    logged = [r.getMessage() for r in caplog.records]
    assert any(session.id in m and "Hangul" in m for m in logged), logged


def test_with_the_machines_fonts_a_korean_report_needs_no_note(core: AppCore, fonts: FontSet) -> None:
    if not any(HANGUL in fonts.coverage[name] for name in fonts.fallbacks):
        pytest.skip("no TrueType Hangul font on this machine (install fonts-nanum)")
    session = behavioral_session(core, rubric_service(core), answers=[KOREAN_ANSWER, "Fine."], spoken=False)
    pdf, notes = render_pdf_with_font_notes(report_input(core, session))
    assert notes == []
    assert "한국어로" in pdf_text(pdf)[1].replace(" ", "") or "한국어로" in pdf_text(pdf)[1]
