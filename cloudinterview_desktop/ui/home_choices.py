"""The home page's choices for a new interview, kept in the settings so that the next start offers them again."""

from __future__ import annotations

from cloudinterview_desktop.domain.session import SessionConfig
from cloudinterview_desktop.settings import Key, Settings
from cloudinterview_desktop.ui.home_page import HomePage


def remember_choices(settings: Settings, config: SessionConfig) -> None:
    for key, value in ((Key.LAST_MODE, config.mode.value), (Key.LAST_JOB_TYPE, config.job_type),
                       (Key.LAST_SENIORITY, config.seniority), (Key.LAST_DIFFICULTY, config.difficulty),
                       (Key.INTERVIEW_STYLE, config.style.value), (Key.LAST_DURATION, config.duration_min)):
        settings.set(key, value)


def restore_choices(settings: Settings, home: HomePage) -> None:
    home.set_defaults(settings.get(Key.LAST_MODE), settings.get(Key.LAST_JOB_TYPE), settings.get(Key.LAST_SENIORITY),
                      settings.get(Key.LAST_DIFFICULTY), settings.get(Key.INTERVIEW_STYLE),
                      settings.get(Key.LAST_DURATION))
