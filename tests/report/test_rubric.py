"""The rubric computed at end_session: measured dimensions from the timeline with their evidence, qualitative ones
only from a model's quoted evaluation, nothing scored without evidence, and what history reads from it."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from cloudinterview_desktop.ai.services.model_feedback import STOPPED, ModelFeedbackBuilder
from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.domain.session import InterviewSession, SessionStatus
from cloudinterview_desktop.feedback.measured import MeasuredFeedbackBuilder
from cloudinterview_desktop.report.rubric import NO_MODEL, RubricFeedbackBuilder
from cloudinterview_desktop.report.rubric_questions import KIND_DIMENSIONS
from tests.report.scripted import INVENTED, ScriptedEvaluator
from tests.report.sessions import (
    abandoned_session,
    behavioral_session,
    items_of,
    rubric_service,
    technical_session,
)

QUALITATIVE = {"code_quality", "communication", "understanding", "theory_coverage", "star_structure", "ownership"}


def _payload(session: InterviewSession) -> dict[str, Any]:
    assert session.feedback is not None
    return session.feedback.payload


def assert_every_score_has_evidence(payload: dict[str, Any]) -> None:
    """The rubric's contract: a level stands on evidence; without one there is a reason, never a number."""
    for question in payload["questions"]:
        for name, dim in question["rubric"]["dimensions"].items():
            if dim["score"] is None:
                assert dim["status"] in ("not_observed", "not_evaluated") and dim["reason"], (name, dim)
            else:
                assert dim["score"] in (1, 2, 3, 4) and dim["evidence"] and dim["basis"], (name, dim)
    for name, dim in payload["dimensions"].items():
        assert (dim["score"] is None) == (not dim["questions"]), name
        if dim["score"] is None:
            assert dim["reason"], name
        else:
            assert 1 <= dim["score"] <= 4 and dim["evidence"], name


def test_without_a_model_qualitative_dimensions_are_not_evaluated_with_the_reason(core: AppCore) -> None:
    session = technical_session(core, rubric_service(core))
    payload = _payload(session)
    assert payload["source"] == "measured" and payload["rubric_version"] == 1
    assert_every_score_has_evidence(payload)
    coding = payload["questions"][0]["rubric"]["dimensions"]
    for name in ("code_quality", "communication", "understanding"):
        assert coding[name]["score"] is None and coding[name]["status"] == "not_evaluated"
        assert coding[name]["reason"].startswith(NO_MODEL)
    theory = payload["questions"][1]["rubric"]["dimensions"]["theory_coverage"]
    # key points are measured by code, with the mapping in the basis
    assert theory["source"] == "measured" and theory["score"] in (1, 2, 3, 4) and "key points" in theory["basis"]
    for name in (QUALITATIVE - {"theory_coverage", "star_structure", "ownership"}) & set(payload["dimensions"]):
        assert payload["dimensions"][name]["score"] is None and payload["dimensions"][name]["reason"]
    # No model, so no hire band, and it says why.
    assert payload["overall"]["hire_band"] is None
    assert "qualitative" in payload["overall"]["hire_band_reason"]


def test_measured_coding_dimensions_follow_the_documented_mapping(core: AppCore) -> None:
    session = technical_session(core, rubric_service(core))
    rubric = _payload(session)["questions"][0]["rubric"]
    dims = rubric["dimensions"]
    # Accepted on the second submission: correctness 4, evidenced by the accepted submission first.
    assert dims["correctness"]["score"] == 4
    assert dims["correctness"]["evidence"][0]["text"].startswith("submit: accepted")
    assert dims["correctness"]["evidence"][0]["at"].startswith("+")
    # One run before submitting, one failed submission before acceptance: 4 - 1.
    assert dims["testing"]["score"] == 3
    assert "1 failed submission" in dims["testing"]["basis"]
    # Accepted after a level-1 hint in the interviewer style: 4 - 1.
    assert dims["problem_solving"]["score"] == 3
    assert any(e["type"] == "moment" and "hint level 1" in e["text"] for e in dims["problem_solving"]["evidence"])
    # The explanation stated the reference's time and space: compared by code, both match.
    complexity = dims["complexity"]
    assert complexity["score"] == 4 and complexity["source"] == "measured"
    assert [e["text"].endswith(": matches") for e in complexity["evidence"]] == [True, True]
    # The clarifying question is listed as evidence even though nothing scores it.
    assert dims["understanding"]["evidence"][0]["text"] == "Can the input be empty?"
    assert [r["verdict"] for r in rubric["runs"]] == ["accepted", "compile_error", "accepted"]
    assert rubric["tests"].split("/")[0] == rubric["tests"].split("/")[1]


def test_unanswered_questions_count_zero_and_the_score_basis_says_so(core: AppCore) -> None:
    payload = _payload(technical_session(core, rubric_service(core)))
    rows = payload["overall"]["scoring"]["questions"]
    assert [r["status"] for r in rows] == ["answered", "answered", "not_answered"]
    assert rows[2]["score"] == 0.0 and rows[1]["score"] is not None  # unanswered: 0; theory measured by code
    assert payload["overall"]["score"] == pytest.approx((rows[0]["score"] + rows[1]["score"] + 0.0) / 3, abs=0.1)
    basis = payload["overall"]["basis"]
    assert "1 asked but unanswered count 0" in basis and "measured by code" in basis
    assert payload["overall"]["base_score"] == 100.0  # the measured builder's share of hidden tests, kept beside


def test_history_reads_the_summary_scores(core: AppCore) -> None:
    session = technical_session(core, rubric_service(core))
    payload = _payload(session)
    summary = next(s for s in core.sessions.summaries() if s.id == session.id)
    assert summary.overall_score == payload["overall"]["score"]
    scored = {name: d["score"] for name, d in payload["dimensions"].items() if d["score"] is not None}
    assert summary.dimensions == scored and "correctness" in scored
    assert not (QUALITATIVE - {"theory_coverage", "star_structure", "ownership"}) & set(summary.dimensions)


def test_recommendations_are_bank_problems_on_the_weak_topics_picked_deterministically(core: AppCore) -> None:
    session = technical_session(core, rubric_service(core))
    payload = _payload(session)
    again = RubricFeedbackBuilder(MeasuredFeedbackBuilder(), core.bank).build(
        session, items_of(core, session))
    assert again["overall"]["improvements"] == payload["overall"]["improvements"]
    coding_topics = set(session.questions[0].topics)
    recommended = [r for item in payload["overall"]["improvements"] for r in item["recommended"]]
    weak_coding = [name for name, d in payload["dimensions"].items()
                   if name in ("correctness", "problem_solving", "complexity", "testing") and d["score"] is not None
                   and d["score"] <= 2.5]
    if weak_coding:
        assert recommended
    asked = {q.item_slug for q in session.questions}
    for rec in recommended:
        assert rec["slug"] not in asked
        item = core.bank.get(rec["slug"])
        assert rec["topic"] in item.topics and rec["topic"] in coding_topics | set(session.questions[1].topics)


def test_with_a_model_qualitative_dimensions_stand_only_on_quotes_from_the_answer(core: AppCore) -> None:
    base = ModelFeedbackBuilder(ScriptedEvaluator(invent_communication=True))
    session = technical_session(core, rubric_service(core, base))
    payload = _payload(session)
    assert payload["source"] == "measured+model" and payload["model"] == "scripted-evaluator"
    assert_every_score_has_evidence(payload)
    coding = payload["questions"][0]["rubric"]["dimensions"]
    assert coding["code_quality"]["score"] == 3 and coding["code_quality"]["source"] == "model"
    assert coding["code_quality"]["evidence"][0]["type"] == "quote"
    # The scripted model scored communication 4 on a sentence the candidate never wrote: the score is dropped.
    assert coding["communication"]["score"] is None and coding["communication"]["status"] == "not_observed"
    assert "does not occur" in coding["communication"]["reason"]
    assert INVENTED not in str(payload["dimensions"]["communication"]["evidence"])
    theory = payload["questions"][1]["rubric"]
    assert theory["dimensions"]["theory_coverage"]["score"] == 1  # 1 of 5 key points covered: below 30%
    assert theory["covered"] and theory["missed"]
    assert any(step.startswith("Review: Q2") for item in payload["overall"]["improvements"]
               for step in item["next_steps"])


def test_behavioral_star_ownership_result_and_delivery(core: AppCore) -> None:
    base = ModelFeedbackBuilder(ScriptedEvaluator())
    payload = _payload(behavioral_session(core, rubric_service(core, base)))
    assert_every_score_has_evidence(payload)
    first, second = (q["rubric"] for q in payload["questions"])
    assert first["dimensions"]["star_structure"]["score"] == 4  # all five parts, each quoted
    assert all(part["present"] and part["quote"] for part in first["star"].values())
    assert first["dimensions"]["ownership"]["score"] == 4
    assert first["measurable_result"] == {"present": True, "quote": "errors fell by 40%", "reason": ""}
    assert first["competency"]
    assert second["dimensions"]["star_structure"]["score"] == 1  # no part found with a quote
    assert second["dimensions"]["ownership"]["score"] is None
    assert second["measurable_result"]["present"] is False
    delivery = first["delivery"][0]
    assert delivery["observations"][0] == "spoke 60 s, 190 words, 190 words per minute"
    assert "7 filler words" in delivery["observations"][1]
    areas = [i["dimension"] for i in payload["overall"]["improvements"]]
    assert "Delivery: pace" in areas and "Delivery: filler words" in areas and "Measurable result" in areas
    assert payload["overall"]["hire_band"] in ("strong no", "lean no", "lean yes", "strong yes")
    assert "->" in payload["overall"]["hire_band_reason"]


def test_an_abandoned_session_gets_no_band(core: AppCore) -> None:
    service = rubric_service(core)
    session = abandoned_session(core, service)
    assert session.status is SessionStatus.ABANDONED and session.feedback is None
    payload = RubricFeedbackBuilder(MeasuredFeedbackBuilder(), core.bank).build(session, items_of(core, session))
    assert payload["overall"]["hire_band"] is None
    assert "abandoned" in payload["overall"]["hire_band_reason"]
    statuses = [q["rubric"]["status"] for q in payload["questions"]]
    assert statuses == ["answered", "not_asked", "not_asked"]
    assert payload["questions"][0]["rubric"]["dimensions"]["correctness"]["score"] == 1  # never submitted
    assert payload["questions"][0]["rubric"]["dimensions"]["testing"]["status"] == "not_observed"


class _StopAfterFirst(ScriptedEvaluator):
    """The person presses Cancel while the model evaluates the first question."""

    def __init__(self, cancel: threading.Event) -> None:
        super().__init__()
        self.cancel = cancel

    def evaluate(self, answer: Any, cancel: threading.Event | None = None) -> dict[str, Any]:
        result = super().evaluate(answer, cancel)
        self.cancel.set()
        return result


def test_a_cancelled_evaluation_keeps_what_code_measured_and_what_the_model_finished(core: AppCore) -> None:
    session = technical_session(core, rubric_service(core))
    cancel = threading.Event()
    evaluator = _StopAfterFirst(cancel)
    steps: list[tuple[int, int]] = []
    builder = RubricFeedbackBuilder(ModelFeedbackBuilder(evaluator), core.bank)
    payload = builder.build(session, items_of(core, session), cancel, lambda done, total: steps.append((done, total)))
    assert evaluator.calls == 1
    assert steps == [(0, 3), (1, 3), (2, 3), (3, 3)]
    evaluations = [q["evaluation"] for q in payload["questions"]]
    assert evaluations[0]["status"] == "evaluated"
    assert [e["reason"] for e in evaluations[1:]] == [STOPPED, STOPPED]
    assert "You stopped the model's evaluation" in payload["label"]
    measured = payload["questions"][0]["rubric"]["dimensions"]["correctness"]
    assert measured["source"] == "measured" and measured["score"] == 4  # the accepted submission still counts
    assert isinstance(payload["overall"]["score"], float)


def test_dimensions_match_the_kinds_of_question_asked(core: AppCore) -> None:
    payload = _payload(behavioral_session(core, rubric_service(core), spoken=False))
    assert set(payload["dimensions"]) == set(KIND_DIMENSIONS["behavioral"])
    assert payload["overall"]["delivery"] is None
