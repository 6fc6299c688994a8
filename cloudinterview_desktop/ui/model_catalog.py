"""The catalog of bigger models, as a table people know from model apps: size, memory needed, whether it fits this
computer, licence, whether its checksum is known, and a one-click Download per model."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QPushButton, QTableWidget, QTableWidgetItem, QWidget

from cloudinterview_desktop.ai.models.catalog import CatalogEntry
from cloudinterview_desktop.ai.models.fit import FitEstimate, ModelShape, estimate_fit, fit_badge
from cloudinterview_desktop.ui.i18n import QT_TRANSLATE_NOOP

GB = 1_000_000_000
GIB = 1024**3
BADGE_COLOURS = {"fits": "#2e8b57", "tight": "#c98a00", "too big": "#c0392b", "unknown": "#7f8c8d"}
COLUMNS = [QT_TRANSLATE_NOOP("CatalogTable", "Model"), QT_TRANSLATE_NOOP("CatalogTable", "Download"),
           QT_TRANSLATE_NOOP("CatalogTable", "Memory needed"), QT_TRANSLATE_NOOP("CatalogTable", "This computer"),
           QT_TRANSLATE_NOOP("CatalogTable", "Licence"), QT_TRANSLATE_NOOP("CatalogTable", "Checksum"), ""]
BADGE_LABELS = {"fits": QT_TRANSLATE_NOOP("CatalogTable", "fits"), "tight": QT_TRANSLATE_NOOP("CatalogTable", "tight"),
                "too big": QT_TRANSLATE_NOOP("CatalogTable", "too big"),
                "unknown": QT_TRANSLATE_NOOP("CatalogTable", "unknown")}


def catalog_fit(entry: CatalogEntry) -> FitEstimate:
    return estimate_fit(ModelShape.guess(int(entry.approx_size_gb * GB), entry.parameters_b), 4096)


class CatalogTable(QTableWidget):
    download_requested = Signal(object)  # CatalogEntry

    def __init__(self, entries: list[CatalogEntry], installed: Callable[[str], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(len(entries), len(COLUMNS), parent)
        self.setAccessibleName(self.tr("Recommended models"))
        self.setHorizontalHeaderLabels([QCoreApplication.translate("CatalogTable", t) if t else "" for t in COLUMNS])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.entries = entries
        self.buttons: list[QPushButton] = []
        for row, entry in enumerate(entries):
            estimate = catalog_fit(entry)
            badge = fit_badge(estimate)
            cells = [entry.title, self.tr("{size:.1f} GB").format(size=entry.approx_size_gb),
                     self.tr("about {ram:.1f} GiB").format(ram=estimate.ram_needed / GIB),
                     QCoreApplication.translate("CatalogTable", BADGE_LABELS.get(badge, badge)), entry.licence,
                     self.tr("published") if entry.sha256 else self.tr("unverified")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setForeground(QColor(BADGE_COLOURS[badge]))
                    item.setToolTip(" ".join(estimate.notes))
                if column == 5 and not entry.sha256:
                    item.setToolTip(self.tr("No checksum is published for this file: the download cannot be "
                                            "verified against it, and the model is listed as unverified."))
                if column == 0 and entry.notes:
                    item.setToolTip(entry.notes)
                self.setItem(row, column, item)
            have = installed(entry.name)
            button = QPushButton(self.tr("Installed") if have else self.tr("Download") if entry.sha256
                                 else self.tr("Download (unverified)"))
            button.setEnabled(not have)
            button.setAccessibleName(self.tr("Download {name}").format(name=entry.title))
            button.clicked.connect(lambda _checked=False, e=entry: self.download_requested.emit(e))
            self.setCellWidget(row, len(COLUMNS) - 1, button)
            self.buttons.append(button)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def set_busy(self, busy: bool) -> None:
        for button in self.buttons:
            if button.text() != self.tr("Installed"):
                button.setEnabled(not busy)
