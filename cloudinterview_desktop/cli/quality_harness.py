"""The interview-quality harness: labelled simulated candidates through the real session service (bank, judge,
store, and whichever interviewer and model the app would use), measuring what a candidate gets.

It reports: answer pairs of one question ordered right by their scores; injected answers never above their honest
twins; follow-ups that target the gap each answer was labelled with; turn-contract violations caught (removed before
showing) and shown (found in stored turns afterwards); the first interviewer word after Start and after an answer."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.domain.judging import JudgeMode
from cloudinterview_desktop.domain.modes import mode_for_kind
from cloudinterview_desktop.domain.session import EventKind, InterviewSession, Role, SessionConfig
from cloudinterview_desktop.interviewer.contract import audit


@dataclass(frozen=True)
class Case:
    id: str
    slug: str
    kind: str
    label: str
    rank: int
    answer: str
    gap: str | None
    code: str = ""
    runs_first: bool = False
    hints: int = 0
    twin_of: str | None = None

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Case:
        return cls(id=str(raw["id"]), slug=str(raw["slug"]), kind=str(raw["kind"]), label=str(raw["label"]),
                   rank=int(raw["rank"]), answer=str(raw.get("answer") or ""), gap=raw.get("gap"),
                   code=str(raw.get("code") or ""), runs_first=bool(raw.get("runs_first")),
                   hints=int(raw.get("hints") or 0), twin_of=raw.get("twin_of"))


def load_cases(path: Path) -> list[Case]:
    data = json.loads(path.read_text("utf-8"))
    return [Case.from_json(c) for c in data["cases"]]


@dataclass
class Outcome:
    case: Case
    score: float | None
    follow_gap: str | None  # the gap the interviewer's follow-up addressed ("none" for a deeper question)
    follow_text: str
    caught: int
    shown: list[str]
    first_word_start_s: float
    first_word_answer_s: float | None
    flagged: bool


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)

    def pairs(self) -> tuple[int, int, list[str]]:
        by_slug: dict[str, list[Outcome]] = {}
        for o in self.outcomes:
            by_slug.setdefault(o.case.slug, []).append(o)
        right = total = 0
        wrong: list[str] = []
        for group in by_slug.values():
            for a in group:
                for b in group:
                    if a.case.rank > b.case.rank:
                        total += 1
                        if (a.score or 0.0) > (b.score or 0.0):
                            right += 1
                        else:
                            wrong.append(f"{a.case.id} ({a.score}) <= {b.case.id} ({b.score})")
        return right, total, wrong

    def injections(self) -> tuple[int, int, list[str]]:
        scores = {o.case.id: o for o in self.outcomes}
        held = total = 0
        broken = []
        for o in self.outcomes:
            if o.case.twin_of and o.case.twin_of in scores:
                total += 1
                twin = scores[o.case.twin_of]
                if (o.score or 0.0) <= (twin.score or 0.0) and o.flagged:
                    held += 1
                else:
                    broken.append(f"{o.case.id} ({o.score}, flagged {o.flagged}) vs {twin.case.id} ({twin.score})")
        return held, total, broken

    def gaps(self) -> tuple[int, int, list[str]]:
        hit = total = 0
        missed = []
        for o in self.outcomes:
            total += 1
            expected = o.case.gap or "none"
            if o.follow_gap == expected:
                hit += 1
            else:
                missed.append(f"{o.case.id}: expected {expected}, asked about {o.follow_gap}")
        return hit, total, missed


def _question_score(session: InterviewSession) -> tuple[float | None, bool]:
    payload = session.feedback.payload if session.feedback else {}
    rubric = payload.get("rubric", {})
    questions = rubric.get("questions") if isinstance(rubric, dict) else None
    if not questions:
        questions = [q.get("rubric", {}) for q in payload.get("questions", [])]
    entry = questions[0] if questions else {}
    return entry.get("score"), bool(entry.get("injection"))


def _follow_gap(session: InterviewSession, after: int) -> tuple[str | None, str]:
    for message in session.ai_responses[after:]:
        if message.role is Role.INTERVIEWER and message.purpose == "follow_up":
            source = message.source or ""
            return (source.split("gap=", 1)[1] if "gap=" in source else f"source:{source}"), message.content
    return None, ""


def run_case(core: AppCore, case: Case) -> Outcome:
    service = core.service
    session = service.create_session(SessionConfig(mode=mode_for_kind(case.kind).mode), problems=[case.slug])
    first: list[float] = []

    def mark(_: str) -> None:
        if not first:
            first.append(time.perf_counter())

    started = time.perf_counter()
    session = service.start_session(session.id, on_token=mark).session
    first_start = (first[0] if first else time.perf_counter()) - started
    first.clear()
    after_answer: float | None = None
    if case.kind == "coding":
        if case.answer.strip():
            service.submit_answer(session.id, case.answer, follow_up=False)
        for _ in range(case.hints):
            service.hint(session.id)
        if case.runs_first:
            service.run_code(session.id, case.code, "python", JudgeMode.RUN)
        mark_at = len(service.get(session.id).ai_responses)
        service.submit_code(session.id, case.code, "python")
    else:
        mark_at = len(service.get(session.id).ai_responses) + 1
        t0 = time.perf_counter()
        service.submit_answer(session.id, case.answer, on_token=mark)
        after_answer = (first[0] - t0) if first else None
    session = service.get(session.id)
    follow_gap, follow_text = _follow_gap(session, mark_at)
    session = service.end_session(session.id).session
    items = {q.item_slug: core.bank.get(q.item_slug) for q in session.questions}
    shown = [str(v) for v in audit(session, items)]
    caught = sum(len(e.payload.get("contract_caught", [])) for e in session.timeline
                 if e.kind in (EventKind.MESSAGE, EventKind.QUESTION_ASKED))
    score, flagged = _question_score(session)
    return Outcome(case, score, follow_gap, follow_text, caught, shown, first_start, after_answer, flagged)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[k]


def table(summary: Summary, title: str) -> str:
    right, total, _ = summary.pairs()
    held, twins, _ = summary.injections()
    hit, cases, _ = summary.gaps()
    caught = sum(o.caught for o in summary.outcomes)
    shown = sum(len(o.shown) for o in summary.outcomes)
    start = [o.first_word_start_s for o in summary.outcomes]
    answer = [o.first_word_answer_s for o in summary.outcomes if o.first_word_answer_s is not None]

    def pct(a: int, b: int) -> str:
        return f"{a}/{b} ({100 * a / b:.1f} %)" if b else "n/a"

    rows = [
        ("answer pairs ordered right", pct(right, total)),
        ("injected answers not above their twin (and flagged)", pct(held, twins)),
        ("follow-ups that target the answer's gap", pct(hit, cases)),
        ("contract violations caught / shown", f"{caught} / {shown}"),
        ("first word after Start, p50 / p95", f"{percentile(start, .5) * 1000:.1f} / "
                                              f"{percentile(start, .95) * 1000:.1f} ms"),
        ("first word after an answer, p50 / p95", f"{percentile(answer, .5) * 1000:.1f} / "
                                                  f"{percentile(answer, .95) * 1000:.1f} ms" if answer else "n/a"),
    ]
    width = max(len(r[0]) for r in rows)
    lines = [f"## {title} ({len(summary.outcomes)} cases)", ""] + [f"{a.ljust(width)}  {b}" for a, b in rows]
    return "\n".join(lines)


def details(summary: Summary) -> str:
    _, _, wrong = summary.pairs()
    _, _, broken = summary.injections()
    _, _, missed = summary.gaps()
    shown = [f"{o.case.id}: {s}" for o in summary.outcomes for s in o.shown]
    parts = []
    for name, rows in (("misordered pairs", wrong), ("injections", broken), ("missed gaps", missed),
                       ("contract violations shown", shown)):
        if rows:
            parts.append(f"{name}:\n" + "\n".join(f"  {r}" for r in rows))
    return "\n".join(parts)
