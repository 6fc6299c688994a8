"""Smoke check run inside a frozen build: Qt WebEngine starts and the bundled Monaco editor initialises.

    QT_QPA_PLATFORM=offscreen dist/cloudinterview/cloudinterview --run-python-harness installer/smoke_webengine.py

(the frozen app runs a script given that way with its own interpreter and bundled modules). Prints
"monaco ok" and exits 0 once the editor reports `initialized` and echoes text back; exits 1 after a timeout.
"""

from __future__ import annotations

import os
import sys

TIMEOUT_MS = 90_000


def main() -> int:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")  # Chromium's sandbox refuses to run as root
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from cloudinterview_desktop.ui import editor_lsp

    app = QApplication(sys.argv[:1])
    server = editor_lsp.LanguageServer()
    editor_lsp.install(server)  # frozen: no language server, as in the app
    from qtmonaco import Monaco

    editor = Monaco()
    result = {"code": 1, "why": f"Monaco did not initialise within {TIMEOUT_MS // 1000} s"}

    def on_initialized() -> None:
        editor.set_text("def two_sum(nums, target):\n    pass\n", language="python")
        QTimer.singleShot(1500, check_text)

    def check_text() -> None:
        text = editor.get_text()
        if "two_sum" in text:
            result.update(code=0, why="monaco ok")
        else:
            result.update(why=f"Monaco initialised but returned {text!r}")
        app.quit()

    editor.initialized.connect(on_initialized)
    editor.resize(800, 600)
    editor.show()
    QTimer.singleShot(TIMEOUT_MS, app.quit)
    app.exec()
    import shiboken6

    editor.close()
    shiboken6.delete(editor)  # the page must go before the application's web profile (Qt warns otherwise)
    print(result["why"], f"(language server: {server.reason or 'on'})")
    return int(result["code"])


if __name__ == "__main__":
    raise SystemExit(main())
