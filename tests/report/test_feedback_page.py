"""The feedback page: the rubric table with evidence, the narrative, and exports written off the GUI thread."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QSplitter
from pytestqt.qtbot import QtBot

from cloudinterview_desktop.ai.services.model_feedback import ModelFeedbackBuilder
from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.ui.summary_page import SummaryPage
from tests.report.scripted import ScriptedEvaluator
from tests.report.sessions import abandoned_session, behavioral_session, rubric_service, technical_session


def _page(qtbot: QtBot, chosen: list[str]) -> SummaryPage:
    """A page whose save dialog answers with the next path in `chosen`."""
    page = SummaryPage(choose_path=lambda _parent, _caption, _suggested, _filter: chosen.pop(0))
    qtbot.addWidget(page)
    return page


def test_the_page_shows_the_rubric_with_evidence_and_the_band(qtbot: QtBot, core: AppCore) -> None:
    base = ModelFeedbackBuilder(ScriptedEvaluator())
    session = behavioral_session(core, rubric_service(core, base))
    page = _page(qtbot, [])
    page.show_session(session)
    model = page.rubric_model
    rows = {model.index(r, 0).data(): [model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())}
    assert set(rows) == {"STAR(R) structure", "Ownership"}
    star = rows["STAR(R) structure"]
    assert star[1].startswith("2.5 / 4") and star[2] == "model" and "situation:" in star[3]
    assert "How it is computed" in model.index(0, 0).data(0x03)  # the mapping as the tooltip
    text = page.view.toPlainText()
    assert "Interview feedback" in text and "Strengths" in text and "Improvements" in text
    assert session.feedback is not None
    band = session.feedback.payload["overall"]["hire_band"]
    assert band and f"hire band: {band}" in page.headline.text()


def test_exports_run_in_the_background_and_report_the_file(qtbot: QtBot, core: AppCore, tmp_path: Path) -> None:
    session = technical_session(core, rubric_service(core))
    chosen = [str(tmp_path / "feedback"), str(tmp_path / "feedback.md"), ""]
    page = _page(qtbot, chosen)
    page.set_history(core.sessions.summaries())
    page.show_session(session)
    with (qtbot.waitSignal(page.export_finished, timeout=30_000) as done,
          qtbot.waitSignal(page.export_requested, timeout=1_000) as requested):
        page.export_buttons["pdf"].click()
    assert requested.args == ["pdf", str(tmp_path / "feedback.pdf")]  # the extension is added when missing
    assert done.args == [str(tmp_path / "feedback.pdf")]
    assert (tmp_path / "feedback.pdf").read_bytes().startswith(b"%PDF")
    assert "Saved" in page.status.text() and page.export_buttons["pdf"].isEnabled()
    with qtbot.waitSignal(page.export_finished, timeout=30_000):
        page.export_buttons["md"].click()
    assert (tmp_path / "feedback.md").read_text(encoding="utf-8").startswith("# Interview feedback report")
    with qtbot.assertNotEmitted(page.export_requested):
        page.export_buttons["json"].click()  # the dialog was cancelled: nothing is written


def test_a_failed_export_says_why(qtbot: QtBot, core: AppCore, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    page = _page(qtbot, [str(blocker / "report.json")])
    page.show_session(abandoned_session(core, rubric_service(core)))
    with qtbot.waitSignal(page.export_failed, timeout=30_000) as failed:
        page.export_buttons["json"].click()
    assert "could not save the report" in failed.args[0]
    assert "The export failed" in page.status.text() and page.export_buttons["json"].isEnabled()


def test_an_abandoned_session_without_feedback_is_shown_from_its_measurements(qtbot: QtBot, core: AppCore,
                                                                               tmp_path: Path) -> None:
    session = abandoned_session(core, rubric_service(core))
    assert session.feedback is None
    page = _page(qtbot, [str(tmp_path / "r.json")])
    page.show_session(session)
    assert "not given" in page.headline.text()
    assert "no feedback was stored" in page.view.toPlainText()
    with qtbot.waitSignal(page.export_finished, timeout=30_000):
        page.export_buttons["json"].click()
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["session"]["status"] == "abandoned"


def test_the_main_window_opens_a_past_session_on_the_feedback_page(qtbot: QtBot, core: AppCore) -> None:
    """SummaryPage keeps the API main_window uses: a finished session opened from history lands on it."""
    from cloudinterview_desktop.engine.session_engine import SessionEngine
    from cloudinterview_desktop.ui.main_window import MainWindow

    session = technical_session(core, rubric_service(core))
    window = MainWindow(SessionEngine(core.service), core.settings, use_monaco=False)
    qtbot.addWidget(window)
    window.history.open_requested.emit(session.id)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.summary, timeout=20_000)
    assert session.feedback is not None
    assert window.summary.rubric_model.rowCount() == len(session.feedback.payload["dimensions"])
    assert "Interview feedback" in window.summary.view.toPlainText()
    window.close()


def test_the_page_reads_summary_first_then_questions_then_rubric_and_links_to_practice(qtbot: QtBot,
                                                                                         core: AppCore) -> None:
    from cloudinterview_desktop.domain.session import Mode, SessionConfig

    service = rubric_service(core)
    session = service.create_session(SessionConfig(mode=Mode.TECHNICAL, question_count=1, coding_count=1), seed=5)
    session = service.start_session(session.id).session
    service.submit_code(session.id, "class Solution:\n    pass\n", "python")  # a wrong submission
    session = service.end_session(session.id).session
    page = _page(qtbot, [])
    page.show_session(session)
    text = page.view.toPlainText()
    order = [text.index(words) for words in ("Overall", "Strengths: what went well",
                                             "Improvements: what to practise next", "Question by question",
                                             f"Q1 · {session.questions[0].title}")]
    assert order == sorted(order)
    assert "How this was scored" not in text and not page.scoring.isVisible()
    splitter = page.view.parentWidget()
    assert isinstance(splitter, QSplitter)
    assert splitter.indexOf(page.view) < splitter.indexOf(page.rubric)  # the table comes after the cards
    page.show()
    page.scoring_toggle.click()
    assert page.scoring.isVisible() and "weighted mean" in page.scoring.text()
    html = page.view.toHtml()
    assert session.feedback is not None
    recommended = [r for item in session.feedback.payload["overall"]["improvements"]
                   for r in item.get("recommended") or []]
    assert recommended, "a failed coding question recommends problems to practise"
    assert f"practise:{recommended[0]['slug']}" in html
    with qtbot.waitSignal(page.practise_requested) as clicked:
        page.view.anchorClicked.emit(QUrl(f"practise:{recommended[0]['slug']}"))
    assert clicked.args == [recommended[0]["slug"], "coding"]
