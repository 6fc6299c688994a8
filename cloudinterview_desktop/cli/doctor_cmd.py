"""`cloudinterview doctor`: what works on this machine (Qt, WebEngine, audio, models, GPU, toolchains, data)."""

from __future__ import annotations

import argparse
import platform
import sqlite3
import sys
from pathlib import Path
from typing import Any

from cloudinterview_desktop import __version__
from cloudinterview_desktop.cli.context import CliContext
from cloudinterview_desktop.cli.output import print_json
from cloudinterview_desktop.embedded_models import all_embedded


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("doctor", help="check what works on this machine")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run)


def _qt() -> dict[str, Any]:
    try:
        import PySide6
        from PySide6.QtCore import qVersion
    except ImportError as exc:
        return {"ok": False, "error": str(exc)}
    return {"ok": True, "pyside6": PySide6.__version__, "qt": qVersion()}


def _webengine() -> dict[str, Any]:
    try:
        from PySide6 import QtWebEngineCore  # noqa: F401
        from PySide6.QtCore import QLibraryInfo
    except ImportError as exc:
        return {"ok": False, "error": f"Qt WebEngine is not installed: {exc}"}
    libexec = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibraryExecutablesPath))
    process = next((p for p in (libexec / "QtWebEngineProcess", libexec / "QtWebEngineProcess.exe") if p.exists()),
                   None)
    if process is None:
        return {"ok": False, "error": f"QtWebEngineProcess not found in {libexec}"}
    return {"ok": True, "process": str(process)}


def _audio() -> dict[str, Any]:
    try:
        import sounddevice
    except (ImportError, OSError) as exc:
        return {"ok": False, "error": f"audio library unavailable: {exc}", "inputs": []}
    try:
        devices = sounddevice.query_devices()
    except Exception as exc:  # PortAudio raises its own error types when no sound system exists
        return {"ok": False, "error": f"no audio devices: {exc}", "inputs": []}
    inputs = [d["name"] for d in devices if d.get("max_input_channels", 0) > 0]
    return {"ok": bool(inputs), "inputs": inputs,
            "error": "" if inputs else "no microphone found: typed answers still work"}


def _gpu() -> dict[str, Any]:
    info: dict[str, Any] = {}
    try:
        import llama_cpp

        info["llama_cpp"] = llama_cpp.__version__
        info["llm_offload"] = bool(llama_cpp.llama_supports_gpu_offload())
    except (ImportError, OSError) as exc:
        info["llama_cpp_error"] = str(exc)
        info["llm_offload"] = False
    try:
        import ctranslate2

        info["whisper_cuda_devices"] = int(ctranslate2.get_cuda_device_count())
    except (ImportError, OSError, RuntimeError) as exc:
        info["whisper_cuda_error"] = str(exc)
        info["whisper_cuda_devices"] = 0
    info["whisper_device"] = "cuda" if info["whisper_cuda_devices"] else "cpu"
    return info


def _database(path: Path) -> dict[str, Any]:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return {"ok": False, "path": str(path), "error": str(exc)}
    return {"ok": result == "ok", "path": str(path), "integrity": result}


def _isolation(core: Any) -> dict[str, Any]:
    """The judge's isolation level and what it protects, from judge/protection.py (docs/judge.md has the details)."""
    from cloudinterview_desktop.judge.protection import protection_for

    level = core.judge.isolation_level()
    protection = protection_for(level)
    return {"isolation": level, "isolated": not protection.needs_consent, "isolation_meaning": protection.describe(),
            "isolation_title": protection.title, "isolation_guarantees": protection.guarantees,
            "isolation_gaps": protection.gaps, "isolation_install": protection.install,
            "needs_consent": protection.needs_consent, "unisolated_allowed": core.judge.consent.given()}


def collect(ctx: CliContext) -> dict[str, Any]:
    core = ctx.core
    toolchains: dict[str, Any] = {}
    try:
        toolchains = {name: {"available": t.available, "version": t.version, "detail": t.detail}
                      for name, t in core.judge.toolchains().items()}
        isolation = _isolation(core)
        judge_ok = toolchains.get("python", {}).get("available", False)
    except ImportError as exc:  # a broken install: say so instead of failing the whole report
        isolation = {"isolation": f"unavailable: {exc}", "isolated": False, "isolation_meaning": "",
                     "needs_consent": False}
        judge_ok = False
    models = [{"kind": m.kind, "name": m.name, "found": m.found, "path": str(m.path) if m.path else None,
               "licence": m.licence} for m in all_embedded()]
    bank = {kind: len(core.bank.rows(kind=kind)) for kind in ("coding", "theory", "behavioral")}
    language_model = {"in_use": core.ai.components() is not None, "notes": core.ai.notes}
    return {
        "version": __version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "qt": _qt(),
        "webengine": _webengine(),
        "audio": _audio(),
        "models": models,
        "models_ok": all(m["found"] for m in models),
        "gpu": _gpu(),
        "language_model": language_model,
        "judge": {"ok": judge_ok, **isolation, "toolchains": toolchains},
        "data": {"home": str(core.paths.data_dir.parent), "data_dir": str(core.paths.data_dir),
                 "models_dir": str(core.paths.models_dir), "logs_dir": str(core.paths.logs_dir),
                 "database": _database(core.paths.db_path), "schema_version": core.db_report.schema_version},
        "bank": bank,
        "notes": core.startup_notes,
    }


def _print_isolation(judge: dict[str, Any], mark: str) -> None:
    title = f" ({judge['isolation_title']})" if judge.get("isolation_title") else ""
    print(f"{mark}judge isolation: {judge['isolation']}{title}")
    if not judge["isolation_meaning"]:
        return
    print(f"    {judge['isolation_guarantees']}")
    print(f"    Not protected: {judge['isolation_gaps']}")
    if judge["isolation_install"]:
        print(f"    For more isolation, install {judge['isolation_install']}.")
    if judge["needs_consent"]:
        answer = "you allowed it" if judge["unisolated_allowed"] else "not allowed yet"
        print(f"    Code runs here only once you allow it ({answer}): the window asks before the first Run or "
              "Submit; `cloudinterview judge` and `interview` take --allow-unisolated.")


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    report = collect(ctx)
    if args.json:
        print_json(report)
        return 0
    def mark(ok: bool) -> str:
        return "ok " if ok else "-- "
    print(f"CloudInterview Desktop {report['version']} (Python {report['python']}, {report['platform']})")
    print(f"{mark(report['qt']['ok'])} Qt {report['qt'].get('qt', report['qt'].get('error'))}")
    print(f"{mark(report['webengine']['ok'])} WebEngine {report['webengine'].get('error', 'ok')}")
    audio = report["audio"]
    print(f"{mark(audio['ok'])} audio: {', '.join(audio['inputs']) or audio['error']}")
    for model in report["models"]:
        print(f"{mark(model['found'])} {model['kind']} model: {model['name']} ({model['path']})")
    gpu = report["gpu"]
    print(f"{mark(gpu['llm_offload'])} LLM GPU offload: {'available' if gpu['llm_offload'] else 'CPU only'}")
    for note in report["language_model"]["notes"]:
        print(f"    {note}")
    print(f"    Whisper device: {gpu['whisper_device']}")
    judge = report["judge"]
    _print_isolation(judge, mark(judge["ok"] and judge["isolated"]))
    for name, tool in judge["toolchains"].items():
        print(f"{mark(tool['available'])} {name}: {tool['version'] or tool['detail']}")
    data = report["data"]
    print(f"{mark(data['database']['ok'])} database {data['database']['path']}")
    print(f"    bank: {report['bank']['coding']} coding, {report['bank']['theory']} theory, "
          f"{report['bank']['behavioral']} behavioral")
    return 0
