"""Entries of the judge's cache folder that the compiled languages build once and reuse (a precompiled header, the
runtime's object, the Java harness classes, class-data archives): written only by the judge's own trusted steps,
read-only to the sandbox, and trusted only while they match the manifest written last.

A manifest lists every file of the entry with its size, modification time and SHA-256. An entry counts when its
manifest is there (a build that was interrupted has none) and every file still has its size and time; files up to
HASHED_MAX_BYTES are hashed again on every use, larger ones (a 100 MB precompiled header) only when built."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

MANIFEST = "manifest.json"
HASHED_MAX_BYTES = 1 << 20


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def entry_intact(folder: Path, required: Iterable[str] = ()) -> bool:
    """Whether the entry's manifest is there, names every `required` file, and every file it names matches it."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if not isinstance(manifest, dict) or any(name not in manifest for name in required):
            return False
        for name, recorded in manifest.items():
            path = folder / name
            stat = path.stat()
            if [stat.st_size, stat.st_mtime_ns] != recorded[:2]:
                return False
            if stat.st_size <= HASHED_MAX_BYTES and sha256_file(path) != recorded[2]:
                return False
        return True
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return False


def forget(folder: Path) -> None:
    """Marks the entry as unbuilt before rebuilding it: without a manifest nobody trusts it."""
    with contextlib.suppress(FileNotFoundError):
        (folder / MANIFEST).unlink()


def write_manifest(folder: Path, names: Iterable[str]) -> None:
    """Records the entry's files; the last step of a build."""
    entries = {}
    for name in names:
        stat = (folder / name).stat()
        entries[name] = [stat.st_size, stat.st_mtime_ns, sha256_file(folder / name)]
    partial = folder / f"{MANIFEST}.{os.getpid()}"
    partial.write_text(json.dumps(entries, sort_keys=True), encoding="utf-8")
    os.chmod(partial, 0o644)
    os.replace(partial, folder / MANIFEST)


def replace_file(target: Path, make: Callable[[Path], bool]) -> bool:
    """Makes the file under a temporary name (`make` returns whether it succeeded), then moves it into place, so
    that readers never see half a file."""
    partial = target.with_name(f"{target.name}.{os.getpid()}")
    try:
        if not make(partial):
            return False
        os.chmod(partial, 0o644)  # the sandbox may run as another user; it only reads
        os.replace(partial, target)
        return True
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()


@contextlib.contextmanager
def build_lock(folder: Path) -> Iterator[None]:
    """Holds the entry's lock: one build at a time, even with judges running side by side."""
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o755)  # the sandbox may run as another user; it only reads
    with (folder / "lock").open("w") as lock:
        import fcntl  # POSIX only: the judge imports on Windows too

        fcntl.flock(lock, fcntl.LOCK_EX)
        yield
