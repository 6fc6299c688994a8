"""Builds the AI components from settings, or None components with the reason (the app then keeps its fallbacks)."""


from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from cloudinterview_desktop.ai.backends.base import LLMBackend
from cloudinterview_desktop.ai.backends.llama_cpp_backend import AUTO_GPU_LAYERS, DEFAULT_N_CTX, LlamaCppBackend
from cloudinterview_desktop.ai.backends.openai_http_backend import OpenAIHTTPBackend
from cloudinterview_desktop.ai.errors import AIError
from cloudinterview_desktop.ai.models.manager import ModelManager
from cloudinterview_desktop.ai.services.evaluator import Evaluator
from cloudinterview_desktop.ai.services.llm_interviewer import LLMInterviewer
from cloudinterview_desktop.ai.services.llm_picker import LLMPicker
from cloudinterview_desktop.ai.services.model_feedback import ModelFeedbackBuilder
from cloudinterview_desktop.ai.services.prompts import PromptLibrary
from cloudinterview_desktop.bank.selection import Picker
from cloudinterview_desktop.domain.ports import FeedbackBuilder, Interviewer
from cloudinterview_desktop.interviewer.bank_interviewer import BankInterviewer
from cloudinterview_desktop.paths import AppPaths

log = logging.getLogger(__name__)


@dataclass
class AIComponents:
    interviewer: Interviewer | None
    feedback_builder: FeedbackBuilder | None
    picker: Picker | None
    backend_status_notes: list[str] = field(default_factory=list)
    backend: LLMBackend | None = None

    @property
    def available(self) -> bool:
        return self.backend is not None


def _unavailable(notes: list[str], reason: str) -> AIComponents:
    log.warning("no language model: %s", reason)
    return AIComponents(None, None, None,
                        [*notes, f"No language model is in use ({reason}); the interviewer uses the question "
                                 "bank's follow-ups and answers are scored by measured signals."])


def build_ai(paths: AppPaths, *, model: str = "", model_path: str | Path | None = None,
             gpu_layers: int = AUTO_GPU_LAYERS, endpoint_url: str = "", endpoint_model: str = "",
             endpoint_key: str = "", n_ctx: int = DEFAULT_N_CTX, n_threads: int | None = None,
             preload: bool = True) -> AIComponents:
    """The AI components for these settings, or None components with the reason in `backend_status_notes`.

    `preload` loads the model (or asks the endpoint for its models) now, so a model that cannot be used is found
    here rather than in the middle of an interview; pass False to defer loading to the first turn."""
    try:
        return _build(paths, model, model_path, gpu_layers, endpoint_url, endpoint_model, endpoint_key, n_ctx,
                      n_threads, preload)
    except Exception as exc:  # the app must start without AI whatever went wrong; the log keeps the traceback
        log.exception("building the AI components failed")
        return _unavailable([], f"unexpected error: {exc}")


def _build(paths: AppPaths, model: str, model_path: str | Path | None, gpu_layers: int, endpoint_url: str,
           endpoint_model: str, endpoint_key: str, n_ctx: int, n_threads: int | None,
           preload: bool) -> AIComponents:
    notes: list[str] = []
    backend: LLMBackend
    if endpoint_url.strip():
        try:
            http = OpenAIHTTPBackend(endpoint_url, endpoint_model, endpoint_key)
            if preload:
                offered = http.models()
                if not endpoint_model and offered:
                    http = OpenAIHTTPBackend(endpoint_url, offered[0], endpoint_key)
                    notes.append(f"No endpoint model was set; using the server's first model, {offered[0]}.")
                elif endpoint_model and offered and endpoint_model not in offered:
                    notes.append(f"The server does not list {endpoint_model!r} (it offers {', '.join(offered)}); "
                                 "trying it anyway.")
        except AIError as exc:
            return _unavailable(notes, f"the model server could not be used: {exc}")
        backend = http
        notes.append(f"Language model: {http.name} through the OpenAI-compatible server {http.base_url}.")
    else:
        try:
            if model_path:
                path, name = Path(model_path).expanduser(), None
            else:
                entry = ModelManager(paths.models_dir).resolve(model)
                path, name = Path(entry.path), entry.name
            llama = LlamaCppBackend(path, name=name, n_ctx=n_ctx, n_threads=n_threads, n_gpu_layers=gpu_layers)
            if preload:
                llama.load()
        except AIError as exc:
            return _unavailable(notes, str(exc))
        backend = llama
        if not llama.loaded:
            where = "loads on first use"
        elif llama.gpu_layers == 0:
            where = "on the CPU"
        else:
            where = "all layers on the GPU" if llama.gpu_layers < 0 else f"{llama.gpu_layers} layers on the GPU"
        notes.append(f"Language model: {llama.name} ({llama.info.quantization}, context {llama.context_length}, "
                     f"{where}).")
        notes += llama.notes
    prompts = PromptLibrary()
    evaluator = Evaluator(backend, prompts=prompts)
    return AIComponents(
        interviewer=LLMInterviewer(backend, prompts=prompts, fallback=BankInterviewer()),
        feedback_builder=ModelFeedbackBuilder(evaluator),
        picker=LLMPicker(backend, prompts=prompts),
        backend_status_notes=notes,
        backend=backend,
    )
