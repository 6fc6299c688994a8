"""The language registry (domain/languages.py) is the one list: the judge, the schema, the editor, the report,
the CLI and scripts/system-deps.sh all agree with it, so that a new language is one entry and one judge module."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest
from pygments.lexers import get_lexer_by_name

from cloudinterview_desktop.bank.item_format import parse_item
from cloudinterview_desktop.cli.main import build_parser
from cloudinterview_desktop.domain.errors import ProblemFormatError
from cloudinterview_desktop.domain.judging import LANGUAGES as JUDGING_LANGUAGES
from cloudinterview_desktop.domain.languages import LANGUAGE_SPECS, LANGUAGES, language_spec, spec_for_file
from cloudinterview_desktop.judge.errors import UnknownLanguage
from cloudinterview_desktop.judge.languages import IMPLEMENTATIONS, all_languages, language_for_file, language_named
from cloudinterview_desktop.report.pdf_code import _lexer

REPO = Path(__file__).resolve().parents[2]


def test_keys_aliases_and_extensions_are_unique() -> None:
    names = [name for spec in LANGUAGE_SPECS for name in (spec.key, *spec.aliases)]
    assert len(names) == len(set(names)) and all(name == name.lower() for name in names)
    suffixes = [suffix for spec in LANGUAGE_SPECS for suffix in spec.extensions]
    assert len(suffixes) == len(set(suffixes)) and all(s.startswith(".") for s in suffixes)
    assert JUDGING_LANGUAGES == LANGUAGES == tuple(spec.key for spec in LANGUAGE_SPECS)


def test_every_entry_has_exactly_one_judge_implementation() -> None:
    names = [cls().name for cls in IMPLEMENTATIONS]
    assert sorted(names) == sorted(LANGUAGES), "judge/languages/__init__.py IMPLEMENTATIONS and the registry differ"
    assert list(all_languages()) == list(LANGUAGES)
    for spec in LANGUAGE_SPECS:
        language = language_named(spec.key)
        assert language.extensions == spec.extensions, spec.key
        for alias in spec.aliases:
            assert language_named(alias.upper()).name == spec.key
        for suffix in spec.extensions:
            assert language_for_file(f"Solution{suffix}").name == spec.key
            assert spec_for_file(f"x{suffix.upper()}") == spec


def test_unknown_names_are_refused_with_the_registry_listed() -> None:
    assert language_spec("cobol") is None and spec_for_file("a.rb") is None
    with pytest.raises(UnknownLanguage, match=", ".join(LANGUAGES)):
        language_named("cobol")


def test_system_deps_installs_every_toolchain() -> None:
    script = (REPO / "scripts" / "system-deps.sh").read_text(encoding="utf-8")
    block = script.split("PACKAGES=(", 1)[1].split("\n)", 1)[0]
    listed = {name for line in block.splitlines() for word in line.split("#")[0].split()
              for name in word.strip('"').split("|")}
    for spec in LANGUAGE_SPECS:
        for package in spec.debian_packages:
            assert package in listed, f"{spec.key}: {package} is missing from scripts/system-deps.sh"


def test_the_editor_and_the_report_know_every_language() -> None:
    import qtmonaco  # its bundled Monaco lists the languages it highlights

    core = Path(qtmonaco.__file__).parent / "js_build" / "assets" / "monaco-core.js"
    ids = set(re.findall(r'id:"([\w+#-]+)",extensions', core.read_text(encoding="utf-8"))) if core.exists() else set()
    for spec in LANGUAGE_SPECS:
        if ids:
            assert spec.monaco_id in ids, f"Monaco has no language {spec.monaco_id!r}"
        assert get_lexer_by_name(spec.fence).name  # raises when Pygments has no such lexer
        for name in (spec.key, *spec.aliases):
            assert type(_lexer(name)) is type(get_lexer_by_name(spec.fence)), name
    assert ids, "qtmonaco's language list was not found"


def test_the_schema_takes_its_starter_keys_from_the_registry() -> None:
    raw = json.loads((REPO / "resources" / "bank" / "coding" / "two-sum.json").read_text(encoding="utf-8"))
    parse_item({**raw, "starter": {key: "code\n" for key in LANGUAGES}})
    with pytest.raises(ProblemFormatError, match="starter"):
        parse_item({**raw, "starter": {"cobol": "code\n"}})


def _choices(parser: argparse.ArgumentParser, command: str, option: str) -> list[str] | None:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    action = next(a for a in sub.choices[command]._actions if option in a.option_strings)
    return list(action.choices) if action.choices is not None else None


def test_the_cli_offers_every_language() -> None:
    parser = build_parser()
    assert _choices(parser, "interview", "--language") == list(LANGUAGES)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    judge_help = next(a for a in sub.choices["judge"]._actions if "--language" in a.option_strings).help or ""
    assert all(key in judge_help for key in LANGUAGES)
