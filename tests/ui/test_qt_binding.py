"""Guards the Qt binding's version: PySide6 6.12.0 dropped a reference to `True` on every Signal.emit(), which
killed the process ('deallocating True') after a few thousand signals, e.g. one streamed reply too many."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal(int)


def test_emitting_signals_keeps_reference_counts(qapp: object) -> None:
    emitter = _Emitter()
    received: list[int] = []
    emitter.ping.connect(received.append)
    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for n in range(20_000):
        emitter.ping.emit(n)
    assert len(received) == 20_000
    # Other threads may take or drop a few references meanwhile; a leak per emit would show as -20000.
    assert sys.getrefcount(True) - before_true > -100
    assert sys.getrefcount(None) - before_none > -100
