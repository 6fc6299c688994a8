#!/usr/bin/env bash
# The system libraries and tools the app and its tests need, in one place (Debian 12 and 13, Ubuntu 22.04 and
# 24.04). Quick when everything is present. Installs what is missing as root, or through sudo when it needs no
# password; otherwise prints the exact `sudo apt-get install` line and exits 1, so `make setup` stops here (and
# does not record success) until the packages are there.
set -euo pipefail

# "new|old": the package's name since the 64-bit time_t transition (Debian 13, Ubuntu 24.04) and before it.
PACKAGES=(
  # `make setup` makes a virtual environment with pip in it
  python3-venv
  # audio capture (sounddevice loads PortAudio at run time) and Qt Multimedia
  libportaudio2 libpulse0
  # what the Qt and Qt WebEngine libraries in the PySide6 wheels link to (a minimal Debian 13 lacks GLib)
  "libglib2.0-0t64|libglib2.0-0" libgbm1 libxkbfile1 libx11-xcb1 libxcb-glx0 libxkbcommon0 libxcb-xfixes0
  libxcb-shm0 libxcb-sync1 libxcb-render0 libxcb-util1 libxrender1 libxext6 libxfixes3 libfreetype6 libdrm2
  libwayland-client0 libxcb-dri3-0 libnspr4
  # Qt's xcb platform and a virtual screen for GUI tests and screenshots
  xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1 libxcb-cursor0
  libxcb-shape0 libxcb-randr0 libxkbcommon-x11-0 libegl1 libgl1 libnss3 libxcomposite1 libxdamage1 libxrandr2
  libxtst6 "libasound2t64|libasound2" libfontconfig1 libdbus-1-3 fonts-dejavu-core
  # speech for the voice tests, PDF checks for the report tests
  espeak-ng sox poppler-utils
  # wide-coverage fonts for PDF reports: CJK and emoji in answers
  fonts-droid-fallback fonts-symbola
  # the code judge's other languages and its sandbox
  nodejs g++ default-jdk-headless golang-go bubblewrap util-linux
)

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

# The Debian/Ubuntu release uses the new names when it is Debian 13+ or Ubuntu 24.04+.
uses_t64_names() {
  local id="" version=""
  if [ -r /etc/os-release ]; then
    id="$(. /etc/os-release && echo "${ID:-}")"
    version="$(. /etc/os-release && echo "${VERSION_ID:-}")"
  fi
  case "$id" in
    debian) [ -z "$version" ] || [ "${version%%.*}" -ge 13 ] ;;  # testing and sid have no VERSION_ID
    ubuntu) [ "${version%%.*}" -ge 24 ] 2>/dev/null ;;
    *) return 1 ;;
  esac
}

# The name apt should install for an entry: the one apt has a candidate for, else the one this release uses.
choose() {
  local entry="$1" alternative
  if [[ "$entry" != *"|"* ]]; then echo "$entry"; return; fi
  for alternative in ${entry//|/ }; do
    if apt-cache policy "$alternative" 2>/dev/null | grep -q "Candidate: [^(]"; then echo "$alternative"; return; fi
  done
  if uses_t64_names; then echo "${entry%%|*}"; else echo "${entry##*|}"; fi
}

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: not a Debian/Ubuntu system, so nothing was checked; install the equivalents of:" >&2
  echo "system-deps:   ${PACKAGES[*]//|/ or }" >&2
  exit 0
fi

missing=()
for entry in "${PACKAGES[@]}"; do
  present=0
  for alternative in ${entry//|/ }; do
    if installed "$alternative"; then present=1; break; fi
  done
  if [ "$present" -eq 0 ]; then missing+=("$(choose "$entry")"); fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "system-deps: missing packages: ${missing[*]}" >&2
    echo "system-deps: install them, then run make again:" >&2
    echo "sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
still=()
for pkg in "${missing[@]}"; do installed "$pkg" || still+=("$pkg"); done
if [ ${#still[@]} -ne 0 ]; then
  echo "system-deps: apt-get did not install: ${still[*]}" >&2
  exit 1
fi
