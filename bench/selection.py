"""Selection latency with 10,000 distinct questions in the database, beside the raw SQL fetch of the same candidate
rows, measured in the same run with interleaved order.

The bank is generated from every built-in coding problem and theory question, each copy given its own generated
title, statement or question, topics (drawn from the bank's own topics and generated ones), difficulty and job
types, so ranking by the job description and the topic spread work on varied text, as they would on a real bank.

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
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import interleaved, median, percentile, record

from cloudinterview_desktop.bank.catalog import Catalog
from cloudinterview_desktop.bank.item_format import parse_item
from cloudinterview_desktop.bank.selection import select_slugs
from cloudinterview_desktop.domain.problems import BankItem
from cloudinterview_desktop.domain.session import Mode, SessionConfig

REPO = Path(__file__).resolve().parent.parent
JOBS = ["software", "frontend", "backend", "sre", "data_ml", "product", "analyst"]
ADJECTIVES = ["balanced", "rotating", "sparse", "nested", "circular", "weighted", "sorted", "shifting", "layered",
              "broken", "mirrored", "frozen", "hidden", "sliding", "merged", "partial", "reversed", "distinct",
              "bounded", "lazy", "greedy", "prime", "twin", "lonely", "crowded"]
NOUNS = ["river", "ledger", "garden", "tunnel", "orchard", "market", "signal", "beacon", "harbour", "lattice",
         "caravan", "archive", "festival", "railway", "quarry", "library", "stadium", "mosaic", "compass", "glacier",
         "kitchen", "parade", "network", "canyon", "workshop", "bakery", "satellite", "tournament", "vineyard"]
THINGS = ["intervals", "tokens", "packets", "parcels", "sensors", "lanterns", "tickets", "orders", "shipments",
          "readings", "students", "servers", "requests", "coins", "tiles", "pixels", "votes", "bookings", "edges"]
ASKS = ["Return the number of {t} that stay {a} after every {n} update.",
        "Find the longest run of {t} in the {n} whose values form a {a} sequence.",
        "Given the {t} of a {n}, return the smallest cost that makes them {a}.",
        "Decide whether the {t} can be split into two {a} groups of equal weight.",
        "Return the k-th {a} value among the {t} recorded by the {n}.",
        "Count the pairs of {t} whose difference is at most the {n}'s limit.",
        "Explain how you would keep the {t} of a {n} {a} under concurrent writes.",
        "Describe the trade-offs of caching the {t} of a {n} close to its readers.",
        "How would you detect that the {n}'s {t} have become {a}, and what would you alert on?"]
EXTRA_TOPICS = [f"{a}-{n}" for a in ADJECTIVES[:8] for n in NOUNS[:6]]


def generate(path: Path, count: int) -> Catalog:
    rng = random.Random(1)
    raws = [json.loads(f.read_text()) for folder in ("coding", "theory")
            for f in sorted((REPO / "resources" / "bank" / folder).glob("*.json"))]
    bank_topics = sorted({t for raw in raws for t in raw.get("topics", [])})
    topic_pool = bank_topics + EXTRA_TOPICS
    catalog = Catalog(path)
    batch: list[tuple[BankItem, dict[str, Any]]] = []
    titles: set[str] = set()
    for i in range(count):
        template = raws[i % len(raws)]
        while True:
            adjective, noun, thing = rng.choice(ADJECTIVES), rng.choice(NOUNS), rng.choice(THINGS)
            title = f"{adjective.title()} {thing} of the {noun} {i}"
            if title not in titles:
                titles.add(title)
                break
        text = " ".join(rng.choice(ASKS).format(t=thing, a=adjective, n=noun) for _ in range(rng.randint(1, 3)))
        raw = {**template, "slug": f"gen-{template['kind']}-{i}", "title": title,
               "difficulty": rng.choice(["easy", "medium", "hard"]),
               "topics": rng.sample(topic_pool, rng.randint(1, 3))}
        if template["kind"] == "coding":
            raw["statement"] = text + "\n\n" + template["statement"]
        else:
            raw["question"] = text
            raw["job_types"] = rng.sample(JOBS, rng.randint(1, 3))
        batch.append((parse_item(raw, validate=False), raw))
    catalog.add_all(batch)
    print(f"{count} items from {len(raws)} built-in templates: {len(titles)} distinct titles, "
          f"{len({tuple(raw['topics']) for _, raw in batch})} distinct topic sets over {len(topic_pool)} topics")
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
        raw = sqlite3.connect(path)
        run = 0
        chosen_sets: set[tuple[str, ...]] = set()

        def app() -> float:
            nonlocal run
            run += 1
            start = time.perf_counter()
            chosen = select_slugs([catalog], config, seen, seed=run)
            elapsed = (time.perf_counter() - start) * 1000
            assert len(chosen) == 5
            chosen_sets.add(tuple(chosen))
            return elapsed

        def floor() -> float:
            # The candidate rows the selection reads, fetched with plain sqlite3: one query per slot kind.
            start = time.perf_counter()
            for kind in ("coding", "theory"):
                raw.execute("SELECT slug, title, topics, difficulty FROM bank_item WHERE kind = ? "
                            "AND difficulty IN (?) AND instr(jobs, ?)", (kind, "medium", " backend ")).fetchall()
            return (time.perf_counter() - start) * 1000

        app_times, raw_times = interleaved(app, floor, args.runs)
        raw.close()
        catalog.close()
    print(f"{args.runs} selections of 5 questions (2 coding + 3 theory) for a backend JD, interleaved with the raw "
          f"fetch; {len(chosen_sets)} distinct question sets chosen")
    print(f"app p95 {percentile(app_times, 95):.2f} ms, raw p95 {percentile(raw_times, 95):.2f} ms")
    record(f"selection of 5 questions among {args.items:,} (median)", median(app_times), median(raw_times), "ms",
           "<= 20 ms", runs=app_times, floor_runs=raw_times, digits=2)


if __name__ == "__main__":
    main()
