"""Audio files and model folders that cannot be used give typed errors with clear messages; nothing crashes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from cloudinterview_desktop.embedded_models import embedded_whisper
from cloudinterview_desktop.voice.audio_files import load_audio, save_wav
from cloudinterview_desktop.voice.errors import AudioFileError, SpeechModelError
from cloudinterview_desktop.voice.speech_to_text import SpeechToText
from cloudinterview_desktop.voice.whisper_model import choose_device, validate_model_dir
from tests.voice.helpers import SpeechMaker


def _wav(tmp_path: Path) -> bytes:
    return save_wav(tmp_path / "ok.wav", np.sin(np.arange(16000) / 5).astype(np.float32) * 0.3).read_bytes()


def test_a_text_file_named_wav_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "answer.wav"
    fake.write_text("this is not audio, just text in a file called .wav\n")
    with pytest.raises(AudioFileError, match="not an audio file this app can read"):
        load_audio(fake)


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty.wav").touch()
    with pytest.raises(AudioFileError, match="empty"):
        load_audio(tmp_path / "empty.wav")


def test_a_wav_with_a_broken_header_is_corrupt(tmp_path: Path) -> None:
    data = _wav(tmp_path)
    (tmp_path / "truncated.wav").write_bytes(data[:30])  # cut inside the fmt chunk
    with pytest.raises(AudioFileError, match="corrupt WAV"):
        load_audio(tmp_path / "truncated.wav")
    (tmp_path / "header-only.wav").write_bytes(data[:44])  # a valid header with no samples
    with pytest.raises(AudioFileError, match="no audio samples"):
        load_audio(tmp_path / "header-only.wav")


def test_a_file_without_sound_is_refused(tmp_path: Path) -> None:
    png = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010800000000"
                        "3a7e9b550000000a49444154789c63600000000200015e0df4c60000000049454e44ae426082")
    (tmp_path / "picture.png").write_bytes(png)
    with pytest.raises(AudioFileError):
        load_audio(tmp_path / "picture.png")


def test_a_missing_file_and_a_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(AudioFileError, match="not found"):
        load_audio(tmp_path / "nope.wav")
    with pytest.raises(AudioFileError, match="folder"):
        load_audio(tmp_path)


def test_other_audio_formats_are_read(tmp_path: Path, say: SpeechMaker) -> None:
    # Decoding goes through FFmpeg (PyAV), so OGG/Vorbis and FLAC answers work as well as WAV.
    source = say("A short answer.")
    reference = load_audio(source)
    for suffix in (".flac", ".ogg"):
        target = tmp_path / f"answer{suffix}"
        result = subprocess.run(["sox", str(source), str(target)], capture_output=True)
        if result.returncode != 0:
            pytest.skip(f"this sox cannot write {suffix}")
        decoded = load_audio(target)
        assert decoded.size == pytest.approx(reference.size, abs=2000)


def test_a_missing_or_incomplete_model_folder_is_reported_before_loading(tmp_path: Path) -> None:
    with pytest.raises(SpeechModelError, match="not found"):
        validate_model_dir(tmp_path / "no-model")
    with pytest.raises(SpeechModelError, match=r"missing model\.bin, config\.json, tokenizer\.json, vocabulary"):
        validate_model_dir(tmp_path)
    (tmp_path / "file").write_text("x")
    with pytest.raises(SpeechModelError, match="must be a folder"):
        validate_model_dir(tmp_path / "file")
    with pytest.raises(SpeechModelError, match="not found"):
        list(SpeechToText(model_path=tmp_path / "no-model").transcribe(np.ones(16000, np.float32) * 0.1))


def _copy_model(tmp_path: Path) -> Path:
    real = embedded_whisper().path
    assert real is not None
    folder = tmp_path / "model"
    folder.mkdir()
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copy(real / name, folder / name)
    return folder


def test_a_model_without_its_tokenizer_is_refused_rather_than_downloaded(tmp_path: Path) -> None:
    folder = _copy_model(tmp_path)
    (folder / "model.bin").write_bytes(b"\0" * 100)
    (folder / "tokenizer.json").unlink()
    with pytest.raises(SpeechModelError, match=r"missing tokenizer\.json"):
        SpeechToText(model_path=folder).load()


def test_a_damaged_model_file_is_a_clear_error(tmp_path: Path) -> None:
    folder = _copy_model(tmp_path)
    (folder / "model.bin").write_bytes(np.random.default_rng(0).bytes(50_000))
    with pytest.raises(SpeechModelError, match="could not be loaded"):
        SpeechToText(model_path=folder).load()
    (folder / "config.json").write_text("{not json")
    with pytest.raises(SpeechModelError, match="config is unreadable"):
        validate_model_dir(folder)


def test_device_choice() -> None:
    assert choose_device("cpu") == "cpu"
    assert choose_device("auto") in ("cpu", "cuda")
    with pytest.raises(SpeechModelError):
        choose_device("tpu")
