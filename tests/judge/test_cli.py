"""`cloudinterview judge`: output, JSON, exit codes (0 whatever the verdict, 1 for errors, 2 for usage)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from cloudinterview_desktop.bank.item_format import load_item_file
from cloudinterview_desktop.cli import judge_cmd
from cloudinterview_desktop.domain.errors import ProblemFormatError
from cloudinterview_desktop.domain.problems import CodingProblem
from cloudinterview_desktop.judge.judge import Judge
from cloudinterview_desktop.judge.languages.javascript import JavaScript
from tests.judge.conftest import FIXTURES

ADD_FILE = FIXTURES / "add-numbers.json"


class Context:
    """What the CLI main hands a command: here, problem files and the session's judge."""

    def __init__(self, judge: Judge) -> None:
        self._judge = judge

    def load_problem(self, ref: str) -> CodingProblem:
        item = load_item_file(Path(ref), source="file")
        if not isinstance(item, CodingProblem):
            raise ProblemFormatError(f"{ref} is not a coding problem")
        return item

    def judge(self) -> Judge:
        return self._judge


def main(argv: list[str], judge: Judge) -> int:
    parser = argparse.ArgumentParser(prog="cloudinterview")
    judge_cmd.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return int(args.handler(args, Context(judge)))


@pytest.fixture
def solution(tmp_path: Path) -> Path:
    path = tmp_path / "add.py"
    path.write_text("def add(a, b):\n    print('adding', a, b)\n    return a + b\n")
    return path


def test_submit_json(judge: Judge, solution: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["judge", str(ADD_FILE), str(solution), "--json"], judge) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "accepted" and data["passed"] == data["total"] == 3
    assert data["mode"] == "submit" and data["language"] == "python"
    assert {"time_ms", "memory_kb", "isolation"} <= set(data)
    assert [t["index"] for t in data["tests"]] == [0, 1, 2]
    assert all(t["verdict"] == "accepted" and t["hidden"] and "time_ms" in t for t in data["tests"])


def test_run_with_inputs_human_output(judge: Judge, solution: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["judge", str(ADD_FILE), str(solution), "--input", '{"a": 20, "b": 22}'], judge)
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("Accepted: 2/2 tests passed")
    assert "input:    {\"a\": 20, \"b\": 22}" in out and "output:   42" in out and "adding 20 22" in out


def test_wrong_answer_still_exits_zero(judge: Judge, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wrong = tmp_path / "add.js"
    wrong.write_text("var add = function(a, b) { return a - b; };\n")
    if not JavaScript().toolchain().available:
        pytest.skip("node is not installed")
    assert main(["judge", str(ADD_FILE), str(wrong)], judge) == 0
    out = capsys.readouterr().out
    assert out.startswith("Wrong answer: 0/3") and "hidden test 0: wrong answer" in out


@pytest.mark.parametrize(("args", "fragment"), [
    (["--language", "cobol"], "unknown language 'cobol'"),
    (["--language", "python", "--run", "--input", '{"a": 1}'], "expected the parameters"),
])
def test_errors_exit_one(judge: Judge, solution: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                         fragment: str) -> None:
    assert main(["judge", str(ADD_FILE), str(solution), *args], judge) == 1
    assert fragment in capsys.readouterr().err


def test_bad_problem_file_and_unknown_extension(judge: Judge, solution: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    assert main(["judge", str(broken), str(solution)], judge) == 1
    assert "invalid JSON" in capsys.readouterr().err
    odd = tmp_path / "add.rb"
    odd.write_text("puts 1")
    assert main(["judge", str(ADD_FILE), str(odd)], judge) == 1
    assert "unknown language '.rb'" in capsys.readouterr().err
    assert main(["judge", str(ADD_FILE), str(tmp_path / "missing.py")], judge) == 1
    assert "cannot read" in capsys.readouterr().err


def test_missing_toolchain_exits_one(judge: Judge, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(JavaScript, "_node", lambda self: None)  # as on a machine without node
    code = tmp_path / "add.js"
    code.write_text("var add = (a, b) => a + b;\n")
    assert main(["judge", str(ADD_FILE), str(code)], judge) == 1
    assert "toolchain not found: install Node.js" in capsys.readouterr().err


def test_usage_errors_exit_two(judge: Judge, solution: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["judge", str(ADD_FILE), str(solution), "--submit", "--input", '{"a": 1, "b": 2}'], judge) == 2
    with pytest.raises(SystemExit) as exc:
        main(["judge", str(ADD_FILE), str(solution), "--input", "[1, 2"], judge)
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["judge", str(ADD_FILE), str(solution), "--run", "--submit"], judge)
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["judge", str(ADD_FILE)], judge)
    assert exc.value.code == 2


def test_through_the_real_command_line(solution: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cloudinterview_desktop.cli.main import run_cli

    assert run_cli(["judge", str(ADD_FILE), str(solution), "--run", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "accepted" and data["mode"] == "run" and data["tests"][0]["stdout"] == "adding 1 2\n"


def test_doctor_says_what_the_isolation_level_protects(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from cloudinterview_desktop.judge.isolation import IsolationLevel
    from cloudinterview_desktop.judge.protection import protection_for
    from tests.judge.conftest import REPO

    env = {**os.environ, "CLOUDINTERVIEW_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "cloudinterview_desktop", "doctor", "--json"], capture_output=True,
                          text=True, env=env, timeout=120, check=True)
    judge = json.loads(done.stdout)["judge"]
    level = IsolationLevel(judge["isolation"])
    protection = protection_for(level)
    assert judge["isolation_meaning"] == protection.describe()
    assert (judge["isolation_guarantees"], judge["isolation_gaps"], judge["isolation_install"]) == (
        protection.guarantees, protection.gaps, protection.install)
    assert judge["isolated"] is (level is not IsolationLevel.RLIMITS) is (not judge["needs_consent"])
    assert judge["unisolated_allowed"] is False
    text = subprocess.run([sys.executable, "-m", "cloudinterview_desktop", "doctor"], capture_output=True, text=True,
                          env=env, timeout=120, check=True).stdout
    assert f"judge isolation: {level.value} ({protection.title})" in text
    assert f"    {protection.guarantees}\n    Not protected: {protection.gaps}\n" in text


def test_without_a_sandbox_the_command_refuses_unless_allowed(judge_cache: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    import os

    from cloudinterview_desktop.judge.protection import Consent, MemoryConsent

    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(tmp_path, 0o755)
    os.chmod(folder, 0o777)  # as root, the rlimits level runs the code as 'nobody'
    marker = folder / "ran"
    code = tmp_path / "add.py"
    code.write_text(f"open({str(marker)!r}, 'w').write('ran')\n\ndef add(a, b):\n    return a + b\n")
    remembered = MemoryConsent()
    unsandboxed = Judge(cache_dir=judge_cache, isolation="rlimits", consent=Consent(remembered))
    assert main(["judge", str(ADD_FILE), str(code)], unsandboxed) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: Nothing was run: code judged here is not sandboxed (isolation: rlimits)")
    assert "pass --allow-unisolated" in err and "sudo apt install bubblewrap" in err
    assert not marker.exists()
    assert main(["judge", str(ADD_FILE), str(code), "--allow-unisolated", "--json"], unsandboxed) == 0
    assert json.loads(capsys.readouterr().out)["verdict"] == "accepted"
    assert marker.exists() and not remembered.given()  # the flag is for this command only
    marker.unlink()
    # Allowed before (in the window): no flag needed.
    allowed = Judge(cache_dir=judge_cache, isolation="rlimits", consent=Consent(MemoryConsent(True)))
    assert main(["judge", str(ADD_FILE), str(code)], allowed) == 0
    assert marker.exists()
