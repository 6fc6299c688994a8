"""The in-process llama-cpp-python backend: a validated GGUF, loaded lazily once, one request at a time."""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import llama_cpp
from llama_cpp import Llama
from llama_cpp.llama_chat_format import Jinja2ChatFormatter
from llama_cpp.llama_grammar import LlamaGrammar, json_schema_to_gbnf

from cloudinterview_desktop.ai.backends.base import ChatMessage, GenerationStats
from cloudinterview_desktop.ai.backends.json_output import validated_json
from cloudinterview_desktop.ai.errors import BackendError, ContextOverflow, ModelLoadError
from cloudinterview_desktop.ai.models.fit import GPUInfo, ModelShape, detect_gpu, suggest_gpu_layers
from cloudinterview_desktop.ai.models.gguf import GGUFInfo, inspect_gguf
from cloudinterview_desktop.domain.errors import Cancelled

# Prompts are rendered with the GGUF's own chat template. llama.cpp keeps the KV cache of the longest prefix a new
# prompt shares with the tokens it evaluated last, so a conversation whose earlier turns render byte-identically
# only pays for its newest turn.

log = logging.getLogger(__name__)

AUTO_GPU_LAYERS = -1
DEFAULT_N_CTX = 4096
# ChatML: the most common instruct format, used when a GGUF carries no chat template of its own.
CHATML_TEMPLATE = ("{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + "
                   "'<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}"
                   "{% endif %}")
_NO_ABORT = llama_cpp.ggml_abort_callback()  # a NULL callback: llama.cpp never aborts

LlamaFactory = Callable[..., Llama]


def default_threads() -> int:
    """About one thread per physical core: llama.cpp's threads spin at barriers, so more threads than free cores
    (hyper-threads, or cores busy with Whisper and the UI) make it slower, not faster."""
    return max(1, min(8, (os.cpu_count() or 2) // 2))


_CHAR_RULE = 'char ::= [^"\\\\]'
_CHAR_RULE_NO_CONTROL = 'char ::= [^"\\\\\\x00-\\x1F\\x7F]'


def json_grammar(schema: dict[str, Any]) -> str:
    """llama.cpp's grammar for a JSON schema, with string characters limited to what JSON allows unescaped: its
    converter lets raw control characters into strings, which no JSON parser accepts."""
    gbnf: str = json_schema_to_gbnf(json.dumps(schema))
    return gbnf.replace(_CHAR_RULE, _CHAR_RULE_NO_CONTROL)  # a schema of enums and numbers has no such rule


class LlamaCppBackend:
    def __init__(self, model_path: Path, *, name: str | None = None, n_ctx: int = DEFAULT_N_CTX,
                 n_threads: int | None = None, n_gpu_layers: int = AUTO_GPU_LAYERS, n_batch: int = 512,
                 seed: int = 1234, gpu: GPUInfo | None = None, llama_factory: LlamaFactory = Llama) -> None:
        self.model_path = Path(model_path)
        self._info: GGUFInfo = inspect_gguf(self.model_path)  # a clear error now rather than a crash in load()
        self._name = name or self._info.model_name
        trained = self._info.context_length or n_ctx
        self._n_ctx = trained if n_ctx <= 0 else min(n_ctx, trained)
        self._n_threads = n_threads or default_threads()
        self._requested_gpu_layers = n_gpu_layers
        self._n_batch = n_batch
        self._seed = seed
        self._gpu = gpu
        self._factory = llama_factory
        self._lock = threading.RLock()
        self._llm: Llama | None = None
        self._formatter: Jinja2ChatFormatter | None = None
        self._stop: list[str] = []
        self._gpu_layers_used = 0
        self._notes: list[str] = []
        self._grammars: dict[str, LlamaGrammar] = {}
        self._abort_event: threading.Event | None = None
        self._calls = 0
        self._abort_callback = llama_cpp.ggml_abort_callback(self._should_abort)  # kept: ctypes must not free it
        self.last_stats: GenerationStats | None = None

    # -- facts -----------------------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self._name

    @property
    def context_length(self) -> int:
        return self._n_ctx

    @property
    def notes(self) -> list[str]:
        return list(self._notes)

    @property
    def info(self) -> GGUFInfo:
        return self._info

    @property
    def gpu_layers(self) -> int:
        """The n_gpu_layers the model was loaded with (0 on the CPU); meaningful after load()."""
        return self._gpu_layers_used

    @property
    def loaded(self) -> bool:
        return self._llm is not None

    # -- loading ---------------------------------------------------------------------------------------------

    def _resolve_gpu_layers(self) -> int:
        requested = self._requested_gpu_layers
        if requested == 0:
            return 0
        gpu = self._gpu or detect_gpu()
        if not gpu.offload_supported:
            wanted = "automatic GPU offload" if requested == AUTO_GPU_LAYERS else f"{requested} GPU layers"
            self._notes.append(f"{wanted} was asked for, but this llama-cpp-python build has no GPU support "
                               "(llama_supports_gpu_offload() is false): the model runs on the CPU")
            return 0
        if requested != AUTO_GPU_LAYERS:
            return requested
        layers, _, why = suggest_gpu_layers(ModelShape.from_gguf(self._info), self._n_ctx, gpu)
        self._notes.append(f"GPU layers chosen automatically: {why}")
        return layers

    def _create(self, gpu_layers: int) -> Llama:
        return self._factory(model_path=str(self.model_path), n_ctx=self._n_ctx, n_threads=self._n_threads,
                             n_threads_batch=self._n_threads, n_gpu_layers=gpu_layers, n_batch=self._n_batch,
                             seed=self._seed, verbose=False)

    def load(self) -> None:
        """Load the model once; later calls return at once. GPU failures fall back to the CPU, with a note."""
        with self._lock:
            if self._llm is not None:
                return
            layers = self._resolve_gpu_layers()
            try:
                llm = self._create(layers)
            except (ValueError, RuntimeError, MemoryError, OSError) as exc:
                if layers == 0:
                    raise ModelLoadError(f"llama.cpp could not load {self.model_path.name}: {exc}") from exc
                self._notes.append(f"loading with {'all' if layers < 0 else layers} GPU layers failed ({exc}); "
                                   "fell back to the CPU")
                log.warning("GPU load failed, retrying on the CPU: %s", exc)
                layers = 0
                try:
                    llm = self._create(0)
                except (ValueError, RuntimeError, MemoryError, OSError) as cpu_exc:
                    raise ModelLoadError(f"llama.cpp could not load {self.model_path.name}: {cpu_exc}") from cpu_exc
            self._gpu_layers_used = layers
            self._setup_formatter(llm)
            self._llm = llm
            log.info("loaded %s (n_ctx %d, %d threads, gpu layers %d)", self.model_path.name, self._n_ctx,
                     self._n_threads, layers)

    def _setup_formatter(self, llm: Llama) -> None:
        template = self._info.chat_template
        if not template:
            template = CHATML_TEMPLATE
            self._notes.append("the model file has no chat template; the ChatML format is used, which may not be "
                               "the one this model was trained on")
        eos_id, bos_id = llm.token_eos(), llm.token_bos()
        eos = llm._model.token_get_text(eos_id) if eos_id != -1 else ""
        bos = llm._model.token_get_text(bos_id) if bos_id != -1 else ""
        self._formatter = Jinja2ChatFormatter(template=template, eos_token=eos, bos_token=bos,
                                              stop_token_ids=[eos_id] if eos_id != -1 else None)
        self._stop = [s for s in (eos, "<|im_end|>" if template is CHATML_TEMPLATE else "") if s]

    def reset_cache(self) -> None:
        """Forget the evaluated prompt, so the next call reads its whole prompt again (benchmarks use this)."""
        with self._lock:
            if self._llm is not None:
                self._llm.reset()  # type: ignore[no-untyped-call]

    def close(self) -> None:
        with self._lock:
            if self._llm is not None:
                self._llm.close()
                self._llm = None

    # -- prompts ---------------------------------------------------------------------------------------------

    def format_prompt(self, messages: Sequence[ChatMessage]) -> str:
        """The exact text the model reads for `messages` (after the chat template)."""
        self.load()
        assert self._formatter is not None
        plain = [{"role": m["role"], "content": m["content"]} for m in messages]
        try:
            return self._formatter(messages=plain).prompt  # type: ignore[arg-type]
        except ValueError as exc:
            # Some templates (Gemma's) reject a system role: fold it into the first user message instead.
            if not plain or plain[0]["role"] != "system" or len(plain) < 2:
                raise BackendError(f"the model's chat template rejected the conversation: {exc}") from exc
            system, first, rest = plain[0], plain[1], plain[2:]
            merged = [{"role": first["role"], "content": system["content"] + "\n\n" + first["content"]}, *rest]
            if "system role folded" not in " ".join(self._notes):
                self._notes.append("the chat template has no system role; system prompts are folded into the "
                                   "first user message (system role folded)")
            try:
                return self._formatter(messages=merged).prompt  # type: ignore[arg-type]
            except ValueError as again:
                raise BackendError(f"the model's chat template rejected the conversation: {again}") from again

    def tokenize_prompt(self, messages: Sequence[ChatMessage]) -> list[int]:
        prompt = self.format_prompt(messages)
        assert self._llm is not None
        return self._llm.tokenize(prompt.encode("utf-8"), add_bos=False, special=True)

    def count_tokens(self, text: str) -> int:
        self.load()
        assert self._llm is not None
        return len(self._llm.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    # -- generation ------------------------------------------------------------------------------------------

    def _should_abort(self, _data: int | None) -> bool:
        event = self._abort_event
        return event is not None and event.is_set()

    def _set_abort(self, on: bool) -> None:
        """The abort callback runs inside llama.cpp's graph compute and takes the GIL on every graph node, so it is
        on only while the prompt is evaluated (one long decode); during generation the per-token check suffices."""
        assert self._llm is not None
        llama_cpp.llama_set_abort_callback(self._llm.ctx, self._abort_callback if on else _NO_ABORT, None)

    def _acquire(self, cancel: threading.Event | None) -> None:
        while not self._lock.acquire(timeout=0.05):
            if cancel is not None and cancel.is_set():
                raise Cancelled()

    def _grammar(self, schema: dict[str, Any]) -> LlamaGrammar:
        key = json.dumps(schema, sort_keys=True)
        grammar = self._grammars.get(key)
        if grammar is None:
            try:
                grammar = LlamaGrammar.from_string(json_grammar(schema), verbose=False)
            except Exception as exc:  # the converter raises bare Exceptions for schema features it lacks
                raise BackendError(f"llama.cpp cannot turn the JSON schema into a grammar: {exc}") from exc
            self._grammars[key] = grammar
        return grammar

    def _stream(self, messages: Sequence[ChatMessage], max_tokens: int, temperature: float,
                grammar: LlamaGrammar | None, cancel: threading.Event | None,
                repeat_penalty: float) -> Iterator[str]:
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        self._acquire(cancel)
        try:
            self.load()
            llm = self._llm
            assert llm is not None
            tokens = self.tokenize_prompt(messages)
            room = self._n_ctx - len(tokens)
            if room < 8:
                raise ContextOverflow(f"the prompt has {len(tokens)} tokens but {self._name}'s context holds "
                                      f"{self._n_ctx}: shorten the conversation or raise the context size")
            reused = Llama.longest_token_prefix(llm.input_ids[: llm.n_tokens].tolist(), tokens)
            started = time.perf_counter()
            first: float | None = None
            produced = 0
            self._abort_event = cancel
            self._set_abort(cancel is not None)
            self._calls += 1  # a new seed each call: the same seed makes a small model repeat itself verbatim
            try:
                stream = llm.create_completion(tokens, max_tokens=min(max_tokens, room), temperature=temperature,
                                               top_p=0.95, top_k=40, min_p=0.05, repeat_penalty=repeat_penalty,
                                               stop=self._stop, grammar=grammar, stream=True,
                                               seed=self._seed + self._calls)
                for chunk in stream:
                    if first is None:
                        first = time.perf_counter() - started
                        self._set_abort(False)
                    if cancel is not None and cancel.is_set():
                        raise Cancelled()
                    text = chunk["choices"][0]["text"]  # type: ignore[index]
                    if text:
                        produced += 1
                        yield text
            except RuntimeError as exc:
                if cancel is not None and cancel.is_set():  # llama_decode returned 2: our abort callback fired
                    raise Cancelled() from exc
                raise BackendError(f"generation failed: {exc}") from exc
            finally:
                self._set_abort(False)
                self._abort_event = None
                self.last_stats = GenerationStats(len(tokens), reused, produced, first,
                                                  time.perf_counter() - started)
        finally:
            self._lock.release()

    def generate(self, messages: Sequence[ChatMessage], *, max_tokens: int = 256, temperature: float = 0.7,
                 cancel: threading.Event | None = None, repeat_penalty: float = 1.1) -> Iterator[str]:
        return self._stream(messages, max_tokens, temperature, None, cancel, repeat_penalty)

    def generate_json(self, messages: Sequence[ChatMessage], schema: dict[str, Any], *, max_tokens: int = 512,
                      temperature: float = 0.2, retries: int = 2,
                      cancel: threading.Event | None = None) -> dict[str, Any]:
        grammar = self._grammar(schema)

        def attempt(conversation: list[ChatMessage], temp: float) -> str:
            return "".join(self._stream(conversation, max_tokens, temp, grammar, cancel, 1.0))

        return validated_json(attempt, messages, schema, temperature=temperature, retries=retries, cancel=cancel)

