"""A minimal reader of Server-Sent Events (text/event-stream), as OpenAI-compatible servers stream completions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator


def sse_data(lines: Iterable[bytes]) -> Iterator[str]:
    """The `data` of each event: consecutive `data:` lines joined by newlines, dispatched at a blank line.
    Comments (`:` lines, used as keep-alives) and other fields (`event`, `id`, `retry`) are skipped."""
    data: list[str] = []
    for raw in lines:
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        if not line:
            if data:
                yield "\n".join(data)
                data = []
            continue
        if line.startswith(":"):
            continue
        field, _, value = line.partition(":")
        if field == "data":
            data.append(value[1:] if value.startswith(" ") else value)
    if data:  # a server that closes without the final blank line
        yield "\n".join(data)
