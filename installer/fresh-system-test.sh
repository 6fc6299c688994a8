#!/usr/bin/env bash
# Runs the README's set-up on a freshly made Debian root filesystem: proof that `make run` / `make test` work on a
# clean machine, not only on one that already has the packages.
#
#   installer/fresh-system-test.sh debian-13|debian-12 [--test "COMMAND"] [--keep] [--log FILE]
#
# Needs root, mmdebstrap (apt-get install mmdebstrap) and the network (Debian's mirror, PyPI). It builds a minbase
# system with only make, python3, git and ca-certificates, clones the current commit of this repository into it,
# mounts /proc, /sys and /dev, and in a chroot runs, as root (as a fresh machine's administrator would):
#   make setup        system packages (scripts/system-deps.sh), .venv, the locked Python packages
#   make run          with CLOUDINTERVIEW_SMOKE_EXIT_AFTER_SHOWN=1 and QT_QPA_PLATFORM=offscreen: the window opens
#                     and closes
#   make test         or the COMMAND given with --test (the whole suite takes long on small machines)
# pip's cache from this machine is mounted in (so llama-cpp-python is not compiled again) and the host's CA bundle
# is trusted inside (for networks that inspect TLS). The log goes to FILE (default: fresh-DISTRO.log here).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
usage() { sed -n '5,5p' "$0" | sed 's/^# *//' >&2; exit 2; }
[ $# -ge 1 ] || usage
case "$1" in
  debian-13) SUITE=trixie ;;
  debian-12) SUITE=bookworm ;;
  *) usage ;;
esac
DISTRO="$1"; shift
TEST_COMMAND="make test"
KEEP=0
LOG="$PWD/fresh-$DISTRO.log"
while [ $# -gt 0 ]; do
  case "$1" in
    --test) TEST_COMMAND="$2"; shift ;;
    --keep) KEEP=1 ;;
    --log) LOG="$(realpath -m "$2")"; shift ;;
    *) usage ;;
  esac
  shift
done
[ "$(id -u)" -eq 0 ] || { echo "fresh-system-test: run as root (it builds and enters a chroot)" >&2; exit 2; }
command -v mmdebstrap >/dev/null || { echo "fresh-system-test: sudo apt-get install -y mmdebstrap" >&2; exit 2; }

TARGET="$(mktemp -d -t "cloudinterview-$DISTRO.XXXXXX")"
MOUNTS=()
cleanup() {
  local i
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do umount -l "${MOUNTS[$i]}" 2>/dev/null || true; done
  if [ "$KEEP" -eq 0 ]; then rm -rf --one-file-system "$TARGET"; else echo "fresh-system-test: kept $TARGET"; fi
}
trap cleanup EXIT
bind() {  # bind SOURCE TARGET_INSIDE
  mkdir -p "$TARGET$2"
  mount --bind "$1" "$TARGET$2"
  MOUNTS+=("$TARGET$2")
}

exec > >(tee "$LOG") 2>&1
echo "fresh-system-test: $DISTRO ($SUITE) in $TARGET, commit $(git -C "$ROOT" rev-parse --short HEAD)"
start=$SECONDS
mmdebstrap --variant=minbase --include=make,python3,git,ca-certificates "$SUITE" "$TARGET" \
  http://deb.debian.org/debian
echo "fresh-system-test: root filesystem made in $((SECONDS - start)) s"

# Networks that inspect TLS: trust what this machine trusts, for apt, pip and git alike.
cp /etc/ssl/certs/ca-certificates.crt "$TARGET/etc/ssl/certs/ca-certificates.crt"
printf '[global]\ncert = /etc/ssl/certs/ca-certificates.crt\n' >"$TARGET/etc/pip.conf"
cp /etc/resolv.conf "$TARGET/etc/resolv.conf"

git clone --quiet --no-hardlinks "$ROOT" "$TARGET/root/cloudinterview"
git -C "$TARGET/root/cloudinterview" checkout --quiet --detach "$(git -C "$ROOT" rev-parse HEAD)"

bind /proc /proc
bind /sys /sys
bind /dev /dev
bind /dev/pts /dev/pts
cache="$(python3 -m pip cache dir 2>/dev/null || true)"
if [ -n "$cache" ] && [ -d "$cache" ]; then bind "$cache" /root/.cache/pip; fi

inside() {  # inside TITLE COMMAND: runs COMMAND in the clone inside the chroot, timed
  local title="$1" began=$SECONDS status=0
  echo "fresh-system-test: --- $title"
  chroot "$TARGET" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 TERM=dumb /bin/bash -c "cd /root/cloudinterview && $2" || status=$?
  echo "fresh-system-test: --- $title: exit $status after $((SECONDS - began)) s"
  return "$status"
}

python_version="$(chroot "$TARGET" python3 -c 'import platform; print(platform.python_version())')"
echo "fresh-system-test: $(. "$TARGET/etc/os-release" && echo "$PRETTY_NAME"), Python $python_version"
inside "make setup" "make setup"
inside "make run (the window opens and closes)" \
  "CLOUDINTERVIEW_SMOKE_EXIT_AFTER_SHOWN=1 QT_QPA_PLATFORM=offscreen CLOUDINTERVIEW_HOME=/tmp/home make run"
inside "$TEST_COMMAND" "QT_QPA_PLATFORM=offscreen $TEST_COMMAND"
echo "fresh-system-test: $DISTRO passed in $((SECONDS - start)) s"
