"""Selection latency with 10,000 problems in the database, beside the raw SQL fetch of the same candidate rows.

    .venv/bin/python bench/selection.py [--items 10000] [--runs 200]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import median, report

from cloudinterview_desktop.bank.catalog import Catalog
from cloudinterview_desktop.bank.item_format import parse_item
from cloudinterview_desktop.bank.selection import select_slugs
from cloudinterview_desktop.domain.problems import BankItem, CodingProblem, Difficulty, TheoryQuestion
from cloudinterview_desktop.domain.session import Mode, SessionConfig

REPO = Path(__file__).resolve().parent.parent
TOPICS = ["arrays", "strings", "hashing", "two-pointers", "sliding-window", "stack", "binary-search", "linked-lists",
          "trees", "graphs", "heaps", "intervals", "dynamic-programming", "greedy", "backtracking", "math"]
JOBS = ["software", "frontend", "backend", "sre", "data_ml", "product", "analyst"]


def generate(path: Path, count: int) -> Catalog:
    rng = random.Random(1)
    coding_raw = json.loads((REPO / "resources/bank/coding/two-sum.json").read_text())
    theory_raw = json.loads(next((REPO / "resources/bank/theory").glob("*.json")).read_text())
    coding, theory = parse_item(coding_raw), parse_item(theory_raw)
    assert isinstance(coding, CodingProblem) and isinstance(theory, TheoryQuestion)
    catalog = Catalog(path)
    batch: list[tuple[BankItem, dict[str, Any]]] = []
    item: BankItem
    for i in range(count):
        difficulty = rng.choice(list(Difficulty))
        topics = tuple(rng.sample(TOPICS, 2))
        if i % 3:
            item = replace(coding, slug=f"gen-coding-{i}", title=f"Generated problem {i}", difficulty=difficulty,
                           topics=topics)
            raw = {**coding_raw, "slug": item.slug, "title": item.title, "difficulty": difficulty.value,
                   "topics": list(topics)}
        else:
            jobs = tuple(rng.sample(JOBS, 2))
            item = replace(theory, slug=f"gen-theory-{i}", title=f"Generated question {i}", difficulty=difficulty,
                           topics=topics, job_types=jobs)
            raw = {**theory_raw, "slug": item.slug, "title": item.title, "difficulty": difficulty.value,
                   "topics": list(topics), "job_types": list(jobs)}
        batch.append((item, raw))
    catalog.add_all(batch)
    return catalog


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bank.sqlite"
        catalog = generate(path, args.items)
        config = SessionConfig(mode=Mode.TECHNICAL, job_type="backend", difficulty="medium", question_count=5,
                               coding_count=2, job_description="Python backend role: APIs, hashing, graphs, trees.")
        seen = {f"gen-coding-{i}" for i in range(1, args.items, 7)}
        app_times = []
        for run in range(args.runs):
            start = time.perf_counter()
            chosen = select_slugs([catalog], config, seen, seed=run)
            app_times.append((time.perf_counter() - start) * 1000)
            assert len(chosen) == 5
        raw = sqlite3.connect(path)
        raw_times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            for kind in ("coding", "theory"):
                raw.execute("SELECT slug, title, topics, difficulty FROM bank_item WHERE kind = ? AND difficulty = ? "
                            "AND instr(jobs, ?)", (kind, "medium", " backend ")).fetchall()
            raw_times.append((time.perf_counter() - start) * 1000)
        catalog.close()
    print(f"{args.items} items, {args.runs} selections of 5 questions (2 coding + 3 theory), JD ranking on")
    report("selection latency (median)", median(app_times), median(raw_times), "ms", "app <= 20 ms")


if __name__ == "__main__":
    main()
