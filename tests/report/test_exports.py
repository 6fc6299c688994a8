"""PDF, Markdown and JSON reports of sessions made through the real service: read back with a PDF reader, a page
rendered to PNG with pdftoppm, hostile content in every format, and the same stored session giving the same file."""

from __future__ import annotations

import dataclasses
import io
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.domain.session import InterviewSession
from cloudinterview_desktop.report.content import ReportInput, prepare
from cloudinterview_desktop.report.export import ReportError, format_for, render, write_report
from cloudinterview_desktop.report.pdf_export import TEXT_LIMIT
from cloudinterview_desktop.report.pdf_fonts import load_fonts
from cloudinterview_desktop.service.session_service import SessionService
from tests.report.sessions import (
    HOSTILE,
    abandoned_session,
    behavioral_session,
    items_of,
    rubric_service,
    technical_session,
)

MAKERS: dict[str, Callable[[AppCore, SessionService], InterviewSession]] = {
    "technical": technical_session, "behavioral": behavioral_session, "abandoned": abandoned_session}


def report_input(core: AppCore, session: InterviewSession) -> ReportInput:
    stored = core.sessions.get(session.id)  # what a report reads: the session as stored
    return prepare(stored, core.sessions.summaries(), items_of(core, stored), core.bank)


def pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def page_png(pdf_path: Path, page: int, out: Path) -> Path:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed (apt-get install poppler-utils)")
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf_path),
                    str(out)], check=True, timeout=60)
    return out.with_suffix(".png")


def ink(png: Path) -> float:
    """The share of pixels that are not white."""
    from PIL import Image

    with Image.open(png) as image:
        grey = image.convert("L")
        histogram = grey.histogram()
    return 1 - sum(histogram[250:]) / sum(histogram)


@pytest.mark.parametrize("kind", ["technical", "behavioral", "abandoned"])
def test_a_report_in_three_formats(core: AppCore, tmp_path: Path, kind: str) -> None:
    session = MAKERS[kind](core, rubric_service(core))
    data = report_input(core, session)
    paths = {fmt: write_report(data, tmp_path / f"report.{fmt}") for fmt in ("pdf", "md", "json")}
    pages, text = pdf_text(paths["pdf"].read_bytes())
    # Cover, scores, a page per question, the transcript.
    assert pages >= 3 + len(session.questions)
    assert "Interview feedback report" in text and f"session {session.id[:8]}" in text
    overall = data.overall
    if overall["score"] is None:
        assert "not scored" in text
    else:
        assert f"{overall['score']:.0f} / 100" in text
    for question in session.questions:
        assert f"Q{question.index + 1}. {question.title}" in text
        rubric = data.rubric(question.index)
        if rubric.get("score") is not None:
            assert f"score {rubric['score']:.0f}/100" in text
    for dim in data.dimensions.values():
        assert dim["label"] in text
        if dim["score"] is not None:
            assert f"{dim['score']:.1f} / 4" in text
    markdown = paths["md"].read_text(encoding="utf-8")
    report = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert report["session"]["sessionId"] == session.id
    assert report["feedback"]["overall"]["score"] == overall["score"]
    for question in session.questions:
        assert question.title in markdown
    if kind == "technical":
        assert "submit: accepted" in text and "Runs and submissions" in text
        assert "```python" in markdown
        assert report["feedback_origin"].startswith("computed when the session ended")
    if kind == "behavioral":
        assert "Delivery (spoken answers)" in text and "190 words per minute" in text
    if kind == "abandoned":
        assert session.feedback is None
        assert "abandoned" in text and "no feedback was stored" in text
        assert report["feedback_origin"].startswith("no feedback was stored")
    cover = page_png(paths["pdf"], 1, tmp_path / "cover")
    question_page = page_png(paths["pdf"], pages - 1, tmp_path / "question")
    for png in (cover, question_page):
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5_000
        assert ink(png) > 0.01  # text and charts were drawn, not a blank page


def test_hostile_answers_render_in_every_format(core: AppCore, tmp_path: Path) -> None:
    long_answer = ("I would shard the table by tenant. " * 3000)[:100_000]
    assert len(long_answer) == 100_000
    session = behavioral_session(core, rubric_service(core), answers=[HOSTILE, long_answer], spoken=False)
    data = report_input(core, session)
    pdf = render(data, "pdf")
    _pages, text = pdf_text(pdf)
    # Markup is shown as text, not interpreted; control characters are gone; the long answer is cut with a note.
    assert "<script>alert('x')</script>" in text and "<b>bold</b> &amp;" in text
    assert "\x00" not in text and "\x1b" not in text
    assert f"{100_000 - TEXT_LIMIT:,}" not in text  # cut at a word break, so the count is a little more
    assert "more characters are not shown in the PDF" in text
    fonts = load_fonts()
    if any(0x4E2D in fonts.coverage[name] for name in fonts.fallbacks):
        assert "中文回答" in text
    assert "Renée" in text
    assert "שלום" in text or "םולש" in text  # the reader may give right-to-left text in either order
    markdown = render(data, "md").decode("utf-8")
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown
    assert "\x00" not in markdown and "\x1b" not in markdown
    assert "\\*not bold\\*" in markdown and "\\# not a heading" in markdown and "1\\. not a list" in markdown
    # Markdown keeps it all, in the answer and again in the transcript.
    assert markdown.count("shard the table") == 2 * long_answer.count("shard the table")
    report = json.loads(render(data, "json"))
    answers = [a["text"] for a in report["session"]["answers"]]
    assert answers == [HOSTILE, long_answer]  # JSON keeps the exact text, control characters escaped


def test_lone_surrogates_and_rtl_only_text_render(core: AppCore) -> None:
    """A lone surrogate cannot reach the database, but exports must survive one from anywhere (a JSON import)."""
    session = behavioral_session(core, rubric_service(core), spoken=False)
    stored = core.sessions.get(session.id)
    odd = "broken \ud800 surrogate; " + "مرحبا بالعالم، هذا جواب طويل جدا " * 40 + "\u202eoverride\u202c"
    changed = dataclasses.replace(stored, answers=tuple(dataclasses.replace(a, text=odd) for a in stored.answers))
    data = prepare(changed, (), items_of(core, changed), core.bank)
    for fmt in ("pdf", "md", "json"):
        content = render(data, fmt)
        assert content
        if fmt != "pdf":
            assert "\ud800" not in content.decode("utf-8") and "\ufffd" in content.decode("utf-8")
    _pages, text = pdf_text(render(data, "pdf"))
    assert "broken" in text and "surrogate" in text


def test_the_same_stored_session_gives_the_same_bytes(core: AppCore) -> None:
    session = technical_session(core, rubric_service(core))
    first = {fmt: render(report_input(core, session), fmt) for fmt in ("pdf", "md", "json")}
    later = {fmt: render(report_input(core, session), fmt) for fmt in ("pdf", "md", "json")}
    assert first == later
    reader = PdfReader(io.BytesIO(first["pdf"]))
    ended = core.sessions.get(session.id).ended_at
    assert reader.metadata is not None
    assert str(reader.metadata["/CreationDate"]) == f"D:{ended:%Y%m%d%H%M%S}"  # the session's time, not the export's
    assert session.id in str(reader.metadata["/Subject"])


def test_earlier_sessions_feed_the_progress_section(core: AppCore) -> None:
    service = rubric_service(core)
    earlier = behavioral_session(core, service, spoken=False)
    later = technical_session(core, service)
    data = report_input(core, later)
    assert [s.id for s in data.earlier] == [earlier.id]
    assert report_input(core, earlier).earlier == ()  # a later session never changes an earlier report
    markdown = render(data, "md").decode("utf-8")
    assert "(this session)" in markdown and f"{earlier.created_at:%Y-%m-%d %H:%M} | behavioral" in markdown


def test_a_report_without_the_bank_items_still_scores_from_the_timeline(core: AppCore) -> None:
    """The GUI has no bank at hand, and a user's own item may be deleted: the measured rubric needs neither."""
    session = abandoned_session(core, rubric_service(core))
    data = prepare(core.sessions.get(session.id))
    correctness = data.rubric(0)["dimensions"]["correctness"]
    assert correctness["score"] == 1 and correctness["evidence"][0]["text"] == "not submitted to the hidden tests"
    assert data.rubric(0)["dimensions"]["complexity"]["status"] == "not_evaluated"
    assert "bank item is not available" in data.rubric(0)["dimensions"]["complexity"]["reason"]
    assert render(data, "pdf").startswith(b"%PDF")


def test_formats_follow_the_file_name() -> None:
    assert [format_for(Path(n)) for n in ("a.pdf", "b.MD", "c.markdown", "d.json")] == ["pdf", "md", "md", "json"]
    assert format_for(Path("notes.txt"), "md") == "md"
    with pytest.raises(ReportError, match="cannot tell the report format"):
        format_for(Path("notes.txt"))
    with pytest.raises(ReportError, match="unknown report format"):
        format_for(Path("a.pdf"), "docx")


def test_the_pdf_reads_in_the_feedback_page_order(core: AppCore, tmp_path: Path) -> None:
    session = MAKERS["technical"](core, rubric_service(core))
    data = report_input(core, session)
    _pages, text = pdf_text(write_report(data, tmp_path / "report.pdf").read_bytes())
    order = [text.index(heading) for heading in (
        "Interview feedback report", "Strengths", "Improvements", f"Q1. {session.questions[0].title}",
        "Scores by dimension (rubric)", "How this was scored", "Appendix: transcript")]
    assert order == sorted(order)
    assert f"Score: {data.overall['basis'][:40]}" in text  # the arithmetic sits under its own heading


def test_the_window_offers_exactly_the_registered_formats(qtbot: QtBot) -> None:
    from cloudinterview_desktop.report.export import REPORT_FORMATS
    from cloudinterview_desktop.ui.summary_page import SummaryPage

    page = SummaryPage()
    qtbot.addWidget(page)
    assert list(page.export_buttons) == [f.key for f in REPORT_FORMATS] == ["pdf", "md", "json"]
    assert page.export_buttons["md"].text() == "Export Markdown…"
    assert page._filter("md") == "Markdown files (*.md *.markdown)"
