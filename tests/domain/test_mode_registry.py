"""The interview-mode registry: the built-in modes' mixes and names, registering and unregistering a mode, and mode
keys that read back as before (one instance per key, any stored key, registered or not)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cloudinterview_desktop.bank.selection import Slot, plan
from cloudinterview_desktop.domain.modes import (
    DEFAULT_MODE,
    ModeSpec,
    UnknownMode,
    all_modes,
    mode_for_kind,
    mode_spec,
    register_mode,
    unregister_mode,
)
from cloudinterview_desktop.domain.session import Mode, SessionConfig

PAIRS = ModeSpec(key="pairs", display_name="Pairs", kinds=("theory", "behavioral"))


@pytest.fixture
def pairs() -> Iterator[ModeSpec]:
    register_mode(PAIRS)
    yield PAIRS
    unregister_mode(PAIRS.key)


def test_the_built_in_modes_in_order() -> None:
    assert [spec.key for spec in all_modes()] == ["technical", "behavioral"]
    assert DEFAULT_MODE is Mode.TECHNICAL and SessionConfig().mode is DEFAULT_MODE
    technical, behavioral = mode_spec("technical"), mode_spec(Mode.BEHAVIORAL)
    assert technical.kinds == ("coding", "theory") and behavioral.kinds == ("behavioral",)
    assert technical.greeting_name == "a technical interview"
    assert behavioral.greeting_name == "a behavioral interview"
    assert technical.prompt_name == "technical interview (coding problems first, then theory questions)"
    assert behavioral.prompt_name == "behavioral interview"


@pytest.mark.parametrize(("config", "slots"), [
    (SessionConfig(mode=Mode.TECHNICAL, question_count=5, coding_count=2), [("coding", 2), ("theory", 3)]),
    (SessionConfig(mode=Mode.TECHNICAL, question_count=2, coding_count=4), [("coding", 2)]),
    (SessionConfig(mode=Mode.TECHNICAL, question_count=3, coding_count=0), [("theory", 3)]),
    (SessionConfig(mode=Mode.TECHNICAL, job_type="product", question_count=4), [("theory", 4)]),
    (SessionConfig(mode=Mode.BEHAVIORAL, question_count=3, coding_count=2), [("behavioral", 3)]),
    (SessionConfig(mode=Mode.BEHAVIORAL, job_type="analyst", question_count=1), [("behavioral", 1)]),
])
def test_the_built_in_mixes_are_what_selection_always_planned(config: SessionConfig,
                                                              slots: list[tuple[str, int]]) -> None:
    assert plan(config) == [Slot(kind, count) for kind, count in slots]


def test_a_mix_shares_the_rest_over_the_other_kinds_in_the_modes_order() -> None:
    assert PAIRS.mix(5, coding_count=2) == (("theory", 3), ("behavioral", 2))
    assert PAIRS.mix(1, coding_count=0) == (("theory", 1),)
    coding_only = ModeSpec(key="drill", display_name="Drill", kinds=("coding",))
    assert coding_only.mix(3, coding_count=1) == (("coding", 3),)
    assert coding_only.mix(3, coding_count=1, coding_allowed=False) == ()
    theory_first = ModeSpec(key="late", display_name="Late", kinds=("theory", "coding"))
    assert theory_first.mix(4, coding_count=1) == (("theory", 3), ("coding", 1))


def test_registering_and_unregistering_a_mode(pairs: ModeSpec) -> None:
    assert mode_spec("pairs") is pairs and all_modes()[-1] is pairs
    assert plan(SessionConfig(mode=Mode("pairs"), question_count=3)) == [Slot("theory", 2), Slot("behavioral", 1)]
    with pytest.raises(ValueError, match="already registered"):
        register_mode(PAIRS)
    with pytest.raises(ValueError, match="built-in"):
        unregister_mode("technical")
    # A practice of one question still runs in the first mode that asks its kind.
    assert mode_for_kind("theory").key == "technical" and mode_for_kind("behavioral").key == "behavioral"


def test_an_unknown_mode_is_a_domain_error_naming_the_known_ones() -> None:
    with pytest.raises(UnknownMode, match=r"'telepathy'.*technical, behavioral"):
        mode_spec("telepathy")
    with pytest.raises(UnknownMode):
        mode_for_kind("riddle")
    with pytest.raises(ValueError, match="lower case"):
        ModeSpec(key="Theory Only", display_name="x", kinds=("theory",))
    with pytest.raises(ValueError, match="no kind"):
        ModeSpec(key="empty", display_name="Empty", kinds=())


def test_mode_keys_read_back_like_the_enum_they_replaced() -> None:
    assert Mode("technical") is Mode.TECHNICAL and Mode(Mode.BEHAVIORAL) is Mode.BEHAVIORAL
    assert Mode.TECHNICAL == "technical" and Mode.BEHAVIORAL.value == "behavioral"
    assert type(Mode.TECHNICAL.value) is str and f"{Mode.TECHNICAL}" == "technical"
    gone = Mode("retired-mode")  # a stored session of a mode no longer registered still reads back
    assert gone.value == "retired-mode" and gone is Mode("retired-mode")
