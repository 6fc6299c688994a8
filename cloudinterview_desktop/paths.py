"""Where the app keeps its data, models, logs and cache: platformdirs, or all under $CLOUDINTERVIEW_HOME."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "CloudInterview"
HOME_ENV = "CLOUDINTERVIEW_HOME"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    models_dir: Path
    logs_dir: Path
    cache_dir: Path
    config_dir: Path

    @property
    def db_path(self) -> Path:
        return self.data_dir / "cloudinterview.sqlite"

    @property
    def recordings_dir(self) -> Path:
        return self.data_dir / "recordings"

    @property
    def reports_dir(self) -> Path:
        return self.data_dir / "reports"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def log_file(self) -> Path:
        return self.logs_dir / "cloudinterview.log"

    @property
    def crash_file(self) -> Path:
        return self.logs_dir / "crash.log"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.ini"

    def ensure(self) -> AppPaths:
        for folder in (self.data_dir, self.models_dir, self.logs_dir, self.cache_dir, self.config_dir,
                       self.recordings_dir, self.reports_dir, self.backups_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve_paths(home: Path | None = None) -> AppPaths:
    """`home` (or $CLOUDINTERVIEW_HOME) puts everything under one folder; otherwise the platform's locations."""
    root = home or (Path(os.environ[HOME_ENV]).expanduser() if os.environ.get(HOME_ENV) else None)
    if root is not None:
        root = root.resolve()
        return AppPaths(data_dir=root / "data", models_dir=root / "models", logs_dir=root / "logs",
                        cache_dir=root / "cache", config_dir=root / "config")
    return AppPaths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        models_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "models",
        logs_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
    )
