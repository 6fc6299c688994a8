"""The tests panel: a judge report's verdict, each test's result, and for visible tests input, expected and actual."""

from __future__ import annotations

import difflib
import html
import json
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
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
from cloudinterview_desktop.ui.i18n import QT_TRANSLATE_NOOP

VERDICT_TEXT = {
    Verdict.ACCEPTED: QT_TRANSLATE_NOOP("TestsPanel", "Accepted"),
    Verdict.WRONG_ANSWER: QT_TRANSLATE_NOOP("TestsPanel", "Wrong answer"),
    Verdict.TIME_LIMIT_EXCEEDED: QT_TRANSLATE_NOOP("TestsPanel", "Time limit exceeded"),
    Verdict.MEMORY_LIMIT_EXCEEDED: QT_TRANSLATE_NOOP("TestsPanel", "Memory limit exceeded"),
    Verdict.OUTPUT_LIMIT_EXCEEDED: QT_TRANSLATE_NOOP("TestsPanel", "Output limit exceeded"),
    Verdict.RUNTIME_ERROR: QT_TRANSLATE_NOOP("TestsPanel", "Runtime error"),
    Verdict.COMPILE_ERROR: QT_TRANSLATE_NOOP("TestsPanel", "Compile error"),
    Verdict.INTERNAL_ERROR: QT_TRANSLATE_NOOP("TestsPanel", "Internal error"),
    Verdict.SKIPPED: QT_TRANSLATE_NOOP("TestsPanel", "Not run"),
}
VERDICT_COLOUR = {Verdict.ACCEPTED: "#1e8449", Verdict.SKIPPED: "#7f8c8d"}


def verdict_text(verdict: Verdict) -> str:
    return QCoreApplication.translate("TestsPanel", VERDICT_TEXT[verdict])


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
        return QCoreApplication.translate(
            "TestsPanel", "<p>Hidden test {number}: {verdict}. Its input is not shown.</p>").format(
            number=test.index + 1, verdict=verdict_text(test.verdict))
    parts = [QCoreApplication.translate("TestsPanel", "<h4>Test {number}: {verdict} ({time:.0f} ms)</h4>").format(
        number=test.index + 1, verdict=verdict_text(test.verdict), time=test.time_ms)]
    if test.input is not None:
        args = ", ".join(f"{k} = {_value(v)}" for k, v in test.input.items())
        parts.append(QCoreApplication.translate("TestsPanel", "<p><b>Input</b><br><code>{input}</code></p>").format(
            input=html.escape(args)))
    parts.append(QCoreApplication.translate("TestsPanel", "<p><b>Expected</b><br><code>{value}</code></p>").format(
        value=html.escape(_value(test.expected))))
    parts.append(QCoreApplication.translate("TestsPanel", "<p><b>Your output</b><br><code>{value}</code></p>").format(
        value=html.escape(_value(test.actual))))
    if test.verdict is Verdict.WRONG_ANSWER:
        parts.append(QCoreApplication.translate("TestsPanel", "<p><b>Difference</b><br><code>{diff}</code></p>")
                     .format(diff=diff_html(test.expected, test.actual)))
    for label, text in ((QCoreApplication.translate("TestsPanel", "Message"), test.message),
                        ("stdout", test.stdout), ("stderr", test.stderr)):
        if text:
            parts.append(f"<p><b>{label}</b></p><pre>{html.escape(text)}</pre>")
    return "".join(parts)


class TestsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self.tr("Run your code on the examples, or submit it against the hidden tests."))
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Test"), self.tr("Result"), self.tr("Time")])
        self.table.setAccessibleName(self.tr("Test results"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Test details"))
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
        what = self.tr("Examples") if report.mode.value == "run" else self.tr("Hidden tests")
        text = self.tr("<b style='color:{colour}'>{verdict}</b> — {what}: {passed}/{total} passed · {time:.0f} ms · "
                       "{memory:.1f} MB").format(colour=colour, verdict=verdict_text(report.verdict), what=what,
                                                 passed=report.passed, total=report.total, time=report.time_ms,
                                                 memory=report.memory_kb / 1024)
        if report.message:
            text += f"<br><pre>{html.escape(report.message[:2000])}</pre>"
        self.summary.setText(text)
        self.table.setRowCount(len(report.tests))
        for row, test in enumerate(report.tests):
            label = (self.tr("hidden #{number}") if test.hidden else self.tr("#{number}")).format(number=test.index + 1)
            time = self.tr("{time:.0f} ms").format(time=test.time_ms)
            for col, value in enumerate((label, verdict_text(test.verdict), time)):
                self.table.setItem(row, col, QTableWidgetItem(value))
        first_failed = next((i for i, t in enumerate(report.tests) if t.verdict is not Verdict.ACCEPTED), 0)
        if report.tests:
            self.table.setCurrentCell(first_failed, 0)
            self._show_test(first_failed)
        else:
            self.details.clear()

    def show_error(self, message: str) -> None:
        self.progress.setVisible(False)
        self.summary.setText(self.tr("<b style='color:#c0392b'>Could not run the code</b>: {error}").format(
            error=html.escape(message)))

    def _show_test(self, row: int) -> None:
        if self._report is None or not 0 <= row < len(self._report.tests):
            return
        self.details.setHtml(test_details_html(self._report.tests[row]))
