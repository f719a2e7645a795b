"""How a path is shown to the user: relative to the working directory."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["display_path"]


def display_path(path: Path, cwd: Path | None = None, *, climb: bool = True) -> str:
    """``path`` as the user would write it from ``cwd`` (default: the working directory):
    ``content/support/chat.md``.  With ``climb=False`` a path outside ``cwd`` is shown
    whole rather than as ``../…``."""
    try:
        rel = os.path.relpath(path, cwd)
    except ValueError:  # another drive on Windows
        return str(path)
    if not climb and rel.startswith(".."):
        return str(path)
    return rel
