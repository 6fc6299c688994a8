"""Big-O statements read from a candidate's explanation by code, and compared with the reference solution's."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BIG_O = re.compile(r"\b[OΘθ]\s*\(((?:[^()]|\([^()]*\))+)\)")
_TIME_WORDS = ("time", "runtime", "run time", "runs in", "speed")
_SPACE_WORDS = ("space", "memory", "extra space", "storage", "auxiliary")
_SUPERSCRIPTS = str.maketrans({"²": "^2", "³": "^3"})


def normalise_big_o(text: str) -> str:
    """`O(n log n)`, `O(nlogn)` and `O(n * log(n))` all become `o(nlogn)`."""
    match = _BIG_O.search(text)
    inner = match.group(1) if match else text
    inner = inner.translate(_SUPERSCRIPTS).lower()
    inner = re.sub(r"log\s*\(\s*(\w+)\s*\)", r"log\1", inner)
    inner = re.sub(r"[\s*·×]", "", inner).replace("lg", "log").replace("loglog", "log log")
    return f"o({inner})"


@dataclass(frozen=True)
class StatedComplexity:
    time: str = ""
    space: str = ""


def _label(after: str, before: str) -> str:
    """"time", "space" or "": a word right after the O(...) ("O(n) time") wins over one before it ("space is O(n)");
    before it, the nearest word counts."""
    for words, label in ((_TIME_WORDS, "time"), (_SPACE_WORDS, "space")):
        if any(after.lstrip(" ").startswith(w) for w in words):
            return label
    best, label = -1, ""
    for words, name in ((_TIME_WORDS, "time"), (_SPACE_WORDS, "space")):
        for word in words:
            position = before.rfind(word)
            if position > best:
                best, label = position, name
    return label


def stated_complexity(text: str) -> StatedComplexity:
    """The time and space complexity a candidate stated, told apart by the words around each O(...)."""
    time = space = ""
    unlabelled: list[str] = []
    matches = list(_BIG_O.finditer(text))
    for n, match in enumerate(matches):
        start = matches[n - 1].end() if n else 0
        end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
        after = text[match.end():min(end, match.end() + 20)].lower()
        before = text[max(start, match.start() - 40):match.start()].lower()
        label = _label(after, before)
        if label == "space" and not space:
            space = match.group(0)
        elif label == "time" and not time:
            time = match.group(0)
        else:
            unlabelled.append(match.group(0))
    if not time and unlabelled:  # a bare "it's O(n)" is about time, as interviewers read it
        time = unlabelled.pop(0)
    return StatedComplexity(time, space)


def compare(stated: str, reference: str) -> bool | None:
    """True or False when both are known; None when the candidate stated nothing or there is no reference."""
    if not stated or not reference:
        return None
    return normalise_big_o(stated) == normalise_big_o(reference)
