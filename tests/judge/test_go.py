"""Go, the fifth language: accepted and wrong solutions (a function, a design class, ListNode, TreeNode, floats),
compile errors with Go's own messages, panics, time, memory and output limits, per-test printing, starter code for
every coding item of the bank, and the CLI. Skipped where `go` is not installed."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from cloudinterview_desktop.bank.item_format import load_item_file
from cloudinterview_desktop.domain.judging import JudgeMode, Verdict
from cloudinterview_desktop.domain.problems import CodingProblem, camel_case
from cloudinterview_desktop.judge.judge import Judge, starter_code
from cloudinterview_desktop.judge.languages import language_for_file, language_named
from cloudinterview_desktop.judge.languages.go import go_starter, solution_source
from tests.judge.conftest import FIXTURES, load_problem
from tests.judge.test_cli import main

REPO = Path(__file__).resolve().parents[2]
GO = language_named("go")
needs_go = pytest.mark.skipif(not GO.toolchain().available, reason=GO.toolchain().detail)

CORRECT = {
    "two-sum": "func twoSum(nums []int, target int) []int {\n    seen := map[int]int{}\n"
               "    for i, x := range nums {\n        if j, ok := seen[target-x]; ok {\n"
               "            return []int{j, i}\n        }\n        seen[x] = i\n    }\n    return nil\n}\n",
    "min-stack": "type MinStack struct {\n    items [][2]int\n}\n\nfunc Constructor() MinStack {\n"
                 "    return MinStack{}\n}\n\nfunc (this *MinStack) Push(val int) {\n    low := val\n"
                 "    if n := len(this.items); n > 0 && this.items[n-1][1] < low {\n"
                 "        low = this.items[n-1][1]\n    }\n    this.items = append(this.items, [2]int{val, low})\n}\n\n"
                 "func (this *MinStack) Pop() {\n    this.items = this.items[:len(this.items)-1]\n}\n\n"
                 "func (this *MinStack) Top() int {\n    return this.items[len(this.items)-1][0]\n}\n\n"
                 "func (this *MinStack) GetMin() int {\n    return this.items[len(this.items)-1][1]\n}\n",
    "reverse-list": "func reverseList(head *ListNode) *ListNode {\n    var prev *ListNode\n"
                    "    for head != nil {\n        head.Next, prev, head = prev, head, head.Next\n    }\n"
                    "    return prev\n}\n",
    "invert-tree": "func invertTree(root *TreeNode) *TreeNode {\n    if root != nil {\n"
                   "        root.Left, root.Right = invertTree(root.Right), invertTree(root.Left)\n    }\n"
                   "    return root\n}\n",
    "mean-value": "func meanValue(nums []float64) float64 {\n    total := 0.0\n    for _, x := range nums {\n"
                  "        total += x\n    }\n    return total / float64(len(nums))\n}\n",
}
WRONG = {
    "two-sum": "func twoSum(nums []int, target int) []int {\n    return []int{0, 0}\n}\n",
    "min-stack": CORRECT["min-stack"].replace("return this.items[len(this.items)-1][1]",
                                              "return this.items[len(this.items)-1][0]"),
    "reverse-list": "func reverseList(head *ListNode) *ListNode {\n    return head\n}\n",
    "invert-tree": "func invertTree(root *TreeNode) *TreeNode {\n    return root\n}\n",
    "mean-value": "func meanValue(nums []float64) float64 {\n    return 0\n}\n",
}


def add(body: str, imports: str = "") -> str:
    return f"{imports}func add(a int, b int) int {{\n{body}\n}}\n"


@needs_go
@pytest.mark.parametrize("slug", tuple(CORRECT))
def test_correct_solution_is_accepted(judge: Judge, slug: str) -> None:
    problem = load_problem(slug)
    report = judge.run(problem, CORRECT[slug], "go", JudgeMode.SUBMIT)
    assert report.verdict is Verdict.ACCEPTED, report.message or report.tests
    assert report.passed == report.total == len(problem.tests) and report.memory_kb > 0
    run = judge.run(problem, CORRECT[slug], "go", JudgeMode.RUN)
    assert run.verdict is Verdict.ACCEPTED, run.message
    assert run.tests[0].actual == run.tests[0].expected == problem.examples[0].output


@needs_go
@pytest.mark.parametrize("slug", tuple(WRONG))
def test_wrong_solution_is_wrong_answer(judge: Judge, slug: str) -> None:
    problem = load_problem(slug)
    report = judge.run(problem, WRONG[slug], "go", JudgeMode.RUN)
    assert report.verdict is Verdict.WRONG_ANSWER, report.message or report.tests
    assert report.first_failure == 0 and report.tests[0].actual != report.tests[0].expected


@needs_go
def test_compile_error_shows_gos_message_with_the_candidates_line_numbers(judge: Judge) -> None:
    report = judge.run(load_problem("add-numbers"), add("    return a +"), "go", JudgeMode.SUBMIT)
    assert report.verdict is Verdict.COMPILE_ERROR and report.passed == 0
    assert "solution.go:3:1: syntax error" in report.message, report.message
    assert "cloudinterview-judge-" not in report.message


@needs_go
def test_an_unused_import_is_a_readable_compile_error(judge: Judge) -> None:
    code = add("    return a + b", imports='import "sort"\n\n')
    report = judge.run(load_problem("add-numbers"), code, "go", JudgeMode.SUBMIT)
    assert report.verdict is Verdict.COMPILE_ERROR
    # Go 1.19 writes `imported and not used: "sort"`, later ones `"sort" imported and not used`.
    assert "solution.go:1:8: " in report.message and "imported and not used" in report.message, report.message
    assert '"sort"' in report.message


@needs_go
def test_imports_of_the_standard_library_work(judge: Judge) -> None:
    code = ('import (\n    "sort"\n    "strings"\n    "container/heap"\n)\n\ntype h []int\n\n'
            "func (x h) Len() int { return len(x) }\nfunc (x h) Less(i, j int) bool { return x[i] < x[j] }\n"
            "func (x h) Swap(i, j int) { x[i], x[j] = x[j], x[i] }\n"
            "func (x *h) Push(v interface{}) { *x = append(*x, v.(int)) }\n"
            "func (x *h) Pop() interface{} { v := (*x)[len(*x)-1]; *x = (*x)[:len(*x)-1]; return v }\n\n"
            + add("    s := []int{b, a}\n    sort.Ints(s)\n    q := &h{}\n    heap.Push(q, s[0])\n"
                  "    heap.Push(q, s[1])\n    _ = strings.Repeat(\"x\", 1)\n"
                  "    return heap.Pop(q).(int) + heap.Pop(q).(int)"))
    report = judge.run(load_problem("add-numbers"), code, "go", JudgeMode.SUBMIT)
    assert report.verdict is Verdict.ACCEPTED, report.message


@needs_go
def test_a_missing_method_is_a_compile_error_naming_it(judge: Judge) -> None:
    code = CORRECT["min-stack"].split("func (this *MinStack) GetMin")[0]
    report = judge.run(load_problem("min-stack"), code, "go", JudgeMode.SUBMIT)
    assert report.verdict is Verdict.COMPILE_ERROR and "GetMin" in report.message, report.message


@needs_go
@pytest.mark.parametrize(("body", "fragment"), [
    ("    s := []int{}\n    return s[a+5]", "index out of range"),
    ('    panic("boom")', "panic: boom"),
    ("    var p *ListNode\n    return p.Val + a + b", "nil pointer dereference"),
])
def test_a_panic_is_a_runtime_error_with_its_message(judge: Judge, body: str, fragment: str) -> None:
    report = judge.run(load_problem("add-numbers"), add(body), "go", JudgeMode.RUN)
    assert report.verdict is Verdict.RUNTIME_ERROR
    assert report.first_failure == 0 and fragment in report.tests[0].message, report.tests[0].message
    assert "solution.go:" in report.tests[0].message


@needs_go
def test_an_endless_loop_is_time_limit_exceeded(judge: Judge) -> None:
    report = judge.run(load_problem("add-numbers"), add("    for {\n    }"), "go", JudgeMode.SUBMIT)
    assert report.verdict is Verdict.TIME_LIMIT_EXCEEDED
    assert report.tests[0].verdict is Verdict.TIME_LIMIT_EXCEEDED and report.first_failure == 0


@needs_go
def test_hoarding_memory_is_memory_limit_exceeded(judge: Judge) -> None:
    body = ("    hoard := [][]byte{}\n    for {\n        block := make([]byte, 1<<20)\n"
            "        for i := range block {\n            block[i] = 1\n        }\n"
            "        hoard = append(hoard, block)\n    }")
    report = judge.run(load_problem("add-numbers"), add(body), "go", JudgeMode.RUN)
    assert report.verdict is Verdict.MEMORY_LIMIT_EXCEEDED, report.message or report.tests


@needs_go
def test_printing_without_end_is_output_limit_exceeded(judge: Judge) -> None:
    body = '    for {\n        fmt.Println(strings.Repeat("x", 10000))\n    }'
    code = add(body, imports='import (\n    "fmt"\n    "strings"\n)\n\n')
    report = judge.run(load_problem("add-numbers"), code, "go", JudgeMode.RUN)
    assert report.verdict is Verdict.OUTPUT_LIMIT_EXCEEDED, report.message or report.tests
    assert len(report.tests[0].stdout) <= 64 * 1024


@needs_go
def test_printing_is_captured_per_test_and_stdin_is_empty(judge: Judge) -> None:
    body = ('    rest, err := io.ReadAll(os.Stdin)\n    fmt.Println("sum", a+b, len(rest), err)\n'
            '    fmt.Fprintln(os.Stderr, "to stderr")\n    return a + b')
    code = add(body, imports='import (\n    "fmt"\n    "io"\n    "os"\n)\n\n')
    report = judge.run(load_problem("add-numbers"), code, "go", JudgeMode.RUN, custom_inputs=[{"a": 40, "b": 2}])
    assert report.verdict is Verdict.ACCEPTED, report.message
    assert [t.stdout.strip() for t in report.tests] == ["sum 3 0 <nil>", "sum 42 0 <nil>"]
    assert [t.stderr.strip() for t in report.tests] == ["to stderr", "to stderr"]
    assert report.tests[1].expected == 42


@needs_go
def test_wider_declared_types_are_converted(judge: Judge) -> None:
    code = "func add(a int64, b int32) int64 {\n    return a + int64(b)\n}\n"
    assert judge.run(load_problem("add-numbers"), code, "go", JudgeMode.SUBMIT).verdict is Verdict.ACCEPTED


def test_starter_code_follows_leetcodes_go() -> None:
    assert starter_code(load_problem("two-sum"), "go") == \
        "func twoSum(nums []int, target int) []int {\n    \n}\n"
    design = starter_code(load_problem("min-stack"), "go")
    assert "type MinStack struct {" in design and "func Constructor() MinStack {" in design
    assert "func (this *MinStack) Push(val int) {" in design and "func (this *MinStack) GetMin() int {" in design
    listed = starter_code(load_problem("reverse-list"), "go")
    assert "type ListNode struct" in listed and "func reverseList(head *ListNode) *ListNode {" in listed
    assert "func meanValue(nums []float64) float64 {" in starter_code(load_problem("mean-value"), "go")
    assert solution_source("package main\n\nfunc f() {}\n").startswith("package main\n")
    assert solution_source("// note\nfunc f() {}\n") == "package main\n//line solution.go:1:1\n// note\nfunc f() {}\n"


def _bank_problems() -> list[CodingProblem]:
    problems = []
    for path in sorted((REPO / "resources" / "bank" / "coding").glob("*.json")):
        problem = load_item_file(path)
        if isinstance(problem, CodingProblem) and problem.signature is not None and not problem.python_only:
            problems.append(problem)
    return problems


def test_every_coding_item_of_the_bank_has_go_starter_code() -> None:
    problems = _bank_problems()
    assert len(problems) > 50
    starters = {p.slug: go_starter(p) for p in problems}
    for problem in problems:
        assert problem.signature is not None
        if problem.signature.is_design:
            assert "func Constructor(" in starters[problem.slug], problem.slug
        else:
            assert f"func {camel_case(problem.signature.function)}(" in starters[problem.slug], problem.slug
    gofmt = shutil.which("gofmt")
    if gofmt is None:
        pytest.skip("gofmt is not installed: the starters' syntax is not checked")
    for slug, starter in starters.items():  # Go's own parser: every starter is well-formed Go
        done = subprocess.run([gofmt, "-e"], input="package main\n" + starter, capture_output=True, text=True,
                              check=False)
        assert done.returncode == 0, f"{slug}: {done.stderr}\n{starter}"


@needs_go
def test_the_cli_judges_a_go_file(judge: Judge, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    solution = tmp_path / "add.go"
    solution.write_text(add("    return a + b"), encoding="utf-8")
    assert language_for_file(solution.name).name == "go"
    for extra in ([], ["--language", "go"]):
        assert main(["judge", str(FIXTURES / "add-numbers.json"), str(solution), "--json", *extra], judge) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["verdict"] == "accepted" and data["language"] == "go" and data["passed"] == 3


def test_the_toolchain_is_reported_for_doctor() -> None:
    status = Judge().toolchains()["go"]
    assert status.language == "go"
    if status.available:
        assert status.version.startswith("go version go")
    else:
        assert "golang-go" in status.detail
