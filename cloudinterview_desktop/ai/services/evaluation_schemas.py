"""JSON schemas for the model's evaluations (they become grammars) and for the evaluation the app stores."""


from __future__ import annotations

from typing import Any

SCALE = "1 weak, 2 partial, 3 solid, 4 strong; not_observed when the answer gives no evidence"
SCORES: list[Any] = [1, 2, 3, 4, "not_observed"]
QUOTE_CHARS = 160
COMMENT_CHARS = 120


def _text(limit: int) -> dict[str, Any]:
    return {"type": "string", "maxLength": limit}


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}


def scored() -> dict[str, Any]:
    return _object({"quote": _text(QUOTE_CHARS), "comment": _text(COMMENT_CHARS), "score": {"enum": SCORES}})


def code_schema() -> dict[str, Any]:
    note = _object({"line": _text(COMMENT_CHARS), "note": _text(COMMENT_CHARS)})
    return _object({
        "quality_notes": {"type": "array", "items": note, "maxItems": 3},
        "code_quality": scored(),
        "communication": scored(),
        "stated_time_complexity": _text(40),
        "stated_space_complexity": _text(40),
    })


def theory_schema(points: int) -> dict[str, Any]:
    point = _object({"quote": _text(QUOTE_CHARS), "status": {"enum": ["covered", "partial", "missed"]}})
    properties: dict[str, Any] = {f"kp{n}": point for n in range(1, points + 1)}
    properties["clarity"] = scored()
    return _object(properties)


STAR_PARTS = ("situation", "task", "action", "result", "reflection")


def behavioral_schema() -> dict[str, Any]:
    part = _object({"quote": _text(QUOTE_CHARS), "present": {"type": "boolean"}})
    properties: dict[str, Any] = {name: part for name in STAR_PARTS}
    properties["ownership"] = scored()
    properties["measurable_result"] = part
    return _object(properties)


def reply_budget(schema: dict[str, Any]) -> int:
    """Tokens to allow for a reply: a third of the characters its strings may hold (English runs about four
    characters a token) plus the JSON syntax around them. Degenerate output (digit runs) hits the limit, fails
    validation and ends as not_evaluated - which is what it deserves."""
    def chars(node: dict[str, Any]) -> int:
        if node.get("type") == "string":
            return int(node.get("maxLength", 200)) // 3 + 8
        if node.get("type") == "array":
            return int(node.get("maxItems", 3)) * chars(node["items"]) + 4
        if node.get("type") == "object":
            return sum(chars(child) + 6 for child in node.get("properties", {}).values()) + 4
        return 6
    return chars(schema)


# The stored evaluation of one answer: what tests check against, and what the report can rely on.
_SCORE_RESULT = {"type": "object", "required": ["score", "quote", "comment"],
                 "properties": {"score": {"enum": SCORES}, "quote": {"type": "string"},
                                "comment": {"type": "string"}, "reason": {"type": "string"}}}
EVALUATION_RESULT_SCHEMA: dict[str, Any] = {
    "oneOf": [
        {"type": "object", "required": ["status", "reason"],
         "properties": {"status": {"const": "not_evaluated"}, "reason": {"type": "string", "minLength": 1}}},
        {"type": "object", "required": ["status", "kind", "model", "scale", "flags", "dropped_quotes"],
         "properties": {
             "status": {"const": "evaluated"},
             "kind": {"enum": ["coding", "theory", "behavioral"]},
             "model": {"type": "string"},
             "scale": {"type": "string"},
             "flags": {"type": "array", "items": {"type": "string"}},
             "dropped_quotes": {"type": "array", "items": {"type": "string"}},
             "code_quality": _SCORE_RESULT, "communication": _SCORE_RESULT, "clarity": _SCORE_RESULT,
             "ownership": _SCORE_RESULT,
             "coverage": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
         }},
    ]
}
