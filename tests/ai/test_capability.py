"""The capability check on the real embedded model: every option order is asked, and the result is stored."""

from __future__ import annotations

from cloudinterview_desktop.ai.backends.llama_cpp_backend import LlamaCppBackend
from cloudinterview_desktop.ai.services.capability import PASS_SHARE, load_probes, run_check


def test_the_embedded_model_is_checked_in_every_option_order(backend: LlamaCppBackend) -> None:
    probes = load_probes()
    report = run_check(backend, probes)
    follow, order = report.tasks["follow_up_choice"], report.tasks["answer_order"]
    assert follow.total == 4 * len(probes["follow_up_choice"]) and order.total == 2 * len(probes["answer_order"])
    # the verdict is the measurement against the fixed pass mark, whatever it is
    assert report.passed == (follow.share >= PASS_SHARE and order.share >= PASS_SHARE)
    assert report.model == backend.name
