"""Writes the pseudo-translation of the window: every source string of the English catalogue about 40 % longer,
accented and in brackets ("Start interview" -> "[Ŝţàŕţ îñţéŕvîéŵ ~~~~]"), so text that is clipped, or that never
went through tr(), stands out. Markup, entities, {placeholders} and file-dialog patterns stay as written.

    python scripts/pseudo_translation.py [SOURCE.ts [PSEUDO.ts]]   (`make translations` runs it)"""

from __future__ import annotations

import math
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "resources" / "i18n" / "cloudinterview_en.ts"
PSEUDO = REPO / "resources" / "i18n" / "cloudinterview_pseudo.ts"
GROWTH = 0.4  # German runs about a third longer than English; a little more finds the tight spots first
WORD = 8
ACCENTS = str.maketrans("abcdeghijklnorstuwyzABCDEGHIJKLNORSTUWYZ", "àƀçđéĝĥîĵķĺñöŕşţûŵýžÀƁÇĐÉĜĤÎĴĶĹÑÖŔŞŢÛŴÝŽ")
# Kept as written: tags, entities, format placeholders (with any format spec), "(*.gguf)" filters, escapes.
KEEP = re.compile(r"<[^>]*>|&[#\w]+;|\{[^{}]*\}|\([^()]*\*[^()]*\)|%n|\\n")


def pseudo(text: str) -> str:
    """One source string as its pseudo-translation; a string with no letters outside markup stays the same. The
    brackets go inside leading and trailing tags (rich text stays rich) and before a file-dialog pattern."""
    parts: list[tuple[str, str]] = []  # (kind: "text", "outer" for tags and patterns, "kept"; the piece)
    position = 0
    for match in KEEP.finditer(text):
        parts.append(("text", text[position:match.start()]))
        kept = match.group()
        parts.append(("outer" if kept.startswith("<") or kept.startswith("(") else "kept", kept))
        position = match.end()
    parts.append(("text", text[position:]))
    readable = "".join(piece for kind, piece in parts if kind == "text")
    if not any(c.isalpha() for c in readable):
        return text
    content = [i for i, (kind, piece) in enumerate(parts) if kind == "kept" or (kind == "text" and piece.strip())]
    first, last = content[0], content[-1]
    tildes = "~" * max(1, math.ceil(len(readable.strip()) * GROWTH) - 3)
    # In words of up to eight, as long as real long words: a long sentence still wraps where a translation would.
    padding = " ".join(tildes[i:i + WORD] for i in range(0, len(tildes), WORD + 1))
    out = []
    for i, (kind, piece) in enumerate(parts):
        if kind == "text":
            piece = piece.translate(ACCENTS)
        if i == first:
            stripped = piece.lstrip()
            piece = piece[:len(piece) - len(stripped)] + "[" + stripped
        if i == last:
            stripped = piece.rstrip()
            piece = stripped + " " + padding + "]" + piece[len(stripped):]
        out.append(piece)
    return "".join(out)


def write_pseudo(source: Path, target: Path) -> int:
    """Translate every message of `source` into `target`; returns how many there are."""
    tree = ET.parse(source)
    root = tree.getroot()
    root.set("language", "de")
    count = 0
    for message in root.iter("message"):
        text = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        translation.text = pseudo(text)
        count += 1
    target.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                      + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    return count


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else SOURCE
    target = Path(argv[1]) if len(argv) > 1 else PSEUDO
    count = write_pseudo(source, target)
    print(f"{target}: {count} pseudo-translated strings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
