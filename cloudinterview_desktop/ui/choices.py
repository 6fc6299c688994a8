"""Display names for the interview options shown in combo boxes, marked for translation and translated where shown
(`choice_label`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cloudinterview_desktop.domain.modes import UnknownMode, all_modes, mode_spec
from cloudinterview_desktop.ui.i18n import QT_TRANSLATE_NOOP

JOB_LABELS = {
    "software": QT_TRANSLATE_NOOP("Choices", "Software engineer"),
    "frontend": QT_TRANSLATE_NOOP("Choices", "Frontend engineer"),
    "backend": QT_TRANSLATE_NOOP("Choices", "Backend engineer"),
    "sre": QT_TRANSLATE_NOOP("Choices", "SRE / DevOps"),
    "data_ml": QT_TRANSLATE_NOOP("Choices", "Data / ML engineer"),
    "product": QT_TRANSLATE_NOOP("Choices", "Product manager"),
    "analyst": QT_TRANSLATE_NOOP("Choices", "Data analyst"),
}
SENIORITY_LABELS = {
    "intern": QT_TRANSLATE_NOOP("Choices", "Intern"), "junior": QT_TRANSLATE_NOOP("Choices", "Junior"),
    "mid": QT_TRANSLATE_NOOP("Choices", "Mid-level"), "senior": QT_TRANSLATE_NOOP("Choices", "Senior"),
    "staff": QT_TRANSLATE_NOOP("Choices", "Staff"),
}
# The built-in modes' labels; a mode registered elsewhere is shown by its display name (`mode_label`).
MODE_LABELS = {"technical": QT_TRANSLATE_NOOP("Choices", "Technical (coding + theory)"),
               "behavioral": QT_TRANSLATE_NOOP("Choices", "Behavioral")}
DIFFICULTY_LABELS = {"easy": QT_TRANSLATE_NOOP("Choices", "Easy"), "medium": QT_TRANSLATE_NOOP("Choices", "Medium"),
                     "hard": QT_TRANSLATE_NOOP("Choices", "Hard")}
STYLE_LABELS = {"interviewer": QT_TRANSLATE_NOOP("Choices", "Interviewer (hints cost score)"),
                "tutor": QT_TRANSLATE_NOOP("Choices", "Tutor (explains freely)")}


def choice_label(table: dict[str, str], key: str) -> str:
    """The label of `key` in the interface's language; the key itself when the table has none."""
    return QCoreApplication.translate("Choices", table[key]) if key in table else key


def mode_label(key: str) -> str:
    """An interview mode's label: the built-in ones' translated, another registered mode's display name as given."""
    if key in MODE_LABELS:
        return choice_label(MODE_LABELS, key)
    try:
        return mode_spec(key).display_name
    except UnknownMode:
        return key


def mode_choices() -> dict[str, str]:
    """Every registered interview mode, key to label, in the registry's order: what the mode pickers list."""
    return {spec.key: mode_label(spec.key) for spec in all_modes()}
