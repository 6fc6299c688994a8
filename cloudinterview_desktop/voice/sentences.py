"""Interviewer text cut into speakable sentences, whole or as tokens stream in; code and markdown left out."""

from __future__ import annotations

import re

MAX_SENTENCE_CHARS = 250  # longer runs without an end mark are cut at a clause, so speech starts without waiting

ABBREVIATIONS = frozenset({
    "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "approx", "cf", "fig", "no",
})
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+\S)|\n")
_FENCE = "```"
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_INLINE_CODE = re.compile(r"`([^`]*)`")
_EMPHASIS = re.compile(r"(\*\*|__|\*|~~)")
_LINE_MARK = re.compile(r"^\s*(#{1,6}\s+|[-*+]\s+|>\s*|\d+[.)]\s+)")
_HAS_WORD = re.compile(r"[A-Za-z0-9]")


def speakable(text: str) -> str:
    """Text as it should be heard: markdown marks, link targets and backticks removed, whitespace collapsed."""
    text = _LINK.sub(r"\1", text)
    text = _INLINE_CODE.sub(lambda m: m.group(1).replace("_", " "), text)
    text = _EMPHASIS.sub("", text)
    text = _LINE_MARK.sub("", text)
    return " ".join(text.split())


def _ends_sentence(text: str, mark_start: int, mark_end: int) -> bool:
    if text[mark_start] == "\n":
        return True
    rest = text[mark_end:].lstrip()
    if rest[:1].islower():
        return False  # "e.g. a map", "3 p.m. today"
    if text[mark_start] != "." or mark_end - mark_start > 1:
        return True
    line_start = text.rfind("\n", 0, mark_start) + 1
    if text[line_start:mark_start].strip().isdigit():
        return False  # "1. First step": a list number, not a sentence
    word = text[:mark_start].rsplit(None, 1)[-1].lstrip("(\"“'‘").lower() if text[:mark_start].strip() else ""
    return not (word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()))


class SentenceAccumulator:
    """Feed it text as it streams in; it returns each sentence once the text after it shows the sentence is over.
    Fenced code blocks are dropped (the screen shows code; reading it aloud helps nobody)."""

    def __init__(self, max_chars: int = MAX_SENTENCE_CHARS) -> None:
        self.max_chars = max_chars
        self._raw = ""  # not yet scanned for code fences
        self._prose = ""  # scanned, outside code, not yet emitted
        self._in_code = False

    def feed(self, text: str) -> list[str]:
        self._raw += text
        self._scan_fences(final=False)
        return self._take(final=False)

    def flush(self) -> list[str]:
        """The end of the text: whatever is left is the last sentence."""
        self._scan_fences(final=True)
        self._in_code = False
        return self._take(final=True)

    def reset(self) -> None:
        self._raw = self._prose = ""
        self._in_code = False

    def _scan_fences(self, final: bool) -> None:
        while True:
            at = self._raw.find(_FENCE)
            if at < 0:
                # Up to two trailing backticks may be the start of a fence still arriving.
                keep = 0 if final else len(self._raw) - len(self._raw.rstrip("`"))
                cut = len(self._raw) - keep
                if not self._in_code:
                    self._prose += self._raw[:cut]
                self._raw = self._raw[cut:]
                return
            if not self._in_code:
                self._prose += self._raw[:at] + "\n"  # a code block ends the sentence before it
            self._in_code = not self._in_code
            self._raw = self._raw[at + len(_FENCE):]

    def _take(self, final: bool) -> list[str]:
        out: list[str] = []
        start = 0
        text = self._prose
        for match in _BOUNDARY.finditer(text):
            if match.start() < start or not _ends_sentence(text, match.start(), match.end()):
                continue
            out.append(text[start:match.end()])
            start = match.end()
        rest = text[start:]
        while len(rest) > self.max_chars:
            cut = _clause_cut(rest, self.max_chars)
            out.append(rest[:cut])
            rest = rest[cut:]
        if final:
            out.append(rest)
            rest = ""
        self._prose = rest
        return [s for s in (speakable(piece) for piece in out) if _HAS_WORD.search(s)]


def _clause_cut(text: str, limit: int) -> int:
    window = text[:limit]
    for marks in ((",", ";", ":", "—"), (" ",)):
        at = max(window.rfind(m) for m in marks)
        if at > limit // 3:
            return at + 1
    return limit


def split_sentences(text: str, max_chars: int = MAX_SENTENCE_CHARS) -> list[str]:
    """The whole text's sentences, as speakable strings."""
    accumulator = SentenceAccumulator(max_chars)
    return accumulator.feed(text) + accumulator.flush()
