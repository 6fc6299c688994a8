"""Every benchmark, one after the other, each in its own process, then one table: figure, floor measured in the same
run, ratio, target, pass/fail and the spread of the runs. The rows are written to bench/results.json.

    .venv/bin/python bench/run_all.py            # the full run (minutes)
    .venv/bin/python bench/run_all.py --quick    # a few rounds each: checks that every benchmark still works
    .venv/bin/python bench/run_all.py --only llm,stt --update   # rerun some, keep the other rows of results.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import RESULTS_ENV

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


@dataclass(frozen=True)
class Benchmark:
    key: str
    script: str
    full: tuple[str, ...]
    quick: tuple[str, ...]
    timeout_s: int = 1800


# bench/judge.py's floor is the interpreter with the judge's own flags (-I -S) started in the same sandbox;
# verdict.py judges every language against the judge's own commands. bench/interviewer_quality.py measures interview
# quality, not time.
BENCHMARKS = [
    Benchmark("startup", "startup.py", ("--runs", "5"), ("--runs", "1")),
    Benchmark("selection", "selection.py", ("--runs", "200"), ("--runs", "20", "--items", "2000")),
    Benchmark("verdict", "verdict.py", ("--runs", "7"), ("--runs", "1")),
    Benchmark("judge", "judge.py", ("--runs", "9"), ("--runs", "2")),
    Benchmark("first_token", "first_token.py", ("--turns", "10", "--repeats", "1"), ("--turns", "2", "--repeats", "1"),
              timeout_s=2700),
    Benchmark("llm", "llm.py", ("--rounds", "8"), ("--rounds", "2", "--max-tokens", "32")),
    Benchmark("stt", "stt.py", ("--runs", "7", "--latency-runs", "5"), ("--runs", "2", "--latency-runs", "1")),
    Benchmark("report", "report.py", ("--runs", "5", "--cold-runs", "3"),
              ("--runs", "2", "--cold-runs", "1", "--questions", "6")),
    Benchmark("import", "import.py", ("--runs", "2"), ("--limit", "60", "--runs", "1")),
    Benchmark("ui_latency", "ui_latency.py", (), ()),
]


def row_text(row: dict[str, Any]) -> list[str]:
    digits = 3 if row["unit"] in ("s", "") else 1

    def number(value: float | None) -> str:
        return "" if value is None else f"{value:.{digits}f}"

    ratio = row.get("ratio")
    verdict = {True: "pass", False: "FAIL", None: "-"}[row["passed"]]
    return [row["name"], f"{number(row['figure'])} {row['unit']}".strip(),
            f"{number(row['floor'])} {row['unit']}".strip() if row["floor"] is not None else "—",
            f"{ratio:.2f}×" if ratio is not None else "—", row["target"], verdict, row["spread"] or "—"]


def table(rows: list[dict[str, Any]]) -> str:
    header = ["figure", "app", "floor (same run)", "ratio", "target", "result", "spread (min–max, runs)"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row_text(row)) + " |" for row in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a few rounds of each (a smoke test, not figures)")
    parser.add_argument("--only", default="", help="comma-separated keys: " + ", ".join(b.key for b in BENCHMARKS))
    parser.add_argument("--show", action="store_true", help="print the table of the output file; run nothing")
    parser.add_argument("--update", action="store_true",
                        help="keep the other benchmarks' rows already in the output file, replacing only these")
    parser.add_argument("--output", type=Path, default=None,
                        help="where to write the rows (default bench/results.json; --quick: a temporary file)")
    args = parser.parse_args()
    chosen = [b for b in BENCHMARKS if not args.only or b.key in args.only.split(",")]
    output = args.output or (Path(tempfile.gettempdir()) / "cloudinterview-bench-quick.json" if args.quick
                             else BENCH / "results.json")
    if args.show:
        print(table(json.loads(output.read_text(encoding="utf-8"))["rows"]))
        return 0
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    load_before = os.getloadavg()
    started = time.perf_counter()
    rows: list[dict[str, Any]] = []
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for bench in chosen:
            sink = Path(folder) / f"{bench.key}.jsonl"
            command = [sys.executable, str(BENCH / bench.script), *(bench.quick if args.quick else bench.full)]
            print(f"\n=== {bench.key}: {' '.join(command[1:])}", flush=True)
            began = time.perf_counter()
            try:
                done = subprocess.run(command, env={**env, RESULTS_ENV: str(sink)}, cwd=ROOT,
                                      timeout=bench.timeout_s)
                code = done.returncode
            except subprocess.TimeoutExpired:
                code = -1
            produced = [json.loads(line) for line in sink.read_text().splitlines()] if sink.exists() else []
            for row in produced:
                row["benchmark"] = bench.key
            rows += produced
            print(f"=== {bench.key}: exit {code}, {time.perf_counter() - began:.0f} s, {len(produced)} figure(s)",
                  flush=True)
            if code != 0 or not produced:
                failures.append(f"{bench.key} (exit {code}, {len(produced)} figures)")
    load_after = os.getloadavg()
    runs_info = [{"date": datetime.now(UTC).isoformat(timespec="seconds"), "benchmarks": [b.key for b in chosen],
                  "load_average_before": load_before, "load_average_after": load_after}]
    if args.update and output.exists():
        kept = json.loads(output.read_text(encoding="utf-8"))
        keys = {b.key for b in chosen}
        order = [b.key for b in BENCHMARKS]
        rows = sorted([r for r in kept["rows"] if r.get("benchmark") not in keys] + rows,
                      key=lambda r: order.index(r["benchmark"]) if r.get("benchmark") in order else len(order))
        failures = [f for f in kept.get("failed", []) if f.split()[0] not in keys] + failures
        runs_info = kept.get("runs", []) + runs_info
    print("\n" + table(rows))
    if failures:
        print("\nbenchmarks that did not finish: " + ", ".join(failures))
    summary = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"), "quick": args.quick,
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "load_average_before": load_before, "load_average_after": load_after},
        "seconds": round(time.perf_counter() - started, 1), "failed": failures, "runs": runs_info, "rows": rows,
    }
    output.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(rows)} figures in {summary['seconds']:.0f} s; load average {load_before[0]:.1f} before, "
          f"{load_after[0]:.1f} after on {os.cpu_count()} CPUs; written to {output}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
