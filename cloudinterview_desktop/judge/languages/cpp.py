"""C++: g++ or clang++ compiles main.cpp (runtime + solution + generated dispatch) once; one process runs all tests.

`#include <bits/stdc++.h>` takes seconds to parse, so the first compilation builds a precompiled header in the
judge's cache folder (trusted input: our header only) and later ones use it; without it they still work, slower.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import subprocess
from pathlib import Path

from cloudinterview_desktop.domain.judging import ToolchainStatus
from cloudinterview_desktop.domain.problems import CodingProblem, Param, Signature, camel_case
from cloudinterview_desktop.judge.languages.base import (
    PAYLOAD,
    Job,
    Profile,
    Program,
    Step,
    copy_harness,
    positional_tests,
    test_lines,
    write_jsonl_payload,
    write_text,
)
from cloudinterview_desktop.judge.sandbox import RESULT_FD, SandboxLimits
from cloudinterview_desktop.judge.toolchains import exposed_prefixes, missing, version_line, which
from cloudinterview_desktop.judge.typemap import cpp_param, cpp_type, int_width
from cloudinterview_desktop.resources import package_path

log = logging.getLogger(__name__)

RUNTIME = "cpp_runtime.hpp"
SOURCE = "solution.cpp"
MAIN = "main.cpp"
BINARY = "solution"
FLAGS = ("-std=c++17", "-O2")
PCH_HEADER = "ci_pch.hpp"
PCH_TEXT = "#if __has_include(<bits/stdc++.h>)\n#include <bits/stdc++.h>\n#endif\n"
COMPILE_LIMITS = SandboxLimits(wall_s=90, cpu_s=90, address_space_mb=4096, file_size_mb=256, processes=32,
                               open_files=256, output_bytes=4 * 1024 * 1024)
NODE_CLASSES = """/**
 * Provided by the judge:
 * struct ListNode { int val; ListNode *next; ListNode() : val(0), next(nullptr) {} ListNode(int x) ... };
 * struct TreeNode { int val; TreeNode *left; TreeNode *right; TreeNode() ... TreeNode(int x) ... };
 */
"""


def _dispatch(signature: Signature, width: int) -> str:
    """The generated `ci_run_test`: parameter types come from the solution's own declaration (deduced)."""
    if not signature.is_design:
        method = camel_case(signature.function)
        return ("static std::string ci_run_test(const ci_judge::Json &test, ci_judge::Timer &timer) {\n"
                "  Solution ci_solution;\n"
                f"  return ci_judge::invoke(ci_solution, &Solution::{method}, test, timer);\n}}\n")
    cls = signature.class_name
    ctor_args = ", ".join(f"ci_judge::arg<{cpp_type(p.type, width)}>(args.at(0), {k})"
                          for k, p in enumerate(signature.constructor))
    branches = "\n".join(
        f"    {'else ' if k else ''}if (op == \"{m.name}\") out += ci_judge::invoke(*obj, &{cls}::{camel_case(m.name)},"
        " args.at(k), timer);" for k, m in enumerate(signature.methods))
    return ("static std::string ci_run_test(const ci_judge::Json &test, ci_judge::Timer &timer) {\n"
            "  const ci_judge::Json &ops = test.at(0);\n  const ci_judge::Json &args = test.at(1);\n"
            "  timer.start();\n"
            f"  std::unique_ptr<{cls}> obj(new {cls}({ctor_args}));\n"
            "  timer.stop();\n  std::string out = \"[null\";\n"
            "  for (size_t k = 1; k < ops.a.size(); ++k) {\n    const std::string &op = ops.at(k).s;\n"
            "    out += ',';\n"
            f"{branches}\n"
            "    else throw ci_judge::BadInput(\"unknown operation \" + op);\n  }\n  return out + \"]\";\n}\n")


def main_source(signature: Signature, width: int) -> str:
    return (f'#include "{RUNTIME}"\n#include "{SOURCE}"\n\n{_dispatch(signature, width)}\n'
            "int main(int argc, char **argv) { return ci_judge::main_loop(argc, argv, ci_run_test); }\n")


def cpp_starter(problem: CodingProblem) -> str:
    signature = problem.signature
    assert signature is not None
    width = int_width(problem)
    header = NODE_CLASSES if signature.uses_nodes else ""

    def params(ps: tuple[Param, ...]) -> str:
        return ", ".join(f"{cpp_param(p.type, width)} {p.name}" for p in ps)

    if signature.is_design:
        lines = [f"class {signature.class_name} {{", "public:",
                 f"    {signature.class_name}({params(signature.constructor)}) {{", "        ", "    }"]
        for method in signature.methods:
            name = camel_case(method.name)
            lines += ["    ", f"    {cpp_type(method.returns, width)} {name}({params(method.params)}) {{", "        ",
                      "    }"]
        return header + "\n".join([*lines, "};"]) + "\n"
    return (header + "class Solution {\npublic:\n"
            f"    {cpp_type(signature.returns, width)} {camel_case(signature.function)}"
            f"({params(signature.params)}) {{\n"
            "        \n    }\n};\n")


class Cpp:
    name: str = "cpp"
    title: str = "C++17"
    extensions: tuple[str, ...] = (".cpp", ".cc", ".cxx", ".c++")

    def _compiler(self) -> str | None:
        return which("g++", "clang++", "c++")

    def toolchain(self) -> ToolchainStatus:
        compiler = self._compiler()
        if compiler is None:
            return missing(self.name, "a C++ compiler (g++ or clang++)", "e.g. `sudo apt install g++`")
        return ToolchainStatus(language=self.name, available=True, version=version_line((compiler, "--version")),
                               commands={"compiler": compiler})

    def starter(self, problem: CodingProblem) -> str:
        return cpp_starter(problem)

    def precompiled_header(self, compiler: str, cache_dir: Path) -> Path | None:
        """The folder holding a usable ci_pch.hpp.gch for this compiler and flags, built on first use."""
        runtime_hash = hashlib.sha256(package_path("judge", "harness", RUNTIME).read_bytes()).hexdigest()
        key = hashlib.sha256("\0".join((os.path.realpath(compiler), version_line((compiler, "--version")), *FLAGS,
                                        PCH_TEXT, runtime_hash)).encode()).hexdigest()[:16]
        folder = cache_dir / "cpp-pch" / key
        gch = folder / (PCH_HEADER + ".gch")
        if gch.exists():
            return folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
            os.chmod(folder, 0o755)  # the sandbox may run as another user; it only reads
            with (folder / "lock").open("w") as lock:
                import fcntl  # POSIX only: the judge imports on Windows too

                fcntl.flock(lock, fcntl.LOCK_EX)  # one build, even with judges running side by side
                if gch.exists():
                    return folder
                write_text(folder / PCH_HEADER, PCH_TEXT)
                partial = folder / f"{PCH_HEADER}.gch.{os.getpid()}"
                done = subprocess.run([compiler, *FLAGS, "-x", "c++-header", str(folder / PCH_HEADER), "-o",
                                       str(partial)], capture_output=True, text=True, timeout=600, check=False)
                if done.returncode != 0:
                    log.warning("precompiled header failed: %s", done.stderr[-2000:])
                    with contextlib.suppress(OSError):
                        partial.unlink()
                    return None
                os.chmod(partial, 0o644)
                os.replace(partial, gch)
                return folder
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("precompiled header unavailable: %s", exc)
            return None

    def prepare(self, job: Job, workdir: Path, cache_dir: Path) -> Program:
        compiler = self._compiler()
        assert compiler is not None and job.problem.signature is not None
        copy_harness(workdir, RUNTIME)
        write_text(workdir / SOURCE, job.code)
        write_text(workdir / MAIN, main_source(job.problem.signature, job.int_width))
        write_jsonl_payload(workdir, {"output_limit": job.output_limit}, [])
        pch = self.precompiled_header(compiler, cache_dir)
        pch_args: tuple[str, ...] = ("-I", str(pch), "-include", PCH_HEADER) if pch else ()
        compile_step = Step(
            argv=(compiler, *FLAGS, "-pipe", "-fdiagnostics-color=never", *pch_args, "-o", BINARY, MAIN),
            expose=exposed_prefixes(compiler) + ((pch,) if pch else ()),
            path_dirs=(os.path.dirname(compiler),), limits=COMPILE_LIMITS)
        run = Step(argv=(f"./{BINARY}", PAYLOAD, RESULT_FD))
        # No "ready" event: static initialisers run before main, so the loading is timed from the start.
        return Program(run=run, compile=compile_step, profile=Profile(startup_s=5.0, overhead_mb=64),
                       tests=test_lines(positional_tests(job)))
