"""Plain-text measurements shared by the answer analysis and the turn contract: sentences, words, stems."""

from __future__ import annotations

import re
from functools import lru_cache

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d)\]]*\s+|\n+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d+(?:[.,]\d+)?%?")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ness", "ings", "ing", "ies", "ied", "ions", "ion", "ers", "er",
             "edly", "ed", "es", "ly", "s")
STEM_CHARS = 5  # words sharing their first five letters after the suffix is cut count as the same word

STOPWORDS = frozenset((
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
    "does", "doing", "done", "down", "during", "each", "either", "else", "even", "ever", "every", "few", "for",
    "from", "further", "get", "got", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his",
    "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "let", "like", "ll", "made",
    "make", "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "now",
    "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "out", "over", "own", "per", "quite",
    "rather", "re", "really", "said", "same", "say", "see", "she", "should", "so", "some", "such", "than", "that",
    "the", "their", "theirs", "them", "then", "there", "these", "they", "thing", "things", "this", "those", "though",
    "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "use", "used", "using", "ve", "very",
    "was", "way", "we", "well", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "why",
    "will", "with", "within", "without", "would", "yes", "yet", "you", "your", "yours", "okay", "ok", "um", "uh",
    "basically", "actually", "something", "someone", "kind", "sort", "lot", "lots", "able", "need", "needs", "want",
    "wants", "go", "going", "gets",
))


def sentences(text: str) -> list[str]:
    """Sentences and lines, stripped, non-empty; list markers removed."""
    parts = (p.strip() for p in _SENTENCE_END.split(text.strip()))
    cleaned = (re.sub(r"^([-*\u2022]|\d+[.)])\s+", "", p) for p in parts if p)
    return [p for p in cleaned if any(c.isalpha() for c in p)]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    w = word.lower().strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in _SUFFIXES:
        if len(w) - len(suffix) >= 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    if len(w) > 3 and w[-1] in "eiy":
        w = w[:-1]  # noise / noisy / noisier, size / sizes
    return w[:STEM_CHARS]


def content_stems(text: str) -> set[str]:
    """The stems of the words that carry meaning (stop words and one-letter words left out)."""
    return {stem(w) for w in words(text) if len(w) > 1 and w.lower() not in STOPWORDS and not w[0].isdigit()}


def overlap(needle: set[str], haystack: set[str]) -> float:
    """Share of `needle`'s stems found in `haystack` (0 when needle is empty)."""
    return len(needle & haystack) / len(needle) if needle else 0.0


def normalized(sentence: str) -> str:
    """A sentence reduced for comparison: lower case, words only."""
    return " ".join(w.lower() for w in words(sentence))
