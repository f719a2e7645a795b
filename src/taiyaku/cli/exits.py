"""The exit codes: 0 clean (or ``--exit-zero``), 1 error-level findings, 2 the tool's own
failure (usage, configuration, internal error, unwritable output, interruption)."""

from __future__ import annotations

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK"]

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
