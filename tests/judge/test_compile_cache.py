"""What the compiled languages build once into the judge's cache (C++: the precompiled header and the runtime's
object; Java: the harness classes and javac's class-data archive): built on the first submission, reused by the next
without being rebuilt, rebuilt when an entry is damaged or half-built (with the verdicts still right), and never
writable from a judged run."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from cloudinterview_desktop.domain.judging import JudgeMode, Verdict
from cloudinterview_desktop.judge.judge import Judge
from cloudinterview_desktop.judge.languages import language_named
from cloudinterview_desktop.judge.languages.cache_entry import MANIFEST
from tests.judge.conftest import load_problem, require

pytestmark = pytest.mark.slow

ADD = load_problem("add-numbers")
CPP = "class Solution {\npublic:\n    int add(int a, int b) { return a + b; }\n};\n"
CPP_WRONG = "class Solution {\npublic:\n    int add(int a, int b) { return a - b; }\n};\n"
JAVA = "class Solution {\n    public int add(int a, int b) { return a + b; }\n}\n"
JAVA_WRONG = "class Solution {\n    public int add(int a, int b) { return a - b; }\n}\n"


# This module's own cache and judge, not the session's shared ones: its tests watch the cache fill from empty.
@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("compile-cache")


@pytest.fixture(scope="module")
def judge(cache: Path) -> Judge:
    return Judge(cache_dir=cache)


def entry(cache: Path, kind: str) -> Path:
    folders = [p for p in (cache / kind).iterdir() if p.is_dir()]
    assert len(folders) == 1, folders
    return folders[0]


def snapshot(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def verdicts(judge: Judge, language: str, right: str, wrong: str) -> tuple[Verdict, Verdict]:
    return (judge.run(ADD, right, language, JudgeMode.SUBMIT).verdict,
            judge.run(ADD, wrong, language, JudgeMode.SUBMIT).verdict)


@pytest.fixture
def cpp_entry(judge: Judge, cache: Path) -> Iterator[Path]:
    require("cpp")
    assert judge.run(ADD, CPP, "cpp", JudgeMode.SUBMIT).verdict is Verdict.ACCEPTED
    yield entry(cache, "cpp-runtime")


@pytest.fixture
def java_entries(judge: Judge, cache: Path) -> Iterator[tuple[Path, Path]]:
    require("java")
    assert judge.run(ADD, JAVA, "java", JudgeMode.SUBMIT).verdict is Verdict.ACCEPTED
    yield entry(cache, "java-harness"), entry(cache, "javac-cds")


def test_cpp_builds_its_runtime_once_and_compiles_only_the_solution_after(judge: Judge, cpp_entry: Path,
                                                                        tmp_path: Path) -> None:
    built = snapshot(cpp_entry)
    assert {"ci_pch.hpp.gch", "ci_runtime.o", MANIFEST} <= set(built)
    assert verdicts(judge, "cpp", CPP, CPP_WRONG) == (Verdict.ACCEPTED, Verdict.WRONG_ANSWER)
    assert snapshot(cpp_entry) == built, "a later submission rebuilt the cache"
    # The submission's compile links the cached object and reads the runtime through the precompiled header.
    from cloudinterview_desktop.judge.languages.base import Job

    program = language_named("cpp").prepare(Job(ADD, CPP, ({"a": 1, "b": 2},), 1000, 256), tmp_path, judge.cache_dir)
    assert program.compile is not None
    assert str(cpp_entry / "ci_runtime.o") in program.compile.argv and "ci_pch.hpp" in program.compile.argv
    assert cpp_entry in program.compile.expose
    assert not (tmp_path / "cpp_runtime.hpp").exists() and "int main" not in (tmp_path / "main.cpp").read_text()


@pytest.mark.parametrize("damage", ["garbage object", "truncated header", "interrupted build"])
def test_a_damaged_cpp_cache_is_rebuilt_and_the_verdicts_stay_right(judge: Judge, cpp_entry: Path,
                                                                   damage: str) -> None:
    before = json.loads((cpp_entry / MANIFEST).read_text())
    if damage == "garbage object":
        (cpp_entry / "ci_runtime.o").write_bytes(b"\x7fELF not really")
    elif damage == "truncated header":
        with (cpp_entry / "ci_pch.hpp.gch").open("r+b") as handle:
            handle.truncate(4096)
    else:
        (cpp_entry / MANIFEST).unlink()
    assert verdicts(judge, "cpp", CPP, CPP_WRONG) == (Verdict.ACCEPTED, Verdict.WRONG_ANSWER)
    after = json.loads((cpp_entry / MANIFEST).read_text())
    assert after["ci_runtime.o"][1] != before["ci_runtime.o"][1], "the entry was not rebuilt"
    assert digest(cpp_entry / "ci_runtime.o") == after["ci_runtime.o"][2]
    assert (cpp_entry / "ci_pch.hpp.gch").stat().st_size == after["ci_pch.hpp.gch"][0] > 4096


def test_java_builds_its_harness_and_archive_once(judge: Judge, java_entries: tuple[Path, Path]) -> None:
    harness, archive = java_entries
    built = snapshot(harness), snapshot(archive)
    assert "javac.jsa" in built[1] and "ci/judge/CiHarness.class" in built[0]
    assert verdicts(judge, "java", JAVA, JAVA_WRONG) == (Verdict.ACCEPTED, Verdict.WRONG_ANSWER)
    assert (snapshot(harness), snapshot(archive)) == built, "a later submission rebuilt the cache"


@pytest.mark.parametrize("damage", ["harness class", "archive"])
def test_a_damaged_java_cache_is_rebuilt_and_the_verdicts_stay_right(judge: Judge, java_entries: tuple[Path, Path],
                                                                    damage: str) -> None:
    harness, archive = java_entries
    damaged = harness / "ci" / "judge" / "CiHarness.class" if damage == "harness class" else archive / "javac.jsa"
    size = damaged.stat().st_size
    damaged.write_bytes(b"\xca\xfe\xba\xbe" + b"\0" * (size - 4))  # same size: only the hash or time can tell
    assert verdicts(judge, "java", JAVA, JAVA_WRONG) == (Verdict.ACCEPTED, Verdict.WRONG_ANSWER)
    manifest = json.loads((damaged.parent.parent.parent if damage == "harness class" else archive)
                          .joinpath(MANIFEST).read_text())
    name = "ci/judge/CiHarness.class" if damage == "harness class" else "javac.jsa"
    assert digest(damaged) == manifest[name][2] and damaged.read_bytes()[4:12] != b"\0" * 8


def test_a_judged_run_cannot_write_into_the_cache(judge: Judge, cpp_entry: Path,
                                                  java_entries: tuple[Path, Path]) -> None:
    obj, jsa = cpp_entry / "ci_runtime.o", java_entries[1] / "javac.jsa"
    before = digest(obj), digest(jsa)
    # Each returns the right sum only when it could not open the cache's file for writing.
    cpp = ("#include <cstdio>\nclass Solution {\npublic:\n    int add(int a, int b) {\n"
           f'        FILE *f = fopen("{obj}", "r+");\n        if (f) {{ fputs("x", f); fclose(f); return 0; }}\n'
           "        return a + b;\n    }\n};\n")
    java = ("class Solution {\n    public int add(int a, int b) {\n        try {\n"
            f'            new java.io.FileOutputStream("{jsa}", true).write(1);\n            return 0;\n'
            "        } catch (Exception e) { return a + b; }\n    }\n}\n")
    assert judge.run(ADD, cpp, "cpp", JudgeMode.SUBMIT).verdict is Verdict.ACCEPTED
    assert judge.run(ADD, java, "java", JudgeMode.SUBMIT).verdict is Verdict.ACCEPTED
    assert (digest(obj), digest(jsa)) == before
