"""Reading a generator's config without running it: bounded, and never an exception."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

from taiyaku.model.files import read_small_text

__all__ = ["first_existing", "js_literal", "read_data", "read_text"]

_MAX_CONFIG = 512 * 1024


def read_text(path: Path) -> str | None:
    try:
        return read_small_text(path, _MAX_CONFIG)
    except (OSError, UnicodeDecodeError):
        return None


def read_data(path: Path) -> dict[str, Any]:
    """A TOML, YAML or JSON config as a mapping ({} when it cannot be read)."""
    text = read_text(path)
    if text is None:
        return {}
    try:
        if path.suffix == ".toml":
            data: Any = tomllib.loads(text)
        elif path.suffix == ".json":
            data = json.loads(text)
        else:
            data = yaml.safe_load(text)
    except (tomllib.TOMLDecodeError, ValueError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def js_literal(text: str, key: str) -> str | bool | None:
    """The literal value of ``key:`` in a JavaScript/TypeScript config (the first one):
    a quoted string, ``true`` or ``false``; None when it is absent or computed."""
    match = re.search(
        rf"(?<![\w$.]){re.escape(key)}\s*:\s*(?:\"([^\"\n]*)\"|'([^'\n]*)'|`([^`$\n]*)`|(true|false)\b)",
        text,
    )
    if match is None:
        return None
    if match.group(4):
        return match.group(4) == "true"
    return next(g for g in match.groups()[:3] if g is not None)


def first_existing(folder: Path, names: tuple[str, ...]) -> Path | None:
    for name in names:
        if (folder / name).is_file():
            return folder / name
    return None
