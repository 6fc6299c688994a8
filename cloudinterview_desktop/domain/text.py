"""Text as it may be stored: a lone UTF-16 surrogate (pasted from a broken source) cannot be encoded as UTF-8."""

from __future__ import annotations


def storable(text: str) -> str:
    """`text` with well-formed surrogate pairs joined and any lone surrogate replaced by U+FFFD; else unchanged."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text
