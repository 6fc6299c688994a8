"""The GUI thread's stalls while the model generates, the judge runs and speech is transcribed.

A 5 ms timer measures how late each of its ticks fires (event-loop lateness) in the real window, with the real
embedded model, judge and Whisper; the same probe on an idle window is the floor measured in the same run. A frozen
event loop yields a single late tick however long it froze, so percentiles of ticks hide freezes: the figures are the
longest stall and the number of stalls over 50 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui_latency.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import record

from cloudinterview_desktop.app import build_core
from cloudinterview_desktop.domain.problems import CodingProblem
from cloudinterview_desktop.domain.session import Mode, SessionConfig
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.engine.voice_engine import VoiceEngine
from cloudinterview_desktop.ui import editor_lsp
from cloudinterview_desktop.ui.launcher import freeze_startup_heap
from cloudinterview_desktop.ui.main_window import MainWindow
from cloudinterview_desktop.voice.speech_to_text import SpeechToText
from cloudinterview_desktop.voice.wav_file_source import WavFileSource

INTERVAL_MS = 5
STALL_MS = 50.0


class LatenessProbe:
    def __init__(self) -> None:
        self.samples: list[float] = []
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.samples = []
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> list[float]:
        self._timer.stop()
        return self.samples

    def _tick(self) -> None:
        now = time.perf_counter()
        self.samples.append(max(0.0, (now - self._last) * 1000 - INTERVAL_MS))
        self._last = now


def pump_until(app: QApplication, done: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the step did not finish in time")
        app.processEvents()
        time.sleep(0.001)


def stalls(samples: list[float]) -> int:
    return sum(1 for s in samples if s > STALL_MS)


def speech_wav(folder: Path) -> Path:
    if not (shutil.which("espeak-ng") and shutil.which("sox")):
        raise SystemExit("this benchmark speaks with espeak-ng and sox (apt-get install -y espeak-ng sox)")
    raw, wav = folder / "raw.wav", folder / "answer.wav"
    subprocess.run(["espeak-ng", "-w", str(raw), "I would use a hash map and a breadth first search over the "
                    "graph, which runs in linear time."], check=True, capture_output=True)
    subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(wav), "pad", "0.3", "1.5"],
                   check=True, capture_output=True)
    return wav


def main() -> None:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as home:
        core = build_core(Path(home), use_model=True)
        editor_lsp.install(editor_lsp.LanguageServer(enabled=False))
        stt = SpeechToText()
        stt.warm_up()  # as the voice loader does at start-up when there is a microphone
        wav = speech_wav(Path(home))
        engine = SessionEngine(core.service, core.bank_service)
        voice = VoiceEngine(stt, lambda: WavFileSource(wav, realtime=True), core.paths.recordings_dir)
        window = MainWindow(engine, core.settings)
        window.voice.attach(voice, None)
        window.resize(1300, 850)
        window.show()
        QTimer.singleShot(0, freeze_startup_heap)  # as the launcher does once the window is shown
        probe = LatenessProbe()
        results: dict[str, list[float]] = {}

        def measure(name: str, action: Callable[[], None], done: Callable[[], bool], timeout: float = 300) -> None:
            probe.start()
            action()
            pump_until(app, done, timeout)
            results[name] = probe.stop()

        # The baseline waits for the background warm-up (model, editor) to finish: then the window is idle.
        pump_until(app, lambda: window.interview.coding.editor.is_ready and not window._pending, 180)
        measure("idle window (baseline)", lambda: None, lambda: len(probe.samples) >= 600)
        config = SessionConfig(mode=Mode.TECHNICAL, question_count=2, coding_count=1, job_type="backend")
        measure("model: greeting and first question", lambda: window.start_interview(config),
                lambda: window.session is not None and window.session.current_question is not None
                and window.session.current_question.asked_at is not None and not window._pending)
        coding = window.interview.coding
        pump_until(app, lambda: coding.editor.is_ready, 120)
        assert window.session is not None
        problem = core.bank.get(window.session.questions[0].item_slug)
        assert isinstance(problem, CodingProblem) and problem.solution is not None
        coding.load_code(problem.solution.python, "python")
        measure("judge: submit against the hidden tests", coding.request_submit,
                lambda: "Hidden tests" in coding.tests.summary.text())
        measure("model: a chat reply", lambda: window.interview.chat_sent.emit("Can the input be empty?"),
                lambda: not window._pending)
        mic = window.interview.mic

        def speak() -> None:
            mic.hands_free.setChecked(True)
            mic.record_button.pressed.emit()

        measure("whisper: a spoken answer, hands-free", speak,
                lambda: not mic.recording and window.interview.chat_input.text() != "")
        window.close()
        voice.shutdown()
        core.close()

    print(f"event-loop lateness of a {INTERVAL_MS} ms timer on the GUI thread (ms):")
    for name, samples in results.items():
        print(f"  {name:45} ticks {len(samples):5}  max {max(samples or [0]):7.1f}  over {STALL_MS:g} ms "
              f"{stalls(samples):3}  worst five {', '.join(f'{v:.0f}' for v in sorted(samples)[-5:])}")
    busy = {name: samples for name, samples in results.items() if "baseline" not in name}
    baseline = results["idle window (baseline)"]
    longest = [max(samples or [0.0]) for samples in busy.values()]
    record("UI: longest GUI-thread stall while busy (model, judge, Whisper)", max(longest), max(baseline or [0.0]),
           "ms", f"<= {STALL_MS:g} ms", runs=longest, digits=1,
           note="floor: the idle window; spread: the longest stall of each busy phase")
    count = sum(stalls(samples) for samples in busy.values())
    record(f"UI: stalls over {STALL_MS:g} ms while busy", float(count), float(stalls(baseline)), "stalls", "<= 0",
           runs=[float(stalls(samples)) for samples in busy.values()], digits=0,
           note="floor: the idle window; spread: the count in each busy phase")


if __name__ == "__main__":
    main()
