"""`cloudinterview transcribe` and `cloudinterview speak`: the voice layer from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cloudinterview_desktop.cli.context import CliContext, CommandError
from cloudinterview_desktop.cli.output import print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    t = sub.add_parser("transcribe", help="transcribe an audio file with the embedded Whisper model")
    t.add_argument("audio_file", type=Path, help="WAV, FLAC, MP3, OGG, M4A ...")
    t.add_argument("--json", action="store_true", help='print {"text": ..., "segments": [{start, end, text}]}')
    t.add_argument("--prompt", help="words to bias recognition toward (e.g. the question's identifiers)")
    t.add_argument("--model", type=Path, help="a faster-whisper model folder (default: the embedded tiny.en)")
    t.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    t.set_defaults(handler=run_transcribe)

    s = sub.add_parser("speak", help="speak text into a WAV file with the embedded voice")
    s.add_argument("text", help="the text to speak; - reads it from standard input")
    s.add_argument("-o", "--output", type=Path, required=True, help="the WAV file to write")
    s.add_argument("--speed", type=float, default=1.0, help="0.5 (slow) to 2.0 (fast)")
    s.set_defaults(handler=run_speak)


def run_transcribe(args: argparse.Namespace, ctx: CliContext) -> int:
    from cloudinterview_desktop.voice.speech_to_text import SpeechToText

    stt = SpeechToText(model_path=args.model, device=args.device)
    stt.validate()  # a missing model is reported before the audio is decoded
    transcript = stt.transcribe_all(args.audio_file, prompt=args.prompt)
    if args.json:
        print_json(transcript.to_dict())
    else:
        print(transcript.text)
    return 0


def run_speak(args: argparse.Namespace, ctx: CliContext) -> int:
    from cloudinterview_desktop.voice.audio_files import save_wav
    from cloudinterview_desktop.voice.text_to_speech import TextToSpeech

    text = sys.stdin.read() if args.text == "-" else args.text
    if not text.strip():
        raise CommandError("nothing to speak: the text is empty")
    audio, rate = TextToSpeech(speed=args.speed).synthesize(text)
    if audio.size == 0:
        raise CommandError("nothing to speak: the text has no words")
    try:
        path = save_wav(args.output, audio, rate)
    except OSError as exc:
        raise CommandError(f"cannot write {args.output}: {exc}") from exc
    print(f"wrote {path} ({audio.size / rate:.1f} s at {rate} Hz)")
    return 0
