"""Importing a LeetCodeDataset file of 3,000 records (every reference run in the sandbox), beside the time it takes
just to read and decode the same JSONL file.

    .venv/bin/python bench/import.py [--records 3000] [--workers 2]

The records are generated from a few templates (strings, arrays, a linked list, a tree, math) with varied slugs and
inputs; their expected outputs come from running the template's reference here, before the clock starts.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import report

from cloudinterview_desktop.app import LazyJudge
from cloudinterview_desktop.bank.catalog import Catalog
from cloudinterview_desktop.bank.leetcodedataset import import_leetcodedataset
from cloudinterview_desktop.bank.question_bank import QuestionBank
from cloudinterview_desktop.resources import builtin_problems_db

PROMPT = '''import collections
from collections import deque
from typing import *


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def list_node(values: list):
    head = None
    for value in reversed(values):
        head = ListNode(value, head)
    return head


def is_same_list(a, b) -> bool:
    while a is not None and b is not None:
        if a.val != b.val:
            return False
        a, b = a.next, b.next
    return a is None and b is None


def tree_node(values: list):
    if not values or values[0] is None:
        return None
    root = TreeNode(values[0])
    pending, i = deque([root]), 1
    while pending and i < len(values):
        node = pending.popleft()
        for side in ("left", "right"):
            if i < len(values) and values[i] is not None:
                setattr(node, side, TreeNode(values[i]))
                pending.append(getattr(node, side))
            i += 1
    return root
'''

DESCRIPTION = ("{what}\n \nExample 1:\n\nInput: {example}\nOutput: {output}\n\n \nConstraints:\n\n"
               "1 <= n <= 10^5\n-10^4 <= values <= 10^4\n")


class Template:
    def __init__(self, name: str, method: str, signature: str, tags: list[str], what: str, completion: str,
                 make_input: Callable[[random.Random, int], dict[str, Any]], node_input: str = "") -> None:
        self.name, self.method, self.signature, self.tags, self.what = name, method, signature, tags, what
        self.completion, self.make_input, self.node_input = completion, make_input, node_input
        namespace: dict[str, Any] = {}
        exec(PROMPT + "\n" + completion, namespace)
        self._namespace = namespace

    def answer(self, kwargs: dict[str, Any]) -> Any:
        args = dict(kwargs)
        if self.node_input == "list":
            args["head"] = self._namespace["list_node"](args["head"])
        elif self.node_input == "tree":
            args["root"] = self._namespace["tree_node"](args["root"])
        result = getattr(self._namespace["Solution"](), self.method)(**args)
        if self.node_input == "list":
            values = []
            while result is not None:
                values.append(result.val)
                result = result.next
            return values or None
        return result

    def call_text(self, kwargs: dict[str, Any]) -> str:
        parts = []
        for name, value in kwargs.items():
            if name == "head" and self.node_input == "list":
                parts.append(f"head = list_node({value!r})")
            elif name == "root" and self.node_input == "tree":
                parts.append(f"root = tree_node({value!r})")
            else:
                parts.append(f"{name} = {value!r}")
        return ", ".join(parts)


def _tree(rng: random.Random, size: int) -> list[Any]:
    values: list[Any] = [rng.randint(-100, 100)]
    for _ in range(size - 1):
        values.append(None if rng.random() < 0.2 else rng.randint(-100, 100))
    return values


TEMPLATES = [
    Template("calm-stretch", "longestCalmStretch", "s: str", ["String", "Sliding Window"],
             "Return the length of the longest substring of s with no two equal neighbouring characters.",
             "class Solution:\n    def longestCalmStretch(self, s: str) -> int:\n        best = run = 0\n"
             "        for i, ch in enumerate(s):\n            run = run + 1 if i and ch != s[i - 1] else 1\n"
             "            best = max(best, run)\n        return best\n",
             lambda rng, n: {"s": "".join(rng.choice("abc") for _ in range(n))}),
    Template("pair-gap", "countPairsWithGap", "nums: List[int], gap: int", ["Array", "Hash Table"],
             "Count the index pairs i < j with |nums[i] - nums[j]| == gap.",
             "class Solution:\n    def countPairsWithGap(self, nums: List[int], gap: int) -> int:\n"
             "        seen = collections.Counter()\n        pairs = 0\n        for value in nums:\n"
             "            pairs += seen[value - gap] + (seen[value + gap] if gap else 0)\n"
             "            seen[value] += 1\n        return pairs\n",
             lambda rng, n: {"nums": [rng.randint(-50, 50) for _ in range(n)], "gap": rng.randint(0, 5)}),
    Template("drop-alternate", "dropAlternateNodes", "head: Optional[ListNode]", ["Linked List"],
             "Unlink the second, fourth, sixth, ... nodes of the list and return its head.",
             "class Solution:\n    def dropAlternateNodes(self, head: Optional[ListNode]) -> Optional[ListNode]:\n"
             "        node = head\n        while node is not None and node.next is not None:\n"
             "            node.next = node.next.next\n            node = node.next\n        return head\n",
             lambda rng, n: {"head": [rng.randint(-1000, 1000) for _ in range(n)]}, node_input="list"),
    Template("tree-sum", "sumOfLeaves", "root: Optional[TreeNode]", ["Tree", "Binary Tree"],
             "Return the sum of the values of the leaves of the tree.",
             "class Solution:\n    def sumOfLeaves(self, root: Optional[TreeNode]) -> int:\n"
             "        if root is None:\n            return 0\n        if root.left is None and root.right is None:\n"
             "            return root.val\n        return self.sumOfLeaves(root.left) + self.sumOfLeaves(root.right)\n",
             lambda rng, n: {"root": _tree(rng, n)}, node_input="tree"),
    Template("digit-fold", "digitFold", "n: int", ["Math"],
             "Replace n by the sum of its digits until one digit is left; return it.",
             "class Solution:\n    def digitFold(self, n: int) -> int:\n        while n >= 10:\n"
             "            n = sum(int(d) for d in str(n))\n        return n\n",
             lambda rng, n: {"n": rng.randint(0, 10 ** min(n, 18))}),
]


def generate(path: Path, count: int, cases: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            template = TEMPLATES[number % len(TEMPLATES)]
            inputs = [template.make_input(rng, rng.randint(1, 12)) for _ in range(cases - 1)]
            inputs.append(template.make_input(rng, 2000))  # one larger case per record
            io = [{"input": template.call_text(i), "output": repr(template.answer(i))} for i in inputs]
            check = "def check(candidate):\n" + "".join(
                f"    assert candidate({template.call_text(i)}) == {template.answer(i)!r}\n"
                for i in inputs[:8] if not template.node_input)
            check += "    assert True\n"
            record = {
                "task_id": f"gen-{template.name}-{number}", "question_id": 100000 + number,
                "difficulty": rng.choice(["Easy", "Medium", "Hard"]), "tags": template.tags,
                "problem_description": DESCRIPTION.format(what=template.what, example=io[0]["input"],
                                                          output=io[0]["output"]),
                "starter_code": f"class Solution:\n    def {template.method}(self, {template.signature}):\n        ",
                "entry_point": f"Solution().{template.method}", "prompt": PROMPT,
                "completion": template.completion, "input_output": io, "test": check,
            }
            handle.write(json.dumps(record) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--cases", type=int, default=12, help="input_output cases per record")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "set.jsonl"
        generate(data, args.records, args.cases)
        start = time.perf_counter()
        with data.open(encoding="utf-8") as handle:
            decoded = [json.loads(line) for line in handle]
        baseline = time.perf_counter() - start
        assert len(decoded) == args.records
        builtin = Catalog(builtin_problems_db(), readonly=True) if builtin_problems_db().exists() else None
        bank = QuestionBank(builtin, Catalog(Path(folder) / "user.sqlite"))
        judge = LazyJudge()
        judge.isolation_level()  # probing the sandbox is the app's start-up cost, not the import's
        phases = logging.getLogger("cloudinterview_desktop.bank.leetcodedataset")
        phases.setLevel(logging.INFO)
        phases.addHandler(logging.StreamHandler(sys.stdout))  # its "read and validated in ..., stored in ..." line
        load_before = os.getloadavg()[0]
        cpu_before = resource.getrusage(resource.RUSAGE_SELF)
        start = time.perf_counter()
        result = import_leetcodedataset(bank, data, judge, workers=args.workers)
        elapsed = time.perf_counter() - start
        cpu_after = resource.getrusage(resource.RUSAGE_SELF)
        load_after = os.getloadavg()[0]
        assert result.added == args.records and not result.skipped, result.skipped[:3]
        start = time.perf_counter()
        found = bank.search("neighbouring characters")
        listed = bank.rows(kind="coding", difficulty="medium", topic="linked-lists")
        browse_ms = (time.perf_counter() - start) * 1000
        size_mb = data.stat().st_size / 1e6
    print(f"{args.records} records ({size_mb:.1f} MB, {args.cases} cases and a check() each), "
          f"{args.workers} workers, isolation {judge.isolation_level()}")
    app_cpu = cpu_after.ru_utime - cpu_before.ru_utime + cpu_after.ru_stime - cpu_before.ru_stime
    print(f"this process used {app_cpu:.1f} CPU s during the import; load average {load_before:.1f} before, "
          f"{load_after:.1f} after, on {os.cpu_count()} CPUs (other work on the machine slows the wall time)")
    print(f"after the import: a search ({len(found)} hits) and a filtered list ({len(listed)} rows) "
          f"took {browse_ms:.1f} ms together")
    report("import (parse, validate every reference in the sandbox, store)", elapsed, baseline, "s",
           "well under 60 s")


if __name__ == "__main__":
    main()
