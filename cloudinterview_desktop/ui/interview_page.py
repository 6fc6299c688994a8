"""The interview page: the question, the answer box, the conversation, the timeline, a countdown and the controls."""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta

import markdown
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cloudinterview_desktop.domain.session import AIResponse, InterviewSession, Role, TimelineEvent
from cloudinterview_desktop.ui import shortcuts as keys
from cloudinterview_desktop.ui.coding_panel import CodingPanel
from cloudinterview_desktop.ui.i18n import QT_TRANSLATE_NOOP
from cloudinterview_desktop.ui.mic_widget import MicWidget
from cloudinterview_desktop.ui.timeline_details import TimelineDetails

EVENT_LABELS = {
    "session_started": QT_TRANSLATE_NOOP("Timeline", "Interview started"),
    "question_asked": QT_TRANSLATE_NOOP("Timeline", "Question asked"),
    "answer_submitted": QT_TRANSLATE_NOOP("Timeline", "Answer saved"),
    "message": QT_TRANSLATE_NOOP("Timeline", "Message"), "hint": QT_TRANSLATE_NOOP("Timeline", "Hint"),
    "code_run": QT_TRANSLATE_NOOP("Timeline", "Code run"), "evaluation": QT_TRANSLATE_NOOP("Timeline", "Evaluation"),
    "feedback": QT_TRANSLATE_NOOP("Timeline", "Feedback"), "status_changed": QT_TRANSLATE_NOOP("Timeline", "Status"),
}


def describe_event(event: TimelineEvent) -> str:
    kind = event.kind.value
    label = QCoreApplication.translate("Timeline", EVENT_LABELS[kind]) if kind in EVENT_LABELS else kind
    where = ("" if event.question_index is None else
             QCoreApplication.translate("Timeline", " · Q{number}").format(number=event.question_index + 1))
    detail = ""
    if event.kind.value == "hint":
        detail = QCoreApplication.translate("Timeline", " (level {level})").format(level=event.payload.get("level"))
    elif event.kind.value == "code_run":
        detail = (f" {event.payload.get('mode')}: {event.payload.get('verdict')} "
                  f"{event.payload.get('passed')}/{event.payload.get('total')}")
    return f"{event.at:%H:%M:%S}  {label}{where}{detail}"


_CODE = re.compile(r"(<code[^>]*>)(.*?)(</code>)", re.DOTALL)


def message_markdown_html(text: str) -> str:
    """A message's Markdown as HTML. The text is escaped first, so markup in it shows as text and never renders;
    Markdown's own syntax (emphasis, lists, code) has no `<` or `&` and survives the escaping. Markdown escapes
    code once more, which is undone inside code only."""
    rendered = markdown.markdown(html.escape(text, quote=False), extensions=["fenced_code", "nl2br"])
    return _CODE.sub(lambda m: m.group(1) + html.unescape(m.group(2)) + m.group(3), rendered)


class InterviewPage(QWidget):
    answer_submitted = Signal(str)
    chat_sent = Signal(str)
    hint_requested = Signal()
    next_requested = Signal()
    end_requested = Signal()
    stop_requested = Signal()

    def __init__(self, use_monaco: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.coding = CodingPanel(use_monaco=use_monaco)
        self.mic = MicWidget()
        self.answer_stack = QStackedWidget()
        self.progress_label = QLabel()
        self.timer_label = QLabel()
        self.interviewer_label = QLabel("")  # who interviews: the model and where it runs, or the question bank
        self.interviewer_label.setAccessibleName(self.tr("Interviewer"))
        self.interviewer_label.setEnabled(False)  # a quiet, secondary line
        self.timer_label.setAccessibleName(self.tr("Time left"))
        self.question_view = QTextBrowser()
        self.question_view.setAccessibleName(self.tr("Question"))
        self.answer_box = QPlainTextEdit()
        self.answer_box.setPlaceholderText(self.tr("Your answer (Ctrl+Enter to submit)"))
        self.answer_box.setAccessibleName(self.tr("Answer"))
        self.submit_button = QPushButton(self.tr("Submit answer"))
        self.hint_button = QPushButton(self.tr("Hint"))
        hint_keys = keys.sequence(keys.HINT).toString(QKeySequence.SequenceFormat.NativeText)
        self.hint_button.setToolTip(
            self.tr("Ask for a hint ({keys}); in interviewer style hints cost score").format(keys=hint_keys))
        self.next_button = QPushButton(self.tr("Next question"))
        self.next_button.setToolTip(self.tr("Move on to the next question (Ctrl+Shift+N)"))
        self.end_button = QPushButton(self.tr("End interview"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setVisible(False)
        self.conversation = QTextBrowser()
        self.conversation.setAccessibleName(self.tr("Conversation with the interviewer"))
        self.chat_input = QLineEdit()
        self.chat_input.setPlaceholderText(self.tr("Ask the interviewer (Enter to send)"))
        self.chat_input.setAccessibleName(self.tr("Message to the interviewer"))
        self.timeline = QListWidget()
        self.timeline.setAccessibleName(self.tr("Timeline"))
        self._deadline: datetime | None = None
        self._can_advance = True
        self._session: InterviewSession | None = None
        self._streaming = ""
        self._history_html = ""
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._build()
        self._connect()

    def _build(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.progress_label)
        header.addStretch(1)
        header.addWidget(self.interviewer_label)
        header.addWidget(self.timer_label)
        controls = QHBoxLayout()
        for button in (self.hint_button, self.next_button, self.end_button):
            controls.addWidget(button)
        controls.addStretch(1)
        controls.addWidget(self.stop_button)
        text_answer = QWidget()
        text_layout = QVBoxLayout(text_answer)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.addWidget(self.answer_box, 1)
        submit_row = QHBoxLayout()
        submit_row.addStretch(1)
        submit_row.addWidget(self.submit_button)
        text_layout.addLayout(submit_row)
        self.answer_stack.addWidget(text_answer)
        self.answer_stack.addWidget(self.coding)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.question_view)
        left.addWidget(self.answer_stack)
        left.setStretchFactor(0, 2)
        left.setStretchFactor(1, 3)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("Interviewer")))
        right_layout.addWidget(self.conversation, 3)
        right_layout.addWidget(self.chat_input)
        right_layout.addWidget(QLabel(self.tr("Timeline")))
        right_layout.addWidget(self.timeline, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.mic)
        layout.addLayout(controls)

    def _connect(self) -> None:
        self.submit_button.clicked.connect(self._submit)
        shortcuts = ((keys.SUBMIT, self._submit_current), (keys.RUN, self.coding.request_run),
                     (keys.HINT, self.hint_button.click), (keys.NEXT, self.next_button.click),
                     (keys.CHAT, self.chat_input.setFocus), (keys.MIC, self.mic.toggle))
        for key, slot in shortcuts:
            shortcut = QShortcut(keys.sequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.chat_input.returnPressed.connect(self._send_chat)
        self.hint_button.clicked.connect(self.hint_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.end_button.clicked.connect(self.end_requested)
        self.stop_button.clicked.connect(self.stop_requested)
        self._clock.timeout.connect(self._tick)
        self.timeline.itemActivated.connect(self._show_event)
        self.timeline.itemDoubleClicked.connect(self._show_event)

    def _submit(self) -> None:
        text = self.answer_box.toPlainText()
        if text.strip():
            self.answer_submitted.emit(text)

    def _show_event(self, item: QListWidgetItem) -> None:
        seq = item.data(Qt.ItemDataRole.UserRole)
        event = next((e for e in self._session.timeline if e.seq == seq), None) if self._session else None
        if event is not None and self._session is not None:
            TimelineDetails(self._session, event, self).exec()

    def _submit_current(self) -> None:
        if self.answer_stack.currentWidget() is self.coding:
            if self.coding.submit_button.isEnabled():
                self.coding.request_submit()
        elif self.submit_button.isEnabled():
            self._submit()

    def _send_chat(self) -> None:
        text = self.chat_input.text().strip()
        if text:
            self.chat_input.clear()
            self.chat_sent.emit(text)

    def _tick(self) -> None:
        if self._deadline is None:
            return
        left = int((self._deadline - datetime.now()).total_seconds())
        sign = "-" if left < 0 else ""
        minutes, seconds = divmod(abs(left), 60)
        self.timer_label.setText(self.tr("{sign}{minutes:02d}:{seconds:02d} left").format(
            sign=sign, minutes=minutes, seconds=seconds))
        warn = left < 300
        self.timer_label.setStyleSheet("color: #c0392b; font-weight: bold;" if warn else "")

    def show_session(self, session: InterviewSession) -> None:
        self._session = session
        question = session.current_question
        total = len(session.questions)
        if question is not None:
            self.progress_label.setText(
                self.tr("<b>Question {number} of {total}</b> · {kind} · {difficulty} · {topics}").format(
                    number=question.index + 1, total=total, kind=question.kind, difficulty=question.difficulty,
                    topics=", ".join(question.topics)))
            self.question_view.setMarkdown(question.prompt)
        self._can_advance = not session.is_last_question
        self.next_button.setEnabled(self._can_advance)
        coding = question is not None and question.kind == "coding"
        self.answer_stack.setCurrentIndex(1 if coding else 0)
        hints = session.hints_used(session.current_question_index)
        self.hint_button.setText(self.tr("Hint ({count} used)").format(count=hints) if hints else self.tr("Hint"))
        if session.started_at is not None:
            self._deadline = session.started_at + timedelta(minutes=session.config.duration_min)
            self._clock.start()
            self._tick()
        self._history_html = "".join(self._message_html(m) for m in session.ai_responses)
        self._streaming = ""
        self._render_conversation()
        self.timeline.clear()
        for event in session.timeline:
            item = QListWidgetItem(describe_event(event))
            item.setData(Qt.ItemDataRole.UserRole, event.seq)
            self.timeline.addItem(item)
        self.timeline.scrollToBottom()

    def set_interviewer(self, headline: str) -> None:
        self.interviewer_label.setText(headline)

    def clear_answer(self) -> None:
        self.answer_box.clear()

    def insert_spoken_text(self, text: str) -> None:
        """A transcript lands where the person would have typed: the answer box, or the chat for coding."""
        if self.answer_stack.currentIndex() == 1:
            self.chat_input.setText(text)
            self.chat_input.setFocus()
            return
        current = self.answer_box.toPlainText().rstrip()
        self.answer_box.setPlainText(f"{current}\n{text}" if current else text)
        self.answer_box.setFocus()

    @staticmethod
    def _message_html(message: AIResponse) -> str:
        who = (QCoreApplication.translate("InterviewPage", "Interviewer") if message.role is Role.INTERVIEWER
               else QCoreApplication.translate("InterviewPage", "You"))
        return f"<p><b>{who}</b> <small>{message.purpose}</small></p>{message_markdown_html(message.content)}"

    def _render_conversation(self) -> None:
        streaming = self._streaming.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>")
        tail = (self.tr("<p><b>Interviewer</b><br>{text}▌</p>").format(text=streaming) if self._streaming
                else "")
        self.conversation.setHtml(self._history_html + tail)
        bar = self.conversation.verticalScrollBar()
        bar.setValue(bar.maximum())

    def append_token(self, text: str) -> None:
        self._streaming += text
        self._render_conversation()

    def set_busy(self, busy: bool, cancellable: bool = False) -> None:
        for widget in (self.submit_button, self.hint_button, self.end_button, self.chat_input):
            widget.setEnabled(not busy)
        self.next_button.setEnabled(not busy and self._can_advance)
        self.stop_button.setVisible(busy and cancellable)

    def stop_clock(self) -> None:
        self._clock.stop()
