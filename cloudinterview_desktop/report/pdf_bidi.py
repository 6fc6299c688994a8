"""Right-to-left text for a PDF writer that draws characters left to right: Arabic letters joined into their
contextual forms, then each line put in visual order.

A simplified Unicode bidi algorithm: the first strong character sets the line's direction; runs of right-to-left
letters are reversed, numbers and left-to-right words inside them keep their order, neutral characters between two
runs of one direction take it, others take the line's; brackets in right-to-left runs are mirrored. Explicit
embeddings and isolates are not supported (their control characters are dropped before drawing)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_RTL_CHARS = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]")
_MIRROR = {"(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<", "\u00ab": "\u00bb",
           "\u00bb": "\u00ab", "\u2039": "\u203a", "\u203a": "\u2039"}
_LAM = "\u0644"
_LAM_ALEF = {"\u0622": "MADDA ABOVE", "\u0623": "HAMZA ABOVE", "\u0625": "HAMZA BELOW", "\u0627": ""}


def has_rtl(text: str) -> bool:
    return _RTL_CHARS.search(text) is not None


def base_is_rtl(text: str) -> bool:
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


# -- Arabic joining ----------------------------------------------------------------------------------------------

def _form(name: str, form: str) -> str | None:
    try:
        return unicodedata.lookup(f"{name} {form} FORM")
    except KeyError:
        return None


@cache
def _forms(char: str) -> tuple[str | None, str | None, str | None, str | None] | None:
    """(isolated, final, initial, medial) presentation forms of an Arabic letter, or None when it has none."""
    name = unicodedata.name(char, "")
    if not name.startswith("ARABIC LETTER"):
        return None
    forms = (_form(name, "ISOLATED"), _form(name, "FINAL"), _form(name, "INITIAL"), _form(name, "MEDIAL"))
    return forms if any(forms) else None


def _joins_next(char: str) -> bool:
    """Dual-joining letters (and the tatweel) connect to the letter after them."""
    if char == "\u0640":
        return True
    forms = _forms(char)
    return forms is not None and (forms[2] is not None or forms[3] is not None)


def _joins_previous(char: str) -> bool:
    if char == "\u0640":
        return True
    forms = _forms(char)
    return forms is not None and forms[1] is not None


def _transparent(char: str) -> bool:
    return unicodedata.category(char) == "Mn"


def _lam_alef(alef: str, final: bool) -> str | None:
    suffix = _LAM_ALEF.get(alef)
    if suffix is None:
        return None
    name = "ARABIC LIGATURE LAM WITH ALEF" + (f" WITH {suffix}" if suffix else "")
    return _form(name, "FINAL" if final else "ISOLATED")


def shape_arabic(text: str) -> str:
    """Arabic letters replaced by their isolated, initial, medial or final presentation forms, lam-alef joined."""
    if not any("\u0600" <= c <= "\u06ff" for c in text):
        return text
    chars = list(text)
    letters = [i for i, c in enumerate(chars) if not _transparent(c)]
    out = list(chars)
    skip: set[int] = set()
    for position, i in enumerate(letters):
        if i in skip:
            continue
        char = chars[i]
        forms = _forms(char)
        prev_char = chars[letters[position - 1]] if position > 0 else ""
        next_index = letters[position + 1] if position + 1 < len(letters) else None
        next_char = chars[next_index] if next_index is not None else ""
        joined_before = bool(prev_char) and _joins_next(prev_char) and _joins_previous(char)
        if char == _LAM and next_index is not None and next_char in _LAM_ALEF:
            ligature = _lam_alef(next_char, joined_before)
            if ligature:
                out[i] = ligature
                out[next_index] = ""
                skip.add(next_index)
                continue
        if forms is None:
            continue
        joined_after = bool(next_char) and _joins_next(char) and _joins_previous(next_char)
        isolated, final, initial, medial = forms
        choice = (medial if joined_before and joined_after else final if joined_before else
                  initial if joined_after else isolated)
        out[i] = choice or isolated or char
    return "".join(out)


# -- visual order ----------------------------------------------------------------------------------------------

def _strong(char: str) -> str:
    """"R", "L", "N" (number: kept left to right inside right-to-left text) or "" (neutral)."""
    kind = unicodedata.bidirectional(char)
    if kind in ("R", "AL"):
        return "R"
    if kind == "L":
        return "L"
    if kind in ("EN", "AN"):
        return "N"
    return ""


def visual(line: str, rtl_base: bool | None = None) -> str:
    """The characters of one line in the order they are drawn, left to right."""
    if not has_rtl(line):
        return line
    rtl = base_is_rtl(line) if rtl_base is None else rtl_base
    base = "R" if rtl else "L"
    kinds = [_strong(c) for c in line]
    # Numbers after left-to-right text (or at the start of a left-to-right line) are left-to-right text.
    last = base
    for k, kind in enumerate(kinds):
        if kind in ("L", "R"):
            last = kind
        elif kind == "N" and last == "L":
            kinds[k] = "L"
    # Neutrals between two strong characters of one direction take it (numbers count as right-to-left here);
    # other neutrals take the line's direction; combining marks follow the character they sit on.
    n = len(line)
    resolved = list(kinds)
    i = 0
    while i < n:
        if kinds[i]:
            i += 1
            continue
        j = i
        while j < n and not kinds[j]:
            j += 1
        before = next((kinds[k] for k in range(i - 1, -1, -1) if kinds[k]), base)
        after = kinds[j] if j < n else base
        before, after = ("R" if before == "N" else before), ("R" if after == "N" else after)
        for k in range(i, j):
            if unicodedata.category(line[k]) == "Mn" and k > 0 and resolved[k - 1]:
                resolved[k] = resolved[k - 1]
            else:
                resolved[k] = before if before == after else base
        i = j
    # Levels: a left-to-right line is 0, with right-to-left runs at 1 and numbers in them at 2; a right-to-left
    # line is 1, with left-to-right runs and numbers at 2. Then runs are reversed from the highest level down.
    table = {"R": 1, "L": 2, "N": 2} if rtl else {"L": 0, "R": 1, "N": 2}
    levels = [table[kind] for kind in resolved]
    chars = [(_MIRROR.get(c, c) if level % 2 else c) for c, level in zip(line, levels, strict=True)]
    for level in range(max(levels), 0, -1):
        k = 0
        while k < n:
            if levels[k] < level:
                k += 1
                continue
            end = k
            while end < n and levels[end] >= level:
                end += 1
            chars[k:end] = chars[k:end][::-1]
            levels[k:end] = levels[k:end][::-1]
            k = end
    return "".join(chars)
