"""Clarifying questions answered from the item itself: the sentence of the statement, constraints or examples that
answers it, quoted; when the item is silent, the candidate is asked to state an assumption and go on."""

from __future__ import annotations

import re

from cloudinterview_desktop.domain.problems import BankItem, BehavioralQuestion, CodingProblem, TheoryQuestion
from cloudinterview_desktop.interviewer.text_signals import content_stems, overlap, sentences

_ASKS_FOR_ANSWER = re.compile(r"\b(give me|tell me|show me|what is|what's)\b.{0,20}\b(answer|solution|code)\b|"
                              r"\b(solve it|write it) for me\b", re.IGNORECASE)
MATCH = 0.34  # share of the question's meaning words a sentence must hold to count as answering it


def _facts(item: BankItem) -> list[str]:
    if isinstance(item, CodingProblem):
        text = re.sub(r"[`*]", "", item.statement)
        found = sentences(text)
        for n, case in enumerate(item.examples[:3], start=1):
            args = ", ".join(f"{k} = {v!r}" for k, v in case.input.items())
            found.append(f"Example {n}: {args} gives {case.output!r}.")
        return found
    if isinstance(item, TheoryQuestion | BehavioralQuestion):
        return sentences(item.question)
    return []


def is_question(message: str) -> bool:
    text = message.strip().lower()
    return "?" in text or bool(re.match(r"^(can|could|should|do|does|is|are|will|what|how|which|when|where|why|"
                                        r"may|must)\b", text))


# What a clarifying question is usually about, and how the statement's constraint lines say it.
_TOPICS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(asked, re.IGNORECASE), re.compile(said, re.IGNORECASE)) for asked, said in (
        (r"\bnegative", r"-\s*\d|negative"),
        (r"\b(empty|zero|no elements?)\b", r"\b\d+\s*<=\s*len|empty|at least"),
        (r"\b(how (big|large|long|many)|size|length|large|limit|bound|range|max(imum)?)\b", r"<=|10\^|\blen\("),
        (r"\b(duplicates?|repeated|distinct|unique)\b", r"duplicate|distinct|unique|repeat"),
        (r"\b(sorted|order)\b", r"sorted|order"),
        (r"\b(more than one|multiple|several) (answers?|solutions?|pairs?)\b|\bexactly one\b",
         r"exactly one|any (one|of)|unique answer|one valid"),
    ))


def _topic_match(message: str, facts: list[str]) -> str:
    for asked, said in _TOPICS:
        if asked.search(message):
            hit = next((s for s in facts if said.search(s)), "")
            if hit:
                return hit
    return ""


def clarification(item: BankItem | None, message: str) -> str:
    if _ASKS_FOR_ANSWER.search(message):
        return ("I can't give the solution away, but you can ask for a hint; in interviewer style each hint counts "
                "against the score.")
    if item is None:
        return "State your assumption and go on."
    facts = _facts(item)
    topical = _topic_match(message, facts)
    if topical:
        return f"The question says: \u201c{topical.rstrip()}\u201d"
    wanted = content_stems(message)
    best, quote = 0.0, ""
    for sentence in facts:
        share = overlap(wanted, content_stems(sentence))
        if share > best:
            best, quote = share, sentence
    if quote and best >= MATCH and len(wanted & content_stems(quote)) >= 1:
        return f"The question says: \u201c{quote.rstrip()}\u201d"
    return "The question doesn't say. State your assumption and go on."
