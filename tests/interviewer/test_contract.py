"""The turn contract: each rule catches what it names, streamed text is shown only sentence by sentence after its
check, and a turn that cannot keep the contract is replaced by the bank interviewer's."""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any

import pytest

from cloudinterview_desktop.domain.ports import InterviewerTurn, TokenSink, TurnContext, TurnKind
from cloudinterview_desktop.domain.session import (
    AIResponse,
    InterviewQuestion,
    InterviewSession,
    InterviewStyle,
    Role,
    SessionConfig,
    SessionStatus,
)
from cloudinterview_desktop.interviewer.bank_interviewer import BankInterviewer
from cloudinterview_desktop.interviewer.contract import ContractedInterviewer, TurnContract

T0 = datetime(2026, 1, 5, 10, 0)


def _session(total: int = 2, previous: tuple[str, ...] = (),
             style: InterviewStyle = InterviewStyle.INTERVIEWER) -> InterviewSession:
    questions = tuple(InterviewQuestion(index=i, item_slug=f"q{i}", kind="theory", title=f"Title {i}",
                                        prompt=f"Explain topic {i}.", difficulty="medium", topics=("caching",))
                      for i in range(total))
    responses = tuple(AIResponse(Role.INTERVIEWER, "chat", text, T0, 0, "bank") for text in previous)
    return InterviewSession(id="s1", user_id="local", config=SessionConfig(style=style, duration_min=45),
                            status=SessionStatus.IN_PROGRESS, created_at=T0, questions=questions,
                            ai_responses=responses)


def _check(kind: TurnKind, sentence: str, **session: Any) -> str | None:
    s = _session(**session)
    contract = TurnContract.for_turn(kind, TurnContext(s, s.questions[0], candidate_message="caching layers"))
    violation = contract.check(sentence)
    return violation.rule if violation else None


@pytest.mark.parametrize(("sentence", "rule"), [
    ("The candidate is joining a technical interview.", "not addressed to the candidate"),
    ("Interviewer: Welcome to the interview.", "speaker label"),
    ("Question 3 of 4: tell me about caching.", "contradicts the session"),
    ("We have five questions today.", "contradicts the session"),
    ("You have 30 minutes for this interview.", "contradicts the session"),
    ("You scored 8/10 on that answer.", "contradicts the session"),
    ("As an AI language model, I cannot conduct interviews.", "off topic: talks about itself"),
    ("Try `for (int i = 0; i < n; i++) { sum += a[i]; }` here.", "code in interviewer style"),
])
def test_each_rule_catches_what_it_names(sentence: str, rule: str) -> None:
    found = _check(TurnKind.CHAT, sentence)
    assert found is not None and found.startswith(rule), found


def test_a_verdict_claim_is_checked_against_the_judge_for_code_only() -> None:
    s = _session()
    coding = s.questions[0].__class__(index=0, item_slug="q0", kind="coding", title="Two Sum", prompt="Solve it.",
                                      difficulty="easy")
    contract = TurnContract.for_turn(TurnKind.CHAT, TurnContext(s, coding, candidate_message="two sum"))
    violation = contract.check("Your solution was accepted, well done.")
    assert violation is not None and "accepted" in violation.rule
    assert _check(TurnKind.CHAT, "What failed for the team then, in caching terms?") is None


def test_true_facts_and_plain_questions_pass() -> None:
    assert _check(TurnKind.CHAT, "This is question 1 of 2.") is None
    assert _check(TurnKind.INTRO, "We have two questions in about 45 minutes.") is None
    assert _check(TurnKind.FOLLOW_UP, "How would you invalidate the caching layers you described?") is None


def test_a_sentence_from_an_earlier_turn_is_not_said_again() -> None:
    said = "How would you invalidate the caching layers you described?"
    assert _check(TurnKind.FOLLOW_UP, said, previous=(said,)) == "repeats an earlier turn"


def test_a_follow_up_asks_exactly_one_question() -> None:
    s = _session()
    contract = TurnContract.for_turn(TurnKind.FOLLOW_UP, TurnContext(s, s.questions[0], candidate_message="cache"))
    assert contract.check("What is your cache eviction policy?") is None
    second = contract.check("And how big is the cache?")
    assert second is not None and second.rule == "a follow-up asks one question only"
    empty = TurnContract.for_turn(TurnKind.FOLLOW_UP, TurnContext(s, s.questions[0]))
    assert empty.check("Good answer about caching.") is None
    assert empty.complete() is not None


class _Scripted:
    """An interviewer that streams a fixed text word by word, as a model would."""

    def __init__(self, text: str) -> None:
        self.text = text

    def turn(self, kind: TurnKind, context: TurnContext, on_token: TokenSink | None = None,
             cancel: threading.Event | None = None) -> InterviewerTurn | None:
        if on_token is not None:
            for word in self.text.split(" "):
                on_token(word + " ")
        return InterviewerTurn(self.text, "model:scripted")


def test_streamed_text_is_shown_only_after_each_sentence_passed() -> None:
    shown: list[str] = []
    inner = _Scripted("Thanks for that. The candidate has joined the interview. Let's talk about caching next.")
    s = _session()
    context = TurnContext(s, s.questions[0], candidate_message="Should I cover caching?")
    turn = ContractedInterviewer(inner).turn(TurnKind.CHAT, context, shown.append)
    assert turn is not None
    joined = "".join(shown)
    assert "candidate" not in joined and "candidate" not in turn.text
    assert joined == turn.text == "Thanks for that. Let's talk about caching next."
    assert len(turn.caught) == 1 and "not addressed to the candidate" in turn.caught[0]


def test_a_follow_up_that_breaks_the_contract_is_replaced_by_the_banks() -> None:
    shown: list[str] = []
    inner = _Scripted("Question 4 of 9: what else would you cache?")
    s = _session()
    contracted = ContractedInterviewer(inner, fallback=BankInterviewer())
    turn = contracted.turn(TurnKind.FOLLOW_UP, TurnContext(s, s.questions[0], candidate_message="x"), shown.append)
    assert turn is not None and turn.source.startswith("bank")
    assert "Question 4" not in "".join(shown) and turn.caught
    assert turn.text.count("?") == 1
