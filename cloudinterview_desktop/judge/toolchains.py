"""Finding compilers and runtimes on the host (shutil.which), their versions, and what a sandbox must mount."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

from cloudinterview_desktop.domain.judging import ToolchainStatus

_SYSTEM_PREFIXES = ("/usr", "/bin", "/sbin", "/lib", "/lib64", "/etc")


def which(*names: str) -> str | None:
    """The first of `names` found on PATH (or the usual system folders), as an absolute path."""
    search = os.pathsep.join(filter(None, (os.environ.get("PATH", ""), "/usr/local/bin", "/usr/bin", "/bin")))
    for name in names:
        found = shutil.which(name, path=search)
        if found:
            return os.path.abspath(found)
    return None


def install_prefix(executable: str) -> Path:
    """The folder a toolchain is installed in (`/opt/node` for `/opt/node/bin/node`), after symlinks."""
    real = Path(os.path.realpath(executable))
    return real.parent.parent if real.parent.name == "bin" else real.parent


def exposed_prefixes(*executables: str) -> tuple[Path, ...]:
    """The install folders a sandbox must mount read-only for these programs, if not already system folders."""
    out: list[Path] = []
    for exe in executables:
        for path in (Path(exe).parent, install_prefix(exe)):
            if not str(path).startswith(_SYSTEM_PREFIXES) and path not in out:
                out.append(path)
    return tuple(out)


@functools.cache
def version_line(argv: tuple[str, ...]) -> str:
    """First line of a `--version` style command, cached for the process (a JVM takes a while to answer)."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    text = (done.stdout or done.stderr).strip()
    return text.splitlines()[0] if text else ""


def missing(language: str, what: str, hint: str) -> ToolchainStatus:
    return ToolchainStatus(language=language, available=False, detail=f"toolchain not found: install {what} ({hint})")
