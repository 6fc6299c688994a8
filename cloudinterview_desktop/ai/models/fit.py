"""Whether a model fits this machine: RAM (and VRAM) for LLM, Whisper and TTS together, and n_gpu_layers."""


from __future__ import annotations

import ctypes
import logging
import os
import platform
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from cloudinterview_desktop.ai.models.gguf import GGUFInfo

log = logging.getLogger(__name__)

MIB = 1024 * 1024
GIB = 1024 * MIB
# Peak resident memory of the other engines, measured on a 2-core Linux machine (see docs/ai.md).
WHISPER_TINY_BYTES = 253 * MIB  # faster-whisper tiny.en int8, transcribing
TTS_BYTES = 185 * MIB  # hibari default voice, synthesising a sentence (a whole Python process)
APP_BYTES = 600 * MIB  # Qt, WebEngine editor and the app itself: an estimate, not a measurement
GPU_RESERVE_BYTES = 512 * MIB  # left free on the GPU for the driver, the display and llama.cpp's scratch buffers
COMPUTE_BASE_BYTES = 96 * MIB  # llama.cpp's compute buffers beyond the logits, roughly constant for small batches


@dataclass(frozen=True)
class SystemMemory:
    total: int | None
    available: int | None


@dataclass(frozen=True)
class GPUInfo:
    offload_supported: bool  # does this llama-cpp-python build offload at all (CUDA, Metal, Vulkan...)
    name: str = ""
    total: int | None = None
    free: int | None = None
    unified: bool = False  # Apple silicon: GPU memory is system memory


@dataclass(frozen=True)
class ModelShape:
    """What the estimate needs from a model; taken from its GGUF header, or guessed for a catalog entry."""

    weights_bytes: int
    layers: int
    kv_bytes_per_token: int
    vocab: int = 32000

    @classmethod
    def from_gguf(cls, info: GGUFInfo) -> ModelShape:
        tokens = info.get("tokenizer.ggml.tokens")
        vocab = getattr(tokens, "length", None) or (len(tokens) if isinstance(tokens, list) else 32000)
        return cls(info.data_size or info.file_size, info.block_count or 1, info.kv_bytes_per_token(), vocab)

    @classmethod
    def guess(cls, file_bytes: int, parameters_b: float) -> ModelShape:
        """A catalog model not yet on disk: layers and KV per token scale roughly with size for GQA models
        (about 28 layers and 28 KiB/token for a 1.5B, 36 layers and 72 KiB/token for a 3-4B)."""
        layers = 28 if parameters_b < 2 else 36
        kv = (28 if parameters_b < 2 else 72) * 1024
        return cls(file_bytes, layers, kv, 128000)


@dataclass
class FitEstimate:
    n_ctx: int
    llm_weights: int
    kv_cache: int
    compute: int
    whisper: int
    tts: int
    app: int
    ram_needed: int
    ram_total: int | None
    ram_available: int | None
    fits_ram: bool | None
    gpu_layers: int  # what to pass as n_gpu_layers: -1 all, 0 none, else that many
    vram_needed_all: int | None
    vram_free: int | None
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def system_memory() -> SystemMemory:
    if sys.platform.startswith("linux"):
        try:
            fields = {}
            for line in Path("/proc/meminfo").read_text().splitlines():
                key, _, rest = line.partition(":")
                fields[key] = int(rest.split()[0]) * 1024
            return SystemMemory(fields.get("MemTotal"), fields.get("MemAvailable"))
        except (OSError, ValueError, IndexError):
            pass
    if sys.platform == "win32":
        class _Status(ctypes.Structure):
            _fields_ = [("length", ctypes.c_ulong), ("load", ctypes.c_ulong), ("total", ctypes.c_ulonglong),
                        ("avail", ctypes.c_ulonglong), ("total_page", ctypes.c_ulonglong),
                        ("avail_page", ctypes.c_ulonglong), ("total_virtual", ctypes.c_ulonglong),
                        ("avail_virtual", ctypes.c_ulonglong), ("avail_extended", ctypes.c_ulonglong)]
        status = _Status()
        status.length = ctypes.sizeof(_Status)
        if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined]
            return SystemMemory(int(status.total), int(status.avail))
    try:
        return SystemMemory(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"), None)
    except (ValueError, OSError, AttributeError):
        return SystemMemory(None, None)


def llama_offload_supported() -> bool:
    try:
        import llama_cpp
    except (ImportError, OSError):
        return False
    return bool(llama_cpp.llama_supports_gpu_offload())


def _nvidia() -> tuple[str, int, int] | None:
    exe = shutil.which("nvidia-smi")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--query-gpu=name,memory.total,memory.free", "--format=csv,noheader,nounits"],
                             capture_output=True, text=True, timeout=5, check=True).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("nvidia-smi failed: %s", exc)
        return None
    first = out.strip().splitlines()[0] if out.strip() else ""
    parts = [p.strip() for p in first.split(",")]
    if len(parts) != 3:
        return None
    try:
        return parts[0], int(parts[1]) * MIB, int(parts[2]) * MIB
    except ValueError:
        return None


def detect_gpu(offload_supported: bool | None = None) -> GPUInfo:
    supported = llama_offload_supported() if offload_supported is None else offload_supported
    if not supported:
        return GPUInfo(False)
    if sys.platform == "darwin" and platform.machine() == "arm64":
        total = system_memory().total
        # Metal lets the GPU use about two thirds of unified memory by default.
        return GPUInfo(True, "Apple GPU (unified memory)", total, int(total * 2 / 3) if total else None, True)
    nvidia = _nvidia()
    if nvidia is not None:
        return GPUInfo(True, nvidia[0], nvidia[1], nvidia[2])
    return GPUInfo(True, "GPU (memory unknown)")


def suggest_gpu_layers(shape: ModelShape, n_ctx: int, gpu: GPUInfo) -> tuple[int, int | None, str]:
    """n_gpu_layers for llama.cpp, the VRAM a full offload needs, and why."""
    if not gpu.offload_supported:
        return 0, None, "this llama-cpp-python build has no GPU support: the model runs on the CPU"
    per_layer = shape.weights_bytes // (shape.layers + 1) + shape.kv_bytes_per_token * n_ctx // max(shape.layers, 1)
    output_layer = shape.weights_bytes // (shape.layers + 1)
    compute = COMPUTE_BASE_BYTES + 512 * shape.vocab * 4
    needed_all = per_layer * shape.layers + output_layer + compute + GPU_RESERVE_BYTES
    if gpu.free is None:
        return -1, needed_all, (f"{gpu.name}: free memory unknown, so every layer is offloaded; if loading fails the "
                                "app falls back to the CPU")
    if gpu.free >= needed_all:
        return -1, needed_all, f"{gpu.name}: all {shape.layers} layers fit in {gpu.free / GIB:.1f} GiB free"
    room = gpu.free - GPU_RESERVE_BYTES - compute - output_layer
    layers = max(0, min(shape.layers, room // per_layer if per_layer else 0))
    return int(layers), needed_all, (f"{gpu.name}: {layers} of {shape.layers} layers fit in "
                                     f"{gpu.free / GIB:.1f} GiB free (all would need {needed_all / GIB:.1f} GiB)")


def estimate_fit(shape: ModelShape, n_ctx: int, memory: SystemMemory | None = None, gpu: GPUInfo | None = None,
                 with_voice: bool = True) -> FitEstimate:
    memory = memory or system_memory()
    gpu = gpu or detect_gpu()
    kv = shape.kv_bytes_per_token * n_ctx
    compute = COMPUTE_BASE_BYTES + 512 * shape.vocab * 4  # the logits of a 512-token batch dominate
    layers, vram_all, why = suggest_gpu_layers(shape, n_ctx, gpu)
    on_gpu = shape.layers if layers == -1 else layers
    # Offloaded layers (weights and their KV cache) leave system RAM, except on unified memory where it is shared.
    share = 0.0 if gpu.unified else on_gpu / max(shape.layers, 1)
    weights_ram = int(shape.weights_bytes * (1 - share))
    kv_ram = int(kv * (1 - share))
    whisper = WHISPER_TINY_BYTES if with_voice else 0
    tts = TTS_BYTES if with_voice else 0
    needed = weights_ram + kv_ram + compute + whisper + tts + APP_BYTES
    if gpu.unified:
        needed = shape.weights_bytes + kv + compute + whisper + tts + APP_BYTES
    budget = memory.available if memory.available is not None else memory.total
    fits = None if budget is None else needed <= budget
    notes = [why]
    if fits is False:
        notes.append(f"needs about {needed / GIB:.1f} GiB of RAM but {budget / GIB:.1f} GiB is "  # type: ignore[operator]
                     f"{'available' if memory.available is not None else 'installed'}: choose a smaller model, "
                     "a smaller context, or close other programs")
    return FitEstimate(n_ctx, shape.weights_bytes, kv, compute, whisper, tts, APP_BYTES, needed, memory.total,
                       memory.available, fits, layers, vram_all, gpu.free, notes)


TIGHT_SHARE = 0.8  # more than this share of the memory at hand: it runs, with little left for anything else


def fit_badge(estimate: FitEstimate) -> str:
    """'fits', 'tight', 'too big' or 'unknown', as a catalog shows it."""
    budget = estimate.ram_available if estimate.ram_available is not None else estimate.ram_total
    if estimate.fits_ram is None or budget is None:
        return "unknown"
    if not estimate.fits_ram:
        return "too big"
    return "tight" if estimate.ram_needed > TIGHT_SHARE * budget else "fits"
