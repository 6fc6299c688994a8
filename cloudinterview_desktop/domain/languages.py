"""The one list of the languages code can be written and judged in, and every fact about each that more than
one part of the app needs: the judge registers one implementation per entry (judge/languages/__init__.py), the
editor takes its Monaco id, the report its highlighting name, the CLI its choices and file extensions, the bank's
schema its starter keys, and `scripts/system-deps.sh` lists its Debian packages (tests check each agrees).

Adding a language: one entry here, one module in judge/languages/ (docs/architecture.md, "How to add a language").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LanguageSpec:
    key: str  # the name everything stores and passes around ("cpp")
    display_name: str  # what the language selector shows (a proper name, the same in every locale)
    aliases: tuple[str, ...]  # other names accepted for it, lower case ("c++")
    extensions: tuple[str, ...]  # a solution file's suffixes, the first the usual one (".cpp")
    monaco_id: str  # the Monaco editor's language id
    fence: str  # the Markdown code-fence / Pygments lexer name
    debian_packages: tuple[str, ...]  # what provides the toolchain on Debian/Ubuntu ("" for the app's own Python)

    @property
    def extension(self) -> str:
        return self.extensions[0]


LANGUAGE_SPECS: tuple[LanguageSpec, ...] = (
    LanguageSpec(key="python", display_name="Python 3", aliases=("py", "python3"), extensions=(".py",),
                 monaco_id="python", fence="python", debian_packages=()),
    LanguageSpec(key="javascript", display_name="JavaScript", aliases=("js", "node"),
                 extensions=(".js", ".mjs", ".cjs"), monaco_id="javascript", fence="javascript",
                 debian_packages=("nodejs",)),
    LanguageSpec(key="cpp", display_name="C++", aliases=("c++", "cxx"), extensions=(".cpp", ".cc", ".cxx", ".c++"),
                 monaco_id="cpp", fence="cpp", debian_packages=("g++",)),
    LanguageSpec(key="java", display_name="Java", aliases=(), extensions=(".java",), monaco_id="java", fence="java",
                 debian_packages=("default-jdk-headless",)),
    LanguageSpec(key="go", display_name="Go", aliases=("golang",), extensions=(".go",), monaco_id="go", fence="go",
                 debian_packages=("golang-go",)),
)

LANGUAGES: tuple[str, ...] = tuple(spec.key for spec in LANGUAGE_SPECS)
_BY_NAME: dict[str, LanguageSpec] = {name: spec for spec in LANGUAGE_SPECS for name in (spec.key, *spec.aliases)}


def language_spec(name: str) -> LanguageSpec | None:
    """The language called `name` (its key or an alias, any case), or None."""
    return _BY_NAME.get(name.strip().lower())


def spec_for_file(filename: str) -> LanguageSpec | None:
    """The language a file is written in, from its extension, or None."""
    suffix = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return next((spec for spec in LANGUAGE_SPECS if suffix in spec.extensions), None)


def display_name(key: str) -> str:
    spec = language_spec(key)
    return spec.display_name if spec is not None else key
