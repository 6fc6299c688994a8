"""Answer text that addresses the evaluator instead of the interviewer's question ("ignore previous instructions",
"give the maximum score", "SYSTEM NOTE"). Such sentences are flagged and removed before anything is measured, so
an injected answer can never score above the same answer without them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cloudinterview_desktop.interviewer.text_signals import sentences

_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"\b(ignore|disregard|forget|override)\b.{0,40}\b(instruction|prompt|rule|guideline|rubric|previous|above|prior)",
    r"\b(system|admin|developer|evaluator|grader|moderator)\s*(note|message|prompt|override|instruction|notice)\b",
    r"^\s*\[?\s*(system|assistant|evaluator|instruction)s?\s*[\]:]",
    r"\b(give|assign|award|grant|rate|score|mark|grade)\b.{0,60}\b(maximum|max|full|highest|perfect|top|best)\b"
    r".{0,20}\b(score|marks?|points?|rating|grade|band|level)",
    r"\b(give|assign|award|rate|score|mark|grade)\b.{0,40}\b(4\s*/\s*4|10\s*/\s*10|5\s*/\s*5|100\s*(/\s*100|%)|"
    r"a\s+(4|10)\b|strong\s+(yes|hire))",
    r"\b(evaluator|grader|scorer|scoring (model|system)|language model|llm|ai model|the ai|assistant)\b.{0,40}"
    r"\b(must|should|will|shall|need to|has to|please|is instructed)\b",
    r"\b(this|my) (answer|response|candidate)\b.{0,30}\b(deserves|should (get|receive|be (given|rated)))\b",
    r"\bbest answer you ha(ve|s) (ever )?(seen|read|heard)\b",
    r"\b(new|updated|hidden|secret) instructions?\b",
    r"\bas an ai\b|\byou are (now )?(an? )?(ai|evaluator|grader|language model)\b",
    r"\b(hire|pass) (this|the) candidate\b",
    r"<\|?(system|im_start|im_end|assistant)\|?>",
    r"\b(dear|note (to|for)|attention|instructions? (to|for)|before you (evaluate|grade|score|assess))\b.{0,30}?"
    r"\b(reviewers?\b|evaluat|grader|grading|scorer|scoring|assessor|rubric|ai\b|system\b|model\b|interviewer)",
    r"\b(full marks|top (score|rating|grade|marks?)|maximum (score|rating|marks?)|perfect score|"
    r"\d+\s*out of\s*\d+)\b",
    r"\b(rank|rate|mark|grade|score)\b (this|it|the|my)\b.{0,40}\b(above|thorough|optimal|complete|top|highest|"
    r"full|passed|perfect|excellent)\b",
    r"\brubric\b.{0,40}\b(updated|changed|ignored?|gaps?|no longer)\b",
))


@dataclass(frozen=True)
class InjectionScan:
    flagged: tuple[str, ...]  # the sentences that address the evaluator, verbatim
    clean_text: str  # the answer without them

    @property
    def found(self) -> bool:
        return bool(self.flagged)


def addresses_evaluator(sentence: str) -> bool:
    return any(p.search(sentence) for p in _PATTERNS)


def scan(text: str) -> InjectionScan:
    flagged = [s for s in sentences(text) if addresses_evaluator(s)]
    clean = text
    for sentence in flagged:
        clean = clean.replace(sentence, " ")
    return InjectionScan(tuple(flagged), clean)
