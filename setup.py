"""Build hook: a wheel carries the app's shipped files (resources/ and the built-in problems.sqlite) inside the
package, as cloudinterview_desktop/_shipped/ (with LICENSE and THIRD_PARTY_NOTICES), where cloudinterview_desktop/resources.py looks when it is installed.

A source tree and an editable install read them from the repository root; a frozen app from sys._MEIPASS."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = "_shipped"


class BuildWithShippedFiles(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the repository's own files
        database = ROOT / "problems.sqlite"
        if not database.is_file():
            raise SystemExit("problems.sqlite is missing: run `cloudinterview problems build` before building")
        target = Path(self.build_lib) / "cloudinterview_desktop" / SHIPPED
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(ROOT / "resources", target / "resources",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        shutil.copy2(database, target / "problems.sqlite")
        for name in ("LICENSE", "THIRD_PARTY_NOTICES"):  # shown by Help → About
            shutil.copy2(ROOT / name, target / name)


setup(cmdclass={"build_py": BuildWithShippedFiles})
