"""A small GGUF header reader that validates a file (magic, header, size covering the tensors) before any load."""


from __future__ import annotations

import io
import math
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, cast

from cloudinterview_desktop.ai.errors import ModelFormatError, ModelNotFound

MAGIC = b"GGUF"
SUPPORTED_VERSIONS = (2, 3)
DEFAULT_ALIGNMENT = 32
MAX_DIMS = 4  # GGML_MAX_DIMS

# Limits far above any real model, so random bytes that happen to start with "GGUF" fail fast and clearly.
_MAX_STRING = 64 * 1024 * 1024
_MAX_KV = 1 << 16
_MAX_TENSORS = 1 << 20
_MAX_ARRAY = 1 << 28
_KEEP_ARRAY = 256  # longer arrays (token lists, merges) are summarised, not kept in memory

# GGUF metadata value types and the struct formats of the fixed-size ones.
_UINT8, _INT8, _UINT16, _INT16, _UINT32, _INT32, _FLOAT32, _BOOL, _STRING, _ARRAY, _UINT64, _INT64, _FLOAT64 = range(13)
_SCALAR_FORMATS = {_UINT8: "<B", _INT8: "<b", _UINT16: "<H", _INT16: "<h", _UINT32: "<I", _INT32: "<i",
                   _FLOAT32: "<f", _BOOL: "<?", _UINT64: "<Q", _INT64: "<q", _FLOAT64: "<d"}

# ggml tensor types: id -> (name, elements per block, bytes per block). Cross-checked against libggml in the tests.
GGML_TYPES: dict[int, tuple[str, int, int]] = {
    0: ("F32", 1, 4), 1: ("F16", 1, 2), 2: ("Q4_0", 32, 18), 3: ("Q4_1", 32, 20), 6: ("Q5_0", 32, 22),
    7: ("Q5_1", 32, 24), 8: ("Q8_0", 32, 34), 9: ("Q8_1", 32, 36), 10: ("Q2_K", 256, 84), 11: ("Q3_K", 256, 110),
    12: ("Q4_K", 256, 144), 13: ("Q5_K", 256, 176), 14: ("Q6_K", 256, 210), 15: ("Q8_K", 256, 292),
    16: ("IQ2_XXS", 256, 66), 17: ("IQ2_XS", 256, 74), 18: ("IQ3_XXS", 256, 98), 19: ("IQ1_S", 256, 50),
    20: ("IQ4_NL", 32, 18), 21: ("IQ3_S", 256, 110), 22: ("IQ2_S", 256, 82), 23: ("IQ4_XS", 256, 136),
    24: ("I8", 1, 1), 25: ("I16", 1, 2), 26: ("I32", 1, 4), 27: ("I64", 1, 8), 28: ("F64", 1, 8),
    29: ("IQ1_M", 256, 56), 30: ("BF16", 1, 2), 34: ("TQ1_0", 256, 54), 35: ("TQ2_0", 256, 66),
    39: ("MXFP4", 32, 17), 40: ("NVFP4", 64, 36), 41: ("Q1_0", 128, 18), 42: ("Q2_0", 64, 18),
}

# general.file_type (llama_ftype) -> the quantization name users know from file names.
FILE_TYPES: dict[int, str] = {
    0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K", 11: "Q3_K_S",
    12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S", 17: "Q5_K_M", 18: "Q6_K",
    19: "IQ2_XXS", 20: "IQ2_XS", 21: "Q2_K_S", 22: "IQ3_XS", 23: "IQ3_XXS", 24: "IQ1_S", 25: "IQ4_NL",
    26: "IQ3_S", 27: "IQ3_M", 28: "IQ2_S", 29: "IQ2_M", 30: "IQ4_XS", 31: "IQ1_M", 32: "BF16", 36: "TQ1_0",
    37: "TQ2_0", 38: "MXFP4_MOE", 39: "NVFP4", 40: "Q1_0", 41: "Q2_0",
}


@dataclass(frozen=True)
class ArraySummary:
    """A metadata array too long to keep (a vocabulary): its item type and length."""

    item_type: int
    length: int


@dataclass(frozen=True)
class TensorInfo:
    name: str
    shape: tuple[int, ...]
    type_id: int
    offset: int  # relative to the start of the data section

    @property
    def elements(self) -> int:
        return math.prod(self.shape)

    @property
    def nbytes(self) -> int | None:
        known = GGML_TYPES.get(self.type_id)
        if known is None:
            return None
        _, block, size = known
        return self.elements // block * size


@dataclass(frozen=True)
class GGUFInfo:
    path: Path
    version: int
    file_size: int
    metadata: dict[str, Any]
    tensors: tuple[TensorInfo, ...]
    data_offset: int  # where the tensor data starts (the header's end, aligned)
    alignment: int
    unknown_types: tuple[int, ...] = field(default=())

    def get(self, key: str, default: Any = None) -> Any:
        return self.metadata.get(key, default)

    def _arch(self, suffix: str, default: Any = None) -> Any:
        return self.metadata.get(f"{self.architecture}.{suffix}", default)

    @property
    def architecture(self) -> str:
        return str(self.metadata.get("general.architecture", "unknown"))

    @property
    def model_name(self) -> str:
        return str(self.metadata.get("general.name", self.path.stem))

    @property
    def context_length(self) -> int | None:
        value = self._arch("context_length")
        return int(value) if isinstance(value, int) else None

    @property
    def quantization(self) -> str:
        value = self.metadata.get("general.file_type")
        if isinstance(value, int):
            return FILE_TYPES.get(value, f"file type {value}")
        return "unknown"

    @property
    def licence(self) -> str:
        return str(self.metadata.get("general.license", ""))

    @property
    def chat_template(self) -> str:
        return str(self.metadata.get("tokenizer.chat_template", ""))

    @property
    def parameter_count(self) -> int:
        return sum(t.elements for t in self.tensors)

    @property
    def block_count(self) -> int:
        return int(self._arch("block_count", 0) or 0)

    @property
    def data_size(self) -> int | None:
        """Bytes the tensor data needs (the furthest tensor end); None when a tensor type is unknown to us."""
        if self.unknown_types:
            return None
        return max((t.offset + (t.nbytes or 0) for t in self.tensors), default=0)

    def kv_bytes_per_token(self) -> int:
        """The f16 KV cache per token of context: 2 (K and V) x layers x KV heads x head size x 2 bytes."""
        layers = self.block_count
        heads = int(self._arch("attention.head_count", 0) or 0)
        kv_heads = self._arch("attention.head_count_kv", heads)
        kv_heads = int(kv_heads) if isinstance(kv_heads, int) else heads
        embedding = int(self._arch("embedding_length", 0) or 0)
        head_k = int(self._arch("attention.key_length", embedding // heads if heads else 0) or 0)
        head_v = int(self._arch("attention.value_length", head_k) or 0)
        return layers * kv_heads * (head_k + head_v) * 2

    def summary(self) -> dict[str, Any]:
        return {"architecture": self.architecture, "model_name": self.model_name,
                "parameters": self.parameter_count, "quantization": self.quantization,
                "context_length": self.context_length, "licence": self.licence, "gguf_version": self.version,
                "tensors": len(self.tensors)}


class _Reader:
    """Sequential little-endian reads that turn a short read into a clear 'truncated header' error."""

    def __init__(self, stream: BinaryIO, path: Path, file_size: int) -> None:
        self._stream = stream
        self._path = path
        self.file_size = file_size
        self.pos = 0

    def read(self, n: int) -> bytes:
        data = self._stream.read(n)
        if len(data) < n:
            raise ModelFormatError(f"{self._path.name}: the GGUF header ends early at byte {self.pos + len(data)} "
                                   "(the file is truncated or is not a GGUF model)")
        self.pos += n
        return data

    def skip(self, n: int) -> None:
        if self.pos + n > self.file_size:
            self.read(self.file_size - self.pos + 1)  # raises the truncation error
        self._stream.seek(n, io.SEEK_CUR)
        self.pos += n

    def scalar(self, fmt: str) -> Any:
        return struct.unpack(fmt, self.read(struct.calcsize(fmt)))[0]

    def u32(self) -> int:
        return int(self.scalar("<I"))

    def u64(self) -> int:
        return int(self.scalar("<Q"))

    def string_length(self) -> int:
        length = self.u64()
        if length > _MAX_STRING or length > self.file_size - self.pos:
            raise ModelFormatError(f"{self._path.name}: a header string at byte {self.pos} claims {length} bytes "
                                   "(the header is corrupt)")
        return length

    def string(self) -> str:
        return self.read(self.string_length()).decode("utf-8", errors="replace")

    def value(self, value_type: int) -> Any:
        if value_type in _SCALAR_FORMATS:
            return self.scalar(_SCALAR_FORMATS[value_type])
        if value_type == _STRING:
            return self.string()
        if value_type == _ARRAY:
            return self.array()
        raise ModelFormatError(f"{self._path.name}: unknown metadata value type {value_type} at byte {self.pos} "
                               "(the header is corrupt or from a newer GGUF version)")

    def array(self) -> list[Any] | ArraySummary:
        item_type = self.u32()
        length = self.u64()
        if length > _MAX_ARRAY:
            raise ModelFormatError(f"{self._path.name}: a metadata array claims {length} items (the header is corrupt)")
        if length > _KEEP_ARRAY:
            if item_type in _SCALAR_FORMATS:
                self.skip(length * struct.calcsize(_SCALAR_FORMATS[item_type]))
            elif item_type == _STRING:
                for _ in range(length):
                    self.skip(self.string_length())
            else:
                for _ in range(length):
                    self.value(item_type)
            return ArraySummary(item_type, length)
        return [self.value(item_type) for _ in range(length)]


def _sniff(head: bytes) -> str:
    """What a non-GGUF file most likely is, so the error tells the user what went wrong."""
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype", b"<html", b"<?xml")):
        return "it looks like a web page (the download URL probably returned an error or login page)"
    if head[:4] in (b"ggml", b"ggmf", b"ggjt", b"lmgg", b"fmgg", b"tjgg"):
        return "it is an old GGML model; the app needs the newer GGUF format"
    if head[:4] == b"PK\x03\x04":
        return "it is a zip archive (a PyTorch checkpoint?); the app needs a GGUF model"
    if len(head) >= 9 and head[8:9] == b"{":
        return "it looks like a safetensors file; the app needs a GGUF model (look for a '-GGUF' repository)"
    if not head:
        return "the file is empty"
    return f"it starts with {head[:4]!r} instead of b'GGUF'"


def read_gguf(path: Path) -> GGUFInfo:
    """The header of the GGUF file at `path`; ModelFormatError (never a crash) for anything that is not one."""
    path = Path(path)
    if not path.is_file():
        raise ModelNotFound(f"no model file at {path}")
    file_size = path.stat().st_size
    with cast(io.BufferedReader, path.open("rb", buffering=1 << 20)) as stream:
        head = stream.peek(16)[:16]
        if head[:4] != MAGIC:
            raise ModelFormatError(f"{path.name} is not a GGUF model: {_sniff(head)}")
        reader = _Reader(stream, path, file_size)
        reader.read(4)
        version = reader.u32()
        if version not in SUPPORTED_VERSIONS:
            if version in (2 << 24, 3 << 24):
                raise ModelFormatError(f"{path.name} is a big-endian GGUF file, which this app cannot load")
            if version == 1:
                raise ModelFormatError(f"{path.name} uses GGUF version 1 (2023), which llama.cpp no longer reads: "
                                       "download a current GGUF of the model")
            raise ModelFormatError(f"{path.name} has GGUF version {version}; this app reads versions 2 and 3")
        tensor_count = reader.u64()
        kv_count = reader.u64()
        if tensor_count > _MAX_TENSORS or kv_count > _MAX_KV:
            raise ModelFormatError(f"{path.name}: the header claims {tensor_count} tensors and {kv_count} metadata "
                                   "entries (the header is corrupt)")
        metadata: dict[str, Any] = {}
        for _ in range(kv_count):
            key = reader.string()
            metadata[key] = reader.value(reader.u32())
        tensors = []
        unknown: set[int] = set()
        for _ in range(tensor_count):
            name = reader.string()
            n_dims = reader.u32()
            if not 1 <= n_dims <= MAX_DIMS:
                raise ModelFormatError(f"{path.name}: tensor {name!r} has {n_dims} dimensions (the header is corrupt)")
            shape = tuple(reader.u64() for _ in range(n_dims))
            type_id = reader.u32()
            offset = reader.u64()
            tensor = TensorInfo(name, shape, type_id, offset)
            known = GGML_TYPES.get(type_id)
            if known is None:
                unknown.add(type_id)
            elif shape[0] % known[1]:
                raise ModelFormatError(f"{path.name}: tensor {name!r} of type {known[0]} has a row of {shape[0]} "
                                       f"values, not a multiple of its block size {known[1]} (the header is corrupt)")
            tensors.append(tensor)
        alignment = metadata.get("general.alignment", DEFAULT_ALIGNMENT)
        if not isinstance(alignment, int) or alignment <= 0 or alignment & (alignment - 1):
            raise ModelFormatError(f"{path.name}: invalid general.alignment {alignment!r}")
        data_offset = -(-reader.pos // alignment) * alignment
    return GGUFInfo(path, version, file_size, metadata, tuple(tensors), data_offset, alignment, tuple(sorted(unknown)))


def check_complete(info: GGUFInfo) -> None:
    """Raise ModelFormatError when the file is shorter than its tensor table says (an interrupted download)."""
    needed = info.data_size
    if needed is None:  # a tensor type newer than our table: at least every tensor must start inside the file
        needed = max((t.offset for t in info.tensors), default=0) + 1
    expected = info.data_offset + needed
    if info.file_size < expected:
        missing = expected - info.file_size
        raise ModelFormatError(
            f"{info.path.name} is truncated: its tensors need {expected:,} bytes but the file has {info.file_size:,} "
            f"({missing:,} missing). The download was probably interrupted: download it again.")


def inspect_gguf(path: Path) -> GGUFInfo:
    """Read and fully validate a GGUF file's header; what every code path calls before loading a model."""
    info = read_gguf(path)
    check_complete(info)
    return info
