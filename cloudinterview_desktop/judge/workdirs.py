"""Removing a work directory the judged code wrote in, without letting what it left there turn against the host.

No link is ever followed: every folder is entered through its parent's file descriptor with O_NOFOLLOW, entries are
removed relative to that descriptor, and a folder the code locked (mode 000, no write bit) gets its owner's
permissions back through a descriptor of its own, never through a name. Very deep trees are flattened by moving
their deep folders up to the top (a rename), so neither recursion nor open descriptors grow with the depth.
Whatever cannot be removed is logged; removal never raises, so it can never replace a verdict. `usage_over` is
the watch on what a run writes there (bytes on disk and entries), stopping as soon as a limit is passed.
"""

from __future__ import annotations

import logging
import os
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

MAX_DEPTH = 32  # folders held open at once; deeper ones are moved up to the top first
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_O_PATH = getattr(os, "O_PATH", 0)


@dataclass
class _Folder:
    fd: int
    name: str  # its name in the folder below it on the stack
    pending: list[str] = field(default_factory=list)  # sub-folders still to empty
    listed: bool = False


class _Errors:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.count = 0

    def note(self, what: str, name: str, exc: OSError) -> None:
        self.count += 1
        if self.count <= 5:
            log.warning("clean-up of %s: cannot %s %r: %s", self.root, what, name, exc)


def _own(fd: int) -> None:
    """Gives a folder its owner's read, write and search permissions (through its descriptor)."""
    mode = os.fstat(fd).st_mode
    if stat.S_IMODE(mode) & stat.S_IRWXU != stat.S_IRWXU:
        os.fchmod(fd, stat.S_IMODE(mode) | stat.S_IRWXU)


def _open_folder(parent: int, name: str) -> int:
    """Opens a sub-folder (never a link); one without read or search permission is given them first."""
    try:
        fd = os.open(name, _DIR_FLAGS, dir_fd=parent)
    except PermissionError:
        if _O_PATH and os.path.isdir("/proc/self/fd"):
            # O_PATH needs no permission on the folder; chmod through /proc reaches exactly that inode.
            handle = os.open(name, _O_PATH | os.O_NOFOLLOW | os.O_DIRECTORY | os.O_CLOEXEC, dir_fd=parent)
            try:
                os.chmod(f"/proc/self/fd/{handle}", stat.S_IRWXU)
                fd = os.open(f"/proc/self/fd/{handle}", _DIR_FLAGS & ~getattr(os, "O_NOFOLLOW", 0))
            finally:
                os.close(handle)
        else:
            os.chmod(name, stat.S_IRWXU, dir_fd=parent, follow_symlinks=False)
            fd = os.open(name, _DIR_FLAGS, dir_fd=parent)
    try:
        _own(fd)
    except OSError:
        os.close(fd)
        raise
    return fd


def remove_tree(path: Path) -> bool:
    """Removes `path` and everything in it; True when nothing is left. Never raises."""
    errors = _Errors(path)
    try:
        parent = os.open(path.parent, _DIR_FLAGS & ~getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        errors.note("open the parent of", str(path), exc)
        return False
    try:
        top = _open_folder(parent, path.name)
    except FileNotFoundError:
        os.close(parent)
        return True
    except OSError as exc:
        errors.note("open", path.name, exc)
        os.close(parent)
        return False
    stack = [_Folder(parent, ""), _Folder(top, path.name)]
    try:
        while len(stack) > 1:
            folder = stack[-1]
            if not folder.listed:
                folder.listed = True
                _empty_files(folder, errors)
            if folder.pending:
                name = folder.pending.pop()
                if len(stack) > MAX_DEPTH:
                    _move_up(folder, name, stack[1], errors)
                    continue
                try:
                    stack.append(_Folder(_open_folder(folder.fd, name), name))
                except OSError as exc:
                    errors.note("open", name, exc)
                continue
            stack.pop()
            os.close(folder.fd)
            try:
                os.rmdir(folder.name, dir_fd=stack[-1].fd)
            except OSError as exc:
                errors.note("remove the folder", folder.name, exc)
    finally:
        for folder in stack[len(stack) - 1:0:-1]:
            os.close(folder.fd)
        os.close(parent)
    if errors.count:
        log.warning("clean-up of %s left %d entries behind", path, errors.count)
    return errors.count == 0


def _empty_files(folder: _Folder, errors: _Errors) -> None:
    """Unlinks everything in the folder that is not a folder (links included, never followed); notes the
    sub-folders for later."""
    try:
        entries = list(os.scandir(folder.fd))
    except OSError as exc:
        errors.note("list", folder.name, exc)
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                folder.pending.append(entry.name)
            else:
                os.unlink(entry.name, dir_fd=folder.fd)
        except FileNotFoundError:
            continue
        except OSError as exc:
            errors.note("remove", entry.name, exc)


def _move_up(folder: _Folder, name: str, top: _Folder, errors: _Errors) -> None:
    flat = f".ci-deep-{secrets.token_hex(6)}"
    try:
        os.rename(name, flat, src_dir_fd=folder.fd, dst_dir_fd=top.fd)
        top.pending.append(flat)
    except OSError as exc:
        errors.note("move up", name, exc)


def usage_over(path: Path, max_bytes: int, max_entries: int) -> bool:
    """Whether the tree at `path` holds more than `max_bytes` on disk or more than `max_entries` entries (links are
    counted, never followed). Stops counting at the first limit passed, so a flood costs no more than the limit."""
    used, entries = 0, 0
    folders = [str(path)]
    while folders:
        try:
            listing = os.scandir(folders.pop())
        except OSError:
            continue
        with listing:
            for entry in listing:
                entries += 1
                if entries > max_entries:
                    return True
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                used += getattr(info, "st_blocks", 0) * 512 or info.st_size
                if used > max_bytes:
                    return True
                if stat.S_ISDIR(info.st_mode):
                    folders.append(entry.path)
    return False
