"""Starter code per language, generated from the signature with LeetCode's conventions."""

from __future__ import annotations

import dataclasses

import pytest

from cloudinterview_desktop.domain.judging import JudgeMode, Verdict
from cloudinterview_desktop.judge.judge import Judge, starter_code
from cloudinterview_desktop.judge.languages import language_named
from tests.judge.conftest import load_problem

EXPECTED = {
    ("two-sum", "python"): "def two_sum(nums: list[int], target: int) -> list[int]:",
    ("two-sum", "javascript"): "var twoSum = function(nums, target) {",
    ("two-sum", "cpp"): "vector<int> twoSum(vector<int>& nums, int target) {",
    ("two-sum", "java"): "public int[] twoSum(int[] nums, int target) {",
    ("min-stack", "python"): "def get_min(self) -> int:",
    ("min-stack", "javascript"): "MinStack.prototype.getMin = function() {",
    ("min-stack", "cpp"): "int getMin() {",
    ("min-stack", "java"): "public int getMin() {",
    ("reverse-list", "python"): "def reverse_list(head: ListNode | None) -> ListNode | None:",
    ("reverse-list", "javascript"): " * @param {ListNode} head",
    ("reverse-list", "cpp"): "ListNode* reverseList(ListNode* head) {",
    ("reverse-list", "java"): "public ListNode reverseList(ListNode head) {",
    ("invert-tree", "cpp"): "TreeNode* invertTree(TreeNode* root) {",
    ("mean-value", "cpp"): "double meanValue(vector<double>& nums) {",
    ("mean-value", "java"): "public double meanValue(double[] nums) {",
    ("mean-value", "javascript"): " * @return {number}",
}


@pytest.mark.parametrize(("slug", "language"), sorted(EXPECTED))
def test_starter_declares_the_signature(slug: str, language: str) -> None:
    assert EXPECTED[(slug, language)] in starter_code(load_problem(slug), language)


def test_java_nested_list_returns_are_lists() -> None:
    problem = load_problem("two-sum")
    signature = problem.signature
    assert signature is not None
    nested = dataclasses.replace(signature, returns=dataclasses.replace(
        signature.returns, item=signature.returns))
    code = starter_code(dataclasses.replace(problem, signature=nested), "java")
    assert "public List<List<Integer>> twoSum(int[] nums, int target)" in code


def test_problem_starter_wins() -> None:
    problem = dataclasses.replace(load_problem("two-sum"), starter={"python": "# mine\n"})
    assert starter_code(problem, "python") == "# mine\n"
    assert "twoSum" in starter_code(problem, "cpp")


@pytest.mark.parametrize("language", ["python", "javascript", "cpp"])
def test_starter_code_runs_without_compile_error(judge: Judge, language: str) -> None:
    # Java's starter does not compile until it returns something, as on LeetCode.
    status = language_named(language).toolchain()
    if not status.available:
        pytest.skip(status.detail)
    problem = load_problem("min-stack")
    report = judge.run(problem, starter_code(problem, language), language, JudgeMode.RUN)
    assert report.verdict not in (Verdict.COMPILE_ERROR, Verdict.INTERNAL_ERROR), report.message
