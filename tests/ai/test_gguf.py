"""The GGUF header reader on the real embedded model, and every kind of broken file rejected with a clear error."""

from __future__ import annotations

import ctypes
import os
import struct
from pathlib import Path

import llama_cpp
import pytest

from cloudinterview_desktop.ai.backends.llama_cpp_backend import LlamaCppBackend
from cloudinterview_desktop.ai.errors import ModelFormatError, ModelNotFound
from cloudinterview_desktop.ai.factory import build_ai
from cloudinterview_desktop.ai.models.gguf import FILE_TYPES, GGML_TYPES, inspect_gguf, read_gguf
from cloudinterview_desktop.paths import resolve_paths


def _copy_prefix(source: Path, dest: Path, size: int) -> Path:
    with source.open("rb") as src, dest.open("wb") as out:
        out.write(src.read(size))
    return dest


def test_reads_the_embedded_models_header(model_path: Path) -> None:
    info = inspect_gguf(model_path)
    assert info.version == 3
    assert info.architecture == "llama"
    assert info.quantization == "Q4_1"
    assert info.context_length == 8192
    assert info.licence == "apache-2.0"
    assert "<|im_start|>" in info.chat_template
    assert 130_000_000 < info.parameter_count < 140_000_000
    assert info.block_count == 30
    # SmolLM2-135M: 30 layers x 3 KV heads x (64 + 64) x 2 bytes
    assert info.kv_bytes_per_token() == 30 * 3 * 128 * 2
    assert info.data_size is not None
    assert info.data_offset + info.data_size == info.file_size == model_path.stat().st_size


def test_ggml_type_table_matches_the_library() -> None:
    lib_dir = Path(llama_cpp.__file__).parent / "lib"
    candidates = [p for p in lib_dir.iterdir() if p.name.startswith(("libggml-base", "ggml-base"))]
    if not candidates:
        pytest.skip(f"no ggml-base library found in {lib_dir}")
    lib = ctypes.CDLL(str(candidates[0]))
    lib.ggml_type_size.restype = ctypes.c_size_t
    lib.ggml_type_size.argtypes = [ctypes.c_int]
    lib.ggml_blck_size.restype = ctypes.c_int64
    lib.ggml_blck_size.argtypes = [ctypes.c_int]
    for type_id, (name, block, size) in GGML_TYPES.items():
        assert (lib.ggml_blck_size(type_id), lib.ggml_type_size(type_id)) == (block, size), name


def test_file_type_names_match_llama_cpp_constants() -> None:
    for value, name in FILE_TYPES.items():
        constant = f"LLAMA_FTYPE_MOSTLY_{name}" if value else "LLAMA_FTYPE_ALL_F32"
        assert getattr(llama_cpp, constant) == value, name


@pytest.mark.parametrize("content, message", [
    (os.urandom(4096), "is not a GGUF model"),
    (b"", "the file is empty"),
    (b"<!DOCTYPE html><html><body>Not found</body></html>", "web page"),
    (b"ggjt" + os.urandom(64), "old GGML model"),
    (b"GGUF" + struct.pack("<I", 1) + os.urandom(64), "version 1"),
    (b"GGUF" + struct.pack("<I", 3 << 24) + os.urandom(64), "big-endian"),
    (b"GGUF" + struct.pack("<IQQ", 3, 2**40, 2**40), "header is corrupt"),
    (b"GGUF" + struct.pack("<IQQ", 3, 1, 1) + struct.pack("<Q", 2**50), "header is corrupt"),
    (b"GGUF" + struct.pack("<IQQ", 3, 0, 3), "ends early"),
])
def test_broken_files_are_rejected_clearly(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "broken.gguf"
    path.write_bytes(content)
    with pytest.raises(ModelFormatError, match=message):
        inspect_gguf(path)


def test_wrong_magic_on_a_real_model(model_path: Path, tmp_path: Path) -> None:
    path = _copy_prefix(model_path, tmp_path / "magic.gguf", 2_000_000)
    with path.open("r+b") as stream:
        stream.write(b"GGUX")
    with pytest.raises(ModelFormatError, match=r"starts with b'GGUX'"):
        read_gguf(path)


def test_truncated_download_is_caught(model_path: Path, tmp_path: Path) -> None:
    size = model_path.stat().st_size
    path = _copy_prefix(model_path, tmp_path / "half.gguf", size * 6 // 10)
    read_gguf(path)  # the header alone is intact...
    with pytest.raises(ModelFormatError, match="is truncated") as caught:
        inspect_gguf(path)  # ...but the tensor data is not
    assert f"{size - path.stat().st_size:,} missing" in str(caught.value)
    one_byte_short = _copy_prefix(model_path, tmp_path / "short.gguf", size - 1)
    with pytest.raises(ModelFormatError, match="1 missing"):
        inspect_gguf(one_byte_short)


def test_truncated_header_is_caught(model_path: Path, tmp_path: Path) -> None:
    path = _copy_prefix(model_path, tmp_path / "header.gguf", 100_000)  # inside the vocabulary
    with pytest.raises(ModelFormatError, match=r"header ends early|header is corrupt"):
        read_gguf(path)


def test_missing_file_is_model_not_found(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFound):
        read_gguf(tmp_path / "nope.gguf")


def test_backend_and_factory_refuse_broken_files_without_loading(model_path: Path, tmp_path: Path) -> None:
    random_file = tmp_path / "random.gguf"
    random_file.write_bytes(os.urandom(100_000))
    truncated = _copy_prefix(model_path, tmp_path / "truncated.gguf", model_path.stat().st_size // 2)
    loads: list[dict[str, object]] = []

    def never_called(**kwargs: object) -> llama_cpp.Llama:
        loads.append(kwargs)
        raise AssertionError("llama.cpp must never see a broken file")

    for path in (random_file, truncated):
        with pytest.raises(ModelFormatError):
            LlamaCppBackend(path, llama_factory=never_called)
    assert loads == []
    components = build_ai(resolve_paths(tmp_path / "home"), model_path=truncated)
    assert components.interviewer is None and components.feedback_builder is None and components.picker is None
    assert any("truncated" in note for note in components.backend_status_notes)

