"""Smoke check run inside a frozen build: the embedded GGUF loads with the bundled llama.cpp and answers.

    dist/cloudinterview/cloudinterview --run-python-harness installer/smoke_llm.py
Prints "llm ok: ..." and exits 0, or raises.
"""

from __future__ import annotations

import time


def main() -> int:
    import llama_cpp

    from cloudinterview_desktop.embedded_models import embedded_llm

    model = embedded_llm()
    if not model.found:
        print(f"embedded model missing: {model.path}")
        return 1
    started = time.monotonic()
    llm = llama_cpp.Llama(model_path=str(model.path), n_ctx=512, n_threads=2, verbose=False)
    reply = llm.create_chat_completion(messages=[{"role": "user", "content": "Say hello in three words."}],
                                       max_tokens=16, temperature=0.0)
    text = str(reply["choices"][0]["message"]["content"]).strip()
    if not text:
        print("the model returned no text")
        return 1
    print(f"llm ok: {text[:60]!r} in {time.monotonic() - started:.1f} s "
          f"(GPU offload {'available' if llama_cpp.llama_supports_gpu_offload() else 'off'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
