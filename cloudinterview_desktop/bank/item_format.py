"""Reads and writes bank items in the documented JSON format (docs/problem-format.md), with field-level errors."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cloudinterview_desktop.domain.errors import ProblemFormatError
from cloudinterview_desktop.domain.generators import check_size, expand
from cloudinterview_desktop.domain.languages import LANGUAGES
from cloudinterview_desktop.domain.problems import (
    BankItem,
    BehavioralQuestion,
    CodingProblem,
    CompareMode,
    Difficulty,
    Limits,
    MethodSig,
    Misconception,
    Param,
    Signature,
    Solution,
    TestCase,
    TheoryQuestion,
    TypeSpec,
)
from cloudinterview_desktop.resources import resource_path

if TYPE_CHECKING:
    import jsonschema


@cache
def _validator() -> jsonschema.Draft202012Validator:
    import jsonschema  # imported on first validation: it costs ~0.1 s at start-up otherwise

    schema = json.loads(resource_path("schema", "bank-item.schema.json").read_text(encoding="utf-8"))
    # A starter's keys are the registry's languages, so that adding a language leaves the schema file alone.
    schema["$defs"]["coding"]["properties"]["starter"]["propertyNames"] = {"enum": list(LANGUAGES)}
    return jsonschema.Draft202012Validator(schema)


@cache
def _kind_validator(kind: str) -> jsonschema.Draft202012Validator:
    import jsonschema

    sub = {"$ref": f"#/$defs/{kind}", "$defs": _validator().schema["$defs"]}
    return jsonschema.Draft202012Validator(sub)


def _kind_schema_error(raw: dict[str, Any]) -> str | None:
    """Validate against the schema of the item's declared kind, so the message names the field that is wrong."""
    kind = raw.get("kind")
    if kind not in ("coding", "theory", "behavioral"):
        return f"field 'kind': expected 'coding', 'theory' or 'behavioral', got {kind!r}"
    validator = _kind_validator(kind)
    errors = sorted(validator.iter_errors(raw), key=lambda e: list(e.absolute_path))
    if not errors:
        return None
    error = errors[0]
    where = ".".join(str(p) for p in error.absolute_path) or "(item)"
    return f"field '{where}': {error.message}"


def _name_of(raw: Any) -> str:
    if isinstance(raw, dict):
        return str(raw.get("slug") or raw.get("title") or "<unnamed item>")
    return "<not an object>"


def _params(raw: list[dict[str, str]]) -> tuple[Param, ...]:
    return tuple(Param(p["name"], TypeSpec.parse(p["type"])) for p in raw)


def _signature(raw: dict[str, Any]) -> Signature:
    if "class" in raw:
        methods = tuple(
            MethodSig(m["name"], _params(m["params"]), TypeSpec.parse(m["returns"])) for m in raw["methods"]
        )
        return Signature(class_name=raw["class"], constructor=_params(raw["constructor"]), methods=methods)
    return Signature(function=raw["function"], params=_params(raw["params"]), returns=TypeSpec.parse(raw["returns"]))


def _case(raw: dict[str, Any]) -> TestCase:
    return TestCase(input=raw["input"], output=raw["output"], large=bool(raw.get("large", False)),
                    explanation=raw.get("explanation", ""))


def _check_case_inputs(slug: str, signature: Signature, cases: tuple[TestCase, ...], label: str) -> None:
    expected = {"operations", "arguments"} if signature.is_design else {p.name for p in signature.params}
    for index, case in enumerate(cases):
        keys = set(case.input)
        if keys != expected:
            raise ProblemFormatError(
                f"{slug}: field '{label}.{index}.input': expected parameters {sorted(expected)}, got {sorted(keys)}"
            )
        if signature.is_design:
            ops, args = expand(case.input["operations"]), expand(case.input["arguments"])
            if not (isinstance(ops, list) and isinstance(args, list) and len(ops) == len(args) and ops):
                raise ProblemFormatError(
                    f"{slug}: field '{label}.{index}.input': operations and arguments must be equal-length lists"
                )
            if ops[0] != signature.class_name:
                raise ProblemFormatError(
                    f"{slug}: field '{label}.{index}.input.operations': must start with {signature.class_name!r}"
                )


# Documented caps (docs/problem-format.md): checked before anything is built, so a hostile file costs nothing.
MAX_CASES = 2_000  # examples and tests of one problem
MAX_ITEM_ELEMENTS = 20_000_000  # all its cases together, once generated
MAX_STATEMENT_CHARS = 100_000


def _check_sizes(name: str, raw: dict[str, Any]) -> None:
    statement = raw.get("statement", "")
    if isinstance(statement, str) and len(statement) > MAX_STATEMENT_CHARS:
        raise ProblemFormatError(f"{name}: field 'statement' has {len(statement):,} characters; the limit is "
                                 f"{MAX_STATEMENT_CHARS:,}")
    total = 0
    count = 0
    for label in ("examples", "tests"):
        cases = raw.get(label, [])
        if not isinstance(cases, list):
            continue
        count += len(cases)
        if count > MAX_CASES:
            raise ProblemFormatError(f"{name}: more than {MAX_CASES:,} examples and tests; the limit is {MAX_CASES:,}")
        for index, case in enumerate(cases):
            if not isinstance(case, dict):
                continue
            for part in ("input", "output"):
                try:
                    total += check_size(case.get(part))
                except ProblemFormatError as exc:
                    raise ProblemFormatError(f"{name}: field '{label}.{index}.{part}': {exc}") from exc
    if total > MAX_ITEM_ELEMENTS:
        raise ProblemFormatError(f"{name}: its tests would hold {total:,} elements once generated; the limit is "
                                 f"{MAX_ITEM_ELEMENTS:,}")


def _cues(name: str, raw: dict[str, Any]) -> tuple[tuple[str, ...], ...]:
    cues = raw.get("key_point_cues", [])
    if cues and len(cues) != len(raw["key_points"]):
        raise ProblemFormatError(f"{name}: field 'key_point_cues' holds {len(cues)} lists for "
                                 f"{len(raw['key_points'])} key points; give one list per key point, in order")
    return tuple(tuple(c) for c in cues)


def _misconceptions(name: str, raw: dict[str, Any]) -> tuple[Misconception, ...]:
    found = []
    for n, entry in enumerate(raw.get("misconceptions", [])):
        if not 1 <= entry["point"] <= len(raw["key_points"]):
            raise ProblemFormatError(f"{name}: field 'misconceptions.{n}.point' is {entry['point']}; the item has "
                                     f"key points 1 to {len(raw['key_points'])}")
        found.append(Misconception(entry["point"], entry["claim"], tuple(entry["phrases"])))
    return tuple(found)


def parse_item(raw: Any, source: str = "bank", validate: bool = True) -> BankItem:
    """Validate one item (a decoded JSON object) and build its domain object; errors name the item and field.

    `validate=False` skips the JSON Schema for items that were validated when they were stored."""
    name = _name_of(raw)
    if not isinstance(raw, dict):
        raise ProblemFormatError(f"{name}: an item must be a JSON object")
    if raw.get("kind") == "coding":
        _check_sizes(name, raw)  # before the schema walks it: sizes and depth are checked without building
    problem = _kind_schema_error(raw) if validate else None
    if problem:
        raise ProblemFormatError(f"{name}: {problem}")
    kind = raw["kind"]
    if kind == "theory":
        return TheoryQuestion(
            slug=raw["slug"], title=raw["title"], difficulty=Difficulty(raw["difficulty"]),
            topics=tuple(raw["topics"]), job_types=tuple(raw["job_types"]), question=raw["question"],
            key_points=tuple(raw["key_points"]), follow_ups=tuple(raw.get("follow_ups", [])), source=source,
            gap_follow_ups=dict(raw.get("gap_follow_ups", {})),
            key_point_cues=_cues(name, raw), misconceptions=_misconceptions(name, raw),
        )
    if kind == "behavioral":
        return BehavioralQuestion(
            slug=raw["slug"], title=raw["title"], competency=raw["competency"], seniority=tuple(raw["seniority"]),
            question=raw["question"], follow_ups=tuple(raw["follow_ups"]),
            what_good_looks_like=raw["what_good_looks_like"],
            difficulty=Difficulty(raw.get("difficulty", "medium")), source=source,
            gap_follow_ups=dict(raw.get("gap_follow_ups", {})), topic_words=tuple(raw.get("topic_words", ())),
        )
    if raw.get("python_only"):
        return _python_only_problem(raw, source)
    if "signature" not in raw:
        return CodingProblem(
            slug=raw["slug"], title=raw["title"], difficulty=Difficulty(raw["difficulty"]),
            topics=tuple(raw["topics"]), statement=raw["statement"], signature=None, examples=(), tests=(),
            hints=tuple(raw.get("hints", [])),
            job_types=tuple(raw.get("job_types", ("software", "frontend", "backend", "sre", "data_ml"))),
            source=source,
        )
    try:
        signature = _signature(raw["signature"])
    except ProblemFormatError as exc:
        raise ProblemFormatError(f"{name}: field 'signature': {exc}") from exc
    examples = tuple(_case(c) for c in raw["examples"])
    tests = tuple(_case(c) for c in raw["tests"])
    _check_case_inputs(name, signature, examples, "examples")
    _check_case_inputs(name, signature, tests, "tests")
    solution_raw = raw["solution"]
    limits_raw = raw["limits"]
    return CodingProblem(
        slug=raw["slug"], title=raw["title"], difficulty=Difficulty(raw["difficulty"]), topics=tuple(raw["topics"]),
        statement=raw["statement"], signature=signature, examples=examples, tests=tests,
        compare=CompareMode(raw["compare"]), tolerance=float(raw.get("tolerance", 1e-6)),
        limits=Limits(time_ms=limits_raw["time_ms"], memory_mb=limits_raw["memory_mb"]),
        hints=tuple(raw["hints"]),
        solution=Solution(python=solution_raw["python"], time=solution_raw.get("time", ""),
                          space=solution_raw.get("space", ""), brute_force=solution_raw.get("brute_force", "")),
        starter=dict(raw.get("starter", {})),
        job_types=tuple(raw.get("job_types", ("software", "frontend", "backend", "sre", "data_ml"))),
        source=raw.get("source", source) if raw.get("entry_point") else source,
        gap_follow_ups=dict(raw.get("gap_follow_ups", {})),
        entry_point=raw.get("entry_point", ""), prompt_code=raw.get("prompt", ""), check_code=raw.get("check", ""),
    )


def _python_only_problem(raw: dict[str, Any], source: str) -> CodingProblem:
    """An imported problem (e.g. LeetCodeDataset): keyword-argument cases and a check() instead of a signature."""
    limits_raw = raw["limits"]
    return CodingProblem(
        slug=raw["slug"], title=raw["title"], difficulty=Difficulty(raw["difficulty"]), topics=tuple(raw["topics"]),
        statement=raw["statement"], signature=None, examples=tuple(_case(c) for c in raw["examples"]),
        tests=tuple(_case(c) for c in raw["tests"]), compare=CompareMode(raw["compare"]),
        tolerance=float(raw.get("tolerance", 1e-6)),
        limits=Limits(time_ms=limits_raw["time_ms"], memory_mb=limits_raw["memory_mb"]),
        hints=tuple(raw.get("hints", [])), solution=Solution(**raw["solution"]),
        starter=dict(raw.get("starter", {})),
        job_types=tuple(raw.get("job_types", ("software", "frontend", "backend", "sre", "data_ml"))),
        source=raw.get("source", source), python_only=True, entry_point=raw["entry_point"],
        prompt_code=raw.get("prompt", ""), check_code=raw.get("check", ""),
        gap_follow_ups=dict(raw.get("gap_follow_ups", {})),
    )


def load_item_file(path: Path, source: str = "bank") -> BankItem:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ProblemFormatError(f"{path.name}: cannot read: {exc}") from exc
    except RecursionError as exc:
        raise ProblemFormatError(f"{path.name}: the JSON is nested too deeply to be a question") from exc
    except json.JSONDecodeError as exc:
        raise ProblemFormatError(
            f"{path.name}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    item = parse_item(raw, source)
    if path.stem != item.slug:
        raise ProblemFormatError(f"{path.name}: file name must be the slug ({item.slug}.json)")
    return item
