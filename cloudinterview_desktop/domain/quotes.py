"""Checking that a quote a model gives really occurs in the candidate's text (small models invent quotes)."""

from __future__ import annotations

import difflib
import re
import unicodedata

MIN_QUOTE_CHARS = 4  # shorter "quotes" ("I", "the") match anything and prove nothing
# A paraphrased quote is anchored to the answer's own words when this much of it appears there verbatim.
ANCHOR_MIN_WORDS = 4
ANCHOR_MIN_SHARE = 0.6
_WORD = re.compile(r"\S+")
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


_STOPWORDS = frozenset({
    "about", "after", "also", "another", "because", "before", "being", "both", "could", "does", "each",
    "from", "have", "into", "just", "like", "many", "more", "most", "much", "only", "other", "over", "same",
    "should", "some", "such", "than", "that", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "under", "uses", "using", "very", "what", "when", "where", "which", "while", "will",
    "with", "would", "your",
})


_SUFFIXES = ("ations", "ation", "ings", "ing", "ed", "es", "s", "ly")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:6]


def content_stems(text: str) -> set[str]:
    """Crude stems (suffix cut, first six letters) of a text's words of four letters or more, minus common words:
    "crashes" and "crash" meet, "transfer" and "transaction" do not."""
    words = re.findall(r"[a-z][a-z-]{3,}", normalise(text))
    return {_stem(w) for w in words if w not in _STOPWORDS}


def relates_to(quote: str, point: str) -> bool:
    """Whether a quote shares a content word with the point it is said to show: a real quote of the wrong sentence
    is still no evidence for that point."""
    return bool(content_stems(quote) & content_stems(point))


def _word_key(word: str) -> str:
    return normalise(word).strip(_EDGE)


def anchor_quote(quote: str, source: str) -> str:
    """The longest run of the source's own words that a paraphrased quote repeats, when it is most of the quote;
    else "". What comes back is the candidate's text, never the model's."""
    quote_words = [k for k in (_word_key(w) for w in quote.split()) if k]
    spans = [(m.start(), m.end()) for m in _WORD.finditer(source)]
    source_words = [_word_key(source[a:b]) for a, b in spans]
    if len(quote_words) < ANCHOR_MIN_WORDS or not source_words:
        return ""
    matcher = difflib.SequenceMatcher(None, quote_words, source_words, autojunk=False)
    match = matcher.find_longest_match(0, len(quote_words), 0, len(source_words))
    if match.size < ANCHOR_MIN_WORDS or match.size < ANCHOR_MIN_SHARE * len(quote_words):
        return ""
    start, end = spans[match.b][0], spans[match.b + match.size - 1][1]
    return source[start:end].strip(_EDGE)


class QuoteChecker:
    """Verifies quotes against one source text: exact quotes pass, paraphrases that mostly repeat the source are
    replaced by the source's own words (anchored), and the rest are remembered as fabricated."""

    def __init__(self, source: str, what: str = "the answer") -> None:
        self.source = source
        self.what = what
        self.fabricated: list[str] = []
        self.anchored: list[tuple[str, str]] = []  # (what the model wrote, the source's words used instead)

    def check(self, quote: str) -> str:
        """The verified quote; "" when there is none (an empty quote is simply no evidence)."""
        quote = quote.strip()
        if not quote:
            return ""
        if quote_occurs(quote, self.source):
            return quote
        anchored = anchor_quote(quote, self.source)
        if anchored:
            self.anchored.append((quote, anchored))
            return anchored
        self.fabricated.append(quote)
        return ""
