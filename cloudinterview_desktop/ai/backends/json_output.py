"""Turning a model's raw reply into a JSON object valid against a schema, with retries that say what was wrong."""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable, Sequence
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

from cloudinterview_desktop.ai.backends.base import ChatMessage
from cloudinterview_desktop.ai.errors import BackendError, InvalidModelOutput
from cloudinterview_desktop.domain.errors import Cancelled

log = logging.getLogger(__name__)

# One attempt: the conversation so far and a temperature in, the model's raw text out.
Attempt = Callable[[list[ChatMessage], float], str]

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)


def parse_json_object(raw: str) -> dict[str, Any]:
    """The JSON object in `raw`; servers without schema support sometimes wrap it in a code fence or prose."""
    text = raw.strip()
    candidates = [text]
    fenced = _FENCE.search(text)
    if fenced:
        candidates.append(fenced.group(1).strip())
    start, end = text.find("{"), text.rfind("}")
    if 0 <= start < end:
        candidates.append(text[start:end + 1])
    error = "the reply is empty"
    for candidate in candidates:
        try:
            value = json.loads(candidate)
        except json.JSONDecodeError as exc:
            error = f"not valid JSON ({exc.msg} at character {exc.pos})"
            continue
        if isinstance(value, dict):
            return value
        error = f"expected a JSON object, got {type(value).__name__}"
    raise ValueError(error)


def schema_problems(validator: Draft202012Validator, value: dict[str, Any], limit: int = 3) -> list[str]:
    problems = []
    for error in sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))[:limit]:
        where = "/".join(str(p) for p in error.absolute_path) or "the object"
        problems.append(f"{where}: {error.message}")
    return problems


def make_validator(schema: dict[str, Any]) -> Draft202012Validator:
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:  # a bug in our own schema, not the model's fault
        raise BackendError(f"invalid JSON schema: {exc.message}") from exc
    return Draft202012Validator(schema)


def validated_json(attempt: Attempt, messages: Sequence[ChatMessage], schema: dict[str, Any], *,
                   temperature: float, retries: int, cancel: threading.Event | None) -> dict[str, Any]:
    """Ask up to `retries + 1` times; each retry shows the model its invalid reply and what was wrong with it,
    at a slightly higher temperature so a deterministic failure is not simply repeated."""
    validator = make_validator(schema)
    conversation = list(messages)
    outputs: list[str] = []
    problem = ""
    for number in range(retries + 1):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        raw = attempt(conversation, min(1.0, temperature + 0.25 * number))
        outputs.append(raw)
        try:
            value = parse_json_object(raw)
        except ValueError as exc:
            problem = str(exc)
        else:
            problems = schema_problems(validator, value)
            if not problems:
                return value
            problem = "; ".join(problems)
        log.info("JSON attempt %d of %d rejected: %s", number + 1, retries + 1, problem)
        conversation = [*messages,
                        ChatMessage(role="assistant", content=raw[:2000]),
                        ChatMessage(role="user", content=f"That reply is invalid: {problem}. Reply again with only "
                                                         "one JSON object that follows the requested format.")]
    raise InvalidModelOutput(f"no valid JSON after {retries + 1} attempts (last problem: {problem})", outputs)
