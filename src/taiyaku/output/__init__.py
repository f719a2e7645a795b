"""Output: turning a run's result into text for people and machines.

One module per format, listed once in :data:`FORMATS`: the ``check`` formats (``text``
or ``full``, ``concise``, ``grouped``, ``json``, ``github``, ``sarif``, ``junit``) and the
``report`` formats (``html``, ``markdown``).  Each module has a ``render(result) -> str``
(the text formats also take the terminal's ``color``, ``width`` and ``quiet``); the
report formats render the :class:`~taiyaku.output.report.model.Report` built from the
result.  Reporters read
only the :class:`~taiyaku.run.result.RunResult`: diagnostics, the lines they quote, what
each rule code means, and a summary; never a page, never a rule.
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from taiyaku.errors import ConfigError

if TYPE_CHECKING:
    from taiyaku.run.result import RunResult

__all__ = [
    "FORMATS",
    "Format",
    "check_formats",
    "get_reporter",
    "report_formats",
    "takes_style",
]


@dataclass(frozen=True)
class Format:
    name: str
    command: Literal["check", "report"]
    module: str
    help: str


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("text", "check", "taiyaku.output.text", "for people: the source line, a summary"),
        Format("full", "check", "taiyaku.output.text", "the same as text"),
        Format("concise", "check", "taiyaku.output.concise", "one line per finding"),
        Format("grouped", "check", "taiyaku.output.grouped", "findings under each file's name"),
        Format("json", "check", "taiyaku.output.json_format", "one JSON object (a public schema)"),
        Format("github", "check", "taiyaku.output.github", "GitHub Actions annotations"),
        Format("sarif", "check", "taiyaku.output.sarif", "SARIF 2.1.0, for code scanning"),
        Format("junit", "check", "taiyaku.output.junit", "JUnit XML, for GitLab and others"),
        Format("html", "report", "taiyaku.output.report.html", "one page for a browser"),
        Format("markdown", "report", "taiyaku.output.report.markdown", "a PR-comment summary"),
    )
}


def takes_style(render: Callable[..., str]) -> bool:
    """Whether a format's ``render`` takes the terminal's style (``color``, ``width``,
    ``quiet``): the formats for people do, the formats for machines do not."""
    import inspect

    return "width" in inspect.signature(render).parameters


def check_formats() -> tuple[str, ...]:
    return tuple(name for name, f in FORMATS.items() if f.command == "check")


def report_formats() -> tuple[str, ...]:
    return tuple(name for name, f in FORMATS.items() if f.command == "report")


def get_reporter(name: str, command: str = "check") -> Callable[[RunResult], str]:
    """The ``render`` function of format ``name``; a ConfigError (with a suggestion)
    for a name that is no ``command`` format."""
    fmt = FORMATS.get(name)
    if fmt is None or fmt.command != command:
        names = check_formats() if command == "check" else report_formats()
        close = difflib.get_close_matches(name, names, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise ConfigError(f"unknown format {name!r} (expected one of: {', '.join(names)}){hint}")
    module = importlib.import_module(fmt.module)
    return module.render  # type: ignore[no-any-return]
