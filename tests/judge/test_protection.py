"""What protects the user: each isolation level described in one place, and the consent the rlimits level needs
before any code runs (refused: nothing runs; given: remembered by its store; allowed for now: not remembered)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from cloudinterview_desktop.domain.judging import JudgeMode, Verdict
from cloudinterview_desktop.judge.judge import Judge
from cloudinterview_desktop.judge.protection import (
    ALLOW_FLAG,
    CodeSafety,
    Consent,
    MemoryConsent,
    UnisolatedRunRefused,
    protection_for,
)
from tests.judge.conftest import load_problem

ADD = load_problem("add-numbers")


@pytest.fixture
def marker() -> Iterator[Path]:
    """A file the judged code creates when it runs, in a folder whoever runs the code can write (as root, the
    rlimits level runs it as 'nobody')."""
    folder = Path(tempfile.mkdtemp(prefix="ci-consent-"))
    os.chmod(folder, 0o777)
    path = folder / "ran"
    yield path
    path.unlink(missing_ok=True)
    folder.rmdir()


def creating(path: Path) -> str:
    return f"open({str(path)!r}, 'w').write('ran')\n\ndef add(a, b):\n    return a + b\n"


def test_each_level_says_what_it_guarantees_what_it_does_not_and_what_to_install() -> None:
    bubblewrap, namespaces, rlimits = (protection_for(level, "linux") for level in
                                       ("bubblewrap", "namespaces", "rlimits"))
    assert "no network" in bubblewrap.guarantees and "kernel" in bubblewrap.gaps and bubblewrap.install == ""
    assert "no network" in namespaces.guarantees and "sudo apt install bubblewrap" in namespaces.install
    assert "Only limits" in rlimits.guarantees
    assert "read, change and delete your files, reach the network" in rlimits.gaps
    assert "sudo apt install bubblewrap" in rlimits.install
    assert [p.needs_consent for p in (bubblewrap, namespaces, rlimits)] == [False, False, True]
    assert rlimits.describe().startswith("rlimits: Only limits") and "Not protected: the code runs as you" in \
        rlimits.describe()
    windows = protection_for("rlimits", "win32")
    assert windows.needs_consent and "no sandbox" in windows.guarantees and "Linux" in windows.install
    with pytest.raises(ValueError):
        protection_for("chroot")


def test_without_consent_nothing_runs_and_the_message_says_what_to_do(judge_cache: Path, marker: Path) -> None:
    remembered = MemoryConsent()
    judge = Judge(cache_dir=judge_cache, isolation="rlimits", consent=Consent(remembered))
    with pytest.raises(UnisolatedRunRefused) as refused:
        judge.run(ADD, creating(marker), "python", JudgeMode.SUBMIT)
    message = str(refused.value)
    assert message.startswith("Nothing was run: code judged here is not sandboxed (isolation: rlimits)")
    assert ALLOW_FLAG in message and "sudo apt install bubblewrap" in message
    assert not marker.exists()
    # Custom inputs would run the reference solution first: refused before that too.
    with pytest.raises(UnisolatedRunRefused):
        judge.run(ADD, creating(marker), "python", JudgeMode.RUN, custom_inputs=[{"a": 1, "b": 2}])
    assert not marker.exists()
    assert judge.consent is not None
    judge.consent.give()
    assert remembered.given()
    report = judge.run(ADD, creating(marker), "python", JudgeMode.SUBMIT)
    assert report.verdict is Verdict.ACCEPTED and report.isolation == "rlimits"
    assert marker.read_text() == "ran"


def test_allowed_for_now_is_not_remembered(judge_cache: Path, marker: Path) -> None:
    remembered = MemoryConsent()
    consent = Consent(remembered)
    consent.allow_for_now()
    judge = Judge(cache_dir=judge_cache, isolation="rlimits", consent=consent)
    assert judge.run(ADD, creating(marker), "python", JudgeMode.SUBMIT).verdict is Verdict.ACCEPTED
    assert marker.exists() and not remembered.given()
    assert Consent(remembered).given() is False  # the next process asks again


def test_a_sandbox_needs_no_consent(judge: Judge, judge_cache: Path) -> None:
    level = judge.isolation_level()
    if level == "rlimits":
        pytest.skip("no sandbox works on this machine")
    sandboxed = Judge(cache_dir=judge_cache, isolation=level, consent=Consent())
    code = "def add(a, b):\n    return a + b\n"
    assert sandboxed.run(ADD, code, "python", JudgeMode.SUBMIT).verdict is Verdict.ACCEPTED
    safety = CodeSafety(sandboxed.isolation_level, Consent())
    assert not safety.must_ask() and safety.protection().title == f"Sandboxed ({level})"


def test_code_safety_asks_once_at_the_rlimits_level() -> None:
    remembered = MemoryConsent()
    safety = CodeSafety(lambda: "rlimits", Consent(remembered))
    assert safety.must_ask() and safety.protection().title == "Not sandboxed"
    safety.allow()
    assert remembered.given() and not safety.must_ask()
    assert not CodeSafety(lambda: "rlimits", Consent(remembered)).must_ask()
