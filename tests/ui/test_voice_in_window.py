"""A spoken answer through the real window: the microphone is a WAV file of real speech (we have no sound card),
Whisper transcribes it, the text lands in the answer box, and the saved answer keeps the recording and the delivery
observations. The interviewer's words go to the speaker, which stops when the person starts talking."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.domain.session import EventKind, Mode, SessionConfig
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.engine.voice_engine import VoiceEngine
from cloudinterview_desktop.ui.main_window import MainWindow
from cloudinterview_desktop.voice.speech_player import SpeechPlayer
from cloudinterview_desktop.voice.speech_to_text import SpeechToText
from cloudinterview_desktop.voice.text_to_speech import TextToSpeech
from cloudinterview_desktop.voice.wav_file_source import WavFileSource
from tests.voice.fakes import CollectingSink
from tests.voice.helpers import SpeechMaker, padded_speech

ANSWER = "I owned the database migration and I cut the error rate by forty percent."


def test_spoken_answer_through_the_window(qtbot: QtBot, core: AppCore, stt: SpeechToText, tts: TextToSpeech,
                                          say: SpeechMaker, speech_dir: Path) -> None:
    wav = padded_speech(say, ANSWER, speech_dir, before_s=0.5, after_s=2.0)
    engine = SessionEngine(core.service, core.bank_service)
    voice = VoiceEngine(stt, lambda: WavFileSource(wav, realtime=False), core.paths.recordings_dir)
    sink = CollectingSink()
    player = SpeechPlayer(tts, sink)
    window = MainWindow(engine, core.settings, use_monaco=False)
    qtbot.addWidget(window)
    window.voice.attach(voice, player)
    window.show()
    try:
        window.start_interview(SessionConfig(mode=Mode.BEHAVIORAL, question_count=1))
        qtbot.waitUntil(lambda: window.session is not None and window.session.current_question is not None
                        and window.session.current_question.asked_at is not None, timeout=30_000)
        qtbot.waitUntil(lambda: sink.audio.size > 0, timeout=30_000)  # the greeting is being spoken

        mic = window.interview.mic
        assert mic.record_button.isEnabled()
        mic.hands_free.setChecked(True)
        mic.record_button.pressed.emit()
        assert sink.aborts  # barge-in: the speaker was cut when the person started talking
        qtbot.waitUntil(lambda: not player.speaking, timeout=500)
        qtbot.waitUntil(lambda: "migration" in window.interview.answer_box.toPlainText().lower(), timeout=60_000)
        assert not mic.recording
        window.interview.submit_button.click()
        qtbot.waitUntil(lambda: window.session is not None and len(window.session.answers) == 1, timeout=30_000)
        assert window.session is not None
        answer = window.session.answers[0]
        assert "migration" in answer.text.lower()
        assert answer.audio_path and Path(answer.audio_path).exists()
        assert Path(answer.audio_path).is_relative_to(core.paths.recordings_dir / window.session.id)
        submitted = next(e for e in window.session.timeline if e.kind is EventKind.ANSWER_SUBMITTED)
        assert submitted.payload["delivery"]["words_per_minute"] > 0
    finally:
        window.close()
        voice.shutdown()
        player.close()


def test_without_a_speech_model_the_microphone_says_why(qtbot: QtBot, core: AppCore) -> None:
    engine = SessionEngine(core.service, core.bank_service)
    window = MainWindow(engine, core.settings, use_monaco=False)
    qtbot.addWidget(window)
    window.voice.attach(None, None, "no microphone was found")
    assert not window.interview.mic.record_button.isEnabled()
    assert "no microphone was found" in window.interview.mic.partial.text()
    assert "Typing works" in window.interview.mic.partial.text()
    window.close()
