"""A full disk and a read-only data folder, on a real small tmpfs: clear words, nothing set aside, nothing lost.

The file system is mounted in a private mount namespace (`unshare`), as root or through a user namespace."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _can_mount() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt || exit 1"],
                           capture_output=True, timeout=30)
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(not _can_mount(), reason="needs unshare with mount rights (root or user namespaces)")

CLI = f"{shlex.quote(sys.executable)} -m cloudinterview_desktop"


def _run_in_small_disk(tmp_path: Path, steps: str, size: str = "24m") -> dict[str, str]:
    """Run shell `steps` with $DISK a fresh tmpfs and $OUT a host folder; returns the files written to $OUT."""
    out = tmp_path / "out"
    disk = tmp_path / "disk"
    out.mkdir()
    disk.mkdir()
    script = f"""
set -u
mount -t tmpfs -o size={size} tmpfs "$DISK"
export CLOUDINTERVIEW_HOME="$DISK/home"
{steps}
"""
    env = {"DISK": str(disk), "OUT": str(out), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(["unshare", "-rm", "bash", "-c", script], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    return {p.name: p.read_text(encoding="utf-8", errors="replace") for p in out.iterdir()}


def _interview(seed: int, answers: int, tag: str) -> str:
    script = "".join(f"{tag} answer {i}\\n.\\n/next\\n" for i in range(answers)) + "/quit\\n"
    return (f'printf "{script}" | {CLI} interview --no-model --mode behavioral --questions 3 --seed {seed} '
            f'> "$OUT/{tag}.out" 2> "$OUT/{tag}.err"; echo $? > "$OUT/{tag}.rc"')


def test_a_full_disk_says_so_sets_nothing_aside_and_keeps_the_history(tmp_path: Path) -> None:
    steps = f"""
{_interview(1, 2, "before")}
dd if=/dev/zero of="$DISK/filler" bs=64k 2>/dev/null || true
sync
{_interview(2, 2, "full")}
{CLI} sessions list --json > "$OUT/list-full.out" 2> "$OUT/list-full.err"; echo $? > "$OUT/list-full.rc"
ls -a "$DISK/home/data" > "$OUT/files-full.out"
rm "$DISK/filler"
{CLI} sessions list --json > "$OUT/list-after.out" 2> "$OUT/list-after.err"; echo $? > "$OUT/list-after.rc"
{_interview(3, 1, "after")}
ls -a "$DISK/home/data" > "$OUT/files-after.out"
"""
    files = _run_in_small_disk(tmp_path, steps)
    assert files["before.rc"].strip() == "0", files["before.err"]
    before_id = next(line.split()[1] for line in files["before.out"].splitlines() if line.startswith("session: "))
    # On the full disk: a clear message naming the folder and what to do, no traceback, no "locked", no damage.
    full_err = files["full.err"]
    assert files["full.rc"].strip() != "0"
    assert "The disk that holds your CloudInterview data is full" in full_err, full_err
    assert "/home/data" in full_err and "Free some space" in full_err
    for word in ("Traceback", "unexpected", "damaged", "Logging error"):
        assert word not in full_err, full_err
    for listing in ("files-full.out", "files-after.out"):
        assert ".corrupt-" not in files[listing], files[listing]
    # Once space is free again, the whole history is there and new work is saved.
    assert files["list-after.rc"].strip() == "0", files["list-after.err"]
    sessions = {s["id"]: s for s in json.loads(files["list-after.out"])}
    assert before_id in sessions and sessions[before_id]["answered"] == 2
    assert files["after.rc"].strip() == "0", files["after.err"]
    assert "saved: answer to question 1 of 3" in files["after.out"]


def test_a_read_only_folder_shows_the_history_and_refuses_new_work_in_words(tmp_path: Path) -> None:
    steps = f"""
{_interview(1, 2, "before")}
mount -o remount,ro "$DISK"
{CLI} sessions list --json > "$OUT/list-ro.out" 2> "$OUT/list-ro.err"; echo $? > "$OUT/list-ro.rc"
{_interview(2, 1, "ro")}
ls -a "$DISK/home/data" > "$OUT/files-ro.out"
"""
    files = _run_in_small_disk(tmp_path, steps)
    assert files["before.rc"].strip() == "0", files["before.err"]
    before_id = next(line.split()[1] for line in files["before.out"].splitlines() if line.startswith("session: "))
    assert files["list-ro.rc"].strip() == "0", files["list-ro.err"]
    assert [s["id"] for s in json.loads(files["list-ro.out"])] == [before_id]
    assert "cannot be written to" in files["list-ro.err"]
    ro_err = files["ro.err"]
    assert files["ro.rc"].strip() != "0"
    assert "Your CloudInterview data folder is on a read-only disk" in ro_err, ro_err
    assert "/home/data" in ro_err and "writable" in ro_err
    for word in ("Traceback", "unexpected", "damaged", "Logging error"):
        assert word not in ro_err, ro_err
    assert ".corrupt-" not in files["files-ro.out"]
