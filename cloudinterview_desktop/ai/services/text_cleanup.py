"""Cleans a model's reply as it streams (role labels, template tokens, the other speaker's lines)."""


from __future__ import annotations

import re

# Where a small model slips out of its role: template tokens, or a transcript line for another speaker.
STOP_MARKERS = ("<|", "</s>", "[App:", "\nCandidate:", "\nUser:", "\nInterviewer:", "\nAssistant:",
                "\n**Candidate", "\n**Interviewer")
_LEADING_LABEL = re.compile(r"^\s*(\*\*)?(the\s+)?(interviewer|assistant|ai|system)(\*\*)?\s*:(\*\*)?\s*",
                            re.IGNORECASE)
_QUOTES = ('"', "\u201c", "\u201d")
_HOLD = 24  # characters kept back at the start, to see whether a role label is coming
CODE_FENCE = "```"


class StreamCleaner:
    """`extra_stops` end the reply early too: interviewer style passes the code fence, so no code is handed out."""

    def __init__(self, extra_stops: tuple[str, ...] = ()) -> None:
        self._markers = STOP_MARKERS + extra_stops
        self._raw = ""
        self._emitted = 0  # characters of the cleaned text already handed out
        self.stopped = False

    def _clean(self, final: bool) -> str:
        text = self._raw
        cut = min((i for i in (text.find(m) for m in self._markers) if i >= 0), default=-1)
        if cut >= 0:
            text = text[:cut]
            self.stopped = True
        done = final or self.stopped
        if not done and len(text) < _HOLD:
            return ""
        text = _LEADING_LABEL.sub("", text, count=1).lstrip()
        # Small models like to wrap the whole reply in quotation marks, as if quoting the interviewer.
        quoted = text.startswith(_QUOTES)
        if quoted:
            text = text[1:].lstrip()
        if done:
            text = text.rstrip()
            if quoted and text.endswith(_QUOTES):
                text = text[:-1].rstrip()
            return text
        # Hold back a tail that could be the start of a stop marker, a closing quote, and trailing whitespace.
        for marker in self._markers:
            for size in range(min(len(marker) - 1, len(text)), 0, -1):
                if text.endswith(marker[:size]):
                    text = text[:-size]
                    break
        text = text.rstrip()
        if quoted and text.endswith(_QUOTES):
            text = text[:-1]
        return text.rstrip()

    def feed(self, piece: str) -> str:
        """Add a streamed piece; returns the new cleaned text that can be shown now."""
        if self.stopped:
            return ""
        self._raw += piece
        clean = self._clean(final=False)
        new = clean[self._emitted:]
        self._emitted = max(self._emitted, len(clean))
        return new

    def finish(self) -> str:
        """The rest of the cleaned text; after this, the emitted pieces add up to `text`."""
        clean = self._clean(final=True)
        new = clean[self._emitted:]
        self._emitted = len(clean)
        return new

    @property
    def text(self) -> str:
        return self._clean(final=True)

