"""What a run may leave on the host: memory held across processes or in the sandbox's in-RAM mounts, bytes and files
in the work directory, folders and links that turn clean-up against the user, processes in a new session with an
empty environment, and a Java class that replaces the harness."""

from __future__ import annotations

import os
import secrets
import signal
import stat
import time
from dataclasses import replace
from pathlib import Path

import pytest

from cloudinterview_desktop.domain.judging import JudgeMode, Verdict
from cloudinterview_desktop.domain.problems import Limits
from cloudinterview_desktop.judge.judge import Judge
from tests.judge.redteam.conftest import ADD

ROOMY = replace(ADD, limits=Limits(time_ms=8000, memory_mb=128))  # time enough to write 300 MB or 20,000 files



def _run(judge: Judge, code: str, language: str = "python") -> Verdict:
    return judge.run(ADD, code, language, JudgeMode.RUN).verdict


def _run_roomy(judge: Judge, code: str) -> Verdict:
    return judge.run(ROOMY, code, "python", JudgeMode.RUN).verdict


def test_memory_spread_over_processes_is_memory_limit_exceeded(level_judge: Judge) -> None:
    # Five processes of 100 MB each against a 128 MB limit.
    code = ("import os, time\ndef add(a, b):\n    kids = []\n    for _ in range(5):\n        pid = os.fork()\n"
            "        if pid == 0:\n            hoard = b'x' * (100 << 20)\n            time.sleep(1.5)\n"
            "            os._exit(0)\n        kids.append(pid)\n    for pid in kids:\n        os.waitpid(pid, 0)\n"
            "    return a + b\n")
    assert _run_roomy(level_judge, code) is Verdict.MEMORY_LIMIT_EXCEEDED


# As root the code runs as `nobody`, who cannot write in the sandbox's in-RAM mounts at all; as a user it can, up to
# their size (the root itself is read-only). The work directory is on the host's disk: it is watched.
@pytest.mark.parametrize("folder", ["/tmp", "/dev/shm", "/hoard", "."])
def test_files_in_memory_or_on_disk_count_against_the_submission(level_judge: Judge, folder: str) -> None:
    if folder != "." and level_judge.isolation_level() == "rlimits":
        pytest.skip("the rlimits level has no mounts of its own: the code writes where its user may")
    # 15 MB files (under the per-file limit) up to 300 MB: accepted only if every write succeeded.
    code = (f"import os\ndef add(a, b):\n    os.makedirs({folder!r}, exist_ok=True)\n    block = b'x' * (15 << 20)\n"
            f"    for i in range(20):\n        with open(os.path.join({folder!r}, f'hoard{{i}}'), 'wb') as f:\n"
            "            f.write(block)\n    return a + b\n")
    verdict = _run_roomy(level_judge, code)
    assert verdict is (Verdict.OUTPUT_LIMIT_EXCEEDED if folder == "." else Verdict.RUNTIME_ERROR)


def test_many_files_in_the_work_directory_are_refused(level_judge: Judge) -> None:
    code = ("import os\ndef add(a, b):\n    os.mkdir('many')\n    for i in range(20000):\n"
            "        open(f'many/{i}', 'w').close()\n    return a + b\n")
    assert _run_roomy(level_judge, code) is Verdict.OUTPUT_LIMIT_EXCEEDED


def test_a_folder_without_permissions_is_cleaned_up(level_judge: Judge) -> None:
    code = ("import os\ndef add(a, b):\n    os.makedirs('locked/deeper')\n    open('locked/deeper/f', 'w').close()\n"
            "    os.chmod('locked/deeper', 0)\n    os.chmod('locked', 0)\n    return a + b\n")
    assert _run(level_judge, code) is Verdict.ACCEPTED
    # level_judge checks that the work root is empty afterwards


def test_clean_up_follows_no_link(level_judge: Judge, tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "keep").write_text("mine")
    os.chmod(victim, 0o500)
    target = victim / "keep"
    os.chmod(target, 0o400)
    code = (f"import os\ndef add(a, b):\n    os.mkdir('trap')\n    os.symlink({str(target)!r}, 'trap/link')\n"
            f"    os.symlink({str(victim)!r}, 'trap/dir')\n    os.chmod('trap', 0o500)\n    return a + b\n")
    try:
        _run(level_judge, code)
        assert stat.S_IMODE(os.stat(target).st_mode) == 0o400
        assert stat.S_IMODE(os.stat(victim).st_mode) == 0o500
        assert target.read_text() == "mine"
    finally:
        os.chmod(victim, 0o700)


def _alive_with(needle: bytes) -> list[int]:
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                cmdline = Path(f"/proc/{name}/cmdline").read_bytes()
                state = Path(f"/proc/{name}/stat").read_bytes().rsplit(b")", 1)[1].split()[0]
            except OSError:
                continue
            if needle in cmdline and state not in (b"Z", b"X"):
                found.append(int(name))
    return found


def test_a_grandchild_in_a_new_session_with_an_empty_environment_dies(level_judge: Judge) -> None:
    seconds = f"29.{secrets.randbelow(10**6):06d}"  # a sleep no other process on the machine runs
    code = ("import os, time\ndef add(a, b):\n    if os.fork() == 0:\n        os.setsid()\n"
            f"        if os.fork() == 0:\n            os.execve('/bin/sleep', ['sleep', '{seconds}'], {{}})\n"
            "        os._exit(0)\n    time.sleep(0.05)\n    return a + b\n")
    try:
        assert _run(level_judge, code) is Verdict.ACCEPTED
        deadline = time.monotonic() + 2
        while _alive_with(seconds.encode()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _alive_with(seconds.encode()) == []
    finally:
        for pid in _alive_with(seconds.encode()):
            os.kill(pid, signal.SIGKILL)


JAVA_HARNESS_CLASH = '''
class Solution {
    public int add(int a, int b) { return a - b; }
}
class CiHarness {
    public static void main(String[] argv) throws Exception {
        java.io.PrintStream out = new java.io.PrintStream(new java.io.FileOutputStream("/dev/fd/" + argv[1]));
        out.println("{\\"index\\":-1,\\"status\\":\\"ok\\",\\"value\\":null,\\"time_ms\\":0}");
        out.println("{\\"index\\":0,\\"status\\":\\"ok\\",\\"value\\":3,\\"time_ms\\":0}");
        out.println("{\\"event\\":\\"done\\"}");
        out.flush();
    }
}
'''


def test_a_java_class_named_like_the_harness_does_not_replace_it(rt_judge: Judge) -> None:
    if not rt_judge.toolchains()["java"].available:
        pytest.skip("no JDK here")
    # The forged harness would report 3 for add(1, 2); the solution's own add answers -1.
    report = rt_judge.run(ADD, JAVA_HARNESS_CLASH, "java", JudgeMode.RUN)
    assert report.verdict is Verdict.WRONG_ANSWER, report
    assert report.tests[0].actual == -1


def test_a_java_solution_declaring_the_judges_node_class_is_refused(rt_judge: Judge) -> None:
    if not rt_judge.toolchains()["java"].available:
        pytest.skip("no JDK here")
    code = "class ListNode { int val; }\nclass Solution {\n    public int add(int a, int b) { return a + b; }\n}\n"
    report = rt_judge.run(ADD, code, "java", JudgeMode.RUN)
    assert report.verdict is Verdict.COMPILE_ERROR, report
    assert "class ListNode is provided by the judge" in report.message
