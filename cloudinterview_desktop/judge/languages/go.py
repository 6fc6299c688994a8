"""Go: `go build` turns the harness, the solution and a generated ci_main.go into one program that runs all tests.

The solution is LeetCode's Go: a package-less file with its own imports (an unused one is Go's compile error), a
function `twoSum`, or for a design problem `type MinStack struct`, `func Constructor(...) MinStack` and methods
`func (this *MinStack) GetMin() int`. The harness converts by reflection to the types the solution declares.

Go compiles the standard library into its build cache on first use (Go 1.20 and later ship it uncompiled): the
first submission fills `<cache>/go-build/<key>` from trusted input alone (the harness and a stub that imports the
usual packages), outside the sandbox; the sandboxed compile step then reads that cache and cannot write it (what
it would add is dropped), and the run step does not see it at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from cloudinterview_desktop.domain.judging import ToolchainStatus
from cloudinterview_desktop.domain.problems import CodingProblem, Param, Signature, TypeSpec, camel_case
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
from cloudinterview_desktop.resources import package_path

log = logging.getLogger(__name__)

HARNESS = "go_harness.go"
HARNESS_FILE = "ci_harness.go"
MAIN = "ci_main.go"
SOURCE = "solution.go"
BINARY = "solution"
BUILD_FLAGS = ("-trimpath", "-p", "4")
# `go build` runs the compiler and the linker as processes of a few threads each, and the compiler takes more
# memory than g++ on the harness's reflection: measured at about 200 MB resident at most (one process at a time).
COMPILE_LIMITS = SandboxLimits(wall_s=120, cpu_s=240, address_space_mb=None, rss_mb=2048, file_size_mb=256,
                               processes=256, open_files=512, output_bytes=4 * 1024 * 1024)
# What the warm cache holds besides the harness's own imports: the packages LeetCode solutions use most.
WARM_IMPORTS = ("container/heap", "container/list", "container/ring", "math", "math/bits", "math/rand", "sort",
                "strconv", "strings", "unicode", "unicode/utf8", "bytes", "regexp", "fmt", "errors")
_PACKAGE = re.compile(r"\A(?:\s|//[^\n]*\n|/\*.*?\*/)*package\s", re.DOTALL)
NODE_CLASSES = """/**
 * Provided by the judge:
 * type ListNode struct { Val int; Next *ListNode }
 * type TreeNode struct { Val int; Left *TreeNode; Right *TreeNode }
 */
"""
_GO_SCALARS = {"int": "int", "float": "float64", "bool": "bool", "str": "string", "ListNode": "*ListNode",
               "TreeNode": "*TreeNode"}


def go_type(spec: TypeSpec) -> str:
    """LeetCode's Go spelling of a signature type: `int` is Go's (64-bit), lists are slices."""
    if spec.item is not None:
        return "[]" + go_type(spec.item)
    return _GO_SCALARS[spec.name]


def exported(name: str) -> str:
    """A design method's Go name: `get_min` -> `GetMin`."""
    camel = camel_case(name)
    return camel[:1].upper() + camel[1:]


def _params(params: tuple[Param, ...]) -> str:
    return ", ".join(f"{p.name} {go_type(p.type)}" for p in params)


def _returns(spec: TypeSpec) -> str:
    return "" if spec.name == "void" else f" {go_type(spec)}"


def go_starter(problem: CodingProblem) -> str:
    signature = problem.signature
    assert signature is not None
    header = NODE_CLASSES if signature.uses_nodes else ""
    if signature.is_design:
        cls = signature.class_name
        parts = [f"type {cls} struct {{\n    \n}}\n", f"func Constructor({_params(signature.constructor)}) {cls} {{\n"
                 "    \n}\n"]
        parts += [f"func (this *{cls}) {exported(m.name)}({_params(m.params)}){_returns(m.returns)} {{\n    \n}}\n"
                  for m in signature.methods]
        return header + "\n\n".join(parts)
    return (header + f"func {camel_case(signature.function)}({_params(signature.params)})"
            f"{_returns(signature.returns)} {{\n    \n}}\n")


def main_source(signature: Signature) -> str:
    """ci_main.go: what the harness calls, named so that a missing function or method is Go's own compile error."""
    if not signature.is_design:
        return ("package main\n\nconst ciDesign = false\n\n"
                f"var ciFunction interface{{}} = {camel_case(signature.function)}\n"
                "var ciConstructor interface{}\nvar ciMethods map[string]interface{}\n")
    cls = signature.class_name
    methods = "".join(f"\t{m.name!r}: (*{cls}).{exported(m.name)},\n".replace("'", '"') for m in signature.methods)
    return ("package main\n\nconst ciDesign = true\n\nvar ciFunction interface{}\n"
            "var ciConstructor interface{} = Constructor\n"
            f"var ciMethods = map[string]interface{{}}{{\n{methods}}}\n")


def solution_source(code: str) -> str:
    """The candidate's file: LeetCode's Go has no package clause, so one goes first, then a line directive that keeps
    the compiler's and the runtime's line and column numbers the candidate's own."""
    return code if _PACKAGE.match(code) else f"package main\n//line {SOURCE}:1:1\n{code}"


def build_env(workdir: Path, cache: Path) -> dict[str, str]:
    return {"GO111MODULE": "off", "GOPATH": str(workdir / ".gopath"), "GOMODCACHE": str(workdir / ".gopath" / "mod"),
            "GOCACHE": str(cache), "GOTMPDIR": str(workdir), "GOPROXY": "off", "GOTOOLCHAIN": "local",
            "GOFLAGS": "", "GOENV": "off", "GOTELEMETRY": "off", "CGO_ENABLED": "0", "GOWORK": "off"}


class Go:
    name: str = "go"
    title: str = "Go"
    extensions: tuple[str, ...] = (".go",)

    def _go(self) -> str | None:
        return which("go")

    def toolchain(self) -> ToolchainStatus:
        go = self._go()
        if go is None:
            return missing(self.name, "Go 1.19 or newer", "e.g. `sudo apt install golang-go` or `brew install go`")
        return ToolchainStatus(language=self.name, available=True, version=version_line((go, "version")),
                               commands={"go": go})

    def starter(self, problem: CodingProblem) -> str:
        return go_starter(problem)

    def build_cache(self, go: str, cache_dir: Path) -> Path | None:
        """The folder of a build cache holding the harness's packages and the usual standard library, built once per
        Go toolchain from trusted input alone; None when it cannot be made (compiling then starts cold)."""
        harness = package_path("judge", "harness", HARNESS).read_bytes()
        key = hashlib.sha256(b"\0".join((os.path.realpath(go).encode(), version_line((go, "version")).encode(),
                                         " ".join(BUILD_FLAGS + WARM_IMPORTS).encode(), harness))).hexdigest()[:16]
        folder = cache_dir / "go-build" / key
        if (folder / "ready").exists():
            return folder
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(folder.parent, 0o755)  # the sandbox may run as another user; it only reads
            with (folder.parent / "lock").open("w") as lock:
                import fcntl  # POSIX only: the judge imports on Windows too

                fcntl.flock(lock, fcntl.LOCK_EX)  # one build, even with judges running side by side
                if (folder / "ready").exists():
                    return folder
                with contextlib.suppress(OSError):
                    shutil.rmtree(folder)
                with tempfile.TemporaryDirectory(dir=folder.parent) as build:
                    work = Path(build)
                    shutil.copyfile(package_path("judge", "harness", HARNESS), work / HARNESS_FILE)
                    write_text(work / MAIN, main_source(Signature(function="ci_warm", params=(),
                                                                  returns=TypeSpec("int"))))
                    imports = "".join(f'\t_ "{name}"\n' for name in WARM_IMPORTS)
                    write_text(work / SOURCE, f"package main\n\nimport (\n{imports})\n\n"
                                              "func ciWarm() int { return 0 }\n")
                    env = {**os.environ, **build_env(work, folder)}
                    done = subprocess.run([go, "build", *BUILD_FLAGS, "-o", BINARY, HARNESS_FILE, MAIN, SOURCE],
                                          cwd=work, env=env, capture_output=True, text=True, timeout=900,
                                          check=False)
                if done.returncode != 0:
                    log.warning("the Go build cache could not be filled: %s", done.stderr[-2000:])
                    return None
                for path in (folder, *folder.rglob("*")):  # readable by the sandbox's user
                    os.chmod(path, 0o755 if path.is_dir() else 0o644)
                write_text(folder / "ready", "")
                return folder
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("Go build cache unavailable: %s", exc)
            return None

    def prepare(self, job: Job, workdir: Path, cache_dir: Path) -> Program:
        go = self._go()
        signature = job.problem.signature
        assert go is not None and signature is not None
        copy_harness(workdir, HARNESS, name=HARNESS_FILE)
        write_text(workdir / MAIN, main_source(signature))
        write_text(workdir / SOURCE, solution_source(job.code))
        write_jsonl_payload(workdir, {"output_limit": job.output_limit}, [])
        cache = self.build_cache(go, cache_dir)
        compile_step = Step(
            argv=(go, "build", *BUILD_FLAGS, "-o", BINARY, HARNESS_FILE, MAIN, SOURCE),
            expose=exposed_prefixes(go) + ((cache,) if cache else ()), path_dirs=(os.path.dirname(go),),
            env=build_env(workdir, cache or workdir / ".gocache"), limits=COMPILE_LIMITS)
        # Go reserves far more address space than it uses: memory is bounded by the sandbox's resident-memory
        # watch, with the garbage collector told the limit (GOMEMLIMIT) so that it works harder before it.
        run = Step(argv=(f"./{BINARY}", PAYLOAD, RESULT_FD),
                   env={"GOMAXPROCS": "1", "GOMEMLIMIT": f"{job.memory_mb}MiB", "GOTRACEBACK": "single"})
        # No "ready" event: package initialisers run before main, so the loading is timed from the start.
        return Program(run=run, compile=compile_step,
                       profile=Profile(startup_s=5.0, overhead_mb=64, address_space=False, processes=64,
                                       open_files=128),
                       tests=test_lines(positional_tests(job)))
