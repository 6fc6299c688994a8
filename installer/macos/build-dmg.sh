#!/usr/bin/env bash
# macOS: builds dist/CloudInterview.app with PyInstaller and packs it into dist/CloudInterview-VERSION.dmg.
#
#   installer/macos/build-dmg.sh            (from the repository root, after `make setup` or the CI's pip install)
#
# Signing: set CLOUDINTERVIEW_CODESIGN_IDENTITY="Developer ID Application: ..." to sign with the hardened runtime
# and installer/macos/entitlements.plist; without it the app is signed ad hoc (runs on the build Mac, Gatekeeper
# blocks it elsewhere). Notarisation, when NOTARY_PROFILE names a `xcrun notarytool store-credentials` profile.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(uname -s)" = Darwin ] || { echo "build-dmg: macOS only" >&2; exit 1; }

PY="${PYTHON:-.venv/bin/python}"
VERSION="$(sed -n 's/^version = "\(.*\)"$/\1/p' pyproject.toml | head -n 1)"
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build installer/cloudinterview.spec

APP=dist/CloudInterview.app
/usr/libexec/PlistBuddy -c 'Print :NSMicrophoneUsageDescription' "$APP/Contents/Info.plist" >/dev/null
codesign --verify --deep --strict "$APP"
"$APP/Contents/MacOS/cloudinterview" --version

DMG="dist/CloudInterview-$VERSION.dmg"
rm -f "$DMG"
hdiutil create -volname CloudInterview -srcfolder "$APP" -ov -format UDZO "$DMG"
if [ -n "${NOTARY_PROFILE:-}" ]; then
  xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
  xcrun stapler staple "$DMG"
fi
echo "$DMG"
