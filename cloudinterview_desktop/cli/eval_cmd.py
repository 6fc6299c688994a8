"""`cloudinterview eval`: the interview-quality harness on a labelled case file (bench/interviewer_cases)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cloudinterview_desktop.cli.context import CliContext, CommandError
from cloudinterview_desktop.cli.quality_harness import Summary, details, load_cases, run_case, table


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("eval", help="measure the interviewer on labelled simulated candidates")
    p.add_argument("cases", type=Path, nargs="+", help="case files (JSON with a 'cases' list)")
    p.add_argument("--kind", choices=["coding", "theory", "behavioral"], action="append",
                   help="only cases of this kind (repeatable)")
    p.add_argument("--verbose", action="store_true", help="list every misordered pair and missed gap")
    p.add_argument("--no-model", action="store_true", help="run without the language model")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    core = ctx.core
    status = core.service.warm_up()  # runs (or reads) the model's capability check
    print(status)
    capability = core.ai.capability
    if capability is not None:
        verdict = "passed" if capability.passed else "did not pass"
        print(f"capability check ({capability.model}): {verdict}: {capability.summary()}; {capability.seconds:.1f} s")
    for path in args.cases:
        try:
            cases = load_cases(path)
        except (OSError, ValueError, KeyError) as exc:
            raise CommandError(f"cannot read the cases in {path}: {exc}") from exc
        if args.kind:
            cases = [c for c in cases if c.kind in args.kind]
        summary = Summary()
        for case in cases:
            summary.outcomes.append(run_case(core, case))
        print(table(summary, path.name))
        if args.verbose:
            print(details(summary))
        sys.stdout.flush()
    return 0
