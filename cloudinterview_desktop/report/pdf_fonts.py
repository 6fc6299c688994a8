"""Fonts for the PDF: a TrueType family with wide coverage, embedded, plus fallbacks for what it lacks (CJK,
emoji), chosen per character. ReportLab embeds TrueType outlines only, so CFF fonts such as Noto CJK are skipped.
Without any TrueType font the standard PDF fonts are used and characters outside Latin-1 print as "?".

What no font could draw is told in the app's log (and to the caller) only when a report actually contains such
characters; the report itself never carries a note about the machine's fonts."""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from cloudinterview_desktop.resources import package_path

log = logging.getLogger(__name__)

# (regular, bold) pairs, best first: DejaVu (Debian: fonts-dejavu-core), then what Windows and macOS ship.
SANS = (("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"), ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
        ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"), ("arial.ttf", "arialbd.ttf"),
        ("Arial.ttf", "Arial Bold.ttf"))
MONO = ("DejaVuSansMono.ttf", "NotoSansMono-Regular.ttf", "LiberationMono-Regular.ttf", "consola.ttf",
        "cour.ttf", "Courier New.ttf")
# Tried in this order for characters the main fonts lack. TrueType outlines only (see the module docstring).
FALLBACKS = ("DroidSansFallbackFull.ttf", "DroidSansFallback.ttf", "wqy-microhei.ttc", "wqy-zenhei.ttc",
             "NanumGothic.ttf", "UnDotum.ttf", "msyh.ttc", "malgun.ttf", "simsun.ttc", "Arial Unicode.ttf",
             "Symbola.ttf", "Symbola_hint.ttf", "seguisym.ttf", "seguiemj.ttf", "DejaVuSans.ttf")
_FONT_EXTENSIONS = (".ttf", ".ttc")
# Invisible format characters: variation selectors, joiners, bidi controls. Drawn alone they show as boxes.
_DROP = frozenset([0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFE0E, 0xFE0F, 0xFEFF, 0x00AD,
                   *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_LATIN1_SAFE = frozenset(range(0x20, 0x7F)) | frozenset(range(0xA0, 0x100)) | {0x0A}
# The characters drawn while a report is laid out (FontSet.collect), to tell which missing fonts it needed.
_drawn: ContextVar[set[str] | None] = ContextVar("cloudinterview_pdf_drawn", default=None)

_NO_TRUETYPE = ("No TrueType font was found (install fonts-dejavu-core): the standard PDF fonts were used and "
                "characters outside Latin-1 print as \u201c?\u201d.")
_HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF))
_CJK = ((0x2E80, 0x2FDF), (0x3000, 0x312F), (0x3190, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF),
        (0x20000, 0x3FFFF))
_EMOJI = ((0x2600, 0x27BF), (0x1F000, 0x1FAFF))
# (what the characters are, the note for the log): checked in this order, each missing character counted once.
_GAPS = (
    (_HANGUL, "No TrueType Hangul font was found (install fonts-nanum or fonts-unfonts-core): Korean characters "
              "print as boxes."),
    (_CJK, "No TrueType CJK font was found (install fonts-droid-fallback or fonts-wqy-microhei): Chinese, "
           "Japanese and Korean characters print as boxes."),
    (_EMOJI, "No emoji font with TrueType outlines was found (install fonts-symbola): emoji print as boxes."),
)


def _in(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code <= high for low, high in ranges)


def font_dirs() -> list[Path]:
    home = Path.home()
    dirs = [package_path("report", "fonts"), Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
            home / ".local/share/fonts", home / ".fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts"),
            home / "Library/Fonts"]
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", "C:/Windows"))
        dirs += [windir / "Fonts", Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft/Windows/Fonts"]
    return [d for d in dirs if d.is_dir()]


def _walk(dirs: Iterable[Path]) -> Iterator[Path]:
    for root in dirs:
        for folder, _subdirs, files in os.walk(root):
            for name in files:
                if name.lower().endswith(_FONT_EXTENSIONS):
                    yield Path(folder) / name


@dataclass(frozen=True)
class FontSet:
    sans: str
    bold: str
    mono: str
    coverage: dict[str, frozenset[int]] = field(default_factory=dict)  # registered name -> code points it has
    fallbacks: tuple[str, ...] = ()
    embedded: bool = True
    files: dict[str, str] = field(default_factory=dict)  # registered name -> file, for the report's colophon

    def covered(self, char: str) -> bool:
        code = ord(char)
        if code in _DROP or code < 0x7F:
            return True
        if not self.embedded:
            return code in _LATIN1_SAFE
        return any(code in cover for cover in self.coverage.values())

    def missing_notes(self, chars: Iterable[str]) -> list[str]:
        """What to install for the characters no font here draws: one note per kind, only for kinds present."""
        missing = sorted({c for c in chars if not self.covered(c)})
        if not missing:
            return []
        if not self.embedded:
            return [_NO_TRUETYPE]
        notes = []
        rest = set(missing)
        for ranges, note in _GAPS:
            hit = {c for c in rest if _in(ord(c), ranges)}
            if hit:
                notes.append(note)
                rest -= hit
        if rest:
            sample = ", ".join(f"U+{ord(c):04X}" for c in sorted(rest)[:5])
            notes.append(f"No font here draws {len(rest)} of the characters ({sample}): they print as boxes.")
        return notes

    @contextmanager
    def collect(self) -> Iterator[set[str]]:
        """Records every character laid out with these fonts in this thread until the block ends."""
        drawn: set[str] = set()
        token = _drawn.set(drawn)
        try:
            yield drawn
        finally:
            _drawn.reset(token)

    def font_for(self, char: str, primary: str) -> str:
        """The font that draws `char`: the primary when it can, else the first fallback that can, else the primary
        (which draws its "missing glyph" box)."""
        code = ord(char)
        if code in self.coverage.get(primary, ()):
            return primary
        for name in self.fallbacks:
            if code in self.coverage[name]:
                return name
        return primary

    def runs(self, text: str, primary: str) -> list[tuple[str, str]]:
        """`text` as (font, piece) runs; invisible format characters dropped; without embedded fonts, what
        Latin-1 lacks becomes "?"."""
        out: list[tuple[str, str]] = []
        current, piece = primary, []
        drawn = _drawn.get()
        if drawn is not None:
            drawn.update(text)
        for char in text:
            code = ord(char)
            if code in _DROP:
                continue
            if not self.embedded:
                out_char = char if code in _LATIN1_SAFE else "?"
                piece.append(out_char)
                continue
            font = self.font_for(char, primary) if code > 0x7E else primary
            if font != current and piece:
                out.append((current, "".join(piece)))
                piece = []
            current = font
            piece.append(char)
        if piece:
            out.append((current, "".join(piece)))
        return out

    def width(self, text: str, primary: str, size: float) -> float:
        return float(sum(pdfmetrics.stringWidth(piece, font, size) for font, piece in self.runs(text, primary)))


_lock = threading.Lock()
_ASTRAL_ENTRY = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


def _utf16(code: int) -> str:
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def _fix_astral_to_unicode() -> None:
    """ReportLab writes characters beyond U+FFFF (emoji) into the ToUnicode map as five hex digits where PDF wants
    UTF-16 (a surrogate pair), so copying an emoji out of the PDF gives wrong characters. Wrap its helper to write
    the pair; a ReportLab that already does so is left alone."""
    original = ttfonts.makeToUnicodeCMap
    if "<1F600>" not in original("probe", [0x1F600]):
        return

    def fixed(fontname: str, subset: list[int]) -> str:
        return _ASTRAL_ENTRY.sub(lambda m: f"<{m[1]}> <{_utf16(int(m[2], 16))}>", original(fontname, subset))

    ttfonts.makeToUnicodeCMap = fixed


def _register(name: str, path: Path) -> frozenset[int] | None:
    try:
        font = TTFont(name, str(path), subfontIndex=0) if path.suffix.lower() == ".ttc" else TTFont(name, str(path))
    except (TTFError, OSError, ValueError) as exc:  # CFF outlines, damaged files
        log.info("font %s not usable: %s", path, exc)
        return None
    pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


@cache
def load_fonts() -> FontSet:
    """Find and register the fonts once per process (ReportLab's font registry is itself process-wide)."""
    with _lock:
        _fix_astral_to_unicode()
        found: dict[str, Path] = {}
        for path in _walk(font_dirs()):
            found.setdefault(path.name, path)
        coverage: dict[str, frozenset[int]] = {}
        files: dict[str, str] = {}

        def take(name: str, filename: str) -> bool:
            path = found.get(filename)
            if path is None:
                return False
            cover = _register(name, path)
            if cover is None:
                return False
            coverage[name], files[name] = cover, str(path)
            return True

        sans_pair = next(((r, b) for r, b in SANS if r in found), None)
        if sans_pair is None or not take("CI-Sans", sans_pair[0]):
            log.warning("no TrueType font found for reports: using the standard PDF fonts (Latin-1 only)")
            return FontSet("Helvetica", "Helvetica-Bold", "Courier", embedded=False)
        bold = "CI-Sans-Bold" if take("CI-Sans-Bold", sans_pair[1]) else "CI-Sans"
        mono = next(("CI-Mono" for f in MONO if take("CI-Mono", f)), "CI-Sans")
        fallbacks = tuple(f"CI-Fallback-{n}" for n, f in enumerate(FALLBACKS)
                          if f != sans_pair[0] and take(f"CI-Fallback-{n}", f))
        pdfmetrics.registerFontFamily("CI-Sans", normal="CI-Sans", bold=bold, italic="CI-Sans", boldItalic=bold)
        return FontSet("CI-Sans", bold, mono, coverage, fallbacks, True, files)
