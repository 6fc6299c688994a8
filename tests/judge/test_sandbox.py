"""The sandbox on its own, with real processes: limits, output caps, the result pipe, kills, work directories."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest

from cloudinterview_desktop.domain.errors import Cancelled
from cloudinterview_desktop.judge.isolation import IsolationLevel
from cloudinterview_desktop.judge.judge import Judge
from cloudinterview_desktop.judge.languages.python import interpreter_command, interpreter_paths
from cloudinterview_desktop.judge.posix_sandbox import PosixSandbox
from cloudinterview_desktop.judge.protection import protection_for
from cloudinterview_desktop.judge.sandbox import RESULT_FD, KillReason, RunOutcome, RunSpec, SandboxLimits
from tests.judge.conftest import assert_no_strays

pytestmark = pytest.mark.usefixtures("no_strays")

PYTHON = tuple(interpreter_command())


@pytest.fixture(scope="module")
def sandbox(judge: Judge) -> PosixSandbox:
    return judge.sandbox()


def limits(**overrides: object) -> SandboxLimits:
    values: dict[str, object] = {"wall_s": 10.0, "cpu_s": 10, "address_space_mb": 512}
    values.update(overrides)
    return SandboxLimits(**values)  # type: ignore[arg-type]


def python(sandbox: PosixSandbox, workdir: Path, code: str, **overrides: object) -> RunOutcome:
    spec = RunSpec(argv=(*PYTHON, "-c", code, RESULT_FD), workdir=workdir, limits=limits(**overrides),
                   expose=interpreter_paths(), result_pipe=True)
    return sandbox.run(spec)


def test_isolation_level_is_detected_and_documented(judge: Judge) -> None:
    level = judge.isolation_level()
    assert level in {lvl.value for lvl in IsolationLevel}
    assert judge.sandbox().describe() == protection_for(level).describe() == judge.isolation_description()
    docs = (Path(__file__).resolve().parents[2] / "docs" / "judge.md").read_text()
    assert all(f"`{lvl.value}`" in docs for lvl in IsolationLevel)


def test_result_lines_and_exit_status(sandbox: PosixSandbox) -> None:
    with sandbox.workdir() as work:
        code = "import os, sys\nfd = int(sys.argv[1])\nos.write(fd, b'one\\ntwo\\n')\nsys.exit(3)"
        outcome = python(sandbox, work, code)
    assert outcome.result_lines == [b"one", b"two"]
    assert outcome.exit_code == 3 and outcome.signal is None and outcome.killed is None


def test_rlimits_are_applied(sandbox: PosixSandbox) -> None:
    code = ("import resource as r\nfor name in ('RLIMIT_CPU', 'RLIMIT_AS', 'RLIMIT_FSIZE', 'RLIMIT_NOFILE', "
            "'RLIMIT_CORE', 'RLIMIT_NPROC'):\n    print(name, r.getrlimit(getattr(r, name))[0])")
    with sandbox.workdir() as work:
        outcome = python(sandbox, work, code, cpu_s=7, address_space_mb=300, file_size_mb=5, open_files=33)
    values = dict(line.split() for line in outcome.stdout.splitlines())
    assert values["RLIMIT_CPU"] == "7"
    assert values["RLIMIT_AS"] == str(300 * 1024 * 1024)
    assert values["RLIMIT_FSIZE"] == str(5 * 1024 * 1024)
    assert values["RLIMIT_NOFILE"] == "33"
    assert values["RLIMIT_CORE"] == "0"
    if sandbox.level != "rlimits" or os.geteuid() != 0:
        assert int(values["RLIMIT_NPROC"]) > 0


def test_wall_limit_kills_the_whole_group(sandbox: PosixSandbox) -> None:
    started = time.monotonic()
    with sandbox.workdir() as work:
        outcome = python(sandbox, work, "import os, time\nos.fork()\nos.fork()\ntime.sleep(100)", wall_s=0.5)
    assert outcome.killed is KillReason.WALL
    assert time.monotonic() - started < 5
    assert_no_strays(timeout=0.5)


def test_output_is_kept_truncated_and_capped(sandbox: PosixSandbox) -> None:
    with sandbox.workdir() as work:
        outcome = python(sandbox, work, "print('x' * 100_000)", keep_bytes=1000)
        assert outcome.killed is None and outcome.stdout == "x" * 1000 and outcome.stdout_truncated
        flood = python(sandbox, work, "import sys\nwhile True:\n    sys.stderr.write('y' * 65536)",
                       output_bytes=1_000_000)
        assert flood.killed is KillReason.OUTPUT
        assert flood.stderr.startswith("yyyy") and len(flood.stderr) <= 64 * 1024


def test_file_size_limit(sandbox: PosixSandbox) -> None:
    with sandbox.workdir() as work:
        outcome = python(sandbox, work, "open('big', 'wb').write(b'0' * 3_000_000)", file_size_mb=1)
    assert outcome.signal == 25 or outcome.exit_code != 0  # SIGXFSZ, or the error it becomes


def test_work_directory_is_private_and_removed(sandbox: PosixSandbox) -> None:
    with sandbox.workdir() as work:
        outcome = python(sandbox, work, "import os\nos.makedirs('a/b')\nopen('a/b/f', 'w').write('x')\n"
                                        "os.chmod('a/b', 0)\nprint(os.getcwd())")
        assert outcome.exit_code == 0, outcome.stderr
        assert (work / "a").exists()
        assert oct(work.stat().st_mode & 0o777) == "0o700"
    assert not work.exists()


def test_cancel_raises_and_kills(sandbox: PosixSandbox) -> None:
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    with sandbox.workdir() as work, pytest.raises(Cancelled):
        sandbox.run(RunSpec(argv=(*PYTHON, "-c", "import time\ntime.sleep(100)"), workdir=work, limits=limits(),
                            expose=interpreter_paths()), cancel=cancel)
    assert time.monotonic() - started < 3


def test_a_signal_death_is_reported_as_such(sandbox: PosixSandbox) -> None:
    with sandbox.workdir() as work:
        outcome = python(sandbox, work, "import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)")
    assert outcome.signal == 11 and outcome.exit_code is None


def test_interpreter_inside_sees_its_own_standard_library(sandbox: PosixSandbox) -> None:
    with sandbox.workdir() as work:
        outcome = python(sandbox, work, "import sys, json\nprint(sys.base_prefix)\nprint(json.__file__)")
    base, json_file = outcome.stdout.split()
    assert base == sys.base_prefix and json_file.startswith(sys.base_prefix)


def test_the_question_bank_is_covered_when_its_folder_is_exposed(sandbox: PosixSandbox, judge: Judge) -> None:
    """A frozen app exposes its whole folder (the interpreter lives there): the bank's hidden tests must not be
    readable from inside. Exposing the source tree here stands in for that folder."""
    if judge.isolation_level() == IsolationLevel.RLIMITS.value:
        pytest.skip("the rlimits level has no mount namespace to cover files with")
    repo = Path(__file__).resolve().parents[2]
    code = ("import os\nfor p in ('problems.sqlite', 'resources/schema/bank-item.schema.json'):\n"
            f"    path = os.path.join({str(repo)!r}, p)\n"
            "    try:\n        print(p, len(open(path, 'rb').read()))\n"
            "    except OSError as exc:\n        print(p, 'error', type(exc).__name__)\n")
    with sandbox.workdir() as work:
        spec = RunSpec(argv=(*PYTHON, "-c", code), workdir=work, limits=limits(),
                       expose=(*interpreter_paths(), repo))
        outcome = sandbox.run(spec)
    lines = outcome.stdout.splitlines()
    # Covered with /dev/null on a nodev mount (bubblewrap: PermissionError) or read as empty (namespaces).
    assert lines[0] in ("problems.sqlite 0", "problems.sqlite error PermissionError"), lines
    assert lines[1].startswith("resources/schema/bank-item.schema.json error"), lines
