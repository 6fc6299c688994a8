"""CloudInterview Desktop: offline, on-device AI mock interviews."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("cloudinterview-desktop")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.1.0"

