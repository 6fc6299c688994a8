"""Text as the exports can carry it: control characters and lone surrogates removed, long text cut with a note."""

from __future__ import annotations

import re
from datetime import datetime

# C0 controls except tab and newline, DEL, C1 controls: no format shows them and XML-based ones reject them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Lone surrogates (JSON "\ud800" decodes to one) cannot be encoded as UTF-8 at all.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def clean(text: str) -> str:
    """The text with carriage returns made newlines, control characters dropped and lone surrogates replaced."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _SURROGATE.sub(REPLACEMENT, _CONTROL.sub("", text))


def encodable(text: str) -> str:
    """The text with lone surrogates replaced, and nothing else changed."""
    return _SURROGATE.sub(REPLACEMENT, text)


def clip(text: str, limit: int) -> tuple[str, int]:
    """At most `limit` characters, cut at a line or word break near the end; returns the text and the characters
    left out (0 when nothing was cut)."""
    if len(text) <= limit:
        return text, 0
    cut = text.rfind("\n", limit - 400, limit)
    if cut < 0:
        cut = text.rfind(" ", limit - 200, limit)
    if cut < 0:
        cut = limit
    return text[:cut], len(text) - cut


def clock(seconds: float) -> str:
    """`+m:ss` (or `+h:mm:ss`) from the start of the interview."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"+{hours}:{minutes:02d}:{secs:02d}" if hours else f"+{minutes}:{secs:02d}"


def moment(at: datetime | None, start: datetime | None) -> str | None:
    """When something happened, as interview time (`+4:05`), or the wall clock when the start is unknown."""
    if at is None:
        return None
    if start is None:
        return f"{at:%H:%M:%S}"
    return clock((at - start).total_seconds())


def iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None
