"""What protects the user while judged code runs, in plain words, and the consent the weakest level needs.

The one description of each isolation level (what it guarantees, what it does not, what to install for a stronger
one) that `cloudinterview doctor`, the command line and the window all show; and the consent gate: at the rlimits
level (and on Windows and macOS, where there is no sandbox at all) code runs only once the user has allowed it,
remembered per data folder, or for one command with `--allow-unisolated`.

Qt-free and light: it imports neither the sandbox nor `resource` or `fcntl`. `QT_TRANSLATE_NOOP` marks the texts the
window shows for the catalogue (pyside6-lupdate reads this file too); the window translates them where it shows them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from cloudinterview_desktop.domain.errors import RunNotAllowed
from cloudinterview_desktop.judge.errors import JudgeError

CONTEXT = "Isolation"  # the catalogue context of the texts below
BUBBLEWRAP, NAMESPACES, RLIMITS = "bubblewrap", "namespaces", "rlimits"
ALLOW_FLAG = "--allow-unisolated"
INSTALL_BUBBLEWRAP = "bubblewrap (Debian/Ubuntu: sudo apt install bubblewrap) and allow unprivileged user namespaces"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a text for the window's catalogue; the window translates it where it shows it (Qt-free here)."""
    del context
    return text


@dataclass(frozen=True)
class Protection:
    """One isolation level as the user reads it."""

    level: str
    title: str  # a few words for a label
    guarantees: str
    gaps: str  # what the level does not protect
    install: str  # what to install for a stronger level; "" at the strongest

    @property
    def needs_consent(self) -> bool:
        """Whether code may run only once the user has allowed it: nothing stands between the code and the user."""
        return self.level == RLIMITS

    def describe(self) -> str:
        text = f"{self.level}: {self.guarantees} Not protected: {self.gaps}"
        return text + (f" For more isolation, install {self.install}." if self.install else "")


_LEVELS: dict[str, Protection] = {
    BUBBLEWRAP: Protection(
        BUBBLEWRAP, QT_TRANSLATE_NOOP("Isolation", "Sandboxed (bubblewrap)"),
        QT_TRANSLATE_NOOP("Isolation", "The code runs in a bubblewrap sandbox: its own user (as root: an unprivileged "
                          "uid), process, network, IPC and host-name namespaces; a new read-only root holding only "
                          "/usr, /etc and the toolchains; a private /tmp and /dev/shm of 64 MB and its work folder "
                          "writable; no home folder, no network, no view of or signal to your other programs. "
                          "Time, memory, output, disk and process limits apply to every run, and everything the code "
                          "starts is killed when the run ends."),
        QT_TRANSLATE_NOOP("Isolation", "the code shares your kernel (a kernel flaw could let it out) and can read "
                          "the system folders /usr and /etc."),
        ""),
    NAMESPACES: Protection(
        NAMESPACES, QT_TRANSLATE_NOOP("Isolation", "Sandboxed (namespaces)"),
        QT_TRANSLATE_NOOP("Isolation", "The code runs in util-linux namespaces: its own user (as root: an "
                          "unprivileged uid), mount, process, network, IPC and host-name namespaces; home folders, "
                          "/tmp, /run and shared memory hidden behind empty in-memory folders; no network; every "
                          "other folder read-only. Time, memory, output, disk and process limits apply to every run, "
                          "and everything the code starts is killed when the run ends."),
        QT_TRANSLATE_NOOP("Isolation", "the code shares your kernel and can read the folders that are not hidden "
                          "(the system, and data kept outside your home folder)."),
        INSTALL_BUBBLEWRAP),
    RLIMITS: Protection(
        RLIMITS, QT_TRANSLATE_NOOP("Isolation", "Not sandboxed"),
        QT_TRANSLATE_NOOP("Isolation", "Only limits: CPU time, memory, output, disk, open files and processes, a "
                          "separate process group, a clean environment and a fresh work folder; what the code starts "
                          "is killed when the run ends."),
        QT_TRANSLATE_NOOP("Isolation", "the code runs as you (as root on Linux: as 'nobody' where it can): it can "
                          "read, change and delete your files, reach the network and signal your other programs."),
        INSTALL_BUBBLEWRAP),
}

_NO_SANDBOX = Protection(
    RLIMITS, QT_TRANSLATE_NOOP("Isolation", "Not sandboxed"),
    QT_TRANSLATE_NOOP("Isolation", "This system (Windows or macOS) has no sandbox for judged code: only a separate "
                      "process group and, where the system has them, resource limits."),
    QT_TRANSLATE_NOOP("Isolation", "the code runs as you: it can read, change and delete your files, reach the "
                      "network and signal your other programs."),
    QT_TRANSLATE_NOOP("Isolation", "bubblewrap on a Linux machine (Debian/Ubuntu: sudo apt install bubblewrap), "
                      "for example a virtual machine, and judge code there"))


def protection_for(level: str, platform: str = sys.platform) -> Protection:
    """The description of `level` ("bubblewrap", "namespaces" or "rlimits") on `platform` (sys.platform)."""
    if level not in _LEVELS:
        raise ValueError(f"unknown isolation level {level!r}")
    if level == RLIMITS and not platform.startswith("linux"):
        return _NO_SANDBOX
    return _LEVELS[level]


def refusal_message(protection: Protection) -> str:
    """Why nothing was run, and the two ways forward: allowing it, or installing a sandbox."""
    return (f"Nothing was run: code judged here is not sandboxed (isolation: {protection.level}), so {protection.gaps} "
            f"Allow it once: the window asks before the first Run or Submit; on the command line, pass {ALLOW_FLAG}. "
            f"Or, for a sandbox, install {protection.install}.")


class ConsentStore(Protocol):
    """Where the user's answer is remembered (the app keeps it in its settings, per data folder)."""

    def given(self) -> bool: ...

    def give(self) -> None: ...


class MemoryConsent:
    """A consent store that forgets when the process ends (tests, and commands run without a data folder)."""

    def __init__(self, given: bool = False) -> None:
        self._given = given

    def given(self) -> bool:
        return self._given

    def give(self) -> None:
        self._given = True


class Consent:
    """Whether code may run without a sandbox: the remembered answer, or an allowance for this process only
    (the command line's --allow-unisolated, which is not remembered)."""

    def __init__(self, remembered: ConsentStore | None = None) -> None:
        self._remembered: ConsentStore = remembered if remembered is not None else MemoryConsent()
        self._for_now = False

    def given(self) -> bool:
        return self._for_now or self._remembered.given()

    def give(self) -> None:
        """The user said yes: remembered."""
        self._remembered.give()

    def allow_for_now(self) -> None:
        """Allowed for this process only."""
        self._for_now = True


class UnisolatedRunRefused(JudgeError, RunNotAllowed):
    """Code was to run without a sandbox and the user has not allowed it: nothing was run."""

    def __init__(self, protection: Protection) -> None:
        super().__init__(refusal_message(protection))
        self.protection = protection


def require_consent(level: str, consent: ConsentStore) -> None:
    """Raises UnisolatedRunRefused when code at `level` needs the user's consent and does not have it."""
    protection = protection_for(level)
    if protection.needs_consent and not consent.given():
        raise UnisolatedRunRefused(protection)


class CodeSafety:
    """What the window and the command line ask before running code: the level in use (found on first call, which
    may take a second while the judge tries the sandboxes), whether to ask, and the answer."""

    def __init__(self, level: Callable[[], str], consent: Consent) -> None:
        self._level = level
        self.consent = consent

    def protection(self) -> Protection:
        return protection_for(self._level())

    def must_ask(self) -> bool:
        return self.protection().needs_consent and not self.consent.given()

    def allow(self) -> None:
        self.consent.give()
