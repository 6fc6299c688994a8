"""A FeedbackBuilder: the measured report plus the model's per-answer evaluations (source "measured+model")."""


from __future__ import annotations

import threading
from statistics import mean
from typing import Any

from cloudinterview_desktop.ai.services.evaluator import AnswerEvaluator, AnswerToEvaluate, not_evaluated
from cloudinterview_desktop.ai.services.llm_interviewer import latest_code
from cloudinterview_desktop.domain.errors import Cancelled
from cloudinterview_desktop.domain.ports import FeedbackBuilder, ProgressSink
from cloudinterview_desktop.domain.problems import BankItem
from cloudinterview_desktop.domain.session import EventKind, InterviewSession
from cloudinterview_desktop.feedback.measured import MeasuredFeedbackBuilder

SOURCE = "measured+model"
# Each dimension MeasuredFeedbackBuilder leaves "not evaluated", with where a model evaluation fills it in.
DIMENSIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "communication": ("any", ("communication", "clarity")),
    "code quality": ("coding", ("code_quality",)),
    "theory coverage": ("theory", ()),
    "STAR structure": ("behavioral", ()),
}


def _language(session: InterviewSession, index: int) -> str:
    for event in reversed(session.timeline):
        if event.kind is EventKind.CODE_RUN and event.question_index == index and event.payload.get("language"):
            return str(event.payload["language"])
    answers = [a for a in session.answers_for(index) if a.language]
    return answers[-1].language if answers else session.config.language


STOPPED = "you stopped the model's evaluation before it reached this question"


class ModelFeedbackBuilder:
    def __init__(self, evaluator: AnswerEvaluator, measured: FeedbackBuilder | None = None) -> None:
        self._evaluator = evaluator
        self._measured = measured or MeasuredFeedbackBuilder()

    def build(self, session: InterviewSession, items: dict[str, BankItem],
              cancel: threading.Event | None = None, progress: ProgressSink | None = None) -> dict[str, Any]:
        report = self._measured.build(session, items)
        questions = report["questions"]
        stopped = False
        for done, question in enumerate(questions):
            if progress is not None:
                progress(done, len(questions))
            if stopped or (cancel is not None and cancel.is_set()):
                stopped = True
                question["evaluation"] = not_evaluated(STOPPED)
                continue
            try:
                question["evaluation"] = self._evaluate(session, items, question, cancel)
            except Cancelled:  # the person stopped the evaluation: what code measured stands
                stopped = True
                question["evaluation"] = not_evaluated(STOPPED)
        if progress is not None:
            progress(len(questions), len(questions))
        evaluations = [q["evaluation"] for q in report["questions"]]
        missing, reasons = self._coverage(report["questions"])
        report.update({
            "source": SOURCE,
            "label": (f"Measured signals, plus evaluations by the language model {self._evaluator.model_name}: "
                      "its judgements come with quotes from your answers; scores without evidence are left out."
                      + (" You stopped the model's evaluation before it finished." if stopped else "")),
            "model": self._evaluator.model_name,
            "not_evaluated": missing,
            "not_evaluated_reasons": reasons,
        })
        report["overall"]["model_scores"] = self._mean_scores(evaluations)
        return report

    def _evaluate(self, session: InterviewSession, items: dict[str, BankItem], question: dict[str, Any],
                  cancel: threading.Event | None) -> dict[str, Any]:
        item = items.get(question["slug"])
        if item is None:
            return not_evaluated("the question is no longer in the question bank")
        if not question["asked"]:
            return not_evaluated("the question was not asked")
        index = question["index"]
        text = "\n\n".join(a.text for a in session.answers_for(index) if a.text.strip())
        code = latest_code(session, index)
        return self._evaluator.evaluate(AnswerToEvaluate(item, text, code, _language(session, index), question),
                                        cancel)

    @staticmethod
    def _coverage(questions: list[dict[str, Any]]) -> tuple[list[str], dict[str, str]]:
        missing: list[str] = []
        reasons: dict[str, str] = {}
        for dimension, (kind, fields) in DIMENSIONS.items():
            relevant = [q for q in questions if kind == "any" or q["kind"] == kind]
            if not relevant:
                missing.append(dimension)
                reasons[dimension] = f"no {kind} question was asked"
                continue
            evaluated = [q["evaluation"] for q in relevant if q["evaluation"].get("status") == "evaluated"]
            if fields:
                evaluated = [e for e in evaluated
                             if any(isinstance(e.get(f, {}).get("score"), int) for f in fields)]
            if evaluated:
                continue
            missing.append(dimension)
            failures = [q["evaluation"].get("reason") for q in relevant
                        if q["evaluation"].get("status") == "not_evaluated"]
            reasons[dimension] = (failures[0] if failures else
                                  "the model gave no score backed by a quote from the answers")
        return missing, reasons

    @staticmethod
    def _mean_scores(evaluations: list[dict[str, Any]]) -> dict[str, float | None]:
        """The mean 1-4 score per dimension over the answers where the model gave one with evidence."""
        scores: dict[str, list[int]] = {}
        for evaluation in evaluations:
            for field in ("code_quality", "communication", "clarity", "ownership"):
                score = evaluation.get(field, {}).get("score") if isinstance(evaluation.get(field), dict) else None
                if isinstance(score, int):
                    scores.setdefault(field, []).append(score)
        return {field: round(mean(values), 2) for field, values in scores.items()}
