"""`cloudinterview report SESSION_ID [-o FILE] [--format pdf|md|json]`: a session's feedback report as a file."""

from __future__ import annotations

import argparse
from pathlib import Path

from cloudinterview_desktop.cli.context import CliContext
from cloudinterview_desktop.cli.output import print_json
from cloudinterview_desktop.domain.errors import ProblemNotFound
from cloudinterview_desktop.domain.problems import BankItem
from cloudinterview_desktop.report.content import prepare
from cloudinterview_desktop.report.export import EXTENSIONS, format_for, write_report


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser("report", help="write a session's feedback report (PDF, Markdown or JSON)",
                            description="Write the feedback report of a session. The format follows the file's "
                                        "extension (.pdf, .md, .json) unless --format is given; without -o the "
                                        "report goes to the app's reports folder.")
    report.add_argument("session_id", help="a session id, or a unique prefix of one (see `sessions list`)")
    report.add_argument("-o", "--output", type=Path, help="the file to write")
    report.add_argument("--format", choices=sorted(EXTENSIONS),
                        help=f"{', '.join(EXTENSIONS)} (default: from the file name)")
    report.add_argument("--json", action="store_true", help="print what was written as JSON")
    report.set_defaults(handler=write)


def write(args: argparse.Namespace, ctx: CliContext) -> int:
    core = ctx.core
    session = core.sessions.get(core.sessions.resolve_id(args.session_id))  # unknown id: SessionNotFound, exit 1
    output: Path | None = args.output
    if output is None:
        output = core.paths.reports_dir / session.id / f"report{EXTENSIONS[args.format or 'pdf']}"
    fmt = format_for(output, args.format)
    items: dict[str, BankItem] = {}
    if session.feedback is None or not session.feedback.payload.get("rubric_version"):
        # Only feedback made here needs the bank items (references, competencies); stored feedback is used as is.
        for question in session.questions:
            try:
                items[question.item_slug] = core.bank.get(question.item_slug)
            except ProblemNotFound:
                continue
    data = prepare(session, core.sessions.summaries(), items, core.bank)
    path = write_report(data, output, fmt)
    if args.json:
        print_json({"session": session.id, "format": fmt, "path": str(path), "feedback_origin": data.origin})
    else:
        print(f"wrote the {fmt} report of session {session.id[:8]} to {path}")
    return 0
