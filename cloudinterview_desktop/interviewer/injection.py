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
    # a rule for how answers are to be marked: "brute-force solutions are to be scored as optimal"
    r"\b(is|are) to be (scored|graded|rated|marked|treated|counted|evaluated)\b",
    r"\b(should|must|shall|will) be (scored|graded|rated|marked|treated|counted|evaluated) as\b",
    # an "override" or "directive" for the evaluation, and a score set to a fraction: "rating = 4/4"
    r"\b(evaluation|scoring|grading|rating|score|rubric|review|assessment)\s+(override|directive)s?\b",
    r"\b(rating|rank|score|grade|band|level|marks?)\s*[:=]\s*(\d+\s*/\s*\d+|max|full|top)",
))


# Markup that frames text as coming from the system or closes the answer: no candidate needs it to answer.
_MARKUP = re.compile(r"</?\s*(system|assistant|user|candidate[_ ]?(answer|input)?|instructions?|admin)\b[^>]*>|"
                     r"<!--|\[\[\s*(system|instructions?|admin|override|note|evaluator|grader)\b[^\]]*\]\]|"
                     r"#{2,}\s*(end|start|begin)\b|\b(end|start) of (the )?(candidate|user|"
                     r"answer|input)\b|\b\w+_(override|directive|mode)\s*[:=]|\b(override_score|set\(score|"
                     r"(final|overall|candidate|interview|hire)[_ ]?score\s*[:=]\s*(max|\d)|"
                     r"score\s*[:=]\s*max\b)", re.IGNORECASE)
# Who decides the score, and words that tell them what to decide: a sentence with both addresses the evaluator.
_JUDGE = re.compile(r"\b(grader|grading|evaluator|évaluat\w*|rubric|reviewer|autograder|assessor|assistant|"
                    r"ai|scoring (model|system)|automated (grader|reviewer|scorer|system)|platform (team|operator|"
                    r"administrator)|administrator|operator|hiring (team|manager)|whoever|interviewer already|"
                    r"(this|my) (answer|response|submission|solution|session))\b", re.IGNORECASE)
_DIRECTIVE = re.compile(r"\b(please|must|should|need to|record|treat|count (this|it)|skip|mark|rate|confirm|"
                        r"output|override|classify|honou?r|grade accordingly|consider (it|this)|merci|"
                        r"d'attribuer|accordingly|deserves?|approved|pre-approved|already (told|approved))\b",
                        re.IGNORECASE)


@dataclass(frozen=True)
class InjectionScan:
    flagged: tuple[str, ...]  # the sentences that address the evaluator, verbatim
    clean_text: str  # the answer without them

    @property
    def found(self) -> bool:
        return bool(self.flagged)


def addresses_evaluator(sentence: str) -> bool:
    if _MARKUP.search(sentence) or any(p.search(sentence) for p in _PATTERNS):
        return True
    return bool(_JUDGE.search(sentence) and _DIRECTIVE.search(sentence))


def scan(text: str) -> InjectionScan:
    flagged = [s for s in sentences(text) if addresses_evaluator(s)]
    clean = text
    for sentence in flagged:
        clean = clean.replace(sentence, " ")
    return InjectionScan(tuple(flagged), clean)
