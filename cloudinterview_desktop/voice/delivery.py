"""Delivery analytics for one spoken answer (rate, fillers, long pauses, talk time), reported as observations."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from cloudinterview_desktop.voice.speech_to_text import Segment

LONG_PAUSE_S = 2.5
HESITATIONS = frozenset({"um", "umm", "uh", "uhh", "uhm", "er", "erm", "hmm", "mm"})
HEDGES = frozenset({"basically", "actually", "literally"})
# Before "kind of"/"sort of", these make it a noun phrase ("what kind of tree"), not a hedge ("it's kind of slow").
KIND_OF_NOUN_BEFORE = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "what", "which", "any", "some", "every", "each", "one",
    "same", "other", "another", "different", "no", "my", "your", "his", "her", "our", "their", "its", "whatever",
    "certain", "particular", "all", "new", "right", "wrong", "best", "worst", "first", "only", "specific",
})
# Before "you know", these make it a question or a clause ("do you know", "as you know").
YOU_KNOW_CLAUSE_BEFORE = frozenset({
    "do", "did", "don't", "didn't", "does", "if", "as", "what", "how", "whether", "would", "will", "you", "to",
})
_COMMA_AFTER = re.compile(r"[,;:]$")
_STOP_AFTER = re.compile(r"[.!?…]$")
_NORM = re.compile(r"[^a-z0-9']+")


@dataclass(frozen=True)
class Pause:
    start: float
    end: float

    @property
    def duration_s(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class _Token:
    word: str  # lower case, punctuation removed
    comma_after: bool  # the transcript has a comma (or ; :) right after the word
    stop_after: bool  # ... or an end mark (. ! ? …)


@dataclass(frozen=True)
class DeliveryStats:
    """How one answer was delivered. How each figure is computed:

    - talk time: from the start of the first word to the end of the last (silence before and after is not counted).
    - words per minute: spoken words / talk time; speaking rate: the same with the long pauses taken out of the time.
    - long pauses: gaps between consecutive words (segments, when there are no word timestamps) longer than the
      threshold (2.5 s by default). The VAD filter cuts silences out before decoding and faster-whisper maps the
      times back, so these gaps are the real ones.
    - fillers: hesitations (um, uh, er, erm, hmm) and hedges (basically, actually, literally) always count; "you
      know", "I mean", "sort of", "kind of" and "like" count only where the context marks them as fillers (see
      count_fillers' helpers), because each is also ordinary English ("what kind of tree", "I'd like to", "do you
      know"). Whisper tends to leave hesitations out of its text, so their count is a lower bound."""

    talk_time_s: float
    word_count: int
    words_per_minute: float
    speaking_rate_wpm: float  # words per minute with the long pauses taken out of the time
    filler_count: int
    fillers_per_minute: float
    fillers: dict[str, int] = field(default_factory=dict)
    long_pauses: tuple[Pause, ...] = ()
    pause_threshold_s: float = LONG_PAUSE_S

    @property
    def longest_pause_s(self) -> float:
        return max((p.duration_s for p in self.long_pauses), default=0.0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "talk_time_s": round(self.talk_time_s, 2),
            "word_count": self.word_count,
            "words_per_minute": round(self.words_per_minute, 1),
            "speaking_rate_wpm": round(self.speaking_rate_wpm, 1),
            "filler_count": self.filler_count,
            "fillers_per_minute": round(self.fillers_per_minute, 1),
            "fillers": dict(self.fillers),
            "long_pauses": [{"start": round(p.start, 2), "end": round(p.end, 2), "duration_s": round(p.duration_s, 2)}
                            for p in self.long_pauses],
            "pause_threshold_s": self.pause_threshold_s,
            "longest_pause_s": round(self.longest_pause_s, 2),
        }

    def observations(self) -> list[str]:
        """Plain statements for the report; what they mean is left to the reader and the rubric."""
        if self.word_count == 0:
            return ["No speech was transcribed for this answer."]
        lines = [f"Spoke for {self.talk_time_s:.0f} s, {self.word_count} words, "
                 f"at {self.words_per_minute:.0f} words per minute."]
        if self.filler_count:
            top = ", ".join(f"“{w}” ×{n}" for w, n in sorted(self.fillers.items(), key=lambda kv: -kv[1])[:4])
            lines.append(f"{self.filler_count} filler words ({self.fillers_per_minute:.1f} per minute): {top}.")
        else:
            lines.append("No filler words were transcribed.")
        if self.long_pauses:
            lines.append(f"{len(self.long_pauses)} pause(s) longer than {self.pause_threshold_s:g} s "
                         f"(longest {self.longest_pause_s:.1f} s).")
        return lines


def analyze_delivery(segments: Sequence[Segment], pause_threshold_s: float = LONG_PAUSE_S) -> DeliveryStats:
    spans = _timed_spans(segments)
    tokens = _tokens(segments)
    word_count = len(tokens)
    if not spans or word_count == 0:
        return DeliveryStats(0.0, 0, 0.0, 0.0, 0, 0.0, {}, (), pause_threshold_s)
    talk = max(0.0, spans[-1][1] - spans[0][0])
    pauses = tuple(Pause(prev[1], cur[0]) for prev, cur in pairwise(spans)
                   if cur[0] - prev[1] > pause_threshold_s)
    speaking = max(1e-6, talk - sum(p.duration_s for p in pauses))
    fillers = count_fillers(tokens)
    minutes = talk / 60.0
    total_fillers = sum(fillers.values())
    return DeliveryStats(
        talk_time_s=talk,
        word_count=word_count,
        words_per_minute=word_count / minutes if minutes > 0 else 0.0,
        speaking_rate_wpm=word_count / (speaking / 60.0) if talk > 0 else 0.0,
        filler_count=total_fillers,
        fillers_per_minute=total_fillers / minutes if minutes > 0 else 0.0,
        fillers=dict(fillers),
        long_pauses=pauses,
        pause_threshold_s=pause_threshold_s,
    )


def _timed_spans(segments: Sequence[Segment]) -> list[tuple[float, float]]:
    """(start, end) of each word when Whisper gave word timestamps, else of each segment; in time order."""
    if any(s.words for s in segments):
        spans = [(w.start, w.end) for s in segments for w in s.words if _NORM.sub("", w.text.lower())]
    else:
        spans = [(s.start, s.end) for s in segments if s.text.strip()]
    return sorted(spans)


def _tokens(segments: Sequence[Segment]) -> list[_Token]:
    tokens: list[_Token] = []
    for segment in segments:
        for raw in segment.text.split():
            word = _NORM.sub("", raw.lower().replace("’", "'"))
            if word:
                tokens.append(_Token(word, bool(_COMMA_AFTER.search(raw)), bool(_STOP_AFTER.search(raw))))
    return tokens


def count_fillers(tokens: Sequence[_Token]) -> Counter[str]:
    counts: Counter[str] = Counter()
    i = 0
    while i < len(tokens):
        word = tokens[i].word
        pair = (word, tokens[i + 1].word) if i + 1 < len(tokens) else (word, "")
        if word in HESITATIONS or word in HEDGES:
            counts[word] += 1
        elif pair == ("you", "know") and _you_know_is_filler(tokens, i):
            counts["you know"] += 1
            i += 2
            continue
        elif pair == ("i", "mean") and tokens[i + 1].comma_after:
            counts["i mean"] += 1
            i += 2
            continue
        elif pair in (("kind", "of"), ("sort", "of")) and (i == 0 or tokens[i - 1].word not in KIND_OF_NOUN_BEFORE):
            counts[f"{word} of"] += 1
            i += 2
            continue
        elif word == "like" and _like_is_filler(tokens, i):
            counts["like"] += 1
        i += 1
    return counts


def _like_is_filler(tokens: Sequence[_Token], i: int) -> bool:
    """"like" counts when a comma sets it off ("it's, like, a map"; "Like, I think") or a hesitation comes
    before it ("uh like"). As a verb ("I like", "would like", "the things I like.") or a preposition ("looks like a
    tree", "like a queue") it has no comma after it and stays uncounted."""
    if tokens[i].comma_after:
        return True
    return i > 0 and tokens[i - 1].word in HESITATIONS


def _you_know_is_filler(tokens: Sequence[_Token], i: int) -> bool:
    """"you know" counts when it stands apart, followed by a comma or an end mark ("it's fast, you know.",
    "You know, I ..."), and not inside a question or clause ("do you know,", "as you know,")."""
    previous = tokens[i - 1] if i > 0 else None
    if previous is not None and previous.word in YOU_KNOW_CLAUSE_BEFORE:
        return False
    following = tokens[i + 1]
    return following.comma_after or following.stop_after or i + 2 >= len(tokens)
