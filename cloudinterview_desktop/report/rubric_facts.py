"""What the rubric of one question is made of: the dimensions, their labels, mappings and weights, the shape of a
scored or unscored dimension, and the facts a session recorded about one question."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cloudinterview_desktop.domain.problems import BankItem
from cloudinterview_desktop.domain.session import (
    EventKind,
    InterviewQuestion,
    InterviewSession,
    Role,
    TimelineEvent,
)
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
                       "(partial half): >= 85% 4, >= 60% 3, >= 30% 2, less 1; one level less per misconception "
                       "stated",
    "star_structure": "measured (or a passing model's, checked by code): STAR(R) parts found with a quote: 5 -> 4, "
                      "4 -> 3, 2-3 -> 2, 0-1 -> 1",
    "code_quality": "model: its 1-4 score, kept only with a quote from the code",
    "communication": "model: its 1-4 score, kept only with a quote from the explanation",
    "ownership": "measured: actions you say you took yourself, 3+ 4, 2 3, 1 2, none 1 (a passing model's score with a "
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

