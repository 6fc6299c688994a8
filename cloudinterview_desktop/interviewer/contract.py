"""The turn contract: what every interviewer turn must keep, whoever wrote it (bank, template or model), checked by
code sentence by sentence before the candidate sees or hears it.

A turn is spoken to the candidate in the second person, with no speaker labels; it states no fact that contradicts
the session (question number and count, duration, verdicts) and no score; no sentence repeats an earlier turn; a
follow-up asks exactly one question; in interviewer style it holds no code and nothing of the reference's key
insight; it stays within a length bound and on the interview's subject."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

from cloudinterview_desktop.domain.ports import Interviewer, InterviewerTurn, TokenSink, TurnContext, TurnKind
from cloudinterview_desktop.domain.problems import BankItem, BehavioralQuestion, CodingProblem, TheoryQuestion
from cloudinterview_desktop.domain.session import EventKind, InterviewSession, InterviewStyle, Role
from cloudinterview_desktop.interviewer.text_signals import content_stems, normalized, overlap, sentences, words

# Most words a turn may say besides the bank's own question text.
MAX_WORDS: dict[TurnKind, int] = {TurnKind.INTRO: 90, TurnKind.ASK: 45, TurnKind.FOLLOW_UP: 60,
                                  TurnKind.CHAT: 90, TurnKind.HINT: 90, TurnKind.OUTRO: 60}
REPEAT_MIN_WORDS = 5  # shorter sentences ("Let's start.") may recur
INSIGHT_OVERLAP = 0.6  # share of a not-yet-given hint's meaning words that makes a sentence give it away

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12}
_NUM = r"(\d+|" + "|".join(_NUMBERS) + r")"
_THIRD_PERSON = re.compile(r"\bthe (candidate|interviewee|applicant|user)('s)?\b|\b(he|she) (said|answered|"
                           r"mentioned|wrote|explained)\b", re.IGNORECASE)
_LABEL = re.compile(r"^\W*(interviewer|candidate|assistant|user|ai|system|bot|me|you)\W*:", re.IGNORECASE)
_QUESTION_N = re.compile(r"\bquestion\s+" + _NUM + r"(\s+of\s+" + _NUM + r")?", re.IGNORECASE)
_N_QUESTIONS = re.compile(r"\b" + _NUM + r"\s+(more\s+)?questions\b", re.IGNORECASE)
_MINUTES = re.compile(r"\b" + _NUM + r"\s+minutes?\b", re.IGNORECASE)
_ACCEPTED_CLAIM = re.compile(r"\b(accepted|all (the )?(hidden )?tests (pass|passed)|passed all|(is|looks) correct "
                             r"now|you solved it)\b", re.IGNORECASE)
_FAILED_CLAIM = re.compile(r"\b(wrong answer|time limit|fail(s|ed|ing)?|doesn't pass|does not pass|is (wrong|"
                           r"incorrect))\b", re.IGNORECASE)
_SCORE_CLAIM = re.compile(r"\byou (scored|earned|received|get|got) (a |an )?\d|\byour (score|rating|grade|band) "
                          r"(is|was|will be)\b|\b\d+\s*(/|out of)\s*\d+\b|\b(strong|lean) (yes|no)\b|\byou (passed|"
                          r"failed) the interview\b|\b(hire|no hire) (decision|recommendation)\b", re.IGNORECASE)
_CODE = re.compile(r"```|`[^`]+`|\bdef \w+\s*\(|\b(for|while|if)\s*\(.*\)\s*\{|;\s*$|\breturn [^.]*;|=>|\w+\[\w*\]\s*="
                   r"|\b\w+\(\w*(,\s*\w+)*\)\s*[:{]", re.MULTILINE)
_SELF = re.compile(r"\b(as an ai|language model|i('m| am) (just )?an? (ai|assistant|model)|i cannot (help|assist)|"
                   r"i'm sorry, but|as a mock interviewer)\b", re.IGNORECASE)
# Words any interview turn may use: the on-topic rule asks for one of these or a word of the item or the answer.
_INTERVIEW_WORDS = content_stems(
    "approach solution complexity time space input inputs example examples case cases edge output result outcome "
    "team personally differently specific situation trade-off tradeoff design question answer code test tests run "
    "submit performance memory data scale larger smaller faster step steps decision impact measure learned lesson "
    "project problem algorithm structure assumption explain walk trace correct correctness")


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _NUMBERS[text.lower()]


@dataclass(frozen=True)
class Violation:
    rule: str
    sentence: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.sentence[:120]}"


@dataclass
class TurnContract:
    kind: TurnKind
    context: TurnContext
    verbatim: tuple[str, ...] = ()  # the bank's own text this turn may quote (the question, the statement)
    previous: set[str] = field(default_factory=set)
    words_said: int = 0
    questions: int = 0

    @classmethod
    def for_turn(cls, kind: TurnKind, context: TurnContext) -> TurnContract:
        item = context.item
        verbatim: list[str] = []
        if isinstance(item, TheoryQuestion | BehavioralQuestion):
            verbatim += [item.question, item.title]
        elif isinstance(item, CodingProblem):
            verbatim += [item.title, item.statement]
        if context.question is not None:
            verbatim += [context.question.prompt, context.question.title]
        previous = {normalized(s) for r in context.session.ai_responses if r.role is Role.INTERVIEWER
                    for s in sentences(r.content) if len(words(s)) >= REPEAT_MIN_WORDS}
        return cls(kind, context, tuple(v for v in verbatim if v), previous)

    # -- facts of the session --------------------------------------------------------------------------------

    @property
    def _number(self) -> int:
        session = self.context.session
        index = self.context.question.index if self.context.question is not None else session.current_question_index
        return index + 1

    def _last_verdict(self) -> str | None:
        if self.context.last_report is not None:
            return self.context.last_report.verdict.value
        index = self._number - 1
        runs = [e.payload for e in self.context.session.timeline
                if e.kind is EventKind.CODE_RUN and e.question_index == index]
        return str(runs[-1].get("verdict")) if runs else None

    def _is_verbatim(self, sentence: str) -> bool:
        core = sentence.strip().strip("*_").strip()
        quoted = re.search("\u201c(.+)\u201d", core)
        if quoted:  # "The question says: “...”" quotes the item's own words
            core = quoted.group(1)
        return any(core and core in text for text in self.verbatim) or \
            any(normalized(core) and normalized(core) in normalized(text) for text in self.verbatim)

    def _facts(self, sentence: str) -> str | None:
        session = self.context.session
        total = len(session.questions)
        for match in _QUESTION_N.finditer(sentence):
            number = _number(match.group(1))
            if number != self._number or (match.group(3) and _number(match.group(3)) != total):
                return f"says question {match.group(0)!r}, but this is question {self._number} of {total}"
        for match in _N_QUESTIONS.finditer(sentence):
            if match.group(2):  # "two more questions"
                if _number(match.group(1)) != total - self._number:
                    return f"says {match.group(0)!r}, but {total - self._number} remain"
            elif _number(match.group(1)) != total:
                return f"says {match.group(0)!r}, but the interview has {total}"
        for match in _MINUTES.finditer(sentence):
            if _number(match.group(1)) != session.config.duration_min:
                return f"says {match.group(0)!r}, but the interview lasts {session.config.duration_min} minutes"
        coding = isinstance(self.context.item, CodingProblem) or (
            self.context.question is not None and self.context.question.kind == "coding")
        verdict = self._last_verdict()
        if not coding:
            pass  # verdicts exist only for code: "what failed" in a behavioral follow-up is no claim
        elif _ACCEPTED_CLAIM.search(sentence) and verdict != "accepted":
            return "claims the solution was accepted, but it was not"
        elif _FAILED_CLAIM.search(sentence) and verdict in (None, "accepted") and self.kind is not TurnKind.INTRO:
            return "claims a failure that the judge did not report"
        if _SCORE_CLAIM.search(sentence):
            return "states a score"
        return None

    def _insight(self, sentence: str) -> bool:
        item = self.context.item
        if not isinstance(item, CodingProblem) or self.context.session.config.style is not InterviewStyle.INTERVIEWER:
            return False
        index = self._number - 1
        given = self.context.session.hints_used(index)
        have = content_stems(sentence)
        public = content_stems(f"{item.title} {item.statement}")  # what the candidate was shown anyway
        for hint in item.hints[given:]:
            wanted = content_stems(hint) - public
            if len(wanted) >= 2 and overlap(wanted, have) >= INSIGHT_OVERLAP:
                return True
        return False

    @cached_property
    def _topic_words(self) -> frozenset[str]:
        """The words a follow-up or chat reply may stay on topic with, gathered once per turn."""
        allowed = set(_INTERVIEW_WORDS)
        for text in (*self.verbatim, self.context.candidate_message):
            allowed |= content_stems(text)
        item = self.context.item
        if isinstance(item, TheoryQuestion):
            allowed |= content_stems(" ".join(item.key_points))
        if isinstance(item, TheoryQuestion | BehavioralQuestion):
            allowed |= content_stems(" ".join(item.follow_ups))
        if item is not None:
            allowed |= content_stems(" ".join(item.gap_follow_ups.values()))
        return frozenset(allowed)

    def _on_topic(self, sentence: str) -> bool:
        if self.kind not in (TurnKind.FOLLOW_UP, TurnKind.CHAT):
            return True
        return bool(content_stems(sentence) & self._topic_words) or len(words(sentence)) <= 6

    # -- checks ----------------------------------------------------------------------------------------------

    def check(self, sentence: str) -> Violation | None:
        """Check one sentence in the order the turn says it; a sentence that passes is counted as said."""
        text = sentence.strip()
        if not text:
            return None
        verbatim = self._is_verbatim(text)
        rule: str | None = None
        if _LABEL.search(text):
            rule = "speaker label"
        elif _THIRD_PERSON.search(text) and not verbatim:
            rule = "not addressed to the candidate"
        elif _SELF.search(text):
            rule = "off topic: talks about itself"
        elif not verbatim and (fact := self._facts(text)):
            rule = f"contradicts the session: {fact}"
        elif len(words(text)) >= REPEAT_MIN_WORDS and normalized(text) in self.previous:
            rule = "repeats an earlier turn"
        elif not verbatim and self.context.session.config.style is InterviewStyle.INTERVIEWER and _CODE.search(text):
            rule = "code in interviewer style"
        elif not verbatim and self._insight(text):
            rule = "gives away the key insight"
        elif self.kind is TurnKind.FOLLOW_UP and "?" in text and self.questions >= 1:
            rule = "a follow-up asks one question only"
        elif not verbatim and self.words_said + len(words(text)) > MAX_WORDS[self.kind]:
            rule = "too long"
        elif not verbatim and not self._on_topic(text):
            rule = "off topic"
        if rule is not None:
            return Violation(rule, text)
        if not verbatim:
            self.words_said += len(words(text))
        self.questions += text.count("?") and 1
        self.previous.add(normalized(text))
        return None

    def complete(self) -> Violation | None:
        """Rules about the whole turn, checked when it ends."""
        if self.kind is TurnKind.FOLLOW_UP and self.questions != 1:
            return Violation("a follow-up asks exactly one question", "")
        return None


_BOUNDARY = re.compile(r"[.!?][\"'\u201d)\]]*(?=\s)|\n")


class ContractStream:
    """Passes streamed text on one whole sentence at a time, each only after it passed the contract."""

    def __init__(self, contract: TurnContract, on_token: TokenSink | None, hold_all: bool = False) -> None:
        self._contract = contract
        self._on_token = on_token
        self._hold_all = hold_all  # follow-ups: shown only once the whole turn is known to keep the contract
        self._buffer = ""
        self.received = False
        self.kept: list[str] = []
        self.caught: list[Violation] = []

    def feed(self, piece: str) -> None:
        self.received = self.received or bool(piece)
        self._buffer += piece
        while True:
            match = _BOUNDARY.search(self._buffer)
            if match is None:
                return
            sentence, self._buffer = self._buffer[:match.end()], self._buffer[match.end():]
            self._take(sentence)

    def _take(self, sentence: str) -> None:
        if not sentence.strip():
            return
        violation = self._contract.check(sentence)
        if violation is not None:
            self.caught.append(violation)
            return
        text = sentence.strip()
        self.kept.append(text)
        if self._on_token is not None and not self._hold_all:
            self._on_token(("" if len(self.kept) == 1 else " ") + text)

    def finish(self) -> str:
        self._take(self._buffer)
        self._buffer = ""
        final = self._contract.complete()
        if final is not None:
            self.caught.append(final)
            return ""
        text = " ".join(self.kept)
        if self._hold_all and self._on_token is not None and text:
            self._on_token(text)
        return text

    @property
    def shown(self) -> bool:
        return bool(self.kept) and not self._hold_all


class ContractedInterviewer:
    """Every turn of `inner` through the contract; a turn that cannot keep it is replaced by `fallback`'s."""

    def __init__(self, inner: Interviewer, fallback: Interviewer | None = None,
                 on_caught: Callable[[TurnKind, list[Violation]], None] | None = None) -> None:
        self._inner = inner
        self._fallback = fallback
        self._on_caught = on_caught

    def __getattr__(self, name: str) -> object:  # warm_up and other optional hooks of the inner interviewer
        return getattr(self._inner, name)

    def turn(self, kind: TurnKind, context: TurnContext, on_token: TokenSink | None = None,
             cancel: threading.Event | None = None) -> InterviewerTurn | None:
        stream = ContractStream(TurnContract.for_turn(kind, context), on_token,
                                hold_all=kind is TurnKind.FOLLOW_UP)
        turn = self._inner.turn(kind, context, stream.feed, cancel)
        if turn is None:
            return None
        if not stream.received and turn.text:
            stream.feed(turn.text)  # an interviewer that returned its text without streaming it
        text = stream.finish()
        caught = tuple(str(v) for v in stream.caught)
        if caught and self._on_caught is not None:
            self._on_caught(kind, stream.caught)
        if text and (kind is not TurnKind.ASK or not stream.caught):
            return InterviewerTurn(text, turn.source, caught)
        if self._fallback is None or stream.shown:
            return InterviewerTurn(text, turn.source, caught) if text else None
        spare = ContractStream(TurnContract.for_turn(kind, context), on_token, hold_all=kind is TurnKind.FOLLOW_UP)
        backup = self._fallback.turn(kind, context, spare.feed, cancel)
        if backup is None:
            return None
        if not spare.received and backup.text:
            spare.feed(backup.text)
        fallback_text = spare.finish()
        caught += tuple(str(v) for v in spare.caught)
        return replace(backup, text=fallback_text, caught=caught) if fallback_text else None


def audit(session: InterviewSession, items: dict[str, BankItem]) -> list[Violation]:
    """Re-check every stored interviewer turn against the contract, each with only what the session held when it
    was said: what a candidate was shown that breaks the contract (there should be none)."""
    kinds = {k.value: k for k in TurnKind}
    found: list[Violation] = []
    responses = session.ai_responses
    for n, message in enumerate(responses):
        kind = kinds.get(message.purpose)
        if message.role is not Role.INTERVIEWER or kind is None:
            continue
        before = replace(session, ai_responses=responses[:n],
                         timeline=tuple(e for e in session.timeline if e.at <= message.created_at))
        question = session.questions[message.question_index] if message.question_index is not None else None
        item = items.get(question.item_slug) if question is not None else None
        candidate = next((r.content for r in reversed(responses[:n]) if r.role is Role.CANDIDATE), "")
        contract = TurnContract.for_turn(kind, TurnContext(before, question, item, candidate_message=candidate))
        for sentence in sentences(message.content):
            violation = contract.check(sentence)
            if violation is not None:
                found.append(violation)
        final = contract.complete()
        if final is not None:
            found.append(final)
    return found
