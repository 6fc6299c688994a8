"""The text of a question as the candidate sees it (Markdown), built from a bank item."""

from __future__ import annotations

import json
from typing import Any

from cloudinterview_desktop.domain.generators import has_generator
from cloudinterview_desktop.domain.problems import BankItem, CodingProblem, TestCase, TheoryQuestion


def _plain(value: Any) -> Any:
    """Imported sets mark linked lists and trees as {"$list_node": [...]}: show them as the lists they are."""
    if isinstance(value, dict) and len(value) == 1:
        key = next(iter(value))
        if key in ("$list_node", "$tree_node"):
            return _plain(value[key])
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _value(value: Any) -> str:
    return json.dumps(_plain(value), ensure_ascii=False)


def format_case(case: TestCase) -> str:
    if has_generator(case.input):
        args = "(a large generated input)"
    else:
        args = ", ".join(f"{name} = {_value(value)}" for name, value in case.input.items())
    lines = [f"Input: {args}", f"Output: {_value(case.output)}"]
    if case.explanation:
        lines.append(f"Explanation: {case.explanation}")
    return "\n".join(lines)


def question_prompt(item: BankItem) -> str:
    if isinstance(item, CodingProblem):
        parts = [f"## {item.title}", item.statement.strip()]
        # An imported statement already carries its own examples.
        shown = () if item.python_only else item.examples
        for number, case in enumerate(shown, start=1):
            parts.append(f"**Example {number}**\n\n```\n{format_case(case)}\n```")
        return "\n\n".join(parts)
    if isinstance(item, TheoryQuestion):
        return item.question
    return item.question
