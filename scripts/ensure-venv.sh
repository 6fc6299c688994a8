#!/usr/bin/env bash
# Makes sure VENV is a working virtual environment with pip, recreating one that is half-made (a `python3 -m venv`
# that failed for want of python3-venv leaves bin/python without pip, and every later pip call would fail).
#
#   scripts/ensure-venv.sh PYTHON VENV        (run by `make setup`)
set -euo pipefail

PYTHON="${1:?usage: ensure-venv.sh PYTHON VENV}"
VENV="${2:?usage: ensure-venv.sh PYTHON VENV}"

works() {
  [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import sys; assert sys.prefix != sys.base_prefix" \
    2>/dev/null && "$VENV/bin/python" -m pip --version >/dev/null 2>&1
}

if works; then exit 0; fi
if [ -e "$VENV" ]; then
  echo "setup: $VENV is incomplete (no Python, or no pip in it): making it again"
  rm -rf "$VENV"
fi
if ! "$PYTHON" -m venv "$VENV" || ! works; then
  rm -rf "$VENV"
  echo "setup: '$PYTHON -m venv' could not make a virtual environment with pip." >&2
  echo "setup: on Debian/Ubuntu install the venv module, then run make again:" >&2
  echo "sudo apt-get install -y python3-venv" >&2
  exit 1
fi
