"""Evaluates one answer: measured parts by code, qualitative judgement by the model with verified quotes."""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from typing import Any, Protocol

from cloudinterview_desktop.ai.backends.base import ChatMessage, LLMBackend
from cloudinterview_desktop.ai.errors import AIError
from cloudinterview_desktop.ai.services import evaluation_schemas as schemas
from cloudinterview_desktop.ai.services.prompts import PromptLibrary
from cloudinterview_desktop.domain.complexity import compare, stated_complexity
from cloudinterview_desktop.domain.errors import Cancelled
from cloudinterview_desktop.domain.problems import BankItem, BehavioralQuestion, CodingProblem, TheoryQuestion
from cloudinterview_desktop.domain.quotes import QuoteChecker, relates_to

# No valid model output after the retries means "not_evaluated" with the reason, never a made-up score.

log = logging.getLogger(__name__)

ANSWER_CHARS = 6000  # what the model reads of a long answer; quotes are still checked against all of it
_NUMBER = re.compile(r"\d|%|\b(?:half|double|twice|thousand|million|hundred|percent)\b", re.IGNORECASE)


@dataclass(frozen=True)
class AnswerToEvaluate:
    """One question's answer as the evaluator needs it; `signals` are MeasuredFeedbackBuilder's measurements."""

    item: BankItem
    text: str
    code: str = ""
    language: str = ""
    signals: dict[str, Any] | None = None


class AnswerEvaluator(Protocol):
    """What the model feedback needs of an evaluator: the model's name, and one answer's evaluation."""

    @property
    def model_name(self) -> str: ...

    def evaluate(self, answer: AnswerToEvaluate, cancel: threading.Event | None = None) -> dict[str, Any]: ...


def not_evaluated(reason: str) -> dict[str, Any]:
    return {"status": "not_evaluated", "reason": reason}


class Evaluator:
    def __init__(self, backend: LLMBackend, *, prompts: PromptLibrary | None = None, retries: int = 2) -> None:
        self._backend = backend
        self._prompts = prompts or PromptLibrary()
        self._retries = retries

    @property
    def model_name(self) -> str:
        return self._backend.name

    def evaluate(self, answer: AnswerToEvaluate, cancel: threading.Event | None = None) -> dict[str, Any]:
        if not answer.text.strip() and not answer.code.strip():
            return not_evaluated("no answer was given")
        item = answer.item
        measured = self._measured(item, answer) if isinstance(item, CodingProblem) else None
        try:
            if isinstance(item, CodingProblem):
                assert measured is not None
                return self._coding(item, answer, measured, cancel)
            if isinstance(item, TheoryQuestion):
                return self._theory(item, answer, cancel)
            return self._behavioral(item, answer, cancel)
        except Cancelled:
            raise
        except AIError as exc:
            log.info("evaluation of %s failed: %s", item.slug, exc)
            result = not_evaluated(f"the model gave no usable evaluation: {exc}")
            if measured is not None:  # what code measured stands without the model
                result["measured"] = measured
            return result

    @staticmethod
    def _measured(item: CodingProblem, answer: AnswerToEvaluate) -> dict[str, Any]:
        """The judge's results and the complexity the candidate stated against the reference's."""
        signals = answer.signals or {}
        reference_time = item.solution.time if item.solution else ""
        reference_space = item.solution.space if item.solution else ""
        stated = stated_complexity(answer.text)
        return {
            "tests": {key: signals.get(key) for key in ("tests_passed", "tests_total", "accepted", "final_verdict",
                                                        "submits", "failed_submits")},
            "complexity": {"stated_time": stated.time, "reference_time": reference_time,
                           "time_matches": compare(stated.time, reference_time),
                           "stated_space": stated.space, "reference_space": reference_space,
                           "space_matches": compare(stated.space, reference_space)},
        }

    # -- model calls -----------------------------------------------------------------------------------------

    def _ask(self, prompt: str, schema: dict[str, Any], cancel: threading.Event | None) -> dict[str, Any]:
        messages = [ChatMessage(role="system", content=self._prompts.render("eval_system")),
                    ChatMessage(role="user", content=prompt)]
        return self._backend.generate_json(messages, schema, max_tokens=schemas.reply_budget(schema),
                                           temperature=0.1, retries=self._retries, cancel=cancel)

    def _base(self, kind: str) -> dict[str, Any]:
        return {"status": "evaluated", "kind": kind, "model": self._backend.name, "scale": schemas.SCALE}

    @staticmethod
    def _finish(result: dict[str, Any], *checkers: QuoteChecker) -> dict[str, Any]:
        dropped = [q for checker in checkers for q in checker.fabricated]
        anchored = [pair for checker in checkers for pair in checker.anchored]
        flags = list(result.get("flags", []))
        if anchored:
            flags.append(f"{len(anchored)} quote(s) the model paraphrased were replaced by the matching words of the "
                         "candidate's text")
        if dropped:
            flags.append(f"{len(dropped)} quote(s) the model gave do not occur in the candidate's text and were "
                         "dropped, with anything that rested on them")
        result["flags"] = flags
        result["dropped_quotes"] = dropped
        return result

    @staticmethod
    def _scored(raw: dict[str, Any], checker: QuoteChecker) -> dict[str, Any]:
        """A 1-4 score stands only on a verified quote; without one it becomes not_observed, with the reason."""
        quote = checker.check(str(raw.get("quote", "")))
        score = raw.get("score")
        comment = str(raw.get("comment", "")).strip()
        if score == "not_observed":
            return {"score": "not_observed", "quote": quote, "comment": comment,
                    "reason": "the model found no evidence in the answer"}
        if not quote:
            return {"score": "not_observed", "quote": "", "comment": comment,
                    "reason": f"the model scored {score} but gave no quote from {checker.what} that supports it"}
        return {"score": score, "quote": quote, "comment": comment}

    # -- per kind --------------------------------------------------------------------------------------------

    def _coding(self, item: CodingProblem, answer: AnswerToEvaluate, measured: dict[str, Any],
                cancel: threading.Event | None) -> dict[str, Any]:
        signals = answer.signals or {}
        complexity = dict(measured["complexity"])
        tests = (f"{signals.get('tests_passed', 0)} of {signals.get('tests_total', 0)} hidden tests passed"
                 if signals.get("submits") else "not submitted")
        prompt = self._prompts.render(
            "eval_code", title=item.title, reference_time=complexity["reference_time"] or "unknown",
            reference_space=complexity["reference_space"] or "unknown", tests=tests,
            answer=answer.text.strip()[:ANSWER_CHARS] or "(no explanation)", language=answer.language or "code",
            code=answer.code.strip()[:ANSWER_CHARS] or "(no code)")
        raw = self._ask(prompt, schemas.code_schema(), cancel)
        text_checker = QuoteChecker(answer.text, "the explanation")
        code_checker = QuoteChecker(answer.code, "the code")
        notes = []
        for note in raw.get("quality_notes", []):
            line = code_checker.check(str(note.get("line", "")))
            if line:
                notes.append({"line": line, "note": str(note.get("note", "")).strip()})
        # The model's reading of the stated complexity fills a gap only when those words are in the explanation.
        for key, field in (("time", "stated_time_complexity"), ("space", "stated_space_complexity")):
            if not complexity[f"stated_{key}"]:
                said = text_checker.check(str(raw.get(field, "")))
                complexity[f"stated_{key}"] = said
                complexity[f"{key}_matches"] = compare(said, complexity[f"reference_{key}"])
        result = self._base("coding")
        result.update({
            "tests": measured["tests"],
            "complexity": complexity,
            "quality_notes": notes,
            "code_quality": (self._scored(raw["code_quality"], code_checker) if answer.code.strip() else
                             {"score": "not_observed", "quote": "", "comment": "", "reason": "no code was written"}),
            "communication": (self._scored(raw["communication"], text_checker) if answer.text.strip() else
                              {"score": "not_observed", "quote": "", "comment": "",
                               "reason": "the candidate gave no explanation"}),
        })
        return self._finish(result, text_checker, code_checker)

    def _theory(self, item: TheoryQuestion, answer: AnswerToEvaluate, cancel: threading.Event | None) -> dict[str, Any]:
        points = list(item.key_points)
        listed = "\n".join(f"kp{n}: {point}" for n, point in enumerate(points, start=1)) or "(none listed)"
        prompt = self._prompts.render("eval_theory", question=item.question, key_points=listed, count=len(points),
                                      answer=answer.text.strip()[:ANSWER_CHARS])
        raw = self._ask(prompt, schemas.theory_schema(len(points)), cancel)
        checker = QuoteChecker(answer.text)
        covered: list[dict[str, Any]] = []
        for n, point in enumerate(points, start=1):
            entry = raw.get(f"kp{n}", {})
            status = str(entry.get("status", "missed"))
            quote = checker.check(str(entry.get("quote", ""))) if status != "missed" else ""
            if status != "missed" and not (quote and relates_to(quote, point)):
                status = "unverified"  # claimed, but no words of the answer that are about this point
            covered.append({"point": point, "status": status, "quote": quote})
        credit = sum(1.0 if p["status"] == "covered" else 0.5 if p["status"] == "partial" else 0.0 for p in covered)
        result = self._base("theory")
        result.update({
            "key_points": covered,
            "coverage": round(credit / len(points), 2) if points else None,
            "clarity": self._scored(raw["clarity"], checker),
        })
        if any(p["status"] == "unverified" for p in covered):
            result["flags"] = ["some key points the model marked as covered had no quote about them from the "
                               "answer and are counted as not covered"]
        return self._finish(result, checker)

    def _behavioral(self, item: BehavioralQuestion, answer: AnswerToEvaluate,
                    cancel: threading.Event | None) -> dict[str, Any]:
        prompt = self._prompts.render("eval_behavioral", question=item.question, good=item.what_good_looks_like,
                                      answer=answer.text.strip()[:ANSWER_CHARS])
        raw = self._ask(prompt, schemas.behavioral_schema(), cancel)
        checker = QuoteChecker(answer.text)
        star: dict[str, Any] = {}
        for part in schemas.STAR_PARTS:
            entry = raw.get(part, {})
            quote = checker.check(str(entry.get("quote", ""))) if entry.get("present") else ""
            star[part] = {"present": bool(quote), "quote": quote}
        measurable = raw.get("measurable_result", {})
        result_quote = checker.check(str(measurable.get("quote", ""))) if measurable.get("present") else ""
        result = self._base("behavioral")
        result.update({
            "star": star,
            "star_parts_present": sum(1 for part in star.values() if part["present"]),
            "ownership": self._scored(raw["ownership"], checker),
            # A result is measurable when its quote holds a number: checked here, not taken from the model.
            "measurable_result": {"present": bool(result_quote and _NUMBER.search(result_quote)),
                                  "quote": result_quote},
        })
        return self._finish(result, checker)
