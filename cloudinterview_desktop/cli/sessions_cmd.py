"""`cloudinterview sessions list|show|delete` and `cloudinterview data delete`."""

from __future__ import annotations

import argparse
import sys

from cloudinterview_desktop.cli.context import CliContext, CommandError
from cloudinterview_desktop.cli.output import print_json, print_table
from cloudinterview_desktop.domain.serialization import session_to_dict, summary_to_dict
from cloudinterview_desktop.domain.session import SessionStatus
from cloudinterview_desktop.service.data_management import delete_all_data


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sessions = sub.add_parser("sessions", help="list, show or delete past interview sessions")
    actions = sessions.add_subparsers(dest="action", required=True, metavar="ACTION")
    ls = actions.add_parser("list", help="list sessions, newest first")
    ls.add_argument("--status", choices=[s.value for s in SessionStatus])
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=list_sessions)
    show = actions.add_parser("show", help="show one session with its questions, answers and timeline")
    show.add_argument("session_id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_session)
    delete = actions.add_parser("delete", help="delete a session with its recordings and reports")
    delete.add_argument("session_id")
    delete.add_argument("--json", action="store_true")
    delete.set_defaults(handler=delete_one)

    data = sub.add_parser("data", help="manage all of your stored data")
    data_actions = data.add_subparsers(dest="action", required=True, metavar="ACTION")
    wipe = data_actions.add_parser("delete", help="delete all sessions, answers, recordings and reports")
    wipe.add_argument("--yes", action="store_true", help="confirm; nothing is deleted without it")
    wipe.add_argument("--json", action="store_true")
    wipe.set_defaults(handler=delete_everything)


def list_sessions(args: argparse.Namespace, ctx: CliContext) -> int:
    status = SessionStatus(args.status) if args.status else None
    summaries = ctx.core.sessions.summaries(status=status)
    if args.json:
        print_json([summary_to_dict(s) for s in summaries])
        return 0
    if not summaries:
        print("no sessions yet: start one with `cloudinterview interview` or the app")
        return 0
    print_table(["id", "created", "mode", "job", "status", "answered", "score"], [
        (s.id[:8], f"{s.created_at:%Y-%m-%d %H:%M}", s.mode.value, f"{s.seniority} {s.job_type}", s.status.value,
         f"{s.answered}/{s.question_count}", "-" if s.overall_score is None else f"{s.overall_score:.0f}")
        for s in summaries])
    return 0


def show_session(args: argparse.Namespace, ctx: CliContext) -> int:
    session = ctx.core.sessions.get(ctx.core.sessions.resolve_id(args.session_id))
    if args.json:
        print_json(session_to_dict(session))
        return 0
    print(f"Session {session.id}  {session.mode.value}  {session.config.seniority} {session.config.job_type}  "
          f"{session.status.value}  {session.duration_s / 60:.1f} min")
    for question in session.questions:
        marker = ">" if question.index == session.current_question_index else " "
        print(f"{marker} Q{question.index + 1} [{question.kind}] {question.title}")
        for answer in session.answers_for(question.index):
            text = (answer.text or answer.code).strip().replace("\n", " ")
            print(f"     answer {answer.submitted_at:%H:%M:%S}: {text[:100]}")
    print("Timeline:")
    for event in session.timeline:
        where = "" if event.question_index is None else f" Q{event.question_index + 1}"
        print(f"  {event.at:%H:%M:%S} {event.kind.value}{where}")
    return 0


def delete_one(args: argparse.Namespace, ctx: CliContext) -> int:
    session_id = ctx.core.sessions.resolve_id(args.session_id)
    files = ctx.core.service.delete_session(session_id)
    if args.json:
        print_json({"deleted": session_id, "files": files})
    else:
        print(f"deleted session {session_id} ({files} files)")
    return 0


def delete_everything(args: argparse.Namespace, ctx: CliContext) -> int:
    if not args.yes:
        raise CommandError("this deletes every session, answer, recording and report; add --yes to confirm")
    result = delete_all_data(ctx.core.sessions, ctx.core.paths)
    if args.json:
        print_json({"sessions": result.sessions, "files": result.files})
    else:
        print(f"deleted {result.sessions} sessions and {result.files} files", file=sys.stdout)
    return 0
