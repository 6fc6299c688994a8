"""Speech to text through the app vs raw faster-whisper, and the delay from end of speech to final transcript.

    .venv/bin/python bench/stt.py [--runs 9] [--latency-runs 3]

1. Real-time factor (decode time / audio length) of the app's SpeechToText.transcribe() and of a bare
   faster_whisper.WhisperModel.transcribe() on the same audio, same model, threads and decoding options,
   interleaved in one process (target: app speed >= 0.95x raw).
2. What a candidate waits for after speaking: an answer played in real time from a WAV file through the live path
   (capture, VAD, streaming transcriber) with the app's own capture settings (HandsFree() as the voice engine builds
   it) and the app's own Whisper prompt for the question. The answer pauses mid-sentence ("...sort the input and",
   0.7 s, "then use two pointers...") and ends with a finished sentence, so hands-free endpointing must wait out the
   first pause and end at the short one (the final text is checked to hold both phrases). Hands-free: from the last
   word (the end of the speech in the audio, known from the file) to the final transcript, pause included;
   push-to-talk: from key release to the final transcript. The floor, interleaved in the same run: bare
   faster-whisper decoding the answer's last phrase (from the pause before it to the last word) with the same prompt
   and options: the work that cannot start before the last word, whatever was decoded while the candidate spoke.
The test speech is espeak-ng (when installed) or the app's own hibari voice."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import interleaved, median, percentile, record, runs_text

from cloudinterview_desktop.voice.audio_files import load_audio, save_wav
from cloudinterview_desktop.voice.audio_format import SAMPLE_RATE, Audio
from cloudinterview_desktop.voice.live_transcription import listen
from cloudinterview_desktop.voice.prompt_terms import question_prompt_terms
from cloudinterview_desktop.voice.recorder import CaptureMode, HandsFree, PushToTalk
from cloudinterview_desktop.voice.resampling import resample
from cloudinterview_desktop.voice.speech_to_text import SpeechToText
from cloudinterview_desktop.voice.streaming_transcriber import TranscriptUpdate
from cloudinterview_desktop.voice.text_to_speech import TextToSpeech
from cloudinterview_desktop.voice.wav_file_source import WavFileSource
from cloudinterview_desktop.voice.word_error_rate import word_error_rate

SENTENCES = [
    "Tell me about a time you disagreed with a teammate and how you resolved it.",
    "I would start by sorting the array and then use two pointers from both ends.",
    "The running time is linear because we visit each element once.",
    "My first idea is to sort the input.",
    "Let me start with a simple approach.",
]
# One answer with a pause in the middle of its sentence: adaptive endpointing must not end it there (a pause after a
# finished sentence would end it, by design).
ANSWER = ["My first idea is to sort the input and", "then use two pointers from both ends."]
QUESTION = ("Given an array of integers, return the indices of the two numbers that add up to a target, using a "
            "hash map.")


def speak(text: str, folder: Path) -> Audio:
    if shutil.which("espeak-ng") and shutil.which("sox"):
        raw, wav = folder / "raw.wav", folder / "speech.wav"
        subprocess.run(["espeak-ng", "-w", str(raw), text], check=True, capture_output=True)
        subprocess.run(["sox", str(raw), "-D", "-r", str(SAMPLE_RATE), "-c", "1", str(wav)], check=True,
                       capture_output=True)
        return load_audio(wav)
    audio, rate = TextToSpeech().synthesize(text)
    return resample(audio, rate)


def silence(seconds: float) -> Audio:
    return np.zeros(int(seconds * SAMPLE_RATE), np.float32)


def bench_rtf(stt: SpeechToText, audio: Audio, runs: int) -> None:
    # The raw baseline calls the very model object the app wraps, so the comparison measures the app's own
    # overhead (audio checks, hallucination filter, identifier restoring), not two copies of the weights.
    raw_model = stt.load()
    kwargs = stt.options.whisper_kwargs(None)
    duration = audio.size / SAMPLE_RATE

    def raw() -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        segments, _info = raw_model.transcribe(audio, **kwargs)
        list(segments)
        return time.perf_counter() - wall, time.process_time() - cpu

    def app() -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        list(stt.transcribe(audio))
        return time.perf_counter() - wall, time.process_time() - cpu

    raw(), app()  # warm-up: first-call allocations, VAD model load
    timings: dict[str, list[tuple[float, float]]] = {"raw": [], "app": []}
    for n in range(runs):
        # Alternate which goes first, so neither always runs on a warmer cache or a quieter moment.
        for name in (("raw", "app") if n % 2 == 0 else ("app", "raw")):
            timings[name].append(raw() if name == "raw" else app())
    # Other processes only ever add time, so the fastest run of each is the best estimate of its own cost; the
    # medians show how noisy the machine was.
    raw_wall, app_wall = (min(w for w, _c in timings[k]) for k in ("raw", "app"))
    raw_cpu, app_cpu = (min(c for _w, c in timings[k]) for k in ("raw", "app"))
    raw_med, app_med = (median([w for w, _c in timings[k]]) for k in ("raw", "app"))
    text = " ".join(s.text for s in stt.transcribe(audio))
    print(f"audio: {duration:.1f} s of speech and pauses; WER of the app's transcript "
          f"{word_error_rate(' '.join(SENTENCES), text):.1%}")
    for name in ("raw", "app"):
        print(f"{name} runs, wall (s): {', '.join(f'{w:.2f}' for w, _c in timings[name])}")
    app_rtf = [w / duration for w, _c in timings["app"]]
    raw_rtf = [w / duration for w, _c in timings["raw"]]
    record("STT real-time factor, app vs raw faster-whisper (median, wall)", median(app_rtf), median(raw_rtf), "",
           "<= 1.05× raw", runs=app_rtf, floor_runs=raw_rtf, passed=median(app_rtf) <= median(raw_rtf) / 0.95)
    app_cpu_rtf = [c / duration for _w, c in timings["app"]]
    raw_cpu_rtf = [c / duration for _w, c in timings["raw"]]
    record("STT CPU seconds per audio second, app vs raw (median)", median(app_cpu_rtf), median(raw_cpu_rtf), "",
           "<= 1.05× raw", runs=app_cpu_rtf, floor_runs=raw_cpu_rtf,
           passed=median(app_cpu_rtf) <= median(raw_cpu_rtf) / 0.95)
    print(f"app speed relative to raw faster-whisper: {raw_wall / app_wall:.2f}x wall, {raw_cpu / app_cpu:.2f}x CPU "
          f"time, fastest runs (target >= 0.95x); {raw_med / app_med:.2f}x on medians")


@dataclass
class LiveRun:
    delay_s: float  # key release (push-to-talk) or the last word (hands-free) → final transcript, wall clock
    text: str


def last_sound_s(audio: Audio, threshold: float = 0.01) -> float:
    """Where the last audible sample is: the end of the last word."""
    loud = np.flatnonzero(np.abs(audio) > threshold)
    return float(loud[-1] + 1) / SAMPLE_RATE if loud.size else 0.0


def run_live(stt: SpeechToText, path: Path, mode: CaptureMode, prompt: str | None, last_word_s: float,
             release_after_s: float | None = None) -> LiveRun:
    source = WavFileSource(path, realtime=True)
    marks: dict[str, float] = {}
    if isinstance(mode, PushToTalk) and release_after_s is not None:
        key = mode.released

        def release() -> None:
            # The key goes up `release_after_s` into the recording, on the source's own clock.
            while not source.started_at:
                time.sleep(0.005)
            time.sleep(max(0.0, source.started_at + release_after_s - time.monotonic()))
            marks["end"] = time.monotonic()
            key.set()

        threading.Thread(target=release, daemon=True).start()
    final: TranscriptUpdate | None = None
    for event in listen(source, mode, stt, prompt):
        if isinstance(event, TranscriptUpdate) and event.is_final:
            final = event
    done = time.monotonic()
    assert final is not None
    end = marks["end"] if isinstance(mode, PushToTalk) else source.started_at + last_word_s
    return LiveRun(done - end, final.text)


def bench_latency(stt: SpeechToText, folder: Path, runs: int) -> None:
    # One answer of two phrases with a natural pause between them, as people answer.
    first, second = (speak(s, folder) for s in ANSWER)
    speech = np.concatenate([silence(0.5), first, silence(0.7), second])
    last_word_s = last_sound_s(speech)
    ptt_file = save_wav(folder / "ptt.wav", np.concatenate([speech, silence(1.0)]))
    hands_free_file = save_wav(folder / "hands-free.wav", np.concatenate([speech, silence(3.0)]))
    speech_s = speech.size / SAMPLE_RATE
    reference = " ".join(ANSWER)
    prompt = question_prompt_terms(QUESTION) or None
    mode = HandsFree()  # what the voice engine builds for hands-free capture
    raw_model = stt.load()
    kwargs = stt.options.whisper_kwargs(prompt)
    last_phrase_from = 0.5 + first.size / SAMPLE_RATE + 0.7
    tail = speech[int(last_phrase_from * SAMPLE_RATE): int((last_word_s + 0.3) * SAMPLE_RATE)]

    def raw_decode() -> float:
        began = time.perf_counter()
        segments, _info = raw_model.transcribe(tail, **kwargs)
        list(segments)
        return time.perf_counter() - began

    print(f"app settings: hands-free pause {mode.pause_s:g} s, {mode.short_pause_s:g} s after a finished sentence; "
          f"Whisper prompt {prompt!r}; the last word ends {last_word_s:.2f} s into the answer")
    run_live(stt, ptt_file, PushToTalk(threading.Event()), prompt, last_word_s, release_after_s=speech_s)  # warm-up
    raw_decode()
    texts: list[str] = []

    def hands_free() -> float:
        run = run_live(stt, hands_free_file, HandsFree(), prompt, last_word_s)
        texts.append(run.text)
        return run.delay_s

    def push_to_talk() -> float:
        run = run_live(stt, ptt_file, PushToTalk(threading.Event()), prompt, last_word_s,
                       release_after_s=speech_s + 0.1)
        texts.append(run.text)
        return run.delay_s

    hands_free_s, floor_hf = interleaved(hands_free, raw_decode, runs)
    ptt_s, floor_ptt = interleaved(push_to_talk, raw_decode, runs)
    wer = median([word_error_rate(reference, t) for t in texts])
    cut = [t for t in texts if "pointers" not in t.lower() or "sort" not in t.lower()]
    if cut:
        raise SystemExit(f"a final transcript lacks part of the answer (ended at the mid-sentence pause?): {cut[0]!r}")
    print(f"hands-free, last word → final (s): {runs_text(hands_free_s, 2)}; floor {runs_text(floor_hf, 2)}")
    print(f"push-to-talk, key release → final (s): {runs_text(ptt_s, 2)}; floor {runs_text(floor_ptt, 2)}; "
          f"median WER of the app's transcripts {wer:.1%}")
    record("speech end → final text, hands-free, from the last word (p95)", percentile(hands_free_s, 95),
           percentile(floor_hf, 95), "s", "<= 1.0 s", runs=hands_free_s, floor_runs=floor_hf,
           note=f"includes the app's end-of-answer pause ({mode.short_pause_s:g} s after a finished sentence, else "
                f"{mode.pause_s:g} s); floor: bare faster-whisper decoding the last phrase with the same prompt")
    record("speech end → final text, push-to-talk, from key release (p95)", percentile(ptt_s, 95),
           percentile(floor_ptt, 95), "s", "<= 1.0 s", runs=ptt_s, floor_runs=floor_ptt,
           note="floor: bare faster-whisper decoding the last phrase with the same prompt")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--latency-runs", type=int, default=3)
    args = parser.parse_args()
    stt = SpeechToText()
    stt.load()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"model {stt.model_path} on {stt.device} ({stt.compute_type}), {stt.cpu_threads} threads, "
          f"{os.cpu_count()} CPUs, load average {load}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        parts: list[Audio] = []
        for sentence in SENTENCES:
            parts += [speak(sentence, folder), silence(0.8)]
        bench_rtf(stt, np.concatenate(parts), args.runs)
        bench_latency(stt, folder, args.latency_runs)


if __name__ == "__main__":
    main()
