"""Home shows where the person stands: a welcome on the first run, then the last sessions, the trend and the
weakest area, whose "Practise this" starts a short interview on it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.domain.session import Mode, SessionConfig, SessionStatus
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.ui.main_window import MainWindow

WEAK = "We fixed it."
STRONG = ("Situation: our checkout failed 3% of payments. Task: I owned the fix. Action: I traced the retries, I "
          "wrote an idempotency key and I rolled it out behind a flag. Result: failures fell to 0.2% in a week. "
          "I learned to measure before changing anything.")


def _finished(core: AppCore, answer: str, seed: int) -> None:
    service = core.service
    # the question the strong answer answers ("a bug you shipped"), so that only the answers differ
    session = service.create_session(SessionConfig(mode=Mode.BEHAVIORAL, question_count=1), seed=seed,
                                     problems=("bug-you-shipped",))
    service.start_session(session.id)
    service.submit_answer(session.id, answer)
    service.end_session(session.id)


def _window(qtbot: QtBot, core: AppCore) -> tuple[MainWindow, SessionEngine]:
    engine = SessionEngine(core.service)
    window = MainWindow(engine, core.settings, use_monaco=False)
    qtbot.addWidget(window)
    window.show()
    return window, engine


def test_the_first_run_welcomes_and_says_everything_stays_here(qtbot: QtBot, core: AppCore) -> None:
    window, engine = _window(qtbot, core)
    home = window.home
    qtbot.waitUntil(lambda: "Welcome" in home.welcome.text.text(), timeout=10_000)
    assert home.welcome.isVisible() and not home.progress.isVisible()
    assert "stays on this computer" in home.welcome.text.text()
    # Once the interviewer is ready, the welcome and the interview's header say who interviews, in plain words.
    qtbot.waitUntil(lambda: "Interviewer: the question bank (no language model)" in home.welcome.text.text(),
                    timeout=20_000)
    assert window.interview.interviewer_label.text() == "Interviewer: the question bank (no language model)"
    window.close()
    engine.shutdown()


def test_history_shows_scores_trend_and_the_weakest_area_to_practise(qtbot: QtBot, core: AppCore) -> None:
    _finished(core, WEAK, 1)
    _finished(core, STRONG, 2)
    window, engine = _window(qtbot, core)
    home = window.home
    qtbot.waitUntil(lambda: home.progress.isVisible(), timeout=10_000)
    assert not home.welcome.isVisible()
    scores = [s.overall_score for s in core.sessions.summaries()]
    text = home.progress.recent.text()
    assert all(f"<b>{score:.0f}</b> / 100" in text for score in scores)
    assert scores[0] is not None and scores[1] is not None
    assert f"<b>+{scores[0] - scores[1]:.0f}</b> points" in text  # newest first: the strong answer came last
    assert "Weakest lately: " in home.progress.weak.text()
    spot = home.progress._weakest
    assert spot is not None and spot.mode is Mode.BEHAVIORAL
    home.progress.practise_button.click()
    qtbot.waitUntil(lambda: window.session is not None and window.session.status is SessionStatus.IN_PROGRESS,
                    timeout=20_000)
    assert window.session is not None
    assert window.session.config.mode is Mode.BEHAVIORAL
    assert len(window.session.questions) == spot.question_count
    window.close()
    engine.shutdown()


def test_the_resume_card_offers_an_interrupted_interview_and_resumes_it(qtbot: QtBot, core: AppCore) -> None:
    service = core.service
    session = service.create_session(SessionConfig(mode=Mode.BEHAVIORAL, question_count=2), seed=8)
    service.start_session(session.id)
    service.submit_answer(session.id, "I led the migration and cut the error rate by half.")
    service.next_question(session.id)
    core.leases.release(session.id)  # the process that ran it is gone, as after a crash
    window, engine = _window(qtbot, core)
    home = window.home
    qtbot.waitUntil(lambda: home.resume_list.count() == 1, timeout=10_000)
    assert home.resume_box.isVisible()
    item = home.resume_list.item(0)
    assert "question 2 of 2" in item.text() and item.data(256) == session.id
    home.resume_list.setCurrentRow(0)
    home.resume_button.click()
    qtbot.waitUntil(lambda: window.session is not None and window.pages.currentWidget() is window.interview,
                    timeout=20_000)
    assert window.session is not None
    assert window.session.id == session.id and window.session.current_question_index == 1
    assert "Question 2 of 2" in window.interview.progress_label.text()
    window.close()
    engine.shutdown()


def test_the_mode_picker_lists_the_registered_modes(qtbot: QtBot) -> None:
    from cloudinterview_desktop.domain.modes import ModeSpec, register_mode, unregister_mode
    from cloudinterview_desktop.ui.home_page import HomePage

    register_mode(ModeSpec(key="theory-only", display_name="Theory only", kinds=("theory",)))
    try:
        home = HomePage()
        qtbot.addWidget(home)
        picker = home.mode
        assert [picker.itemData(n) for n in range(picker.count())] == ["technical", "behavioral", "theory-only"]
        assert [picker.itemText(n) for n in range(picker.count())] == [
            "Technical (coding + theory)", "Behavioral", "Theory only"]
        home.set_defaults("theory-only", "backend", "senior", "hard", "tutor", 30)
        assert home.config().mode is Mode("theory-only")
    finally:
        unregister_mode("theory-only")
