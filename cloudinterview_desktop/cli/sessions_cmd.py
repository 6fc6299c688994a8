"""`cloudinterview sessions list|show|delete` and `cloudinterview data delete`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cloudinterview_desktop.cli.context import CliContext, CommandError
from cloudinterview_desktop.cli.output import print_json, print_table
from cloudinterview_desktop.domain.serialization import session_to_dict, summary_to_dict
from cloudinterview_desktop.domain.session import SessionStatus
from cloudinterview_desktop.paths import resolve_paths
from cloudinterview_desktop.service.data_management import delete_all_data
from cloudinterview_desktop.store.restore import restore, set_aside_copies


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
    back = data_actions.add_parser("restore", help="list copies of your data that were set aside, or restore one "
                                   "(what was saved since is merged in; every file is kept)")
    back.add_argument("copy", nargs="?", type=Path, help="the set-aside file to restore (default: only list them)")
    back.add_argument("--latest", action="store_true", help="restore the newest healthy set-aside copy")
    back.add_argument("--json", action="store_true")
    back.set_defaults(handler=restore_data)


def restore_data(args: argparse.Namespace, ctx: CliContext) -> int:
    db_path = resolve_paths(ctx.home).db_path
    copies = set_aside_copies(db_path)
    chosen = args.copy
    if args.latest:
        healthy = [c for c in copies if c.restorable]
        if not healthy:
            raise CommandError(f"no healthy set-aside copy of your data in {db_path.parent}")
        chosen = max(healthy, key=lambda c: c.set_aside_at).path
    if chosen is None:
        rows = [{"file": str(c.path), "setAsideAt": c.set_aside_at.isoformat(timespec="seconds"),
                 "sessions": c.sessions, "restorable": c.restorable, "problem": c.problem} for c in copies]
        if args.json:
            print_json(rows)
        elif not rows:
            print(f"no set-aside copies of your data in {db_path.parent}")
        else:
            print_table(["file", "set aside", "sessions", "restorable"],
                        [[r["file"], r["setAsideAt"], "" if r["sessions"] is None else r["sessions"],
                          "yes" if r["restorable"] else f"no: {r['problem']}"] for r in rows])
        return 0
    report = restore(db_path, Path(chosen).expanduser().resolve())
    if args.json:
        print_json({"restored": str(report.restored), "sessions": report.sessions,
                    "mergedSessions": report.merged_sessions,
                    "previousKeptAs": str(report.previous_kept_as) if report.previous_kept_as else None})
    else:
        print(f"restored {report.restored}: {report.sessions} sessions, of which {report.merged_sessions} were "
              f"saved after it was set aside")
        if report.previous_kept_as is not None:
            print(f"the data it replaced is kept as {report.previous_kept_as}")
    return 0


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
