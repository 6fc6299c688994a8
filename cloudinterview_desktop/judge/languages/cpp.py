"""C++: g++ or clang++ compiles main.cpp (runtime + solution + generated dispatch) once; one process runs all tests.

What does not change between submissions is built once into the judge's cache folder, from our own files only, by
the judge itself (never in a step that runs or compiles candidate code; the sandbox sees the folder read-only): a
precompiled header of `<bits/stdc++.h>` and the runtime (parsing them takes seconds), and the runtime's test loop
compiled into an object (its code generation was most of each compile: measured 0.85 of 1.2 CPU seconds at -O2).
A submission then compiles only its solution and the generated dispatch, and links the object. A cache entry is
keyed by the compiler, its version, the flags and our sources, and counts only once its manifest (written last)
matches the files' sizes and times, and the hashes of the small ones; otherwise it is rebuilt. Without a cache
the runtime is compiled with the solution, as one program, slower.
"""

from __future__ import annotations

import functools
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
from cloudinterview_desktop.judge.languages.cache_entry import (
    build_lock,
    entry_intact,
    forget,
    replace_file,
    write_manifest,
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
PCH_TEXT = f'#if __has_include(<bits/stdc++.h>)\n#include <bits/stdc++.h>\n#endif\n#include "{RUNTIME}"\n'
RUNTIME_MAIN = "ci_runtime_main.cpp"
RUNTIME_OBJECT = "ci_runtime.o"
RUNTIME_MAIN_TEXT = (f'#include "{RUNTIME}"\n'
                     "std::string ci_run_test(const ci_judge::Json &test, ci_judge::Timer &timer);\n"
                     "int main(int argc, char **argv) { return ci_judge::main_loop(argc, argv, ci_run_test); }\n")
BUILD_LIMIT_S = 600
COMPILE_LIMITS = SandboxLimits(wall_s=90, cpu_s=90, address_space_mb=4096, file_size_mb=256, processes=32,
                               open_files=256, output_bytes=4 * 1024 * 1024)
NODE_CLASSES = """/**
 * Provided by the judge:
 * struct ListNode { int val; ListNode *next; ListNode() : val(0), next(nullptr) {} ListNode(int x) ... };
 * struct TreeNode { int val; TreeNode *left; TreeNode *right; TreeNode() ... TreeNode(int x) ... };
 */
"""


def _dispatch(signature: Signature, width: int, linkage: str = "static ") -> str:
    """The generated `ci_run_test`: parameter types come from the solution's own declaration (deduced)."""
    if not signature.is_design:
        method = camel_case(signature.function)
        return (f"{linkage}std::string ci_run_test(const ci_judge::Json &test, ci_judge::Timer &timer) {{\n"
                "  Solution ci_solution;\n"
                f"  return ci_judge::invoke(ci_solution, &Solution::{method}, test, timer);\n}}\n")
    cls = signature.class_name
    ctor_args = ", ".join(f"ci_judge::arg<{cpp_type(p.type, width)}>(args.at(0), {k})"
                          for k, p in enumerate(signature.constructor))
    branches = "\n".join(
        f"    {'else ' if k else ''}if (op == \"{m.name}\") out += ci_judge::invoke(*obj, &{cls}::{camel_case(m.name)},"
        " args.at(k), timer);" for k, m in enumerate(signature.methods))
    return (f"{linkage}std::string ci_run_test(const ci_judge::Json &test, ci_judge::Timer &timer) {{\n"
            "  const ci_judge::Json &ops = test.at(0);\n  const ci_judge::Json &args = test.at(1);\n"
            "  timer.start();\n"
            f"  std::unique_ptr<{cls}> obj(new {cls}({ctor_args}));\n"
            "  timer.stop();\n  std::string out = \"[null\";\n"
            "  for (size_t k = 1; k < ops.a.size(); ++k) {\n    const std::string &op = ops.at(k).s;\n"
            "    out += ',';\n"
            f"{branches}\n"
            "    else throw ci_judge::BadInput(\"unknown operation \" + op);\n  }\n  return out + \"]\";\n}\n")


def main_source(signature: Signature, width: int, linked: bool = False) -> str:
    """main.cpp. `linked`: `main` and the test loop come from the cached runtime object, which calls this file's
    `ci_run_test`; otherwise this file holds the whole program."""
    if linked:
        return f'#include "{RUNTIME}"\n#include "{SOURCE}"\n\n{_dispatch(signature, width, linkage="")}'
    return (f'#include "{RUNTIME}"\n#include "{SOURCE}"\n\n{_dispatch(signature, width)}\n'
            "int main(int argc, char **argv) { return ci_judge::main_loop(argc, argv, ci_run_test); }\n")


def _write_bytes(path: Path, data: bytes) -> bool:
    path.write_bytes(data)
    return True


def _build(argv: tuple[str, ...], output: Path) -> bool:
    done = subprocess.run([*argv, str(output)], capture_output=True, text=True, timeout=BUILD_LIMIT_S, check=False)
    if done.returncode != 0:
        log.warning("building the C++ runtime cache failed: %s", done.stderr[-2000:])
    return done.returncode == 0


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

    def runtime_cache(self, compiler: str, cache_dir: Path) -> Path | None:
        """The cache folder holding the precompiled header and the runtime object for this compiler and these
        flags, built (or rebuilt, when a file no longer matches the manifest) by the judge on first use."""
        runtime = package_path("judge", "harness", RUNTIME).read_bytes()
        key = hashlib.sha256("\0".join((os.path.realpath(compiler), version_line((compiler, "--version")), *FLAGS,
                                        PCH_TEXT, RUNTIME_MAIN_TEXT, hashlib.sha256(runtime).hexdigest()))
                             .encode()).hexdigest()[:16]
        folder = cache_dir / "cpp-runtime" / key
        names = (RUNTIME, PCH_HEADER, PCH_HEADER + ".gch", RUNTIME_MAIN, RUNTIME_OBJECT)
        if entry_intact(folder, names):
            return folder
        try:
            with build_lock(folder):
                if entry_intact(folder, names):  # built meanwhile by another judge
                    return folder
                forget(folder)
                for name, data in ((RUNTIME, runtime), (PCH_HEADER, PCH_TEXT.encode()),
                                   (RUNTIME_MAIN, RUNTIME_MAIN_TEXT.encode())):
                    replace_file(folder / name, functools.partial(_write_bytes, data=data))
                header = (compiler, *FLAGS, "-x", "c++-header", str(folder / PCH_HEADER), "-o")
                obj = (compiler, *FLAGS, "-I", str(folder), "-include", PCH_HEADER, "-c", str(folder / RUNTIME_MAIN),
                       "-o")
                for name, argv in ((PCH_HEADER + ".gch", header), (RUNTIME_OBJECT, obj)):
                    if not replace_file(folder / name, functools.partial(_build, argv)):
                        return None
                write_manifest(folder, names)
                return folder
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("the C++ runtime cache is unavailable: %s", exc)
            return None

    def prepare(self, job: Job, workdir: Path, cache_dir: Path) -> Program:
        compiler = self._compiler()
        assert compiler is not None and job.problem.signature is not None
        cache = self.runtime_cache(compiler, cache_dir)
        write_text(workdir / SOURCE, job.code)
        write_text(workdir / MAIN, main_source(job.problem.signature, job.int_width, linked=cache is not None))
        write_jsonl_payload(workdir, {"output_limit": job.output_limit}, [])
        if cache is not None:  # the runtime is read from the cache folder: the one the precompiled header holds
            cached: tuple[str, ...] = ("-I", str(cache), "-include", PCH_HEADER)
            inputs: tuple[str, ...] = (MAIN, str(cache / RUNTIME_OBJECT))
        else:
            copy_harness(workdir, RUNTIME)
            cached, inputs = (), (MAIN,)
        compile_step = Step(
            argv=(compiler, *FLAGS, "-pipe", "-fdiagnostics-color=never", *cached, "-o", BINARY, *inputs),
            expose=exposed_prefixes(compiler) + ((cache,) if cache else ()),
            path_dirs=(os.path.dirname(compiler),), limits=COMPILE_LIMITS)
        run = Step(argv=(f"./{BINARY}", PAYLOAD, RESULT_FD))
        # No "ready" event: static initialisers run before main, so the loading is timed from the start.
        return Program(run=run, compile=compile_step, profile=Profile(startup_s=5.0, overhead_mb=64),
                       tests=test_lines(positional_tests(job)))
