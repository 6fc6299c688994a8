"""Java: javac compiles the solution against the harness classes (compiled once into the cache, mounted read-only),
java runs them. The harness is `ci.judge.CiHarness`, a package the solution cannot name; a solution that declares
one of the judge's own classes (ListNode, TreeNode) is refused, as LeetCode refuses a duplicate class.

javac itself starts from a class-data archive (AppCDS) made once in the cache by compiling a sample solution of our
own: measured, it cuts javac's CPU time by about a third (0.65 to 0.43 s). Cache entries are built only by the
judge's own steps, and trusted only while they match their manifest (cache_entry)."""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from cloudinterview_desktop.domain.judging import ToolchainStatus
from cloudinterview_desktop.domain.problems import CodingProblem, Param, camel_case
from cloudinterview_desktop.judge.languages.base import (
    PAYLOAD,
    Job,
    Profile,
    Program,
    Step,
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
from cloudinterview_desktop.judge.typemap import int_width, java_type
from cloudinterview_desktop.resources import package_path

log = logging.getLogger(__name__)

HARNESS_FILES = ("CiHarness.java", "ListNode.java", "TreeNode.java")
MAIN_CLASS = "ci.judge.CiHarness"
MAIN_CLASS_FILE = Path("ci", "judge", "CiHarness.class")
PROVIDED = ("ListNode", "TreeNode")  # the judge's classes that a solution uses but must not declare
# LeetCode compiles Java solutions with these imports; kept on the solution's first line so that the
# compiler's line numbers stay the candidate's own.
IMPORTS = "import java.util.*; import java.util.function.*; import java.util.stream.*; import java.math.*; "
JVM_FLAGS = ("-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
             "-XX:ActiveProcessorCount=2")
JAVAC_HEAP = "-Xmx512m"
JAVAC_ARCHIVE = "javac.jsa"
# What javac compiles once to make its class-data archive: a solution that touches what solutions usually do.
SAMPLE_SOLUTION = """class Solution {
    public int[] twoSum(int[] nums, int target) {
        Map<Integer, Integer> seen = new HashMap<>();
        List<String> words = new ArrayList<>(List.of("a", "b"));
        Deque<int[]> queue = new ArrayDeque<>();
        for (int i = 0; i < nums.length; i++) {
            Integer j = seen.get(target - nums[i]);
            if (j != null) return new int[] {j, i};
            seen.put(nums[i], i);
            queue.offer(new int[] {i});
        }
        return words.stream().mapToInt(String::length).toArray();
    }
}
"""
COMPILE_LIMITS = SandboxLimits(wall_s=90, cpu_s=90, address_space_mb=None, rss_mb=1536, file_size_mb=64,
                               processes=256, open_files=512, output_bytes=4 * 1024 * 1024)
NODE_CLASSES = """/**
 * Provided by the judge:
 * class ListNode { int val; ListNode next; ListNode() {} ListNode(int val) {...} ListNode(int val, ListNode next) ... }
 * class TreeNode { int val; TreeNode left; TreeNode right; TreeNode() {} TreeNode(int val) {...} ... }
 */
"""


def _dump_archive(javac_argv: tuple[str, ...], archive: Path) -> bool:
    """Runs javac once with the JVM writing the classes it loaded to `archive` as it exits."""
    done = subprocess.run([*javac_argv, f"-J-XX:ArchiveClassesAtExit={archive}"], capture_output=True, text=True,
                          timeout=300, check=False)
    if done.returncode != 0 or not archive.exists():
        log.warning("javac's class-data archive was not made: %s", (done.stderr or done.stdout)[-2000:])
        return False
    return True


def _refuse_provided(workdir: Path) -> str:
    """A compiled solution that declares one of the judge's own classes: why it is refused ('' when it is not)."""
    declared = [name for name in PROVIDED if (workdir / f"{name}.class").exists()]
    if not declared:
        return ""
    return (f"Solution.java: error: class {declared[0]} is provided by the judge (LeetCode's definition): remove "
            f"your own declaration of it")


def java_starter(problem: CodingProblem) -> str:
    signature = problem.signature
    assert signature is not None
    width = int_width(problem)
    header = NODE_CLASSES if signature.uses_nodes else ""

    def params(ps: tuple[Param, ...]) -> str:
        return ", ".join(f"{java_type(p.type, width)} {p.name}" for p in ps)

    if signature.is_design:
        cls = signature.class_name
        lines = [f"class {cls} {{", f"    public {cls}({params(signature.constructor)}) {{", "        ", "    }"]
        for method in signature.methods:
            lines += ["    ", f"    public {java_type(method.returns, width, returned=True)} "
                      f"{camel_case(method.name)}({params(method.params)}) {{", "        ", "    }"]
        return header + "\n".join([*lines, "}"]) + "\n"
    return (header + "class Solution {\n"
            f"    public {java_type(signature.returns, width, returned=True)} {camel_case(signature.function)}"
            f"({params(signature.params)}) {{\n        \n    }}\n}}\n")


class Java:
    name: str = "java"
    title: str = "Java"
    extensions: tuple[str, ...] = (".java",)

    def _tools(self) -> tuple[str, str] | None:
        javac, java = which("javac"), which("java")
        return (javac, java) if javac and java else None

    def toolchain(self) -> ToolchainStatus:
        tools = self._tools()
        if tools is None:
            return missing(self.name, "a JDK 11 or newer (javac and java)",
                           "e.g. `sudo apt install default-jdk-headless` or `brew install openjdk`")
        return ToolchainStatus(language=self.name, available=True, version=version_line((tools[0], "-version")),
                               commands={"javac": tools[0], "java": tools[1]})

    def starter(self, problem: CodingProblem) -> str:
        return java_starter(problem)

    def harness_classes(self, javac: str, cache_dir: Path) -> Path | None:
        """The harness compiled once per JDK into the cache; each submission then compiles only its own file."""
        sources = b"".join(package_path("judge", "harness", "java", f).read_bytes() for f in HARNESS_FILES)
        key = hashlib.sha256(os.path.realpath(javac).encode() + version_line((javac, "-version")).encode()
                             + sources).hexdigest()[:16]
        folder = cache_dir / "java-harness" / key
        if entry_intact(folder, (str(MAIN_CLASS_FILE),)):
            return folder
        try:
            with build_lock(folder):
                if entry_intact(folder, (str(MAIN_CLASS_FILE),)):
                    return folder
                forget(folder)
                build = Path(tempfile.mkdtemp(dir=folder))
                try:
                    for name in HARNESS_FILES:
                        shutil.copyfile(package_path("judge", "harness", "java", name), build / name)
                    done = subprocess.run([javac, "-encoding", "UTF-8", "-nowarn", "-d", str(folder),
                                           *(str(build / n) for n in HARNESS_FILES)],
                                          capture_output=True, text=True, timeout=300, check=False)
                finally:
                    shutil.rmtree(build, ignore_errors=True)
                if done.returncode != 0:
                    log.warning("the Java harness does not compile: %s", done.stderr[-2000:])
                    return None
                classes = list(folder.rglob("*.class"))
                for path in (*folder.rglob("*"),):  # the sandbox may run as another user; it only reads
                    os.chmod(path, 0o755 if path.is_dir() else 0o644)
                write_manifest(folder, (str(path.relative_to(folder)) for path in classes))
                return folder
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("Java harness cache unavailable: %s", exc)
            return None

    def javac_archive(self, javac: str, cache_dir: Path, classes: Path) -> Path | None:
        """A class-data archive of what javac loads to compile a solution, made once per JDK by compiling our own
        sample solution (trusted input); a submission's javac maps it read-only."""
        key = hashlib.sha256("\0".join((os.path.realpath(javac), version_line((javac, "-version")), *JVM_FLAGS,
                                        JAVAC_HEAP, SAMPLE_SOLUTION)).encode()).hexdigest()[:16]
        folder = cache_dir / "javac-cds" / key
        if entry_intact(folder, (JAVAC_ARCHIVE,)):
            return folder / JAVAC_ARCHIVE
        try:
            with build_lock(folder):
                if entry_intact(folder, (JAVAC_ARCHIVE,)):
                    return folder / JAVAC_ARCHIVE
                forget(folder)
                build = Path(tempfile.mkdtemp(dir=folder))
                try:
                    write_text(build / "Solution.java", IMPORTS + SAMPLE_SOLUTION)
                    made = functools.partial(_dump_archive, (
                        javac, "-encoding", "UTF-8", "-nowarn", "-cp", str(classes), "-d", str(build),
                        *(f"-J{flag}" for flag in JVM_FLAGS), f"-J{JAVAC_HEAP}", str(build / "Solution.java")))
                    if not replace_file(folder / JAVAC_ARCHIVE, made):
                        return None
                finally:
                    shutil.rmtree(build, ignore_errors=True)
                write_manifest(folder, (JAVAC_ARCHIVE,))
                return folder / JAVAC_ARCHIVE
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("javac's class-data archive is unavailable: %s", exc)
            return None

    def prepare(self, job: Job, workdir: Path, cache_dir: Path) -> Program:
        tools = self._tools()
        signature = job.problem.signature
        assert tools is not None and signature is not None
        javac, java = tools
        cls = signature.class_name or "Solution"
        source = f"{cls}.java"
        write_text(workdir / source, IMPORTS + job.code)
        classes = self.harness_classes(javac, cache_dir)
        if classes is not None:
            classpath = f"{classes}{os.pathsep}."
            sources: tuple[str, ...] = (source,)
        else:  # no cache: the harness is compiled with the solution (javac then refuses a duplicate class itself)
            for name in HARNESS_FILES:
                shutil.copyfile(package_path("judge", "harness", "java", name), workdir / name)
            classpath = "."
            sources = (*HARNESS_FILES, source)
        method = signature.function
        header = {"class": cls, "design": signature.is_design, "method": method, "arity": len(signature.params),
                  "constructor": [p.name for p in signature.constructor], "output_limit": job.output_limit}
        write_jsonl_payload(workdir, header, [])
        expose = exposed_prefixes(javac, java) + ((classes,) if classes is not None else ())
        archive = self.javac_archive(javac, cache_dir, classes) if classes is not None else None
        archive_flags = (f"-J-XX:SharedArchiveFile={archive}",) if archive is not None else ()
        compile_step = Step(argv=(javac, "-encoding", "UTF-8", "-nowarn", "-cp", classpath, "-d", ".",
                                  *(f"-J{flag}" for flag in JVM_FLAGS), f"-J{JAVAC_HEAP}", *archive_flags, *sources),
                            expose=expose + ((archive.parent,) if archive is not None else ()),
                            path_dirs=(os.path.dirname(javac),), limits=COMPILE_LIMITS)
        # The JVM reserves far more address space than it uses: memory is bounded by -Xmx (plus the sandbox's
        # resident-memory watch) instead of RLIMIT_AS. -Xss gives the main thread deep recursion
        # (about a million frames) while an endless one still ends in StackOverflowError.
        run = Step(argv=(java, f"-Xmx{job.memory_mb}m", "-Xss64m", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                         "-Xshare:auto", "-XX:ActiveProcessorCount=2", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                         MAIN_CLASS, PAYLOAD, RESULT_FD), expose=expose)
        return Program(run=run, compile=compile_step,
                       profile=Profile(startup_s=15.0, overhead_mb=256, address_space=False, processes=128,
                                       open_files=256),
                       tests=test_lines(positional_tests(job)), ready=True,
                       vet=_refuse_provided if classes is not None else None)
