"""The judge's languages: one module each, registered here by name and by file extension."""

from __future__ import annotations

from cloudinterview_desktop.domain.judging import LANGUAGES
from cloudinterview_desktop.judge.errors import UnknownLanguage
from cloudinterview_desktop.judge.languages.base import Language
from cloudinterview_desktop.judge.languages.cpp import Cpp
from cloudinterview_desktop.judge.languages.java import Java
from cloudinterview_desktop.judge.languages.javascript import JavaScript
from cloudinterview_desktop.judge.languages.python import Python

ALIASES = {"py": "python", "python3": "python", "js": "javascript", "node": "javascript", "c++": "cpp",
           "cxx": "cpp"}


def all_languages() -> dict[str, Language]:
    return {"python": Python(), "javascript": JavaScript(), "cpp": Cpp(), "java": Java()}


def language_named(name: str) -> Language:
    key = ALIASES.get(name.lower(), name.lower())
    languages = all_languages()
    if key not in languages:
        raise UnknownLanguage(name, LANGUAGES)
    return languages[key]


def language_for_file(filename: str) -> Language:
    """The language a solution file is written in, from its extension."""
    suffix = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    for language in all_languages().values():
        if suffix in language.extensions:
            return language
    raise UnknownLanguage(suffix or filename, LANGUAGES)
