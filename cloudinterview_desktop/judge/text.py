"""Text that came out of a sandbox, made safe to show: no terminal control sequences, no invisible reordering."""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls (0x9b alone starts a sequence on some terminals), lone
# surrogates (they cannot be written as UTF-8), and the bidirectional overrides that reorder what is shown.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")


def clean_text(text: str) -> str:
    """`text` with escape sequences removed and every other unsafe character shown as U+FFFD (a carriage return
    becomes a newline when it ends a line, so Windows line ends survive)."""
    if text.isprintable() or not _UNSAFE.search(text):
        return text
    text = _ESCAPE_SEQUENCE.sub("", text.replace("\r\n", "\n"))
    return _UNSAFE.sub("\ufffd", text)
