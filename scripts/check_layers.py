"""The layer contract: each package imports only the layers below it, and the Qt-free core never imports Qt.

    python scripts/check_layers.py     (run by `make lint`; exits 1 and names each import that breaks the contract)

Layers, bottom first. `domain` holds the types, ports and pure helpers everything shares; the composition modules
(app.py, ai_setup.py, voice_setup.py) build the app from the layers and sit just below the interfaces."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = "cloudinterview_desktop"
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"domain"}),
    frozenset({"store", "feedback", "interviewer", "voice", "judge"}),
    frozenset({"bank"}),
    frozenset({"ai", "report"}),
    frozenset({"service"}),
    frozenset({"engine"}),
    frozenset({"settings", "logging_setup"}),
    frozenset({"ai_setup", "voice_setup"}),
    frozenset({"app"}),
    frozenset({"ui", "cli"}),
    frozenset({"__main__"}),
)
# Leaf modules of the package that any layer above domain may use.
SHARED = frozenset({"paths", "resources", "embedded_models"})
QT_FREE = frozenset({"domain", "store", "feedback", "interviewer", "voice", "judge", "bank", "ai", "report",
                     "service"})
QT_MODULES = ("PySide6", "qtmonaco", "shiboken6")


def layer_of(part: str) -> int | None:
    return next((n for n, names in enumerate(LAYERS) if part in names), None)


def imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


def check(root: Path) -> list[str]:
    problems = []
    for path in sorted((root / PACKAGE).rglob("*.py")):
        parts = path.relative_to(root / PACKAGE).with_suffix("").parts
        source = parts[0]
        mine = layer_of(source)
        for line, module in imports(path):
            where = f"{path.relative_to(root)}:{line}"
            top = module.split(".")[0]
            if top in QT_MODULES and source in QT_FREE:
                problems.append(f"{where}: {source} is Qt-free but imports {module}")
            if top != PACKAGE or module == PACKAGE:
                continue
            target = module.split(".")[1]
            if target == source:
                continue
            if target in SHARED:
                if source == "domain":
                    problems.append(f"{where}: domain imports {module}; domain depends on nothing")
                continue
            theirs = layer_of(target)
            if mine is None or theirs is None:
                problems.append(f"{where}: {source} -> {target}: a package missing from the layer list")
            elif theirs >= mine:
                problems.append(f"{where}: {source} (layer {mine}) imports {module} (layer {theirs}): "
                                "layers import only the layers below them")
    return problems


def main() -> int:
    problems = check(Path(__file__).resolve().parent.parent)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} import(s) break the layer contract (scripts/check_layers.py)")
        return 1
    print("layer contract kept")
    return 0


if __name__ == "__main__":
    sys.exit(main())
