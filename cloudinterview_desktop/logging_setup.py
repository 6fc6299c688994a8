"""Logging for the whole app: a rotating log file, faulthandler for hard crashes, a CLI excepthook."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
from types import TracebackType
from typing import IO

from cloudinterview_desktop.paths import AppPaths

_crash_stream: IO[str] | None = None


class QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A log file that cannot be written (a full or read-only disk) must not print tracebacks at the user: the
    handler stops writing after the first failure, and the app goes on."""

    def handleError(self, record: logging.LogRecord) -> None:
        del record
        self.setLevel(logging.CRITICAL + 1)


def setup_logging(paths: AppPaths, level: int = logging.INFO, console: bool = False) -> None:
    global _crash_stream
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_cloudinterview", False):
            root.removeHandler(handler)
    try:
        paths.logs_dir.mkdir(parents=True, exist_ok=True)
        file_handler: logging.Handler = QuietFileHandler(paths.log_file, maxBytes=2_000_000, backupCount=3,
                                                         encoding="utf-8")
    except OSError:
        file_handler = logging.NullHandler()  # the log folder cannot be written; the app still runs
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    file_handler._cloudinterview = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    if console:
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(logging.WARNING)
        stream.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        stream._cloudinterview = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    if _crash_stream is None:
        # A segfault in a native library (llama.cpp, ctranslate2, Qt) leaves its Python stack here.
        try:
            _crash_stream = open(paths.crash_file, "a", encoding="utf-8")  # noqa: SIM115 - lives for the process
        except OSError:
            return
        faulthandler.enable(_crash_stream)


def install_cli_excepthook() -> None:
    """An unexpected error in the CLI: one clear line on stderr, the traceback in the log, exit code 1."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.stderr.write("interrupted\n")
            return
        logging.getLogger("cloudinterview").critical("unhandled error", exc_info=(exc_type, exc, tb))
        sys.stderr.write(f"error: unexpected {exc_type.__name__}: {exc} (details in the log file)\n")

    sys.excepthook = hook
