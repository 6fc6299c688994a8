"""The result protocol as the parent enforces it: order, schema, one record per sent test, streaming, timing from
outside, and text made safe to show. Lines are fed by hand to the real collector; the channel records what the
collector sends and reports a CPU clock the test moves."""

from __future__ import annotations

import json
from typing import Any

import pytest

from cloudinterview_desktop.judge.text import clean_text
from cloudinterview_desktop.judge.verdicts import Collector


class Channel:
    def __init__(self) -> None:
        self.sent: list[bytes] = []
        self.closed = False
        self.cpu = 0.0

    def send(self, data: bytes) -> None:
        self.sent.append(data)

    def close_input(self) -> None:
        self.closed = True

    def cpu_ms(self, fresh: bool = False) -> float:
        return self.cpu


def line(**record: Any) -> bytes:
    return json.dumps(record).encode()


def record(index: int, **extra: Any) -> bytes:
    return line(index=index, status="ok", value=1, error="", time_ms=0.5, stdout="", stderr="", **extra)


def streaming(total: int = 2) -> tuple[Collector, Channel]:
    tests = [f"test {i}\n".encode() for i in range(total)]
    collector = Collector(total, 1.0, lambda _i: 1.0, None, tests=tests, ready=True)
    channel = Channel()
    collector.attach(channel)
    return collector, channel


def test_tests_are_sent_one_at_a_time_and_timed_by_the_parent() -> None:
    collector, channel = streaming()
    collector.on_line(line(event="ready"))
    assert channel.sent == []  # nothing before the code has loaded
    channel.cpu = 30.0
    collector.on_line(record(-1))
    assert channel.sent == [b"test 0\n"]
    channel.cpu = 530.0
    collector.on_line(record(0))
    assert channel.sent == [b"test 0\n", b"test 1\n"] and not channel.closed
    collector.on_line(record(1))
    assert channel.closed
    collector.on_line(line(event="done", max_rss_kb=100))
    assert collector.violation is None
    # The harness said 0.5 ms; the parent counted 500 ms of CPU for test 0 (bounded by the wall time it saw).
    assert collector.timing[-1].cpu_ms == 30.0
    assert collector.timing[0].cpu_ms == 500.0
    assert collector.timing[0].ms == round(collector.timing[0].wall_ms, 3)


@pytest.mark.parametrize("lines, why", [
    ([record(-1)], "before the harness was ready"),
    ([line(event="ready"), record(0)], "test 0 where test -1"),
    ([line(event="ready"), record(-1), record(0), record(0)], "test 0 where test 1"),
    ([line(event="ready"), record(-1), line(event="alive")], "unknown event"),
    ([line(event="ready"), record(-1), line(event="done")], "'done' event before every test"),
    ([line(event="ready"), record(-1), b"\xff{not json"], "not JSON"),
    ([line(event="ready"), record(-1), b"[1, 2]"], "not a JSON object"),
    ([line(event="ready"), record(-1), record(0, extra=1)], "unknown fields"),
    ([line(event="ready"), line(event="ready")], "unexpected 'ready'"),
    ([line(event="ready"), record(-1), line(index=0, status="ok", time_ms="1")], "time_ms is not a number"),
    ([line(event="ready"), record(-1), line(index=0, status=["ok"])], "unknown status"),
    ([line(event="ready"), record(-1), line(index=True, status="ok")], "integer index"),
    ([line(event="ready"), record(-1), line(index=0, status="ok", stdout=["x"])], "stdout is not text"),
])
def test_anything_off_the_protocol_stops_the_run(lines: list[bytes], why: str) -> None:
    collector, _channel = streaming()
    for item in lines:
        collector.on_line(item)
    assert collector.stopped()
    assert collector.violation is not None and why in collector.violation


def test_a_stray_line_after_the_last_record_is_the_last_tests_doing() -> None:
    collector, _channel = streaming(total=1)
    for item in (line(event="ready"), record(-1), record(0), line(event="alive")):
        collector.on_line(item)
    assert collector.violation_index == 0


def test_done_after_a_timeout_ends_the_run_early_without_a_violation() -> None:
    collector, _channel = streaming(total=3)
    for item in (line(event="ready"), record(-1), line(index=0, status="timeout", time_ms=0), line(event="done")):
        collector.on_line(item)
    assert not collector.stopped() and "done" in collector.events


def test_without_a_channel_the_harness_figures_are_used() -> None:
    collector = Collector(1, 1.0, lambda _i: 1.0, None)  # a batch of trusted reference runs
    for item in (record(-1), line(index=0, status="ok", value=2, time_ms=12.5)):
        collector.on_line(item)
    assert collector.timing[0].ms == 12.5 and collector.timing[0].cpu_ms is None


@pytest.mark.parametrize("raw, shown", [
    ("plain text\nand a tab\t", "plain text\nand a tab\t"),
    ("a\x1b[31mred\x1b[0m b", "ared b"),
    ("title\x1b]0;owned\x07 end", "title end"),
    ("csi\x9b2J bell\x07 nul\x00", "csi\ufffd2J bell\ufffd nul\ufffd"),
    ("windows\r\nline", "windows\nline"),
    ("bidi \u202eevil\u202c", "bidi \ufffdevil\ufffd"),
    ("lone \udcff surrogate", "lone \ufffd surrogate"),
])
def test_text_from_the_sandbox_is_made_safe_to_show(raw: str, shown: str) -> None:
    assert clean_text(raw) == shown
