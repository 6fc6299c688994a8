"""The problem browser: search the bank, read any item, and add, edit, delete or import your own."""

from __future__ import annotations

import json

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cloudinterview_desktop.bank.catalog import ItemRow
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.engine.session_results import (
    BankImported,
    BankItemDeleted,
    BankItemLoaded,
    BankItems,
    RequestId,
)
from cloudinterview_desktop.service.bank_service import ItemDetails

NEW_ITEM_TEMPLATE = {
    "slug": "my-question", "kind": "theory", "title": "My question", "difficulty": "medium",
    "topics": ["system-design"], "job_types": ["backend"],
    "question": "How would you design ...?", "key_points": ["First point a good answer covers", "Second point"],
}


class ItemEditor(QDialog):
    """JSON of one item in the documented format; saving validates it (and runs a coding item's reference)."""

    def __init__(self, engine: SessionEngine, text: str, replace: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit item") if replace else self.tr("New item"))
        self.resize(760, 620)
        self.engine = engine
        self.replace = replace
        self.editor = QPlainTextEdit(text)
        self.editor.setAccessibleName(self.tr("Item JSON"))
        self.status = QLabel(self.tr("The format is described in docs/problem-format.md."))
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._request: RequestId | None = None
        engine.finished.connect(self._on_finished)
        engine.failed.connect(self._on_failed)

    def save(self) -> None:
        self.status.setText(self.tr("Checking…"))
        self._request = self.engine.save_bank_item(self.editor.toPlainText(), replace=self.replace)

    def _on_finished(self, request_id: int, _result: object) -> None:
        if request_id == self._request:
            self.accept()

    def _on_failed(self, request_id: int, message: str) -> None:
        if request_id == self._request:
            # The text stays in the editor: nothing typed is lost to an error.
            self.status.setText(self.tr("<b style='color:#c0392b'>Not saved:</b> {error}").format(error=message))


class ProblemBrowser(QDialog):
    practise_requested = Signal(str, str)  # slug, kind: start an interview on this one question

    def __init__(self, engine: SessionEngine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Question bank"))
        self.resize(1100, 720)
        self.engine = engine
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search titles and statements"))
        self.search.setAccessibleName(self.tr("Search the bank"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind"))
        for label, value in ((self.tr("All kinds"), ""), (self.tr("Coding"), "coding"), (self.tr("Theory"), "theory"),
                             (self.tr("Behavioral"), "behavioral")):
            self.kind.addItem(label, value)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Title"), self.tr("Kind"), self.tr("Difficulty"),
                                              self.tr("Source")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Bank items"))
        self.details = QTextBrowser()
        self.practise_button = QPushButton(self.tr("Practise this question"))
        self.practise_button.setEnabled(False)
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.import_button = QPushButton(self.tr("Import file…"))
        self.count = QLabel()
        self.import_progress = QProgressBar()
        self.import_progress.setVisible(False)
        self.import_progress.setAccessibleName(self.tr("Import progress"))
        self.cancel_import = QPushButton(self.tr("Cancel import"))
        self.cancel_import.setVisible(False)
        self._import_request: RequestId | None = None
        self._rows: list[ItemRow] = []
        self._current: ItemDetails | None = None
        self._pending: set[RequestId] = set()
        self._build()
        self._connect()
        self.refresh()

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.kind)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        buttons = QHBoxLayout()
        for button in (self.practise_button, self.add_button, self.edit_button, self.delete_button,
                       self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_progress)
        buttons.addWidget(self.cancel_import)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.search.returnPressed.connect(self.refresh)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.currentCellChanged.connect(lambda row, *_: self._select(row))
        self.add_button.clicked.connect(lambda: self._edit(json.dumps(NEW_ITEM_TEMPLATE, indent=2), False))
        self.edit_button.clicked.connect(self._edit_current)
        self.delete_button.clicked.connect(self._delete_current)
        self.import_button.clicked.connect(self._import)
        self.practise_button.clicked.connect(self._practise_current)
        self.engine.finished.connect(self._on_finished)
        self.engine.failed.connect(self._on_failed)
        self.engine.cancelled.connect(self._on_cancelled)
        self.engine.progress.connect(self._on_progress)
        self.cancel_import.clicked.connect(self._cancel_import)

    def _track(self, request_id: RequestId) -> RequestId:
        self._pending.add(request_id)
        return request_id

    def refresh(self) -> None:
        self._track(self.engine.list_bank_items(kind=self.kind.currentData() or None, text=self.search.text()))

    def _select(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self._track(self.engine.bank_item(self._rows[row].slug))

    def _edit(self, text: str, replace: bool) -> None:
        if ItemEditor(self.engine, text, replace, self).exec():
            self.refresh()

    def _edit_current(self) -> None:
        if self._current is not None and self._current.editable:
            self._edit(json.dumps(self._current.raw, indent=2, ensure_ascii=False), True)

    def _practise_current(self) -> None:
        if self._current is not None:
            self.practise_requested.emit(self._current.row.slug, self._current.row.kind)
            self.accept()

    def _delete_current(self) -> None:
        if self._current is None or not self._current.editable:
            return
        answer = QMessageBox.question(self, self.tr("Delete"), self.tr("Delete your item “{title}”?").format(
            title=self._current.row.title))
        if answer == QMessageBox.StandardButton.Yes:
            self._track(self.engine.delete_bank_item(self._current.row.slug))

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import questions"), "",
                                              self.tr("Questions (*.json *.jsonl *.csv *.jsonl.gz)"))
        if path:
            self.import_path(path)

    def import_path(self, path: str) -> None:
        """Import a file in the background, with progress; a LeetCodeDataset release reports what it skipped."""
        self.count.setText(self.tr("Importing…"))
        self.import_button.setEnabled(False)
        self.import_progress.setRange(0, 0)
        self.import_progress.setVisible(True)
        self.cancel_import.setVisible(True)
        self._import_request = self._track(self.engine.import_bank_file(path))

    def _on_progress(self, request_id: int, done: int, total: int) -> None:
        if request_id == self._import_request and total > 0:
            self.import_progress.setRange(0, total)
            self.import_progress.setValue(done)
            self.count.setText(self.tr("Checking {done} of {total}…").format(done=done, total=total))

    def _cancel_import(self) -> None:
        if self._import_request is not None:
            self.engine.cancel(self._import_request)
            self.count.setText(self.tr("Cancelling: nothing will be added…"))

    def _import_done(self) -> None:
        self._import_request = None
        self.import_button.setEnabled(True)
        self.import_progress.setVisible(False)
        self.cancel_import.setVisible(False)

    def _report_import(self, result: object) -> None:
        added = int(getattr(result, "added", 0))
        skipped = [str(s) for s in getattr(result, "skipped", ())]
        if not skipped:
            return
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Import finished"),
                          self.tr("Added {added} problems; {skipped} records were left out.").format(
                              added=added, skipped=len(skipped)), QMessageBox.StandardButton.Ok, self)
        box.setDetailedText("\n".join(skipped))
        box.exec()

    def _answered(self, request_id: int) -> bool:
        """Whether this dialog waited for the request (it no longer does)."""
        if request_id not in self._pending:
            return False
        self._pending.discard(RequestId(request_id))
        if request_id == self._import_request:
            self._import_done()
        return True

    def _on_finished(self, request_id: int, result: object) -> None:
        if not self._answered(request_id):
            return
        if isinstance(result, BankItems):
            self._show_rows(result.rows)
        elif isinstance(result, BankItemLoaded):
            self._show_item(result.details)
        elif isinstance(result, BankImported):
            self.refresh()
            self._report_import(result.result)
        elif isinstance(result, BankItemDeleted):
            self.refresh()

    def _on_failed(self, request_id: int, message: str) -> None:
        if self._answered(request_id):
            QMessageBox.warning(self, self.tr("Question bank"), message)
            self.count.setText("")

    def _on_cancelled(self, request_id: int) -> None:
        was_import = request_id == self._import_request
        if self._answered(request_id) and was_import:
            self.count.setText(self.tr("Import cancelled: the bank is unchanged."))

    def _show_item(self, item: ItemDetails) -> None:
        self._current = item
        self.details.setMarkdown(item.prompt)
        self.edit_button.setEnabled(item.editable)
        self.delete_button.setEnabled(item.editable)
        self.practise_button.setEnabled(True)

    def _show_rows(self, rows: list[ItemRow]) -> None:
        self._rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate((row.title, row.kind, row.difficulty, row.source)):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.count.setText(self.tr("{count} items").format(count=len(rows)))
        self.edit_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.practise_button.setEnabled(False)
