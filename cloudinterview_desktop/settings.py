"""User preferences behind typed keys, stored with QSettings in an INI file under the app's config folder."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QSettings


class Key(Enum):
    """Each key with its default; the default's type is the value's type."""

    THEME = ("ui/theme", "system")  # light, dark or system
    EDITOR_FONT_SIZE = ("ui/editor_font_size", 14)
    DEFAULT_LANGUAGE = ("interview/language", "python")
    LAST_MODE = ("interview/mode", "technical")
    LAST_JOB_TYPE = ("interview/job_type", "software")
    LAST_SENIORITY = ("interview/seniority", "mid")
    LAST_DIFFICULTY = ("interview/difficulty", "medium")
    LAST_DURATION = ("interview/duration_min", 45)
    INTERVIEW_STYLE = ("interview/style", "interviewer")
    TTS_ENABLED = ("voice/tts_enabled", True)
    INPUT_DEVICE = ("voice/input_device", "")
    LLM_MODEL = ("ai/model", "")  # a registered model's name; empty = the embedded default
    GPU_LAYERS = ("ai/gpu_layers", -1)  # -1 = auto
    ENDPOINT_URL = ("ai/endpoint_url", "")
    ENDPOINT_MODEL = ("ai/endpoint_model", "")
    ENDPOINT_KEY = ("ai/endpoint_key", "")  # stored in the settings file in plain text: use a local server's key
    USE_MODEL = ("ai/use_model", True)  # off: the bank's interviewer and measured feedback, no model loaded
    IDLE_EXPIRY_MIN = ("data/idle_expiry_min", 120)  # CloudInterview's 2-hour cleanup, as a setting
    PURGE_AFTER_DAYS = ("data/purge_after_days", 0)  # 0 = keep forever
    WINDOW_GEOMETRY = ("ui/window_geometry", b"")
    ALLOW_UNISOLATED = ("judge/allow_unisolated", False)  # the user allowed judged code to run without a sandbox

    @property
    def path(self) -> str:
        return str(self.value[0])

    @property
    def default(self) -> Any:
        return self.value[1]


class Settings:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, key: Key) -> Any:
        raw = self._qs.value(key.path, key.default)
        default = key.default
        if isinstance(default, bool):
            return raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")
        if isinstance(default, int):
            try:
                return int(cast(str, raw))
            except (TypeError, ValueError):
                return default
        if isinstance(default, bytes):
            return bytes(cast(bytes, raw)) if raw is not None else default
        return str(raw) if raw is not None else default

    def set(self, key: Key, value: Any) -> None:
        self._qs.setValue(key.path, value)
        self._qs.sync()


class SettingsConsent:
    """The user's answer to "run judged code without a sandbox?", remembered in the settings of this data folder
    (a `judge.protection.ConsentStore`)."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def given(self) -> bool:
        return bool(self._settings.get(Key.ALLOW_UNISOLATED))

    def give(self) -> None:
        self._settings.set(Key.ALLOW_UNISOLATED, True)
