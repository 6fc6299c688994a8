"""A bank.selection.Picker that lets the model choose by the job description, validated, with a fallback."""


from __future__ import annotations

import logging
from collections.abc import Sequence

from cloudinterview_desktop.ai.backends.base import ChatMessage, LLMBackend
from cloudinterview_desktop.ai.errors import AIError
from cloudinterview_desktop.ai.services.prompts import PromptLibrary
from cloudinterview_desktop.bank.catalog import ItemRow
from cloudinterview_desktop.bank.selection import Picker, SeededPicker
from cloudinterview_desktop.domain.jobs import job_title
from cloudinterview_desktop.domain.session import SessionConfig

log = logging.getLogger(__name__)

MAX_CANDIDATES = 16  # a longer list costs prompt time and confuses a small model more than it helps


class LLMPicker:
    def __init__(self, backend: LLMBackend, *, prompts: PromptLibrary | None = None,
                 fallback: Picker | None = None, retries: int = 1) -> None:
        self._backend = backend
        self._prompts = prompts or PromptLibrary()
        self._fallback = fallback or SeededPicker()
        self._retries = retries
        self.last_outcome = ""  # "model", or why the ranked order was kept: for the log and the tests

    def choose(self, config: SessionConfig, candidates: Sequence[ItemRow], count: int) -> list[str]:
        ranked = self._fallback.choose(config, candidates, len(candidates))
        if count <= 0 or not candidates:
            return []
        if not config.job_description.strip():
            self.last_outcome = "no job description to choose by"
            return ranked[:count]
        if len(candidates) <= count:
            self.last_outcome = "no choice to make"
            return ranked[:count]
        pool = list(candidates[:MAX_CANDIDATES])
        slugs = [row.slug for row in pool]
        schema = {"type": "object", "additionalProperties": False, "required": ["chosen"],
                  "properties": {"chosen": {"type": "array", "items": {"enum": slugs},
                                            "minItems": count, "maxItems": count}}}
        listed = "\n".join(f"{row.slug}: {row.title}, {row.difficulty}, {', '.join(row.topics) or '-'}"
                           for row in pool)
        messages = [
            ChatMessage(role="system", content=self._prompts.render(
                "pick_system", job_title=job_title(config.job_type, config.seniority))),
            ChatMessage(role="user", content=self._prompts.render(
                "pick_questions", count=count, job_description=config.job_description.strip()[:2000],
                candidates=listed)),
        ]
        try:
            reply = self._backend.generate_json(messages, schema, max_tokens=16 + 24 * count, temperature=0.2,
                                                retries=self._retries)
        except AIError as exc:
            log.info("the model could not pick questions, keeping the ranked order: %s", exc)
            self.last_outcome = f"kept the ranked order: {exc}"
            return ranked[:count]
        picked = list(dict.fromkeys(s for s in reply.get("chosen", []) if s in slugs))  # known slugs, once each
        if not picked:
            self.last_outcome = "kept the ranked order: the model chose no known question"
            return ranked[:count]
        for slug in ranked:  # a short choice is topped up in rank order
            if len(picked) >= count:
                break
            if slug not in picked:
                picked.append(slug)
        self.last_outcome = "model"
        return picked[:count]
