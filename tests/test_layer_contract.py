"""The layer contract that `make lint` checks: kept by the package, and broken by an import that goes upward."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent


def _checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_layers", REPO / "scripts" / "check_layers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_package_keeps_the_contract_and_an_upward_import_breaks_it(tmp_path: Path) -> None:
    checker = _checker()
    assert checker.check(REPO) == []
    copy = tmp_path / "repo"
    shutil.copytree(REPO / "cloudinterview_desktop", copy / "cloudinterview_desktop",
                    ignore=shutil.ignore_patterns("__pycache__"))
    with (copy / "cloudinterview_desktop" / "domain" / "jobs.py").open("a", encoding="utf-8") as handle:
        handle.write("\nfrom cloudinterview_desktop.service.session_service import SessionService\n")
    with (copy / "cloudinterview_desktop" / "report" / "content.py").open("a", encoding="utf-8") as handle:
        handle.write("\nimport PySide6.QtCore\n")
    problems = checker.check(copy)
    assert any("domain (layer 0) imports cloudinterview_desktop.service.session_service" in p for p in problems)
    assert any("report is Qt-free but imports PySide6.QtCore" in p for p in problems)
