"""LeetCodeDataset records' inputs and outputs read as literals, without running any of their code, and the node
types a starter's annotations ask for."""

from __future__ import annotations

import ast
import json
import re
from typing import Any

_NODE_ANNOTATION = re.compile(r"^(?:Optional\[)?['\"]?(ListNode|TreeNode)['\"]?\]?(?:\|None)?$")
_NODE_CALLS = {"list_node": "$list_node", "tree_node": "$tree_node"}
_JSON_NAMES = {"null": None, "true": True, "false": False}
_JSON_SPELLING = {"None": "null", "True": "true", "False": "false"}
_PYTHON_CONSTANTS = re.compile(r"\b(None|True|False)\b")
_KEYWORD = re.compile(r"(?:^|,)\s*([A-Za-z_]\w*)\s*=(?!=)")
_NODE_CALL_TEXT = re.compile(r"^\s*(list_node|tree_node)\(\s*(\[.*\])\s*\)\s*$", re.DOTALL)


# -- literals --------------------------------------------------------------------------------------------------


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit] + "..."


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a literal")


class _JsonNames(ast.NodeTransformer):
    """`null`, `true` and `false` (JSON's spelling, common in tree inputs) read as None, True and False."""

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id in _JSON_NAMES:
            return ast.copy_location(ast.Constant(_JSON_NAMES[node.id]), node)
        return node


def _python_literal(node: ast.expr) -> Any:
    try:
        value = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        try:
            value = ast.literal_eval(_JsonNames().visit(node))
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError) as exc:
            raise ValueError("not a literal") from exc
    try:
        return json.loads(json.dumps(value))  # tuples become lists; sets, bytes and complex numbers are refused
    except (TypeError, ValueError) as exc:
        raise ValueError(f"a {type(value).__name__} literal has no JSON form") from exc


def _node_call(node: ast.Call, source: bytes) -> dict[str, Any]:
    name = node.func.id if isinstance(node.func, ast.Name) else ""
    if name not in _NODE_CALLS or len(node.args) != 1 or node.keywords:
        raise ValueError("calls other than list_node([...]) and tree_node([...]) are not literals")
    values = _literal(node.args[0], source)
    if not isinstance(values, list):
        raise ValueError(f"{name}() takes a list of values")
    return {_NODE_CALLS[name]: values}


def _literal(node: ast.expr, source: bytes) -> Any:
    """The value of a literal expression, reading the JSON-compatible common case with the C parser."""
    if isinstance(node, ast.Call):
        return _node_call(node, source)
    if isinstance(node, ast.List | ast.Tuple) and any(isinstance(e, ast.Call) for e in node.elts):
        return [_literal(e, source) for e in node.elts]
    if node.lineno == node.end_lineno == 1 and node.end_col_offset is not None:
        segment = source[node.col_offset:node.end_col_offset]
        if b"\\" not in segment:  # JSON and Python read escapes differently; without any, they agree
            try:
                return json.loads(segment, parse_constant=_reject_constant)
            except ValueError:
                pass
    return _python_literal(node)


def _json_value(text: str) -> Any:
    """The common case read by the C JSON parser: a JSON-compatible literal, None/True/False outside strings, or a
    node call of one; ValueError for anything else (the AST reading decides)."""
    if "\\" in text:  # JSON and Python read escapes differently
        raise ValueError("not JSON")
    if "'" in text:
        if '"' in text:
            raise ValueError("not JSON")
        # Without escapes and double quotes inside, 'abc' and "abc" are the same string.
        text = text.replace("'", '"')
    elif '"' not in text and ("None" in text or "True" in text or "False" in text):
        text = _PYTHON_CONSTANTS.sub(lambda m: _JSON_SPELLING[m.group(1)], text)
    call = _NODE_CALL_TEXT.match(text)
    if call:
        values = json.loads(call.group(2), parse_constant=_reject_constant)
        return {_NODE_CALLS[call.group(1)]: values}
    return json.loads(text, parse_constant=_reject_constant)


def _json_input(text: str) -> dict[str, Any] | None:
    """`name = value, ...` split at the commas before each `name =`; None unless every value reads as JSON. A split
    inside a string leaves that string's quotes unbalanced on both sides, so it can never be read as valid."""
    matches = list(_KEYWORD.finditer(text))
    if not matches or matches[0].start() != 0:
        return None
    out: dict[str, Any] = {}
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        name = match.group(1)
        if name in out:
            return None
        try:
            out[name] = _json_value(text[match.end():following.start() if following else len(text)])
        except ValueError:
            return None
    return out


def parse_input(text: str) -> dict[str, Any]:
    """`nums = [2, 7], target = 9` as {"nums": [2, 7], "target": 9}, never evaluating anything."""
    fast = _json_input(text)
    if fast is not None:
        return fast
    source = f"f({text})"
    try:
        call = ast.parse(source, mode="eval").body
    except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
        raise ValueError(f"input {_short(text)!r} is not a list of keyword assignments (name = value)") from exc
    names = [k.arg for k in call.keywords] if isinstance(call, ast.Call) else []
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "f"
            and not call.args and None not in names and len(set(names)) == len(names)):
        raise ValueError(f"input {_short(text)!r} is not a list of keyword assignments (name = value)")
    encoded = source.encode()
    out: dict[str, Any] = {}
    for keyword in call.keywords:
        try:
            out[str(keyword.arg)] = _literal(keyword.value, encoded)
        except (ValueError, RecursionError) as exc:
            raise ValueError(f"input {_short(text)!r}: the value of {keyword.arg!r} is not a literal ({exc})") from exc
    return out


def plain_nodes(value: Any) -> Any:
    """An expected output written with list_node/tree_node, in the form the judge reports returned nodes."""
    if isinstance(value, dict) and len(value) == 1:
        key, values = next(iter(value.items()))
        if key in ("$list_node", "$tree_node"):
            return node_list(values, tree=key == "$tree_node")
    if isinstance(value, list):
        return [plain_nodes(item) for item in value]
    return value


def node_list(values: list[Any], tree: bool) -> list[Any] | None:
    """A list or tree in level order, as the judge turns a returned node into data: None when empty."""
    values = list(values)
    while tree and values and values[-1] is None:
        values.pop()
    return values if values and values[0] is not None else None


def parse_output(text: str) -> Any:
    nodes = "_node(" in text
    try:
        value = _json_value(text)
        return plain_nodes(value) if nodes else value
    except ValueError:
        pass
    try:
        body = ast.parse(text.strip(), mode="eval").body
        value = _literal(body, text.strip().encode())
        return plain_nodes(value) if nodes else value
    except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
        raise ValueError(f"output {_short(text)!r} is not a literal") from exc


def has_float(value: Any) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, list):
        return any(has_float(item) for item in value)
    return False


# -- the starter's type hints ----------------------------------------------------------------------------------


def _node_kind(annotation: ast.expr | None) -> str | None:
    if annotation is None:
        return None
    match = _NODE_ANNOTATION.match(ast.unparse(annotation).replace(" ", ""))
    return None if match is None else match.group(1)


def node_hints(function: ast.FunctionDef | None) -> tuple[dict[str, str], str | None]:
    """Which parameters of the entry point are ListNode/TreeNode, and whether it returns one, from the starter's
    type hints: inputs written as plain lists are then built as nodes, and empty expected nodes read as None."""
    if function is None:
        return {}, None
    args = [*function.args.posonlyargs, *function.args.args, *function.args.kwonlyargs]
    return {a.arg: kind for a in args if (kind := _node_kind(a.annotation))}, _node_kind(function.returns)
