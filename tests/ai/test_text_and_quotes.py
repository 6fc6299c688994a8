"""Pure helpers of the AI services: streamed reply cleaning, quote checks, Big-O statements."""

from __future__ import annotations

import pytest

from cloudinterview_desktop.ai.services.text_cleanup import CODE_FENCE, StreamCleaner
from cloudinterview_desktop.domain.complexity import compare, normalise_big_o, stated_complexity
from cloudinterview_desktop.domain.quotes import QuoteChecker, anchor_quote, quote_occurs, relates_to


def _stream(pieces: list[str], stops: tuple[str, ...] = ()) -> tuple[str, bool]:
    cleaner = StreamCleaner(stops)
    shown = "".join(cleaner.feed(p) for p in pieces) + cleaner.finish()
    assert shown == cleaner.text  # what was streamed is exactly the final text
    return shown, cleaner.stopped


@pytest.mark.parametrize("pieces, stops, expected, stopped", [
    (["The interviewer", ':\n"Hello', " there, how", ' are you?"', "\n", "Cand", "idate: fine"], (),
     "Hello there, how are you?", True),
    (["**Interviewer:** Let", "'s begin with", " the first question."], (), "Let's begin with the first question.",
     False),
    (["Sure", "<", "|im_end|>", "more"], (), "Sure", True),
    (["Try a map. ", "Like this: ``", "`python\nseen = {}\n```"], (CODE_FENCE,), "Try a map. Like this:", True),
    (["Try a map. ", "Like this: ``", "`python\nseen = {}\n```"], (), "Try a map. Like this: ```python\nseen = {}\n```",
     False),
    (["  ", "Great", " question", "  \n"], (), "Great question", False),
    (["He said \"", "go", "\" and then", " left the room."], (), "He said \"go\" and then left the room.", False),
    (["Fine. [App", ": The candidate says"], (), "Fine.", True),
])
def test_stream_cleaner(pieces: list[str], stops: tuple[str, ...], expected: str, stopped: bool) -> None:
    assert _stream(pieces, stops) == (expected, stopped)


ANSWER = ("Last year I shipped a caching change that served stale prices to checkout. A customer reported it. "
          "I rolled back within 20 minutes, wrote a regression test and added cache invalidation on price updates.")


@pytest.mark.parametrize("quote, found", [
    ("I rolled back within 20 minutes", True),
    ("\u201ci ROLLED back   within 20 minutes.\u201d", True),  # quotes, case and spacing do not matter
    ("shipped a caching change ... added cache invalidation", True),  # an ellipsis marks an omission
    ("added cache invalidation ... shipped a caching change", False),  # but the order must hold
    ("I rewrote the whole pricing service", False),
    ("I", False),  # too short to prove anything
    ("", False),
])
def test_quote_occurs(quote: str, found: bool) -> None:
    assert quote_occurs(quote, ANSWER) is found


def test_quote_checker_anchors_paraphrases_and_drops_inventions() -> None:
    checker = QuoteChecker(ANSWER)
    assert checker.check("I rolled back within 20 minutes") == "I rolled back within 20 minutes"
    anchored = checker.check("I quickly rolled back within 20 minutes")
    assert anchored == "rolled back within 20 minutes" and anchored in ANSWER
    assert checker.check("2023-08-21T09:12:14.12.13.13") == ""
    assert checker.fabricated == ["2023-08-21T09:12:14.12.13.13"]
    assert anchor_quote("I decided to rebuild the entire platform in Rust", ANSWER) == ""


def test_a_quote_must_be_about_its_key_point() -> None:
    durability = "Durability: once committed, data survives crashes, typically via a write-ahead log."
    assert relates_to("committed data survives a crash, through a write-ahead log", durability)
    assert not relates_to("Atomicity means all changes commit together or none do.",
                          "Consistency: a transaction moves the database from one valid state to another.")
    assert relates_to("Example: a bank transfer.", "Uses a money transfer or order placement as a concrete example.")


@pytest.mark.parametrize("text, time, space", [
    ("It runs in O(n) time and uses O(1) extra space.", "O(n)", "O(1)"),
    ("Space is O(n), time O(n log n).", "O(n log n)", "O(n)"),
    ("Time complexity: O(n). Space complexity: O(1).", "O(n)", "O(1)"),
    ("This is O(n^2).", "O(n^2)", ""),
    ("I did not think about complexity.", "", ""),
])
def test_stated_complexity(text: str, time: str, space: str) -> None:
    stated = stated_complexity(text)
    assert (stated.time, stated.space) == (time, space)


def test_complexity_comparison_ignores_notation() -> None:
    assert normalise_big_o("O(n * log(n))") == normalise_big_o("O(nlogn)") == "o(nlogn)"
    assert compare("O(n²)", "O(n^2)") is True
    assert compare("O(n)", "O(n log n)") is False
    assert compare("", "O(n)") is None
