"""GitHub Actions workflow commands: one annotation per finding.

    ::error file=content/support/chat.md,line=27,col=5,title=TM001 hours-mismatch::EN says …

``error`` and ``warning`` map to themselves, ``info`` to ``notice``.  Values are escaped
as the Actions runner expects: ``%``, CR and LF everywhere, and ``:`` and ``,`` in
properties.  The counterpart page (a pair finding's related location) is named in the
message, on its own line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Severity

if TYPE_CHECKING:
    from taiyaku.run.result import RunResult

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(result: RunResult) -> str:
    lines = []
    for d in result.diagnostics:
        props: dict[str, object] = {
            "file": Path(result.display(d.path)).as_posix(),
            "line": d.line,
            "col": d.column,
        }
        if d.end_line is not None:
            props["endLine"] = d.end_line
        if d.end_column is not None:
            props["endColumn"] = d.end_column
        props["title"] = f"{d.code} {d.name}"
        message = d.message
        for related in d.related:
            note = f" ({related.message})" if related.message else ""
            message += f"\nsee {Path(result.display(related.path)).as_posix()}:{related.line}{note}"
        properties = ",".join(f"{key}={escape_property(str(v))}" for key, v in props.items())
        lines.append(f"::{_COMMANDS[d.severity]} {properties}::{escape_data(message)}")
    return "".join(line + "\n" for line in lines)
