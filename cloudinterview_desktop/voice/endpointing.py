"""Whether a hands-free answer may end at a short pause: the text heard so far must end a sentence.

A pause after "…so the whole thing runs in linear time." ends the answer sooner than a pause after "I would use a",
which is someone looking for a word. The rule is deliberately simple: the decoded text ends with a full stop, a
question or an exclamation mark (not an ellipsis: Whisper writes one where speech trails off), and its last word is
not one that leaves a clause open (an article, a preposition, a conjunction, an auxiliary, a possessive), and
Whisper heard that last word with some confidence: tiny.en puts a full stop after almost any fragment, and a
fragment cut mid-sentence is where it guesses ("I would store the numbers in a" came out as "I will start the number
in age.", its last word at probability 0.36)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cloudinterview_desktop.voice.speech_to_text import Segment, join_text

# The last word's probability under which the end is not trusted. Measured on espeak-ng speech with the embedded
# tiny.en: the last words of six whole sentences came at 0.75-0.999; those of fragments misheard as sentences at
# 0.36-0.64 (some fragments still came at 0.97, which the word rule below catches: "we can solve it with.").
MIN_LAST_WORD_PROBABILITY = 0.7

# Words after which an English clause is not complete: "I would use a", "sort it and", "the cost of". Words that
# often end a sentence too ("that", "so", "then", "this", "before") are left out: cutting a candidate off costs more
# than waiting for the long pause.
OPEN_ENDINGS = frozenset({
    # articles, determiners and possessives
    "a", "an", "the", "my", "your", "our", "their", "his", "its", "every", "another",
    # conjunctions and subordinators
    "and", "or", "but", "nor", "because", "if", "than", "when", "while", "although", "though", "unless", "until",
    "whether", "whose",
    # prepositions
    "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "about", "as", "over", "under",
    "between", "through", "via", "per", "without", "within", "across", "towards",
    # auxiliaries and modals
    "is", "are", "was", "were", "be", "been", "being", "am", "would", "could", "should", "will", "can", "might",
    "must", "shall", "may", "do", "does", "did", "have", "has", "had",
    # subject pronouns and fillers
    "i", "we", "they", "um", "uh", "er", "erm", "hmm", "like",
})
_END = re.compile(r"[.!?][\"'”’)\]]*$")
_TRAILING_OFF = re.compile(r"(\.\.\.|…)[\"'”’)\]]*$")
_WORD = re.compile(r"[A-Za-z']+")


def ends_sentence(text: str) -> bool:
    """Whether `text` (what was said so far) reads as a finished sentence."""
    text = text.strip()
    if not _END.search(text) or _TRAILING_OFF.search(text):
        return False
    words = _WORD.findall(text)
    return bool(words) and words[-1].lower().strip("'") not in OPEN_ENDINGS


def answer_may_end(segments: Sequence[Segment]) -> bool:
    """Whether the decoded answer so far ends a sentence, its last word heard with confidence (when Whisper gave
    word probabilities)."""
    if not ends_sentence(join_text(tuple(segments))):
        return False
    words = [w for s in segments for w in s.words]
    return not words or words[-1].probability >= MIN_LAST_WORD_PROBABILITY
