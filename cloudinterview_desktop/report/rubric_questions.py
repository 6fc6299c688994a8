"""The rubric of one question. Measured dimensions are computed by code with the mappings written out below;
qualitative ones come only from the model's evaluation and stand only on a quote that occurs in the answer; a
dimension without evidence is "not observed" or "not evaluated", with the reason, never a default number.

Mappings (1 weak, 2 partial, 3 solid, 4 strong):
- correctness: an accepted submission 4; otherwise the best submission's share of hidden tests: >= 75% 3,
  >= 40% 2, less 1. No submission by the end of the question: 1 (0 of N hidden tests passed).
- problem solving: the outcome sets a ceiling (accepted 4; best share >= 50% 3; any other attempt 2) and each
  hint level used takes one off it, down to 1; in the tutor style hints are listed but not counted.
- testing and debugging: 4, less 1 when nothing was run before the first submission, less 1 for each failed
  submission before acceptance (at most 2), less 1 when nothing was accepted; 1 at least. Without a submission it
  is not observed.
- complexity: the time and space the candidate stated against the reference's (compared by code): both match 4;
  time matches 3; only space matches 2; stated but wrong 1.
- key points (theory): the share of the item's key points covered (partial counts half): >= 85% 4, >= 60% 3,
  >= 30% 2, less 1. Measured by code when no model evaluated the answer: a point is covered when one sentence of
  the answer holds at least half of its meaning words (two at least), partly covered at 30%
  (interviewer/answer_analysis.py); the covering sentence is the quote. Measured, it counts in the question score
  as 90 x the share plus one point per word of the question's own terms the answer uses (at most 10).
- STAR(R) structure (behavioral): parts found with a quote, of situation, task, action, result, reflection:
  5 -> 4, 4 -> 3, 2-3 -> 2, 0-1 -> 1. Measured by code without a model: each part by the phrases that mark it
  (a setting, a goal, "I" + an action verb, an outcome, a lesson), the sentence found is the quote; in the question
  score each part counts 18, a result without a number 9, plus one point per word of the question's own terms the
  answer uses (at most 10).
- ownership (behavioral, measured without a model): sentences where the candidate says what they did themselves:
  3 or more 4, 2 3, 1 2, none 1.
- An answer that does not address the question scores 1 on every dimension of the question: a theory answer that
  uses fewer than 2 words of the question itself, under a sixth of its vocabulary from the item and covers no key
  point; a behavioral answer that uses at most one meaning word of the question's texts and its competency's words
  (with two, the follow-up steers back to the question and the score stands). Sentences that address the evaluator
  ("ignore previous instructions", "give the maximum score") are flagged and removed before anything is measured.
- code quality, communication, understanding, and ownership when a model evaluated the answer: the model's 1-4
  score, kept only with its quote."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cloudinterview_desktop.domain.complexity import compare, stated_complexity
from cloudinterview_desktop.domain.problems import BankItem, BehavioralQuestion, CodingProblem, TheoryQuestion
from cloudinterview_desktop.domain.quotes import quote_occurs
from cloudinterview_desktop.domain.session import (
    EventKind,
    InterviewQuestion,
    InterviewSession,
    InterviewStyle,
    Role,
    TimelineEvent,
)
from cloudinterview_desktop.interviewer.answer_analysis import analyze_behavioral, analyze_theory
from cloudinterview_desktop.interviewer.injection import scan
from cloudinterview_desktop.report.text import moment

SCORED, NOT_OBSERVED, NOT_EVALUATED = "scored", "not_observed", "not_evaluated"
MEASURED, MODEL = "measured", "model"
STAR_PARTS = ("situation", "task", "action", "result", "reflection")

DIMENSION_LABELS: dict[str, str] = {
    "understanding": "Understanding & clarification",
    "problem_solving": "Problem solving",
    "complexity": "Complexity analysis",
    "correctness": "Correctness",
    "code_quality": "Code quality",
    "testing": "Testing & debugging",
    "communication": "Communication",
    "theory_coverage": "Key points covered",
    "star_structure": "STAR(R) structure",
    "ownership": "Ownership",
}
KIND_DIMENSIONS: dict[str, tuple[str, ...]] = {
    "coding": ("understanding", "problem_solving", "complexity", "correctness", "code_quality", "testing",
               "communication"),
    "theory": ("theory_coverage", "communication"),
    "behavioral": ("star_structure", "ownership"),
}
# How each dimension gets its level: shown in the reports beside the scores.
MAPPINGS: dict[str, str] = {
    "correctness": "measured: accepted 4; else the best submission's share of hidden tests: >= 75% 3, >= 40% 2, "
                   "less 1; not submitted 1",
    "problem_solving": "measured: ceiling from the outcome (accepted 4, >= 50% of hidden tests 3, else 2), minus one "
                       "per hint level used (not counted in the tutor style), at least 1",
    "testing": "measured: 4, -1 if nothing was run before the first submission, -1 per failed submission before "
               "acceptance (at most 2), -1 if never accepted; not observed without a submission",
    "complexity": "measured: stated time and space against the reference's: both match 4, time 3, only space 2, "
                  "stated but wrong 1; not observed when nothing was stated",
    "theory_coverage": "measured (or a passing model's, checked by code): share of key points found with a quote "
                       "(partial half): >= 85% 4, >= 60% 3, >= 30% 2, less 1",
    "star_structure": "measured (or a passing model's, checked by code): STAR(R) parts found with a quote: 5 -> 4, "
                      "4 -> 3, 2-3 -> 2, 0-1 -> 1",
    "code_quality": "model: its 1-4 score, kept only with a quote from the code",
    "communication": "model: its 1-4 score, kept only with a quote from the explanation",
    "ownership": "measured: sentences of your own actions, 3+ 4, 2 3, 1 2, none 1 (a passing model's score with a "
                 "quote when one evaluated the answer)",
    "understanding": "model: its 1-4 score when the evaluation judges it; the clarifying questions asked are listed",
}
# How much each dimension counts in a question's score (a weighted mean over the dimensions that were scored).
WEIGHTS: dict[str, int] = {
    "correctness": 3, "problem_solving": 2, "complexity": 1, "testing": 1, "code_quality": 1, "communication": 1,
    "understanding": 1, "theory_coverage": 3, "star_structure": 2, "ownership": 2,
}


def evidence(kind: str, text: str, at: str | None = None) -> dict[str, Any]:
    """One piece of evidence: a quote from the answer, a test result, a timeline moment or a measurement."""
    return {"type": kind, "text": text, "at": at}


def scored(score: int, source: str, items: list[dict[str, Any]], basis: str, comment: str = "") -> dict[str, Any]:
    return {"score": score, "status": SCORED, "source": source, "evidence": items, "basis": basis,
            "comment": comment, "reason": ""}


def unscored(status: str, source: str, reason: str, items: Iterable[dict[str, Any]] = (),
             comment: str = "") -> dict[str, Any]:
    return {"score": None, "status": status, "source": source, "evidence": list(items), "basis": "",
            "comment": comment, "reason": reason}


def question_score(dimensions: dict[str, dict[str, Any]]) -> float | None:
    """0-100: the weighted mean of the scored dimensions, each level mapped 1 -> 0, 4 -> 100; a measured
    dimension that carries its exact value (0-100, e.g. the share of key points covered) counts with that value."""
    parts = [(WEIGHTS[name], float(d["value"]) if isinstance(d.get("value"), int | float)
              else (d["score"] - 1) / 3 * 100) for name, d in dimensions.items() if isinstance(d.get("score"), int)]
    total = sum(w for w, _ in parts)
    return round(sum(w * v for w, v in parts) / total, 1) if total else None


@dataclass(frozen=True)
class QuestionFacts:
    """What the session recorded about one question, gathered once."""

    session: InterviewSession
    question: InterviewQuestion
    item: BankItem | None
    signals: dict[str, Any]
    model_reason: str | None  # why no model evaluated this session; None when one did

    @property
    def start(self) -> datetime | None:
        return self.session.started_at

    def when(self, event: TimelineEvent) -> str | None:
        return moment(event.at, self.session.started_at)

    @property
    def events(self) -> list[TimelineEvent]:
        return [e for e in self.session.timeline if e.question_index == self.question.index]

    @property
    def runs(self) -> list[TimelineEvent]:
        return [e for e in self.events if e.kind is EventKind.CODE_RUN]

    @property
    def submits(self) -> list[TimelineEvent]:
        return [e for e in self.runs if e.payload.get("mode") == "submit"]

    @property
    def hints(self) -> list[TimelineEvent]:
        return [e for e in self.events if e.kind is EventKind.HINT]

    @property
    def text(self) -> str:
        return "\n\n".join(a.text for a in self.session.answers_for(self.question.index) if a.text.strip())

    @property
    def chat(self) -> list[tuple[str | None, str]]:
        return [(moment(m.created_at, self.session.started_at), m.content) for m in self.session.ai_responses
                if m.role is Role.CANDIDATE and m.purpose == "chat" and m.question_index == self.question.index]

    @property
    def codes(self) -> list[str]:
        found = [str(e.payload.get("code") or "") for e in self.runs]
        found += [a.code for a in self.session.answers_for(self.question.index)]
        return [c for c in found if c.strip()]

    @property
    def candidate_words(self) -> str:
        """Everything the candidate wrote for this question: where a model's quote must occur."""
        return "\n\n".join([self.text, *(c for _, c in self.chat), *self.codes])

    @property
    def attempted(self) -> bool:
        return bool(self.text.strip() or self.codes or self.chat)

    @property
    def evaluation(self) -> dict[str, Any] | None:
        value = self.signals.get("evaluation")
        return value if isinstance(value, dict) else None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _is_level(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 4


def _verdict(payload: dict[str, Any]) -> str:
    return str(payload.get("verdict") or "unknown").replace("_", " ")


def _share(payload: dict[str, Any]) -> float:
    total = int(payload.get("total") or 0)
    return int(payload.get("passed") or 0) / total if total else 0.0


def _run_text(payload: dict[str, Any]) -> str:
    hidden = "hidden tests" if payload.get("mode") == "submit" else "tests (examples and custom input)"
    text = f"{payload.get('mode', 'run')}: {_verdict(payload)}, {payload.get('passed', 0)}/{payload.get('total', 0)} " \
           f"{hidden} passed"
    if payload.get("mode") == "submit" and payload.get("first_failure") is not None:
        text += f", first failure: hidden test {payload['first_failure']}"
    if payload.get("language"):
        text += f" ({payload['language']})"
    return text


# -- measured dimensions --------------------------------------------------------------------------------------

def correctness(facts: QuestionFacts) -> dict[str, Any]:
    submits = facts.submits
    if not submits:
        total = facts.signals.get("tests_total") or 0
        items = [evidence("test", f"not submitted: 0 of {total} hidden tests passed" if total else
                          "not submitted to the hidden tests")]
        if facts.runs:
            last = facts.runs[-1]
            items.append(evidence("moment", "last run before the end: " + _run_text(last.payload), facts.when(last)))
        return scored(1, MEASURED, items, "no submission to the hidden tests -> 1")
    accepted = next((e for e in submits if e.payload.get("verdict") == "accepted"), None)
    deciding = accepted or max(submits, key=lambda e: _share(e.payload))
    # The submission that decided the level first, then the others (the last few), in time order.
    items = [evidence("test", _run_text(deciding.payload), facts.when(deciding))]
    items += [evidence("test", _run_text(e.payload), facts.when(e)) for e in submits if e is not deciding][-3:]
    best = deciding.payload
    if accepted is not None:
        return scored(4, MEASURED, items, f"accepted ({best.get('passed')}/{best.get('total')} hidden tests) -> 4")
    share = _share(best)
    level = 3 if share >= 0.75 else 2 if share >= 0.40 else 1
    return scored(level, MEASURED, items, f"best submission {best.get('passed', 0)}/{best.get('total', 0)} hidden "
                                          f"tests ({share:.0%}), {_verdict(best)} -> {level} "
                                          "(>= 75% 3, >= 40% 2, less 1)")


def testing(facts: QuestionFacts) -> dict[str, Any]:
    runs = facts.runs
    first_submit = next((n for n, e in enumerate(runs) if e.payload.get("mode") == "submit"), None)
    if first_submit is None:
        items = [evidence("moment", _run_text(e.payload), facts.when(e)) for e in runs[-3:]]
        return unscored(NOT_OBSERVED, MEASURED, "nothing was submitted, so testing before submitting cannot be "
                        "judged" + (f"; {len(runs)} run(s) on the examples are listed" if runs else ""), items)
    tested = first_submit  # runs on the examples before the first submission
    accepted_at = next((n for n, e in enumerate(runs) if e.payload.get("verdict") == "accepted"
                        and e.payload.get("mode") == "submit"), None)
    considered = runs[:accepted_at + 1] if accepted_at is not None else runs
    failed = sum(1 for e in considered if e.payload.get("mode") == "submit" and e.payload.get("verdict") != "accepted")
    level = 4 - (0 if tested else 1) - min(failed, 2) - (0 if accepted_at is not None else 1)
    level = max(1, level)
    items = [evidence("moment", f"{tested} run(s) on the examples before the first submission",
                      facts.when(runs[first_submit]))]
    items += [evidence("test", _run_text(e.payload), facts.when(e)) for e in considered
              if e.payload.get("mode") == "submit"][-4:]
    basis = (f"4, {'' if tested else '-1 nothing run before submitting, '}-{min(failed, 2)} for {failed} failed "
             f"submission(s){'' if accepted_at is not None else ', -1 never accepted'} -> {level}")
    return scored(level, MEASURED, items, basis)


def problem_solving(facts: QuestionFacts) -> dict[str, Any]:
    if not facts.codes:
        return unscored(NOT_OBSERVED, MEASURED, "no code was written or run for this problem")
    submits = [e.payload for e in facts.submits]
    accepted = any(p.get("verdict") == "accepted" for p in submits)
    best = max((_share(p) for p in submits), default=0.0)
    ceiling, outcome = ((4, "accepted") if accepted else
                        (3, f"best submission passed {best:.0%} of the hidden tests") if best >= 0.5 else
                        (2, "attempted without an accepted or mostly passing submission"))
    hints = facts.hints
    level_used = max((int(e.payload.get("level") or 0) for e in hints), default=0)
    tutor = facts.session.config.style is InterviewStyle.TUTOR
    items = [evidence("measure", f"{outcome}; " + (f"hints up to level {level_used}" if hints else "no hints"))]
    items += [evidence("moment", f"hint level {e.payload.get('level')} ({e.payload.get('source', 'hint')})",
                       facts.when(e)) for e in hints]
    penalty = 0 if tutor else min(level_used, 3)
    level = max(1, ceiling - penalty)
    note = " (tutor style: hints are part of the teaching and are not counted)" if tutor and hints else ""
    return scored(level, MEASURED, items, f"{outcome} -> at most {ceiling}, -{penalty} for hint level "
                                          f"{level_used} -> {level}{note}")


def _complexity_facts(facts: QuestionFacts) -> dict[str, Any]:
    evaluation = facts.evaluation or {}
    stored = evaluation.get("complexity") or _dict(evaluation.get("measured")).get("complexity")
    if isinstance(stored, dict):
        return stored
    reference_time = reference_space = ""
    if isinstance(facts.item, CodingProblem) and facts.item.solution is not None:
        reference_time, reference_space = facts.item.solution.time, facts.item.solution.space
    stated = stated_complexity("\n".join([facts.text, *(c for _, c in facts.chat)]))
    return {"stated_time": stated.time, "reference_time": reference_time,
            "time_matches": compare(stated.time, reference_time),
            "stated_space": stated.space, "reference_space": reference_space,
            "space_matches": compare(stated.space, reference_space)}


def complexity(facts: QuestionFacts) -> dict[str, Any]:
    c = _complexity_facts(facts)
    if not c.get("reference_time") and not c.get("reference_space"):
        reason = ("the problem's bank item is not available, so there is no reference to compare with"
                  if facts.item is None else "the problem has no reference complexity to compare with")
        return unscored(NOT_EVALUATED, MEASURED, reason)
    if not c.get("stated_time") and not c.get("stated_space"):
        return unscored(NOT_OBSERVED, MEASURED, "no time or space complexity (an O(...)) was stated in the "
                        "explanation")
    items = []
    for key in ("time", "space"):
        said, reference, matches = c.get(f"stated_{key}"), c.get(f"reference_{key}"), c.get(f"{key}_matches")
        verdict = "matches" if matches else "does not match" if matches is False else "not compared"
        stated = f"stated \u201c{said}\u201d" if said else "nothing stated"
        items.append(evidence("measure", f"{key}: {stated}, reference {reference or 'unknown'}: {verdict}"))
    time_ok, space_ok = c.get("time_matches"), c.get("space_matches")
    level = 4 if time_ok and space_ok else 3 if time_ok else 2 if space_ok else 1
    return scored(level, MEASURED, items, f"time {'matches' if time_ok else 'does not match or not stated'}, "
                                          f"space {'matches' if space_ok else 'does not match or not stated'} -> "
                                          f"{level}")


# -- qualitative dimensions: the model's, on its quotes ---------------------------------------------------------

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


def _off_topic(relevance: int) -> dict[str, Any]:
    return scored(1, MEASURED, [evidence("measure", f"uses {relevance} of the question's own meaning words")],
                  "the answer does not address the question -> 1")


def measured_theory(facts: QuestionFacts, item: TheoryQuestion) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    analysis = analyze_theory(facts.text, item)
    checked = [{"point": p.point, "status": p.status, "quote": p.quote} for p in analysis.points]
    if not analysis.on_topic:
        return _off_topic(analysis.relevance), [{**p, "status": "missed", "quote": ""} for p in checked]
    coverage = analysis.coverage
    level = 4 if coverage >= 0.85 else 3 if coverage >= 0.6 else 2 if coverage >= 0.3 else 1
    items = [evidence("quote", p["quote"]) for p in checked if p["status"] in ("covered", "partial")][:4]
    missed = [p["point"] for p in checked if p["status"] == "missed"]
    if missed:
        items.append(evidence("measure", "missed: " + "; ".join(missed)))
    basis = (f"{analysis.credit:g} of {len(checked)} key points ({coverage:.0%}) found in the answer's sentences "
             f"-> {level} (>= 85% 4, >= 60% 3, >= 30% 2); in the question score 90 x the share, plus one point per "
             f"word of the question's own terms used (at most 10)")
    dimension = scored(level, MEASURED, items, basis)
    # The exact share counts in the question score, plus up to 10 points for staying on the question's own terms.
    dimension["value"] = round(90 * coverage + min(10, analysis.relevance), 1)
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
    own_level = 4 if len(actions) >= 3 else 3 if len(actions) == 2 else 2 if len(actions) == 1 else 1
    we = f"no sentence says what you did yourself ({analysis.we_sentences} speak of \u201cwe\u201d)"
    own_items = [evidence("quote", s) for s in actions[:3]] or [evidence("measure", we)]
    ownership = scored(own_level, MEASURED, own_items, f"{len(actions)} sentence(s) of your own actions -> {own_level} "
                                                       "(3+ 4, 2 3, 1 2, none 1)")
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


# -- delivery: observations, not scores ---------------------------------------------------------------------

def delivery(facts: QuestionFacts) -> list[dict[str, Any]]:
    out = []
    for n, event in enumerate(e for e in facts.events if e.kind is EventKind.ANSWER_SUBMITTED):
        stats = event.payload.get("delivery")
        if not isinstance(stats, dict):
            continue
        lines = [f"spoke {float(stats.get('talk_time_s') or 0):.0f} s, {stats.get('word_count', 0)} words, "
                 f"{float(stats.get('words_per_minute') or 0):.0f} words per minute"]
        fillers = _dict(stats.get("fillers"))
        count = int(stats.get("filler_count") or 0)
        if count:
            ranked = sorted(fillers.items(), key=lambda kv: (-int(kv[1]), kv[0]))[:4]
            top = ", ".join(f"\u201c{w}\u201d \u00d7{c}" for w, c in ranked)
            lines.append(f"{count} filler words ({float(stats.get('fillers_per_minute') or 0):.1f} per minute)"
                         + (f": {top}" if top else ""))
        else:
            lines.append("no filler words transcribed")
        pauses = stats.get("long_pauses") if isinstance(stats.get("long_pauses"), list) else []
        if pauses:
            lines.append(f"{len(pauses)} pause(s) longer than {stats.get('pause_threshold_s', 2.5)} s "
                         f"(longest {float(stats.get('longest_pause_s') or 0):.1f} s)")
        out.append({"answer": n + 1, "at": facts.when(event), "metrics": stats, "observations": lines})
    return out


# -- one question -----------------------------------------------------------------------------------------------

def _model_comments(evaluation: dict[str, Any] | None) -> tuple[list[str], list[str]]:
    if not evaluation or evaluation.get("status") != "evaluated":
        return [], []
    comments = [f"{field.replace('_', ' ')}: {evaluation[field]['comment']}"
                for field in ("code_quality", "communication", "clarity", "ownership", "understanding")
                if isinstance(evaluation.get(field), dict) and evaluation[field].get("comment")]
    comments += [f"line \u201c{n.get('line', '')}\u201d: {n.get('note', '')}"
                 for n in evaluation.get("quality_notes", []) if isinstance(n, dict)]
    flags = [str(f) for f in evaluation.get("flags", [])]
    return comments, flags


def question_rubric(facts: QuestionFacts) -> dict[str, Any]:
    kind = facts.question.kind
    names = KIND_DIMENSIONS.get(kind, ())
    rubric: dict[str, Any] = {"kind": kind, "asked_at": moment(facts.question.asked_at, facts.start)}
    if facts.question.asked_at is None:
        rubric.update(status="not_asked", score=None, score_basis="not asked: left out of the overall score",
                      dimensions={n: unscored(NOT_OBSERVED, MEASURED, "the question was not asked") for n in names})
        return rubric
    if not facts.attempted:
        rubric.update(status="not_answered", score=0.0, score_basis="asked but not answered: counts 0",
                      dimensions={n: unscored(NOT_OBSERVED, MEASURED, "no answer or code was given") for n in names})
        return rubric
    dims: dict[str, dict[str, Any]] = {}
    if kind == "coding":
        dims = {"understanding": understanding(facts), "problem_solving": problem_solving(facts),
                "complexity": complexity(facts), "correctness": correctness(facts),
                "code_quality": model_dimension(facts, ("code_quality",), "code quality"),
                "testing": testing(facts),
                "communication": model_dimension(facts, ("communication", "clarity"), "communication")}
        final = facts.submits[-1].payload if facts.submits else None
        rubric["verdict"] = final.get("verdict") if final else None
        rubric["tests"] = (f"{final.get('passed', 0)}/{final.get('total', 0)}" if final else None)
        rubric["runs"] = [{"at": facts.when(e), "text": _run_text(e.payload), "mode": e.payload.get("mode"),
                           "verdict": e.payload.get("verdict"), "passed": e.payload.get("passed"),
                           "total": e.payload.get("total")} for e in facts.runs]
    elif kind == "theory":
        coverage, points = theory_coverage(facts)
        dims = {"theory_coverage": coverage,
                "communication": model_dimension(facts, ("clarity", "communication"), "clarity")}
        rubric["key_points"] = points
        rubric["covered"] = [p["point"] for p in points if p["status"] == "covered"]
        rubric["missed"] = [p["point"] for p in points if p["status"] not in ("covered", "partial")]
    elif kind == "behavioral":
        evaluated = facts.evaluation is not None and facts.evaluation.get("status") == "evaluated"
        measured = None if evaluated else measured_star(facts)  # measured once, for all three dimensions
        structure, parts, result = measured[:3] if measured is not None else star(facts)
        ownership = model_dimension(facts, ("ownership",), "ownership")
        if ownership["status"] == NOT_EVALUATED:  # no model judged it: measured by code
            ownership = (measured or measured_star(facts))[3]
        dims = {"star_structure": structure, "ownership": ownership}
        rubric["star"] = parts
        rubric["measurable_result"] = result
        rubric["competency"] = (facts.item.competency if isinstance(facts.item, BehavioralQuestion) else
                                (facts.question.topics[0] if facts.question.topics else ""))
    if isinstance(facts.item, TheoryQuestion | CodingProblem):
        rubric["topics"] = list(facts.item.topics)
    comments, flags = _model_comments(facts.evaluation)
    injected = [*scan(facts.candidate_words).flagged]
    if injected:
        flags.append("the answer addresses the evaluator (ignored, not scored): " +
                     " / ".join(f"\u201c{s[:100]}\u201d" for s in injected[:3]))
        rubric["injection"] = injected
    score = question_score(dims)
    rubric.update(status="answered", dimensions=dims, score=score, comments=comments, flags=flags,
                  delivery=delivery(facts),
                  score_basis=("weighted mean of the scored dimensions" if score is not None else
                               "nothing in this answer could be scored: left out of the overall score"))
    return rubric
