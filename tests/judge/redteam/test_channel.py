"""What the code writes where the judge reads: records of the wrong shape, a result line that never ends, a fake
"done" event, a sandbox-like message on stderr, bytes that are not UTF-8 and terminal escape sequences. None may
raise in the judge, turn a wrong answer into an internal error, or reach the user's terminal."""

from __future__ import annotations

import tracemalloc
from dataclasses import replace

import pytest

from cloudinterview_desktop.domain.judging import JudgeMode, JudgeReport, Verdict
from cloudinterview_desktop.domain.problems import Limits
from cloudinterview_desktop.judge.judge import Judge
from tests.judge.redteam.conftest import ADD

# Writes `data` on every pipe the process holds besides stdout/stderr (the result channel among them).
WRITE_CHANNELS = '''
import os
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
def _write_all(data):
    for fd in _channels():
        try:
            os.write(fd, data)
        except OSError:
            pass
'''


def run(judge: Judge, body: str) -> JudgeReport:
    return judge.run(ADD, WRITE_CHANNELS + body, "python", JudgeMode.RUN)


@pytest.mark.parametrize("record", [
    '{"index": 0, "status": "ok", "value": 3, "time_ms": "fast"}',
    '{"index": 0, "status": "ok", "value": 3, "time_ms": [1]}',
    '{"index": 0, "status": ["ok"], "value": 3, "time_ms": 1}',
    '{"index": 0, "status": "ok", "value": 3, "time_ms": 1, "stdout": {"a": 1}, "error": 7}',
])
def test_a_record_of_the_wrong_shape_is_a_runtime_error(rt_judge: Judge, record: str) -> None:
    report = run(rt_judge, f"def add(a, b):\n    _write_all({record!r}.encode() + b'\\n')\n    return a + b\n")
    assert report.verdict is Verdict.RUNTIME_ERROR, report
    assert "protocol" in report.message


def test_a_result_line_that_never_ends_is_bounded(rt_judge: Judge) -> None:
    # 160 MB without a newline, then the right answer: the judge holds at most a few times one line's cap (16 MiB)
    # while it reads, stops the run, and parses nothing of it.
    roomy = replace(ADD, limits=Limits(time_ms=4000, memory_mb=128))
    code = WRITE_CHANNELS + ("def add(a, b):\n    chunk = b'7' * (1 << 20)\n    for _ in range(160):\n"
                             "        _write_all(chunk)\n    return a + b\n")
    tracemalloc.start()
    try:
        report = rt_judge.run(roomy, code, "python", JudgeMode.RUN)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.verdict is Verdict.OUTPUT_LIMIT_EXCEEDED, report
    assert peak < 80 * 1024 * 1024, f"the judge held {peak} bytes"


def test_a_fake_done_event_is_a_runtime_error(rt_judge: Judge) -> None:
    report = run(rt_judge, "def add(a, b):\n    _write_all(b'{\"event\": \"done\"}\\n')\n    os._exit(0)\n")
    assert report.verdict is Verdict.RUNTIME_ERROR, report


def test_a_sandbox_message_on_stderr_is_the_codes_own(rt_judge: Judge) -> None:
    report = run(rt_judge, "os.write(2, b'bwrap: execvp python: No such file or directory\\n')\nos._exit(1)\n")
    assert report.verdict is Verdict.RUNTIME_ERROR, report
    assert "bwrap: execvp" in report.message


@pytest.mark.parametrize("body", [
    "def add(a, b):\n    os.write(1, b'\\xff\\xfe\\xc3(')\n    return a + b + 1\n",
    "def add(a, b):\n    os.write(2, b'\\xff\\xfe')\n    os._exit(3)\n",
    "def add(a, b):\n    _write_all(b'\\xff\\xfe{\"index\": 0}\\n')\n    return a + b + 1\n",
    "def add(a, b):\n    return '\\udcff'\n",
])
def test_bytes_that_are_not_utf8_keep_the_codes_verdict(rt_judge: Judge, body: str) -> None:
    report = run(rt_judge, body)
    assert report.verdict in (Verdict.WRONG_ANSWER, Verdict.RUNTIME_ERROR), report


def test_terminal_escape_sequences_never_leave_the_judge(rt_judge: Judge) -> None:
    escape = "before\\x1b]0;title\\x07\\x1b[2J\\x1b[31mred\\x9b1m\\u202eafter"
    report = run(rt_judge, f"import sys\ndef add(a, b):\n    print('{escape}')\n"
                           f"    print('{escape}', file=sys.stderr)\n    raise ValueError('{escape}')\n")
    assert report.verdict is Verdict.RUNTIME_ERROR
    test = report.tests[0]
    for text in (report.message, test.stdout, test.stderr, test.message):
        assert "before" in text and "red" in text and "after" in text, repr(text)
        assert not any(c in text for c in "\x1b\x07\x9b\u202e"), repr(text)
        assert "title" not in text


def test_cpp_output_that_is_not_utf8_keeps_the_codes_verdict(rt_judge: Judge) -> None:
    if not rt_judge.toolchains()["cpp"].available:
        pytest.skip("no C++ compiler here")
    code = ('#include <iostream>\nclass Solution {\npublic:\n    int add(int a, int b) {\n'
            '        std::cout << "\\xff\\xfe(";\n        return a + b + 1;\n    }\n};\n')
    report = rt_judge.run(ADD, code, "cpp", JudgeMode.RUN)
    assert report.verdict is Verdict.WRONG_ANSWER, report
    assert "\ufffd" in report.tests[0].stdout
