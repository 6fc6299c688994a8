"""A scripted stand-in for the evaluator, injected into the real ModelFeedbackBuilder: it returns evaluations in the
stored shape (checked against EVALUATION_RESULT_SCHEMA), quoting the candidate's own words, plus, when asked, one
quote the candidate never wrote - so the tests can see what the rubric does with both."""

from __future__ import annotations

import threading
from typing import Any

import jsonschema

from cloudinterview_desktop.ai.services.evaluation_schemas import EVALUATION_RESULT_SCHEMA, SCALE
from cloudinterview_desktop.ai.services.evaluator import AnswerToEvaluate, not_evaluated
from cloudinterview_desktop.domain.complexity import compare, stated_complexity
from cloudinterview_desktop.domain.problems import BehavioralQuestion, CodingProblem, TheoryQuestion

TEST_KEYS = ("tests_passed", "tests_total", "accepted", "final_verdict", "submits", "failed_submits")
INVENTED = "I single-handedly rewrote the whole platform in a weekend"


def _first_words(text: str, count: int = 6) -> str:
    return " ".join(text.split()[:count])


class ScriptedEvaluator:
    model_name = "scripted-evaluator"

    def __init__(self, invent_communication: bool = False) -> None:
        self.invent_communication = invent_communication
        self.calls = 0

    def evaluate(self, answer: AnswerToEvaluate, cancel: threading.Event | None = None) -> dict[str, Any]:
        self.calls += 1
        if not answer.text.strip() and not answer.code.strip():
            return not_evaluated("no answer was given")
        base = {"status": "evaluated", "model": self.model_name, "scale": SCALE, "flags": [], "dropped_quotes": []}
        item = answer.item
        result: dict[str, Any]
        if isinstance(item, CodingProblem):
            stated = stated_complexity(answer.text)
            reference = item.solution
            tests = {key: (answer.signals or {}).get(key) for key in TEST_KEYS}
            result = {**base, "kind": "coding", "tests": tests, "quality_notes": [],
                      "complexity": {"stated_time": stated.time, "reference_time": reference.time if reference else "",
                                     "time_matches": compare(stated.time, reference.time if reference else ""),
                                     "stated_space": stated.space,
                                     "reference_space": reference.space if reference else "",
                                     "space_matches": compare(stated.space, reference.space if reference else "")},
                      "code_quality": {"score": 3, "quote": answer.code.strip().splitlines()[0] if answer.code else "",
                                       "comment": "clear names"},
                      "communication": {"score": 4, "quote": INVENTED if self.invent_communication else
                                        _first_words(answer.text), "comment": "explains the plan first"}}
        elif isinstance(item, TheoryQuestion):
            points = [{"point": p, "status": "covered" if n == 0 else "missed", "quote": _first_words(answer.text)
                       if n == 0 else ""} for n, p in enumerate(item.key_points)]
            result = {**base, "kind": "theory", "key_points": points, "coverage": round(1 / len(points), 2),
                      "clarity": {"score": 2, "quote": _first_words(answer.text, 4), "comment": "brief"}}
        else:
            assert isinstance(item, BehavioralQuestion)
            text = answer.text
            star = {part: {"present": marker in text, "quote": _sentence(text, marker) if marker in text else ""}
                    for part, marker in (("situation", "Situation"), ("task", "Task"), ("action", "Action"),
                                         ("result", "Result"), ("reflection", "I learned"))}
            result = {**base, "kind": "behavioral", "star": star,
                      "star_parts_present": sum(1 for p in star.values() if p["present"]),
                      "ownership": {"score": 4, "quote": "I owned the migration", "comment": "clear ownership"}
                      if "I owned" in text else {"score": "not_observed", "quote": "", "comment": "",
                                                 "reason": "the model found no evidence in the answer"},
                      "measurable_result": {"present": "40%" in text, "quote": "errors fell by 40%" if "40%" in text
                                            else ""}}
        jsonschema.validate(result, EVALUATION_RESULT_SCHEMA)
        return result


def _sentence(text: str, marker: str) -> str:
    start = text.index(marker)
    end = text.find(".", start)
    return text[start:end if end > 0 else len(text)]
