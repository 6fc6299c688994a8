"""The bank interviewer's framing alone (greeting, questions, transitions, the behavioral hint, the outro), labelled
"template": the fallback a model's interviewer falls back to. It never follows up or answers chat."""

from __future__ import annotations

import threading
from dataclasses import replace

from cloudinterview_desktop.domain.ports import InterviewerTurn, TokenSink, TurnContext, TurnKind
from cloudinterview_desktop.interviewer.bank_interviewer import BankInterviewer

SOURCE = "template"


class TemplateInterviewer:
    def __init__(self) -> None:
        self._bank = BankInterviewer()

    def turn(self, kind: TurnKind, context: TurnContext, on_token: TokenSink | None = None,
             cancel: threading.Event | None = None) -> InterviewerTurn | None:
        if kind in (TurnKind.FOLLOW_UP, TurnKind.CHAT):
            return None  # judging an answer or a question is the bank interviewer's, not a fallback's
        turn = self._bank.turn(kind, context, on_token, cancel)
        return replace(turn, source=SOURCE) if turn is not None else None
