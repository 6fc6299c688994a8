"""Hostile Go: records forged on the result channel, files written outside the work directory, a `sleep` left
behind through fork/exec in a new session, and the network. Skipped where `go` is not installed."""

from __future__ import annotations

import secrets
import socket
from pathlib import Path

import pytest

from cloudinterview_desktop.domain.judging import JudgeMode, Verdict
from cloudinterview_desktop.judge.judge import Judge
from cloudinterview_desktop.judge.languages import language_named
from tests.judge.redteam.conftest import ADD

REPO = Path(__file__).resolve().parents[3]
GO = language_named("go")
pytestmark = pytest.mark.skipif(not GO.toolchain().available, reason=GO.toolchain().detail)

# Each test's right answer, written on the result channel (its number is the last argument) before a slow loop.
FORGED = '''import (
    "fmt"
    "os"
    "strconv"
    "syscall"
    "time"
)

var calls = 0

func add(a int, b int) int {
    fd, _ := strconv.Atoi(os.Args[len(os.Args)-1])
    record := fmt.Sprintf(`{"index":%d,"status":"ok","value":%d,"error":"","time_ms":1,"stdout":"","stderr":""}`,
        calls, a+b)
    calls++
    syscall.Write(fd, []byte(record+"\\n"))
    end := time.Now().Add(2 * time.Second)
    for time.Now().Before(end) {
        syscall.Write(fd, []byte(`{"event":"alive"}`+"\\n"))
        time.Sleep(20 * time.Millisecond)
    }
    return a + b
}
'''

LEFT_BEHIND = '''import (
    "os"
    "syscall"
    "time"
)

func add(a int, b int) int {
    attr := &syscall.ProcAttr{Env: []string{}, Files: []uintptr{0, 1, 2},
        Sys: &syscall.SysProcAttr{Setsid: true}}
    for _, sleep := range []string{"/bin/sleep", "/usr/bin/sleep"} {
        if _, err := os.Stat(sleep); err == nil {
            syscall.ForkExec(sleep, []string{"sleep", "300"}, attr)
            break
        }
    }
    time.Sleep(200 * time.Millisecond)
    return a + b
}
'''


def test_forged_records_do_not_pass_slow_code(rt_judge: Judge) -> None:
    report = rt_judge.run(ADD, FORGED, "go", JudgeMode.RUN)
    assert report.verdict in (Verdict.TIME_LIMIT_EXCEEDED, Verdict.RUNTIME_ERROR), report
    if report.verdict is Verdict.RUNTIME_ERROR:
        assert "protocol violation" in report.tests[0].message


def test_a_process_left_behind_in_a_new_session_dies(level_judge: Judge) -> None:
    # level_judge checks that no process of the run survives it.
    report = level_judge.run(ADD, LEFT_BEHIND, "go", JudgeMode.RUN)
    assert report.verdict is Verdict.ACCEPTED, report.message or report.tests


def test_writing_outside_the_work_directory_leaves_no_file(level_judge: Judge) -> None:
    if level_judge.isolation_level() == "rlimits":
        pytest.skip("without namespaces the code may write where its user may (see docs/judge.md)")
    name = f"ci-judge-escape-{secrets.token_hex(4)}"
    targets = [Path("/tmp") / name, REPO / name, Path.home() / name]
    paths = ", ".join(f'"{t}"' for t in targets)
    code = ('import (\n    "fmt"\n    "os"\n)\n\nfunc add(a int, b int) int {\n'
            f"    for _, path := range []string{{{paths}}} {{\n"
            '        if err := os.WriteFile(path, []byte("escaped"), 0644); err != nil {\n'
            "            fmt.Println(path, err)\n        }\n    }\n    return a + b\n}\n")
    try:
        report = level_judge.run(ADD, code, "go", JudgeMode.RUN)
        assert report.verdict is Verdict.ACCEPTED, report.message or report.tests
        assert [t for t in targets if t.exists()] == []
    finally:
        for target in targets:
            target.unlink(missing_ok=True)


def test_no_network(rt_judge: Judge) -> None:
    if rt_judge.isolation_level() == "rlimits":
        pytest.skip("the rlimits level has no network namespace")
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        # The solution answers correctly only if every connection fails.
        code = ('import (\n    "fmt"\n    "net"\n    "time"\n)\n\nfunc add(a int, b int) int {\n'
                f'    for _, address := range []string{{"127.0.0.1:{port}", "1.1.1.1:53", "8.8.8.8:443"}} {{\n'
                '        conn, err := net.DialTimeout("tcp", address, time.Second)\n'
                "        if err == nil {\n            conn.Close()\n            return -1\n        }\n"
                "        fmt.Println(address, err)\n    }\n    return a + b\n}\n")
        report = rt_judge.run(ADD, code, "go", JudgeMode.RUN)
    assert report.verdict is Verdict.ACCEPTED, report.tests[0].stdout if report.tests else report.message
