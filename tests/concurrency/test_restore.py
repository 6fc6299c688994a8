"""A healthy database that was set aside comes back with `data restore`, with everything saved since merged in."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.helpers import cli, cli_json


def _interview(home: Path, tag: str, seed: int) -> str:
    done = cli("interview", "--no-model", "--mode", "behavioral", "--questions", "1", "--seed", str(seed), home=home,
               stdin=f"{tag}: I led the rollout and cut incidents by half.\n.\n/end\n")
    assert done.returncode == 0, done.stderr
    return next(line.split()[1] for line in done.stdout.splitlines() if line.startswith("session: "))


def test_restore_brings_back_a_set_aside_history_and_keeps_what_came_after(app_home: Path) -> None:
    old = _interview(app_home, "before", 1)
    data = app_home / "data"
    db = data / "cloudinterview.sqlite"
    # What an earlier release did on a full disk: the healthy file renamed, an empty one started.
    db.rename(data / "cloudinterview.sqlite.corrupt-20261125-101500")
    newer = _interview(app_home, "after", 2)
    assert [s["id"] for s in cli_json("sessions", "list", home=app_home)] == [newer]

    listed = json.loads(cli("data", "restore", "--json", home=app_home).stdout)
    assert [(Path(c["file"]).name, c["sessions"], c["restorable"]) for c in listed] == [
        ("cloudinterview.sqlite.corrupt-20261125-101500", 1, True)]
    done = cli("data", "restore", "--latest", home=app_home)
    assert done.returncode == 0, done.stderr
    assert "2 sessions, of which 1 were saved after it was set aside" in done.stdout

    assert {s["id"] for s in cli_json("sessions", "list", home=app_home)} == {old, newer}
    assert cli_json("sessions", "show", old, home=app_home)["answers"][0]["text"].startswith("before:")
    names = sorted(p.name for p in data.iterdir() if p.name.startswith("cloudinterview.sqlite."))
    assert any(n.startswith("cloudinterview.sqlite.replaced-") for n in names)
    assert any(n.startswith("cloudinterview.sqlite.restored-") for n in names)
    assert json.loads(cli("data", "restore", "--json", home=app_home).stdout) == []


def test_a_damaged_copy_is_listed_but_never_restored(app_home: Path) -> None:
    _interview(app_home, "mine", 3)
    data = app_home / "data"
    broken = data / "cloudinterview.sqlite.corrupt-20261125-101500"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    listed = json.loads(cli("data", "restore", "--json", home=app_home).stdout)
    assert listed[0]["restorable"] is False and listed[0]["problem"]
    refused = cli("data", "restore", str(broken), home=app_home)
    assert refused.returncode == 1 and "cannot be restored" in refused.stderr
    assert broken.exists() and len(cli_json("sessions", "list", home=app_home)) == 1
