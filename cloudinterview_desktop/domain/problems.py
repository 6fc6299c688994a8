"""Bank items as domain objects: coding problems with typed signatures, theory and behavioral questions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from cloudinterview_desktop.domain.errors import ProblemFormatError


class ItemKind(StrEnum):
    CODING = "coding"
    THEORY = "theory"
    BEHAVIORAL = "behavioral"


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class CompareMode(StrEnum):
    EXACT = "exact"
    UNORDERED = "unordered"
    UNORDERED_NESTED = "unordered_nested"
    FLOAT = "float"


JOB_TYPES: tuple[str, ...] = ("software", "frontend", "backend", "sre", "data_ml", "product", "analyst")
SENIORITIES: tuple[str, ...] = ("intern", "junior", "mid", "senior", "staff")
SCALAR_TYPES: frozenset[str] = frozenset({"int", "float", "bool", "str"})
NODE_TYPES: frozenset[str] = frozenset({"ListNode", "TreeNode"})

_LIST_RE = re.compile(r"^list\[(.+)\]$")


@dataclass(frozen=True)
class TypeSpec:
    """A parsed parameter/return type: a scalar, a node type, `void`, or `list[...]` of one of those."""

    name: str  # "int", "float", "bool", "str", "ListNode", "TreeNode", "void" or "list"
    item: TypeSpec | None = None

    @classmethod
    def parse(cls, text: str) -> TypeSpec:
        text = text.replace(" ", "")
        match = _LIST_RE.match(text)
        if match:
            inner = cls.parse(match.group(1))
            if inner.name == "void":
                raise ProblemFormatError(f"invalid type {text!r}: list of void")
            return cls("list", inner)
        if text in SCALAR_TYPES or text in NODE_TYPES or text == "void":
            return cls(text)
        raise ProblemFormatError(f"unknown type {text!r} (expected int, float, bool, str, list[T], ListNode, TreeNode)")

    @property
    def depth(self) -> int:
        return 0 if self.item is None else 1 + self.item.depth

    @property
    def base(self) -> str:
        return self.name if self.item is None else self.item.base

    def __str__(self) -> str:
        return f"list[{self.item}]" if self.item is not None else self.name


@dataclass(frozen=True)
class Param:
    name: str
    type: TypeSpec


@dataclass(frozen=True)
class MethodSig:
    name: str
    params: tuple[Param, ...]
    returns: TypeSpec


@dataclass(frozen=True)
class Signature:
    """Either a function (`function`, `params`, `returns`) or a design class (`class_name`, constructor, methods)."""

    function: str = ""
    params: tuple[Param, ...] = ()
    returns: TypeSpec = field(default_factory=lambda: TypeSpec("void"))
    class_name: str = ""
    constructor: tuple[Param, ...] = ()
    methods: tuple[MethodSig, ...] = ()

    @property
    def is_design(self) -> bool:
        return bool(self.class_name)

    def types(self) -> tuple[TypeSpec, ...]:
        """Every parameter and return type the signature mentions, design methods included."""
        found = [p.type for p in (*self.params, *self.constructor)] + [self.returns]
        found += [t for m in self.methods for t in (m.returns, *(p.type for p in m.params))]
        return tuple(found)

    @property
    def uses_nodes(self) -> bool:
        return any(t.base in NODE_TYPES for t in self.types())


@dataclass(frozen=True)
class TestCase:
    input: dict[str, Any]
    output: Any
    large: bool = False
    explanation: str = ""


@dataclass(frozen=True)
class Limits:
    time_ms: int = 2000
    memory_mb: int = 256


@dataclass(frozen=True)
class Solution:
    python: str
    time: str = ""
    space: str = ""
    brute_force: str = ""


@dataclass(frozen=True)
class CodingProblem:
    slug: str
    title: str
    difficulty: Difficulty
    topics: tuple[str, ...]
    statement: str
    signature: Signature | None
    examples: tuple[TestCase, ...]
    tests: tuple[TestCase, ...]
    compare: CompareMode = CompareMode.EXACT
    tolerance: float = 1e-6
    limits: Limits = Limits()
    hints: tuple[str, ...] = ()
    solution: Solution | None = None
    starter: dict[str, str] = field(default_factory=dict)
    job_types: tuple[str, ...] = ("software", "frontend", "backend", "sre", "data_ml")
    source: str = "bank"  # "bank", "user" or an import format name
    python_only: bool = False  # imported problems whose tests are Python code
    check_code: str = ""  # a `def check(candidate)` function run after the cases (imported sets)
    prompt_code: str = ""  # Python preamble run before the solution (imported sets)
    entry_point: str = ""  # e.g. "Solution().twoSum" for imported sets
    gap_follow_ups: dict[str, str] = field(default_factory=dict)  # follow-ups by Gap tag (domain/gaps.py)
    kind: Literal[ItemKind.CODING] = ItemKind.CODING

    @property
    def has_tests(self) -> bool:
        return bool(self.tests) or bool(self.check_code)


@dataclass(frozen=True)
class Misconception:
    """A wrong claim interviewers hear about a theory question, and phrases a candidate making it would say."""

    point: int  # the key point it contradicts, 1-based
    claim: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class TheoryQuestion:
    slug: str
    title: str
    difficulty: Difficulty
    topics: tuple[str, ...]
    job_types: tuple[str, ...]
    question: str
    key_points: tuple[str, ...]
    follow_ups: tuple[str, ...] = ()
    source: str = "bank"
    gap_follow_ups: dict[str, str] = field(default_factory=dict)  # "point-N": steers toward key point N
    key_point_cues: tuple[tuple[str, ...], ...] = ()  # per key point: phrases a candidate making it would say
    misconceptions: tuple[Misconception, ...] = ()
    kind: Literal[ItemKind.THEORY] = ItemKind.THEORY


@dataclass(frozen=True)
class BehavioralQuestion:
    slug: str
    title: str
    competency: str
    seniority: tuple[str, ...]
    question: str
    follow_ups: tuple[str, ...]
    what_good_looks_like: str
    difficulty: Difficulty = Difficulty.MEDIUM
    source: str = "bank"
    gap_follow_ups: dict[str, str] = field(default_factory=dict)
    topic_words: tuple[str, ...] = ()  # words a story answering this question uses, and others usually do not
    kind: Literal[ItemKind.BEHAVIORAL] = ItemKind.BEHAVIORAL

    @property
    def topics(self) -> tuple[str, ...]:
        return (self.competency,)

    @property
    def job_types(self) -> tuple[str, ...]:
        return JOB_TYPES


BankItem = CodingProblem | TheoryQuestion | BehavioralQuestion


def camel_case(name: str) -> str:
    """`two_sum` -> `twoSum`: the method name LeetCode-style harnesses use in C++, Java and JavaScript."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def signature_to_raw(signature: Signature) -> dict[str, Any]:
    """The signature as the harnesses receive it (the same shape as the JSON format)."""

    def params(ps: tuple[Param, ...]) -> list[dict[str, str]]:
        return [{"name": p.name, "type": str(p.type)} for p in ps]

    if signature.is_design:
        return {
            "class": signature.class_name,
            "constructor": params(signature.constructor),
            "methods": [{"name": m.name, "params": params(m.params), "returns": str(m.returns)}
                        for m in signature.methods],
        }
    return {"function": signature.function, "params": params(signature.params), "returns": str(signature.returns)}
