"""`cloudinterview report` run as a real subprocess: formats from the extension or --format, the same bytes from two
separate runs, and a clear error (exit 1) for an unknown session or file type."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from cloudinterview_desktop.app import AppCore
from tests.cli.helpers import cli, cli_json
from tests.report.sessions import abandoned_session, rubric_service, technical_session


def test_report_command_writes_each_format_and_repeats_byte_for_byte(core: AppCore, app_home: Path,
                                                                     tmp_path: Path) -> None:
    session = technical_session(core, rubric_service(core))
    first = cli("report", session.id[:8], "-o", str(tmp_path / "a.pdf"), home=app_home)
    assert first.returncode == 0, first.stderr
    assert f"wrote the pdf report of session {session.id[:8]}" in first.stdout
    again = cli("report", session.id, "-o", str(tmp_path / "b.pdf"), home=app_home)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()  # two processes, same bytes
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "a.pdf").pages)
    assert all(question.title in text for question in session.questions)
    written = cli_json("report", session.id, "-o", str(tmp_path / "notes.txt"), "--format", "md", home=app_home)
    assert written["format"] == "md" and Path(written["path"]).read_text(encoding="utf-8").startswith("# Interview")
    default = cli_json("report", session.id, "--format", "json", home=app_home)
    assert Path(default["path"]) == core.paths.reports_dir / session.id / "report.json"
    assert Path(default["path"]).is_file()


def test_report_of_an_abandoned_session_is_computed_from_what_was_stored(core: AppCore, app_home: Path,
                                                                          tmp_path: Path) -> None:
    session = abandoned_session(core, rubric_service(core))
    written = cli_json("report", session.id, "-o", str(tmp_path / "r.md"), home=app_home)
    assert written["feedback_origin"].startswith("no feedback was stored (the session is abandoned)")
    assert "Q1." in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_unknown_session_and_unknown_format_are_clear_errors(core: AppCore, app_home: Path, tmp_path: Path) -> None:
    missing = cli("report", "does-not-exist", "-o", str(tmp_path / "x.pdf"), home=app_home)
    assert missing.returncode == 1 and "error: no session with id 'does-not-exist'" in missing.stderr
    assert not (tmp_path / "x.pdf").exists()
    session = technical_session(core, rubric_service(core))
    odd = cli("report", session.id, "-o", str(tmp_path / "x.docx"), home=app_home)
    assert odd.returncode == 1 and "cannot tell the report format from 'x.docx'" in odd.stderr
