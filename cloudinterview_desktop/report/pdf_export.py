"""The PDF report, laid out with ReportLab's platypus: cover, scores and charts, per-question pages, transcript.

ReportLab rather than Qt's PDF writer: it needs no QApplication (the CLI and the export worker stay Qt-free), its
tables split across pages and its charts are vector drawings, and in invariant mode with the dates taken from the
session the same stored session gives the same bytes. What Qt would do better (bidi and shaping through HarfBuzz,
OpenType CFF fonts) is covered by pdf_bidi and the TrueType fallbacks in pdf_fonts, within their documented limits."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table
from reportlab.platypus import TableStyle as RLTableStyle

from cloudinterview_desktop import __version__
from cloudinterview_desktop.report.content import TITLE, ReportInput
from cloudinterview_desktop.report.pdf_charts import ProgressPoint, dimension_chart, progress_chart
from cloudinterview_desktop.report.pdf_code import code_block
from cloudinterview_desktop.report.pdf_fonts import FontSet, load_fonts
from cloudinterview_desktop.report.pdf_markdown import markdown_flowables
from cloudinterview_desktop.report.pdf_text import markup, paragraphs
from cloudinterview_desktop.report.text import clip

log = logging.getLogger(__name__)

TEXT_LIMIT = 20_000  # characters of one answer or message in the PDF; the JSON and Markdown exports hold it all
CODE_LIMIT = 20_000
PROMPT_LIMIT = 6_000
HEAD = colors.HexColor("#1f3b63")
MUTED = "#666666"
RULE = colors.HexColor("#c8ccd2")


def _styles(fonts: FontSet) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=fonts.sans, fontSize=9.5, leading=12.5, spaceAfter=3,
                          bulletFontName=fonts.sans)
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontName=fonts.bold, fontSize=22, leading=27, textColor=HEAD,
                                spaceAfter=6),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=11, leading=14, textColor=colors.HexColor(MUTED),
                                   spaceAfter=14),
        "h1": ParagraphStyle("h1", parent=base, fontName=fonts.bold, fontSize=15, leading=19, textColor=HEAD,
                             spaceBefore=4, spaceAfter=8),
        "h2": ParagraphStyle("h2", parent=base, fontName=fonts.bold, fontSize=11.5, leading=15, textColor=HEAD,
                             spaceBefore=10, spaceAfter=4),
        "h3": ParagraphStyle("h3", parent=base, fontName=fonts.bold, fontSize=10, leading=13, spaceBefore=4,
                             spaceAfter=2),
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.2, spaceAfter=1),
        "muted": ParagraphStyle("muted", parent=base, fontSize=8, leading=10.2, textColor=colors.HexColor(MUTED)),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10.2, spaceAfter=0),
        "cellbold": ParagraphStyle("cellbold", parent=base, fontName=fonts.bold, fontSize=8, leading=10.2,
                                   spaceAfter=0),
        "quote": ParagraphStyle("quote", parent=base, leftIndent=10, textColor=colors.HexColor("#333333")),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=12, bulletIndent=2, spaceAfter=2),
        "big": ParagraphStyle("big", parent=base, fontName=fonts.bold, fontSize=26, leading=30, textColor=HEAD),
    }


def _table_style(header: bool = True) -> RLTableStyle:
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef1f5")),
                     ("LINEBELOW", (0, 0), (-1, 0), 0.8, HEAD)]
    return RLTableStyle(commands)


def _level(score: Any) -> str:
    if isinstance(score, int | float):
        return f"{float(score):.1f} / 4" if isinstance(score, float) else f"{score} / 4"
    return "not scored"


def _status_text(dim: dict[str, Any]) -> str:
    status = str(dim.get("status", ""))
    return {"not_observed": "not observed", "not_evaluated": "not evaluated"}.get(status, "not scored")


class _Story:
    """Builds the list of flowables; one instance per report."""

    def __init__(self, data: ReportInput, fonts: FontSet, width: float) -> None:
        self.data = data
        self.fonts = fonts
        self.width = width
        self.s = _styles(fonts)
        self.out: list[Any] = []

    # -- helpers -------------------------------------------------------------------------------------------------

    def text(self, text: str, style: str = "body", width: float | None = None, prefix: str = "") -> list[Any]:
        return paragraphs(text, self.s[style], self.fonts, width or self.width, prefix)

    def para(self, trusted_markup: str, style: str = "body") -> Paragraph:
        return Paragraph(trusted_markup, self.s[style])

    def m(self, text: str, style: str = "body") -> str:
        return markup(text, self.fonts, self.s[style].fontName)

    def bullets(self, lines: list[str], style: str = "bullet") -> None:
        for line in lines:
            flowables = self.text(line, style, self.width - 12)
            if flowables and isinstance(flowables[0], Paragraph):
                flowables[0].bulletText = "\u2022"
            self.out += flowables

    def clipped(self, text: str, limit: int, style: str = "body", width: float | None = None,
                prefix: str = "") -> list[Any]:
        shown, cut = clip(text, limit)
        flowables = self.text(shown, style, width, prefix)
        if cut:
            flowables.append(self.para(f"<i>\u2026 {cut:,} more characters are not shown in the PDF; the Markdown "
                                       "and JSON exports hold the full text.</i>", "muted"))
        return flowables

    def table(self, rows: list[list[Any]], widths: list[float], header: bool = True) -> Table:
        table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
        table.setStyle(_table_style(header))
        return table

    # -- sections ------------------------------------------------------------------------------------------------

    def build(self) -> list[Any]:
        """The order people read it in, as on the feedback page: the summary (score, band, strengths, what to
        practise), each question, the rubric and progress, then how it was scored, and the transcript."""
        self.cover()
        self.strengths_and_improvements()
        for question in self.data.session.questions:
            self.question(question.index)
        self.scores()
        self.progress()
        self.how_scored()
        self.transcript()
        return self.out

    def cover(self) -> None:
        data, overall = self.data, self.data.overall
        s = data.session
        self.out.append(self.para(TITLE, "title"))
        self.out.append(self.para(self.m(f"{s.config.mode.value.title()} interview \u00b7 {s.config.seniority} "
                                         f"{s.config.job_type.replace('_', ' ')} \u00b7 {s.created_at:%Y-%m-%d %H:%M}"),
                                  "subtitle"))
        score = overall.get("score")
        band = overall.get("hire_band")
        score_cell = [self.para("Overall score", "muted"),
                      self.para(f"{score:.0f}<font size=12> / 100</font>" if isinstance(score, int | float)
                                else "<font size=14>not scored</font>", "big")]
        band_cell = [self.para("Hire band", "muted"),
                     self.para(self.m(str(band)) if band else "<font size=14>not given</font>", "big")]
        box = Table([[score_cell, band_cell]], colWidths=[self.width / 2, self.width / 2])
        box.setStyle(RLTableStyle([("BOX", (0, 0), (-1, -1), 0.8, HEAD), ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 6),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 8), ("LEFTPADDING", (0, 0), (-1, -1), 8)]))
        self.out += [box, Spacer(1, 6)]
        if not band and overall.get("hire_band_reason"):
            self.out += self.text(f"No hire band: {overall['hire_band_reason']}", "small")
        self.out.append(Spacer(1, 10))
        rows = [[self.para(label, "cellbold"), self.text(value, "cell", self.width * 0.7)]
                for label, value in data.details()]
        self.out.append(self.table(rows, [self.width * 0.22, self.width * 0.78], header=False))

    def how_scored(self) -> None:
        data, overall = self.data, self.data.overall
        self.out += [CondPageBreak(50 * mm), self.para("How this was scored", "h1")]
        self.out += self.text(f"Score: {overall.get('basis', '')}", "small")
        self.out += self.text(f"Hire band: {overall.get('hire_band_reason', '') or 'given from the scored rubric'}",
                              "small")
        self.out += self.text(f"Feedback: {data.origin}.", "muted")
        self.out += self.text(str(data.feedback.get("label", "")), "muted")

    def scores(self) -> None:
        self.out += [PageBreak(), self.para("Scores by dimension (rubric)", "h1")]
        dims = self.data.dimensions
        if not dims:
            self.out += self.text("No rubric dimensions apply: no question was asked.")
            return
        self.out.append(dimension_chart(dims, self.fonts, self.width))
        self.out.append(Spacer(1, 8))
        rows: list[list[Any]] = [[self.para("Dimension", "cellbold"), self.para("Score", "cellbold"),
                                  self.para("Evidence, or why it is not scored", "cellbold")]]
        w = [self.width * 0.27, self.width * 0.13, self.width * 0.60]
        for dim in dims.values():
            label = [self.para(self.m(str(dim.get("label", "")), "cellbold"), "cellbold"),
                     *self.text(str(dim.get("mapping", "")), "muted", w[0] - 6)]
            per_question = ", ".join(f"{q} {v}" for q, v in dim.get("questions", {}).items())
            score = [self.para(_level(dim.get("score")), "cellbold")]
            if per_question:
                score += self.text(per_question, "muted", w[1] - 6)
            source = f"({dim.get('source', '')})"
            evidence: list[Any] = []
            for item in dim.get("evidence", []):
                evidence += self.text(str(item), "cell", w[2] - 6)
            if dim.get("reason"):
                evidence += self.text(str(dim["reason"]), "cell", w[2] - 6)
            evidence += self.text(source, "muted", w[2] - 6)
            rows.append([label, score, evidence])
        self.out.append(self.table(rows, w))
        self.computation()

    def computation(self) -> None:
        scoring = self.data.overall.get("scoring") or {}
        self.out.append(self.para("How the score was computed", "h2"))
        self.out += self.text(str(scoring.get("formula", "")), "small")
        weights = scoring.get("weights") or {}
        if weights:
            self.out += self.text("Weights: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in weights.items()),
                                  "small")
        self.out += self.text(f"Measured by code: {float(scoring.get('measured_share') or 0):.0%} of the weight; "
                              f"from the model's quoted evaluation: {float(scoring.get('model_share') or 0):.0%}.",
                              "small")
        rows: list[list[Any]] = [[self.para(h, "cellbold") for h in ("Question", "Status", "Score", "Basis")]]
        w = [self.width * 0.36, self.width * 0.14, self.width * 0.1, self.width * 0.4]
        for q in scoring.get("questions", []):
            score = q.get("score")
            rows.append([self.text(f"Q{q['index'] + 1} {q.get('title', '')}", "cell", w[0] - 6),
                         self.para(str(q.get("status", "")).replace("_", " "), "cell"),
                         self.para(f"{score:.0f}" if isinstance(score, int | float) else "-", "cell"),
                         self.text(str(q.get("basis", "")), "cell", w[3] - 6)])
        self.out.append(self.table(rows, w))

    def progress(self) -> None:
        data = self.data
        self.out += [CondPageBreak(90 * mm), self.para("Progress", "h1")]
        points = [ProgressPoint(s.created_at, s.overall_score, s.mode.value) for s in data.earlier][-14:]
        points.append(ProgressPoint(data.session.created_at, data.overall.get("score"),
                                    f"{data.session.mode.value} (this)", current=True))
        if len(points) == 1:
            self.out += self.text("This is the first session on record: the chart starts here.", "small")
        self.out.append(progress_chart(points, self.fonts, self.width))
        rows: list[list[Any]] = [[self.para(h, "cellbold") for h in ("Dimension", "This session",
                                                                      "Earlier sessions (mean)")]]
        for name, dim in data.dimensions.items():
            before = [s.dimensions[name] for s in data.earlier if name in s.dimensions]
            rows.append([self.para(self.m(str(dim.get("label", name)), "cell"), "cell"),
                         self.para(_level(dim.get("score")), "cell"),
                         self.para(f"{sum(before) / len(before):.1f} over {len(before)}" if before else "-", "cell")])
        if len(rows) > 1:
            self.out.append(Spacer(1, 6))
            self.out.append(self.table(rows, [self.width * 0.4, self.width * 0.25, self.width * 0.35]))

    def strengths_and_improvements(self) -> None:
        overall = self.data.overall
        self.out += [CondPageBreak(60 * mm), self.para("Strengths", "h1")]
        strengths = overall.get("strengths") or []
        if not strengths:
            self.out += self.text("No dimension reached 3.5 of 4 with evidence in this session.", "small")
        for item in strengths:
            score = f" ({item['score']:.1f}/4)" if isinstance(item.get("score"), int | float) else ""
            self.out += self.text(f"{item.get('dimension', '')}{score}", "h2")
            self.bullets([str(e) for e in item.get("evidence", [])])
        self.out.append(self.para("Improvements", "h1"))
        improvements = overall.get("improvements") or []
        if not improvements:
            self.out += self.text("No dimension scored 2.5 or lower with evidence in this session.", "small")
        for item in improvements:
            score = f" ({item['score']:.1f}/4)" if isinstance(item.get("score"), int | float) else ""
            block: list[Any] = self.text(f"{item.get('dimension', '')}{score}", "h2")
            for e in item.get("evidence", []):
                block += self.text(str(e), "muted")
            self.out.append(KeepTogether(block))
            self.bullets([str(step) for step in item.get("next_steps", [])])
            recommended = item.get("recommended") or []
            if recommended:
                self.out += self.text("Practise next (from the question bank):", "small")
                self.bullets([f"{r['title']} ({r['difficulty']}, {r['topic']}) \u2014 {r['slug']}; for {r['because']}"
                              for r in recommended])
            if item.get("recommended_note"):
                self.out += self.text(str(item["recommended_note"]), "muted")
        delivery = overall.get("delivery")
        if delivery:
            self.out.append(self.para("Delivery (spoken answers)", "h2"))
            wpm = delivery.get("words_per_minute")
            fpm = delivery.get("fillers_per_minute")
            self.bullets([f"{delivery['answers']} spoken answer(s), {delivery['talk_time_s']:.0f} s of speech, "
                          f"{delivery['word_count']} words" + (f", {wpm:.0f} words per minute" if wpm else ""),
                          f"{delivery['fillers']} filler words" + (f" ({fpm:.1f} per minute)" if fpm else ""),
                          f"{delivery['long_pauses']} long pause(s)", str(delivery.get("note", ""))])

    def question(self, index: int) -> None:
        data = self.data
        q = data.session.questions[index]
        rubric = data.rubric(index)
        self.out.append(PageBreak())
        self.out += self.text(f"Q{index + 1}. {q.title}", "h1")
        score = rubric.get("score")
        meta = [q.kind, q.difficulty, ", ".join(q.topics), f"asked {rubric.get('asked_at') or '-'}",
                f"score {score:.0f}/100" if isinstance(score, int | float) else "no score"]
        self.out += self.text(" \u00b7 ".join(m for m in meta if m), "muted")
        if rubric.get("score_basis"):
            self.out += self.text(str(rubric["score_basis"]), "muted")
        self.out.append(self.para("Question", "h2"))
        prompt, cut = clip(q.prompt, PROMPT_LIMIT)
        self.out += markdown_flowables(prompt, self.s, self.fonts, self.width, skip_heading=q.title)
        if cut:
            self.out.append(self.para(f"\u2026 {cut:,} more characters of the question are not shown.", "muted"))
        text = data.answer_text(index)
        self.out.append(self.para("Your answer", "h2"))
        if text.strip():
            self.out += self.clipped(text, TEXT_LIMIT, "quote")
        code, language = data.latest_code(index)
        if code.strip():
            shown, cut = clip(code, CODE_LIMIT)
            label = self.para(f"Code ({self.m(language or 'text')}) \u2014 the last version run or submitted", "small")
            self.out.append(KeepTogether([label, code_block(shown, language, self.fonts, self.width)]))
            if cut:
                self.out.append(self.para(f"\u2026 {cut:,} more characters of code are not shown in the PDF.",
                                          "muted"))
        if not text.strip() and not code.strip():
            self.out += self.text("No answer was given." if q.asked_at else "The question was not asked.", "small")
        self.runs(rubric)
        self.rubric_table(rubric)
        self.specifics(rubric)

    def runs(self, rubric: dict[str, Any]) -> None:
        runs = rubric.get("runs") or []
        if not runs:
            return
        self.out.append(self.para("Runs and submissions", "h2"))
        rows: list[list[Any]] = [[self.para(h, "cellbold") for h in ("When", "Result")]]
        for run in runs:
            rows.append([self.para(str(run.get("at") or ""), "cell"), self.text(str(run.get("text", "")), "cell")])
        self.out.append(self.table(rows, [self.width * 0.14, self.width * 0.86]))

    def rubric_table(self, rubric: dict[str, Any]) -> None:
        dims = rubric.get("dimensions") or {}
        if not dims:
            return
        self.out.append(self.para("Rubric", "h2"))
        w = [self.width * 0.24, self.width * 0.14, self.width * 0.62]
        rows: list[list[Any]] = [[self.para(h, "cellbold") for h in ("Dimension", "Level", "Evidence")]]
        labels = {name: d.get("label", name) for name, d in self.data.dimensions.items()}
        for name, dim in dims.items():
            level = (f"{dim['score']} / 4" if isinstance(dim.get("score"), int) else _status_text(dim))
            cell: list[Any] = []
            for item in dim.get("evidence", []):
                when = f"[{item['at']}] " if item.get("at") else ""
                kind = {"quote": "\u201c", "test": "test: ", "moment": "", "measure": ""}.get(item.get("type"), "")
                body = f"{when}{kind}{item.get('text', '')}" + ("\u201d" if item.get("type") == "quote" else "")
                cell += self.clipped(body, 1500, "cell", w[2] - 6)
            if dim.get("basis"):
                cell += self.text(f"mapping: {dim['basis']}", "muted", w[2] - 6)
            if dim.get("reason"):
                cell += self.text(str(dim["reason"]), "cell", w[2] - 6)
            if dim.get("comment"):
                cell += self.text(f"model's comment: {dim['comment']}", "cell", w[2] - 6)
            rows.append([self.para(self.m(str(labels.get(name, name.replace("_", " "))), "cell"), "cell"),
                         self.para(f"{level}<br/><font color='{MUTED}' size='7'>{dim.get('source', '')}</font>",
                                   "cell"), cell or self.para("-", "cell")])
        self.out.append(self.table(rows, w))

    def specifics(self, rubric: dict[str, Any]) -> None:
        points = rubric.get("key_points") or []
        if points:
            self.out.append(self.para("Key points", "h2"))
            w = [self.width * 0.4, self.width * 0.14, self.width * 0.46]
            rows: list[list[Any]] = [[self.para(h, "cellbold") for h in ("Point", "Status", "Your words")]]
            for p in points:
                rows.append([self.text(str(p.get("point", "")), "cell", w[0] - 6),
                             self.para(str(p.get("status", "")), "cell"),
                             self.text(str(p.get("quote") or "-"), "cell", w[2] - 6)])
            self.out.append(self.table(rows, w))
        star = rubric.get("star") or {}
        if star or rubric.get("competency"):
            self.out.append(self.para("STAR(R)", "h2"))
            if rubric.get("competency"):
                self.out += self.text(f"Competency: {rubric['competency']}", "small")
            if star:
                w = [self.width * 0.18, self.width * 0.12, self.width * 0.70]
                rows = [[self.para(h, "cellbold") for h in ("Part", "Found", "Your words")]]
                for part, value in star.items():
                    rows.append([self.para(part, "cell"), self.para("yes" if value.get("present") else "no", "cell"),
                                 self.text(str(value.get("quote") or "-"), "cell", w[2] - 6)])
                self.out.append(self.table(rows, w))
            result = rubric.get("measurable_result") or {}
            if result:
                self.out += self.text("Measurable result: " + (f"\u201c{result.get('quote')}\u201d"
                                                                if result.get("present") else
                                                                str(result.get("reason") or "not found")), "small")
        for entry in rubric.get("delivery") or []:
            self.out.append(self.para(f"Delivery, spoken answer {entry.get('answer')}", "h2"))
            self.bullets([str(line) for line in entry.get("observations", [])])
        comments, flags = rubric.get("comments") or [], rubric.get("flags") or []
        if comments or flags:
            self.out.append(self.para("The model's comments", "h2"))
            self.bullets([str(c) for c in comments] + [f"note: {f}" for f in flags])

    def transcript(self) -> None:
        self.out += [PageBreak(), self.para("Appendix: transcript", "h1")]
        turns = self.data.transcript()
        if not turns:
            self.out += self.text("The conversation is empty.", "small")
        codes = {(a.question_index, a.code) for a in self.data.session.answers if a.code.strip() and not a.text}
        for when, who, text, index in turns:
            where = f" \u00b7 Q{index + 1}" if index is not None else ""
            head = f"<font color='{MUTED}'>[{when or '-'}{where}]</font> <b>{self.m(who)}</b>: "
            if (index, text) in codes:  # a code submission: shown as code, not as prose
                shown, _cut = clip(text, CODE_LIMIT)
                language = next((a.language for a in self.data.session.answers if a.code == text), "")
                self.out += [self.para(head + "submitted code", "body"),
                             code_block(shown, language, self.fonts, self.width), Spacer(1, 4)]
                continue
            self.out += self.clipped(text, TEXT_LIMIT, prefix=head)


def _stamp(data: ReportInput) -> datetime:
    s = data.session
    return s.ended_at or s.last_activity_at or s.created_at


def _canvas_maker(stamp: datetime) -> Callable[..., Canvas]:
    date = f"D:{stamp:%Y%m%d%H%M%S}"

    def make(*args: Any, **kwargs: Any) -> Canvas:
        canvas = Canvas(*args, **kwargs)
        canvas.setDateFormatter(lambda *_parts: date)
        return canvas
    return make


def render_pdf(data: ReportInput) -> bytes:
    """The report as PDF bytes: the same stored session gives the same bytes (on the same fonts and versions)."""
    return render_pdf_with_font_notes(data)[0]


def render_pdf_with_font_notes(data: ReportInput, fonts: FontSet | None = None) -> tuple[bytes, list[str]]:
    """The PDF, and what fonts this machine lacks for characters the report contains (logged as warnings too;
    never printed into the report). `fonts`: the machine's (load_fonts) unless given."""
    fonts = fonts or load_fonts()
    buffer = io.BytesIO()
    session = data.session
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=18 * mm,
                            bottomMargin=18 * mm, title=f"{TITLE} \u2014 {session.config.mode.value} interview",
                            author="CloudInterview Desktop", subject=f"session {session.id}",
                            creator=f"CloudInterview Desktop {__version__}", keywords="interview feedback",
                            invariant=1)
    footer = f"CloudInterview \u00b7 session {session.id[:8]} \u00b7 {session.created_at:%Y-%m-%d}"

    def decorate(canvas: Canvas, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(fonts.sans, 7.5)
        canvas.setFillColor(colors.HexColor(MUTED))
        canvas.drawString(doc.leftMargin, 10 * mm, "".join(p for _f, p in fonts.runs(footer, fonts.sans)))
        canvas.drawRightString(A4[0] - doc.rightMargin, 10 * mm, f"page {document.page}")
        canvas.restoreState()

    with fonts.collect() as drawn:
        story = _Story(data, fonts, doc.width).build()
        doc.build(story, onFirstPage=decorate, onLaterPages=decorate, canvasmaker=_canvas_maker(_stamp(data)))
    notes = fonts.missing_notes(drawn)
    for note in notes:
        log.warning("PDF report of session %s: %s", session.id, note)
    return buffer.getvalue(), notes
