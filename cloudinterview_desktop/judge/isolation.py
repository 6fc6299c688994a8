"""Isolation levels on Linux and the wrapper commands that give them: bubblewrap, util-linux namespaces, or none.

Every level also gets the rlimits, the process group, the scrubbed environment and the fresh work directory that
`posix_sandbox.PosixSandbox` applies; docs/judge.md says what each level guarantees.
"""

from __future__ import annotations

import functools
import os
import secrets
import shlex
import shutil
import stat
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class IsolationLevel(StrEnum):
    BUBBLEWRAP = "bubblewrap"
    NAMESPACES = "namespaces"
    RLIMITS = "rlimits"


ORDER = (IsolationLevel.BUBBLEWRAP, IsolationLevel.NAMESPACES, IsolationLevel.RLIMITS)

NOBODY = 65534
IN_RAM_MB = 64  # the size of each writable in-RAM mount (/tmp, /dev/shm): what the code may hold outside its processes
# Directories a sandboxed program has no business seeing; the namespace level mounts empty tmpfs over them.
HIDDEN_DIRS = ("/tmp", "/var/tmp", "/dev/shm", "/run", "/home", "/root", "/mnt", "/media", "/srv")
_SYSTEM_DIRS = ("/usr", "/etc")
_TOP_DIRS = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")


@dataclass(frozen=True)
class SandboxUser:
    """Who the code runs as: None keeps our own uid (user namespaces remap it); as root, an unprivileged uid."""

    uid: int | None
    gid: int | None

    @property
    def drops_root(self) -> bool:
        return self.uid is not None


def sandbox_user() -> SandboxUser:
    # RLIMIT_NPROC is not enforced for uid 0, even inside a user namespace mapped to it: the code must not be root.
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return SandboxUser(NOBODY, NOBODY)
    return SandboxUser(None, None)


def setpriv_prefix(user: SandboxUser) -> list[str]:
    """Drops to the sandbox uid with no capabilities, as the last step inside the namespaces (root only)."""
    if not user.drops_root:
        return [tool("setpriv") or "setpriv", "--bounding-set=-all", "--inh-caps=-all", "--no-new-privs", "--"]
    return [tool("setpriv") or "setpriv", f"--reuid={user.uid}", f"--regid={user.gid}", "--clear-groups",
            "--bounding-set=-all", "--inh-caps=-all", "--no-new-privs", "--"]


def tool(name: str) -> str | None:
    return shutil.which(name, path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")


def _under(path: str, roots: Sequence[str]) -> bool:
    return any(path == root or path.startswith(root.rstrip("/") + "/") for root in roots)


def _clean_paths(paths: Sequence[Path]) -> list[str]:
    """Absolute, existing, de-duplicated paths, parents before children, none already inside another."""
    out: list[str] = []
    for raw in sorted({os.path.abspath(p) for p in paths if os.path.exists(p)}):
        if not _under(raw, out):
            out.append(raw)
    return out


def masked_paths(expose: Sequence[Path]) -> list[str]:
    """The app's own data that lies inside an exposed folder (a frozen app exposes its whole folder for the
    interpreter): the question bank with its hidden tests and the resources. They are covered inside the sandbox."""
    from cloudinterview_desktop.resources import builtin_problems_db, resource_path

    roots = _clean_paths(expose)
    candidates = [builtin_problems_db(), resource_path()]
    return [str(p) for p in candidates if p.exists() and _under(os.path.abspath(p), roots)]


def _mask_args(masks: Sequence[str]) -> list[str]:
    args: list[str] = []
    for path in masks:
        args += ["--tmpfs", path] if os.path.isdir(path) else ["--ro-bind", "/dev/null", path]
    return args


def bubblewrap_argv(bwrap: str, argv: Sequence[str], workdir: Path, expose: Sequence[Path],
                    user: SandboxUser) -> list[str]:
    args = [bwrap, "--die-with-parent", "--new-session"]
    if user.drops_root:
        # As root, bwrap would map the sandbox to uid 0 in a user namespace; instead it keeps the host user
        # namespace, keeps just enough capability to switch uid, and setpriv drops to `nobody` at the end.
        args += ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
                 "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    else:
        args += ["--unshare-all"]
    for system_dir in _SYSTEM_DIRS:
        if os.path.isdir(system_dir):
            args += ["--ro-bind", system_dir, system_dir]
    for top in _TOP_DIRS:
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    size = [] if not _bwrap_sizes(bwrap) else ["--size", str(IN_RAM_MB * 1024 * 1024)]
    args += ["--proc", "/proc", "--dev", "/dev", *size, "--tmpfs", "/dev/shm", *size, "--tmpfs", "/tmp"]
    made: set[str] = {"/", "/tmp"}

    def parents(path: str) -> list[str]:
        # bwrap would create missing parents with mode 0700, which a dropped uid cannot search.
        out = []
        for parent in reversed(Path(path).parents):
            text = str(parent)
            if text not in made and not _under(text, (*_SYSTEM_DIRS, *_TOP_DIRS)):
                made.add(text)
                out += ["--perms", "0755", "--dir", text]
        return out

    for path in _clean_paths(expose):
        if not _under(path, (*_SYSTEM_DIRS, *_TOP_DIRS)):
            args += [*parents(path), "--ro-bind", path, path]
    args += _mask_args(masked_paths(expose))
    work = str(workdir)
    # The root and /dev are in-RAM too: read-only once everything is mounted (the mounts on them stay as they are).
    args += [*parents(work), "--bind", work, work, "--remount-ro", "/dev", "--remount-ro", "/", "--chdir", work, "--"]
    return args + setpriv_prefix(user) + list(argv) if user.drops_root else args + list(argv)


@functools.cache
def _bwrap_sizes(bwrap: str) -> bool:
    """Whether this bubblewrap sizes its tmpfs mounts (--size, bubblewrap 0.5 and later)."""
    try:
        done = subprocess.run([bwrap, "--help"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return "--size" in done.stdout + done.stderr


def namespace_script(workdir: Path, expose: Sequence[Path], hidden: Sequence[str], user: SandboxUser) -> str:
    """The shell steps run as (namespaced) root before the code starts: hide, re-expose, make read-only, drop.

    Paths that must stay visible under a hidden directory (a toolchain in ~/.pyenv, the work directory in /tmp)
    are bind-mounted to a staging folder inside the work directory first, then mounted back over the tmpfs.
    """
    q = shlex.quote
    work = str(workdir)
    stage = f".ci-stage-{secrets.token_hex(4)}"  # one per run: a compile and a run share the work directory
    hide = [h for h in _clean_paths([Path(h) for h in hidden]) if os.path.isdir(h) and not os.path.islink(h)]
    keep = [p for p in _clean_paths(expose) if _under(p, hide)]
    lines = ["set -e", "umask 022", f"mkdir {stage}"]
    for index, path in enumerate(keep):
        make = "mkdir" if os.path.isdir(path) else "touch"
        lines.append(f"{make} {stage}/{index} && mount --bind {q(path)} {stage}/{index}")
    lines.append(f"mkdir {stage}/work && mount --bind . {stage}/work")
    # Everything already mounted becomes read-only; the tmpfs and binds made after this stay writable.
    lines.append("findmnt -rno TARGET 2>/dev/null | while read -r m; do case \"$m\" in "
                 f"{q(work)}*) ;; *) mount -o remount,bind,ro \"$(printf '%b' \"$m\")\" 2>/dev/null || true;; "
                 "esac; done")
    for directory in hide:
        mode = "1777" if directory in ("/tmp", "/var/tmp", "/dev/shm") else "755"
        lines.append(f"if [ -d {q(directory)} ]; then mount -t tmpfs -o size={IN_RAM_MB}m,mode={mode},nosuid,nodev "
                     f"ci-hidden {q(directory)}; fi")
    for index, path in enumerate(keep):
        make = "mkdir -p" if os.path.isdir(path) else "mkdir -p \"$(dirname " + q(path) + ")\" && touch"
        lines.append(f"{make} {q(path)} && mount --bind {stage}/{index} {q(path)}"
                     f" && mount -o remount,bind,ro {q(path)}")
    for path in masked_paths(expose):
        cover = (f"mount -t tmpfs -o size=1m,mode=755 ci-hidden {q(path)}" if os.path.isdir(path)
                 else f"mount --bind /dev/null {q(path)}")
        lines.append(cover)
    lines.append(f"mkdir -p {q(work)} && mount --bind {stage}/work {q(work)}")
    lines.append(f"for s in {stage}/*; do umount -l \"$s\" 2>/dev/null || true; done")
    lines.append(f"cd {q(work)}")
    # The code runs as a child of this shell, which is PID 1 of the namespace: when it returns, the kernel
    # kills whatever the code left behind. A program that is PID 1 itself would ignore SIGXCPU/SIGXFSZ.
    lines.append(" ".join(q(a) for a in setpriv_prefix(user)) + ' "$@"')
    return "\n".join(lines)


def namespaces_argv(unshare: str, argv: Sequence[str], workdir: Path, expose: Sequence[Path],
                    hidden: Sequence[str], user: SandboxUser) -> list[str]:
    flags = ["--mount", "--pid", "--fork", "--kill-child", "--mount-proc", "--net", "--ipc", "--uts"]
    if not user.drops_root:
        flags = ["--user", "--map-root-user", *flags]
    script = namespace_script(workdir, expose, hidden, user)
    return [unshare, *flags, "--", "/bin/sh", "-c", script, "ci-sandbox", *argv]


def reachable_by_others(path: Path) -> bool:
    """Whether a user other than the owner can reach and read `path` (every parent searchable by 'other')."""
    try:
        real = Path(os.path.realpath(path))
        for parent in reversed(real.parents):
            if not os.stat(parent).st_mode & stat.S_IXOTH:
                return False
        return bool(os.stat(real).st_mode & stat.S_IROTH)
    except OSError:
        return False
