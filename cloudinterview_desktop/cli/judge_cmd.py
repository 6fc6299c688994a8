"""`cloudinterview judge PROBLEM SOLUTION_FILE`: runs a solution file through the code judge, as Run or Submit."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cloudinterview_desktop.cli.context import add_allow_flag
from cloudinterview_desktop.domain.errors import CloudInterviewError
from cloudinterview_desktop.domain.judging import JudgeMode, JudgeReport, TestResult, Verdict
from cloudinterview_desktop.domain.languages import LANGUAGES
from cloudinterview_desktop.judge.protection import UnisolatedRunRefused

if TYPE_CHECKING:
    from cloudinterview_desktop.cli.context import CliContext

_SHOWN = 600  # characters of an input or output shown per line in human output


def _json_input(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise argparse.ArgumentTypeError(f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(value, dict):
        raise argparse.ArgumentTypeError('an input is a JSON object, e.g. \'{"nums": [2, 7], "target": 9}\'')
    return value


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "judge", help="run a solution file against a problem's tests",
        description="Judge SOLUTION_FILE against PROBLEM (a bank slug or a problem JSON file). Submit runs the "
                    "hidden tests; Run runs the examples and any --input. Exit code 0 whatever the verdict; "
                    "2 when the code would run without a sandbox and that was not allowed.")
    parser.add_argument("problem", metavar="PROBLEM", help="bank slug or path to a problem JSON file")
    parser.add_argument("solution", metavar="SOLUTION_FILE", type=Path, help="the code to judge")
    parser.add_argument("--language", "-l", help=f"{', '.join(LANGUAGES)} (default: from the file extension)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--run", dest="mode", action="store_const", const=JudgeMode.RUN,
                      help="run the examples and custom inputs, showing their output")
    mode.add_argument("--submit", dest="mode", action="store_const", const=JudgeMode.SUBMIT,
                      help="run every hidden test (the default without --input)")
    parser.add_argument("--input", dest="inputs", action="append", type=_json_input, default=[], metavar="JSON",
                        help="a custom input for --run, as a JSON object of parameter values (repeatable)")
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    add_allow_flag(parser, "run the code")
    parser.set_defaults(handler=run)


def _short(value: Any) -> str:
    text = json.dumps(value) if not isinstance(value, str) else value
    return text if len(text) <= _SHOWN else text[:_SHOWN] + f"... ({len(text)} characters)"


def _label(verdict: Verdict) -> str:
    return verdict.value.replace("_", " ")


def _print_test(test: TestResult) -> None:
    name = f"hidden test {test.index}" if test.hidden else f"test {test.index}"
    print(f"  {name}: {_label(test.verdict)} ({test.time_ms:.1f} ms)")
    if test.verdict is Verdict.SKIPPED:
        return
    if not test.hidden:
        print(f"    input:    {_short(test.input)}")
        print(f"    expected: {_short(test.expected)}")
        print(f"    output:   {_short(test.actual)}")
        for label, text in (("stdout", test.stdout), ("stderr", test.stderr)):
            if text:
                print(f"    {label}:   " + text.rstrip("\n").replace("\n", "\n              "))
    if test.message and test.verdict is not Verdict.ACCEPTED:
        print("    " + test.message.replace("\n", "\n    "))


def print_report(report: JudgeReport) -> None:
    print(f"{_label(report.verdict).capitalize()}: {report.passed}/{report.total} tests passed, "
          f"{report.time_ms:.1f} ms, {report.memory_kb / 1024:.1f} MB "
          f"({report.language}, {report.mode.value}, isolation: {report.isolation or 'n/a'})")
    if report.verdict is Verdict.COMPILE_ERROR or (report.message and not report.tests):
        print(report.message)
        return
    for test in report.tests:
        if report.mode is JudgeMode.RUN or test.verdict not in (Verdict.ACCEPTED, Verdict.SKIPPED):
            _print_test(test)
    if report.first_failure is not None and report.mode is JudgeMode.SUBMIT:
        print(f"first failure: hidden test {report.first_failure}")


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from cloudinterview_desktop.judge.languages import language_for_file, language_named

    mode: JudgeMode = args.mode or (JudgeMode.RUN if args.inputs else JudgeMode.SUBMIT)
    if args.inputs and mode is JudgeMode.SUBMIT:
        print("usage error: --input only goes with --run (Submit runs the hidden tests)", file=sys.stderr)
        return 2
    try:
        problem = ctx.load_problem(args.problem)
        try:
            code = args.solution.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CloudInterviewError(f"cannot read {args.solution}: {exc}") from exc
        language = language_named(args.language) if args.language else language_for_file(args.solution.name)
        if args.allow_unisolated:
            ctx.judge().consent.allow_for_now()
        report = ctx.judge().run(problem, code, language.name, mode, custom_inputs=args.inputs or None)
    except UnisolatedRunRefused as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except CloudInterviewError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        json.dump(report.to_json(), sys.stdout, default=str)
        sys.stdout.write("\n")
    else:
        print_report(report)
    return 0
