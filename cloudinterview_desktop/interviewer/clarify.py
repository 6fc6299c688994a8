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


def clarification(item: BankItem | None, message: str) -> str:
    if _ASKS_FOR_ANSWER.search(message):
        return ("I can't give the solution away, but you can ask for a hint; in interviewer style each hint counts "
                "against the score.")
    if item is None:
        return "State your assumption and go on."
    wanted = content_stems(message)
    best, quote = 0.0, ""
    for sentence in _facts(item):
        share = overlap(wanted, content_stems(sentence))
        if share > best:
            best, quote = share, sentence
    if quote and best >= MATCH and len(wanted & content_stems(quote)) >= 1:
        return f"The question says: \u201c{quote.rstrip()}\u201d"
    return "The question doesn't say. State your assumption and go on."
