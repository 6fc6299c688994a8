"""JavaScript: Node.js running harness/javascript_harness.js, which loads the solution with `vm`."""

from __future__ import annotations

from pathlib import Path

from cloudinterview_desktop.domain.judging import ToolchainStatus
from cloudinterview_desktop.domain.problems import CodingProblem, Param, TypeSpec, camel_case, signature_to_raw
from cloudinterview_desktop.judge.languages.base import (
    PAYLOAD,
    Job,
    Profile,
    Program,
    Step,
    copy_harness,
    positional_tests,
    test_lines,
    write_jsonl_payload,
    write_text,
)
from cloudinterview_desktop.judge.sandbox import RESULT_FD
from cloudinterview_desktop.judge.toolchains import exposed_prefixes, missing, version_line, which
from cloudinterview_desktop.judge.typemap import js_type

HARNESS = "javascript_harness.js"
DATASTRUCTURES = "datastructures.js"  # LeetCode's @datastructures-js packages, vendored from npm
SOURCE = "solution.js"
NODE_CLASSES = """/**
 * Provided by the judge:
 * function ListNode(val, next) { this.val = (val===undefined ? 0 : val); this.next = (next===undefined ? null : next) }
 * function TreeNode(val, left, right) { this.val = (val===undefined ? 0 : val); this.left = ...; this.right = ... }
 */
"""


def _doc(params: tuple[Param, ...], returns: TypeSpec | None) -> str:
    lines = [f" * @param {{{js_type(p.type)}}} {p.name}" for p in params]
    if returns is not None:
        lines.append(f" * @return {{{js_type(returns)}}}")
    return "/**\n" + "\n".join(lines) + "\n */\n" if lines else ""


def javascript_starter(problem: CodingProblem) -> str:
    signature = problem.signature
    assert signature is not None
    types = [p.type for p in (*signature.params, *signature.constructor)] + [signature.returns]
    types += [t for m in signature.methods for t in (m.returns, *(p.type for p in m.params))]
    header = NODE_CLASSES if any(t.base in ("ListNode", "TreeNode") for t in types) else ""
    if signature.is_design:
        cls = signature.class_name
        ctor_args = ", ".join(p.name for p in signature.constructor)
        parts = [_doc(signature.constructor, None) + f"var {cls} = function({ctor_args}) {{\n    \n}};\n"]
        for method in signature.methods:
            args = ", ".join(p.name for p in method.params)
            parts.append(_doc(method.params, method.returns)
                         + f"{cls}.prototype.{camel_case(method.name)} = function({args}) {{\n    \n}};\n")
        return header + "\n".join(parts)
    args = ", ".join(p.name for p in signature.params)
    return (header + _doc(signature.params, signature.returns)
            + f"var {camel_case(signature.function)} = function({args}) {{\n    \n}};\n")


class JavaScript:
    name: str = "javascript"
    title: str = "JavaScript (Node.js)"
    extensions: tuple[str, ...] = (".js", ".mjs", ".cjs")

    def _node(self) -> str | None:
        return which("node", "nodejs")

    def toolchain(self) -> ToolchainStatus:
        node = self._node()
        if node is None:
            return missing(self.name, "Node.js 18 or newer", "e.g. `sudo apt install nodejs` or `brew install node`")
        version = version_line((node, "--version"))
        return ToolchainStatus(language=self.name, available=True, version=f"Node.js {version}",
                               commands={"node": node})

    def starter(self, problem: CodingProblem) -> str:
        return javascript_starter(problem)

    def prepare(self, job: Job, workdir: Path, cache_dir: Path) -> Program:
        node = self._node()
        assert node is not None and job.problem.signature is not None
        copy_harness(workdir, HARNESS)
        copy_harness(workdir, DATASTRUCTURES)
        write_text(workdir / SOURCE, job.code)
        header = {"source": SOURCE, "signature": signature_to_raw(job.problem.signature),
                  "output_limit": job.output_limit}
        write_jsonl_payload(workdir, header, [])
        # V8 reserves far more address space than it uses, so memory is bounded by its heap limit (and the
        # sandbox's resident-memory watch) instead of RLIMIT_AS; the stack flag matches the 256 MiB RLIMIT_STACK.
        argv = (node, f"--max-old-space-size={job.memory_mb}", "--stack-size=65500", HARNESS, PAYLOAD, RESULT_FD)
        return Program(run=Step(argv=argv, expose=exposed_prefixes(node)),
                       profile=Profile(startup_s=10.0, overhead_mb=160, address_space=False, processes=64,
                                       open_files=128),
                       tests=test_lines(positional_tests(job)), ready=True)
