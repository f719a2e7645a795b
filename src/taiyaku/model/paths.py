"""How a path is shown to the user: relative to the working directory."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["display_path"]


def display_path(path: Path, cwd: Path) -> str:
    """``path`` as the user would write it from ``cwd`` (``content/support/chat.md``)."""
    try:
        return os.path.relpath(path, cwd)
    except ValueError:  # another drive on Windows
        return str(path)
