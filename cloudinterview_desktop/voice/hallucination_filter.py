"""Dropping what Whisper invents on silence and noise, by thresholds measured on the embedded tiny.en."""

from __future__ import annotations

import re

# Measured with the VAD filter off (table in docs/voice.md): silence and a 50 Hz hum came out as "You" with
# no_speech_prob 0.92-0.95 and avg_logprob -0.92..-0.98, faint noise as "." segments (0.96); real espeak speech had
# no_speech_prob at most 0.50 (a lone "Yes.") and avg_logprob at least -0.72.
NO_SPEECH_DROP = 0.8  # drop when no_speech_prob is at least this ...
LOGPROB_DROP = -0.6  # ... and avg_logprob is at most this
NEAR_SILENT_DBFS = -50.0  # quieter than any voice through a working microphone
KNOWN_NO_SPEECH_PROB = 0.6  # a stock phrase with this much doubt is not trusted either

# Phrases Whisper is known to produce from silence (subtitle credits, sign-offs of its training videos).
KNOWN_HALLUCINATIONS = frozenset({
    "you", "thank you", "thanks", "thank you very much", "thanks for watching", "thank you for watching",
    "thank you so much for watching", "please subscribe", "subscribe", "bye", "bye bye", "goodbye", "the end",
    "subtitles by the amara org community", "i'm sorry", "oh", "so",
})

_WORDS = re.compile(r"[a-z0-9']+")


def normalized_phrase(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def is_hallucination(text: str, no_speech_prob: float, avg_logprob: float, rms_dbfs: float) -> bool:
    """True for a segment to drop: no words at all, a confident "no speech" with a weak decode, or a stock
    phrase over near-silent audio or with doubt that it is speech."""
    phrase = normalized_phrase(text)
    if not phrase:
        return True
    if no_speech_prob >= NO_SPEECH_DROP and avg_logprob <= LOGPROB_DROP:
        return True
    return phrase in KNOWN_HALLUCINATIONS and (rms_dbfs < NEAR_SILENT_DBFS or no_speech_prob >= KNOWN_NO_SPEECH_PROB)
