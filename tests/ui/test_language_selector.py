"""The coding panel's language selector and the editor's Monaco ids come from the language registry."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from cloudinterview_desktop.domain.languages import LANGUAGE_SPECS
from cloudinterview_desktop.ui.code_editor import monaco_language
from cloudinterview_desktop.ui.coding_panel import CodingPanel


def test_the_selector_offers_every_registered_language(qtbot: QtBot) -> None:
    panel = CodingPanel(use_monaco=False)
    qtbot.addWidget(panel)
    offered = [(panel.language.itemData(i), panel.language.itemText(i)) for i in range(panel.language.count())]
    assert offered == [(spec.key, spec.display_name) for spec in LANGUAGE_SPECS]
    for spec in LANGUAGE_SPECS:
        panel.load_code("x", spec.key)
        assert panel.current_language() == spec.key
        assert monaco_language(spec.key) == spec.monaco_id
    assert monaco_language("rust") == "rust"
