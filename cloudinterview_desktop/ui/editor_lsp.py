"""The Python language server behind the Monaco editor: started from the right interpreter, stopped with the window.

qtmonaco starts `sys.executable -m pylsp` on its own, which in a frozen app would start the app itself. We hand
qtmonaco our own host function instead: a server we own in a source install, and none in a frozen one (completion
and diagnostics are then off; editing, highlighting and the judge work the same)."""

from __future__ import annotations

import importlib.util
import logging
import socket
import subprocess
import sys

log = logging.getLogger(__name__)

# A port nothing listens on: with the server off the editor's language client just fails to connect.
DISABLED_HOST = "localhost:9"


class LanguageServer:
    def __init__(self, enabled: bool = True) -> None:
        frozen = bool(getattr(sys, "frozen", False))
        available = importlib.util.find_spec("pylsp") is not None
        self.enabled = enabled and not frozen and available
        self.reason = ("" if self.enabled else "frozen app" if frozen else "pylsp is not installed" if not available
                       else "turned off")
        self._process: subprocess.Popen[bytes] | None = None
        self._port: int | None = None

    def host(self) -> str:
        if not self.enabled:
            return DISABLED_HOST
        if self._process is None or self._process.poll() is not None:
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
                probe.bind(("127.0.0.1", 0))
                self._port = probe.getsockname()[1]
            self._process = subprocess.Popen(
                [sys.executable, "-m", "pylsp", "--ws", "--port", str(self._port)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            log.info("started pylsp on port %s (pid %s)", self._port, self._process.pid)
        return f"localhost:{self._port}"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def stop(self) -> None:
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=5)
        self._process = None


def install(server: LanguageServer) -> None:
    """Make every Monaco editor ask `server` for its language-server address."""
    import qtmonaco.monaco

    qtmonaco.monaco.get_pylsp_host = server.host
