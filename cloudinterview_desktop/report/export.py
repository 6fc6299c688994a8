"""Writing a report file in one of the three formats; the format follows the file name unless it is given."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cloudinterview_desktop.domain.errors import CloudInterviewError
from cloudinterview_desktop.report.content import ReportInput

FORMATS: dict[str, str] = {".pdf": "pdf", ".md": "md", ".markdown": "md", ".json": "json"}
EXTENSIONS: dict[str, str] = {"pdf": ".pdf", "md": ".md", "json": ".json"}


class ReportError(CloudInterviewError):
    """A report that cannot be written: an unknown format, or a file that cannot be saved."""


def format_for(path: Path, explicit: str | None = None) -> str:
    if explicit:
        if explicit not in EXTENSIONS:
            raise ReportError(f"unknown report format {explicit!r}: use pdf, md or json")
        return explicit
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise ReportError(f"cannot tell the report format from {path.name!r}: name the file .pdf, .md or .json, "
                          "or pass --format") from None


def render(data: ReportInput, fmt: str) -> bytes:
    if fmt == "pdf":
        from cloudinterview_desktop.report.pdf_export import render_pdf  # ReportLab loads only for PDFs

        return render_pdf(data)
    if fmt == "md":
        from cloudinterview_desktop.report.markdown_export import render_markdown

        return render_markdown(data).encode("utf-8")
    if fmt == "json":
        from cloudinterview_desktop.report.json_export import render_json

        return render_json(data).encode("utf-8")
    raise ReportError(f"unknown report format {fmt!r}: use pdf, md or json")


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
