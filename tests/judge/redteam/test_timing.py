"""Slow code that tries to pass as fast: forged result records and keep-alive lines on the result channel, stopped
or replaced clocks, and slow work moved into the untimed loading of the code while reading every test's input.
Each attack is 1.6x to 8x over the quarter-second limit and must not be accepted."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cloudinterview_desktop.domain.judging import JudgeMode, Verdict
from cloudinterview_desktop.judge.judge import Judge
from tests.judge.redteam.conftest import ADD, LEVELS

JudgeAt = Callable[[str | None], Judge]

SLOW_VERDICTS = (Verdict.TIME_LIMIT_EXCEEDED, Verdict.RUNTIME_ERROR)

# Finds every pipe the process may write to besides stdout/stderr: the result channel among them.
PY_FORGE = '''
import json, os, signal, time
def _channels():
    out = []
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        try:
            if fd > 2 and os.readlink(f"/proc/self/fd/{fd}").startswith("pipe:"):
                out.append(fd)
        except OSError:
            pass
    return out
_calls = [0]
def add(a, b):
    signal.signal(signal.SIGALRM, signal.SIG_IGN)
    index = _calls[0]
    _calls[0] += 1
    forged = json.dumps({"index": index, "status": "ok", "value": a + b, "time_ms": 1, "error": "",
                         "stdout": "", "stderr": ""}) + "\\n"
    fds = _channels()
    for fd in fds:
        try:
            os.write(fd, forged.encode())
        except OSError:
            pass
    end, tick = time.process_time() + 2.0, time.monotonic()
    while time.process_time() < end:
        if time.monotonic() - tick > 0.02:
            tick = time.monotonic()
            for fd in fds:
                try:
                    os.write(fd, b'{"event": "alive"}\\n')
                except OSError:
                    pass
    return a + b
'''

PY_STOPPED_CLOCK = '''
import signal, time
_cpu = time.process_time
def add(a, b):
    signal.signal(signal.SIGALRM, signal.SIG_IGN)
    time.perf_counter = time.monotonic = time.time = lambda: 0.0
    end = _cpu() + 0.4
    while _cpu() < end:
        pass
    return a + b
'''

# Reads every test's input from the harness's frames while the code loads, and does the slow work there.
PY_PRELOAD = '''
import signal, sys, time
signal.signal(signal.SIGALRM, signal.SIG_IGN)
_cpu = time.process_time
def _slow(a, b):
    end = _cpu() + 0.6
    while _cpu() < end:
        pass
    return a + b
_answers = {}
_frame = sys._getframe()
while _frame is not None:
    for _value in list(_frame.f_locals.values()):
        if isinstance(_value, dict) and isinstance(_value.get("tests"), list):
            for _test in _value["tests"]:
                _i = _test["input"]
                _answers[(_i["a"], _i["b"])] = _slow(_i["a"], _i["b"])
    _frame = _frame.f_back
def add(a, b):
    return _answers[(a, b)] if (a, b) in _answers else _slow(a, b)
'''

JS_FORGE = '''
const fs = process.mainModule.require('fs');
let calls = 0;
// The result channel's number is the harness's last argument (writing on node's own pipes would crash it).
function channels() {
  const fd = Number(process.argv[process.argv.length - 1]);
  return Number.isInteger(fd) && fd > 2 ? [fd] : [];
}
var add = function(a, b) {
  const index = calls++;
  const fds = channels();
  const write = (text) => fds.forEach((fd) => { try { fs.writeSync(fd, text); } catch (e) {} });
  write(JSON.stringify({index, status: 'ok', value: a + b, time_ms: 1, error: '', stdout: '', stderr: ''}) + '\\n');
  const end = Date.now() + 2000;
  let tick = Date.now();
  while (Date.now() < end) {
    if (Date.now() - tick > 20) { tick = Date.now(); write('{"event":"alive"}\\n'); }
  }
  return a + b;
};
'''

JS_STOPPED_CLOCK = '''
process.hrtime.bigint = () => 0n;
const cpuMs = () => { const used = process.cpuUsage(); return (used.user + used.system) / 1000; };
var add = function(a, b) {
  const end = cpuMs() + 400;
  while (cpuMs() < end) {}
  return a + b;
};
'''

CPP_STOPPED_CLOCK = '''
#include <chrono>
std::chrono::steady_clock::time_point std::chrono::steady_clock::now() noexcept {
  return std::chrono::steady_clock::time_point();
}
class Solution {
public:
    int add(int a, int b) {
        timespec start{}, now{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start);
        do { clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now); }
        while ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000 < 400);
        return a + b;
    }
};
'''

CPP_FORGE = '''
#include <dirent.h>
#include <unistd.h>
#include <ctime>
#include <string>
#include <vector>
static std::vector<int> channels() {
    std::vector<int> out;
    DIR *dir = opendir("/proc/self/fd");
    while (dirent *entry = dir ? readdir(dir) : nullptr) {
        int fd = atoi(entry->d_name);
        char target[64] = {0};
        std::string path = std::string("/proc/self/fd/") + entry->d_name;
        bool pipe = readlink(path.c_str(), target, sizeof target - 1) > 0 && std::string(target).rfind("pipe:", 0) == 0;
        if (fd > 2 && pipe) out.push_back(fd);
    }
    if (dir) closedir(dir);
    return out;
}
class Solution {
    int calls = 0;
public:
    int add(int a, int b) {
        static int index = 0;
        std::vector<int> fds = channels();
        std::string forged = "{\\"index\\":" + std::to_string(index++) + ",\\"status\\":\\"ok\\",\\"value\\":"
            + std::to_string(a + b) + ",\\"time_ms\\":1,\\"error\\":\\"\\",\\"stdout\\":\\"\\",\\"stderr\\":\\"\\"}\\n";
        for (int fd : fds) (void)!write(fd, forged.data(), forged.size());
        timespec start{}, now{};
        clock_gettime(CLOCK_MONOTONIC, &start);
        long last = 0;
        for (;;) {
            clock_gettime(CLOCK_MONOTONIC, &now);
            long ms = (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
            if (ms > 2000) break;
            if (ms - last > 20) {
                last = ms;
                for (int fd : fds) (void)!write(fd, "{\\"event\\":\\"alive\\"}\\n", 18);
            }
        }
        return a + b;
    }
};
'''

# The harness's own counter is reachable from the default package: the code subtracts its own time from it.
JAVA_STOPPED_CLOCK = '''
class Solution {
    public int add(int a, int b) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime(), cpuStart = cpu.getCurrentThreadCpuTime();
        while (cpu.getCurrentThreadCpuTime() - cpuStart < 400_000_000L) { }
        CiHarness.elapsedNanos -= System.nanoTime() - start;
        return a + b;
    }
}
'''

# The result channel's number is the harness's last argument, read back from /proc/self/cmdline.
JAVA_FORGE = '''
class Solution {
    static int calls = 0;
    static java.io.PrintStream channel() {
        try {
            String[] args = new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("/proc/self/cmdline")))
                .split("\\u0000");
            return new java.io.PrintStream(new java.io.FileOutputStream("/dev/fd/" + args[args.length - 1]), true);
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
    public int add(int a, int b) {
        int index = calls++;
        java.io.PrintStream out = channel();
        out.println("{\\"index\\":" + index + ",\\"status\\":\\"ok\\",\\"value\\":" + (a + b)
            + ",\\"time_ms\\":1,\\"error\\":\\"\\",\\"stdout\\":\\"\\",\\"stderr\\":\\"\\"}");
        long start = System.nanoTime(), tick = start;
        while (System.nanoTime() - start < 2_000_000_000L) {
            if (System.nanoTime() - tick > 20_000_000L) {
                tick = System.nanoTime();
                out.println("{\\"event\\":\\"alive\\"}");
            }
        }
        return a + b;
    }
}
'''

FORGED = {"python": PY_FORGE, "javascript": JS_FORGE, "cpp": CPP_FORGE, "java": JAVA_FORGE}
STOPPED = {"python": PY_STOPPED_CLOCK, "javascript": JS_STOPPED_CLOCK, "cpp": CPP_STOPPED_CLOCK,
           "java": JAVA_STOPPED_CLOCK}


def _available(judge: Judge, language: str) -> None:
    if not judge.toolchains()[language].available:
        pytest.skip(f"{language} is not installed here")


# Python at every level (the CPU time is read through each one), the other languages at the strongest.
CASES = [("python", level) for level in LEVELS] + [(language, None) for language in ("javascript", "cpp", "java")]


@pytest.mark.parametrize("language, level", CASES)
def test_forged_records_and_keep_alive_lines_do_not_pass_slow_code(judge_at: JudgeAt, language: str,
                                                                   level: str | None) -> None:
    judge = judge_at(level)
    _available(judge, language)
    report = judge.run(ADD, FORGED[language], language, JudgeMode.RUN)
    assert report.verdict in SLOW_VERDICTS, report


@pytest.mark.parametrize("language, level", CASES)
def test_a_stopped_clock_does_not_pass_slow_code(judge_at: JudgeAt, language: str, level: str | None) -> None:
    judge = judge_at(level)
    _available(judge, language)
    report = judge.run(ADD, STOPPED[language], language, JudgeMode.RUN)
    assert report.verdict in (*SLOW_VERDICTS, Verdict.COMPILE_ERROR), report
    assert report.verdict is not Verdict.ACCEPTED


@pytest.mark.parametrize("level", LEVELS)
def test_slow_work_moved_into_loading_is_timed(judge_at: JudgeAt, level: str) -> None:
    report = judge_at(level).run(ADD, PY_PRELOAD, "python", JudgeMode.SUBMIT)
    assert report.verdict is Verdict.TIME_LIMIT_EXCEEDED, report
