"""Hostile and broken submissions, run for real in the sandbox: each must be contained, get the right verdict, and
leave the host unharmed, with no process of the run left alive."""

from __future__ import annotations

import os
import secrets
import socket
import threading
import time
from pathlib import Path

import pytest

from cloudinterview_desktop.domain.errors import Cancelled
from cloudinterview_desktop.domain.judging import JudgeMode, JudgeReport, Verdict
from cloudinterview_desktop.judge.judge import Judge
from tests.judge.conftest import REPO, assert_no_strays, load_problem

pytestmark = pytest.mark.usefixtures("no_strays")

ADD = load_problem("add-numbers")  # add(a, b) -> int, 1000 ms, 128 MB
LEVELS = ("bubblewrap", "namespaces", "rlimits")


@pytest.fixture(scope="module", params=LEVELS)
def level_judge(request: pytest.FixtureRequest, judge_cache: Path) -> Judge:
    judge = Judge(cache_dir=judge_cache, isolation=request.param)
    if judge.isolation_level() != request.param:
        pytest.skip(f"isolation level {request.param} is not available here (got {judge.isolation_level()})")
    return judge


def run(judge: Judge, code: str, mode: JudgeMode = JudgeMode.RUN) -> JudgeReport:
    return judge.run(ADD, code, "python", mode)


def test_infinite_loop_is_time_limit_exceeded(judge: Judge) -> None:
    started = time.monotonic()
    report = run(judge, "def add(a, b):\n    while True:\n        pass\n")
    assert report.verdict is Verdict.TIME_LIMIT_EXCEEDED
    assert time.monotonic() - started < 10


def test_loop_that_ignores_the_timer_is_killed(judge: Judge) -> None:
    # Catching the harness's timer does not help: the judge's own deadline kills the whole group.
    code = ("import signal\ndef add(a, b):\n    signal.signal(signal.SIGALRM, signal.SIG_IGN)\n"
            "    signal.setitimer(signal.ITIMER_REAL, 0)\n    while True:\n        pass\n")
    started = time.monotonic()
    report = run(judge, code, JudgeMode.SUBMIT)
    assert report.verdict is Verdict.TIME_LIMIT_EXCEEDED
    assert report.tests[0].verdict is Verdict.TIME_LIMIT_EXCEEDED
    assert [t.verdict for t in report.tests[1:]] == [Verdict.SKIPPED] * (len(report.tests) - 1)
    assert time.monotonic() - started < 15


def test_fork_bomb_is_contained(level_judge: Judge) -> None:
    if level_judge.isolation_level() == "rlimits" and os.geteuid() == 0:
        pytest.skip("as root without namespaces the kernel does not enforce RLIMIT_NPROC (see docs/judge.md)")
    code = ("import os\ndef add(a, b):\n    while True:\n        try:\n            os.fork()\n"
            "        except OSError:\n            pass\n")
    started = time.monotonic()
    report = run(level_judge, code)
    # The processes' memory counts together: enough copies of the interpreter are over the limit.
    assert report.verdict in (Verdict.TIME_LIMIT_EXCEEDED, Verdict.RUNTIME_ERROR, Verdict.MEMORY_LIMIT_EXCEEDED)
    assert time.monotonic() - started < 20
    assert_no_strays()
    assert os.system("true") == 0  # the host can still start processes


def test_memory_bomb_is_memory_limit_exceeded(judge: Judge) -> None:
    report = run(judge, "def add(a, b):\n    hoard = []\n    while True:\n        hoard.append(' ' * 10**6)\n")
    assert report.verdict is Verdict.MEMORY_LIMIT_EXCEEDED
    report = run(judge, "def add(a, b):\n    return len(bytearray(10**10))\n")
    assert report.verdict is Verdict.MEMORY_LIMIT_EXCEEDED


@pytest.mark.parametrize("writer", [
    "print('x' * 10_000)",  # through sys.stdout: the harness stops it
    "os.write(1, b'x' * 1_000_000)",  # straight to the pipe: the judge kills the group
])
def test_a_gigabyte_of_output_is_output_limit_exceeded_quickly(judge: Judge, writer: str) -> None:
    code = f"import os\ndef add(a, b):\n    for _ in range(100_000):\n        {writer}\n    return a + b\n"
    started = time.monotonic()
    report = run(judge, code)
    assert report.verdict is Verdict.OUTPUT_LIMIT_EXCEEDED
    assert time.monotonic() - started < 5
    assert len(report.tests[0].stdout) <= 64 * 1024


def test_writing_outside_the_work_directory_leaves_no_file(level_judge: Judge) -> None:
    if level_judge.isolation_level() == "rlimits":
        pytest.skip("without namespaces the code may write where its user may (see docs/judge.md)")
    name = f"ci-judge-escape-{secrets.token_hex(4)}"
    targets = [Path("/tmp") / name, REPO / name, Path.home() / name]
    code = ("def add(a, b):\n"
            f"    for path in {[str(t) for t in targets]!r}:\n"
            "        try:\n            open(path, 'w').write('escaped')\n        except OSError as exc:\n"
            "            print(path, exc)\n    return a + b\n")
    try:
        report = run(level_judge, code)
        assert report.verdict is Verdict.ACCEPTED
        assert [t for t in targets if t.exists()] == []
    finally:
        for target in targets:
            target.unlink(missing_ok=True)


def test_home_directory_cannot_be_read(judge: Judge) -> None:
    secret = secrets.token_hex(16)
    path = Path.home() / f".ci-judge-secret-{secrets.token_hex(4)}"
    path.write_text(secret)
    try:
        code = ("import os\ndef add(a, b):\n"
                f"    for probe in ({str(path)!r}, os.path.expanduser('~/' + {path.name!r})):\n"
                "        try:\n            print(open(probe).read())\n        except OSError as exc:\n"
                "            print('refused', exc)\n"
                f"    try:\n        print('listing', os.listdir({str(Path.home())!r}))\n    except OSError as exc:\n"
                "        print('refused', exc)\n    return a + b\n")
        report = run(judge, code)
        assert report.verdict is Verdict.ACCEPTED
        out = report.tests[0].stdout
        assert "refused" in out
        assert secret not in out
        listing = [line for line in out.splitlines() if line.startswith("listing")]
        assert all(path.name not in line for line in listing)
    finally:
        path.unlink()


def test_environment_is_scrubbed(judge: Judge, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI_JUDGE_TEST_SECRET", "hunter2")
    report = run(judge, "import os\ndef add(a, b):\n    print(sorted(os.environ))\n    return a + b\n")
    assert report.verdict is Verdict.ACCEPTED
    assert "CI_JUDGE_TEST_SECRET" not in report.tests[0].stdout
    assert "'PATH'" in report.tests[0].stdout


def test_no_network(judge: Judge) -> None:
    if judge.isolation_level() == "rlimits":
        pytest.skip("the rlimits level has no network namespace")
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        # The solution answers correctly only if every connection fails.
        code = ("import socket\ndef add(a, b):\n"
                f"    for address in [('127.0.0.1', {port}), ('1.1.1.1', 53), ('8.8.8.8', 443)]:\n"
                "        try:\n            socket.create_connection(address, timeout=1).close()\n"
                "            return -1\n        except OSError as exc:\n            print(address, exc)\n"
                "    return a + b\n")
        report = run(judge, code)
    assert report.verdict is Verdict.ACCEPTED, report.tests[0].stdout


def test_detached_child_is_killed(level_judge: Judge) -> None:
    code = ("import os, subprocess, time\ndef add(a, b):\n"
            "    subprocess.Popen(['sleep', '300'], start_new_session=True)\n"
            "    if os.fork() == 0:\n        os.setsid()\n        if os.fork() == 0:\n            time.sleep(300)\n"
            "        os._exit(0)\n    time.sleep(0.2)\n    return a + b\n")
    report = run(level_judge, code)
    assert report.verdict is Verdict.ACCEPTED
    assert_no_strays(timeout=0.5)


def test_killing_the_parent_does_not_harm_the_judge(level_judge: Judge) -> None:
    if level_judge.isolation_level() == "rlimits":
        # Without a PID namespace the code runs as us (or as root): kill(-1) would take the machine down.
        pytest.skip("the rlimits level does not protect other processes from signals (see docs/judge.md)")
    code = ("import os, signal\ndef add(a, b):\n"
            f"    for pid in (os.getppid(), {os.getpid()}, 1, -1):\n"
            "        try:\n            os.kill(pid, signal.SIGKILL)\n        except OSError as exc:\n"
            "            print(pid, exc)\n    return a + b\n")
    report = run(level_judge, code)
    assert report.verdict in (Verdict.ACCEPTED, Verdict.RUNTIME_ERROR)
    # Still alive, and still judging.
    assert run(level_judge, "def add(a, b):\n    return a + b\n").verdict is Verdict.ACCEPTED


def test_recursion_overflow_is_runtime_error(judge: Judge) -> None:
    report = run(judge, "def add(a, b):\n    return add(a, b) + 1\n")
    assert report.verdict is Verdict.RUNTIME_ERROR
    assert "RecursionError" in report.message


def test_syntax_error_is_compile_error(judge: Judge) -> None:
    report = run(judge, "def add(a, b)\n    return a + b\n")
    assert report.verdict is Verdict.COMPILE_ERROR
    assert "SyntaxError" in report.message and "line 1" in report.message


def test_wrong_signature_is_compile_error_with_a_clear_message(judge: Judge) -> None:
    report = run(judge, "def plus(a, b):\n    return a + b\n")
    assert report.verdict is Verdict.COMPILE_ERROR
    assert "define a function `add`" in report.message
    report = run(judge, "def add(a):\n    return a\n")
    assert report.verdict is Verdict.RUNTIME_ERROR
    assert "TypeError" in report.message and "positional argument" in report.message


def test_wrong_return_type_is_wrong_answer_with_a_message(judge: Judge) -> None:
    report = run(judge, "def add(a, b):\n    return str(a + b)\n")
    assert report.verdict is Verdict.WRONG_ANSWER
    assert "expected int, got str" in report.message


def test_exiting_early_is_runtime_error(judge: Judge) -> None:
    assert run(judge, "import sys\ndef add(a, b):\n    sys.exit(0)\n").verdict is Verdict.RUNTIME_ERROR
    report = run(judge, "import os\ndef add(a, b):\n    os._exit(0)\n")
    assert report.verdict is Verdict.RUNTIME_ERROR
    assert "exited before finishing" in report.message


def test_crash_of_the_interpreter_is_runtime_error(judge: Judge) -> None:
    report = run(judge, "import ctypes\ndef add(a, b):\n    return ctypes.string_at(0)\n")
    assert report.verdict is Verdict.RUNTIME_ERROR
    assert "SIGSEGV" in report.message


def test_cancel_kills_the_run_and_raises(judge: Judge) -> None:
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        judge.run(ADD, "def add(a, b):\n    while True:\n        pass\n", "python", JudgeMode.SUBMIT,
                  cancel=cancel)
    assert time.monotonic() - started < 3
