"""The same cross-language tests for every harness: two bank problems (a function, a design class) and fixture
problems for ListNode, TreeNode and floats; correct and wrong solutions, then compile errors, runtime errors and
time limits, in Python, JavaScript, C++ and Java. A language whose toolchain is missing is skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from cloudinterview_desktop.domain.judging import JudgeMode, Verdict
from cloudinterview_desktop.judge.judge import Judge
from tests.judge.conftest import load_problem, require

PROBLEMS = ("two-sum", "min-stack", "reverse-list", "invert-tree", "mean-value")

CORRECT: dict[str, dict[str, str]] = {
    "python": {
        "two-sum": "class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n"
                   "        seen = {}\n        for i, x in enumerate(nums):\n            if target - x in seen:\n"
                   "                return [seen[target - x], i]\n            seen[x] = i\n",
        "min-stack": "class MinStack:\n    def __init__(self):\n        self.items = []\n    def push(self, val):\n"
                     "        low = min(val, self.items[-1][1]) if self.items else val\n"
                     "        self.items.append((val, low))\n    def pop(self):\n        self.items.pop()\n"
                     "    def top(self):\n        return self.items[-1][0]\n    def getMin(self):\n"
                     "        return self.items[-1][1]\n",
        "reverse-list": "def reverse_list(head):\n    prev = None\n    while head:\n"
                        "        head.next, prev, head = prev, head, head.next\n    return prev\n",
        "invert-tree": "def invert_tree(root):\n    if root:\n"
                       "        root.left, root.right = invert_tree(root.right), invert_tree(root.left)\n"
                       "    return root\n",
        "mean-value": "def mean_value(nums):\n    return sum(nums) / len(nums)\n",
    },
    "javascript": {
        "two-sum": "var twoSum = function(nums, target) {\n  const seen = new Map();\n"
                   "  for (let i = 0; i < nums.length; i++) {\n"
                   "    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];\n"
                   "    seen.set(nums[i], i);\n  }\n};\n",
        "min-stack": "var MinStack = function() { this.items = []; };\n"
                     "MinStack.prototype.push = function(val) {\n"
                     "  const n = this.items.length;\n"
                     "  this.items.push([val, n ? Math.min(val, this.items[n - 1][1]) : val]);\n};\n"
                     "MinStack.prototype.pop = function() { this.items.pop(); };\n"
                     "MinStack.prototype.top = function() { return this.items[this.items.length - 1][0]; };\n"
                     "MinStack.prototype.getMin = function() { return this.items[this.items.length - 1][1]; };\n",
        "reverse-list": "var reverseList = function(head) {\n  let prev = null;\n"
                        "  while (head) { const next = head.next; head.next = prev; prev = head; head = next; }\n"
                        "  return prev;\n};\n",
        "invert-tree": "function invertTree(root) {\n"
                       "  if (root) [root.left, root.right] = [invertTree(root.right), invertTree(root.left)];\n"
                       "  return root;\n}\n",
        "mean-value": "const meanValue = (nums) => nums.reduce((a, b) => a + b, 0) / nums.length;\n",
    },
    "cpp": {
        "two-sum": "class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n"
                   "        unordered_map<int, int> seen;\n        for (int i = 0; i < (int)nums.size(); ++i) {\n"
                   "            auto it = seen.find(target - nums[i]);\n"
                   "            if (it != seen.end()) return {it->second, i};\n            seen[nums[i]] = i;\n"
                   "        }\n        return {};\n    }\n};\n",
        "min-stack": "class MinStack {\n    vector<pair<int, int>> items;\npublic:\n    MinStack() {}\n"
                     "    void push(int val) {\n"
                     "        items.push_back({val, items.empty() ? val : min(val, items.back().second)});\n    }\n"
                     "    void pop() { items.pop_back(); }\n    int top() const { return items.back().first; }\n"
                     "    int getMin() { return items.back().second; }\n};\n",
        "reverse-list": "class Solution {\npublic:\n    ListNode* reverseList(ListNode* head) {\n"
                        "        ListNode* prev = nullptr;\n"
                        "        while (head) {\n"
                        "            ListNode* next = head->next; head->next = prev; prev = head; head = next;\n"
                        "        }\n"
                        "        return prev;\n    }\n};\n",
        "invert-tree": "class Solution {\npublic:\n    TreeNode* invertTree(TreeNode* root) {\n"
                       "        if (root) { TreeNode* left = invertTree(root->right);"
                       " root->right = invertTree(root->left);"
                       " root->left = left; }\n        return root;\n    }\n};\n",
        "mean-value": "class Solution {\npublic:\n    double meanValue(vector<double>& nums) {\n"
                      "        return accumulate(nums.begin(), nums.end(), 0.0) / nums.size();\n    }\n};\n",
    },
    "java": {
        "two-sum": "class Solution {\n    public int[] twoSum(int[] nums, int target) {\n"
                   "        Map<Integer, Integer> seen = new HashMap<>();\n"
                   "        for (int i = 0; i < nums.length; i++) {\n"
                   "            Integer j = seen.get(target - nums[i]);\n"
                   "            if (j != null) return new int[] {j, i};\n            seen.put(nums[i], i);\n"
                   "        }\n        return new int[0];\n    }\n}\n",
        "min-stack": "class MinStack {\n    private final Deque<int[]> items = new ArrayDeque<>();\n"
                     "    public MinStack() {}\n"
                     "    public void push(int val) { items.push(new int[] {val, items.isEmpty() ? val : "
                     "Math.min(val, items.peek()[1])}); }\n"
                     "    public void pop() { items.pop(); }\n    public int top() { return items.peek()[0]; }\n"
                     "    public int getMin() { return items.peek()[1]; }\n}\n",
        "reverse-list": "class Solution {\n    public ListNode reverseList(ListNode head) {\n"
                        "        ListNode prev = null;\n"
                        "        while (head != null) { ListNode next = head.next; head.next = prev; prev = head; "
                        "head = next; }\n        return prev;\n    }\n}\n",
        "invert-tree": "class Solution {\n    public TreeNode invertTree(TreeNode root) {\n"
                       "        if (root != null) { TreeNode left = invertTree(root.right); "
                       "root.right = invertTree(root.left); root.left = left; }\n        return root;\n    }\n}\n",
        "mean-value": "class Solution {\n    public double meanValue(double[] nums) {\n"
                      "        return Arrays.stream(nums).sum() / nums.length;\n    }\n}\n",
    },
}

# Each wrong solution compiles and runs, and answers wrongly on the examples (so Run and Submit both fail).
WRONG: dict[str, dict[str, str]] = {
    "python": {
        "two-sum": "def two_sum(nums, target):\n    return [1, 0]\n",
        "min-stack": CORRECT["python"]["min-stack"].replace("return self.items[-1][1]", "return self.items[-1][0]"),
        "reverse-list": "def reverse_list(head):\n    return head\n",
        "invert-tree": "def invert_tree(root):\n    return root\n",
        "mean-value": "def mean_value(nums):\n    return sum(nums)\n",
    },
    "javascript": {
        "two-sum": "var twoSum = function(nums, target) { return [1, 0]; };\n",
        "min-stack": CORRECT["javascript"]["min-stack"].replace("length - 1][1]; };", "length - 1][0]; };"),
        "reverse-list": "var reverseList = function(head) { return head; };\n",
        "invert-tree": "var invertTree = function(root) { return root; };\n",
        "mean-value": "var meanValue = function(nums) { return nums.reduce((a, b) => a + b, 0); };\n",
    },
    "cpp": {
        "two-sum": "class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n"
                   "        return {1, 0};\n    }\n};\n",
        "min-stack": CORRECT["cpp"]["min-stack"].replace("return items.back().second;", "return items.back().first;"),
        "reverse-list": "class Solution {\npublic:\n    ListNode* reverseList(ListNode* head) { return head; }\n};\n",
        "invert-tree": "class Solution {\npublic:\n    TreeNode* invertTree(TreeNode* root) { return root; }\n};\n",
        "mean-value": "class Solution {\npublic:\n    double meanValue(vector<double>& nums) {\n"
                      "        return accumulate(nums.begin(), nums.end(), 0.0);\n    }\n};\n",
    },
    "java": {
        "two-sum": "class Solution {\n    public int[] twoSum(int[] nums, int target) {\n"
                   "        return new int[] {1, 0};\n    }\n}\n",
        "min-stack": CORRECT["java"]["min-stack"].replace("return items.peek()[1]; }", "return items.peek()[0]; }"),
        "reverse-list": "class Solution {\n    public ListNode reverseList(ListNode head) { return head; }\n}\n",
        "invert-tree": "class Solution {\n    public TreeNode invertTree(TreeNode root) { return root; }\n}\n",
        "mean-value": "class Solution {\n    public double meanValue(double[] nums) {\n"
                      "        return Arrays.stream(nums).sum();\n    }\n}\n",
    },
}

# On add-numbers: add(a, b) -> int, 1000 ms per test.
BROKEN: dict[str, dict[str, str]] = {
    "python": {
        "compile": "def add(a, b):\n    return a +\n",
        "runtime": "def add(a, b):\n    return [a, b][5]\n",
        "timeout": "def add(a, b):\n    while True:\n        a += 1\n",
        "memory": "def add(a, b):\n    hoard = []\n    while True:\n        hoard.append(' ' * 10**6)\n",
        "output": "def add(a, b):\n    while True:\n        print('x' * 10_000)\n",
    },
    "javascript": {
        "compile": "var add = function(a, b) {\n  return a + ;\n};\n",
        "runtime": "var add = function(a, b) {\n  return null.value;\n};\n",
        "timeout": "var add = function(a, b) {\n  for (;;) { a++; }\n};\n",
        "memory": "var add = function(a, b) {\n  const hoard = [];\n"
                  "  while (true) hoard.push(new Array(1e6).fill(1));\n};\n",
        "output": "var add = function(a, b) {\n  while (true) console.log('x'.repeat(10000));\n};\n",
    },
    "cpp": {
        "compile": "class Solution {\npublic:\n    int add(int a, int b) { return a + ; }\n};\n",
        "runtime": "class Solution {\npublic:\n    int add(int a, int b) {\n"
                   "        vector<int> v;\n        return v.at(a + 100);\n    }\n};\n",
        "timeout": "class Solution {\npublic:\n    int add(int a, int b) {\n"
                   "        volatile long x = 0;\n        while (true) x++;\n    }\n};\n",
        "memory": "class Solution {\npublic:\n    int add(int a, int b) {\n        vector<vector<int>> hoard;\n"
                  "        while (true) hoard.emplace_back(1000000, 1);\n    }\n};\n",
        "output": "class Solution {\npublic:\n    int add(int a, int b) {\n"
                  "        while (true) printf(\"%s\\n\", string(10000, 'x').c_str());\n    }\n};\n",
    },
    "java": {
        "compile": "class Solution {\n    public int add(int a, int b) { return a + ; }\n}\n",
        "runtime": "class Solution {\n    public int add(int a, int b) {\n"
                   "        int[] v = new int[1];\n        return v[a + 100];\n    }\n}\n",
        "timeout": "class Solution {\n    public int add(int a, int b) { while (true) { a++; } }\n}\n",
        "memory": "class Solution {\n    public int add(int a, int b) {\n"
                  "        List<int[]> hoard = new ArrayList<>();\n"
                  "        while (true) hoard.add(new int[1000000]);\n    }\n}\n",
        "output": "class Solution {\n    public int add(int a, int b) {\n"
                  "        while (true) System.out.println(\"x\".repeat(10000));\n    }\n}\n",
    },
}

LANGUAGES = tuple(CORRECT)


@pytest.mark.parametrize("slug", PROBLEMS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_correct_solution_is_accepted(judge: Judge, language: str, slug: str) -> None:
    require(language)
    problem = load_problem(slug)
    report = judge.run(problem, CORRECT[language][slug], language, JudgeMode.SUBMIT)
    assert report.verdict is Verdict.ACCEPTED, report.message
    assert report.passed == report.total == len(problem.tests)
    assert all(t.hidden and t.input is None and t.actual is None for t in report.tests)
    assert report.memory_kb > 0 and report.isolation == judge.isolation_level()
    run = judge.run(problem, CORRECT[language][slug], language, JudgeMode.RUN)
    assert run.verdict is Verdict.ACCEPTED, run.message
    example = run.tests[0]
    assert not example.hidden
    assert example.input == problem.examples[0].input and example.actual == example.expected


@pytest.mark.parametrize("slug", PROBLEMS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_wrong_solution_is_wrong_answer(judge: Judge, language: str, slug: str) -> None:
    require(language)
    problem = load_problem(slug)
    report = judge.run(problem, WRONG[language][slug], language, JudgeMode.RUN)
    assert report.verdict is Verdict.WRONG_ANSWER, report.message
    assert report.first_failure == 0
    example = report.tests[0]
    assert example.expected == problem.examples[0].output and example.actual != example.expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_compile_error(judge: Judge, language: str) -> None:
    require(language)
    report = judge.run(load_problem("add-numbers"), BROKEN[language]["compile"], language, JudgeMode.SUBMIT)
    assert report.verdict is Verdict.COMPILE_ERROR
    assert report.passed == 0 and report.message
    assert "cloudinterview-judge-" not in report.message  # the work directory's path is not shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_runtime_error(judge: Judge, language: str) -> None:
    require(language)
    report = judge.run(load_problem("add-numbers"), BROKEN[language]["runtime"], language, JudgeMode.RUN)
    assert report.verdict is Verdict.RUNTIME_ERROR
    assert report.first_failure == 0 and report.tests[0].message


@pytest.mark.parametrize("language", LANGUAGES)
def test_time_limit_exceeded(judge: Judge, language: str) -> None:
    require(language)
    problem = load_problem("add-numbers")
    report = judge.run(problem, BROKEN[language]["timeout"], language, JudgeMode.SUBMIT)
    assert report.verdict is Verdict.TIME_LIMIT_EXCEEDED
    assert report.tests[0].verdict is Verdict.TIME_LIMIT_EXCEEDED
    assert report.passed == 0 and report.first_failure == 0


def test_java_solutions_may_use_lists_instead_of_arrays(judge: Judge) -> None:
    require("java")
    code = ("class Solution {\n    public List<Integer> twoSum(List<Integer> nums, int target) {\n"
            "        Map<Integer, Integer> seen = new HashMap<>();\n"
            "        for (int i = 0; i < nums.size(); i++) {\n"
            "            int want = target - nums.get(i);\n"
            "            if (seen.containsKey(want)) return List.of(seen.get(want), i);\n"
            "            seen.put(nums.get(i), i);\n        }\n        return List.of();\n    }\n}\n")
    report = judge.run(load_problem("two-sum"), code, "java", JudgeMode.SUBMIT)
    assert report.verdict is Verdict.ACCEPTED, report.message


def test_cpp_solution_may_declare_wider_types(judge: Judge) -> None:
    require("cpp")
    code = ("class Solution {\npublic:\n    long long add(long long a, long long b) const { return a + b; }\n};\n")
    report = judge.run(load_problem("add-numbers"), code, "cpp", JudgeMode.SUBMIT)
    assert report.verdict is Verdict.ACCEPTED, report.message


@pytest.mark.parametrize("language", LANGUAGES)
def test_printing_is_captured_per_test(judge: Judge, language: str) -> None:
    require(language)
    code = {
        "python": "def add(a, b):\n    print('sum', a + b)\n    return a + b\n",
        "javascript": "var add = function(a, b) { console.log('sum', a + b); return a + b; };\n",
        "cpp": "class Solution {\npublic:\n    int add(int a, int b) { cout << \"sum \" << a + b << endl; "
               "return a + b; }\n};\n",
        "java": "class Solution {\n    public int add(int a, int b) { System.out.println(\"sum \" + (a + b)); "
                "return a + b; }\n}\n",
    }[language]
    report = judge.run(load_problem("add-numbers"), code, language, JudgeMode.RUN,
                       custom_inputs=[{"a": 40, "b": 2}])
    assert report.verdict is Verdict.ACCEPTED, report.message
    assert [t.stdout.strip() for t in report.tests] == ["sum 3", "sum 42"]
    assert report.tests[1].expected == 42  # from the reference solution


@pytest.mark.parametrize("language", LANGUAGES)
def test_memory_limit_exceeded(judge: Judge, language: str) -> None:
    require(language)
    report = judge.run(load_problem("add-numbers"), BROKEN[language]["memory"], language, JudgeMode.RUN)
    assert report.verdict is Verdict.MEMORY_LIMIT_EXCEEDED, report.message


@pytest.mark.parametrize("language", LANGUAGES)
def test_output_limit_exceeded(judge: Judge, language: str) -> None:
    require(language)
    report = judge.run(load_problem("add-numbers"), BROKEN[language]["output"], language, JudgeMode.RUN)
    assert report.verdict is Verdict.OUTPUT_LIMIT_EXCEEDED, report.message
    assert len(report.tests[0].stdout) <= 64 * 1024


@pytest.fixture(scope="module", params=("bubblewrap", "namespaces", "rlimits"))
def level_judge(request: pytest.FixtureRequest, judge_cache: Path) -> Judge:
    judge = Judge(cache_dir=judge_cache, isolation=request.param)
    if judge.isolation_level() != request.param:
        pytest.skip(f"isolation level {request.param} is not available here")
    return judge


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_isolation_level_runs_every_language(level_judge: Judge, language: str) -> None:
    # A compiled language runs twice in one work directory (compile, then run): every level must allow that.
    require(language)
    code = {"python": "def add(a, b):\n    return a + b\n", "javascript": "var add = (a, b) => a + b;\n",
            "cpp": "class Solution {\npublic:\n    int add(int a, int b) { return a + b; }\n};\n",
            "java": "class Solution {\n    public int add(int a, int b) { return a + b; }\n}\n"}[language]
    report = level_judge.run(load_problem("add-numbers"), code, language, JudgeMode.SUBMIT)
    assert report.verdict is Verdict.ACCEPTED, report.message
    assert report.isolation == level_judge.isolation_level()
