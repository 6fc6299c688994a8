"""The fit estimate: RAM for LLM + Whisper + TTS, VRAM, and the n_gpu_layers suggestion."""

from __future__ import annotations

from pathlib import Path

from cloudinterview_desktop.ai.models.fit import (
    APP_BYTES,
    GIB,
    TTS_BYTES,
    WHISPER_TINY_BYTES,
    GPUInfo,
    ModelShape,
    SystemMemory,
    estimate_fit,
)
from cloudinterview_desktop.ai.models.gguf import inspect_gguf

THREE_B = ModelShape(weights_bytes=2 * GIB, layers=36, kv_bytes_per_token=72 * 1024, vocab=151_000)


def test_cpu_only_counts_everything_in_ram() -> None:
    fit = estimate_fit(THREE_B, 4096, SystemMemory(16 * GIB, 12 * GIB), GPUInfo(False))
    assert fit.gpu_layers == 0 and fit.fits_ram is True
    assert fit.ram_needed == (2 * GIB + 72 * 1024 * 4096 + fit.compute + WHISPER_TINY_BYTES + TTS_BYTES + APP_BYTES)
    assert "no GPU support" in fit.notes[0]


def test_too_little_ram_says_so() -> None:
    fit = estimate_fit(THREE_B, 4096, SystemMemory(4 * GIB, 2 * GIB), GPUInfo(False))
    assert fit.fits_ram is False and "choose a smaller model" in fit.notes[-1]


def test_gpu_layers_follow_free_vram() -> None:
    big = estimate_fit(THREE_B, 4096, SystemMemory(16 * GIB, 12 * GIB), GPUInfo(True, "RTX", 12 * GIB, 10 * GIB))
    assert big.gpu_layers == -1 and big.ram_needed < estimate_fit(
        THREE_B, 4096, SystemMemory(16 * GIB, 12 * GIB), GPUInfo(False)).ram_needed
    small = estimate_fit(THREE_B, 4096, SystemMemory(16 * GIB, 12 * GIB), GPUInfo(True, "MX", 2 * GIB, 2 * GIB))
    assert 0 < small.gpu_layers < 36 and "of 36 layers fit" in small.notes[0]
    tiny = estimate_fit(THREE_B, 4096, SystemMemory(16 * GIB, 12 * GIB), GPUInfo(True, "old", GIB, GIB // 2))
    assert tiny.gpu_layers == 0
    unknown = estimate_fit(THREE_B, 4096, SystemMemory(16 * GIB, None), GPUInfo(True, "GPU (memory unknown)"))
    assert unknown.gpu_layers == -1 and "falls back to the CPU" in unknown.notes[0]


def test_shape_from_the_embedded_models_header(model_path: Path) -> None:
    shape = ModelShape.from_gguf(inspect_gguf(model_path))
    assert shape.layers == 30 and shape.vocab == 49152 and shape.kv_bytes_per_token == 23040
    fit = estimate_fit(shape, 2048, SystemMemory(8 * GIB, 6 * GIB), GPUInfo(False))
    assert fit.fits_ram and fit.ram_needed < 2 * GIB
