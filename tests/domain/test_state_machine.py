from __future__ import annotations

import pytest

from cloudinterview_desktop.domain.errors import IllegalTransition
from cloudinterview_desktop.domain.session import Action, SessionStatus, transition


@pytest.mark.parametrize(
    ("status", "action", "expected"),
    [
        (SessionStatus.CREATED, Action.START, SessionStatus.IN_PROGRESS),
        (SessionStatus.CREATED, Action.ABANDON, SessionStatus.ABANDONED),
        (SessionStatus.IN_PROGRESS, Action.COMPLETE, SessionStatus.COMPLETED),
        (SessionStatus.IN_PROGRESS, Action.ABANDON, SessionStatus.ABANDONED),
        (SessionStatus.IN_PROGRESS, Action.EXPIRE, SessionStatus.EXPIRED),
    ],
)
def test_legal_transitions(status: SessionStatus, action: Action, expected: SessionStatus) -> None:
    assert transition(status, action) is expected


@pytest.mark.parametrize("status", [SessionStatus.COMPLETED, SessionStatus.ABANDONED, SessionStatus.EXPIRED])
@pytest.mark.parametrize("action", list(Action))
def test_final_states_accept_nothing(status: SessionStatus, action: Action) -> None:
    with pytest.raises(IllegalTransition, match=action.value):
        transition(status, action)


def test_cannot_complete_or_expire_before_start() -> None:
    for action in (Action.COMPLETE, Action.EXPIRE):
        with pytest.raises(IllegalTransition, match="created"):
            transition(SessionStatus.CREATED, action)
