"""The feedback page's text, in the order people read it: a summary card (overall, hire band or why not, what went
well, what to practise next with links to problems), then one card per question (verdict, tests, complexity, the
answer's own words), then the rubric table (a widget below), and last "How this was scored". Everything that comes
from the session is escaped."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from cloudinterview_desktop.report.content import ReportInput
from cloudinterview_desktop.report.text import clean

PRACTISE_SCHEME = "practise"  # <a href="practise:SLUG">: the page asks the window for a short interview on it
TOP = 3
CARD = ("<table width='100%' cellpadding='10' cellspacing='0' style='border: 1px solid palette(mid); "
        "margin-bottom: 10px'><tr><td>{}</td></tr></table>")


def _e(value: Any) -> str:
    return escape(clean(str(value)))


def _level(score: Any) -> str:
    return f" ({float(score):.1f}/4)" if isinstance(score, int | float) else ""


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>" if items else ""


def _overall_line(data: ReportInput) -> str:
    overall = data.overall
    score, band = overall.get("score"), overall.get("hire_band")
    figure = (f"{score:.0f} / 100" if isinstance(score, int | float)
              else QCoreApplication.translate("FeedbackView", "not scored"))
    band_text = (QCoreApplication.translate("FeedbackView", "Hire band: <b>{band}</b>").format(band=_e(band)) if band
                 else QCoreApplication.translate("FeedbackView", "No hire band: {reason}").format(
                     reason=_e(overall.get("hire_band_reason")
                               or QCoreApplication.translate("FeedbackView", "not enough was scored"))))
    return QCoreApplication.translate("FeedbackView", "<h2>Overall {figure}</h2>").format(figure=figure) + (
        f"<p>{band_text}</p>")


def _strengths(data: ReportInput) -> str:
    strengths = (data.overall.get("strengths") or [])[:TOP]
    items = [f"<b>{_e(s.get('dimension', ''))}</b>{_level(s.get('score'))}"
             + (f": {_e((s.get('evidence') or [''])[0])}" if s.get("evidence") else "") for s in strengths]
    return QCoreApplication.translate("FeedbackView", "<h3>Strengths: what went well</h3>") + (
        _list(items) or QCoreApplication.translate("FeedbackView",
                                                   "<p>Nothing reached a strong level with evidence yet.</p>"))


def _practise(data: ReportInput) -> str:
    improvements = (data.overall.get("improvements") or [])[:TOP]
    items = []
    for item in improvements:
        line = f"<b>{_e(item.get('dimension', ''))}</b>{_level(item.get('score'))}"
        steps = item.get("next_steps") or []
        if steps:
            line += f": {_e(steps[0])}"
        links = [f"<a href='{PRACTISE_SCHEME}:{_e(r['slug'])}'>{_e(r['title'])}</a> ({_e(r['difficulty'])})"
                 for r in (item.get("recommended") or [])[:TOP] if r.get("slug")]
        if links:
            line += QCoreApplication.translate("FeedbackView", "<br>Practise: {links}").format(links=", ".join(links))
        items.append(line)
    return QCoreApplication.translate("FeedbackView", "<h3>Improvements: what to practise next</h3>") + (
        _list(items) or QCoreApplication.translate("FeedbackView", "<p>No dimension scored low with evidence.</p>"))


def _question_card(data: ReportInput, index: int) -> str:
    question = data.session.questions[index]
    rubric = data.rubric(index)
    status = str(rubric.get("status", "not asked")).replace("_", " ")
    score = rubric.get("score")
    head = (QCoreApplication.translate("FeedbackView", "<h3>Q{number} · {title}</h3>").format(
        number=index + 1, title=_e(question.title))
            + f"<p><i>{_e(question.kind)}</i> · {_e(status)}"
            f"{f' · {score:.0f} / 100' if isinstance(score, int | float) else ''}</p>")
    facts = []
    if rubric.get("tests"):
        facts.append(QCoreApplication.translate(
            "FeedbackView", "Verdict: <b>{verdict}</b>, hidden tests {tests}").format(
            verdict=_e(str(rubric.get("verdict") or "-").replace("_", " ")), tests=_e(rubric["tests"])))
    elif question.kind == "coding":
        correctness = (rubric.get("dimensions") or {}).get("correctness") or {}
        for evidence in correctness.get("evidence") or []:
            text = evidence.get("text") if isinstance(evidence, dict) else evidence
            if text:
                facts.append(QCoreApplication.translate("FeedbackView", "Correctness: {evidence}").format(
                    evidence=_e(text)))
                break
    complexity = (rubric.get("dimensions") or {}).get("complexity") or {}
    for evidence in complexity.get("evidence") or []:
        text = evidence.get("text") if isinstance(evidence, dict) else evidence
        if text:
            facts.append(QCoreApplication.translate("FeedbackView", "Complexity: {evidence}").format(evidence=_e(text)))
            break
    if rubric.get("missed"):
        facts.append(QCoreApplication.translate("FeedbackView", "Key points missed: {points}").format(
            points="; ".join(_e(p) for p in rubric["missed"])))
    star = rubric.get("star") or {}
    for part, found in star.items():
        if isinstance(found, dict):
            said = (f"\u201c{_e(found['quote'])}\u201d" if found.get("present") and found.get("quote")
                    else QCoreApplication.translate("FeedbackView", "missing"))
            facts.append(f"{_e(part.capitalize())}: {said}")
    quotes: list[str] = []
    for name, dimension in (rubric.get("dimensions") or {}).items():
        if name in ("star_structure", "ownership") or not isinstance(dimension, dict):
            continue  # behavioral answers are quoted part by part above
        for evidence in dimension.get("evidence") or []:
            if isinstance(evidence, dict) and evidence.get("type") == "quote" and evidence.get("text"):
                quote = f"\u201c{_e(evidence['text'])}\u201d"
                if quote not in quotes:
                    quotes.append(quote)
    body = _list(facts) + (QCoreApplication.translate("FeedbackView", "<p><b>In your words:</b> {quotes}</p>").format(
        quotes=" ".join(quotes[:TOP])) if quotes else "")
    return CARD.format(head + body)


def _how_scored(data: ReportInput) -> str:
    overall = data.overall
    parts = [QCoreApplication.translate("FeedbackView", "<h2>How this was scored</h2>"),
             f"<p>{_e(overall.get('basis', ''))}</p>"]
    if overall.get("hire_band_reason"):
        parts.append(QCoreApplication.translate("FeedbackView", "<p>Hire band: {reason}</p>").format(
            reason=_e(overall["hire_band_reason"])))
    parts.append(QCoreApplication.translate("FeedbackView", "<p><i>{label} Feedback {origin}.</i></p>").format(
        label=_e(data.feedback.get("label", "")), origin=_e(data.origin)))
    return "".join(parts)


def _delivery(data: ReportInput) -> str:
    delivery = data.overall.get("delivery")
    if not delivery:
        return ""
    return QCoreApplication.translate(
        "FeedbackView", "<h3>Delivery</h3><p>{answers} spoken answer(s), {pace} words per minute, {fillers} filler "
        "words, {pauses} long pause(s). <i>{note}</i></p>").format(
        answers=delivery["answers"], pace=delivery.get("words_per_minute") or "-", fillers=delivery["fillers"],
        pauses=delivery["long_pauses"], note=_e(delivery.get("note", "")))


def summary_html(data: ReportInput) -> str:
    """The part above the rubric table: the summary card and the per-question cards."""
    stored = ("" if data.session.feedback is not None else
              QCoreApplication.translate("FeedbackView", "<p><i>Feedback {origin}.</i></p>").format(
                  origin=_e(data.origin)))
    card = CARD.format(_overall_line(data) + stored + _strengths(data) + _practise(data) + _delivery(data))
    questions = "".join(_question_card(data, q.index) for q in data.session.questions)
    return (QCoreApplication.translate("FeedbackView", "<h1>Interview feedback</h1>") + card
            + QCoreApplication.translate("FeedbackView", "<h2>Question by question</h2>") + questions)


def scoring_html(data: ReportInput) -> str:
    """The part below the rubric table."""
    return _how_scored(data)


def feedback_html(data: ReportInput) -> str:
    return summary_html(data) + scoring_html(data)
