"""The tests panel: a judge report's verdict, each test's result, and for visible tests input, expected and actual."""

from __future__ import annotations

import difflib
import html
import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QProgressBar,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cloudinterview_desktop.domain.judging import JudgeReport, TestResult, Verdict

VERDICT_TEXT = {
    Verdict.ACCEPTED: "Accepted", Verdict.WRONG_ANSWER: "Wrong answer",
    Verdict.TIME_LIMIT_EXCEEDED: "Time limit exceeded", Verdict.MEMORY_LIMIT_EXCEEDED: "Memory limit exceeded",
    Verdict.OUTPUT_LIMIT_EXCEEDED: "Output limit exceeded", Verdict.RUNTIME_ERROR: "Runtime error",
    Verdict.COMPILE_ERROR: "Compile error", Verdict.INTERNAL_ERROR: "Internal error", Verdict.SKIPPED: "Not run",
}
VERDICT_COLOUR = {Verdict.ACCEPTED: "#1e8449", Verdict.SKIPPED: "#7f8c8d"}


def _value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def diff_html(expected: Any, actual: Any) -> str:
    """A character-level diff of the two JSON texts: what is missing in red, what is extra in green."""
    want, got = _value(expected), _value(actual)
    out = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, want, got).get_opcodes():
        if op == "equal":
            out.append(html.escape(want[a1:a2]))
            continue
        if a2 > a1:
            missing = html.escape(want[a1:a2])
            out.append(f"<span style='background:#f5b7b1;text-decoration:line-through'>{missing}</span>")
        if b2 > b1:
            out.append(f"<span style='background:#abebc6'>{html.escape(got[b1:b2])}</span>")
    return "".join(out)


def test_details_html(test: TestResult) -> str:
    if test.hidden:
        return f"<p>Hidden test {test.index + 1}: {VERDICT_TEXT[test.verdict]}. Its input is not shown.</p>"
    parts = [f"<h4>Test {test.index + 1}: {VERDICT_TEXT[test.verdict]} ({test.time_ms:.0f} ms)</h4>"]
    if test.input is not None:
        args = ", ".join(f"{k} = {_value(v)}" for k, v in test.input.items())
        parts.append(f"<p><b>Input</b><br><code>{html.escape(args)}</code></p>")
    parts.append(f"<p><b>Expected</b><br><code>{html.escape(_value(test.expected))}</code></p>")
    parts.append(f"<p><b>Your output</b><br><code>{html.escape(_value(test.actual))}</code></p>")
    if test.verdict is Verdict.WRONG_ANSWER:
        parts.append(f"<p><b>Difference</b><br><code>{diff_html(test.expected, test.actual)}</code></p>")
    for label, text in (("Message", test.message), ("stdout", test.stdout), ("stderr", test.stderr)):
        if text:
            parts.append(f"<p><b>{label}</b></p><pre>{html.escape(text)}</pre>")
    return "".join(parts)


class TestsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel("Run your code on the examples, or submit it against the hidden tests.")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Test", "Result", "Time"])
        self.table.setAccessibleName("Test results")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.details = QTextBrowser()
        self.details.setAccessibleName("Test details")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(splitter, 1)
        self._report: JudgeReport | None = None
        self.table.currentCellChanged.connect(lambda row, *_: self._show_test(row))

    def start(self, label: str) -> None:
        self.summary.setText(label)
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.progress.setVisible(True)

    def set_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def show_report(self, report: JudgeReport) -> None:
        self._report = report
        self.progress.setVisible(False)
        colour = VERDICT_COLOUR.get(report.verdict, "#c0392b")
        what = "Examples" if report.mode.value == "run" else "Hidden tests"
        text = (f"<b style='color:{colour}'>{VERDICT_TEXT[report.verdict]}</b> — {what}: {report.passed}/"
                f"{report.total} passed · {report.time_ms:.0f} ms · {report.memory_kb / 1024:.1f} MB")
        if report.message:
            text += f"<br><pre>{html.escape(report.message[:2000])}</pre>"
        self.summary.setText(text)
        self.table.setRowCount(len(report.tests))
        for row, test in enumerate(report.tests):
            label = f"{'hidden ' if test.hidden else ''}#{test.index + 1}"
            for col, value in enumerate((label, VERDICT_TEXT[test.verdict], f"{test.time_ms:.0f} ms")):
                self.table.setItem(row, col, QTableWidgetItem(value))
        first_failed = next((i for i, t in enumerate(report.tests) if t.verdict is not Verdict.ACCEPTED), 0)
        if report.tests:
            self.table.setCurrentCell(first_failed, 0)
            self._show_test(first_failed)
        else:
            self.details.clear()

    def show_error(self, message: str) -> None:
        self.progress.setVisible(False)
        self.summary.setText(f"<b style='color:#c0392b'>Could not run the code</b>: {html.escape(message)}")

    def _show_test(self, row: int) -> None:
        if self._report is None or not 0 <= row < len(self._report.tests):
            return
        self.details.setHtml(test_details_html(self._report.tests[row]))
