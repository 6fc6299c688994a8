"""What a timeline entry holds, shown when it is clicked: the answer, the message, the hint, or the code that ran."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from cloudinterview_desktop.domain.session import EventKind, InterviewSession, Role, TimelineEvent


def event_details_html(session: InterviewSession, event: TimelineEvent) -> str:
    index = event.question_index
    where = "" if index is None else QCoreApplication.translate(
        "TimelineDetails", " — question {number}: {title}").format(
        number=index + 1, title=html.escape(session.questions[index].title))
    parts = [f"<h3>{html.escape(event.kind.value.replace('_', ' ').capitalize())}{where}</h3>",
             f"<p>{event.at:%Y-%m-%d %H:%M:%S}</p>"]
    payload = event.payload
    if event.kind is EventKind.CODE_RUN:
        parts.append(QCoreApplication.translate(
            "TimelineDetails", "<p>{mode} in {language}: <b>{verdict}</b>, {passed}/{total} tests, {time} ms</p>"
        ).format(
            mode=html.escape(str(payload.get("mode"))), language=html.escape(str(payload.get("language"))),
            verdict=html.escape(str(payload.get("verdict"))), passed=payload.get("passed"), total=payload.get("total"),
            time=payload.get("time_ms")))
        parts.append(f"<pre>{html.escape(str(payload.get('code', '')))}</pre>")
    elif event.kind is EventKind.ANSWER_SUBMITTED:
        answers = [a for a in session.answers if a.question_index == index and a.submitted_at == event.at]
        for answer in answers:
            if answer.text:
                parts.append(f"<p>{html.escape(answer.text).replace(chr(10), '<br>')}</p>")
            if answer.code:
                parts.append(f"<pre>{html.escape(answer.code)}</pre>")
            if answer.audio_path:
                parts.append(QCoreApplication.translate("TimelineDetails", "<p>Recording: {path}</p>").format(
                    path=html.escape(answer.audio_path)))
        if "delivery" in payload:
            d = payload["delivery"]
            parts.append(QCoreApplication.translate(
                "TimelineDetails", "<p>Spoken: {pace} words per minute, {fillers} filler words, talk time {talk} s</p>"
            ).format(pace=d.get("words_per_minute"), fillers=d.get("filler_count"), talk=d.get("talk_time_s")))
    elif event.kind in (EventKind.HINT, EventKind.MESSAGE, EventKind.QUESTION_ASKED, EventKind.SESSION_STARTED):
        purposes = {EventKind.HINT: {"hint"}}.get(event.kind)
        for message in session.ai_responses:
            if message.created_at == event.at and message.question_index in (index, None) and (
                    purposes is None or message.purpose in purposes):
                who = (QCoreApplication.translate("TimelineDetails", "Interviewer") if message.role is Role.INTERVIEWER
                       else QCoreApplication.translate("TimelineDetails", "You"))
                parts.append(f"<p><b>{who}</b> ({html.escape(message.purpose)}): "
                             f"{html.escape(message.content).replace(chr(10), '<br>')}</p>")
        if event.kind is EventKind.HINT:
            parts.append(QCoreApplication.translate("TimelineDetails", "<p>Hint level {level} ({source})</p>").format(
                level=payload.get("level"), source=html.escape(str(payload.get("source")))))
    else:
        parts.append("".join(f"<p>{html.escape(str(k))}: {html.escape(str(v))}</p>" for k, v in payload.items()))
    return "".join(parts)


class TimelineDetails(QDialog):
    def __init__(self, session: InterviewSession, event: TimelineEvent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Timeline entry"))
        self.resize(640, 480)
        self.view = QTextBrowser()
        self.view.setHtml(event_details_html(session, event))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
