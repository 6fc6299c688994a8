"""The feedback page's text: score and how it was computed, hire band, strengths, improvements with next steps and
recommended problems, and a line per question, as HTML in which everything from the session is escaped."""

from __future__ import annotations

from html import escape
from typing import Any

from cloudinterview_desktop.report.content import ReportInput
from cloudinterview_desktop.report.text import clean


def _e(value: Any) -> str:
    return escape(clean(str(value)))


def _level(score: Any) -> str:
    return f" ({float(score):.1f}/4)" if isinstance(score, int | float) else ""


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>" if items else ""


def feedback_html(data: ReportInput) -> str:
    overall = data.overall
    score = overall.get("score")
    band = overall.get("hire_band")
    parts = ["<h1>Interview feedback</h1>",
             f"<p><b>Score:</b> {f'{score:.0f} / 100' if isinstance(score, int | float) else 'not scored'}"
             f" &mdash; {_e(overall.get('basis', ''))}</p>",
             f"<p><b>Hire band:</b> {_e(band) if band else 'not given'} &mdash; "
             f"{_e(overall.get('hire_band_reason', ''))}</p>",
             f"<p><i>{_e(data.feedback.get('label', ''))} Feedback {_e(data.origin)}.</i></p>",
             "<h2>Strengths</h2>"]
    strengths = overall.get("strengths") or []
    parts.append(_list([f"<b>{_e(s.get('dimension', ''))}</b>{_level(s.get('score'))}: "
                        + "; ".join(_e(e) for e in s.get("evidence", [])) for s in strengths])
                 or "<p>No dimension reached 3.5 of 4 with evidence.</p>")
    parts.append("<h2>Improvements</h2>")
    improvements = []
    for item in overall.get("improvements") or []:
        lines = [_e(e) for e in item.get("evidence", [])]
        lines += [f"Next: {_e(step)}" for step in item.get("next_steps", [])]
        lines += [f"Practise: {_e(r['title'])} ({_e(r['difficulty'])}, {_e(r['topic'])})"
                  for r in item.get("recommended") or []]
        if item.get("recommended_note"):
            lines.append(_e(item["recommended_note"]))
        improvements.append(f"<b>{_e(item.get('dimension', ''))}</b>{_level(item.get('score'))}{_list(lines)}")
    parts.append(_list(improvements) or "<p>No dimension scored 2.5 or lower with evidence.</p>")
    delivery = overall.get("delivery")
    if delivery:
        parts.append("<h2>Delivery</h2>")
        parts.append(f"<p>{delivery['answers']} spoken answer(s), {delivery.get('words_per_minute') or '-'} words per "
                     f"minute, {delivery['fillers']} filler words, {delivery['long_pauses']} long pause(s). "
                     f"<i>{_e(delivery.get('note', ''))}</i></p>")
    parts.append("<h2>Questions</h2>")
    rows = []
    for question in data.session.questions:
        rubric = data.rubric(question.index)
        q_score = rubric.get("score")
        line = (f"<b>Q{question.index + 1} {_e(question.title)}</b> ({_e(question.kind)}): "
                f"{_e(str(rubric.get('status', 'not asked')).replace('_', ' '))}, "
                f"{f'score {q_score:.0f}' if isinstance(q_score, int | float) else 'no score'}")
        if rubric.get("tests"):
            line += f"; hidden tests {_e(rubric['tests'])}, verdict {_e(rubric.get('verdict') or '-')}"
        if rubric.get("missed"):
            line += "; missed: " + "; ".join(_e(p) for p in rubric["missed"])
        rows.append(line)
    parts.append(_list(rows))
    return "".join(parts)
