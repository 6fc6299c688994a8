#!/usr/bin/env bash
# Smoke test of a frozen CloudInterview build (Linux; macOS with the path to Contents/MacOS/cloudinterview).
#
#   installer/smoke.sh [APP]        APP defaults to dist/cloudinterview/cloudinterview;
#                                   /opt/cloudinterview/cloudinterview checks an installed .deb
#
# Runs the build with a throwaway data folder and checks: --version; doctor --json (models inside the bundle,
# WebEngine, judge); a correct and a wrong two-sum solution through the judge, and a correct one in JavaScript,
# C++ and Java where node, g++ and javac are installed; a piped terminal interview and its
# report exported as PDF, Markdown and JSON; the licence files in the bundle; the
# Monaco editor in Qt WebEngine; the main window opening offscreen and closing; speech out and back in (TTS, STT);
# the embedded LLM answering. Needs no Python on the machine: JSON is checked by the build itself.
# Prints one line per check and exits 1 if any failed.
set -uo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
APP="${1:-$HERE/../dist/cloudinterview/cloudinterview}"
if [ ! -x "$APP" ]; then
  echo "smoke: no executable at $APP (build it with 'make bundle')" >&2
  exit 2
fi
APP="$(cd "$(dirname "$APP")" && pwd)/$(basename "$APP")"

WORK="$(mktemp -d -t cloudinterview-smoke.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
export CLOUDINTERVIEW_HOME="$WORK/home"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
# Chromium's sandbox cannot start as root (containers, CI).
if [ "$(id -u)" -eq 0 ]; then export QTWEBENGINE_DISABLE_SANDBOX=1; fi

failures=0
pass() { printf 'PASS  %-12s %s\n' "$1" "$2"; }
fail() { printf 'FAIL  %-12s %s\n' "$1" "$2"; failures=$((failures + 1)); }
last_line() { tail -n 1 "$1" | cut -c1-160; }
# run NAME TIMEOUT CMD... : runs CMD with its output in $WORK/NAME.out, reports failure on a non-zero exit.
run() {
  local name="$1" limit="$2" status; shift 2
  timeout "$limit" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
  status=$?
  if [ "$status" -eq 0 ]; then return 0; fi
  fail "$name" "exit $status from: ${*##*/} -- $(tail -n 3 "$WORK/$name.err" | tr '\n' ' ' | cut -c1-300)"
  return 1
}
check() {  # check NAME KIND FILE [ARG] : checks done by installer/smoke_check.py inside the build
  local name="$1"; shift
  if "$APP" --run-python-harness "$HERE/smoke_check.py" "$@" >"$WORK/$name.check" 2>&1; then
    pass "$name" "$(last_line "$WORK/$name.check" | sed 's/^ok: //')"
  else
    fail "$name" "$(last_line "$WORK/$name.check")"
  fi
}

if run version 60 "$APP" --version; then pass version "$(cat "$WORK/version.out")"; fi

if run doctor 180 "$APP" doctor --json; then check doctor doctor "$WORK/doctor.out"; fi

cat >"$WORK/two_sum.py" <<'EOF'
from typing import List


def two_sum(nums: List[int], target: int) -> List[int]:
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
    return []
EOF
sed 's/return \[seen\[target - x\], i\]/return [i, seen[target - x]]/' "$WORK/two_sum.py" >"$WORK/two_sum_wrong.py"
if run judge 300 "$APP" judge two-sum "$WORK/two_sum.py" --json; then
  check judge judge-accepted "$WORK/judge.out"
fi
if run judge-wrong 300 "$APP" judge two-sum "$WORK/two_sum_wrong.py" --json; then
  check judge-wrong judge-rejected "$WORK/judge-wrong.out"
fi

# The judge's other languages, each where its toolchain is installed (docs/judge.md): the same problem, accepted.
cat >"$WORK/two_sum.js" <<'EOF'
var twoSum = function(nums, target) {
  const seen = new Map();
  for (let i = 0; i < nums.length; i++) {
    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
    seen.set(nums[i], i);
  }
};
EOF
cat >"$WORK/two_sum.cpp" <<'EOF'
class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        unordered_map<int, int> seen;
        for (int i = 0; i < (int)nums.size(); ++i) {
            auto it = seen.find(target - nums[i]);
            if (it != seen.end()) return {it->second, i};
            seen[nums[i]] = i;
        }
        return {};
    }
};
EOF
cat >"$WORK/two_sum.java" <<'EOF'
class Solution {
    public int[] twoSum(int[] nums, int target) {
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < nums.length; i++) {
            Integer j = seen.get(target - nums[i]);
            if (j != null) return new int[] {j, i};
            seen.put(nums[i], i);
        }
        return new int[0];
    }
}
EOF
for lang in js:node cpp:g++ java:javac; do
  ext="${lang%%:*}" tool="${lang##*:}"
  if ! command -v "$tool" >/dev/null 2>&1; then
    printf 'SKIP  %-12s %s\n' "judge-$ext" "$tool is not installed"
    continue
  fi
  if run "judge-$ext" 300 "$APP" judge two-sum "$WORK/two_sum.$ext" --json; then
    check "judge-$ext" judge-accepted "$WORK/judge-$ext.out"
  fi
done

printf 'an answer\n.\n/end\n' >"$WORK/answers.txt"
session=""
if run interview 300 "$APP" interview --mode behavioral --questions 1 <"$WORK/answers.txt"; then
  session="$(sed -n 's/^session \([0-9a-f-]\{36\}\) completed$/\1/p' "$WORK/interview.out" | tail -n 1)"
  if [ -n "$session" ]; then
    pass interview "$(last_line "$WORK/interview.out")"
  else
    fail interview "no 'session ID completed' line: $(last_line "$WORK/interview.out")"
  fi
fi

# The interview's feedback report in the three formats, each checked for its content by smoke_check.py.
if [ -n "$session" ]; then
  mkdir -p "$WORK/reports"
  exported=1
  for ext in pdf md json; do
    run "report-$ext" 180 "$APP" report "$session" -o "$WORK/reports/report.$ext" || exported=0
  done
  if [ "$exported" -eq 1 ]; then check reports reports "$WORK/reports" "$session"; fi
fi
check highlight highlight -

# The licences ship inside the bundle.
internal="$(dirname "$APP")/_internal"
if grep -q "^PySide6 " "$internal/THIRD_PARTY_NOTICES" 2>/dev/null && grep -q "^llama_cpp_python " \
    "$internal/THIRD_PARTY_NOTICES" && grep -q "Apache License" "$internal/LICENSE" 2>/dev/null; then
  pass notices "LICENSE and THIRD_PARTY_NOTICES ($(wc -l <"$internal/THIRD_PARTY_NOTICES") lines) in the bundle"
else
  fail notices "LICENSE or THIRD_PARTY_NOTICES missing or incomplete in $internal"
fi

if run monaco 180 "$APP" --run-python-harness "$HERE/smoke_webengine.py"; then
  pass monaco "$(last_line "$WORK/monaco.out")"
fi

if CLOUDINTERVIEW_SMOKE_EXIT_AFTER_SHOWN=1 run window 180 "$APP"; then
  pass window "main window shown and closed (QT_QPA_PLATFORM=$QT_QPA_PLATFORM)"
fi

sentence="Tell me about a time you resolved a conflict."
if run speak 180 "$APP" speak "$sentence" -o "$WORK/speech.wav" && run transcribe 180 "$APP" transcribe "$WORK/speech.wav"; then
  if grep -qi "conflict" "$WORK/transcribe.out"; then
    pass voice "TTS then STT: $(last_line "$WORK/transcribe.out")"
  else
    fail voice "transcript lacks 'conflict': $(last_line "$WORK/transcribe.out")"
  fi
fi

if run llm 300 "$APP" --run-python-harness "$HERE/smoke_llm.py"; then
  pass llm "$(last_line "$WORK/llm.out")"
fi

echo "smoke: $APP ($(du -sh "$(dirname "$(readlink -f "$APP")")" | cut -f1)): $failures failed"
[ "$failures" -eq 0 ]
