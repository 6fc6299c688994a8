"""`cloudinterview models`: list, add, verify, remove and download language models (GGUF), and the catalog."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from cloudinterview_desktop.ai.models.fit import GIB, ModelShape, estimate_fit
from cloudinterview_desktop.ai.models.manager import ModelManager
from cloudinterview_desktop.ai.models.registry import ModelEntry
from cloudinterview_desktop.cli.context import CliContext, CommandError
from cloudinterview_desktop.cli.output import print_json, print_table
from cloudinterview_desktop.paths import resolve_paths


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("models", help="manage the language models (GGUF) the interviewer can use")
    models = p.add_subparsers(dest="models_command", metavar="ACTION", required=True)

    listing = models.add_parser("list", help="the embedded model and every registered one")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)

    add = models.add_parser("add", help="register a GGUF file where it is (it is validated and hashed)")
    add.add_argument("path", type=Path)
    add.add_argument("--name", help="the name to use in settings (default: the file name)")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=run_add)

    verify = models.add_parser("verify", help="check files are complete and unchanged (all models if no NAME)")
    verify.add_argument("name", nargs="?")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=run_verify)

    remove = models.add_parser("remove", help="unregister a model (a downloaded file is deleted too)")
    remove.add_argument("name")
    remove.add_argument("--json", action="store_true")
    remove.set_defaults(handler=run_remove)

    download = models.add_parser("download", help="download a GGUF by URL (or catalog name), resumable, "
                                                  "registered only if its SHA-256 matches")
    download.add_argument("url", help="an http(s) URL, or a name from `cloudinterview models catalog`")
    download.add_argument("--sha256", help="the file's SHA-256 (required unless the catalog lists it)")
    download.add_argument("--unverified", action="store_true",
                          help="download although no checksum is known (the model is then listed as unverified)")
    download.add_argument("--name")
    download.add_argument("--json", action="store_true")
    download.set_defaults(handler=run_download)

    catalog = models.add_parser("catalog", help="recommended bigger models and whether they fit this machine")
    catalog.add_argument("--n-ctx", type=int, default=4096)
    catalog.add_argument("--json", action="store_true")
    catalog.set_defaults(handler=run_catalog)


def _manager(ctx: CliContext) -> ModelManager:
    paths = resolve_paths(ctx.home)
    paths.models_dir.mkdir(parents=True, exist_ok=True)
    return ModelManager(paths.models_dir)


def _entry_json(entry: ModelEntry) -> dict[str, Any]:
    return {**entry.to_json(), "embedded": entry.embedded}


def _params(count: int) -> str:
    return f"{count / 1e9:.2f}B" if count >= 1e9 else f"{count / 1e6:.0f}M"


def _describe(entry: ModelEntry) -> str:
    return (f"{entry.name}: {entry.architecture}, {_params(entry.parameters)} parameters, {entry.quantization}, "
            f"context {entry.context_length or '?'}, licence {entry.licence or 'not stated'}")


class _ProgressLine:
    """A progress line on stderr, redrawn at most a few times a second."""

    def __init__(self, label: str) -> None:
        self._label = label
        self._last = 0.0
        self._drawn = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last < 0.3 and done != total:
            return
        self._last = now
        self._drawn = True
        of = f" / {total / 1e6:,.1f} MB ({100 * done / total:.0f}%)" if total else " MB"
        print(f"\r{self._label}: {done / 1e6:,.1f}{of}", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        if self._drawn:
            print(file=sys.stderr)


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    entries = _manager(ctx).entries()
    if args.json:
        print_json([_entry_json(e) for e in entries])
        return 0
    rows = [[e.name + (" (embedded)" if e.embedded else ""), f"{e.size / 1e6:,.0f} MB", _params(e.parameters),
             e.quantization, e.context_length or "?", e.licence or "-", e.path] for e in entries]
    print_table(["name", "size", "params", "quant", "context", "licence", "path"], rows)
    return 0


def run_add(args: argparse.Namespace, ctx: CliContext) -> int:
    progress = _ProgressLine(f"hashing {args.path.name}")
    entry = _manager(ctx).add(args.path, args.name, progress=None if args.json else progress)
    if args.json:
        print_json(_entry_json(entry))
        return 0
    progress.done()
    print(f"added {_describe(entry)}\nsha256 {entry.sha256}")
    return 0


def run_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    manager = _manager(ctx)
    results = [manager.verify(args.name)] if args.name else manager.verify_all()
    if args.json:
        print_json([r.to_json() for r in results])
    else:
        for result in results:
            print(f"{'ok ' if result.ok else 'BAD'} {result.name}  sha256 {result.sha256 or '-'}")
            for problem in result.problems:
                print(f"    {problem}")
    return 0 if all(r.ok for r in results) else 1


def run_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    entry, deleted = _manager(ctx).remove(args.name)
    if args.json:
        print_json({"removed": entry.name, "file_deleted": deleted, "path": entry.path})
    else:
        print(f"removed {entry.name}" + (f" and deleted {entry.path}" if deleted else f" (the file {entry.path} "
                                                                                     "was left in place)"))
    return 0


def run_download(args: argparse.Namespace, ctx: CliContext) -> int:
    progress = _ProgressLine("downloading")
    try:
        entry = _manager(ctx).download(args.url, args.sha256, args.name, progress=None if args.json else progress,
                                       allow_unverified=args.unverified)
    finally:
        if not args.json:
            progress.done()
    if args.json:
        print_json(_entry_json(entry))
    else:
        print(f"downloaded and verified {_describe(entry)}\n{entry.path}")
    return 0


def run_catalog(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.n_ctx < 256:
        raise CommandError("--n-ctx must be at least 256")
    rows: list[dict[str, Any]] = []
    for entry in _manager(ctx).catalog():
        shape = ModelShape.guess(int(entry.approx_size_gb * 1e9), entry.parameters_b)
        fit = estimate_fit(shape, args.n_ctx)
        rows.append({**entry.to_json(), "fit": fit.to_json()})
    if args.json:
        print_json(rows)
        return 0
    table = [[r["name"], f"{r['approx_size_gb']:.1f} GB", r["licence"],
              f"{r['fit']['ram_needed'] / GIB:.1f} GiB", {True: "yes", False: "no", None: "?"}[r["fit"]["fits_ram"]],
              r["fit"]["gpu_layers"]] for r in rows]
    print_table(["name", "size", "licence", "RAM needed", "fits", "gpu layers"], table)
    print("\nDownload with: cloudinterview models download NAME --sha256 HEX (copy the checksum from the model page)")
    return 0

