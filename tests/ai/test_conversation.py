"""The interviewer's prompt keeps earlier turns byte-identical from turn to turn, so the KV cache covers them."""

from __future__ import annotations

import os

import pytest

from cloudinterview_desktop.ai.backends.base import ChatMessage
from cloudinterview_desktop.ai.backends.llama_cpp_backend import LlamaCppBackend
from cloudinterview_desktop.ai.services.conversation import ConversationBuilder, PendingTurn, fit_history
from cloudinterview_desktop.ai.services.prompts import PromptLibrary
from cloudinterview_desktop.domain.session import InterviewStyle, Mode, Role, SessionConfig
from tests.ai.conftest import bank_item, make_session

ITEMS = [bank_item("behavioral", "bug-you-shipped"), bank_item("theory", "acid-properties")]
CONFIG = SessionConfig(mode=Mode.BEHAVIORAL, question_count=2, job_description="Payments backend in Go.")
BOT, YOU = Role.INTERVIEWER, Role.CANDIDATE

# A scripted interview: each step is the turn the interviewer writes next and the stored messages after it.
SCRIPT: list[tuple[str, list[tuple[Role, str, str, int | None]]]] = [
    ("intro", [(BOT, "intro", "Welcome! Let's begin.", None)]),
    ("ask0", [(BOT, "question", "First one.\n\nQuestion 1 of 2: Tell me about a bug.", 0)]),
    ("follow_up", [(YOU, "answer", "I broke the price cache and fixed it in 20 minutes.", 0),
                   (BOT, "follow_up", "How did you find out?", 0)]),
    ("chat", [(YOU, "chat", "Can I talk about a team bug?", 0), (BOT, "chat", "Yes, if you were involved.", 0)]),
    ("ask1", [(BOT, "question", "Next.\n\nQuestion 2 of 2: ACID?", 1)]),
    ("outro", [(BOT, "outro", "Thanks, that's all.", None)]),
]


def _pending(builder: ConversationBuilder, step: str, session_responses: list[tuple[Role, str, str, int | None]]
             ) -> tuple[PendingTurn, list[tuple[Role, str, str, int | None]]]:
    """What the interviewer appends for `step`, and the stored messages it sees (the candidate's come first)."""
    session = make_session(ITEMS, CONFIG, session_responses)
    if step == "intro":
        return PendingTurn(builder.intro_instruction(session)), session_responses
    if step.startswith("ask"):
        return PendingTurn(builder.ask_instruction(session, int(step[-1]))), session_responses
    if step == "follow_up":
        return PendingTurn(builder.follow_up_instruction()), session_responses
    if step == "chat":
        return PendingTurn(""), session_responses
    return PendingTurn(builder.outro_instruction()), session_responses


def test_each_prompt_starts_with_the_previous_prompt_and_reply(backend: LlamaCppBackend) -> None:
    builder = ConversationBuilder(PromptLibrary())
    stored: list[tuple[Role, str, str, int | None]] = []
    previous = ""
    for step, produced in SCRIPT:
        candidate = [m for m in produced if m[0] is YOU]
        pending, seen = _pending(builder, step, stored + candidate)
        messages = builder.messages(make_session(ITEMS, CONFIG, seen), pending, backend.count_tokens,
                                    backend.context_length, 64)
        prompt = backend.format_prompt(messages)
        assert prompt.startswith(previous), f"turn {step!r} rewrote an earlier turn"
        reply = next(m for m in produced if m[0] is BOT)[2]
        previous = prompt + reply  # what llama.cpp holds after the reply was generated
        stored += produced


@pytest.mark.model
def test_the_token_prefix_is_reused_across_turns(backend: LlamaCppBackend) -> None:
    builder = ConversationBuilder(PromptLibrary())
    stored: list[tuple[Role, str, str, int | None]] = []
    previous = 0
    for step, produced in SCRIPT:
        candidate = [m for m in produced if m[0] is YOU]
        pending, seen = _pending(builder, step, stored + candidate)
        messages = builder.messages(make_session(ITEMS, CONFIG, seen), pending, backend.count_tokens,
                                    backend.context_length, 8)
        list(backend.generate(messages, max_tokens=1))
        stats = backend.last_stats
        assert stats is not None
        # Every token the previous turn read is reused (one may merge with the new text at the boundary).
        assert stats.reused_tokens >= previous - 1, f"turn {step!r} re-read earlier turns"
        previous = stats.prompt_tokens
        stored += produced


def test_fit_history_cuts_in_stable_steps() -> None:
    def count(text: str) -> int:
        return len(text.split())

    history = [ChatMessage(role="user" if n % 2 == 0 else "assistant", content="word " * 20) for n in range(40)]
    budget = 300  # each message is 26 tokens with the per-message overhead; 40 of them are 1040
    cuts = []
    for length in range(12, 41, 2):
        kept = fit_history(history[:length], budget, count)
        assert sum(count(m["content"]) + 6 for m in kept) <= budget
        assert kept[0]["role"] == "user"
        cuts.append(length - len(kept))
    # The first kept message moves in a few big steps rather than at every turn.
    assert len(set(cuts)) <= 5 and cuts == sorted(cuts)


def test_the_system_prompt_depends_only_on_the_settings() -> None:
    builder = ConversationBuilder(PromptLibrary())
    early = builder.system(make_session(ITEMS, CONFIG))
    later = builder.system(make_session(ITEMS, CONFIG, [(BOT, "intro", "Hi", None), (YOU, "answer", "x", 0)]))
    assert early == later
    assert "Payments backend in Go." in early and "behavioral interview" in early
    assert "Never give away a solution" in early
    tutor = builder.system(make_session(ITEMS, SessionConfig(style=InterviewStyle.TUTOR)))
    assert "patient tutor" in tutor and "Never give away" not in tutor


def test_long_job_descriptions_are_cut() -> None:
    builder = ConversationBuilder(PromptLibrary())
    config = SessionConfig(job_description="x" * 10_000 + os.linesep)
    assert len(builder.system(make_session(ITEMS, config))) < 3000
