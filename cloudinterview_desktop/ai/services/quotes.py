"""Checking that a quote a model gives really occurs in the candidate's text (small models invent quotes)."""

from __future__ import annotations

import re
import unicodedata

MIN_QUOTE_CHARS = 4  # shorter "quotes" ("I", "the") match anything and prove nothing
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…|\[\.\.\.\])\s*")
_SPACE = re.compile(r"\s+")
_EDGE = " \t\n\"'`“”‘’«».,;:!?-–—()[]"
_TRANSLATE = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE).casefold()
    return _SPACE.sub(" ", text).strip()


def quote_fragments(quote: str) -> list[str]:
    """The pieces of a quote that must appear, in order: models mark omissions with an ellipsis."""
    pieces = [normalise(p).strip(_EDGE) for p in _ELLIPSIS.split(quote)]
    return [p for p in pieces if p]


def quote_occurs(quote: str, source: str) -> bool:
    fragments = quote_fragments(quote)
    if not fragments or sum(len(f) for f in fragments) < MIN_QUOTE_CHARS:
        return False
    haystack = normalise(source)
    position = 0
    for fragment in fragments:
        found = haystack.find(fragment, position)
        if found < 0:
            return False
        position = found + len(fragment)
    return True


class QuoteChecker:
    """Verifies quotes against one source text and remembers the ones that were not found."""

    def __init__(self, source: str, what: str = "the answer") -> None:
        self.source = source
        self.what = what
        self.fabricated: list[str] = []

    def check(self, quote: str) -> str:
        """The quote when it occurs in the source; "" otherwise (an empty quote is simply no evidence)."""
        quote = quote.strip()
        if not quote:
            return ""
        if quote_occurs(quote, self.source):
            return quote
        self.fabricated.append(quote)
        return ""
