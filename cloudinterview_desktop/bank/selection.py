"""Chooses a session's questions: filter by kind, job type, level and difficulty, skip what the profile has seen
(unless the pool runs out), rank by the job description, then let a picker (the AI, when one is loaded) choose
among the top candidates; the default picker is deterministic for a given seed."""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from cloudinterview_desktop.bank.catalog import Catalog, ItemRow
from cloudinterview_desktop.domain.modes import mode_spec
from cloudinterview_desktop.domain.session import SessionConfig

ENGINEERING_JOBS = frozenset({"software", "frontend", "backend", "sre", "data_ml"})
_DIFFICULTY_ORDER = ("easy", "medium", "hard")
CANDIDATES_PER_SLOT = 4
_WORD = re.compile(r"[a-z0-9+#]+")


class Picker(Protocol):
    def choose(self, config: SessionConfig, candidates: Sequence[ItemRow], count: int) -> list[str]: ...


class SeededPicker:
    """Takes the best-ranked candidates in order: the ranking already includes the seeded tie-break."""

    def choose(self, config: SessionConfig, candidates: Sequence[ItemRow], count: int) -> list[str]:
        return [row.slug for row in candidates[:count]]


@dataclass(frozen=True)
class Slot:
    kind: str
    count: int


def plan(config: SessionConfig) -> list[Slot]:
    """The session's slots, as its mode mixes them: coding problems only for the jobs that code."""
    mix = mode_spec(config.mode).mix(config.question_count, config.coding_count,
                                     coding_allowed=config.job_type in ENGINEERING_JOBS)
    return [Slot(kind, count) for kind, count in mix]


def difficulty_preference(wanted: str) -> list[list[str]]:
    if wanted not in _DIFFICULTY_ORDER:
        return [list(_DIFFICULTY_ORDER)]
    others = sorted((d for d in _DIFFICULTY_ORDER if d != wanted),
                    key=lambda d: abs(_DIFFICULTY_ORDER.index(d) - _DIFFICULTY_ORDER.index(wanted)))
    return [[wanted], others]


def jd_terms(job_description: str) -> set[str]:
    return {w for w in _WORD.findall(job_description.lower()) if len(w) > 2}


Candidate = tuple[str, str, str, str]  # slug, title, space-separated topics, difficulty


def relevance(title: str, topics: str, terms: set[str]) -> int:
    if not terms:
        return 0
    words = set(title.lower().split()) | set(topics.replace("-", " ").split())
    return len(words & terms)


def rank(rows: Sequence[Candidate], config: SessionConfig, exclude: set[str], seed: int,
         wanted: str) -> list[Candidate]:
    terms = jd_terms(config.job_description)
    fresh = [r for r in rows if r[0] not in exclude]
    pool = fresh if fresh else list(rows)  # the pool is exhausted: seen questions come back
    salt = seed.to_bytes(8, "little", signed=True)
    # crc32 of the slug with the seed: a stable, seeded tie-break that costs no Python-level RNG call per row.
    return sorted(pool, key=lambda r: (-relevance(r[1], r[2], terms), r[3] != wanted,
                                       zlib.crc32(r[0].encode(), zlib.crc32(salt))))


def diversify(ranked: list[Candidate], count: int) -> list[Candidate]:
    """Prefer candidates whose first topic is not already taken, so a session covers several topics."""
    taken: set[str] = set()
    first: list[Candidate] = []
    rest: list[Candidate] = []
    limit = max(count * CANDIDATES_PER_SLOT, count)
    for row in ranked:
        topic = row[2].split(" ", 1)[0]
        (rest if topic in taken else first).append(row)
        taken.add(topic)
        if len(first) >= limit:
            break
    return (first + rest)[:limit]


def select_slugs(catalogs: Sequence[Catalog], config: SessionConfig, exclude: set[str], seed: int,
                 picker: Picker | None = None) -> list[str]:
    picker = picker or SeededPicker()
    chosen: list[str] = []
    for number, slot in enumerate(plan(config)):
        rows: list[Candidate] = []
        for difficulties in difficulty_preference(config.difficulty):
            for catalog in catalogs:
                rows += catalog.candidates(slot.kind, difficulties,
                                           job_type=None if slot.kind == "behavioral" else config.job_type,
                                           level=config.seniority if slot.kind == "behavioral" else None)
            if sum(1 for r in rows if r[0] not in exclude and r[0] not in chosen) >= slot.count:
                break
        rows = [r for r in rows if r[0] not in chosen]
        ranked = diversify(rank(rows, config, exclude, seed + number, config.difficulty), slot.count)
        by_slug = {row.slug: row for catalog in catalogs for row in catalog.rows_for([r[0] for r in ranked])}
        candidates = [by_slug[r[0]] for r in ranked if r[0] in by_slug]
        picked = [s for s in picker.choose(config, candidates, slot.count) if s in by_slug]
        for row in candidates:  # a picker that returned too few or unknown slugs is topped up in rank order
            if len(picked) >= slot.count:
                break
            if row.slug not in picked:
                picked.append(row.slug)
        chosen += picked[: slot.count]
    return chosen
