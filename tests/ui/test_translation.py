"""Ready for translation: every user-visible string of the window goes through Qt's translation functions, the
committed catalogue lists them all, and with the long pseudo-translation loaded (about 40 % longer, accented) no
label or button of the home page, the settings dialog or the model dialog is clipped at 125 % and 150 % text size."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from cloudinterview_desktop.ai.models.manager import ModelManager
from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.ui.i18n import install_translator
from cloudinterview_desktop.ui.main_window import MainWindow
from cloudinterview_desktop.ui.model_manager_dialog import ModelManagerDialog
from cloudinterview_desktop.ui.settings_dialog import SettingsDialog

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


# -- the catalogue -----------------------------------------------------------------------------------------------

CATALOGUE = REPO / "resources" / "i18n" / "cloudinterview_en.ts"
# Qt-free texts the window shows, marked with QT_TRANSLATE_NOOP where they live (the Makefile's I18N_SOURCES).
SHARED_TEXTS = (REPO / "cloudinterview_desktop" / "judge" / "protection.py",)
MARKERS = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}  # the call and the position of its source text


def _context_of(call: ast.Call, classes: list[str]) -> str | None:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name == "tr" and classes:
        return classes[-1]
    if name in ("translate", "QT_TRANSLATE_NOOP") and call.args and isinstance(call.args[0], ast.Constant):
        return str(call.args[0].value)
    return None


def marked_strings(path: Path) -> set[tuple[str, str]]:
    """(context, source text) of every literal given to tr(), translate() or QT_TRANSLATE_NOOP(), as Python reads
    it (escapes and implicit concatenation included): what the catalogue must hold for the lookup to match."""
    found: set[tuple[str, str]] = set()

    def visit(node: ast.AST, classes: list[str]) -> None:
        if isinstance(node, ast.ClassDef):
            classes = [*classes, node.name]
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            position = MARKERS.get(name)
            context = _context_of(node, classes)
            if position is not None and context and len(node.args) > position:
                text = node.args[position]
                if isinstance(text, ast.Constant) and isinstance(text.value, str):
                    found.add((context, text.value))
        for child in ast.iter_child_nodes(node):
            visit(child, classes)

    visit(ast.parse(path.read_text(encoding="utf-8")), [])
    return found


def catalogue_strings(path: Path) -> set[tuple[str, str]]:
    root = ET.parse(path).getroot()
    return {(context.findtext("name") or "", message.findtext("source") or "")
            for context in root.iter("context") for message in context.iter("message")}


def test_the_committed_catalogue_holds_every_marked_string() -> None:
    in_code = set().union(*(marked_strings(path) for path in [*sorted(UI.rglob("*.py")), *SHARED_TEXTS]))
    in_catalogue = catalogue_strings(CATALOGUE)
    missing, stale = sorted(in_code - in_catalogue), sorted(in_catalogue - in_code)
    assert not missing and not stale, (
        f"resources/i18n/cloudinterview_en.ts is out of date: run `make translations`.\nmissing: {missing[:10]}\n"
        f"no longer in the code: {stale[:10]}")


# -- the pseudo-translation at 125 % and 150 % -------------------------------------------------------------------

SCALES = (1.25, 1.5)


def _lrelease() -> str:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    if not found:
        pytest.skip("pyside6-lrelease (PySide6's tools) is not installed")
    return found


@pytest.fixture(scope="module")
def pseudo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pseudo-translation of the committed catalogue, compiled in a temporary folder."""
    folder = tmp_path_factory.mktemp("i18n")
    ts = folder / "cloudinterview_pseudo.ts"
    subprocess.run([sys.executable, str(REPO / "scripts" / "pseudo_translation.py"), str(CATALOGUE), str(ts)],
                   check=True, capture_output=True)
    subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(folder / "cloudinterview_pseudo.qm")], check=True)
    return folder


@pytest.fixture
def pseudo(qapp: QApplication, pseudo_dir: Path) -> Iterator[None]:
    translator = install_translator(qapp, "pseudo", pseudo_dir)
    assert translator is not None
    yield
    qapp.removeTranslator(translator)


def test_a_language_without_a_catalogue_stays_english(qapp: QApplication, pseudo_dir: Path) -> None:
    assert install_translator(qapp, "xx", pseudo_dir) is None
    assert QApplication.translate("HomePage", "Start interview") == "Start interview"


@contextmanager
def text_scaled(app: QApplication, factor: float) -> Iterator[None]:
    """The interface's text `factor` times its size, as at that display scaling with the window's size unchanged."""
    before = app.font()
    font = QFont(before)
    if before.pointSizeF() > 0:
        font.setPointSizeF(before.pointSizeF() * factor)
    else:
        font.setPixelSize(round(before.pixelSize() * factor))
    app.setFont(font)
    try:
        yield
    finally:
        app.setFont(before)


def clipped(root: QWidget) -> list[str]:
    """Every visible label or button of `root` whose text does not fit the room it was given."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QLabel | QAbstractButton) or not widget.isVisibleTo(root):
            continue
        text = widget.text()
        if not text.strip():
            continue
        size = widget.size()
        if isinstance(widget, QLabel) and widget.wordWrap():
            need = QSize(widget.minimumSizeHint().width(), widget.heightForWidth(size.width()))
        elif isinstance(widget, QLabel):
            need = widget.minimumSizeHint()
        else:
            need = widget.sizeHint()
        if need.width() > size.width() or need.height() > size.height():
            found.append(f"{type(widget).__name__} {text[:60]!r}: needs {need.width()}x{need.height()}, "
                         f"has {size.width()}x{size.height()}")
    return found


def _settle(qtbot: QtBot, widget: QWidget) -> None:
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()


@pytest.mark.parametrize("factor", SCALES)
def test_nothing_is_clipped_in_the_pseudo_translation(qtbot: QtBot, core: AppCore, qapp: QApplication, pseudo: None,
                                                      factor: float) -> None:
    problems: list[str] = []
    with text_scaled(qapp, factor):
        engine = SessionEngine(core.service)
        window = MainWindow(engine, core.settings, use_monaco=False)
        qtbot.addWidget(window)
        assert window.home.start_button.text().startswith("[")  # the pseudo-translation is what is shown
        window.resize(1200, 800)
        _settle(qtbot, window)
        problems += [f"home: {p}" for p in clipped(window)]
        problems += [f"the window cannot keep 1200x800: {window.width()}x{window.height()}"
                     for _ in [1] if (window.width(), window.height()) != (1200, 800)]
        for page in (window.interview, window.history):
            window.pages.setCurrentWidget(page)
            QApplication.processEvents()
            problems += [f"{type(page).__name__}: {p}" for p in clipped(page)]
        window.pages.setCurrentWidget(window.home)
        settings = SettingsDialog(core.settings, str(core.paths.data_dir), ["Built-in microphone"], window)
        qtbot.addWidget(settings)
        _settle(qtbot, settings)
        tabs = settings.findChild(QTabWidget)
        assert tabs is not None
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            problems += [f"settings, {tabs.tabText(index)}: {p}" for p in clipped(settings)]
        models = ModelManagerDialog(ModelManager(core.paths.models_dir), core.settings, window)
        qtbot.addWidget(models)
        _settle(qtbot, models)
        problems += [f"models: {p}" for p in clipped(models)]
        for dialog in (settings, models):
            problems += [f"{dialog.windowTitle()} is wider than the window: {dialog.width()} px"
                         for _ in [1] if dialog.width() > window.width()]
        window.close()
        engine.shutdown()
    assert not problems, "\n".join(problems)


def test_the_clipping_check_finds_text_without_room(qtbot: QtBot, qapp: QApplication) -> None:
    normal = QFontInfo(qapp.font()).pixelSize()
    with text_scaled(qapp, 1.5):
        box = QWidget()
        qtbot.addWidget(box)
        button, label, wrapped = QPushButton("Start a long interview"), QLabel("A label that is far too long"), QLabel(
            "Words that wrap onto many lines in a narrow column, one after another")
        wrapped.setWordWrap(True)
        for widget in (button, label, wrapped):
            widget.setParent(box)
            widget.setFixedSize(60, 20)
        assert QFontInfo(button.font()).pixelSize() == pytest.approx(normal * 1.5, abs=1)
        _settle(qtbot, box)
        assert [problem.split(" ")[0] for problem in clipped(box)] == ["QPushButton", "QLabel", "QLabel"]
