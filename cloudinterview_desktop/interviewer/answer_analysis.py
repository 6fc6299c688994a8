"""What a behavioral or theory answer contains, measured by code, each finding with the answer's own sentence as
its quote. The scoring mappings that use these findings are written out in report/rubric_questions.py.

Behavioral (STAR(R)): situation, task, action (first-person), result (with or without a number), reflection, and
relevance to the question. Theory: each key point covered, partly covered or missed, by the share of its meaning
words found in one sentence of the answer."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from cloudinterview_desktop.domain.problems import BehavioralQuestion, TheoryQuestion
from cloudinterview_desktop.interviewer.injection import scan
from cloudinterview_desktop.interviewer.text_signals import content_stems, overlap, sentences, stem, words

STAR_PARTS = ("situation", "task", "action", "result", "reflection")

_SITUATION = re.compile(
    r"\b(when I was|while I was|at my (previous|last|current|old|first)|at (a|my|our) (previous|former)|"
    r"in my (previous|last|first|current|old) (job|role|team|company|position)|last (year|quarter|month|spring|summer|"
    r"autumn|fall|winter)|(a|one) (few )?(years?|months?) ago|back in|in (19|20)\d\d|(our|my|the) (team|company|"
    r"startup|project|client|customer|manager|product|group|department|org|organi[sz]ation) (was|were|had|did)|"
    r"we (were|had) (a|an|just|about|been)|there was a|I was (working|leading|on|part|one|the|a|an|responsible)|"
    r"I worked (at|on|as|in)|I joined|I had just|at the time|the situation|the context|"
    r"I was (about|new|working|leading|running|managing|the only|one of)|(weeks?|months?|years?) into|"
    r"at (a|an|my|our) [\w-]+( [\w-]+)? (company|startup|firm|agency|bank|retailer|team|shop|org|organi[sz]ation)|"
    r"(on|in) my (last|previous|current|first|old) (team|job|role|project|company))\b", re.IGNORECASE)
_TASK = re.compile(
    r"\b(my (role|job|task|goal|responsibility|assignment|mandate) was|I was (asked|tasked|responsible|expected|"
    r"supposed|assigned)|I (needed|had|wanted) to|the goal was|our goal was|we (needed|had) to|(the|my) challenge "
    r"was|it was (up to|on) me|I owned)\b", re.IGNORECASE)
_NOT_ACTION = frozenset({"learned", "learnt", "realized", "realised", "believed", "felt", "thought", "liked", "loved",
                         "wanted", "hoped", "knew", "understood", "noticed", "enjoyed", "found", "saw", "meant",
                         "think", "believe", "feel", "guess", "am", "was", "have", "had", "would", "could", "should",
                         "always", "usually", "often", "never", "generally", "tend", "try", "like", "love", "hope",
                         "mean", "know", "will", "can", "do", "don't", "did", "didn't", "really", "just", "also",
                         "enjoy", "find", "see", "consider", "prefer", "value"})
_ACTION = re.compile(r"\b(I|I've|I'd)\s+(?:then\s+|also\s+|first\s+|personally\s+|quickly\s+|immediately\s+|"
                     r"eventually\s+|finally\s+|next\s+|decided\s+to\s+|started\s+to\s+|chose\s+to\s+|went\s+and\s+)?"
                     r"([a-z]+)", re.IGNORECASE)
# An outcome: a phrase that reports one, or a past-tense change stated with a number ("cut p95 latency by 40%").
_OUTCOME = re.compile(
    r"\b(as a result|the result (was|is)|results? (were|was)|resulted in|the outcome|in the end|by the end|"
    r"which meant|that meant|it meant|this meant|since then|has since|paid off|it worked|(it|that) stuck|went ahead|"
    r"went live|on time|ahead of schedule|no longer|without (any )?(\w+ )?(complaints?|incidents?|issues?))\b",
    re.IGNORECASE)
_MEASURE = re.compile(r"\d|\b(percent|half|halved|double[d]?|twice|triple[d]?|two|three|four|five|six|seven|eight|"
                      r"nine|ten|dozens?|hundreds?|thousands?|millions?)\b", re.IGNORECASE)
_PAST = re.compile(r"\b\w{3,}ed\b", re.IGNORECASE)
_CHANGE = re.compile(r"\b(reduced|increased|improved|cut|saved|grew|dropped|fell|rose|shipped|launched|delivered|"
                     r"achieved|won|retained|renewed|resolved|fixed|doubled|halved|tripled|went (down|up|from)|"
                     r"fewer|faster|lower|higher|more|less|promoted|adopted)\b", re.IGNORECASE)
_REFLECTION = re.compile(
    r"\b(learn(ed|t)|lesson|taught me|in hindsight|looking back|next time|would (do|have done|have|now)|"
    r"differently|since then|now I|I now|takeaway|take-away|realis|realiz|showed me|made me (see|realise|realize)|"
    r"I still|going forward|these days)\b", re.IGNORECASE)
_WE = re.compile(r"\b(we|our|the team|everyone|us)\b", re.IGNORECASE)
# Words any story uses: they say nothing about whether it answers this question.
_GENERIC = frozenset((
    "time", "times", "tell", "describe", "example", "situation", "work", "worked", "team", "project", "give",
    "share", "talk", "walk", "experience", "think", "candidate", "answer", "strong", "show", "shows", "good",
    "looks", "person", "people", "i'm", "i'd", "i've", "end", "keep", "start", "started", "first", "last", "real",
    "really", "new", "still", "took", "built", "found", "wrote", "make", "made", "later",
    "clear", "different", "piece", "instead", "back", "part", "better", "best", "day", "days",
    "week", "weeks", "month", "months", "year", "years", "way", "thing", "lot", "help", "helped", "get", "got", "go",
    "went", "know", "knew", "look", "looked", "find", "next", "now", "right", "left", "done", "doing", "place",
    "point", "whole", "own", "own-up", "moment",
))


@dataclass(frozen=True)
class Finding:
    present: bool
    quote: str = ""  # a sentence of the answer, verbatim


@dataclass(frozen=True)
class BehavioralAnalysis:
    parts: dict[str, Finding]
    measurable_result: Finding
    first_person_actions: tuple[str, ...]  # sentences where the candidate says what they did
    we_sentences: int
    relevance: int  # distinct meaning words of the question's texts that the answer uses
    on_topic: bool
    words: int
    injections: tuple[str, ...] = ()
    unrelated_at: int = 1
    action_verbs: int = 0  # first-person actions, counted apart even when one sentence holds several

    @property
    def unrelated(self) -> bool:
        """At most `unrelated_at` words of the question's own texts: scored as not answering it. (Between that and
        on topic the evidence is weak either way: the follow-up steers back to the question, the score stands.)"""
        return self.relevance <= self.unrelated_at and not self.on_topic

    @property
    def found(self) -> list[str]:
        return [name for name in STAR_PARTS if self.parts[name].present]


@dataclass(frozen=True)
class PointFinding:
    point: str
    status: str  # covered, partial or missed
    quote: str
    share: float  # of the point's meaning words found in the quoted sentence


@dataclass(frozen=True)
class MisconceptionFinding:
    point: int  # 1-based
    claim: str
    quote: str


@dataclass(frozen=True)
class TheoryAnalysis:
    points: tuple[PointFinding, ...]
    relevance: int
    on_topic: bool
    words: int
    injections: tuple[str, ...] = ()
    misconceptions: tuple[MisconceptionFinding, ...] = ()  # wrong claims the answer makes, quoted
    credit: float = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "credit", sum(1.0 if p.status == "covered" else 0.5 if p.status == "partial"
                                               else 0.0 for p in self.points))

    @property
    def coverage(self) -> float:
        return self.credit / len(self.points) if self.points else 0.0


# Thresholds: a key point counts as covered when one sentence holds at least COVERED of its meaning words
# (at least two of them), partly covered at PARTIAL; an answer is on topic when it uses at least ON_TOPIC distinct
# meaning words of the question's own texts (question, title, key points, follow-ups) or covers a key point.
COVERED, PARTIAL = 0.5, 0.3
ON_TOPIC = 3
# An item with authored topic words gives on-topic stories more words to use (seven in ten of them use 7 or more),
# while stories about something else still use few: the bars move up by one.
ON_TOPIC_WORDED, UNRELATED_WORDED = 4, 2
THEORY_DENSITY = 0.17


# A sentence that says one of the point's authored cues ("all or nothing" for atomicity) makes the point in other
# words than the rubric's: the cue's words, in order and next to each other, each compared by its stem.
CUE_STATUS = "partial"


_CONTRACTED = {"ca": "can", "wo": "will", "sha": "shall"}


def spoken_words(text: str) -> list[str]:
    """The words of a text with contractions opened ("doesn't" -> "does not"), lower case."""
    opened: list[str] = []
    for word in words(text):
        w = word.lower().replace("\u2019", "'")
        if w.endswith("n't") and len(w) > 3:
            opened += [_CONTRACTED.get(w[:-3], w[:-3]), "not"]
        else:
            opened.append(w)
    return opened


def phrase_stems(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in spoken_words(text))


def _said_at(said: Sequence[str], phrases: Sequence[tuple[str, ...]]) -> tuple[int, int] | None:
    """Where the first of `phrases` (stems) occurs in `said` (stems), word for word; None when none does."""
    return next(((i, i + len(p)) for p in phrases if p for i in range(len(said) - len(p) + 1)
                 if tuple(said[i:i + len(p)]) == p), None)


def _cue_sentence(cues: Sequence[tuple[str, ...]], parts: list[str]) -> str:
    """The first sentence that says one of the cues ('' when none does)."""
    return next((sentence for sentence in parts if _said_at(phrase_stems(sentence), cues)), "")


# What turns a sentence against the claim it names: a negation just before the claim ("it is not true that ..."),
# words that call it a myth anywhere in the sentence, or a "but" followed by a negation ("People say X, but it is
# not."). A negation elsewhere, in another clause ("X, and column order does not matter"), leaves the claim made.
_NEGATION = frozenset(("not", "no", "never", "neither", "nor", "without", "cannot"))
_MYTH = frozenset(("myth", "misconception", "misconceptions", "wrong", "false", "incorrect", "mistake", "mistaken",
                   "misleading", "untrue", "wrongly"))
_HEARSAY = re.compile(r"\b(people|many|some|others|folks|juniors|everyone) (often |usually |sometimes )?"
                      r"(think|thinks|assume|assumes|believe|believes|say|says|claim|claims)\b")
BEFORE = 4  # words before the claim where a negation turns it


def _refuted(said: Sequence[str], start: int, end: int) -> bool:
    if _NEGATION & set(said[max(0, start - BEFORE):start]) or _MYTH & set(said[:start]) | _MYTH & set(said[end:]):
        return True
    if _HEARSAY.search(" ".join(said[:start])):  # "people think X": the claim is reported, not made
        return True
    after = list(said[end:])
    return "but" in after and bool(_NEGATION & set(after[after.index("but"):]))


def said_misconceptions(item: TheoryQuestion, parts: list[str]) -> tuple[MisconceptionFinding, ...]:
    """The item's misconceptions the answer states: one of a claim's phrases in a sentence that does not refute it
    (see _refuted)."""
    found: list[MisconceptionFinding] = []
    split = [(s, spoken_words(s)) for s in parts]
    for wrong in item.misconceptions:
        phrases = [phrase_stems(p) for p in wrong.phrases]
        for sentence, sentence_words in split:
            hit = _said_at([stem(w) for w in sentence_words], phrases)
            if hit and not _refuted(sentence_words, *hit):
                found.append(MisconceptionFinding(wrong.point, wrong.claim, sentence))
                break
    return tuple(found)


def _first(pattern: re.Pattern[str], parts: list[str]) -> Finding:
    hit = next((s for s in parts if pattern.search(s)), "")
    return Finding(bool(hit), hit)


# Past-tense verbs that do not end in -ed: a story says what was done ("I wrote"), a generic answer what one does.
_IRREGULAR_PAST = frozenset((
    "began", "brought", "built", "bought", "caught", "chose", "came", "cut", "dealt", "did", "drew", "drove", "fed",
    "felt", "fought", "found", "flew", "forgot", "forgave", "froze", "gave", "got", "grew", "held", "hid", "hit",
    "kept", "knew", "laid", "led", "left", "lent", "let", "lost", "made", "meant", "met", "paid", "put", "quit",
    "ran", "rang", "rewrote", "rose", "said", "sat", "saw", "sent", "set", "shook", "shut", "sold", "sought",
    "spent", "split", "spoke", "stood", "stuck", "struck", "swept", "swung", "taught", "tore", "told", "took",
    "thought", "threw", "understood", "undertook", "won", "wrote", "withdrew", "overrode", "oversaw",
))


def _is_action(verb: str) -> bool:
    return verb not in _NOT_ACTION and (verb.endswith("ed") or verb in _IRREGULAR_PAST)


def _action_sentences(parts: list[str]) -> tuple[str, ...]:
    return tuple(s for s in parts if any(_is_action(m.group(2).lower()) for m in _ACTION.finditer(s)))


def _action_verbs(parts: list[str]) -> int:
    """How many times the story says "I <did something>" (several in one sentence count apart)."""
    return sum(1 for s in parts for m in _ACTION.finditer(s) if _is_action(m.group(2).lower()))


_GENERIC_STEMS = frozenset(stem(g) for g in _GENERIC)


def _relevance(answer: str, topic_text: str) -> int:
    """How many distinct meaning words of the question's own texts the answer uses."""
    topic = content_stems(topic_text) - _GENERIC_STEMS
    return len(topic & content_stems(answer))


# Words people use when they talk about each competency, beyond the question's own: "my manager told me my reviews
# were too harsh" is about feedback without saying the word.
COMPETENCY_WORDS: dict[str, str] = {
    "ownership": "owned responsibility accountable mistake fixed broke outage incident blame postmortem root cause",
    "conflict": "disagreed disagreement argued tension conflict clash friction compromise mediated resolved colleague",
    "failure": "failed failure mistake missed broke bug outage wrong regret postmortem rollback",
    "leadership": "led lead team delegated mentor vision direction hired motivated goals ownership",
    "ambiguity": "unclear ambiguous unknown assumptions requirements uncertain vague scope clarify",
    "influence": "convinced persuaded buy-in stakeholders proposal pushed back agreed data argument",
    "customer_focus": "customer customers user users client feedback complaint support churn",
    "teamwork": "team teammate colleague together helped collaborated pairing shared",
    "growth": "feedback told criticism harsh improve improved habit coach mentor learned lesson",
    "prioritization": "priority priorities prioritised prioritized deadline tradeoff scope roadmap urgent backlog",
    "communication": "explained presented wrote document audience stakeholders email meeting clear simple",
    "delivery": "deadline shipped launch release delivered scope milestone schedule late",
    "mentoring": "mentored coached junior taught guided onboarding pairing review growth",
    "decision_making": "decided decision options tradeoff data criteria chose evaluated risk",
    "adaptability": "changed change pivot adapted new reorg shift unexpected learned switched",
}


def _topic(item: BehavioralQuestion) -> str:
    return " ".join([item.question, item.title, item.competency.replace("_", " "), item.what_good_looks_like,
                     COMPETENCY_WORDS.get(item.competency, ""), *item.follow_ups, *item.gap_follow_ups.values(),
                     *item.topic_words])


# A sentence the candidate labelled ("Situation: ...", "Result - ...") is that part, whatever else it says.
_LABELLED = re.compile(r"^\W*(situation|context|background|task|goal|actions?|results?|outcome|impact|reflection|"
                       r"lessons?(?: learned)?|learnings?)\s*[:\-\u2013\u2014]\s*\S", re.IGNORECASE)
_LABEL_PART = {"situation": "situation", "context": "situation", "background": "situation", "task": "task",
               "goal": "task", "action": "action", "actions": "action", "result": "result", "results": "result",
               "outcome": "result", "impact": "result", "reflection": "reflection", "lesson": "reflection",
               "lessons": "reflection", "lesson learned": "reflection", "lessons learned": "reflection",
               "learning": "reflection", "learnings": "reflection"}


def _labelled(parts: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for sentence in parts:
        match = _LABELLED.match(sentence)
        if match:
            found.setdefault(_LABEL_PART[match.group(1).lower()], sentence)
    return found


def analyze_behavioral(answer: str, item: BehavioralQuestion | None) -> BehavioralAnalysis:
    injection = scan(answer)
    text = injection.clean_text
    parts = sentences(text)
    actions = _action_sentences(parts)
    situation = _first(_SITUATION, parts)
    # A measured result: after the story's first action, a sentence with a number that reports what happened.
    start = parts.index(actions[0]) if actions else 0
    later = parts[start + 1:] if len(parts) > start + 1 else parts[start:]
    # (a sentence that only says what the candidate did - "I asked two juniors" - is an action, not a result)
    measurable = next((s for s in later if _MEASURE.search(s) and (
        _OUTCOME.search(s) or _CHANGE.search(s) or (s not in actions and (
            _PAST.search(s) or any(w.lower() in _IRREGULAR_PAST for w in words(s)))))), "")
    result = Finding(True, measurable) if measurable else _first(_OUTCOME, later)
    relevance = _relevance(text, _topic(item)) if item is not None else ON_TOPIC
    worded = item is not None and bool(item.topic_words)
    task = _first(_TASK, parts)
    # The action quoted is the first that is not the task's own sentence ("Task: I owned the fix").
    action = next((a for a in actions if a != task.quote), actions[0] if actions else "")
    found = {"situation": situation, "task": task, "action": Finding(bool(actions), action), "result": result,
             "reflection": _first(_REFLECTION, parts)}
    for part, sentence in _labelled(parts).items():
        if part != "result" or not found["result"].present:  # a measured result found by code stays
            found[part] = Finding(True, sentence)
    return BehavioralAnalysis(
        parts=found, measurable_result=Finding(bool(measurable), measurable), first_person_actions=actions,
        we_sentences=sum(1 for s in parts if _WE.search(s)), relevance=relevance,
        on_topic=item is None or relevance >= (ON_TOPIC_WORDED if worded else ON_TOPIC), words=len(words(text)),
        injections=injection.flagged, unrelated_at=UNRELATED_WORDED if worded else 1,
        action_verbs=_action_verbs(parts))


# A question that contrasts named things ("state vs props", "liveness, readiness and startup probes") has key points
# each about one of them. A clause that names another of them and not the point's own says something about that
# other thing ("State is what the parent passes in" is no evidence about props, whatever words it shares with the
# point on props); a clause that names none of them (a pronoun, "they are read-only") can still make the point.
_CLAUSE = re.compile(r"[;:]|,\s*(?:and|but|while|whereas)\s|\s(?:while|whereas)\s", re.IGNORECASE)


_LISTED = re.compile(r",|\s(?:vs\.?|versus|and|or|over)\s|/", re.IGNORECASE)


def _first_stem(text: str) -> str:
    return next((stem(w) for w in words(text) if content_stems(w)), "")


def point_subjects(item: TheoryQuestion) -> list[str]:
    """For each key point, the thing it is about when the question contrasts several ('' when it does not): the
    point's first meaning word, when the title lists it among others ("Unit, integration and end-to-end tests")
    beside at least one other point's first word."""
    listed = [content_stems(part) for part in _LISTED.split(item.title)]
    firsts = [_first_stem(p) for p in item.key_points]
    where = {f: next((i for i, part in enumerate(listed) if f in part), None) for f in firsts}
    contrasted = {f for f, i in where.items() if i is not None}
    if len({where[f] for f in contrasted}) < 2:
        return ["" for _ in firsts]
    return [f if f in contrasted else "" for f in firsts]


def _about(sentence: str, subject: str, others: set[str]) -> str:
    """The clauses of a sentence that can speak about `subject`: those that name it or name none of `others`."""
    if not subject:
        return sentence
    clauses = [c for c in _CLAUSE.split(sentence) if c.strip()]
    return " ".join(c for c in clauses if subject in (have := content_stems(c)) or not others & have)


def analyze_theory(answer: str, item: TheoryQuestion) -> TheoryAnalysis:
    injection = scan(answer)
    text = injection.clean_text
    parts = sentences(text)
    findings = []
    cues = [[phrase_stems(c) for c in point_cues] for point_cues in item.key_point_cues]
    subjects = point_subjects(item)
    contrasted = {s for s in subjects if s}
    for n, point in enumerate(item.key_points):
        wanted = content_stems(point)
        about = [_about(sentence, subjects[n], contrasted - {subjects[n]}) for sentence in parts]
        best, quote, hits = 0.0, "", 0
        for sentence, said in zip(parts, about, strict=True):
            have = content_stems(said)
            share = overlap(wanted, have)
            if share > best:
                best, quote, hits = share, sentence, len(wanted & have)
        status = ("covered" if best >= COVERED and hits >= 2 else
                  "partial" if best >= PARTIAL and hits >= 2 else "missed")
        if status != "covered":
            said_cue = _cue_sentence(cues[n] if n < len(cues) else (), about)
            if said_cue:
                status, quote = CUE_STATUS, parts[about.index(said_cue)]
        findings.append(PointFinding(point, status, quote if status != "missed" else "", round(best, 2)))
    wrong = said_misconceptions(item, parts)
    contradicted = {m.point - 1 for m in wrong}
    # a point the answer contradicts is not made, whatever words it shares with the point
    findings = [replace(f, status="missed", quote="") if n in contradicted else f for n, f in enumerate(findings)]
    relevance = _relevance(text, " ".join([item.question, item.title, *item.topics, *item.key_points,
                                           *item.follow_ups, *item.gap_follow_ups.values()]))
    answer_stems = content_stems(text)
    asked = len(content_stems(f"{item.question} {item.title}") & answer_stems)
    density = relevance / len(answer_stems) if answer_stems else 0.0
    # Theory answers are on topic when they use two words of the question itself, or when the item's own words
    # make up a sixth of their vocabulary; a fluent answer about something else does neither.
    on_topic = asked >= 2 or density >= THEORY_DENSITY or any(p.status == "covered" for p in findings)
    return TheoryAnalysis(tuple(findings), relevance, on_topic, len(words(text)), injection.flagged, wrong)
