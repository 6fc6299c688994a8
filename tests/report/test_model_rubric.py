"""The rubric over the real embedded model's evaluations, wired as the app wires it (AIFeedbackBuilder): whatever
the small model says, a qualitative level stands only on the candidate's own words, and the report renders."""

from __future__ import annotations

import pytest

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.domain.quotes import quote_occurs
from cloudinterview_desktop.report.content import prepare
from cloudinterview_desktop.report.export import render
from tests.report.sessions import behavioral_session, rubric_service
from tests.report.test_rubric import assert_every_score_has_evidence


@pytest.mark.model
@pytest.mark.slow
def test_real_model_evaluations_become_a_rubric_with_quotes(core_with_model: AppCore) -> None:
    core = core_with_model
    if core.ai.components() is None:
        pytest.skip("the embedded language model could not be loaded: " + " ".join(core.ai.notes))
    components = core.ai.components()
    assert components is not None
    # the model's evaluator as a model that passed its check uses it (the embedded one does not pass)
    session = behavioral_session(core, rubric_service(core, components.feedback_builder), spoken=False)
    assert session.feedback is not None
    payload = session.feedback.payload
    assert payload["source"] == "measured+model" and payload["rubric_version"] == 1
    assert_every_score_has_evidence(payload)
    answers = {a.question_index: a.text for a in session.answers}
    for question in payload["questions"]:
        for dim in question["rubric"]["dimensions"].values():
            if dim["source"] == "model" and dim["score"] is not None:
                quotes = [e["text"] for e in dim["evidence"] if e["type"] == "quote"]
                answer = answers[question["index"]]
                # STAR quotes are shown as "part: quote".
                assert quotes and all(quote_occurs(q, answer) or quote_occurs(q.split(": ", 1)[-1], answer)
                                      for q in quotes)
    assert render(prepare(session), "pdf").startswith(b"%PDF")
