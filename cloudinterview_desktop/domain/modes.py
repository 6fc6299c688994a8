"""The interview modes: one registry that every part of the app asks what a mode is. A mode decides which kinds of
question a session asks and in what mix, what the bank interviewer's greeting and the model's prompts call the
interview, and (through its kinds) which rubric dimensions its feedback scores. Question selection
(bank/selection.py), pinned questions (service), the greeting (interviewer/bank_interviewer.py), the model's prompts
(ai/services/conversation.py), the CLI's --mode choices, the home page's mode picker and the history page's mode
filter read it; nothing else tests a mode's key.

Adding a mode: one `register_mode(ModeSpec(...))` (docs/architecture.md, "How to add an interview mode")."""

from __future__ import annotations

from dataclasses import dataclass

from cloudinterview_desktop.domain.errors import DomainError
from cloudinterview_desktop.domain.session import Mode

__all__ = ["BUILTIN_MODES", "DEFAULT_MODE", "ModeSpec", "UnknownMode", "all_modes", "mode_for_kind", "mode_spec",
           "register_mode", "unregister_mode"]

CODING = "coding"


class UnknownMode(DomainError):
    """A mode key that no registered mode has."""


@dataclass(frozen=True)
class ModeSpec:
    key: str  # what sessions store ("technical"); lower case, no spaces
    display_name: str  # the mode's name ("Technical"); the greeting says "a technical interview"
    kinds: tuple[str, ...]  # the kinds of question it asks, in the order they are asked ("coding", "theory")
    prompt_description: str = ""  # what the model's prompts call it ($mode); "" for "<display name> interview"
    interview_name: str = ""  # what the bank interviewer's greeting calls it; "" for "<display name> interview"

    def __post_init__(self) -> None:
        if not self.key or self.key != self.key.strip().lower() or " " in self.key:
            raise ValueError(f"a mode key is lower case without spaces, not {self.key!r}")
        if not self.kinds:
            raise ValueError(f"mode {self.key!r} asks no kind of question")

    @property
    def mode(self) -> Mode:
        return Mode(self.key)

    @property
    def greeting_name(self) -> str:
        """"a technical interview": what the bank interviewer's greeting calls a session of this mode."""
        name = self.interview_name or f"{self.display_name.lower()} interview"
        return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"

    @property
    def prompt_name(self) -> str:
        return self.prompt_description or self.interview_name or f"{self.display_name.lower()} interview"

    def mix(self, total: int, coding_count: int, coding_allowed: bool = True) -> tuple[tuple[str, int], ...]:
        """How many questions of each kind a session of `total` questions asks, in the mode's order of kinds,
        without empty kinds. `coding_count` of them are coding problems (none where the job has no coding); the rest
        is shared over the other kinds, the earlier ones taking what does not divide. A mode that asks only coding
        problems asks all `total` as coding problems."""
        others = [kind for kind in self.kinds if kind != CODING]
        coding = 0
        if CODING in self.kinds and coding_allowed:
            coding = max(0, min(coding_count, total)) if others else total
        rest = total - coding
        share, extra = divmod(rest, len(others)) if others else (0, 0)
        counts = [(CODING, coding)] if CODING in self.kinds else []
        counts += [(kind, share + (1 if n < extra else 0)) for n, kind in enumerate(others)]
        order = {kind: n for n, kind in enumerate(self.kinds)}
        return tuple(sorted(((k, c) for k, c in counts if c > 0), key=lambda kc: order[kc[0]]))


BUILTIN_MODES: tuple[ModeSpec, ...] = (
    ModeSpec(key="technical", display_name="Technical", kinds=("coding", "theory"),
             prompt_description="technical interview (coding problems first, then theory questions)"),
    ModeSpec(key="behavioral", display_name="Behavioral", kinds=("behavioral",)),
)
DEFAULT_MODE = Mode.TECHNICAL

_REGISTRY: dict[str, ModeSpec] = {spec.key: spec for spec in BUILTIN_MODES}


def register_mode(spec: ModeSpec) -> ModeSpec:
    """Adds a mode; its key must be new. Modes are listed in the order they were registered."""
    if spec.key in _REGISTRY:
        raise ValueError(f"an interview mode {spec.key!r} is already registered")
    _REGISTRY[spec.key] = spec
    return spec


def unregister_mode(key: str) -> None:
    """Removes a registered mode (the built-in ones stay); stored sessions of it still read back."""
    if any(spec.key == key for spec in BUILTIN_MODES):
        raise ValueError(f"{key!r} is a built-in interview mode")
    _REGISTRY.pop(key, None)


def mode_spec(key: str) -> ModeSpec:
    try:
        return _REGISTRY[str(key)]
    except KeyError:
        raise UnknownMode(f"no interview mode {str(key)!r} (known: {', '.join(_REGISTRY)})") from None


def all_modes() -> tuple[ModeSpec, ...]:
    return tuple(_REGISTRY.values())


def mode_for_kind(kind: str) -> ModeSpec:
    """The first registered mode that asks questions of `kind`: the mode a one-question practice of it runs in."""
    spec = next((spec for spec in _REGISTRY.values() if kind in spec.kinds), None)
    if spec is None:
        raise UnknownMode(f"no interview mode asks {kind} questions")
    return spec
