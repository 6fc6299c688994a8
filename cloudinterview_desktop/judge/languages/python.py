"""Python: the interpreter the app runs on, in isolated mode, driving harness/python_harness.py."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from cloudinterview_desktop.domain.judging import ToolchainStatus
from cloudinterview_desktop.domain.problems import CodingProblem, Param, signature_to_raw
from cloudinterview_desktop.judge.languages.base import Job, Profile, Program, Step, copy_harness
from cloudinterview_desktop.judge.sandbox import RESULT_FD
from cloudinterview_desktop.judge.toolchains import install_prefix
from cloudinterview_desktop.judge.typemap import python_type

HARNESS = "python_harness.py"
SORTEDCONTAINERS = "sortedcontainers-2.4.0-py2.py3-none-any.whl"  # the harness imports it when the code names it
PAYLOAD = "payload.json"
FROZEN_FLAG = "--run-python-harness"
NODE_CLASSES = '''# Provided by the judge:
# class ListNode:
#     def __init__(self, val=0, next=None): self.val, self.next = val, next
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None): self.val, self.left, self.right = val, left, right

'''


def interpreter_command() -> list[str]:
    """The command that runs a Python harness script: the one place to adapt for a frozen app.

    A PyInstaller build has no `python`: `sys.executable` is the app itself, so the app's entry point must
    answer `--run-python-harness SCRIPT ARGS...` by running SCRIPT's `main(ARGS)` (a onedir build, so that
    start-up stays fast). From source, the interpreter runs in isolated mode (-I: no user site, no PYTHON*
    variables) and without `site` (-S): the harness needs the standard library only, and skipping `site`
    halves the start-up time.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable, FROZEN_FLAG]
    return [sys.executable, "-I", "-S"]


def interpreter_paths() -> tuple[Path, ...]:
    """What a sandbox must mount for the interpreter: the venv, the base installation, the real binary's home."""
    paths = [Path(sys.prefix), Path(sys.base_prefix), install_prefix(sys.executable),
             Path(os.path.dirname(os.path.abspath(sys.executable)))]
    return tuple(dict.fromkeys(paths))


def probe_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, "--version"]
    # Fails where the sandbox hides the interpreter's own standard library (it would fall back to another).
    return [*interpreter_command(), "-c", f"import sys; raise SystemExit(sys.base_prefix != {sys.base_prefix!r})"]


def _params(params: tuple[Param, ...]) -> str:
    return ", ".join(f"{p.name}: {python_type(p.type)}" for p in params)


def python_starter(problem: CodingProblem) -> str:
    if problem.entry_point:  # an imported problem: its own starter, or one from the entry point
        if problem.starter.get("python"):
            return problem.starter["python"]
        cls, _, method_name = problem.entry_point.partition("().")
        if method_name:
            return f"class {cls}:\n    def {method_name}(self, *args):\n        pass\n"
        return f"def {problem.entry_point or 'solution'}(*args):\n    pass\n"
    signature = problem.signature
    assert signature is not None
    types = [p.type for p in (*signature.params, *signature.constructor)]
    types += [t for m in signature.methods for t in (m.returns, *(p.type for p in m.params))]
    types.append(signature.returns)
    header = NODE_CLASSES if any(t.base in ("ListNode", "TreeNode") for t in types) else ""
    if signature.is_design:
        lines = [f"class {signature.class_name}:", f"    def __init__(self{', ' if signature.constructor else ''}"
                 f"{_params(signature.constructor)}) -> None:", "        pass"]
        for method in signature.methods:
            args = f", {_params(method.params)}" if method.params else ""
            lines += ["", f"    def {method.name}(self{args}) -> {python_type(method.returns)}:", "        pass"]
        return header + "\n".join(lines) + "\n"
    return (header + f"def {signature.function}({_params(signature.params)}) -> {python_type(signature.returns)}:\n"
            "    pass\n")


class Python:
    name: str = "python"
    title: str = "Python 3"
    extensions: tuple[str, ...] = (".py",)

    def toolchain(self) -> ToolchainStatus:
        version = sys.version.split()[0]
        return ToolchainStatus(language=self.name, available=True, version=f"Python {version}",
                               commands={"python": " ".join(interpreter_command())})

    def starter(self, problem: CodingProblem) -> str:
        return python_starter(problem)

    def prepare(self, job: Job, workdir: Path, cache_dir: Path) -> Program:
        problem = job.problem
        payload: dict[str, object] = {
            "code": job.code, "stream": True, "time_limit_ms": job.time_limit_ms, "output_limit": job.output_limit,
        }
        if problem.entry_point:  # an imported problem: Python is judged through its entry point and check()
            payload.update(entry_point=problem.entry_point, check=problem.check_code, prompt=problem.prompt_code,
                           signature={})
        else:
            assert problem.signature is not None
            payload["signature"] = signature_to_raw(problem.signature)
        copy_harness(workdir, HARNESS)
        if "sortedcontainers" in job.code or "Sorted" in job.code:
            copy_harness(workdir, SORTEDCONTAINERS)
        (workdir / PAYLOAD).write_text(json.dumps(payload, separators=(",", ":")), encoding="utf-8")
        run = Step(argv=(*interpreter_command(), HARNESS, PAYLOAD, RESULT_FD), expose=interpreter_paths())
        # A frozen app's bootloader and bundled runtime take more address space than a bare interpreter.
        overhead = 192 if getattr(sys, "frozen", False) else 64
        tests = tuple(json.dumps({"input": inp}, separators=(",", ":")).encode() + b"\n" for inp in job.inputs)
        return Program(run=run, profile=Profile(startup_s=10.0, overhead_mb=overhead), tests=tests, ready=True)
