"""The judge's languages: one module each, registered in IMPLEMENTATIONS; names, aliases and file extensions come
from the registry (domain/languages.py), and each registry entry has exactly one implementation here."""

from __future__ import annotations

from cloudinterview_desktop.domain.languages import LANGUAGE_SPECS, LANGUAGES, language_spec, spec_for_file
from cloudinterview_desktop.judge.errors import UnknownLanguage
from cloudinterview_desktop.judge.languages.base import Language
from cloudinterview_desktop.judge.languages.cpp import Cpp
from cloudinterview_desktop.judge.languages.go import Go
from cloudinterview_desktop.judge.languages.java import Java
from cloudinterview_desktop.judge.languages.javascript import JavaScript
from cloudinterview_desktop.judge.languages.python import Python

IMPLEMENTATIONS: tuple[type[Language], ...] = (Python, JavaScript, Cpp, Java, Go)


def all_languages() -> dict[str, Language]:
    """Every language, in the registry's order."""
    made = {language.name: language for language in (cls() for cls in IMPLEMENTATIONS)}
    return {spec.key: made[spec.key] for spec in LANGUAGE_SPECS if spec.key in made}


def language_named(name: str) -> Language:
    spec = language_spec(name)
    languages = all_languages()
    if spec is None or spec.key not in languages:
        raise UnknownLanguage(name, LANGUAGES)
    return languages[spec.key]


def language_for_file(filename: str) -> Language:
    """The language a solution file is written in, from its extension."""
    spec = spec_for_file(filename)
    if spec is None or spec.key not in (languages := all_languages()):
        suffix = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        raise UnknownLanguage(suffix or filename, LANGUAGES)
    return languages[spec.key]
