"""The code judge: runs untrusted solutions in a sandbox against a problem's tests (see docs/judge.md).

`Judge` and `starter_code` live in `judge.judge`; they are loaded on first use so that importing a light
module of this package (compare) does not pull in the sandbox.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Judge", "starter_code"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from cloudinterview_desktop.judge import judge

        return getattr(judge, name)
    raise AttributeError(name)
