"""The model question picker (validated, with a fallback) and the factory the composition root calls."""

from __future__ import annotations

from pathlib import Path

import pytest

from cloudinterview_desktop.ai.backends.llama_cpp_backend import LlamaCppBackend
from cloudinterview_desktop.ai.backends.openai_http_backend import OpenAIHTTPBackend
from cloudinterview_desktop.ai.factory import build_ai
from cloudinterview_desktop.ai.services.llm_interviewer import LLMInterviewer
from cloudinterview_desktop.ai.services.llm_picker import LLMPicker
from cloudinterview_desktop.ai.services.model_feedback import ModelFeedbackBuilder
from cloudinterview_desktop.bank.catalog import ItemRow
from cloudinterview_desktop.domain.session import SessionConfig
from cloudinterview_desktop.paths import resolve_paths

ROWS = [ItemRow(slug, "theory", title, "medium", topics, "bank", False) for slug, title, topics in [
    ("acid-properties", "ACID properties", ("databases", "transactions")),
    ("css-specificity", "CSS specificity", ("css",)),
    ("database-indexes", "Database indexes", ("databases", "performance")),
    ("react-hooks", "React hooks", ("react", "frontend")),
    ("tcp-vs-udp", "TCP vs UDP", ("networking",)),
    ("sql-joins", "SQL joins", ("databases", "sql")),
]]
JD = SessionConfig(job_type="backend", job_description="Backend engineer: PostgreSQL, SQL tuning, transactions.")


@pytest.mark.model
def test_the_model_picks_known_questions(backend: LlamaCppBackend) -> None:
    picker = LLMPicker(backend)
    chosen = picker.choose(JD, ROWS, 2)
    assert len(chosen) == 2 and len(set(chosen)) == 2
    assert set(chosen) <= {row.slug for row in ROWS}
    assert picker.last_outcome == "model" or picker.last_outcome.startswith("kept the ranked order")


def test_the_ranked_order_is_kept_without_a_job_description_or_a_model() -> None:
    unreachable = LLMPicker(OpenAIHTTPBackend("http://127.0.0.1:9/v1", "none", connect_timeout=2))
    assert unreachable.choose(SessionConfig(), ROWS, 3) == ["acid-properties", "css-specificity", "database-indexes"]
    assert unreachable.last_outcome == "no job description to choose by"
    assert unreachable.choose(JD, ROWS, 2) == ["acid-properties", "css-specificity"]
    assert "cannot reach the model server" in unreachable.last_outcome
    assert unreachable.choose(JD, ROWS[:2], 2) == ["acid-properties", "css-specificity"]
    assert unreachable.choose(JD, [], 2) == []


@pytest.mark.model
def test_build_ai_with_the_embedded_model(tmp_path: Path) -> None:
    components = build_ai(resolve_paths(tmp_path / "home"), n_ctx=1024, n_threads=1)
    assert isinstance(components.interviewer, LLMInterviewer)
    assert isinstance(components.feedback_builder, ModelFeedbackBuilder)
    assert isinstance(components.picker, LLMPicker)
    assert isinstance(components.backend, LlamaCppBackend) and components.backend.loaded
    assert components.backend_status_notes[0].startswith("Language model: smollm2-135m-instruct (Q4_1")
    components.backend.close()


@pytest.mark.parametrize("settings, reason", [
    ({"model": "no-such-model"}, "no registered model named 'no-such-model'"),
    ({"model_path": "/nonexistent/model.gguf"}, "no model file at"),
    ({"endpoint_url": "http://127.0.0.1:9/v1"}, "cannot reach the model server"),
    ({"endpoint_url": "not a url"}, "is not an http(s) URL"),
])
def test_build_ai_returns_no_components_with_the_reason(tmp_path: Path, settings: dict[str, str],
                                                        reason: str) -> None:
    components = build_ai(resolve_paths(tmp_path / "home"), **settings)  # type: ignore[arg-type]
    assert (components.interviewer, components.feedback_builder, components.picker) == (None, None, None)
    assert not components.available
    assert any(reason in note for note in components.backend_status_notes), components.backend_status_notes
    assert any("scored by measured signals" in note for note in components.backend_status_notes)
