#!/usr/bin/env bash
# The system libraries and tools the app and its tests need, in one place. Installs what is missing when run as
# root on Debian/Ubuntu; elsewhere prints the command to run. Quick when everything is present.
set -euo pipefail

PACKAGES=(
  # audio capture (sounddevice loads PortAudio at run time) and Qt Multimedia
  libportaudio2 libpulse0
  # Qt's xcb platform and a virtual screen for GUI tests and screenshots
  xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1 libxcb-cursor0
  libxcb-shape0 libxcb-randr0 libxkbcommon-x11-0 libegl1 libgl1 libnss3 libxcomposite1 libxdamage1 libxrandr2
  libxtst6 libasound2 libfontconfig1 libdbus-1-3 fonts-dejavu-core
  # speech for the voice tests, PDF checks for the report tests
  espeak-ng sox poppler-utils
  # wide-coverage fonts for PDF reports: CJK and emoji in answers
  fonts-droid-fallback fonts-symbola
  # the code judge's other languages and its sandbox
  nodejs g++ default-jdk-headless bubblewrap util-linux
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: not a Debian/Ubuntu system; install the equivalents of: ${missing[*]}" >&2
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "system-deps: missing packages: ${missing[*]}" >&2
  echo "system-deps: run: sudo apt-get install -y ${missing[*]}" >&2
  exit 0
fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
