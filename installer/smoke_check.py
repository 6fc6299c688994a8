"""Reads the JSON a frozen build printed and says whether a smoke check passed (used by installer/smoke.sh).

Run through the build itself, so the machine under test needs no Python of its own:
    APP --run-python-harness installer/smoke_check.py doctor|judge-accepted|judge-rejected FILE
    APP --run-python-harness installer/smoke_check.py reports FOLDER SESSION_ID
    APP --run-python-harness installer/smoke_check.py highlight -
Prints one line: "ok: ..." (exit 0) or "FAIL: ..." (exit 1).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def check_doctor(report: dict[str, Any], app_dir: Path) -> list[str]:
    problems = []
    for model in report["models"]:
        if not model["found"]:
            problems.append(f"{model['kind']} model not found")
        elif not str(model["path"]).startswith(str(app_dir)):
            problems.append(f"{model['kind']} model comes from outside the bundle: {model['path']}")
    if not report["webengine"]["ok"]:
        problems.append(f"WebEngine: {report['webengine'].get('error')}")
    if not report["judge"]["ok"]:
        problems.append(f"judge: {report['judge']}")
    return problems


def check_reports(folder: Path, session: str) -> list[str]:
    """report.pdf, report.md and report.json of one session, each with that session's content."""
    problems = []
    pdf = (folder / "report.pdf").read_bytes()
    if not pdf.startswith(b"%PDF-") or not pdf.rstrip().endswith(b"%%EOF"):
        problems.append(f"report.pdf is not a PDF (starts {pdf[:8]!r})")
    elif f"(session {session})".encode() not in pdf:
        problems.append("report.pdf does not name the session")
    markdown = (folder / "report.md").read_text(encoding="utf-8")
    if not markdown.startswith("# ") or session not in markdown:
        problems.append("report.md lacks the title or the session id")
    exported = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    if exported.get("session", {}).get("sessionId") != session:
        problems.append(f"report.json is about session {exported.get('session', {}).get('sessionId')}")
    return problems


def check_highlight() -> tuple[list[str], str]:
    """Code in PDF reports is coloured by pygments, whose lexers load by name at run time."""
    from cloudinterview_desktop.report.pdf_code import highlighted_lines

    samples = {"python": "def f(x):\n    return x  # note\n", "javascript": "const f = (x) => x; // note\n",
               "cpp": "int f(int x) { return x; } // note\n", "java": "class A { int f(int x) { return x; } }\n"}
    counts = {lang: len({colour for line in highlighted_lines(code, lang) for _text, colour in line})
              for lang, code in samples.items()}
    problems = [f"{lang} code has {n} colour(s)" for lang, n in counts.items() if n < 3]
    return problems, "code colours in PDF reports: " + ", ".join(f"{lang} {n}" for lang, n in counts.items())


def main(argv: list[str]) -> int:
    kind, path = argv[0], Path(argv[1])
    if kind == "highlight":
        problems, summary = check_highlight()
        print(("FAIL: " + "; ".join(problems)) if problems else "ok: " + summary)
        return 1 if problems else 0
    if kind == "reports":
        problems = check_reports(path, argv[2])
        sizes = ", ".join(f"{p.suffix[1:]} {p.stat().st_size // 1024} KB" for p in sorted(path.glob("report.*")))
        summary = f"PDF, Markdown and JSON reports of session {argv[2][:8]} ({sizes})"
        print(("FAIL: " + "; ".join(problems)) if problems else "ok: " + summary)
        return 1 if problems else 0
    data = json.loads(path.read_text(encoding="utf-8"))
    if kind == "doctor":
        problems = check_doctor(data, Path(sys.executable).resolve().parent)
        summary = (f"models {[m['kind'] for m in data['models'] if m['found']]}, WebEngine ok, judge ok "
                   f"(isolation {data['judge']['isolation']})")
    elif kind in ("judge-accepted", "judge-rejected"):
        want = "accepted" if kind == "judge-accepted" else "wrong_answer"
        problems = [] if data["verdict"] == want else [f"verdict {data['verdict']}, expected {want}"]
        summary = f"{data['verdict']}: {data['passed']}/{data['total']} tests (isolation {data['isolation']})"
    else:
        print(f"FAIL: unknown check {kind}")
        return 1
    if problems:
        print("FAIL: " + "; ".join(problems))
        return 1
    print("ok: " + summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
