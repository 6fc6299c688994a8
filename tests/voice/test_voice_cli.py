"""`cloudinterview transcribe` and `cloudinterview speak`, run as the real command in a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from cloudinterview_desktop.voice.audio_files import load_audio, save_wav
from cloudinterview_desktop.voice.word_error_rate import word_error_rate
from tests.cli.helpers import cli
from tests.voice.helpers import SpeechMaker

SENTENCE = "My first idea is to sort the input."


@pytest.mark.model
def test_transcribe_prints_text_or_json(app_home: Path, say: SpeechMaker) -> None:
    audio = say(SENTENCE)
    result = cli("transcribe", str(audio), "--json", home=app_home)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"text", "segments"}
    assert word_error_rate(SENTENCE, data["text"]) < 0.15
    assert all(set(s) == {"start", "end", "text"} and s["start"] < s["end"] for s in data["segments"])
    plain = cli("transcribe", str(audio), "--prompt", "Glossary: sort, input.", home=app_home)
    assert plain.returncode == 0 and word_error_rate(SENTENCE, plain.stdout) < 0.15


def _bad_inputs(tmp: Path) -> list[tuple[list[str], str]]:
    (tmp / "text.wav").write_text("hello, I am a text file\n")
    (tmp / "empty.wav").touch()
    good = save_wav(tmp / "good.wav", np.zeros(1600, np.float32)).read_bytes()
    (tmp / "corrupt.wav").write_bytes(good[:30])
    return [
        (["transcribe", str(tmp / "text.wav")], "not an audio file"),
        (["transcribe", str(tmp / "empty.wav")], "empty"),
        (["transcribe", str(tmp / "corrupt.wav")], "corrupt WAV"),
        (["transcribe", str(tmp / "missing.ogg")], "not found"),
        (["transcribe", str(tmp / "text.wav"), "--model", str(tmp / "no-model")], "speech model folder not found"),
        (["speak", "   ", "-o", str(tmp / "out.wav")], "nothing to speak"),
    ]


def test_unusable_input_exits_1_with_one_line_on_stderr(app_home: Path, tmp_path: Path) -> None:
    for args, message in _bad_inputs(tmp_path):
        result = cli(*args, home=app_home)
        assert result.returncode == 1, (args, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], (args, result.stderr)
        assert "Traceback" not in result.stderr and result.stdout == ""


def test_speak_writes_a_wav_file(app_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "hello.wav"
    result = cli("speak", "Hello. Let's begin the interview.", "-o", str(out), home=app_home)
    assert result.returncode == 0, result.stderr
    assert "24000 Hz" in result.stdout
    assert 1.0 < load_audio(out).size / 16000 < 5.0
