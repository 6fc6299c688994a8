"""The interviewer's prompt, rebuilt from the session so earlier turns stay byte-identical (the KV cache holds)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cloudinterview_desktop.ai.backends.base import ChatMessage
from cloudinterview_desktop.ai.errors import ContextOverflow
from cloudinterview_desktop.ai.services.prompts import PromptLibrary
from cloudinterview_desktop.domain.jobs import job_title
from cloudinterview_desktop.domain.modes import mode_spec
from cloudinterview_desktop.domain.session import (
    AIResponse,
    InterviewSession,
    InterviewStyle,
    Mode,
    Role,
)

# The system prompt depends only on the session's settings, and each app instruction that preceded a stored turn
# is re-rendered from stored facts, so llama.cpp's prefix cache covers everything but the newest turn.

JD_CHARS = 1500  # a long job description is cut: the model needs its gist, not every line
PER_MESSAGE_TOKENS = 6  # what a chat template adds around each message, roughly


def mode_text(mode: Mode) -> str:
    """What the prompts call an interview of `mode` ($mode)."""
    return mode_spec(mode).prompt_name


@dataclass(frozen=True)
class PendingTurn:
    """The newest user-side message: appended to the last user message when the history ends with one (an empty
    text means that message, already in the history, is the whole of it)."""

    text: str
    merge: bool = True


class ConversationBuilder:
    def __init__(self, prompts: PromptLibrary) -> None:
        self._prompts = prompts

    # -- fixed pieces ----------------------------------------------------------------------------------------

    def system(self, session: InterviewSession) -> str:
        config = session.config
        jd = config.job_description.strip()
        jd_block = f"\n\nThe job description, for context:\n<<<\n{jd[:JD_CHARS]}\n>>>" if jd else ""
        style = "style_tutor" if config.style is InterviewStyle.TUTOR else "style_interviewer"
        return self._prompts.render("interviewer_system", mode=mode_text(config.mode),
                                    job_title=job_title(config.job_type, config.seniority),
                                    question_count=len(session.questions), duration_min=config.duration_min,
                                    job_description=jd_block, style_rules=self._prompts.render(style))

    def intro_instruction(self, session: InterviewSession) -> str:
        config = session.config
        focus = ", focused on the work in the job description" if config.job_description.strip() else ""
        return self._prompts.render("turn_intro", mode=mode_text(config.mode),
                                    job_title=job_title(config.job_type, config.seniority),
                                    question_count=len(session.questions), duration_min=config.duration_min,
                                    focus=focus)

    def ask_instruction(self, session: InterviewSession, index: int) -> str:
        question = session.questions[index]
        transition = ("This is the first question." if index == 0 else
                      f"The candidate is done with question {index}; move on to the next one naturally.")
        return self._prompts.render("turn_question", transition=transition, number=index + 1,
                                    total=len(session.questions), kind=question.kind, title=question.title,
                                    question=question.prompt.strip())

    def answer_block(self, index: int | None, answer: str) -> str:
        return self._prompts.render("turn_answer", number=(index or 0) + 1, answer=answer.strip())

    def follow_up_instruction(self, ideas: tuple[str, ...] = ()) -> str:
        listed = (" Ideas from the question bank: " + " / ".join(ideas[:3])) if ideas else ""
        return self._prompts.render("turn_follow_up", ideas=listed)

    def chat_block(self, index: int | None, message: str) -> str:
        return self._prompts.render("turn_chat", number=(index or 0) + 1, message=message.strip())

    def hint_request(self, index: int | None, level: int) -> str:
        return self._prompts.render("turn_hint", number=(index or 0) + 1, level=level)

    def outro_instruction(self) -> str:
        return self._prompts.render("turn_outro")

    # -- the history -----------------------------------------------------------------------------------------

    def history(self, session: InterviewSession) -> list[ChatMessage]:
        """Every stored turn, each interviewer turn preceded by the instruction that produced it."""
        messages: list[ChatMessage] = []
        hints: dict[int | None, int] = {}
        responses = session.ai_responses
        for n, response in enumerate(responses):
            if response.role is Role.INTERVIEWER:
                before = self._instruction_before(session, response, hints)
                if before:
                    messages.append(ChatMessage(role="user", content=before))
                messages.append(ChatMessage(role="assistant", content=response.content))
                continue
            if response.purpose == "answer":
                text = self.answer_block(response.question_index, response.content)
                following = responses[n + 1] if n + 1 < len(responses) else None
                if following is not None and following.role is Role.INTERVIEWER and following.purpose == "follow_up":
                    text += "\n\n" + self.follow_up_instruction()
            elif response.purpose == "chat":
                text = self.chat_block(response.question_index, response.content)
            else:
                text = response.content
            messages.append(ChatMessage(role="user", content=text))
        return merge_roles(messages)

    def _instruction_before(self, session: InterviewSession, response: AIResponse,
                            hints: dict[int | None, int]) -> str:
        if response.purpose == "intro":
            return self.intro_instruction(session)
        if response.purpose == "question" and response.question_index is not None \
                and 0 <= response.question_index < len(session.questions):
            return self.ask_instruction(session, response.question_index)
        if response.purpose == "hint":
            hints[response.question_index] = hints.get(response.question_index, 0) + 1
            return self.hint_request(response.question_index, hints[response.question_index])
        if response.purpose == "outro":
            return self.outro_instruction()
        return ""

    # -- a whole prompt --------------------------------------------------------------------------------------

    def messages(self, session: InterviewSession, pending: PendingTurn, count_tokens: Callable[[str], int],
                 context_length: int, reply_tokens: int) -> list[ChatMessage]:
        """System prompt, as much history as fits, and the pending instruction."""
        history = self.history(session)
        if pending.merge and history and history[-1]["role"] == "user":
            last = history.pop()
            joined = last["content"] + "\n\n" + pending.text if pending.text else last["content"]
            tail = ChatMessage(role="user", content=joined)
        else:
            tail = ChatMessage(role="user", content=pending.text)
        system = ChatMessage(role="system", content=self.system(session))
        fixed = sum(count_tokens(m["content"]) + PER_MESSAGE_TOKENS for m in (system, tail))
        budget = context_length - reply_tokens - fixed - 16
        if budget < 0:
            raise ContextOverflow(f"the interviewer's instructions alone need {fixed} tokens, more than the "
                                  f"{context_length}-token context allows: use a model with a longer context")
        kept = fit_history(history, budget, count_tokens)
        return [system, *kept, tail]


def merge_roles(messages: list[ChatMessage]) -> list[ChatMessage]:
    """Join consecutive messages of one role: several chat templates insist that roles alternate."""
    merged: list[ChatMessage] = []
    for message in messages:
        if merged and merged[-1]["role"] == message["role"]:
            merged[-1] = ChatMessage(role=message["role"], content=merged[-1]["content"] + "\n\n" + message["content"])
        else:
            merged.append(message)
    return merged


def fit_history(history: list[ChatMessage], budget: int, count_tokens: Callable[[str], int]) -> list[ChatMessage]:
    """Drop the oldest messages until the rest fits `budget` tokens.

    The cut moves in steps of half the budget (measured from the start of the history), not one message at a
    time: between steps the kept history starts at the same message, so its prefix - and llama.cpp's cache of
    it - stays valid for many turns instead of being invalidated by every new turn."""
    sizes = [count_tokens(m["content"]) + PER_MESSAGE_TOKENS for m in history]
    total = sum(sizes)
    if total <= budget:
        return history
    step = max(1, budget // 2)
    k = 1
    while True:
        dropped, cut = 0, 0
        while cut < len(history) and dropped < k * step:
            dropped += sizes[cut]
            cut += 1
        while cut < len(history) and history[cut]["role"] != "user":  # templates want a user turn first
            dropped += sizes[cut]
            cut += 1
        if total - dropped <= budget or cut >= len(history):
            return history[cut:]
        k += 1
