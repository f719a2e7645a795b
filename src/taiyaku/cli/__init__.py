"""The command line: ``taiyaku check``, ``report``, ``facts``, ``status``, ``rules``,
``rule`` and ``completion``.

Exit codes of ``check``: 0 no error-level findings (or ``--exit-zero``); 1 error-level
findings; 2 the tool's own failure, never reported as clean: a usage or configuration
error, an internal error (a bug, with ``--debug`` for its traceback), output that cannot
be written, an interrupted run.  ``report`` exits 0 once the report is written, whatever
it found; 2 as ``check`` does.

The modules: :mod:`~taiyaku.cli.app` (``main``: dispatch, signals, failures),
:mod:`~taiyaku.cli.parsers` (the arguments, built for the one command asked for),
:mod:`~taiyaku.cli.console` (writing to the terminal or a file, colour, quiet),
and one module per command.  ``taiyaku --version`` and ``taiyaku --help`` import none
of the rules.
"""

from __future__ import annotations

from taiyaku.cli.app import main

__all__ = ["main"]
