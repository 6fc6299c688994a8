"""Finds files shipped with the app, in a source tree, an installed package or a frozen bundle (`sys._MEIPASS`)."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
# Where a wheel (`pip install .`) puts resources/ and problems.sqlite: see setup.py.
_SHIPPED_DIR = _PACKAGE_DIR / "_shipped"


def bundle_root() -> Path:
    """The folder that holds `resources/` and `problems.sqlite`: the frozen bundle's, an installed wheel's, or the
    source tree's (also an editable install's)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    if _SHIPPED_DIR.is_dir():
        return _SHIPPED_DIR
    return _PACKAGE_DIR.parent


def resource_path(*parts: str) -> Path:
    return bundle_root().joinpath("resources", *parts)


def package_path(*parts: str) -> Path:
    """A file inside the Python package itself (harness scripts run in the sandbox)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    base = Path(frozen_root) / "cloudinterview_desktop" if frozen_root else _PACKAGE_DIR
    return base.joinpath(*parts)


def builtin_problems_db() -> Path:
    return bundle_root() / "problems.sqlite"
