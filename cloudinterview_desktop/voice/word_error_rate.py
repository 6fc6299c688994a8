"""Word error rate: word-level edit distance between a reference and a transcript, over normalized text."""

from __future__ import annotations

import re

_KEEP = re.compile(r"[^a-z0-9_' ]+")


def normalize_words(text: str) -> list[str]:
    """Lower case; punctuation and hyphens become spaces; underscores stay (identifiers are words); apostrophes
    stay inside words ("don't"), quotes around words go."""
    text = text.lower().replace("’", "'").replace("-", " ")
    words = _KEEP.sub(" ", text).split()
    return [w.strip("'") for w in words if w.strip("'")]


def edit_distance(reference: list[str], hypothesis: list[str]) -> int:
    """Substitutions + deletions + insertions turning `reference` into `hypothesis` (Levenshtein over words)."""
    previous = list(range(len(hypothesis) + 1))
    for i, ref_word in enumerate(reference, start=1):
        current = [i] + [0] * len(hypothesis)
        for j, hyp_word in enumerate(hypothesis, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref_word != hyp_word))
        previous = current
    return previous[-1]


def word_error_rate(reference: str, hypothesis: str) -> float:
    """Errors per reference word; 0.0 for two empty texts, 1.0 for a transcript of nothing."""
    ref, hyp = normalize_words(reference), normalize_words(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    return edit_distance(ref, hyp) / len(ref)


def corpus_word_error_rate(pairs: list[tuple[str, str]]) -> float:
    """WER over a test set: all errors / all reference words (long sentences weigh more, as they should)."""
    errors = sum(edit_distance(normalize_words(ref), normalize_words(hyp)) for ref, hyp in pairs)
    words = sum(len(normalize_words(ref)) for ref, _hyp in pairs)
    return errors / words if words else 0.0
