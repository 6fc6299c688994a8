"""Writing a report file in one of the registered formats; the format follows the file name unless it is given."""

from __future__ import annotations

import importlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cloudinterview_desktop.domain.errors import CloudInterviewError
from cloudinterview_desktop.report.content import ReportInput


@dataclass(frozen=True)
class ReportFormat:
    """One way to save a report: its key, its name in menus, the file extensions it is recognised by (the first is
    the one it is saved with) and its renderer, imported only when a report in that format is written."""

    key: str
    title: str
    extensions: tuple[str, ...]
    module: str  # cloudinterview_desktop.report.<module>
    function: str  # (ReportInput) -> bytes or str

    def render(self, data: ReportInput) -> bytes:
        module = importlib.import_module(f"cloudinterview_desktop.report.{self.module}")
        renderer: Callable[[ReportInput], bytes | str] = getattr(module, self.function)
        rendered = renderer(data)
        return rendered.encode("utf-8") if isinstance(rendered, str) else rendered


# The one list of report formats: the CLI's --format, file-name suffixes and the window's export buttons read it.
REPORT_FORMATS: tuple[ReportFormat, ...] = (
    ReportFormat("pdf", "PDF", (".pdf",), "pdf_export", "render_pdf"),  # ReportLab loads only for PDFs
    ReportFormat("md", "Markdown", (".md", ".markdown"), "markdown_export", "render_markdown"),
    ReportFormat("json", "JSON", (".json",), "json_export", "render_json"),
)
BY_KEY: dict[str, ReportFormat] = {f.key: f for f in REPORT_FORMATS}
FORMATS: dict[str, str] = {ext: f.key for f in REPORT_FORMATS for ext in f.extensions}
EXTENSIONS: dict[str, str] = {f.key: f.extensions[0] for f in REPORT_FORMATS}


class ReportError(CloudInterviewError):
    """A report that cannot be written: an unknown format, or a file that cannot be saved."""


def _known() -> str:
    return ", ".join(f.key for f in REPORT_FORMATS)


def format_for(path: Path, explicit: str | None = None) -> str:
    if explicit:
        if explicit not in BY_KEY:
            raise ReportError(f"unknown report format {explicit!r}: use {_known()}")
        return explicit
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        names = ", ".join(f.extensions[0] for f in REPORT_FORMATS)
        raise ReportError(f"cannot tell the report format from {path.name!r}: name the file {names}, "
                          "or pass --format") from None


def render(data: ReportInput, fmt: str) -> bytes:
    if fmt not in BY_KEY:
        raise ReportError(f"unknown report format {fmt!r}: use {_known()}")
    return BY_KEY[fmt].render(data)


def write_report(data: ReportInput, path: Path, fmt: str | None = None) -> Path:
    """Render and save atomically (a temporary file renamed over the target), so a failed export leaves no
    half-written file behind."""
    chosen = format_for(path, fmt)
    content = render(data, chosen)
    path = path.expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".report-", suffix=path.suffix, dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
    except OSError as exc:
        raise ReportError(f"could not save the report to {path}: {exc.strerror or exc}") from exc
    return path
