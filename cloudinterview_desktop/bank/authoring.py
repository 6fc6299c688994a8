"""Checks bank files while they are written: schema, counts, reference solution on every test, and
(with --slow) that the brute-force solution agrees on the small tests and runs out of time on a large one.

    python -m cloudinterview_desktop.bank.authoring resources/bank/coding/two-sum.json [--slow]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from cloudinterview_desktop.bank.item_format import load_item_file
from cloudinterview_desktop.domain.errors import ProblemFormatError
from cloudinterview_desktop.domain.generators import expand
from cloudinterview_desktop.domain.problems import CodingProblem, signature_to_raw
from cloudinterview_desktop.judge.compare import outputs_match
from cloudinterview_desktop.resources import package_path

MIN_TESTS = 15


def run_plain(code: str, problem: CodingProblem, inputs: list[dict[str, Any]],
              time_limit_ms: int) -> list[dict[str, Any]]:
    """Run code on inputs through the Python harness, without a sandbox (trusted authoring code only)."""
    assert problem.signature is not None
    payload = {"code": code, "signature": signature_to_raw(problem.signature),
               "tests": [{"input": i} for i in inputs], "time_limit_ms": time_limit_ms}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(payload, handle)
    read_fd, write_fd = os.pipe()
    harness = package_path("judge", "harness", "python_harness.py")
    proc = subprocess.Popen([sys.executable, "-I", str(harness), handle.name, str(write_fd)],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    os.close(write_fd)
    with os.fdopen(read_fd, encoding="utf-8") as reader:
        lines = reader.read().splitlines()
    proc.wait(timeout=len(inputs) * time_limit_ms / 1000 + 30)
    return [json.loads(line) for line in lines]


def check_file(path: Path, slow: bool) -> list[str]:
    problems: list[str] = []
    try:
        item = load_item_file(path)
    except ProblemFormatError as exc:
        return [str(exc)]
    if not isinstance(item, CodingProblem):
        return []
    if len(item.tests) < MIN_TESTS:
        problems.append(f"{item.slug}: {len(item.tests)} hidden tests, need at least {MIN_TESTS}")
    if not any(t.large for t in item.tests):
        problems.append(f"{item.slug}: no test is marked large")
    if len(item.hints) < 3:
        problems.append(f"{item.slug}: need a ladder of at least 3 hints")
    assert item.solution is not None
    cases = list(item.examples) + list(item.tests)
    inputs = [expand(c.input) for c in cases]
    expected = [expand(c.output) for c in cases]
    records = run_plain(item.solution.python, item, inputs, item.limits.time_ms)
    results = [r for r in records if r.get("index", -1) >= 0]
    problems += [f"{item.slug}: reference: {r}" for r in records
                 if ("event" in r and r["event"] != "done") or (r.get("index") == -1 and r["status"] != "ok")]
    if len(results) != len(cases):
        problems.append(f"{item.slug}: reference ran {len(results)} of {len(cases)} cases")
    for result, case, want in zip(results, cases, expected, strict=False):
        label = f"test {result['index'] - len(item.examples)}" if result["index"] >= len(item.examples) \
            else f"example {result['index']}"
        if result["status"] != "ok":
            problems.append(f"{item.slug}: reference {result['status']} on {label}: {result['error'][-300:]}")
        elif not outputs_match(result["value"], want, item.compare, item.tolerance):
            problems.append(f"{item.slug}: reference output differs on {label}: got {str(result['value'])[:200]}, "
                            f"expected {str(want)[:200]}")
        elif case.large and result["time_ms"] > item.limits.time_ms / 3:
            problems.append(f"{item.slug}: reference takes {result['time_ms']:.0f} ms on large {label}, "
                            f"more than a third of the {item.limits.time_ms} ms limit")
    if slow:
        brute = item.solution.brute_force
        if not brute:
            problems.append(f"{item.slug}: no brute_force solution to check the tests against")
        else:
            brute_results = [r for r in run_plain(brute, item, inputs, item.limits.time_ms)
                             if r.get("index", -1) >= 0]
            timed_out = False
            for result, case, want in zip(brute_results, cases, expected, strict=False):
                if case.large:
                    timed_out = timed_out or result["status"] == "timeout"
                    continue
                if result["status"] != "ok" or not outputs_match(result["value"], want, item.compare,
                                                                 item.tolerance):
                    problems.append(f"{item.slug}: brute force disagrees on case {result['index']}: "
                                    f"{result['status']} {str(result['value'])[:120]} vs {str(want)[:120]}")
            if len(brute_results) < len(cases) and not timed_out:
                timed_out = brute_results[-1]["status"] == "timeout" if brute_results else False
            if not timed_out:
                problems.append(f"{item.slug}: brute force does not exceed the time limit on any large test")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--slow", action="store_true", help="also check the brute force (agrees, then times out)")
    args = parser.parse_args(argv)
    failures = 0
    for path in args.files:
        problems = check_file(path, args.slow)
        failures += bool(problems)
        status = "FAIL" if problems else "ok"
        print(f"{status:4} {path}")
        for problem in problems:
            print(f"     {problem}")
    print(f"{len(args.files) - failures} ok, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
