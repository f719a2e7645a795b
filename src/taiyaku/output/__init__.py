"""Reporters turn a run's Diagnostics into text for people and machines.

Each reporter is one module with a ``render(result) -> str`` function; reporters know
Diagnostics and the run's summary, nothing about rules or documents.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from taiyaku.run.engine import RunResult

__all__ = ["get_reporter"]

_MODULES = {
    "text": "taiyaku.output.text",
    "json": "taiyaku.output.json_format",
    "github": "taiyaku.output.github",
    "sarif": "taiyaku.output.sarif",
    "junit": "taiyaku.output.junit",
}


def get_reporter(name: str) -> Callable[[RunResult], str]:
    module = importlib.import_module(_MODULES[name])
    return module.render  # type: ignore[no-any-return]
