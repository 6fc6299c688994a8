"""The AI parts as the session service sees them: an interviewer, a feedback builder and a question picker.

The interviewer's judgement lives in code and the bank (BankInterviewer, measured feedback). A language model
takes a role only after it passed the capability check (ai/services/capability.py), whose result is stored per
model: until then, and for a model that fails, the bank interviewer and measured feedback are used, and the status
says so in plain words."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cloudinterview_desktop.bank.catalog import ItemRow
from cloudinterview_desktop.bank.selection import SeededPicker
from cloudinterview_desktop.domain.ports import InterviewerTurn, ProgressSink, TokenSink, TurnContext, TurnKind
from cloudinterview_desktop.domain.problems import BankItem
from cloudinterview_desktop.domain.session import InterviewSession, SessionConfig
from cloudinterview_desktop.feedback.measured import MeasuredFeedbackBuilder
from cloudinterview_desktop.interviewer.bank_interviewer import BankInterviewer
from cloudinterview_desktop.paths import AppPaths
from cloudinterview_desktop.settings import Key, Settings

if TYPE_CHECKING:
    from cloudinterview_desktop.ai.factory import AIComponents
    from cloudinterview_desktop.ai.services.capability import CapabilityReport

log = logging.getLogger(__name__)
CHECKS_FILE = "model-checks.json"


def model_identity(backend: Any) -> str:
    """What a stored check result belongs to: the model file (name and size) or the server and model name."""
    path = getattr(backend, "model_path", None)
    if isinstance(path, Path):
        try:
            size = path.stat().st_size
        except OSError:
            size = -1
        return f"gguf:{path.name}:{size}"
    return f"endpoint:{getattr(backend, 'base_url', '')}:{getattr(backend, 'model', '')}:{backend.name}"


class LazyAI:
    def __init__(self, paths: AppPaths, settings: Settings, enabled: bool = True,
                 follow_settings: bool = False) -> None:
        """`follow_settings`: whether a reload reads "use a model" from the settings again (the window), or keeps
        `enabled` as the caller fixed it (`--no-model`)."""
        self._paths = paths
        self._settings = settings
        self.enabled = enabled
        self._follow_settings = follow_settings
        self._components: AIComponents | None = None
        self._loaded = False
        self._lock = threading.Lock()
        self._check_lock = threading.Lock()
        self._capability: CapabilityReport | None = None
        self._checked = False
        self.notes: list[str] = []

    def components(self) -> AIComponents | None:
        with self._lock:
            if not self._loaded:
                self._loaded = True
                self._components = self._build()
            return self._components

    def _build(self) -> AIComponents | None:
        if not self.enabled:
            self.notes = ["The language model is switched off: the question bank's interviewer, measured feedback."]
            return None
        from cloudinterview_desktop.ai.factory import build_ai

        get = self._settings.get
        components = build_ai(self._paths, model=str(get(Key.LLM_MODEL)), gpu_layers=int(get(Key.GPU_LAYERS)),
                              endpoint_url=str(get(Key.ENDPOINT_URL)), endpoint_model=str(get(Key.ENDPOINT_MODEL)),
                              endpoint_key=str(get(Key.ENDPOINT_KEY)))
        self.notes = list(components.backend_status_notes)
        for note in self.notes:
            log.info("%s", note)
        return components if components.available else None

    def reload(self) -> None:
        """Forget the loaded model and its check, so the next use follows the settings as they are now (another
        model, the GPU, an endpoint, or none). A turn already running keeps the model it started with."""
        with self._lock, self._check_lock:
            if self._follow_settings:
                self.enabled = bool(self._settings.get(Key.USE_MODEL))
            self._components = None
            self._loaded = False
            self._capability = None
            self._checked = False
            self.notes = []

    def place(self) -> str:
        """Where the model runs, in a person's words."""
        backend = self._components.backend if self._components is not None else None
        if backend is None:
            return "no model"
        layers = getattr(backend, "gpu_layers", None)
        if layers is None:
            return "on a model server"
        return "on the CPU" if layers == 0 else "on the GPU"

    def status(self) -> str:
        """A short first line for a status bar, then the details (model file, GPU, the check's figures)."""
        report = self.check()
        if not self.enabled or self._components is None:
            headline = "Interviewer: the question bank (no language model)"
        elif report is not None and report.passed:
            headline = f"Interviewer: {report.model}, {self.place()}, checked"
        else:
            name = report.model if report is not None else "the language model"
            headline = f"Interviewer: the question bank ({name} did not pass the self-check)"
        return headline + "\n" + " ".join(self.notes)

    def check(self) -> CapabilityReport | None:
        """The model's capability result: stored, or measured now (loads the model; seconds). None without one."""
        with self._check_lock:
            if self._checked:
                return self._capability
            components = self.components()
            if components is None or components.backend is None:
                self._checked = True
                return None
            from cloudinterview_desktop.ai.services.capability import CapabilityStore, load_probes, run_check

            probes = load_probes()
            store = CapabilityStore(self._paths.data_dir / CHECKS_FILE)
            identity = model_identity(components.backend)
            report = store.get(identity, int(probes["version"]))
            if report is None:
                report = run_check(components.backend, probes)
                store.put(identity, report)
            self._capability = report
            self._checked = True
            log.info("model check for %s: %s", identity, report.summary())
            if report.passed:
                self.notes.append(f"The model passed the interviewer self-check ({report.summary()}); it phrases "
                                  "the interviewer's turns and adds quoted judgements to the feedback.")
            else:
                self.notes.append(
                    f"The model {report.model} did not pass the interviewer self-check ({report.summary()}), so it "
                    "does not write the interviewer's words or scores: the interviewer uses the question bank's "
                    "follow-ups and answers are scored by measured signals. A bigger model (Models...) can take "
                    "these roles once it passes the check.")
            return report

    def capable(self) -> AIComponents | None:
        """The components, only when the model's check is known and passed; never blocks on the check."""
        if not self._checked or self._capability is None or not self._capability.passed:
            return None
        return self._components

    @property
    def capability(self) -> CapabilityReport | None:
        return self._capability if self._checked else None


class AIInterviewer:
    """The bank's interviewer, or the model's when the model passed its check (the turn contract and the bank's
    follow-ups still stand behind it). The check runs in `warm_up`, never before the first turn."""

    def __init__(self, ai: LazyAI) -> None:
        self._ai = ai
        self._bank = BankInterviewer()

    def turn(self, kind: TurnKind, context: TurnContext, on_token: TokenSink | None = None,
             cancel: threading.Event | None = None) -> InterviewerTurn | None:
        components = self._ai.capable()
        if components is not None and components.interviewer is not None and kind is not TurnKind.FOLLOW_UP:
            # Follow-ups stay the bank's: which gap to ask about is a judgement made by code.
            return components.interviewer.turn(kind, context, on_token, cancel)
        return self._bank.turn(kind, context, on_token, cancel)

    def warm_up(self) -> str:
        return self._ai.status()

    def reload(self) -> str:
        """The settings' model now, without a restart; returns the new status like warm_up."""
        self._ai.reload()
        return self._ai.status()


class AIFeedbackBuilder:
    def __init__(self, ai: LazyAI) -> None:
        self._ai = ai
        self._measured = MeasuredFeedbackBuilder()

    def build(self, session: InterviewSession, items: dict[str, BankItem],
              cancel: threading.Event | None = None, progress: ProgressSink | None = None) -> dict[str, Any]:
        components = self._ai.capable()
        builder = components.feedback_builder if components and components.feedback_builder else self._measured
        report = builder.build(session, items, cancel, progress)
        capability = self._ai.capability
        if capability is not None and not capability.passed:
            report["model_check"] = {"model": capability.model, "passed": False, "summary": capability.summary()}
        return report


class AIPicker:
    def __init__(self, ai: LazyAI) -> None:
        self._ai = ai
        self._seeded = SeededPicker()

    def choose(self, config: SessionConfig, candidates: Sequence[ItemRow], count: int) -> list[str]:
        components = self._ai.capable()
        picker = components.picker if components and components.picker else self._seeded
        return picker.choose(config, candidates, count)
