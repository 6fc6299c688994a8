"""The final feedback of a session: the base builder's report (measured signals, and the model's evaluations when a
model is loaded) plus a rubric per question, per-dimension summary scores, strengths, improvements with next steps,
and a hire band, each with its evidence. Computed once at end_session and stored, so reports are reproducible."""

from __future__ import annotations

import copy
import math
import threading
from collections.abc import Sequence
from typing import Any, Protocol

from cloudinterview_desktop.bank.catalog import ItemRow
from cloudinterview_desktop.domain.ports import FeedbackBuilder, ProgressSink
from cloudinterview_desktop.domain.problems import BankItem
from cloudinterview_desktop.domain.session import InterviewQuestion, InterviewSession, SessionStatus
from cloudinterview_desktop.report.rubric_questions import (
    DIMENSION_LABELS,
    KIND_DIMENSIONS,
    MAPPINGS,
    MODEL,
    WEIGHTS,
    QuestionFacts,
    question_rubric,
)

RUBRIC_VERSION = 1
SCALE = "1 weak, 2 partial, 3 solid, 4 strong; a dimension without evidence is not scored"
NO_MODEL = "no language model evaluated this session (feedback from measured signals only)"
# Bands on the overall score (0-100), from the lowest.
BANDS: tuple[tuple[float, str], ...] = ((40, "strong no"), (60, "lean no"), (80, "lean yes"), (math.inf, "strong yes"))
BAND_RULE = "below 40 strong no, 40-59 lean no, 60-79 lean yes, 80 and up strong yes"
SCORED_SHARE_FOR_BAND = 0.6  # of the session's questions, before a band is given
STRONG, WEAK = 3.5, 2.5  # session-level dimension scores that make a strength or an improvement
CODING_SKILLS = ("correctness", "problem_solving", "complexity", "testing")
_DIFFICULTY_RANK = {"easy": 0, "medium": 1, "hard": 2}
# Speaking-rate guidance: conversational interview answers usually sit between these rates.
WPM_RANGE = (110.0, 170.0)
FILLERS_PER_MINUTE_MAX = 4.0

NEXT_STEPS: dict[str, tuple[str, ...]] = {
    "correctness": ("Before submitting, walk through one normal, one edge (empty, single element, duplicates) and "
                    "one extreme input by hand.",
                    "After a failed submission, find the smallest input that fails before changing code."),
    "problem_solving": ("Say a brute-force approach first, then name the bottleneck and the data structure that "
                        "removes it, before asking for a hint.",
                        "Practise the recommended problems without hints, with a 25-minute timer."),
    "complexity": ("State time and space complexity, with the reason, every time you finish a solution.",
                   "Check the statement against each loop and each data structure you added."),
    "testing": ("Run the examples and at least one input of your own before the first submission.",
                "Read the failing case's verdict and reason before editing."),
    "code_quality": ("Name variables after what they hold and split long functions into steps.",
                     "Remove dead code and handle the edge cases explicitly."),
    "communication": ("Explain the plan in two or three sentences before writing code, then narrate key steps.",
                      "Finish with a one-sentence summary of the approach and its trade-offs."),
    "understanding": ("Restate the problem and ask about input sizes, edge cases and the expected output before "
                      "coding.",),
    "theory_coverage": ("Structure answers as definition, how it works, trade-offs, and an example.",
                        "Review the missed key points listed below."),
    "star_structure": ("Answer with Situation, Task, Action, Result and Reflection, one or two sentences each.",),
    "ownership": ("Say what you did yourself (\u201cI decided\u201d, \u201cI wrote\u201d), not only what the team "
                  "did.",),
}


class ProblemRows(Protocol):
    """The part of the question bank recommendations need (bank.question_bank.QuestionBank)."""

    def rows(self, kind: str | None = ..., difficulty: str | None = ..., topic: str | None = ...,
             job_type: str | None = ...) -> list[ItemRow]: ...


class RubricFeedbackBuilder:
    """A FeedbackBuilder around another: ModelFeedbackBuilder when a model is loaded, MeasuredFeedbackBuilder
    otherwise. `bank` (optional) lets improvements recommend bank problems by weak topic."""

    def __init__(self, base: FeedbackBuilder, bank: ProblemRows | None = None) -> None:
        self._base = base
        self._bank = bank

    def build(self, session: InterviewSession, items: dict[str, BankItem],
              cancel: threading.Event | None = None, progress: ProgressSink | None = None) -> dict[str, Any]:
        return self.enrich(session, self._base.build(session, items, cancel, progress), items)

    def enrich(self, session: InterviewSession, base: dict[str, Any], items: dict[str, BankItem]) -> dict[str, Any]:
        """The rubric added to a report the base builder made (also used for stored feedback made without one)."""
        payload = copy.deepcopy(base)
        source = str(payload.get("source") or "measured")
        model_reason = None if ("model" in payload or "model" in source) else NO_MODEL
        questions: list[dict[str, Any]] = payload.setdefault("questions", [])
        by_index = {q.get("index"): q for q in questions if isinstance(q, dict)}
        for question in session.questions:  # code only, quick: it runs to the end even after a cancel
            signals = by_index.get(question.index)
            if signals is None:
                signals = {"index": question.index, "slug": question.item_slug, "title": question.title,
                           "kind": question.kind, "asked": question.asked_at is not None}
                questions.append(signals)
            facts = QuestionFacts(session, question, items.get(question.item_slug), signals, model_reason)
            signals["rubric"] = question_rubric(facts)
        questions.sort(key=lambda q: int(q.get("index", 0)))
        rubrics = {q["index"]: q["rubric"] for q in questions if "rubric" in q}
        dimensions = _session_dimensions(session, rubrics)
        score, scoring = _overall_score(session, rubrics)
        band, band_reason = _hire_band(session, rubrics, score)
        overall: dict[str, Any] = payload.setdefault("overall", {})
        if "score" in overall and "base_score" not in overall:
            overall["base_score"], overall["base_basis"] = overall.get("score"), overall.get("basis", "")
        overall.update({
            "score": score,
            "basis": scoring["summary"],
            "scoring": scoring,
            "hire_band": band,
            "hire_band_reason": band_reason,
            "strengths": _strengths(dimensions, session, rubrics),
            "improvements": _improvements(session, dimensions, rubrics, self._bank),
            "delivery": _delivery_summary(rubrics),
        })
        payload.update({
            "rubric_version": RUBRIC_VERSION,
            "source": source,  # where the judgements came from; the rubric is marked by rubric_version
            "label": (str(base.get("label") or "") + " Rubric: measured dimensions are computed by code with the "
                      "documented mapping (STAR parts, your own actions, key points, tests, complexity); code "
                      "quality and communication come only from a model that passed its check, with its quotes."
                      ).strip(),
            "scale": SCALE,
            "mappings": dict(MAPPINGS),
            "weights": dict(WEIGHTS),
            "dimensions": dimensions,
        })
        return payload


def _tag(index: int, at: str | None = None) -> str:
    return f"Q{index + 1}" + (f" {at}" if at else "")


def _session_dimensions(session: InterviewSession, rubrics: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """Per dimension over the questions: the mean level where one was scored, a few pieces of evidence, or the
    reason nothing was scored. Only dimensions that the session's kinds of question have."""
    names = [n for n in DIMENSION_LABELS if any(n in KIND_DIMENSIONS.get(q.kind, ()) for q in session.questions)]
    out: dict[str, Any] = {}
    for name in names:
        per_question: dict[str, int] = {}
        proof: list[str] = []
        reasons: list[str] = []
        source = ""
        for index, rubric in sorted(rubrics.items()):
            dim = rubric.get("dimensions", {}).get(name)
            if not isinstance(dim, dict):
                continue
            source = source or str(dim.get("source", ""))
            if isinstance(dim.get("score"), int):
                per_question[_tag(index)] = dim["score"]
                first = next(iter(dim.get("evidence", [])), None)
                if first and len(proof) < 4:
                    proof.append(f"{_tag(index, first.get('at'))}: {first.get('text', '')}")
            elif dim.get("reason"):
                reason = f"{_tag(index)}: {dim['reason']}"
                if not any(r.split(": ", 1)[1] == dim["reason"] for r in reasons):
                    reasons.append(reason)
        values = list(per_question.values())
        score = round(sum(values) / len(values), 2) if values else None
        out[name] = {"label": DIMENSION_LABELS[name], "score": score, "source": source or MODEL,
                     "status": "scored" if values else "not_scored", "questions": per_question,
                     "evidence": proof, "reason": "" if values else "; ".join(reasons[:3]) or "no question of this "
                     "kind was answered", "mapping": MAPPINGS.get(name, "")}
    return out


def _overall_score(session: InterviewSession,
                   rubrics: dict[int, dict[str, Any]]) -> tuple[float | None, dict[str, Any]]:
    rows = []
    measured_weight = model_weight = 0.0
    for question in session.questions:
        rubric = rubrics.get(question.index, {})
        dims = rubric.get("dimensions", {})
        scored_dims = {n: d for n, d in dims.items() if isinstance(d.get("score"), int)}
        measured = sum(WEIGHTS[n] for n, d in scored_dims.items() if d.get("source") != MODEL)
        model = sum(WEIGHTS[n] for n, d in scored_dims.items() if d.get("source") == MODEL)
        if rubric.get("score") is not None and scored_dims:
            measured_weight += measured / (measured + model)
            model_weight += model / (measured + model)
        rows.append({"index": question.index, "title": question.title, "kind": question.kind,
                     "status": rubric.get("status", "not_asked"), "score": rubric.get("score"),
                     "basis": rubric.get("score_basis", ""),
                     "dimensions": {n: d["score"] for n, d in scored_dims.items()}})
    counted = [r for r in rows if r["score"] is not None]
    score = round(sum(r["score"] for r in counted) / len(counted), 1) if counted else None
    unanswered = sum(1 for r in rows if r["status"] == "not_answered")
    left_out = [r for r in rows if r["score"] is None]
    share = measured_weight / (measured_weight + model_weight) if measured_weight + model_weight else 0.0
    if score is None:
        summary = ("no score: no question had evidence that could be scored "
                   f"({len(left_out)} of {len(rows)} left out: not asked or not evaluated)")
    else:
        summary = (f"mean of {len(counted)} question score(s) out of {len(rows)}; each question's score is the "
                   "weighted mean of its scored rubric levels (1 -> 0, 2 -> 33, 3 -> 67, 4 -> 100)"
                   + (f"; {unanswered} asked but unanswered count 0" if unanswered else "")
                   + (f"; {len(left_out)} left out (not asked, or nothing could be scored)" if left_out else "")
                   + f"; {share:.0%} of the weight measured by code, {1 - share:.0%} from the model's quoted "
                   "evaluation")
    return score, {"summary": summary, "formula": "overall = mean over counted questions of "
                   "sum(weight * (level - 1) / 3 * 100) / sum(weight) over that question's scored dimensions",
                   "weights": dict(WEIGHTS), "questions": rows, "counted": len(counted),
                   "measured_share": round(share, 3), "model_share": round(1 - share, 3) if counted else 0.0}


def _hire_band(session: InterviewSession, rubrics: dict[int, dict[str, Any]],
               score: float | None) -> tuple[str | None, str]:
    if session.status is not SessionStatus.COMPLETED:
        return None, f"a hire band is given only for a completed interview; this one is {session.status.value}"
    total = len(session.questions)
    counted = sum(1 for r in rubrics.values() if r.get("score") is not None)
    need = max(1, math.ceil(SCORED_SHARE_FOR_BAND * total))
    if score is None or counted < need:
        return None, (f"too little was evaluated: {counted} of {total} questions have a score, a band needs at "
                      f"least {need}")
    qualitative = any(d.get("source") == MODEL and isinstance(d.get("score"), int)
                      for r in rubrics.values() for d in r.get("dimensions", {}).values())
    if not qualitative:
        return None, ("only measured signals could be scored; a band also needs the qualitative dimensions "
                      "(communication, code quality, key points, STAR structure) that a model's evaluation gives")
    band = next(name for limit, name in BANDS if score < limit)
    return band, f"overall {score:.0f}/100 over {counted} of {total} questions -> {band} ({BAND_RULE})"


def _strengths(dimensions: dict[str, Any], session: InterviewSession,
               rubrics: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    strong = sorted((d for d in dimensions.values() if d["score"] is not None and d["score"] >= STRONG),
                    key=lambda d: -d["score"])
    out = [{"dimension": d["label"], "score": d["score"], "evidence": d["evidence"][:2]} for d in strong]
    for index, rubric in sorted(rubrics.items()):
        result = rubric.get("measurable_result") or {}
        if result.get("present"):
            out.append({"dimension": "Measurable result", "score": None,
                        "evidence": [f"{_tag(index)}: {result.get('quote', '')}"]})
    return out


def _recommend(bank: ProblemRows | None, kind: str, weak: Sequence[InterviewQuestion], exclude: set[str],
               limit: int = 4) -> list[dict[str, Any]]:
    """Bank items on the weak questions' topics, closest in difficulty first, then by slug: the same every time."""
    if bank is None:
        return []
    out: list[dict[str, Any]] = []
    seen = set(exclude)
    for question in weak:
        level = _DIFFICULTY_RANK.get(question.difficulty, 1)
        for topic in question.topics:
            rows = bank.rows(kind=kind, topic=topic)
            ranked = sorted(rows, key=lambda r: (abs(_DIFFICULTY_RANK.get(r.difficulty, 1) - level),
                                                 _DIFFICULTY_RANK.get(r.difficulty, 1), r.slug))
            for row in [r for r in ranked if r.slug not in seen][:2]:
                seen.add(row.slug)
                out.append({"slug": row.slug, "title": row.title, "difficulty": row.difficulty, "topic": topic,
                            "because": f"{_tag(question.index)} {question.title}"})
                if len(out) >= limit:
                    return out
    return out


def _weak_questions(session: InterviewSession, rubrics: dict[int, dict[str, Any]], kind: str,
                    names: Sequence[str]) -> list[InterviewQuestion]:
    weak = []
    for question in session.questions:
        dims = rubrics.get(question.index, {}).get("dimensions", {})
        if question.kind == kind and any(isinstance(dims.get(n, {}).get("score"), int) and dims[n]["score"] <= 2
                                         for n in names):
            weak.append(question)
    return weak


def _improvements(session: InterviewSession, dimensions: dict[str, Any], rubrics: dict[int, dict[str, Any]],
                  bank: ProblemRows | None) -> list[dict[str, Any]]:
    exclude = {q.item_slug for q in session.questions}
    weak_dims = sorted((name for name, d in dimensions.items() if d["score"] is not None and d["score"] <= WEAK),
                       key=lambda n: (dimensions[n]["score"], -WEIGHTS.get(n, 1), n))
    out: list[dict[str, Any]] = []
    coding_recommended_in = ""  # the improvement that lists the coding problems: the others point to it
    for name in weak_dims:
        dim = dimensions[name]
        entry: dict[str, Any] = {"dimension": dim["label"], "score": dim["score"], "evidence": dim["evidence"][:2],
                                 "next_steps": list(NEXT_STEPS.get(name, ())), "recommended": []}
        if name in CODING_SKILLS and coding_recommended_in:
            entry["recommended_note"] = f"see the problems recommended under {coding_recommended_in}"
        elif name in CODING_SKILLS:
            entry["recommended"] = _recommend(bank, "coding", _weak_questions(session, rubrics, "coding",
                                                                              CODING_SKILLS), exclude)
            coding_recommended_in = dim["label"] if entry["recommended"] else ""
        if name == "theory_coverage":
            missed = [f"{_tag(i)}: {p}" for i, r in sorted(rubrics.items()) for p in r.get("missed", [])]
            entry["next_steps"] += [f"Review: {m}" for m in missed[:6]]
            entry["recommended"] = _recommend(bank, "theory", _weak_questions(session, rubrics, "theory",
                                                                              ("theory_coverage",)), exclude)
        if name == "star_structure":
            for index, rubric in sorted(rubrics.items()):
                missing = [p for p, v in (rubric.get("star") or {}).items() if not v.get("present")]
                if missing:
                    entry["next_steps"].append(f"{_tag(index)}: add the {', '.join(missing)}")
        out.append(entry)
    results = [(i, r["measurable_result"]) for i, r in sorted(rubrics.items())
               if isinstance(r.get("measurable_result"), dict) and r["measurable_result"].get("present") is False]
    if results:
        out.append({"dimension": "Measurable result", "score": None,
                    "evidence": [f"{_tag(i)}: {r.get('reason', '')}" for i, r in results][:3],
                    "next_steps": ["End each story with a number: time saved, errors cut, users reached, money."],
                    "recommended": []})
    unanswered = [i for i, r in sorted(rubrics.items()) if r.get("status") == "not_answered"]
    if unanswered:
        out.append({"dimension": "Completion", "score": None,
                    "evidence": [f"{', '.join(_tag(i) for i in unanswered)} asked but not answered (scored 0)"],
                    "next_steps": ["Answer every question, even in outline: a partial answer earns credit, an empty "
                                   "one counts 0."], "recommended": []})
    out += _delivery_improvements(rubrics)
    return out


def _delivery_summary(rubrics: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    spoken = [d for r in rubrics.values() for d in r.get("delivery", []) or []]
    if not spoken:
        return None
    talk = sum(float(d["metrics"].get("talk_time_s") or 0) for d in spoken)
    words = sum(int(d["metrics"].get("word_count") or 0) for d in spoken)
    fillers = sum(int(d["metrics"].get("filler_count") or 0) for d in spoken)
    pauses = sum(len(d["metrics"].get("long_pauses") or []) for d in spoken)
    minutes = talk / 60
    return {"answers": len(spoken), "talk_time_s": round(talk, 1), "word_count": words,
            "words_per_minute": round(words / minutes, 1) if minutes else None,
            "fillers": fillers, "fillers_per_minute": round(fillers / minutes, 1) if minutes else None,
            "long_pauses": pauses,
            "note": f"observations, not scores; guidance: {WPM_RANGE[0]:.0f}-{WPM_RANGE[1]:.0f} words per minute, "
                    f"at most {FILLERS_PER_MINUTE_MAX:g} fillers per minute"}


def _delivery_improvements(rubrics: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    summary = _delivery_summary(rubrics)
    if summary is None:
        return []
    out = []
    wpm, fpm = summary["words_per_minute"], summary["fillers_per_minute"]
    if wpm is not None and not WPM_RANGE[0] <= wpm <= WPM_RANGE[1]:
        fast = wpm > WPM_RANGE[1]
        out.append({"dimension": "Delivery: pace", "score": None,
                    "evidence": [f"{wpm:.0f} words per minute over {summary['answers']} spoken answer(s)"],
                    "next_steps": ["Pause after each key point; aim for about 140 words per minute." if fast else
                                   "Rehearse the opening sentence of each answer so you start at a steady pace."],
                    "recommended": []})
    if fpm is not None and fpm > FILLERS_PER_MINUTE_MAX:
        out.append({"dimension": "Delivery: filler words", "score": None,
                    "evidence": [f"{summary['fillers']} filler words, {fpm:.1f} per minute"],
                    "next_steps": ["Replace fillers with a silent pause; record a two-minute answer and count them."],
                    "recommended": []})
    return out
