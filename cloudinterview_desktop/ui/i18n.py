"""The interface's language: a QTranslator for the system locale, or for CLOUDINTERVIEW_LANG (`pseudo` loads the
long, accented pseudo-translation used to find clipped text). English is the source language and needs none."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from cloudinterview_desktop.resources import resource_path

log = logging.getLogger(__name__)

CATALOGUE = "cloudinterview"  # resources/i18n/cloudinterview_<language>.qm
LANGUAGE_VARIABLE = "CLOUDINTERVIEW_LANG"


def catalogue_dir() -> Path:
    return resource_path("i18n")


def _load(app: QCoreApplication, catalogue: str, language: str, folder: str) -> QTranslator | None:
    translator = QTranslator(app)
    if language:
        loaded = translator.load(f"{catalogue}_{language}", folder)
    else:
        loaded = translator.load(QLocale(), catalogue, "_", folder)
    if not loaded:
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator


def install_translator(app: QCoreApplication, language: str | None = None,
                       directory: Path | None = None) -> QTranslator | None:
    """Load and install the compiled catalogue for `language` (default: CLOUDINTERVIEW_LANG, else the system
    locale), and Qt's own for its standard buttons (Save, Cancel...) when Qt ships that language. Returns the app's
    translator, or None when no catalogue matches: the interface then stays in English."""
    wanted = os.environ.get(LANGUAGE_VARIABLE, "") if language is None else language
    folder = str(directory or catalogue_dir())
    translator = _load(app, CATALOGUE, wanted, folder)
    if translator is None:
        if wanted:
            log.warning("no compiled catalogue %s_%s.qm in %s (make translations builds it)", CATALOGUE, wanted,
                        folder)
        return None
    _load(app, "qtbase", wanted, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    log.info("interface language: %s", translator.language() or wanted)
    return translator


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a label kept in a module-level table for the catalogue (pyside6-lupdate looks for this name); it is
    translated where it is shown, with QCoreApplication.translate(context, text). Typed, unlike Qt's own."""
    del context
    return text
