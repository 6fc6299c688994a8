#!/usr/bin/env bash
# Builds a .deb from the PyInstaller one-folder build (make bundle -> dist/cloudinterview/).
#
#   installer/linux/build-deb.sh [--dist DIR] [--out DIR]
#
# Installs the app under /opt/cloudinterview, a /usr/bin/cloudinterview link, the desktop entry and the hicolor
# icons. Depends is worked out from the build itself: every shared library a bundled binary links to that is not
# in the bundle is looked up in the dpkg database of this (build) machine, so build on the oldest Debian/Ubuntu you
# support. Compression: xz by default (DEB_COMPRESS=gzip|zstd|none for a quicker local build).
# Writes dist/cloudinterview_VERSION_ARCH.deb and prints its path.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIST="$ROOT/dist/cloudinterview"
OUT="$ROOT/dist"
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "build-deb: unknown argument $1" >&2; exit 2 ;;
  esac
done

APP_NAME=cloudinterview
if [ ! -x "$DIST/$APP_NAME" ]; then
  echo "build-deb: no build at $DIST (run 'make bundle' first)" >&2
  exit 1
fi
for tool in dpkg-deb dpkg-query readelf; do
  command -v "$tool" >/dev/null || { echo "build-deb: $tool is required" >&2; exit 1; }
done

# Name and version from pyproject.toml, as the PyInstaller spec reads them.
VERSION="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$ROOT/pyproject.toml" | head -n 1)"
DESCRIPTION="$(sed -n 's/^description = "\(.*\)"$/\1/p' "$ROOT/pyproject.toml" | head -n 1)"
ARCH="$(dpkg --print-architecture)"
[ -n "$VERSION" ] || { echo "build-deb: no version in pyproject.toml" >&2; exit 1; }

STAGE="$ROOT/build/deb/${APP_NAME}_${VERSION}_${ARCH}"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
         "$STAGE/usr/share/doc/$APP_NAME" "$STAGE/usr/share/icons/hicolor/scalable/apps"

cp -a "$DIST" "$STAGE/opt/$APP_NAME"
chmod -R u+rwX,go+rX,go-w "$STAGE/opt/$APP_NAME"
# The bootloader finds _internal/ from the real path of the executable, so a link on PATH works.
ln -s "/opt/$APP_NAME/$APP_NAME" "$STAGE/usr/bin/$APP_NAME"
install -m 0644 "$ROOT/installer/linux/$APP_NAME.desktop" "$STAGE/usr/share/applications/$APP_NAME.desktop"
install -m 0644 "$ROOT/resources/icons/$APP_NAME.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/$APP_NAME.svg"
for png in "$ROOT"/resources/icons/hicolor/*.png; do
  size="$(basename "$png" .png)"
  install -D -m 0644 "$png" "$STAGE/usr/share/icons/hicolor/$size/apps/$APP_NAME.png"
done
cat >"$STAGE/usr/share/doc/$APP_NAME/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: CloudInterview Desktop

Files: *
License: Apache-2.0
 CloudInterview Desktop is licensed under the Apache License 2.0; see
 /usr/share/common-licenses/Apache-2.0. Bundled components keep their own licences:
 Qt and PySide6 (LGPL-3.0), Monaco editor (MIT), llama.cpp (MIT), SmolLM2-135M-Instruct (Apache-2.0),
 Whisper tiny.en via faster-whisper/CTranslate2 (MIT), hibari-tts voice (Apache-2.0), FFmpeg via PyAV
 (LGPL-2.1+, with GPL-2.0+ x264/x265). Every shipped distribution, its licence and licence text:
 /usr/share/doc/$APP_NAME/THIRD_PARTY_NOTICES (also /opt/$APP_NAME/_internal/THIRD_PARTY_NOTICES).
EOF
for notice in LICENSE THIRD_PARTY_NOTICES; do
  [ -f "$DIST/_internal/$notice" ] || { echo "build-deb: $notice is missing from the build" >&2; exit 1; }
  install -m 0644 "$DIST/_internal/$notice" "$STAGE/usr/share/doc/$APP_NAME/$notice"
done

# A llama.cpp compiled with -march=native (the venv's own build) crashes with SIGILL on CPUs lacking what this one
# has; AVX-512 (zmm registers) is the usual culprit. Release builds use installer/build-llama-wheel.sh.
ggml_cpu="$(find "$STAGE/opt/$APP_NAME" -name 'libggml-cpu.so' | head -n 1)"
avx512=0
if [ -n "$ggml_cpu" ] && command -v objdump >/dev/null; then
  avx512="$(objdump -d --no-show-raw-insn "$ggml_cpu" | grep -c zmm || true)"  # grep -q would SIGPIPE objdump
fi
if [ "$avx512" -gt 0 ]; then
  echo "build-deb: WARNING: the bundled llama.cpp uses AVX-512: it was built for this CPU, not for distribution." >&2
  echo "build-deb:          make bundle LLAMA_WHEEL=\$(installer/build-llama-wheel.sh --variant cpu)" >&2
fi

# Depends: shared libraries the bundle needs from the system.
declare -A bundled=()
while IFS= read -r -d '' file; do bundled["$(basename "$file")"]=1; done \
  < <(find "$STAGE/opt/$APP_NAME" \( -type f -o -type l \) -name '*.so*' -print0)
declare -A needed=()
while IFS= read -r -d '' file; do
  if head -c 4 "$file" 2>/dev/null | grep -q 'ELF'; then
    while read -r soname; do
      [ -n "${bundled[$soname]:-}" ] || needed["$soname"]=1
    done < <(readelf -d "$file" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
  fi
done < <(find "$STAGE/opt/$APP_NAME" -type f \( -name '*.so*' -o -perm -u+x \) -print0)
declare -A packages=()
unresolved=()
ldconfig -p >"$STAGE.ldcache"  # read from a file: awk's early exit must not SIGPIPE ldconfig under pipefail
for soname in "${!needed[@]}"; do
  path="$(awk -v n="$soname" '$1 == n && /x86-64|aarch64|64bit|x32/ {print $NF; exit}' "$STAGE.ldcache")"
  [ -n "$path" ] || path="$(awk -v n="$soname" '$1 == n {print $NF; exit}' "$STAGE.ldcache")"
  if [ -z "$path" ]; then unresolved+=("$soname"); continue; fi
  pkg="$(dpkg-query -S "$(readlink -f "$path")" 2>/dev/null || dpkg-query -S "$path" 2>/dev/null || true)"
  pkg="${pkg%%:*}"
  if [ -n "$pkg" ]; then packages["$pkg"]=1; else unresolved+=("$soname"); fi
done
# Not linked, but loaded at run time: PortAudio (sounddevice, through ctypes).
packages[libportaudio2]=1
DEPENDS="$(printf '%s\n' "${!packages[@]}" | sort | paste -sd, | sed 's/,/, /g')"
if [ ${#unresolved[@]} -gt 0 ]; then
  # e.g. libgtk-3.so.0 for Qt's optional GTK platform theme plugin: Qt skips a plugin it cannot load.
  echo "build-deb: not on this machine (optional plugins' libraries): ${unresolved[*]}" >&2
fi

rm -f "$STAGE.ldcache"

INSTALLED_KB="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"
cat >"$STAGE/DEBIAN/control" <<EOF
Package: $APP_NAME
Version: $VERSION
Architecture: $ARCH
Maintainer: CloudInterview Desktop developers <noreply@cloudinterview.invalid>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Recommends: bubblewrap
Suggests: nodejs, g++, default-jdk-headless, golang-go
Section: education
Priority: optional
Homepage: https://cloudinterview.invalid/
Description: $DESCRIPTION
 CloudInterview Desktop runs mock interviews on your own computer, offline: a coding round judged against
 hidden tests in a sandbox, theory and behavioral questions, and an on-device AI interviewer (llama.cpp),
 speech recognition (Whisper) and speech (hibari). Nothing leaves the machine.
 .
 The code judge runs Python with the app itself; install nodejs, g++ or a JDK to practise in JavaScript, C++
 or Java, and bubblewrap for the strongest sandbox.
EOF

mkdir -p "$OUT"
DEB="$OUT/${APP_NAME}_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Z"${DEB_COMPRESS:-xz}" --build "$STAGE" "$DEB" >/dev/null
echo "build-deb: Depends: $DEPENDS" >&2
echo "$DEB"
