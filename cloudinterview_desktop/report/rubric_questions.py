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
  the answer holds at least half of its meaning words (two at least), partly covered at 30% or when a sentence says
  one of the point's authored cues (interviewer/answer_analysis.py); the covering sentence is the quote. When the
  title lists the things the question contrasts ("State versus props", "Unit, integration and end-to-end tests"), a
  clause that names another of them and not the point's own is no evidence for that point. A sentence
  that states one of the item's authored misconceptions (and does not refute it) unmakes that point and takes a
  level off, at least 1. Measured, it counts in the question score as 90 x the share plus one point per word of the
  question's own terms the answer uses (at most 10), less 30 per misconception stated, at least 0.
- STAR(R) structure (behavioral): parts found with a quote, of situation, task, action, result, reflection:
  5 -> 4, 4 -> 3, 2-3 -> 2, 0-1 -> 1. Measured by code without a model: each part by the phrases that mark it
  (a setting, a goal, "I" + an action verb, an outcome, a lesson), the sentence found is the quote; in the question
  score each part counts 18, a result without a number 9, plus one point per word of the question's own terms the
  answer uses (at most 10).
- ownership (behavioral, measured without a model): the actions the candidate says they took themselves ("I" and
  a past-tense action verb; several in one sentence count apart): 3 or more 4, 2 3, 1 2, none 1.
- An answer that does not address the question scores 1 on every dimension of the question: a theory answer that
  uses fewer than 2 words of the question itself, under a sixth of its vocabulary from the item and covers no key
  point; a behavioral answer that uses at most one meaning word of the question's texts and its competency's words
  (at most two where the item authors topic words; one more and the follow-up steers back to the question and the
  score stands). Sentences that address the evaluator
  ("ignore previous instructions", "give the maximum score") are flagged and removed before anything is measured.
- code quality, communication, understanding, and ownership when a model evaluated the answer: the model's 1-4
  score, kept only with its quote."""

from __future__ import annotations

from typing import Any

from cloudinterview_desktop.domain.complexity import compare, stated_complexity
from cloudinterview_desktop.domain.problems import BehavioralQuestion, CodingProblem, TheoryQuestion
from cloudinterview_desktop.domain.session import EventKind, InterviewStyle
from cloudinterview_desktop.interviewer.injection import scan
from cloudinterview_desktop.report.rubric_answers import (
    measured_star,
    model_dimension,
    star,
    theory_coverage,
    understanding,
)
from cloudinterview_desktop.report.rubric_facts import (
    DIMENSION_LABELS,
    KIND_DIMENSIONS,
    MAPPINGS,
    MEASURED,
    MODEL,
    NOT_EVALUATED,
    NOT_OBSERVED,
    WEIGHTS,
    QuestionFacts,
    _dict,
    _run_text,
    _share,
    _verdict,
    evidence,
    question_score,
    scored,
    unscored,
)
from cloudinterview_desktop.report.text import moment

__all__ = ["DIMENSION_LABELS", "KIND_DIMENSIONS", "MAPPINGS", "MODEL", "WEIGHTS", "QuestionFacts", "question_rubric"]

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
