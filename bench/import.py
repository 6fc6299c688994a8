"""Importing the real LeetCodeDataset release in ../shared/datasets (1,890 records), beside the floor of the same work:
every reference solution that the import accepted, run against its own check() in plain `python -I -S` processes
(as many in parallel as the import's workers), with no parsing, sandbox or storage. Both measured in the same run,
alternating which goes first.

The app imports the release file itself, as a person would: gzip-compressed, in the dataset's older nested layout
(statement, difficulty and starter code under `meta`), which the importer reads. Records it refuses (slugs the
built-in bank already has, references that fail their own suite) are skipped with `skip_invalid` and counted.

    .venv/bin/python bench/import.py [--runs 2] [--limit N] [--workers 2] [--dataset FILE]
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import median, record, runs_text

from cloudinterview_desktop.app import LazyJudge
from cloudinterview_desktop.bank.catalog import Catalog
from cloudinterview_desktop.bank.leetcodedataset import import_leetcodedataset
from cloudinterview_desktop.bank.question_bank import QuestionBank
from cloudinterview_desktop.judge.reference_batches import ReferenceValidator
from cloudinterview_desktop.resources import builtin_problems_db

ROOT = Path(__file__).resolve().parent.parent
DATASET = ROOT.parent / "shared" / "datasets" / "LeetCodeDataset-v0.2.0-train.jsonl.gz"

# One process runs many references, each in its own namespace, as the import's batch harness does.
# sortedcontainers is importable from its wheel, as the judge's harness makes it for the references that name it;
# a reference that cannot even be defined counts as failed, like one whose check() fails.
FLOOR_RUNNER = """
import json, sys
sys.path.insert(0, sys.argv[1])
failed = 0
for line in sys.stdin:
    record = json.loads(line)
    namespace = {}
    try:
        exec(record["prompt"] + "\\n" + record["completion"] + "\\n" + record["test"], namespace)
        namespace["check"](eval(record["entry_point"], namespace))
    except Exception:
        failed += 1
print(failed)
"""
SORTED_WHEEL = (Path(__file__).resolve().parent.parent / "cloudinterview_desktop" / "judge" / "harness" /
                "sortedcontainers-2.4.0-py2.py3-none-any.whl")


def prepare(source: Path, target: Path, limit: int | None) -> tuple[Path, list[dict[str, Any]]]:
    """The file the app imports (the release itself, or its first `limit` records as they are) and its records."""
    records = []
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                records.append(json.loads(line))
                if limit is not None and len(records) >= limit:
                    break
    if limit is None:
        return source, records
    with gzip.open(target, "wt", encoding="utf-8") as out:
        out.write("".join(json.dumps(r) + "\n" for r in records))
    return target, records


def floor_run(records: list[dict[str, Any]], workers: int) -> float:
    chunks = [records[n::workers] for n in range(workers)]
    start = time.perf_counter()
    processes = [subprocess.Popen([sys.executable, "-I", "-S", "-c", FLOOR_RUNNER, str(SORTED_WHEEL)],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for _ in chunks]
    outputs = [p.communicate("".join(json.dumps(r) + "\n" for r in chunk))[0]
               for p, chunk in zip(processes, chunks, strict=True)]
    elapsed = time.perf_counter() - start
    if any(p.returncode != 0 or not out.strip() for p, out in zip(processes, outputs, strict=True)):
        raise SystemExit("a floor process stopped before the end of its references: not the same work")
    failed = sum(int(out.strip()) for out in outputs)
    if failed:
        raise SystemExit(f"{failed} accepted references failed their check() in the floor: not the same work")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", type=Path, default=DATASET)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="the first N records only (a quick check)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not args.dataset.exists():
        raise SystemExit(f"{args.dataset} is missing")
    logging.basicConfig(level=logging.WARNING)
    phases = logging.getLogger("cloudinterview_desktop.bank.leetcodedataset")
    phases.setLevel(logging.INFO)  # its "read and validated in ..., stored in ..." line
    phases.propagate = False
    phases.addHandler(logging.StreamHandler(sys.stdout))
    logging.getLogger("cloudinterview_desktop.bank.leetcodedataset").addFilter(
        lambda r: not r.getMessage().startswith("skipped"))
    with tempfile.TemporaryDirectory() as folder:
        data, records = prepare(args.dataset, Path(folder) / "part.jsonl.gz", args.limit)
        builtin = Catalog(builtin_problems_db(), readonly=True) if builtin_problems_db().exists() else None
        judge = LazyJudge()
        judge.isolation_level()  # probing the sandbox is the app's start-up cost, not the import's
        accepted: list[dict[str, Any]] = []
        app_times: list[float] = []
        floor_times: list[float] = []
        skipped = 0
        reasons: dict[str, int] = {}

        def app_run(number: int) -> float:
            nonlocal accepted, skipped
            bank = QuestionBank(builtin, Catalog(Path(folder) / f"user-{number}.sqlite"))
            start = time.perf_counter()
            references = ReferenceValidator(judge, workers=args.workers)
            result = import_leetcodedataset(bank, data, references, skip_invalid=True)
            elapsed = time.perf_counter() - start
            bank.user.close()
            kept = set(result.slugs)
            accepted = [r for r in records if r["task_id"] in kept]
            skipped = len(result.skipped)
            reasons.clear()
            for item in result.skipped:
                reason = item.reason.split(":")[0][:60]
                reasons[reason] = reasons.get(reason, 0) + 1
            return elapsed

        # The floor runs the references the import accepted, so the first run is always the app's.
        load_before = os.getloadavg()[0]
        app_times.append(app_run(0))
        floor_times.append(floor_run(accepted, args.workers))
        for number in range(1, args.runs):
            if number % 2:
                floor_times.append(floor_run(accepted, args.workers))
                app_times.append(app_run(number))
            else:
                app_times.append(app_run(number))
                floor_times.append(floor_run(accepted, args.workers))
        load_after = os.getloadavg()[0]
    size_mb = args.dataset.stat().st_size / 1e6
    print(f"{args.dataset.name} ({size_mb:.1f} MB compressed): {len(records)} records read, {len(accepted)} imported, "
          f"{skipped} skipped; {args.workers} workers, isolation {judge.isolation_level()}; load average "
          f"{load_before:.1f} before, {load_after:.1f} after on {os.cpu_count()} CPUs")
    print("skipped, by reason: " + "; ".join(f"{n} {why}" for why, n in sorted(reasons.items(), key=lambda x: -x[1])))
    print(f"app runs (s): {runs_text(app_times, 2)}; floor runs (s): {runs_text(floor_times, 2)}")
    record(f"import of the real LeetCodeDataset file ({len(accepted)} of {len(records)} records)", median(app_times),
           median(floor_times), "s", "<= 60 s", runs=app_times, floor_runs=floor_times, digits=2,
           note="floor: the accepted references' check() in bare python processes")


if __name__ == "__main__":
    main()
