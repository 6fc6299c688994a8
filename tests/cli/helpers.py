"""Running the real `cloudinterview` command in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

COMMAND = [sys.executable, "-m", "cloudinterview_desktop"]


def cli(*args: str, home: Path, stdin: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLOUDINTERVIEW_HOME": str(home)}
    return subprocess.run([*COMMAND, *args], input=stdin, capture_output=True, text=True, env=env, timeout=timeout)


def cli_json(*args: str, home: Path) -> Any:
    result = cli(*args, "--json", home=home)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def popen(*args: str, home: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "CLOUDINTERVIEW_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([*COMMAND, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, bufsize=1)
