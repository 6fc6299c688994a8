from __future__ import annotations

import json
from pathlib import Path

from cloudinterview_desktop import __version__
from tests.cli.helpers import cli, cli_json


def test_version(app_home: Path) -> None:
    result = cli("--version", home=app_home)
    assert result.returncode == 0 and __version__ in result.stdout


def test_doctor_json_is_valid_and_complete(app_home: Path) -> None:
    report = cli_json("doctor", home=app_home)
    assert report["version"] == __version__
    assert report["qt"]["ok"] and report["webengine"]["ok"]
    assert report["models_ok"], report["models"]
    assert report["data"]["database"]["ok"]
    assert report["bank"]["coding"] > 0 and report["bank"]["theory"] > 0 and report["bank"]["behavioral"] > 0
    assert "llm_offload" in report["gpu"]
    assert isinstance(report["audio"]["inputs"], list)


def test_usage_errors_exit_2(app_home: Path) -> None:
    assert cli("sessions", home=app_home).returncode == 2
    assert cli("interview", "--mode", "telepathy", home=app_home).returncode == 2


def test_unknown_session_exits_1_with_a_clear_message(app_home: Path) -> None:
    result = cli("sessions", "show", "does-not-exist", home=app_home)
    assert result.returncode == 1
    assert "no session with id 'does-not-exist'" in result.stderr
    assert "Traceback" not in result.stderr


def test_piped_interview_is_listed_with_its_answers(app_home: Path) -> None:
    script = "My first answer.\n.\n/next\n/hint\nSecond answer,\non two lines.\n.\n/end\n"
    result = cli("interview", "--no-model", "--mode", "behavioral", "--questions", "2", "--seed", "5", home=app_home,
                 stdin=script)
    assert result.returncode == 0, result.stderr
    assert "saved: answer to question 1 of 2" in result.stdout
    assert "=== Feedback ===" in result.stdout
    sessions = cli_json("sessions", "list", home=app_home)
    assert len(sessions) == 1 and sessions[0]["status"] == "completed" and sessions[0]["answered"] == 2
    detail = cli_json("sessions", "show", sessions[0]["id"], home=app_home)
    assert [a["text"] for a in detail["answers"]] == ["My first answer.", "Second answer,\non two lines."]
    assert any(e["kind"] == "hint" for e in detail["timeline"])


def test_data_delete_needs_confirmation(app_home: Path) -> None:
    cli("interview", "--no-model", "--mode", "behavioral", "--questions", "1", home=app_home,
        stdin="an answer\n.\n/end\n")
    refused = cli("data", "delete", home=app_home)
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert len(cli_json("sessions", "list", home=app_home)) == 1
    done = cli("data", "delete", "--yes", "--json", home=app_home)
    assert json.loads(done.stdout)["sessions"] == 1
    assert cli_json("sessions", "list", home=app_home) == []


def test_corrupt_database_is_moved_aside_and_the_app_still_starts(app_home: Path) -> None:
    db = app_home / "data" / "cloudinterview.sqlite"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"\x00garbage" * 1000)
    result = cli("sessions", "list", "--json", home=app_home)
    assert result.returncode == 0
    assert json.loads(result.stdout) == []
    assert "damaged" in result.stderr and "moved aside" in result.stderr
    kept = list(db.parent.glob("cloudinterview.sqlite.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"\x00garbage")


def test_terminal_interview_with_the_embedded_model_start_to_feedback(app_home: Path) -> None:
    """The default: the embedded SmolLM2 is loaded and checked; it does not pass the capability check, so the
    bank's interviewer speaks and code scores, and the feedback says why; piped input."""
    script = ("I would keep a hash map from value to index and look up target minus the current value.\n.\n"
              "/submit python\n"
              "def two_sum(nums, target):\n    seen = {}\n    for i, x in enumerate(nums):\n"
              "        if target - x in seen:\n            return [seen[target - x], i]\n        seen[x] = i\n"
              "    return []\n.\n/end\n")
    result = cli("interview", "--mode", "technical", "--problem", "two-sum", home=app_home, stdin=script,
                 timeout=600)
    assert result.returncode == 0, result.stderr
    session = cli_json("sessions", "list", home=app_home)[0]
    detail = cli_json("sessions", "show", session["id"], home=app_home)
    interviewer = [m for m in detail["aiResponses"] if m["role"] == "interviewer"]
    assert interviewer and all(m["source"].startswith("bank") for m in interviewer), interviewer
    # accepted without a run first: the follow-up asks how they would have checked it, in the item's own words
    follow = [m for m in interviewer if m["purpose"] == "follow_up"]
    assert follow and follow[-1]["source"] == "bank:gap=testing"
    assert detail["status"] == "completed"
    feedback = detail["feedback"]
    assert feedback["source"] == "measured"
    assert feedback["model_check"]["passed"] is False and "follow up choice" in feedback["model_check"]["summary"]
    assert "=== Feedback ===" in result.stdout
