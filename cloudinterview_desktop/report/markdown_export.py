"""The report as Markdown. Everything the candidate or a model wrote is escaped: HTML becomes entities and
Markdown syntax is backslash-escaped, so an answer shows as written and never as markup; code sits in fences
longer than any backtick run inside it."""

from __future__ import annotations

import re
from typing import Any

from cloudinterview_desktop.report.content import TITLE, ReportInput
from cloudinterview_desktop.report.text import clean

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")  # "(" and "!" are harmless once "[" and "]" are escaped
_LINE_START = re.compile(r"^(\s*)([-=+#]|\d+[.)])", re.MULTILINE)  # list items, headings, setext underlines
_BACKTICKS = re.compile(r"`+")


def _escape_marker(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    return indent + (marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker)


def esc(text: str) -> str:
    """Inline text: HTML and Markdown syntax neutralised, line breaks kept as Markdown hard breaks."""
    text = clean(text).replace("&", "&amp;")
    text = _SPECIAL.sub(r"\\\1", text)
    text = text.replace("\\<", "&lt;").replace("\\>", "&gt;")
    text = _LINE_START.sub(_escape_marker, text)
    return text.replace("\n", "  \n")


def cell(text: str) -> str:
    """A table cell: one line."""
    return esc(" ".join(clean(text).split()))


def quote_block(text: str) -> str:
    lines = [esc(line) if line.strip() else "" for line in clean(text).split("\n")]
    return "\n".join(f"> {line}".rstrip() for line in lines)


def fence(code: str, language: str) -> str:
    code = clean(code)
    longest = max((len(m) for m in _BACKTICKS.findall(code)), default=0)
    ticks = "`" * max(3, longest + 1)
    tag = re.sub(r"[^a-z0-9+#-]", "", language.lower())
    return f"{ticks}{tag}\n{code.rstrip()}\n{ticks}"


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _points(score: Any) -> str:
    return f"{score:.0f}" if isinstance(score, int | float) else "-"


def _level(score: Any) -> str:
    if isinstance(score, float):
        return f"{score:.1f} / 4"
    if isinstance(score, int):
        return f"{score} / 4"
    return "not scored"


def render_markdown(data: ReportInput) -> str:
    s, overall = data.session, data.overall
    out: list[str] = [f"# {TITLE}", ""]
    score = overall.get("score")
    out += [f"**Overall score:** {f'{score:.0f} / 100' if isinstance(score, int | float) else 'not scored'}  ",
            f"**Hire band:** {esc(str(overall.get('hire_band') or 'not given'))} \u2014 "
            f"{esc(str(overall.get('hire_band_reason', '')))}", "",
            f"*How the score was computed:* {esc(str(overall.get('basis', '')))}", "",
            "| Detail | Value |", "| --- | --- |"]
    out += [f"| {label} | {cell(value)} |" for label, value in data.details()]
    out += ["", f"*Feedback: {esc(data.origin)}.* {esc(str(data.feedback.get('label', '')))}", ""]
    out += _dimensions(data) + _computation(data) + _progress(data) + _advice(data)
    for question in s.questions:
        out += _question(data, question.index)
    out += ["## Appendix: transcript", ""]
    for when, who, text, index in data.transcript():
        where = f" \u00b7 Q{index + 1}" if index is not None else ""
        out += [f"**{esc(who)}** \\[{when or '-'}{where}\\]", "", quote_block(text), ""]
    return "\n".join(out).rstrip() + "\n"


def _dimensions(data: ReportInput) -> list[str]:
    out = ["## Scores by dimension", "", "| Dimension | Score | Source | Evidence, or why it is not scored | Mapping |",
           "| --- | --- | --- | --- | --- |"]
    for dim in data.dimensions.values():
        proof = "; ".join(str(e) for e in dim.get("evidence", [])) or str(dim.get("reason", ""))
        out.append(_row(cell(str(dim.get("label", ""))), _level(dim.get("score")), cell(str(dim.get("source", ""))),
                        cell(proof), cell(str(dim.get("mapping", "")))))
    return [*out, ""]


def _computation(data: ReportInput) -> list[str]:
    scoring = data.overall.get("scoring") or {}
    out = ["### How the score was computed", "", esc(str(scoring.get("formula", ""))), ""]
    weights = scoring.get("weights") or {}
    if weights:
        out += ["Weights: " + ", ".join(f"{esc(k.replace('_', ' '))} {v}" for k, v in weights.items()), ""]
    out += ["| Question | Status | Score | Basis |", "| --- | --- | --- | --- |"]
    for q in scoring.get("questions", []):
        score = q.get("score")
        out.append(_row(f"Q{q['index'] + 1} {cell(str(q.get('title', '')))}",
                        str(q.get("status", "")).replace("_", " "), _points(score), cell(str(q.get("basis", "")))))
    return [*out, ""]


def _progress(data: ReportInput) -> list[str]:
    out = ["## Progress", "", "| Date | Mode | Status | Score |", "| --- | --- | --- | --- |"]
    for h in data.earlier:
        out.append(_row(f"{h.created_at:%Y-%m-%d %H:%M}", h.mode.value, h.status.value, _points(h.overall_score)))
    s = data.session
    out.append(_row(f"{s.created_at:%Y-%m-%d %H:%M}", f"{s.mode.value} (this session)", s.status.value,
                    _points(data.overall.get("score"))))
    return [*out, ""]


def _advice_head(item: dict[str, Any]) -> str:
    score = item.get("score")
    return f"- **{esc(str(item.get('dimension', '')))}**" + (f" {_level(score)}" if score is not None else "")


def _advice(data: ReportInput) -> list[str]:
    overall = data.overall
    out = ["## Strengths", ""]
    for item in overall.get("strengths") or []:
        out.append(_advice_head(item))
        out += [f"  - {esc(str(e))}" for e in item.get("evidence", [])]
    if not overall.get("strengths"):
        out.append("No dimension reached 3.5 of 4 with evidence in this session.")
    out += ["", "## Improvements", ""]
    for item in overall.get("improvements") or []:
        out.append(_advice_head(item))
        out += [f"  - evidence: {esc(str(e))}" for e in item.get("evidence", [])]
        out += [f"  - next: {esc(str(step))}" for step in item.get("next_steps", [])]
        out += [f"  - practise: {esc(r['title'])} ({esc(r['difficulty'])}, {esc(r['topic'])}) \u2014 `{r['slug']}`"
                for r in item.get("recommended") or []]
        if item.get("recommended_note"):
            out.append(f"  - {esc(str(item['recommended_note']))}")
    if not overall.get("improvements"):
        out.append("No dimension scored 2.5 or lower with evidence in this session.")
    delivery = overall.get("delivery")
    if delivery:
        out += ["", "### Delivery (spoken answers)", "",
                f"- {delivery['answers']} spoken answer(s), {delivery['talk_time_s']:.0f} s, {delivery['word_count']} "
                f"words, {delivery.get('words_per_minute') or '-'} words per minute",
                f"- {delivery['fillers']} filler words ({delivery.get('fillers_per_minute') or '-'} per minute), "
                f"{delivery['long_pauses']} long pause(s)", f"- {esc(str(delivery.get('note', '')))}"]
    return [*out, ""]


def _question(data: ReportInput, index: int) -> list[str]:
    q = data.session.questions[index]
    rubric = data.rubric(index)
    score = rubric.get("score")
    out = [f"## Q{index + 1}. {esc(q.title)}", "",
           f"*{q.kind} \u00b7 {q.difficulty} \u00b7 {esc(', '.join(q.topics))} \u00b7 asked "
           f"{rubric.get('asked_at') or '-'} \u00b7 "
           f"{f'score {score:.0f}/100' if isinstance(score, int | float) else 'no score'}*", "",
           "### Question", "", quote_block(q.prompt), "", "### Your answer", ""]
    text = data.answer_text(index)
    code, language = data.latest_code(index)
    if text.strip():
        out += [quote_block(text), ""]
    if code.strip():
        out += [f"Code ({esc(language or 'text')}), the last version run or submitted:", "", fence(code, language), ""]
    if not text.strip() and not code.strip():
        out += ["No answer was given." if q.asked_at else "The question was not asked.", ""]
    if rubric.get("runs"):
        out += ["### Runs and submissions", "", "| When | Result |", "| --- | --- |"]
        out += [f"| {run.get('at') or ''} | {cell(str(run.get('text', '')))} |" for run in rubric["runs"]]
        out.append("")
    dims = rubric.get("dimensions") or {}
    if dims:
        out += ["### Rubric", "", "| Dimension | Level | Evidence | Mapping or reason |", "| --- | --- | --- | --- |"]
        for name, dim in dims.items():
            proof = "; ".join((f"[{e['at']}] " if e.get("at") else "") + str(e.get("text", ""))
                              for e in dim.get("evidence", []))
            why = str(dim.get("basis") or dim.get("reason") or "")
            if dim.get("comment"):
                why += f" (model's comment: {dim['comment']})"
            level = _level(dim.get("score")) if dim.get("score") is not None else \
                str(dim.get("status", "")).replace("_", " ")
            out.append(f"| {esc(name.replace('_', ' '))} | {level} ({dim.get('source', '')}) | {cell(proof) or '-'} | "
                       f"{cell(str(why))} |")
        out.append("")
    for point in rubric.get("key_points") or []:
        out.append(f"- key point ({point.get('status')}): {esc(str(point.get('point', '')))}"
                   + (f" \u2014 \u201c{esc(str(point['quote']))}\u201d" if point.get("quote") else ""))
    if rubric.get("competency"):
        out.append(f"- competency: {esc(str(rubric['competency']))}")
    for part, value in (rubric.get("star") or {}).items():
        out.append(f"- {part}: " + (f"\u201c{esc(str(value.get('quote', '')))}\u201d" if value.get("present")
                                     else "not found"))
    result = rubric.get("measurable_result") or {}
    if result:
        found = f"\u201c{esc(str(result.get('quote', '')))}\u201d" if result.get("present") else \
            esc(str(result.get("reason") or "not found"))
        out.append(f"- measurable result: {found}")
    for entry in rubric.get("delivery") or []:
        out += [f"- delivery (spoken answer {entry.get('answer')}): " + esc("; ".join(entry.get("observations", [])))]
    for comment in rubric.get("comments") or []:
        out.append(f"- model's comment: {esc(str(comment))}")
    for flag in rubric.get("flags") or []:
        out.append(f"- note: {esc(str(flag))}")
    return [*out, ""]
