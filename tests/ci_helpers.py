"""Helpers for end-to-end tests through the command line (``taiyaku.cli.main``).

``check(site, ...)`` runs ``taiyaku check`` inside ``site`` (the content root) with JSON
output and returns the exit code, stdout, stderr and the findings as short strings::

    run = check(site, "--select", "PR")
    assert run.findings == ["support/a.md:1 PR001"]
"""

from __future__ import annotations

import contextlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from taiyaku.cli import main


@dataclass
class CliRun:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)

    @property
    def findings(self) -> list[str]:
        """``"path:line CODE"`` for each diagnostic of a JSON run."""
        return [f"{d['path']}:{d['line']} {d['code']}" for d in self.json["diagnostics"]]

    @property
    def messages(self) -> list[str]:
        return [
            f"{d['path']}:{d['line']} {d['code']} {d['message']}" for d in self.json["diagnostics"]
        ]


def taiyaku(cwd: Path, *args: str) -> CliRun:
    """Run the CLI in ``cwd`` and capture what it prints."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return CliRun(code, out.getvalue(), err.getvalue())


def check(site: Path, *args: str) -> CliRun:
    """``taiyaku check --format json`` with ``site`` as working directory and content root."""
    return taiyaku(site, "check", "--no-config", "--root", ".", "--format", "json", *args)
