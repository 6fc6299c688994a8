"""The AI parts as the session service sees them: an interviewer, a feedback builder and a question picker that
load the language model on first use (never at start-up), and fall back to the template interviewer and measured
feedback, saying why, when no model can be used."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cloudinterview_desktop.bank.catalog import ItemRow
from cloudinterview_desktop.bank.selection import SeededPicker
from cloudinterview_desktop.domain.problems import BankItem
from cloudinterview_desktop.domain.session import InterviewSession, SessionConfig
from cloudinterview_desktop.paths import AppPaths
from cloudinterview_desktop.service.measured_feedback import MeasuredFeedbackBuilder
from cloudinterview_desktop.service.ports import InterviewerTurn, TokenSink, TurnContext, TurnKind
from cloudinterview_desktop.service.template_interviewer import TemplateInterviewer
from cloudinterview_desktop.settings import Key, Settings

if TYPE_CHECKING:
    from cloudinterview_desktop.ai.factory import AIComponents

log = logging.getLogger(__name__)


class LazyAI:
    def __init__(self, paths: AppPaths, settings: Settings, enabled: bool = True) -> None:
        self._paths = paths
        self._settings = settings
        self.enabled = enabled
        self._components: AIComponents | None = None
        self._loaded = False
        self._lock = threading.Lock()
        self.notes: list[str] = []

    def components(self) -> AIComponents | None:
        with self._lock:
            if not self._loaded:
                self._loaded = True
                self._components = self._build()
            return self._components

    def _build(self) -> AIComponents | None:
        if not self.enabled:
            self.notes = ["The language model is switched off: fixed interviewer wording, measured feedback."]
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

    def status(self) -> str:
        self.components()
        return " ".join(self.notes)


class AIInterviewer:
    def __init__(self, ai: LazyAI) -> None:
        self._ai = ai
        self._template = TemplateInterviewer()

    def turn(self, kind: TurnKind, context: TurnContext, on_token: TokenSink | None = None,
             cancel: threading.Event | None = None) -> InterviewerTurn | None:
        components = self._ai.components()
        interviewer = components.interviewer if components and components.interviewer else self._template
        return interviewer.turn(kind, context, on_token, cancel)

    def warm_up(self) -> str:
        return self._ai.status()


class AIFeedbackBuilder:
    def __init__(self, ai: LazyAI) -> None:
        self._ai = ai
        self._measured = MeasuredFeedbackBuilder()

    def build(self, session: InterviewSession, items: dict[str, BankItem],
              cancel: threading.Event | None = None) -> dict[str, Any]:
        components = self._ai.components()
        builder = components.feedback_builder if components and components.feedback_builder else self._measured
        return builder.build(session, items, cancel)


class AIPicker:
    def __init__(self, ai: LazyAI) -> None:
        self._ai = ai
        self._seeded = SeededPicker()

    def choose(self, config: SessionConfig, candidates: Sequence[ItemRow], count: int) -> list[str]:
        components = self._ai.components()
        picker = components.picker if components and components.picker else self._seeded
        return picker.choose(config, candidates, count)
