"""The text of a question as the candidate sees it (Markdown), built from a bank item."""

from __future__ import annotations

import json
from typing import Any

from cloudinterview_desktop.bank.generators import has_generator
from cloudinterview_desktop.domain.problems import BankItem, CodingProblem, TestCase, TheoryQuestion


def _value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


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
        for number, case in enumerate(item.examples, start=1):
            parts.append(f"**Example {number}**\n\n```\n{format_case(case)}\n```")
        return "\n\n".join(parts)
    if isinstance(item, TheoryQuestion):
        return item.question
    return item.question
