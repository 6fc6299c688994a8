"""The interviewer used when no language model is loaded: fixed, plainly worded turns, labelled "template".

It never pretends to judge an answer; it only frames the interview (greeting, questions, transitions)."""

from __future__ import annotations

import threading

from cloudinterview_desktop.domain.jobs import job_title
from cloudinterview_desktop.domain.ports import InterviewerTurn, TokenSink, TurnContext, TurnKind
from cloudinterview_desktop.domain.problems import BehavioralQuestion, CodingProblem
from cloudinterview_desktop.domain.session import InterviewStyle, Mode

SOURCE = "template"

class TemplateInterviewer:
    def turn(self, kind: TurnKind, context: TurnContext, on_token: TokenSink | None = None,
             cancel: threading.Event | None = None) -> InterviewerTurn | None:
        text = self._text(kind, context)
        if text is None:
            return None
        if on_token is not None:
            on_token(text)
        return InterviewerTurn(text, SOURCE)

    def _text(self, kind: TurnKind, context: TurnContext) -> str | None:
        session = context.session
        config = session.config
        if kind is TurnKind.INTRO:
            what = ("a technical interview: coding problems first, then a few theory questions"
                    if config.mode is Mode.TECHNICAL else "a behavioral interview")
            style = ("Hints are available but they count against your score."
                     if config.style is InterviewStyle.INTERVIEWER else "Ask for hints and explanations any time.")
            return (f"Hello, and welcome. This is {what} for a {job_title(config.job_type, config.seniority)} "
                    f"role, {len(session.questions)} questions in about {config.duration_min} minutes. {style}")
        if kind is TurnKind.ASK and context.question is not None:
            number = context.question.index + 1
            total = len(session.questions)
            if isinstance(context.item, CodingProblem):
                return (f"Question {number} of {total} is a coding problem: {context.item.title}. Talk me through "
                        "your approach first, then write it, run it on the examples, and submit when you are ready.")
            if isinstance(context.item, BehavioralQuestion):
                return f"Question {number} of {total}: {context.item.question}"
            return f"Question {number} of {total}: {context.question.prompt}"
        if kind is TurnKind.OUTRO:
            return "Thank you, that's the end of the interview. Your feedback is ready."
        if kind is TurnKind.HINT:
            if isinstance(context.item, BehavioralQuestion):
                return ("Structure it as Situation, Task, Action, Result: say what you personally did, and end with "
                        "a result you can measure.")
            return None
        # Follow-ups and chat replies need a language model; without one the interviewer stays silent.
        return None
