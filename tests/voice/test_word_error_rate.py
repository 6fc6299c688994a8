"""The word error rate used to judge transcripts."""

from __future__ import annotations

import pytest

from cloudinterview_desktop.voice.word_error_rate import (
    corpus_word_error_rate,
    edit_distance,
    normalize_words,
    word_error_rate,
)


def test_normalization_ignores_case_and_punctuation_but_keeps_identifiers() -> None:
    assert normalize_words("Use a Hash-Map, then topological_sort! Don't.") == [
        "use", "a", "hash", "map", "then", "topological_sort", "don't"]


def test_substitutions_deletions_and_insertions_each_count_one() -> None:
    assert edit_distance(["a", "b", "c", "d"], ["a", "x", "c", "d"]) == 1
    assert edit_distance(["a", "b", "c", "d"], ["a", "c", "d"]) == 1
    assert edit_distance(["a", "b", "c", "d"], ["a", "b", "b", "c", "d"]) == 1
    assert edit_distance(["a", "b", "c"], ["c", "b", "a"]) == 2


def test_rates() -> None:
    assert word_error_rate("the cat sat", "The cat sat.") == 0.0
    assert word_error_rate("the cat sat on the mat", "the cat sat on a mat") == pytest.approx(1 / 6)
    assert word_error_rate("the cat", "") == 1.0
    assert word_error_rate("", "") == 0.0
    assert word_error_rate("", "noise") == 1.0


def test_the_test_set_rate_weighs_sentences_by_length() -> None:
    pairs = [("one two three four five six seven eight nine ten", "one two three four five six seven eight nine ten"),
             ("hello there", "hello")]
    assert corpus_word_error_rate(pairs) == pytest.approx(1 / 12)
    assert corpus_word_error_rate([]) == 0.0
