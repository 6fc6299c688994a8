"""Verdicts and results of running a candidate's code, shared by the judge, the store and the report."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from cloudinterview_desktop.domain.languages import LANGUAGES

__all__ = ["LANGUAGES", "JudgeMode", "JudgeReport", "TestResult", "ToolchainStatus", "Verdict"]


class Verdict(StrEnum):
    ACCEPTED = "accepted"
    WRONG_ANSWER = "wrong_answer"
    TIME_LIMIT_EXCEEDED = "time_limit_exceeded"
    MEMORY_LIMIT_EXCEEDED = "memory_limit_exceeded"
    OUTPUT_LIMIT_EXCEEDED = "output_limit_exceeded"
    RUNTIME_ERROR = "runtime_error"
    COMPILE_ERROR = "compile_error"
    INTERNAL_ERROR = "internal_error"
    SKIPPED = "skipped"  # a test not run because an earlier one stopped the submission


class JudgeMode(StrEnum):
    RUN = "run"  # the examples plus custom inputs, with their outputs shown
    SUBMIT = "submit"  # every hidden test




@dataclass(frozen=True)
class TestResult:
    index: int
    verdict: Verdict
    time_ms: float
    hidden: bool
    # Only for visible tests (examples and custom input); hidden tests show their index alone.
    input: dict[str, Any] | None = None
    expected: Any = None
    actual: Any = None
    stdout: str = ""
    stderr: str = ""
    message: str = ""


@dataclass(frozen=True)
class JudgeReport:
    verdict: Verdict
    mode: JudgeMode
    language: str
    passed: int
    total: int
    time_ms: float
    memory_kb: int
    tests: tuple[TestResult, ...] = ()
    message: str = ""  # compile output, the first failing hidden test's index, or an internal error
    isolation: str = ""
    first_failure: int | None = None

    @property
    def accepted(self) -> bool:
        return self.verdict is Verdict.ACCEPTED

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["verdict"] = self.verdict.value
        data["mode"] = self.mode.value
        data["tests"] = [{**asdict(t), "verdict": t.verdict.value} for t in self.tests]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> JudgeReport:
        tests = tuple(TestResult(**{**t, "verdict": Verdict(t["verdict"])}) for t in data.get("tests", []))
        return cls(**{**data, "verdict": Verdict(data["verdict"]), "mode": JudgeMode(data["mode"]), "tests": tests})


@dataclass(frozen=True)
class ToolchainStatus:
    language: str
    available: bool
    version: str = ""
    detail: str = ""  # "toolchain not found: install X" when unavailable
    commands: dict[str, str] = field(default_factory=dict)
