"""Reading the configuration: ``[tool.taiyaku]`` in pyproject.toml, or taiyaku.toml, plus flags.

Every key is also a command-line flag (``url-style`` ⇄ ``--url-style``); flags win over
the file.  An unknown key or a value of the wrong type is an error that names the key.
Paths in a config file are relative to that file's folder; paths given as flags are
relative to the working directory.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import taiyaku.rules.registry as registry
from taiyaku.config.options import Option, all_options
from taiyaku.errors import ConfigError, RuleSelectionError
from taiyaku.model.diagnostics import Severity

__all__ = ["Config", "find_config_file", "load_config"]


@dataclass
class Config:
    values: dict[str, Any]
    source: Path | None = None  # the config file, if any
    base_dir: Path = field(default_factory=Path.cwd)  # where the file's relative paths start
    # where each value that is not a default came from: the config file's name, or "flag"
    origins: dict[str, str] = field(default_factory=dict)

    def given(self, key: str) -> bool:
        """Whether ``key`` was set by the config file or a flag (not a default)."""
        return key in self.origins

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    @property
    def root(self) -> Path | None:
        return self.values.get("root")

    @property
    def severity_overrides(self) -> dict[str, Severity]:
        return self.values.get("severity", {})


def find_config_file(start: Path) -> Path | None:
    """The nearest taiyaku.toml, or pyproject.toml with a [tool.taiyaku] table.

    Where one folder has both, they must say the same, or the choice is the user's
    (``--config``): a setting silently taken from the other file is a wrong result.
    """
    for folder in (start, *start.parents):
        candidate = folder / "taiyaku.toml"
        pyproject = _pyproject_with_table(folder / "pyproject.toml")
        if candidate.is_file():
            if pyproject is not None and _read_table(pyproject) != _read_table(candidate):
                raise ConfigError(
                    f"both {candidate} and {pyproject} ([tool.taiyaku]) configure taiyaku, "
                    "and they differ: keep one, or choose with --config"
                )
            return candidate
        if pyproject is not None:
            return pyproject
    return None


def _pyproject_with_table(pyproject: Path) -> Path | None:
    if not pyproject.is_file():
        return None
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return pyproject if "tool.taiyaku" in text else None  # reading it again reports it
    return pyproject if "taiyaku" in data.get("tool", {}) else None


def _read_table(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config file is not valid UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("taiyaku", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.taiyaku] must be a table")
        return table
    return data


def load_config(
    config_file: Path | None,
    overrides: Mapping[str, Any],
    *,
    cwd: Path | None = None,
    discover: bool = True,
    start: Path | None = None,
) -> Config:
    """Read the config file (given, or discovered from ``start``, else ``cwd``, upward)
    and apply flag overrides."""
    cwd = cwd or Path.cwd()
    start = start or cwd
    path = (
        config_file if config_file is not None else (find_config_file(start) if discover else None)
    )
    if config_file is not None and not config_file.is_file():
        raise ConfigError(f"config file {config_file} does not exist")
    options = {o.key: o for o in all_options()}
    values = {key: opt.default for key, opt in options.items()}
    origins: dict[str, str] = {}
    base_dir = cwd
    if path is not None:
        base_dir = path.parent.resolve()
        for key, raw in _read_table(path).items():
            where = f"{path.name}: key '{key}'"
            if key not in options:
                raise ConfigError(f"{path}: unknown key '{key}'{_did_you_mean(key, options)}")
            if isinstance(raw, str) and options[key].kind in ("list", "paths"):
                raise ConfigError(
                    f"{path}: key '{key}' must be a list of strings, got a string "
                    f'(write {key} = ["{raw}"])'
                )
            values[key] = _coerce(options[key], raw, where, base_dir)
            origins[key] = path.name
    for key, raw in overrides.items():
        if raw is None:
            continue
        values[key] = _coerce(options[key], raw, f"--{key}", cwd)
        origins[key] = "flag"
    return Config(values, path, base_dir, origins)


def _did_you_mean(key: str, options: Mapping[str, Option]) -> str:
    import difflib

    close = difflib.get_close_matches(key, list(options), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _coerce(option: Option, raw: Any, where: str, base: Path) -> Any:
    kind = option.kind
    if kind in ("str", "choice", "path"):
        if not isinstance(raw, str):
            raise ConfigError(f"{where} must be a string, got {_type_name(raw)}")
        if kind == "choice" and raw not in option.choices:
            raise ConfigError(f"{where} must be one of {', '.join(option.choices)}; got {raw!r}")
        return (base / raw) if kind == "path" else raw
    if kind in ("list", "paths"):
        items = [raw] if isinstance(raw, str) else raw
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ConfigError(f"{where} must be a list of strings, got {_type_name(raw)}")
        items = [part.strip() for item in items for part in item.split(",") if part.strip()]
        return [base / i for i in items] if kind == "paths" else items
    if kind == "bool":
        if isinstance(raw, bool):
            return raw
        raise ConfigError(f"{where} must be a boolean (true or false), got {_type_name(raw)}")
    if kind in ("int", "float"):
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            raise ConfigError(f"{where} must be a number, got {_type_name(raw)}")
        if kind == "int" and not isinstance(raw, int):
            raise ConfigError(f"{where} must be a whole number, got {raw!r}")
        if option.minimum is not None and raw < option.minimum:
            raise ConfigError(f"{where} must be at least {option.minimum:g}, got {raw!r}")
        return raw
    if kind == "table":
        return _coerce_table(option, raw, where)
    raise AssertionError(kind)


def _coerce_table(option: Option, raw: Any, where: str) -> dict[str, Any]:
    if isinstance(raw, Sequence) and not isinstance(raw, str):  # from flags: KEY=VALUE items
        pairs: dict[str, Any] = {}
        for item in raw:
            key, sep, value = str(item).partition("=")
            if not sep:
                raise ConfigError(f"{where} takes KEY=VALUE, got {item!r}")
            pairs[key.strip()] = value.strip()
        raw = pairs
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{where} must be a table, got {_type_name(raw)}")
    if option.key == "severity":
        result: dict[str, Any] = {}
        for entry, value in raw.items():
            if not isinstance(value, str):
                raise ConfigError(f"{where}.{entry} must be a string, got {_type_name(value)}")
            code = registry.code_of(entry.strip())
            if code is None:
                hint = registry.suggest_rule(entry)
                raise RuleSelectionError(
                    f"{where}: {entry!r} names no rule{hint} (see `taiyaku rules`)"
                )
            try:
                result[code] = Severity.parse(value)
            except ValueError as exc:
                raise ConfigError(f"{where}.{entry}: {exc}") from None
        return result
    table: dict[str, list[str]] = {}
    for glob, codes in raw.items():
        items = [codes] if isinstance(codes, str) else codes
        if not isinstance(items, list) or not all(isinstance(c, str) for c in items):
            raise ConfigError(f"{where}.{glob} must be a list of rule codes")
        table[glob] = [c.strip() for item in items for c in item.split(",") if c.strip()]
    return table


def _type_name(value: Any) -> str:
    names = {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)
