"""The rubric's dimensions of spoken answers: a theory answer's key points, a story's STAR(R) parts and ownership,
and understanding, each measured by code or the passing model's, on quotes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cloudinterview_desktop.domain.problems import BehavioralQuestion, TheoryQuestion
from cloudinterview_desktop.domain.quotes import quote_occurs
from cloudinterview_desktop.domain.session import Role
from cloudinterview_desktop.interviewer.answer_analysis import analyze_behavioral, analyze_theory
from cloudinterview_desktop.report.rubric_facts import (
    MEASURED,
    MODEL,
    NOT_EVALUATED,
    NOT_OBSERVED,
    STAR_PARTS,
    QuestionFacts,
    _dict,
    _is_level,
    evidence,
    scored,
    unscored,
)
from cloudinterview_desktop.report.text import moment


def model_dimension(facts: QuestionFacts, fields: tuple[str, ...], what: str,
                    extra: Iterable[dict[str, Any]] = ()) -> dict[str, Any]:
    evaluation = facts.evaluation
    if evaluation is None:
        return unscored(NOT_EVALUATED, MODEL, facts.model_reason or "no evaluation was stored for this answer", extra)
    if evaluation.get("status") != "evaluated":
        return unscored(NOT_EVALUATED, MODEL, str(evaluation.get("reason") or "the model gave no evaluation"), extra)
    entry = next((evaluation[f] for f in fields if isinstance(evaluation.get(f), dict)), None)
    if entry is None:
        return unscored(NOT_EVALUATED, MODEL, f"the model's evaluation does not judge {what}", extra)
    score, quote, comment = entry.get("score"), str(entry.get("quote") or ""), str(entry.get("comment") or "")
    if _is_level(score):
        if quote and quote_occurs(quote, facts.candidate_words):
            return scored(int(score), MODEL, [evidence("quote", quote), *extra], "the model's score, on its quote",
                          comment)
        return unscored(NOT_OBSERVED, MODEL, f"the model scored {score} but its quote does not occur in the answer",
                        extra, comment)
    return unscored(NOT_OBSERVED, MODEL, str(entry.get("reason") or "the model found no evidence in the answer"),
                    extra, comment)


def understanding(facts: QuestionFacts) -> dict[str, Any]:
    """The model's judgement when its evaluation has one; the clarifying questions asked before the first run
    are listed as evidence either way (what they are worth is a judgement code does not make)."""
    first_code = next((e.at for e in facts.runs), None)
    before = [m for m in facts.session.ai_responses if m.role is Role.CANDIDATE and m.purpose == "chat"
              and m.question_index == facts.question.index and "?" in m.content
              and (first_code is None or m.created_at <= first_code)]
    items = [evidence("quote", m.content.strip()[:200], moment(m.created_at, facts.session.started_at))
             for m in before[:3]]
    result = model_dimension(facts, ("understanding", "clarification"), "understanding or clarification", items)
    if result["status"] == NOT_EVALUATED:
        result["reason"] += ("; the clarifying questions asked before coding are listed as evidence" if before else
                             "; no clarifying question was asked before coding")
    return result


MISCONCEPTION_COST = 30  # question-score points per misconception stated (a key point is worth 90 / its count)


def _off_topic(relevance: int) -> dict[str, Any]:
    return scored(1, MEASURED, [evidence("measure", f"uses {relevance} of the question's own meaning words")],
                  "the answer does not address the question -> 1")


def measured_theory(facts: QuestionFacts, item: TheoryQuestion) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    analysis = analyze_theory(facts.text, item)
    checked = [{"point": p.point, "status": p.status, "quote": p.quote} for p in analysis.points]
    if not analysis.on_topic:
        return _off_topic(analysis.relevance), [{**p, "status": "missed", "quote": ""} for p in checked]
    coverage = analysis.coverage
    wrong = analysis.misconceptions
    level = 4 if coverage >= 0.85 else 3 if coverage >= 0.6 else 2 if coverage >= 0.3 else 1
    level = max(1, level - len(wrong))
    items = [evidence("quote", f"{m.quote} \u2014 a common misconception: {m.claim}") for m in wrong]
    items += [evidence("quote", p["quote"]) for p in checked if p["status"] in ("covered", "partial")][:4 - len(wrong)]
    missed = [p["point"] for p in checked if p["status"] == "missed"]
    if missed:
        items.append(evidence("measure", "missed: " + "; ".join(missed)))
    basis = (f"{analysis.credit:g} of {len(checked)} key points ({coverage:.0%}) found in the answer's sentences "
             f"-> {level} (>= 85% 4, >= 60% 3, >= 30% 2; one level less per misconception stated); in the question "
             f"score 90 x the share, plus one point per word of the question's own terms used (at most 10), less "
             f"{MISCONCEPTION_COST} per misconception stated")
    dimension = scored(level, MEASURED, items, basis)
    # The exact share counts in the question score, plus up to 10 points for staying on the question's own terms;
    # a wrong claim costs more than a point left out.
    value = 90 * coverage + min(10, analysis.relevance) - MISCONCEPTION_COST * len(wrong)
    dimension["value"] = round(max(0.0, value), 1)
    return dimension, checked


def theory_coverage(facts: QuestionFacts) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    evaluation = facts.evaluation
    if (evaluation is None or evaluation.get("status") != "evaluated") and isinstance(facts.item, TheoryQuestion):
        return measured_theory(facts, facts.item)
    if evaluation is None or evaluation.get("status") != "evaluated":
        reason = (facts.model_reason or "no evaluation was stored for this answer") if evaluation is None else \
            str(evaluation.get("reason") or "the model gave no evaluation")
        return unscored(NOT_EVALUATED, MODEL, reason), []
    points = [p for p in evaluation.get("key_points", []) if isinstance(p, dict)]
    if not points:
        return unscored(NOT_EVALUATED, MODEL, "the question has no key points to check the answer against"), []
    checked = []
    for p in points:
        status, quote = str(p.get("status", "missed")), str(p.get("quote") or "")
        if status in ("covered", "partial") and not (quote and quote_occurs(quote, facts.candidate_words)):
            status = "unverified"
        checked.append({"point": str(p.get("point", "")), "status": status, "quote": quote})
    credit = sum(1.0 if p["status"] == "covered" else 0.5 if p["status"] == "partial" else 0.0 for p in checked)
    coverage = credit / len(checked)
    level = 4 if coverage >= 0.85 else 3 if coverage >= 0.6 else 2 if coverage >= 0.3 else 1
    items = [evidence("quote", p["quote"]) for p in checked if p["status"] in ("covered", "partial")][:4]
    missed = [p["point"] for p in checked if p["status"] not in ("covered", "partial")]
    if missed:
        items.append(evidence("measure", "missed: " + "; ".join(missed)))
    basis = f"{credit:g} of {len(checked)} key points ({coverage:.0%}) -> {level} (>= 85% 4, >= 60% 3, >= 30% 2)"
    return scored(level, MODEL, items, basis), checked


def _star_parts_level(parts: dict[str, Any], missing_label: str) -> tuple[list[str], int, list[dict[str, Any]]]:
    """The parts found, their level (5 4, 4 3, 2-3 2, 0-1 1) and the evidence: each part's quote, then what is
    missing."""
    found = [name for name in STAR_PARTS if parts[name]["present"]]
    level = 4 if len(found) == 5 else 3 if len(found) == 4 else 2 if len(found) >= 2 else 1
    items = [evidence("quote", f"{name}: {parts[name]['quote']}") for name in found]
    missing = [name for name in STAR_PARTS if name not in found]
    if missing:
        items.append(evidence("measure", f"{missing_label}: " + ", ".join(missing)))
    return found, level, items


def measured_star(facts: QuestionFacts) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any], dict[str, Any]]:
    """STAR(R) structure, the parts, the measurable result and ownership, all measured by code."""
    item = facts.item if isinstance(facts.item, BehavioralQuestion) else None
    analysis = analyze_behavioral(facts.text, item)
    scored_on = not analysis.unrelated
    parts = {name: {"present": analysis.parts[name].present and scored_on,
                    "quote": analysis.parts[name].quote if scored_on else ""} for name in STAR_PARTS}
    measurable = analysis.measurable_result
    result = {"present": measurable.present and scored_on, "quote": measurable.quote,
              "reason": "" if measurable.present else "no result with a number was found in the answer"}
    if analysis.unrelated:
        off = _off_topic(analysis.relevance)
        return off, parts, result, dict(off)
    found, level, items = _star_parts_level(parts, "not found")
    # In the question score each part counts 18 (a result without a number 9), plus one point per word of the
    # question's own terms the answer uses, at most 10.
    credit = len(found) - (0.5 if "result" in found and not measurable.present else 0.0)
    structure = scored(level, MEASURED, items, f"{len(found)} of 5 parts found in the answer's sentences -> {level} "
                                               "(5 4, 4 3, 2-3 2, 0-1 1); in the question score 18 per part (a "
                                               "result without a number 9) plus up to 10 for the question's terms")
    structure["value"] = 18.0 * credit + min(10, analysis.relevance)
    actions = analysis.first_person_actions
    done = max(len(actions), analysis.action_verbs)
    own_level = 4 if done >= 3 else 3 if done == 2 else 2 if done == 1 else 1
    we = f"no sentence says what you did yourself ({analysis.we_sentences} speak of \u201cwe\u201d)"
    own_items = [evidence("quote", s) for s in actions[:3]] or [evidence("measure", we)]
    ownership = scored(own_level, MEASURED, own_items, f"{done} action(s) of your own -> {own_level} (3+ 4, 2 3, 1 2, "
                                                       "none 1)")
    return structure, parts, result, ownership


def star(facts: QuestionFacts) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """STAR(R) structure as a dimension, the parts with their quotes, and the measurable result, from a model's
    evaluation (measured_star when there is none)."""
    evaluation = facts.evaluation or {}
    parts: dict[str, Any] = {}
    raw = _dict(evaluation.get("star"))
    for name in STAR_PARTS:
        entry = _dict(raw.get(name))
        quote = str(entry.get("quote") or "")
        present = bool(entry.get("present")) and bool(quote) and quote_occurs(quote, facts.candidate_words)
        parts[name] = {"present": present, "quote": quote if present else ""}
    found, level, items = _star_parts_level(parts, "not found with a quote")
    dimension = scored(level, MODEL, items, f"{len(found)} of 5 parts -> {level} (5 4, 4 3, 2-3 2, 0-1 1)")
    measurable = _dict(evaluation.get("measurable_result"))
    quote = str(measurable.get("quote") or "")
    present = bool(measurable.get("present")) and bool(quote) and quote_occurs(quote, facts.candidate_words)
    result = {"present": present, "quote": quote if present else "",
              "reason": "" if present else "no result with a number was quoted from the answer"}
    return dimension, parts, result


