"""Delivery analytics on a known transcript with word timestamps."""

from __future__ import annotations

import pytest

from cloudinterview_desktop.voice.delivery import analyze_delivery
from cloudinterview_desktop.voice.speech_to_text import Segment, Word


def _segment(text: str, start: float, step: float = 0.4, gap_before: dict[int, float] | None = None) -> Segment:
    """A segment whose words are `step` s apart, with extra silence before the words named in `gap_before`."""
    words: list[Word] = []
    at = start
    for n, raw in enumerate(text.split()):
        at += (gap_before or {}).get(n, 0.0)
        words.append(Word(at, at + step * 0.8, raw, 0.9))
        at += step
    return Segment(words[0].start, words[-1].end, text, tuple(words))


def test_rate_fillers_and_pauses_of_a_known_answer() -> None:
    first = _segment("Um, so I would, like, use a hash map, you know.", start=1.0)  # 11 words
    second = _segment("It is kind of simple: I like hash maps because lookups are basically constant.", start=8.0,
                      gap_before={6: 3.0})  # 14 words, a 3 s gap before "because"
    stats = analyze_delivery([first, second])
    words_end = second.words[-1].end
    assert stats.word_count == 25
    assert stats.talk_time_s == pytest.approx(words_end - 1.0)
    assert stats.words_per_minute == pytest.approx(25 / ((words_end - 1.0) / 60))
    assert stats.fillers == {"um": 1, "like": 1, "you know": 1, "kind of": 1, "basically": 1}
    assert stats.filler_count == 5
    assert stats.fillers_per_minute == pytest.approx(5 / (stats.talk_time_s / 60))
    # Two long pauses: between the segments (about 3 s) and the 3 s gap inside the second one.
    assert [round(p.duration_s, 2) for p in stats.long_pauses] == [round(8.0 - first.words[-1].end, 2), 3.08]
    assert stats.speaking_rate_wpm > stats.words_per_minute
    data = stats.to_dict()
    assert data["word_count"] == 25 and data["filler_count"] == 5 and len(data["long_pauses"]) == 2
    assert any("pause" in line for line in stats.observations())


@pytest.mark.parametrize(("text", "fillers"), [
    ("I like this approach and I would like to use a set.", {}),
    ("It looks like a tree, like a binary tree.", {}),
    ("Like, the first thing is the queue.", {"like": 1}),
    ("uh like I think so", {"uh": 1, "like": 1}),
    ("What kind of tree is it? A sort of heap.", {}),
    ("It's sort of slow, and kind of messy.", {"sort of": 1, "kind of": 1}),
    ("Do you know, the answer? As you know, maps are fast.", {}),
    ("You know, I think it works, you know.", {"you know": 2}),
    ("I mean, it actually works. I mean it.", {"i mean": 1, "actually": 1}),
])
def test_fillers_are_told_apart_from_ordinary_words(text: str, fillers: dict[str, int]) -> None:
    assert analyze_delivery([_segment(text, 0.0)]).fillers == fillers


def test_segments_without_word_timestamps_still_give_rate_and_pauses() -> None:
    stats = analyze_delivery([Segment(0.0, 4.0, "one two three four five six seven eight"),
                              Segment(7.0, 10.0, "nine ten eleven twelve")])
    assert stats.word_count == 12 and stats.talk_time_s == 10.0
    assert stats.words_per_minute == pytest.approx(72.0)
    assert [(p.start, p.end) for p in stats.long_pauses] == [(4.0, 7.0)]


def test_an_empty_answer_reports_no_speech() -> None:
    stats = analyze_delivery([])
    assert stats.word_count == 0 and stats.words_per_minute == 0.0 and stats.long_pauses == ()
    assert stats.observations() == ["No speech was transcribed for this answer."]
