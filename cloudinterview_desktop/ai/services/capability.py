"""The capability check a model must pass before it may write interviewer turns or scores: labelled probes of the
narrow judgements an interviewer makes (which follow-up targets an answer's gap; which of two answers is better),
each asked in every option order so a model that picks a position scores at chance. Results are stored per model.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from cloudinterview_desktop.ai.backends.base import ChatMessage, LLMBackend
from cloudinterview_desktop.ai.errors import AIError
from cloudinterview_desktop.domain.errors import Cancelled
from cloudinterview_desktop.resources import resource_path

log = logging.getLogger(__name__)

PASS_SHARE = 0.9  # of each task's probes; chance is 25 % (four options) and 50 % (two)
LETTERS = "ABCD"
_SYSTEM = "You check job-interview answers. Reply with the JSON object asked for and nothing else."


@dataclass(frozen=True)
class TaskResult:
    correct: int
    total: int

    @property
    def share(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(frozen=True)
class CapabilityReport:
    model: str
    passed: bool
    tasks: dict[str, TaskResult]
    seconds: float
    version: int
    checked_at: str = field(default_factory=lambda: datetime.now().isoformat(timespec="seconds"))

    def summary(self) -> str:
        """The figures, e.g. "follow up choice 3/12 (25%), answer order 3/6 (50%); pass mark 90% each"."""
        parts = ", ".join(f"{name.replace('_', ' ')} {t.correct}/{t.total} ({t.share:.0%})"
                          for name, t in self.tasks.items())
        return f"{parts}; pass mark {PASS_SHARE:.0%} each"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CapabilityReport:
        tasks = {k: TaskResult(int(v["correct"]), int(v["total"])) for k, v in dict(data["tasks"]).items()}
        return cls(str(data["model"]), bool(data["passed"]), tasks, float(data["seconds"]), int(data["version"]),
                   str(data.get("checked_at", "")))


def load_probes(path: Path | None = None) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((path or resource_path("capability", "probes.json")).read_text("utf-8"))
    return data


def _rotations(options: list[str]) -> list[list[str]]:
    return [options[n:] + options[:n] for n in range(len(options))]


def _choose(backend: LLMBackend, prompt: str, letters: str, cancel: threading.Event | None) -> str | None:
    schema = {"type": "object", "properties": {"choice": {"type": "string", "enum": list(letters)}},
              "required": ["choice"], "additionalProperties": False}
    messages = [ChatMessage(role="system", content=_SYSTEM), ChatMessage(role="user", content=prompt)]
    try:
        reply = backend.generate_json(messages, schema, max_tokens=16, temperature=0.0, retries=0, cancel=cancel)
    except Cancelled:
        raise
    except AIError as exc:
        log.info("capability probe: no valid reply (%s)", exc)
        return None
    choice = reply.get("choice")
    return choice if isinstance(choice, str) else None


def run_check(backend: LLMBackend, probes: dict[str, Any] | None = None,
              cancel: threading.Event | None = None) -> CapabilityReport:
    probes = probes or load_probes()
    started = time.monotonic()
    follow = TaskResult(0, 0)
    for case in probes["follow_up_choice"]:
        gaps = list(case["options"])
        for order in _rotations(gaps):
            listed = "\n".join(f"{LETTERS[n]}. {case['options'][g]}" for n, g in enumerate(order))
            prompt = (f"Interview question: {case['question']}\nCandidate's answer: {case['answer']}\n\n"
                      f"Which follow-up question asks about what the answer is missing?\n{listed}\n\n"
                      'Reply as {"choice": "<letter>"}.')
            got = _choose(backend, prompt, LETTERS[:len(order)], cancel)
            right = LETTERS[order.index(case["gap"])]
            follow = TaskResult(follow.correct + (got == right), follow.total + 1)
    ordering = TaskResult(0, 0)
    for case in probes["answer_order"]:
        for better_first in (True, False):
            first, second = (case["better"], case["worse"]) if better_first else (case["worse"], case["better"])
            prompt = (f"Interview question: {case['question']}\n\nAnswer A: {first}\n\nAnswer B: {second}\n\n"
                      'Which answer is better? Reply as {"choice": "A"} or {"choice": "B"}.')
            got = _choose(backend, prompt, "AB", cancel)
            ordering = TaskResult(ordering.correct + (got == ("A" if better_first else "B")), ordering.total + 1)
    tasks = {"follow_up_choice": follow, "answer_order": ordering}
    passed = all(t.share >= PASS_SHARE for t in tasks.values())
    return CapabilityReport(backend.name, passed, tasks, round(time.monotonic() - started, 2), int(probes["version"]))


class CapabilityStore:
    """Check results per model identity, in one JSON file written atomically."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.Lock()

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self._path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, identity: str, version: int) -> CapabilityReport | None:
        with self._lock:
            entry = self._read().get(identity)
        try:
            report = CapabilityReport.from_json(entry) if isinstance(entry, dict) else None
        except (KeyError, TypeError, ValueError):
            return None
        return report if report is not None and report.version == version else None

    def put(self, identity: str, report: CapabilityReport) -> None:
        with self._lock:
            data = self._read()
            data[identity] = report.to_json()
            tmp = self._path.with_suffix(".tmp")
            try:
                tmp.write_text(json.dumps(data, indent=2), "utf-8")
                os.replace(tmp, self._path)
            except OSError as exc:  # a full disk: the check runs again next time, nothing else is lost
                log.warning("could not store the model check: %s", exc)
