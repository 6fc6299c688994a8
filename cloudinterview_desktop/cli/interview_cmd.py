"""`cloudinterview interview`: a terminal interview on the same session service as the GUI; works with piped stdin."""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Iterator
from typing import TextIO

from cloudinterview_desktop.cli.context import CliContext, CommandError
from cloudinterview_desktop.domain.errors import DomainError
from cloudinterview_desktop.domain.judging import JudgeMode, JudgeReport
from cloudinterview_desktop.domain.languages import LANGUAGES
from cloudinterview_desktop.domain.modes import DEFAULT_MODE, all_modes
from cloudinterview_desktop.domain.problems import JOB_TYPES, SENIORITIES
from cloudinterview_desktop.domain.session import (
    AIResponse,
    InterviewSession,
    InterviewStyle,
    Mode,
    SessionConfig,
    SessionStatus,
)
from cloudinterview_desktop.interviewer.clarify import is_question
from cloudinterview_desktop.judge.protection import ALLOW_FLAG, UnisolatedRunRefused
from cloudinterview_desktop.service.session_service import SessionService, SessionStep, UnknownProblem

HELP = ("Type your answer and end it with a line holding a single '.'.  Commands: /next (skip), /hint, "
        "/run [language] and /submit [language] (then the code, ended by '.'), /end (finish and get feedback), "
        "/quit (leave; resume later with --resume).")
CLARIFYING_WORDS = 30  # a typed block this short that ends with "?" is a question to the interviewer


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("interview", help="run an interview in the terminal (stdin may be a pipe)",
                       description=HELP)
    p.add_argument("--mode", choices=[spec.key for spec in all_modes()], default=DEFAULT_MODE.value)
    p.add_argument("--job", choices=JOB_TYPES, default="software")
    p.add_argument("--seniority", choices=SENIORITIES, default="mid")
    p.add_argument("--difficulty", choices=["easy", "medium", "hard"], default="medium")
    p.add_argument("--questions", type=int, default=4, help="number of questions (default 4)")
    p.add_argument("--coding", type=int, default=2, help="coding problems in technical mode (default 2)")
    p.add_argument("--duration", type=int, default=45, help="planned minutes (default 45)")
    p.add_argument("--style", choices=[s.value for s in InterviewStyle], default=InterviewStyle.INTERVIEWER.value)
    p.add_argument("--language", choices=list(LANGUAGES), default="python", help="default language for code")
    p.add_argument("--jd", default="", help="the job description text")
    p.add_argument("--jd-file", help="read the job description from a file")
    p.add_argument("--seed", type=int, help="fix the question selection")
    p.add_argument("--problem", action="append", default=[], metavar="SLUG",
                   help="ask this bank question (repeatable; asked in the order given, instead of a selection)")
    p.add_argument("--resume", metavar="ID", help="continue an interrupted session")
    p.add_argument("--no-model", action="store_true",
                   help="practise without the language model: the question bank's interviewer, measured feedback")
    p.add_argument(ALLOW_FLAG, dest="allow_unisolated", action="store_true",
                   help="let /run and /submit run your code where it cannot be sandboxed (isolation 'rlimits'); "
                        "without it, and unless you allowed it in the window, they stop the interview (exit code 2)")
    p.set_defaults(handler=run)


def read_blocks(stream: TextIO) -> Iterator[str]:
    """Yield commands (a line starting with '/') and answer blocks (lines up to a lone '.'); EOF ends a block."""
    block: list[str] = []
    for raw in stream:
        line = raw.rstrip("\n")
        if not block and line.startswith("/"):
            yield line.strip()
            continue
        if line.strip() == ".":
            yield "\n".join(block)
            block = []
            continue
        block.append(line)
    if any(line.strip() for line in block):
        yield "\n".join(block)


class TerminalInterview:
    def __init__(self, service: SessionService, session: InterviewSession, stdin: TextIO, stdout: TextIO,
                 default_language: str) -> None:
        self.service = service
        self.session = session
        self.blocks = read_blocks(stdin)
        self.out = stdout
        self.language = default_language
        self.followed_up: set[int] = set()
        self.checking: threading.Thread | None = None  # the model's capability check, run beside the interview
        self.exit_code = 0

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def stream(self, token: str) -> None:
        self.out.write(token)
        self.out.flush()

    def show_turns(self, messages: tuple[AIResponse, ...]) -> None:
        for message in messages:
            if message.purpose == "question" and message.question_index is not None:
                question = self.session.questions[message.question_index]
                self.say(f"\n=== Question {question.index + 1} of {len(self.session.questions)}: {question.title} "
                         f"[{question.kind}, {question.difficulty}] ===")
                self.say(question.prompt)
            self.say(f"\nInterviewer: {message.content}")

    def show_current(self) -> None:
        question = self.session.current_question
        if question is not None:
            self.say(f"\n=== Question {question.index + 1} of {len(self.session.questions)}: {question.title} "
                     f"[{question.kind}, {question.difficulty}] ===")
            self.say(question.prompt)

    def apply(self, step: SessionStep) -> None:
        self.session = step.session
        self.show_turns(step.messages)

    def advance(self) -> None:
        if self.session.is_last_question:
            self.say("\nThat was the last question. Type /end for your feedback, or add to your answer.")
            return
        self.apply(self.service.next_question(self.session.id))

    def read_code(self) -> str | None:
        return next(self.blocks, None)

    def show_report(self, report: JudgeReport) -> None:
        self.say(f"{report.mode.value}: {report.verdict.value}  {report.passed}/{report.total} tests  "
                 f"{report.time_ms:.0f} ms")
        for test in report.tests:
            if not test.hidden:
                self.say(f"  example {test.index + 1}: {test.verdict.value}  got {test.actual!r}  "
                         f"expected {test.expected!r}")
        if report.message:
            self.say(report.message)

    def handle_command(self, line: str) -> bool:
        """Run one command; False when the interview loop must stop."""
        name, _, arg = line.partition(" ")
        if name == "/quit":
            return False
        if name == "/help":
            self.say(HELP)
        elif name == "/next":
            self.advance()
        elif name == "/hint":
            hint = self.service.hint(self.session.id)
            self.session = hint.session
            self.say(f"\nHint (level {hint.level}): {hint.text}")
        elif name in ("/run", "/submit"):
            language = arg.strip() or self.language
            code = self.read_code()
            if code is None:
                self.say("no code given")
                return False
            try:
                if name == "/submit":
                    step = self.service.submit_code(self.session.id, code, language)
                else:
                    step = self.service.run_code(self.session.id, code, language, JudgeMode.RUN)
            except UnisolatedRunRefused as exc:
                print(f"error: {exc}", file=sys.stderr)
                self.exit_code = 2  # the session is kept: resume it with --resume and the flag
                return False
            self.session = step.session
            assert step.report is not None
            self.show_report(step.report)
            index = self.session.current_question_index
            if name == "/submit" and step.report.accepted:
                self.say(f"saved: solution to question {index + 1}")
            self.show_turns(step.messages)
            if name == "/submit" and step.report.accepted:
                if step.messages:
                    self.followed_up.add(index)  # the reply to this follow-up moves the interview on
                else:
                    self.advance()
        elif name == "/end":
            if self.checking is not None:
                self.checking.join()  # the feedback says whether a model took part, so the check must be done
            step = self.service.end_session(self.session.id, on_token=None)
            self.session = step.session
            self.show_turns(step.messages)
            self.show_feedback()
            return False
        else:
            self.say(f"unknown command {name}. {HELP}")
        return True

    def handle_answer(self, text: str) -> None:
        index = self.session.current_question_index
        if is_question(text) and text.strip().endswith("?") and len(text.split()) <= CLARIFYING_WORDS:
            step = self.service.chat(self.session.id, text)  # a clarifying question, not an answer
            self.session = step.session
            self.show_turns(step.messages)
            return
        coding = self.session.questions[index].kind == "coding"
        step = self.service.submit_answer(self.session.id, text, on_token=None,
                                          follow_up=coding or index not in self.followed_up)
        self.session = step.session
        self.say(f"saved: answer to question {index + 1} of {len(self.session.questions)}")
        if step.messages:
            self.followed_up.add(index)
            self.show_turns(step.messages)
            return
        if coding and not any(a.code for a in self.session.answers_for(index)):
            self.say("Write your solution and send it with /submit (or /run to try the examples); /next moves on.")
            return
        self.advance()

    def show_feedback(self) -> None:
        feedback = self.session.feedback.payload if self.session.feedback else {}
        overall = feedback.get("overall", {})
        self.say("\n=== Feedback ===")
        if feedback.get("label"):
            self.say(feedback["label"])
        score = overall.get("score")
        self.say(f"Score: {'not evaluated' if score is None else f'{score:.0f}/100'} ({overall.get('basis', '')})")
        for q in feedback.get("questions", []):
            line = f"  Q{q['index'] + 1} {q['title']}: {'answered' if q['answered'] else 'not answered'}"
            if q["kind"] == "coding":
                line += f", tests {q['tests_passed']}/{q['tests_total']}, hints {q['hints_used']}"
            self.say(line)
        self.say(f"\nsession {self.session.id} completed")

    def loop(self) -> int:
        for block in self.blocks:
            try:
                if block.startswith("/"):
                    if not self.handle_command(block):
                        break
                elif block.strip():
                    self.handle_answer(block)
            except DomainError as exc:
                self.say(f"! {exc}")
            if self.session.status is not SessionStatus.IN_PROGRESS:
                break
        if self.session.status is SessionStatus.IN_PROGRESS:
            allow = f" {ALLOW_FLAG}" if self.exit_code == 2 else ""
            print(f"session {self.session.id} saved; resume with: cloudinterview interview --resume "
                  f"{self.session.id}{allow}", file=sys.stderr)
        return self.exit_code


def _config(args: argparse.Namespace) -> SessionConfig:
    if args.questions < 1 or args.coding < 0 or args.duration < 1:
        raise CommandError("--questions and --duration must be positive, --coding zero or more")
    jd = args.jd
    if args.jd_file:
        try:
            with open(args.jd_file, encoding="utf-8") as handle:
                jd = handle.read()
        except OSError as exc:
            raise CommandError(f"cannot read the job description: {exc}") from exc
    return SessionConfig(mode=Mode(args.mode), job_type=args.job, seniority=args.seniority,
                         difficulty=args.difficulty, duration_min=args.duration, job_description=jd,
                         style=InterviewStyle(args.style), language=args.language,
                         question_count=args.questions, coding_count=args.coding)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    service = ctx.core.service
    if args.allow_unisolated:
        ctx.core.judge.consent.allow_for_now()
    if args.resume:
        session_id = ctx.core.sessions.resolve_id(args.resume)
        session = service.resume_session(session_id)
        terminal = TerminalInterview(service, session, sys.stdin, sys.stdout, session.config.language)
        terminal.say(f"session: {session.id} (resumed)")
        current = session.current_question_index
        if session.answers_for(current) and not session.is_last_question:
            terminal.advance()  # the answer was saved before the interruption: go on to the next question
        else:
            terminal.show_current()
        terminal.say(HELP)
        return terminal.loop()
    try:
        session = service.create_session(_config(args), seed=args.seed, problems=args.problem)
    except UnknownProblem as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    terminal = TerminalInterview(service, session, sys.stdin, sys.stdout, args.language)
    terminal.say(f"session: {session.id}")
    if not args.no_model:
        # The first turns never wait for the model: its capability check runs beside them.
        terminal.checking = threading.Thread(target=service.warm_up, name="model-check", daemon=True)
        terminal.checking.start()
    terminal.apply(service.start_session(session.id))
    terminal.say("\n" + HELP)
    code = terminal.loop()
    if terminal.checking is not None:
        terminal.checking.join()
    return code
