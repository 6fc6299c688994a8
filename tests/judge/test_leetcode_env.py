"""LeetCode's environment in each language: what a real solution may use without declaring it, run for real."""

from __future__ import annotations

import pytest

from cloudinterview_desktop.domain.judging import JudgeMode, Verdict
from cloudinterview_desktop.judge.judge import Judge
from tests.judge.conftest import load_problem

ADD = load_problem("add-numbers")  # add(a, b) -> int; Run has one example, (1, 2) -> 3


def accepted(judge: Judge, code: str, language: str) -> None:
    if not judge.toolchains()[language].available:
        pytest.skip(f"{language} is not installed here")
    report = judge.run(ADD, code, language, JudgeMode.SUBMIT)
    assert report.verdict is Verdict.ACCEPTED, report.message
    assert report.passed == report.total == 3


def test_python_has_sortedcontainers_imported_or_implicit(judge: Judge) -> None:
    code = ("from sortedcontainers import SortedList\n\n"
            "class Solution:\n    def add(self, a: int, b: int) -> int:\n"
            "        items = SortedList([b, a])\n        seen = SortedDict({a: 1})\n        bag = SortedSet([a, a])\n"
            "        return items[0] + items[1] + len(seen) - len(bag)\n")
    accepted(judge, code, "python")


def test_python_has_leetcodes_implicit_imports(judge: Judge) -> None:
    code = ("class Solution:\n    def add(self, a: int, b: int) -> int:\n"
            "        xs: List[int] = [a, b]\n        heap = list(xs)\n        heapify(heap)\n"
            "        best = -inf\n        for x in accumulate(heap):\n            best = max(best, x)\n"
            "        assert bisect_left(sorted(xs), min(xs)) == 0 and Counter(xs)[a] >= 1\n"
            "        assert string.digits and operator.add(1, 1) == 2 and gcd(4, 6) == 2\n"
            "        return int(best) if math.isfinite(best) else 0\n")
    accepted(judge, code, "python")


def test_cpp_has_bits_stdcpp_and_namespace_std(judge: Judge) -> None:
    code = ("#include <bits/stdc++.h>\nclass Solution {\npublic:\n    int add(int a, int b) {\n"
            "        vector<int> v{a, b};\n        priority_queue<int> q(v.begin(), v.end());\n"
            "        map<int, int> m; m[a]++;\n        return accumulate(v.begin(), v.end(), 0);\n    }\n};\n")
    accepted(judge, code, "cpp")


def test_java_has_java_util(judge: Judge) -> None:
    code = ("class Solution {\n    public int add(int a, int b) {\n"
            "        PriorityQueue<Integer> q = new PriorityQueue<>(Collections.reverseOrder());\n"
            "        q.add(a); q.add(b);\n        Map<Integer, Integer> m = new HashMap<>();\n"
            "        List<Integer> xs = new ArrayList<>(q);\n        return xs.stream().mapToInt(x -> x).sum();\n"
            "    }\n}\n")
    accepted(judge, code, "java")


def test_javascript_has_the_datastructures_js_queues(judge: Judge) -> None:
    code = ("var add = function(a, b) {\n"
            "    const low = new MinPriorityQueue();\n    low.enqueue(b); low.enqueue(a);\n"
            "    const high = new MaxPriorityQueue({ priority: (x) => x.v });\n"
            "    high.enqueue({ v: a }); high.enqueue({ v: b });\n"
            "    const queue = new Queue([low.dequeue().element]);\n    queue.enqueue(high.dequeue().element.v);\n"
            "    return queue.dequeue() + queue.dequeue() + low.size() - 1;\n};\n")
    accepted(judge, code, "javascript")
