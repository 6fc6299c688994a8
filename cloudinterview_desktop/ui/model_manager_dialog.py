"""The model manager: the models you have, how well each fits this machine, import, verify, remove, choose, and
download by URL with a checksum, progress and cancel. Long work runs on a background task."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cloudinterview_desktop.ai.models.catalog import CatalogEntry
from cloudinterview_desktop.ai.models.fit import ModelShape, estimate_fit
from cloudinterview_desktop.ai.models.gguf import inspect_gguf
from cloudinterview_desktop.ai.models.manager import ModelManager, VerifyResult
from cloudinterview_desktop.ai.models.registry import ModelEntry
from cloudinterview_desktop.domain.errors import CloudInterviewError
from cloudinterview_desktop.engine.background_task import BackgroundTask
from cloudinterview_desktop.settings import Key, Settings
from cloudinterview_desktop.ui.model_catalog import CatalogTable

GIB = 1024**3


def fit_text(entry: ModelEntry) -> str:
    try:
        estimate = estimate_fit(ModelShape.from_gguf(inspect_gguf(Path(entry.path))), 4096)
    except CloudInterviewError as exc:
        return QCoreApplication.translate("ModelManagerDialog", "Cannot read this model: {error}").format(error=exc)
    fits = {True: QCoreApplication.translate("ModelManagerDialog", "fits"),
            False: QCoreApplication.translate("ModelManagerDialog", "does not fit"),
            None: QCoreApplication.translate("ModelManagerDialog", "unknown fit")}[estimate.fits_ram]
    layers = {-1: QCoreApplication.translate("ModelManagerDialog", "all layers"),
              0: QCoreApplication.translate("ModelManagerDialog", "none")}.get(
        estimate.gpu_layers, QCoreApplication.translate("ModelManagerDialog", "{count} layers").format(
            count=estimate.gpu_layers))
    return (QCoreApplication.translate(
        "ModelManagerDialog", "Needs about {ram:.1f} GiB of RAM with speech recognition and the voice ({fits}); "
        "suggested GPU offload: {layers}. ").format(ram=estimate.ram_needed / GIB, fits=fits, layers=layers)
        + " ".join(estimate.notes))


class ModelManagerDialog(QDialog):
    def __init__(self, manager: ModelManager, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Models"))
        self.resize(980, 560)
        self.manager = manager
        self.settings = settings
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Size"), self.tr("Parameters"),
                                              self.tr("Quantization"), self.tr("Context"), self.tr("Source")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(self.tr("Models"))
        self.fit = QLabel()
        self.fit.setWordWrap(True)
        self.use_button = QPushButton(self.tr("Use this model"))
        self.verify_button = QPushButton(self.tr("Verify"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.import_button = QPushButton(self.tr("Import a GGUF file…"))
        self.catalog = CatalogTable(self.manager.catalog(), self._installed)
        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("https://…/model.gguf"))
        self.url.setAccessibleName(self.tr("Download URL"))
        self.sha256 = QLineEdit()
        self.sha256.setPlaceholderText(self.tr("SHA-256 from the model's download page (required)"))
        self.sha256.setAccessibleName(self.tr("SHA-256 checksum"))
        self.download_button = QPushButton(self.tr("Download"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._task: BackgroundTask | None = None
        self._entries: list[ModelEntry] = []
        self._build()
        self._connect()
        self.refresh()

    def _build(self) -> None:
        row = QHBoxLayout()
        for button in (self.use_button, self.verify_button, self.remove_button, self.import_button):
            row.addWidget(button)
        row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("URL"), self.url)
        form.addRow(self.tr("SHA-256"), self.sha256)
        download = QHBoxLayout()
        download.addWidget(self.progress, 1)
        download.addWidget(self.download_button)
        download.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.fit)
        layout.addLayout(row)
        catalog_note = QLabel(self.tr("<b>Download a bigger model</b> (only when you ask: nothing downloads by "
                                      "itself). Memory needed includes speech recognition and the voice; <i>this "
                                      "computer</i> compares it with the memory free now."))
        catalog_note.setWordWrap(True)  # a longer language or larger text wraps instead of widening the dialog
        layout.addWidget(catalog_note)
        layout.addWidget(self.catalog, 1)
        layout.addWidget(QLabel(self.tr("Another model by its URL:")))
        layout.addLayout(form)
        layout.addLayout(download)
        layout.addWidget(self.status)

    def _connect(self) -> None:
        self.table.currentCellChanged.connect(lambda row, *_: self._select(row))
        self.use_button.clicked.connect(self._use)
        self.verify_button.clicked.connect(self._verify)
        self.remove_button.clicked.connect(self._remove)
        self.import_button.clicked.connect(self._import)
        self.catalog.download_requested.connect(self.download_catalog)
        self.download_button.clicked.connect(self._download)
        self.cancel_button.clicked.connect(lambda: self._task.cancel() if self._task else None)

    def refresh(self) -> None:
        self._entries = self.manager.entries()
        current = str(self.settings.get(Key.LLM_MODEL))
        self.table.setRowCount(len(self._entries))
        for r, e in enumerate(self._entries):
            name = e.name + (self.tr("  (in use)") if e.name == current or (not current and e.embedded) else "")
            values = (name, self.tr("{size:.0f} MB").format(size=e.size / 1024**2),
                      self.tr("{count:.2f} B").format(count=e.parameters / 1e9) if e.parameters else "?",
                      e.quantization, str(e.context_length or "?"),
                      e.source + ("" if e.verified else self.tr(" (unverified)")))
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        if self._entries:
            self.table.setCurrentCell(0, 0)

    def _selected(self) -> ModelEntry | None:
        row = self.table.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _select(self, row: int) -> None:
        entry = self._entries[row] if 0 <= row < len(self._entries) else None
        self.fit.setText(fit_text(entry) if entry else "")
        self.remove_button.setEnabled(entry is not None and not entry.embedded)

    def _use(self) -> None:
        entry = self._selected()
        if entry is not None:
            self.settings.set(Key.LLM_MODEL, "" if entry.embedded else entry.name)
            self.status.setText(self.tr("{name} is now the interviewer's model; it loads and is checked when you "
                                        "close this window.").format(name=entry.name))
            self.refresh()

    def _run(self, label: str, work: Callable[[Callable[[int, int], None], threading.Event], Any],
             done: Callable[[Any], None]) -> None:
        if self._task is not None:
            return
        self.status.setText(label)
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        task = BackgroundTask(work, self)
        task.progress.connect(self._on_progress)
        task.finished.connect(lambda result: self._finish(done, result))
        task.failed.connect(self._failed)
        task.cancelled.connect(self._cancelled)
        self._task = task
        task.start()

    def _finish(self, done: Callable[[Any], None], result: Any) -> None:
        self._task_done()
        done(result)

    def _failed(self, message: str) -> None:
        self._task_done()
        self.status.setText(self.tr("Failed: {error}").format(error=message))

    def _cancelled(self) -> None:
        self._task_done()
        self.status.setText(self.tr("Cancelled; nothing was registered."))

    def _added(self, entry: ModelEntry, verb: str) -> None:
        self.status.setText(self.tr("{done} {name}.").format(done=verb, name=entry.name))
        self.refresh()

    def _verified(self, result: VerifyResult) -> None:
        self.status.setText(self.tr("{name}: OK, checksum matches").format(name=result.name) if result.ok
                            else f"{result.name}: " + "; ".join(result.problems))

    def _task_done(self) -> None:
        self._task = None
        self.catalog.set_busy(False)
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(done * 1000 / total))
        mib = done / 1024**2
        self.status.setText(self.tr("{done:.1f} MB of {total:.1f} MB").format(done=mib, total=total / 1024**2)
                            if total else self.tr("{done:.1f} MB").format(done=mib))

    def _verify(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        self._run(self.tr("Verifying {name}…").format(name=entry.name),
                  lambda progress, _cancel: self.manager.verify(entry.name, progress),
                  self._verified)

    def _remove(self) -> None:
        entry = self._selected()
        if entry is None or entry.embedded:
            return
        answer = QMessageBox.question(self, self.tr("Remove model"), self.tr(
            "Remove {name} from the list and delete its file if it is in the app's models folder?").format(
            name=entry.name))
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self.manager.remove(entry.name)
            except CloudInterviewError as exc:
                self.status.setText(self.tr("Failed: {error}").format(error=exc))
            self.refresh()

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a model"), "", self.tr("GGUF models (*.gguf)"))
        if path:
            self._run(self.tr("Checking and registering {name}…").format(name=Path(path).name),
                      lambda progress, _cancel: self.manager.add(Path(path), progress=progress),
                      lambda entry: self._added(entry, self.tr("Added")))

    def _installed(self, name: str) -> bool:
        return any(e.name == name for e in self.manager.entries())

    def download_catalog(self, entry: CatalogEntry) -> None:
        """One click: the catalog's URL, with its checksum when it publishes one (else unverified, and said so)."""
        self.url.setText(entry.url)
        self.sha256.setText(entry.sha256 or "")
        verb = (self.tr("Downloaded and verified") if entry.sha256
                else self.tr("Downloaded (unverified: no published checksum)"))
        self.catalog.set_busy(True)
        self._run(self.tr("Downloading {name}…").format(name=entry.title),
                  lambda progress, cancel: self.manager.download(entry.name, progress=progress, cancel=cancel,
                                                                 allow_unverified=not entry.sha256),
                  lambda added: self._added(added, verb))

    def _download(self) -> None:
        url, checksum = self.url.text().strip(), self.sha256.text().strip()
        if not url or not checksum:
            self.status.setText(self.tr("Enter the URL and its SHA-256 checksum: a file is only kept if they match."))
            return
        self._run(self.tr("Downloading {name}…").format(name=url),
                  lambda progress, cancel: self.manager.download(url, checksum, progress=progress, cancel=cancel),
                  lambda entry: self._added(entry, self.tr("Downloaded and verified")))
