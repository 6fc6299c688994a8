"""One window per data folder: a second launch hands its files to the running window and brings it to the front.

The first launch holds a QLockFile in the data folder and listens on a QLocalServer named after that folder; a later
launch finds the lock held, connects, sends its arguments as one JSON line and exits. A lock left by a crashed window
is stale (its process is gone) and is taken over."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
CONNECT_MS = 3000


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"cloudinterview-{digest}"


class SingleInstance(QObject):
    activated = Signal(list)  # the files a later launch asked to open (possibly none)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        (data_dir / ".running").mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(data_dir / ".running" / "window.lock"))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, however long it has run
        self._server: QLocalServer | None = None

    def become_primary(self) -> bool:
        """True when this is the only window on the data folder (it then listens for later launches)."""
        if not self._lock.tryLock(0):
            return False
        QLocalServer.removeServer(self.name)  # a socket left by a crashed window
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("cannot listen for later launches on %s: %s", self.name, server.errorString())
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def hand_over(self, files: list[str]) -> bool:
        """Send `files` to the running window; False when it cannot be reached."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write((json.dumps({"files": files}) + "\n").encode())
        socket.flush()
        socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        return True

    def _accept(self) -> None:
        assert self._server is not None
        socket = self._server.nextPendingConnection()
        if socket is None:
            return

        def read() -> None:
            if not socket.canReadLine():
                return
            line = bytes(socket.readLine().data()).decode("utf-8", "replace")
            socket.readyRead.disconnect(read)
            socket.abort()
            socket.deleteLater()
            try:
                files = [str(f) for f in json.loads(line).get("files", [])][:16]
            except (ValueError, AttributeError):
                files = []
            self.activated.emit(files)

        socket.readyRead.connect(read)
        read()  # the line may have arrived with the connection

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()
