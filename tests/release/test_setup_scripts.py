"""`make setup`'s first steps on a real system: scripts/system-deps.sh as a normal user without sudo fails with the
exact apt-get line (and make records no success), and a half-made .venv is made again.

The packages here are all installed, so a `dpkg-query` placed first on PATH reports the named ones as absent; dpkg,
apt-cache, make and Python are the real ones."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_DEPS = ROOT / "scripts" / "system-deps.sh"
ENSURE_VENV = ROOT / "scripts" / "ensure-venv.sh"
NOBODY = 65534

needs_dpkg = pytest.mark.skipif(shutil.which("dpkg-query") is None or shutil.which("apt-cache") is None,
                                reason="not a Debian/Ubuntu system")


def as_normal_user() -> list[str]:
    """How to run a command as a user who is not root (and has no sudo): setpriv when we are root."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv to drop to a normal user")
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


@pytest.fixture
def public(tmp_path: Path) -> Iterator[Path]:
    """A folder the normal user can reach (pytest's own temporary folders are private to root), holding a copy of
    system-deps.sh."""
    folder = Path(tempfile.mkdtemp(prefix="cloudinterview-setup-", dir="/tmp"))
    try:
        folder.chmod(0o755)
        (folder / "scripts").mkdir()
        shutil.copy(SYSTEM_DEPS, folder / "scripts" / "system-deps.sh")
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def hiding(tmp_path: Path, *packages: str) -> dict[str, str]:
    """An environment whose dpkg-query says `packages` are not installed."""
    shim = tmp_path / "shim"
    shim.mkdir(mode=0o755, parents=True)
    real = shutil.which("dpkg-query")
    hidden = " ".join(packages)
    (shim / "dpkg-query").write_text(
        "#!/bin/sh\nfor last; do :; done\n"
        f'for p in {hidden}; do [ "$last" = "$p" ] && exit 1; done\n'
        f'exec {real} "$@"\n', encoding="utf-8")
    (shim / "dpkg-query").chmod(0o755)
    tmp_path.chmod(0o755)
    return {"PATH": f"{shim}:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}


def sudo_works_for(user: list[str]) -> bool:
    if shutil.which("sudo") is None:
        return False
    return subprocess.run([*user, "sudo", "-n", "true"], capture_output=True).returncode == 0


@needs_dpkg
def test_a_normal_user_gets_the_exact_apt_line_and_a_failure(public: Path) -> None:
    user = as_normal_user()
    if sudo_works_for(user):
        pytest.skip("this user has password-less sudo, so the script would install the packages")
    env = hiding(public, "libportaudio2", "sox")
    script = str(public / "scripts" / "system-deps.sh")
    done = subprocess.run([*user, "bash", script], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "sudo apt-get install -y libportaudio2 sox"
    assert "missing packages: libportaudio2 sox" in done.stderr


@needs_dpkg
def test_the_alsa_library_is_asked_for_by_this_release_s_name(public: Path) -> None:
    user = as_normal_user()
    if sudo_works_for(user):
        pytest.skip("this user has password-less sudo")
    env = hiding(public, "libasound2", "libasound2t64")
    script = str(public / "scripts" / "system-deps.sh")
    done = subprocess.run([*user, "bash", script], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1
    line = done.stderr.strip().splitlines()[-1]
    policy = subprocess.run(["apt-cache", "policy", "libasound2t64"], capture_output=True, text=True).stdout
    expected = "libasound2t64" if "Candidate: (none)" not in policy and "Candidate:" in policy else "libasound2"
    assert line == f"sudo apt-get install -y {expected}"


@needs_dpkg
def test_make_records_no_success_when_packages_are_missing(public: Path) -> None:
    user = as_normal_user()
    if sudo_works_for(user) or shutil.which("make") is None:
        pytest.skip("needs make and a user without password-less sudo")
    env = hiding(public, "espeak-ng")
    work = public
    shutil.copy(ROOT / "Makefile", work / "Makefile")
    work.chmod(0o777)
    for _ in range(2):  # the hint shows again on the next run: nothing was recorded
        done = subprocess.run([*user, "make", "-C", str(work), ".stamp-system"], capture_output=True, text=True,
                              env=env, timeout=60)
        assert done.returncode != 0
        assert "sudo apt-get install -y espeak-ng" in done.stderr
        assert not (work / ".stamp-system").exists()
    done = subprocess.run([*user, "make", "-C", str(work), ".stamp-system"], capture_output=True, text=True,
                          env=hiding(public / "all", "none-hidden"), timeout=60)
    assert done.returncode == 0, done.stderr
    assert (work / ".stamp-system").exists()


def _pip_works(venv: Path) -> bool:
    return subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "--version"], capture_output=True).returncode == 0


@pytest.mark.slow
def test_a_half_made_venv_is_made_again(tmp_path: Path) -> None:
    venv = tmp_path / ".venv"
    # What `python3 -m venv` leaves when the venv module cannot install pip (Debian without python3-venv).
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    (venv / "marker").write_text("old", encoding="utf-8")
    assert not _pip_works(venv)
    done = subprocess.run(["bash", str(ENSURE_VENV), sys.executable, str(venv)], capture_output=True, text=True,
                          timeout=180)
    assert done.returncode == 0, done.stderr
    assert "incomplete" in done.stdout
    assert _pip_works(venv) and not (venv / "marker").exists()
    again = subprocess.run(["bash", str(ENSURE_VENV), sys.executable, str(venv)], capture_output=True, text=True,
                           timeout=60)
    assert again.returncode == 0 and again.stdout == ""  # a working venv is left alone


def test_a_python_that_cannot_make_venvs_leaves_nothing_and_names_the_package(tmp_path: Path) -> None:
    venv = tmp_path / ".venv"
    venv.mkdir()  # an empty folder left from an earlier attempt
    done = subprocess.run(["bash", str(ENSURE_VENV), "false", str(venv)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == "sudo apt-get install -y python3-venv"
    assert not venv.exists()
