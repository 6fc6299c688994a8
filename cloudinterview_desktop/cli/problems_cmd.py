"""`cloudinterview problems build|validate|list|show|search|export|import|delete`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from cloudinterview_desktop.bank.build import build_bank, load_bank
from cloudinterview_desktop.bank.importer import ImportResult, import_items, parse_all, read_items
from cloudinterview_desktop.bank.item_format import parse_item
from cloudinterview_desktop.bank.leetcode_records import is_leetcodedataset
from cloudinterview_desktop.bank.validation import validate_items
from cloudinterview_desktop.cli.context import CliContext, CommandError, add_allow_flag
from cloudinterview_desktop.cli.output import print_json, print_table
from cloudinterview_desktop.domain.problems import BankItem
from cloudinterview_desktop.resources import builtin_problems_db, resource_path

KINDS = ("coding", "theory", "behavioral")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("problems", help="the question bank: build, validate, browse, import, export")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    build = actions.add_parser("build", help="compile resources/bank/ into problems.sqlite")
    build.add_argument("--bank-dir", type=Path, default=None)
    build.add_argument("--output", type=Path, default=None)
    build.set_defaults(handler=cmd_build)
    validate = actions.add_parser("validate", help="check items against the schema and run reference solutions")
    validate.add_argument("slugs", nargs="*")
    validate.add_argument("--bank-dir", type=Path, default=None, help="validate these files (default: the bank)")
    validate.add_argument("--json", action="store_true")
    add_allow_flag(validate, "run the reference solutions")
    validate.set_defaults(handler=cmd_validate)
    ls = actions.add_parser("list", help="list items")
    ls.add_argument("--kind", choices=KINDS)
    ls.add_argument("--difficulty", choices=["easy", "medium", "hard"])
    ls.add_argument("--topic")
    ls.add_argument("--job")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_list)
    show = actions.add_parser("show", help="show one item")
    show.add_argument("slug")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)
    search = actions.add_parser("search", help="full-text search over titles and statements")
    search.add_argument("text")
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=cmd_search)
    export = actions.add_parser("export", help="write items in the documented JSON format")
    export.add_argument("--kind", choices=KINDS)
    export.add_argument("--user", action="store_true", help="only your own items")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    export.add_argument("--json", action="store_true", help="JSON (the default and only format)")
    export.set_defaults(handler=cmd_export)
    imp = actions.add_parser("import", help="add items from JSON, JSON Lines or CSV (all or nothing)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--format", choices=["json", "jsonl", "csv", "leetcodedataset"])
    imp.add_argument("--skip-invalid", action="store_true",
                     help="leetcodedataset: skip records whose reference fails instead of refusing the file")
    imp.add_argument("--rename-duplicates", action="store_true",
                     help="import a problem whose slug is taken as SLUG-imported instead of skipping it")
    imp.add_argument("--json", action="store_true")
    add_allow_flag(imp, "run the reference solutions")
    imp.set_defaults(handler=cmd_import)
    delete = actions.add_parser("delete", help="delete one of your own items")
    delete.add_argument("slug")
    delete.set_defaults(handler=cmd_delete)


def _default_bank_dir() -> Path:
    return resource_path("bank")


def cmd_build(args: argparse.Namespace, ctx: CliContext) -> int:
    result = build_bank(args.bank_dir or _default_bank_dir(), args.output or builtin_problems_db())
    print(f"built {result.path}: " + ", ".join(f"{n} {kind}" for kind, n in result.counts.items()))
    return 0


def _items_to_validate(args: argparse.Namespace, ctx: CliContext) -> list[BankItem]:
    if args.bank_dir is not None or (_default_bank_dir() / "coding").exists():
        items = [item for item, _ in load_bank(args.bank_dir or _default_bank_dir())]
        items += [ctx.core.bank.get(row.slug) for row in ctx.core.bank.user.rows()]
    else:
        items = [ctx.core.bank.get(row.slug) for row in ctx.core.bank.rows()]
    if args.slugs:
        wanted = set(args.slugs)
        unknown = wanted - {item.slug for item in items}
        if unknown:
            raise CommandError(f"unknown slugs: {', '.join(sorted(unknown))}")
        items = [item for item in items if item.slug in wanted]
    return items


def cmd_validate(args: argparse.Namespace, ctx: CliContext) -> int:
    items = _items_to_validate(args, ctx)
    judge = ctx.judge()
    if args.allow_unisolated:
        judge.consent.allow_for_now()
    checks = validate_items(items, judge, strict_counts=True,
                            progress=None if args.json else lambda c: print(f"{'ok' if c.ok else 'FAIL':4} {c.slug}"))
    failed = [c for c in checks if not c.ok]
    if args.json:
        print_json({"checked": len(checks), "failed": [{"slug": c.slug, "problems": list(c.problems)}
                                                       for c in failed]})
    else:
        for check in failed:
            for problem in check.problems:
                print(f"{check.slug}: {problem}", file=sys.stderr)
        print(f"{len(checks) - len(failed)} ok, {len(failed)} failed")
    return 1 if failed else 0


def _row_dict(row: Any) -> dict[str, Any]:
    return {"slug": row.slug, "kind": row.kind, "title": row.title, "difficulty": row.difficulty,
            "topics": list(row.topics), "source": row.source, "has_tests": row.has_tests}


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = ctx.core.bank.rows(kind=args.kind, difficulty=args.difficulty, topic=args.topic, job_type=args.job)
    if args.json:
        print_json([_row_dict(r) for r in rows])
    else:
        print_table(["slug", "kind", "difficulty", "title", "topics"],
                    [(r.slug, r.kind, r.difficulty, r.title[:50], ", ".join(r.topics)) for r in rows])
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    raw = ctx.core.bank.raw(args.slug)
    if args.json:
        print_json(raw)
        return 0
    item = ctx.core.bank.get(args.slug)
    from cloudinterview_desktop.service.question_text import question_prompt

    print(f"{item.slug} [{item.kind.value}, {item.difficulty.value}] {', '.join(item.topics)}\n")
    print(question_prompt(item))
    return 0


def cmd_search(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = ctx.core.bank.search(args.text)
    if args.json:
        print_json([_row_dict(r) for r in rows])
    else:
        print_table(["slug", "kind", "title"], [(r.slug, r.kind, r.title) for r in rows])
    return 0


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    bank = ctx.core.bank
    rows = bank.user.rows(kind=args.kind) if args.user else bank.rows(kind=args.kind)
    data = [bank.raw(r.slug) for r in rows]
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"exported {len(data)} items to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _progress(done: int, total: int) -> None:
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\rchecking [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    result: ImportResult
    if args.allow_unisolated:
        ctx.judge().consent.allow_for_now()
    if args.format == "leetcodedataset" or (args.format is None and _looks_like_leetcodedataset(args.file)):
        from cloudinterview_desktop.app import reference_checker
        from cloudinterview_desktop.bank.leetcodedataset import import_leetcodedataset

        result = import_leetcodedataset(ctx.core.bank, args.file, reference_checker(ctx.judge()),
                                        skip_invalid=args.skip_invalid,
                                        progress=None if args.json else _progress,
                                        rename_duplicates=args.rename_duplicates)
    else:
        raw_items = read_items(args.file, args.format)
        parsed = parse_all(raw_items, "user", parse_item)
        result = import_items(ctx.core.bank, parsed, ctx.judge(), progress=None if args.json else _progress)
    records = getattr(result, "skipped", ())
    skipped = [str(s) for s in records]
    if args.json:
        print_json({"added": result.added, "no_tests": result.no_tests, "slugs": list(result.slugs),
                    "skipped": [s.to_json() for s in records]})
    else:
        for line in skipped:
            print(f"skipped {line}", file=sys.stderr)
        note = f" ({result.no_tests} without tests: judged by the AI alone)" if result.no_tests else ""
        print(f"imported {result.added} items{note}" + (f", skipped {len(skipped)}" if skipped else ""))
    return 0


def _looks_like_leetcodedataset(path: Path) -> bool:
    return is_leetcodedataset(path)


def cmd_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.core.bank.delete_user_item(args.slug)
    print(f"deleted {args.slug}")
    return 0
