"""The evaluator on the real model: a schema-valid evaluation whose quotes are the candidate's words, measured
parts computed by code, and "not_evaluated" (never a default score) when no valid output can be had."""

from __future__ import annotations

import jsonschema
import pytest

from cloudinterview_desktop.ai.backends.llama_cpp_backend import LlamaCppBackend
from cloudinterview_desktop.ai.backends.openai_http_backend import OpenAIHTTPBackend
from cloudinterview_desktop.ai.services.evaluation_schemas import (
    EVALUATION_RESULT_SCHEMA,
    behavioral_schema,
    code_schema,
    theory_schema,
)
from cloudinterview_desktop.ai.services.evaluator import AnswerToEvaluate, Evaluator
from cloudinterview_desktop.domain.quotes import quote_occurs
from tests.ai.conftest import bank_item

EXPLANATION = "I keep a hash map from value to index. For each number I look up target minus it. " \
              "It runs in O(n) time and uses O(n) extra space."
CODE = """def two_sum(nums: list[int], target: int) -> list[int]:
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
    return []
"""
SIGNALS = {"tests_passed": 12, "tests_total": 12, "accepted": True, "final_verdict": "accepted", "submits": 1,
           "failed_submits": 0}


@pytest.mark.model
def test_coding_evaluation_is_schema_valid_and_measured_by_code(backend: LlamaCppBackend) -> None:
    result = Evaluator(backend, retries=1).evaluate(
        AnswerToEvaluate(bank_item("coding", "two-sum"), EXPLANATION, CODE, "python", SIGNALS))
    jsonschema.validate(result, EVALUATION_RESULT_SCHEMA)
    # Measured, not judged (so present even when the model fails): the judge's results and the stated complexity.
    measured = result if result["status"] == "evaluated" else result["measured"]
    assert measured["tests"]["tests_passed"] == 12 and measured["tests"]["accepted"] is True
    complexity = measured["complexity"]
    assert (complexity["stated_time"], complexity["reference_time"], complexity["time_matches"]) == \
        ("O(n)", "O(n)", True)
    assert complexity["space_matches"] is True
    if result["status"] == "not_evaluated":  # allowed, with a reason; a default score is not
        assert result["reason"].startswith("the model gave no usable evaluation")
        return
    for note in result["quality_notes"]:
        assert quote_occurs(note["line"], CODE)
    for field, source in (("code_quality", CODE), ("communication", EXPLANATION)):
        dimension = result[field]
        if isinstance(dimension["score"], int):
            assert quote_occurs(dimension["quote"], source)  # a score always stands on a real quote
        else:
            assert dimension["score"] == "not_observed" and dimension["reason"]


def test_no_answer_and_no_model_both_mean_not_evaluated() -> None:
    item = bank_item("behavioral", "bug-you-shipped")
    unreachable = Evaluator(OpenAIHTTPBackend("http://127.0.0.1:9/v1", "none", connect_timeout=2))
    assert unreachable.evaluate(AnswerToEvaluate(item, "   ")) == {"status": "not_evaluated",
                                                                    "reason": "no answer was given"}
    result = unreachable.evaluate(AnswerToEvaluate(item, "I fixed the bug and added a test."))
    assert result["status"] == "not_evaluated" and "cannot reach the model server" in result["reason"]
    assert "score" not in str(result)


def test_model_schemas_are_closed_and_require_every_field() -> None:
    for schema in (code_schema(), theory_schema(4), behavioral_schema()):
        assert schema["additionalProperties"] is False
        assert set(schema["required"]) == set(schema["properties"])
    assert set(theory_schema(3)["properties"]) == {"kp1", "kp2", "kp3", "clarity"}


@pytest.mark.model
def test_theory_coverage_counts_only_quoted_relevant_points(backend: LlamaCppBackend) -> None:
    answer = ("Atomicity means all changes commit together or none do. Durability means committed data survives a "
              "crash, through a write-ahead log. Example: a bank transfer.")
    result = Evaluator(backend, retries=1).evaluate(AnswerToEvaluate(bank_item("theory", "acid-properties"), answer))
    jsonschema.validate(result, EVALUATION_RESULT_SCHEMA)
    if result["status"] == "not_evaluated":
        assert result["reason"]
        return
    points = result["key_points"]
    assert len(points) == 5
    credit = {"covered": 1.0, "partial": 0.5}
    assert result["coverage"] == round(sum(credit.get(p["status"], 0.0) for p in points) / 5, 2)
    for point in points:
        if point["status"] in credit:  # counted only with the answer's own words about that very point
            assert quote_occurs(point["quote"], answer)
    # "Consistency" and "Isolation" are not in the answer: no quote of it can be about them.
    assert points[1]["status"] in ("missed", "unverified") and points[2]["status"] in ("missed", "unverified")
