"""Validate front matter against JSON Schemas (draft 2020-12) chosen per file glob.

A schema file is YAML::

    version: 1
    schemas:
      - files: ["**/_*.md"]        # first entry whose globs match the page wins
        schema: {...}              # a JSON Schema, draft 2020-12
      - files: ["**/*.md", "**/*.mdx"]
        schema: {...}

Top-level keys starting with ``x-`` are ignored; they can hold YAML anchors that several
entries share (``properties: *page_properties``).

Globs are matched against the page's POSIX path relative to the content root, in
taiyaku's one glob dialect (:mod:`taiyaku.model.globs`: gitignore patterns, with
``{md,mdx}`` alternatives).

Each jsonschema error becomes a :class:`SchemaProblem` of kind ``required``,
``unknown-key`` or ``type`` (any wrong type or value), located on the key's own line.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError, ValidationError

from taiyaku.errors import SchemaConfigError
from taiyaku.model.globs import PathPatterns
from taiyaku.parse.frontmatter import FrontMatter, parse_yaml

__all__ = [
    "SchemaConfigError",
    "SchemaEntry",
    "SchemaProblem",
    "SchemaSet",
    "load_schema_set",
    "schema_set_from_data",
    "validate_front_matter",
]

# The JSON text of every schema this process found valid (see check_schema).
_VALID_SCHEMAS: set[str] = set()

SchemaProblemKind = Literal["required", "type", "unknown-key"]


@dataclass(frozen=True)
class SchemaProblem:
    kind: SchemaProblemKind
    key_path: tuple[str, ...]
    line: int
    message: str
    suggestion: str | None = None


# --------------------------------------------------------------------------- schema sets


@dataclass(frozen=True)
class SchemaEntry:
    """One ``schemas`` entry: its globs, its schema and the compiled validator."""

    files: tuple[str, ...]
    schema: Mapping[str, Any]
    validator: Draft202012Validator
    patterns: PathPatterns

    def matches(self, rel_path: str) -> bool:
        return self.patterns.match(rel_path)


class SchemaSet:
    """A loaded schema file: picks the schema (and its cached validator) for a page path.

    ``unverified`` holds the checks of the entries' schemas against the JSON Schema
    meta-schema that loading left for later (see :func:`load_schema_set`).
    """

    def __init__(
        self,
        entries: Sequence[SchemaEntry],
        origin: str = "<schemas>",
        unverified: Sequence[Callable[[], None]] = (),
    ) -> None:
        self.entries: tuple[SchemaEntry, ...] = tuple(entries)
        self.origin = origin
        self._by_path: dict[str, SchemaEntry | None] = {}
        self._unverified = list(unverified)

    @property
    def verified(self) -> bool:
        return not self._unverified

    def verify(self) -> None:
        """Check each entry's schema against the meta-schema, in file order; raise
        :class:`SchemaConfigError` for the first that is not a valid JSON Schema."""
        while self._unverified:
            self._unverified[0]()
            del self._unverified[0]

    def entry_for(self, rel_path: str) -> SchemaEntry | None:
        """The first entry whose globs match ``rel_path`` (posix, relative to the content root)."""
        rel_path = rel_path.replace("\\", "/").removeprefix("./")
        try:
            return self._by_path[rel_path]
        except KeyError:
            entry = next((e for e in self.entries if e.matches(rel_path)), None)
            self._by_path[rel_path] = entry
            return entry

    def schema_for(self, rel_path: str) -> Mapping[str, Any] | None:
        entry = self.entry_for(rel_path)
        return None if entry is None else entry.schema


def load_schema_set(path: Path, *, verify: bool = True) -> SchemaSet:
    """Load and check a schema file; raise :class:`SchemaConfigError` when it is unusable.

    ``verify=False`` leaves the check of each schema against the JSON Schema meta-schema
    (most of the time loading takes) to :meth:`SchemaSet.verify`, which must then run
    before any page's result is reported.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise SchemaConfigError(f"{path}: cannot read schema file: {error}") from None
    doc = parse_yaml(text, max_nodes=1_000_000)
    if not doc.ok or doc.problems:
        problem = doc.problems[0]
        raise SchemaConfigError(f"{path}:{problem.line}:{problem.column}: {problem.message}")
    return schema_set_from_data(doc.value, str(path), doc.key_lines, verify=verify)


def schema_set_from_data(
    data: Any,
    origin: str = "<schemas>",
    key_lines: Mapping[tuple[str, ...], int] | None = None,
    *,
    verify: bool = True,
) -> SchemaSet:
    """Build a :class:`SchemaSet` from an already parsed schema file (see the module doc)."""
    config = _Config(origin, key_lines or {})
    entries = config.entries(data)
    checks = [
        functools.partial(config.check_schema, entry.schema, ("schemas", index, "schema"), index)
        for index, entry in enumerate(entries)
    ]
    schemas = SchemaSet(entries, origin, checks)
    if verify:
        schemas.verify()
    return schemas


class _Config:
    """Checks the structure of a schema file, naming the file and line of each problem."""

    def __init__(self, origin: str, key_lines: Mapping[tuple[str, ...], int]) -> None:
        self._origin = origin
        self._key_lines = key_lines

    def fail(self, path: Sequence[str | int], message: str) -> SchemaConfigError:
        key_path = tuple(str(p) for p in path)
        while key_path and key_path not in self._key_lines:
            key_path = key_path[:-1]
        line = self._key_lines.get(key_path)
        where = f"{self._origin}:{line}" if line else self._origin
        return SchemaConfigError(f"{where}: {message}")

    def entries(self, data: Any) -> list[SchemaEntry]:
        if not isinstance(data, dict):
            raise self.fail((), "a schema file must be a mapping with 'version' and 'schemas'")
        for key in data:
            if key not in ("version", "schemas") and not str(key).startswith("x-"):
                message = f"unknown key '{key}' (expected 'version', 'schemas' or 'x-...' keys)"
                raise self.fail((key,), message)
        if data.get("version") != 1:
            raise self.fail(("version",), f"'version' must be 1, got {data.get('version')!r}")
        schemas = data.get("schemas")
        if not isinstance(schemas, list) or not schemas:
            raise self.fail(("schemas",), "'schemas' must be a non-empty list of entries")
        return [self.entry(item, index) for index, item in enumerate(schemas)]

    def entry(self, item: Any, index: int) -> SchemaEntry:
        where = ("schemas", index)
        if not isinstance(item, dict):
            raise self.fail(where, f"schemas[{index}] must be a mapping with 'files' and 'schema'")
        self._no_unknown_keys(item, where, {"files", "schema"})
        files = item.get("files")
        if isinstance(files, str):
            files = [files]
        if not isinstance(files, list) or not files or not all(isinstance(f, str) for f in files):
            raise self.fail((*where, "files"), f"schemas[{index}].files must be a list of globs")
        schema = item.get("schema")
        if not isinstance(schema, dict):
            raise self.fail((*where, "schema"), f"schemas[{index}].schema must be a mapping")
        validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        return SchemaEntry(tuple(files), schema, validator, PathPatterns(files))

    def check_schema(
        self, schema: Mapping[str, Any], where: tuple[str | int, ...], index: int
    ) -> None:
        """Raise :class:`SchemaConfigError` unless ``schema`` is a valid JSON Schema.

        A schema found valid is remembered for the process (by its JSON text): a check
        that runs several times (``--fix`` rounds, a report after a check) pays for the
        meta-schema once."""
        text = json.dumps(schema, sort_keys=True, default=repr)
        if text in _VALID_SCHEMAS:
            return
        try:
            Draft202012Validator.check_schema(schema)
        except SchemaError as error:
            at = "".join(f"[{p!r}]" if isinstance(p, str) else f"[{p}]" for p in error.path)
            raise self.fail(
                (*where, *error.path),
                f"schemas[{index}].schema{at} is not a valid JSON Schema: {error.message}",
            ) from None
        _VALID_SCHEMAS.add(text)

    def _no_unknown_keys(
        self, data: dict[str, Any], where: tuple[str | int, ...], allowed: set[str]
    ) -> None:
        for key in data:
            if key not in allowed:
                expected = ", ".join(f"'{a}'" for a in sorted(allowed))
                raise self.fail((*where, key), f"unknown key '{key}' (expected {expected})")


# --------------------------------------------------------------------------- validation


def validate_front_matter(
    schema_set: SchemaSet, rel_path: str, fm: FrontMatter
) -> list[SchemaProblem]:
    """Validate ``fm`` with the schema chosen for ``rel_path``; problems sorted by line.

    A page without front matter is validated as an empty mapping (so required keys are
    reported on line 1).  Front matter that could not be parsed is not validated: its
    problems are already in ``fm.problems``.
    """
    entry = schema_set.entry_for(rel_path)
    if entry is None:
        return []
    if fm.data is None and fm.present:
        return []
    data = fm.data if fm.data is not None else {}
    mapper = _ErrorMapper(fm)
    problems: dict[tuple[str, tuple[str, ...], str], SchemaProblem] = {}
    for error in entry.validator.iter_errors(data):
        for problem in mapper.problems(error):
            problems.setdefault((problem.kind, problem.key_path, problem.message), problem)
    found = _with_rename_hints(list(problems.values()))
    return sorted(found, key=lambda p: (p.line, p.key_path, p.kind))


def _with_rename_hints(problems: list[SchemaProblem]) -> list[SchemaProblem]:
    """A missing key that an unknown key probably misspells gets a 'rename' suggestion."""
    misspelt = {
        (p.key_path[:-1], p.suggestion): p.key_path[-1]
        for p in problems
        if p.kind == "unknown-key" and p.suggestion
    }
    result = []
    for problem in problems:
        if problem.kind == "required" and problem.suggestion is None:
            wrong = misspelt.get((problem.key_path[:-1], problem.key_path[-1]))
            if wrong is not None:
                hint = f"rename '{wrong}' to '{problem.key_path[-1]}'"
                problem = replace(problem, suggestion=hint)
        result.append(problem)
    return result


class _ErrorMapper:
    """Turns jsonschema errors into :class:`SchemaProblem` objects for one page."""

    def __init__(self, fm: FrontMatter) -> None:
        self._fm = fm

    def problems(self, error: ValidationError) -> Iterator[SchemaProblem]:
        for leaf in _leaf_errors(error):
            path = tuple(leaf.absolute_path)
            if leaf.validator == "required":
                yield from self._required(leaf, path)
            elif leaf.validator == "dependentRequired":
                yield from self._dependent_required(leaf, path)
            elif leaf.validator in ("additionalProperties", "unevaluatedProperties"):
                yield from self._unknown(leaf, path)
            else:
                yield self._value(leaf, path)

    def _required(self, error: ValidationError, path: tuple[Any, ...]) -> Iterator[SchemaProblem]:
        instance = error.instance
        if not isinstance(instance, dict):
            return
        for key in error.validator_value:
            if key not in instance:
                owner = f"{_display(path)} is" if path else ""
                message = f"{owner} missing required key '{key}'".lstrip()
                yield self._problem("required", (*path, key), self._line(path), message, None)

    def _dependent_required(
        self, error: ValidationError, path: tuple[Any, ...]
    ) -> Iterator[SchemaProblem]:
        instance = error.instance
        if not isinstance(instance, dict):
            return
        for trigger, needed in error.validator_value.items():
            if trigger not in instance:
                continue
            for key in needed:
                if key not in instance:
                    where = f" in {_display(path)}" if path else ""
                    message = f"missing required key '{key}'{where} (required with '{trigger}')"
                    line = self._line((*path, trigger))
                    yield self._problem("required", (*path, key), line, message, None)

    def _unknown(self, error: ValidationError, path: tuple[Any, ...]) -> Iterator[SchemaProblem]:
        instance = error.instance
        if not isinstance(instance, dict):
            return
        allowed = _allowed_keys(error.schema)
        patterns = [re.compile(p) for p in _collect(error.schema, "patternProperties")]
        for key in instance:
            if key in allowed or any(p.search(key) for p in patterns):
                continue
            suggestion = _closest(key, allowed)
            where = f" in {_display(path)}" if path else ""
            hint = f" (did you mean '{suggestion}'?)" if suggestion else ""
            message = f"unknown key '{key}'{where}{hint}"
            line = self._line((*path, key))
            yield self._problem("unknown-key", (*path, key), line, message, suggestion)

    def _value(self, error: ValidationError, path: tuple[Any, ...]) -> SchemaProblem:
        message = f"{_display(path) if path else 'front matter'} {_value_message(error)}"
        return self._problem("type", path, self._line(path), message, None)

    def _problem(
        self,
        kind: SchemaProblemKind,
        path: tuple[Any, ...],
        line: int,
        message: str,
        suggestion: str | None,
    ) -> SchemaProblem:
        return SchemaProblem(kind, tuple(str(p) for p in path), line, message, suggestion)

    def _line(self, path: tuple[Any, ...]) -> int:
        """The line of the key at ``path``, or of its nearest recorded ancestor."""
        key_path = tuple(str(p) for p in path)
        lines = self._fm.key_lines
        while key_path:
            if key_path in lines:
                return lines[key_path]
            key_path = key_path[:-1]
        return self._fm.start_line or 1


def _leaf_errors(error: ValidationError) -> Iterator[ValidationError]:
    """Descend into ``anyOf``/``oneOf`` when exactly one alternative fits the value's type."""
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        yield error
        return
    branches: dict[Any, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    fitting = [
        errors
        for errors in branches.values()
        if not any(e.validator in ("type", "const", "enum") and not e.relative_path for e in errors)
    ]
    if len(fitting) != 1:
        yield error
        return
    for sub in fitting[0]:
        yield from _leaf_errors(sub)


# --------------------------------------------------------------------------- messages


_TYPE_NAMES = {
    "string": "string",
    "boolean": "boolean",
    "integer": "integer",
    "number": "number",
    "null": "null",
    "array": "list",
    "object": "mapping",
}


def _value_message(error: ValidationError) -> str:
    value, keyword, expected = error.instance, error.validator, error.validator_value
    got = _describe_value(value)
    if keyword in ("type", "anyOf", "oneOf"):
        return f"must be {_describe_schema(error.schema)}, got {got}"
    if keyword == "enum":
        options = ", ".join(_literal(v) for v in expected)
        return f"must be one of {options}, got {got}"
    if keyword == "const":
        return f"must be {_literal(expected)}, got {got}"
    if keyword == "minLength" and expected == 1:
        return "must not be empty"
    if keyword == "format":
        return f"must be a valid {expected}, got {got}"
    if keyword == "pattern":
        return f"must match the pattern {expected!r}, got {got}"
    return f"is invalid: {error.message}"


def _describe_schema(schema: Any) -> str:
    """'a string', 'a list of strings', 'a string or false' ..."""
    if not isinstance(schema, dict):
        return "valid" if schema else "absent"
    if "const" in schema:
        return _literal(schema["const"])
    if "enum" in schema:
        return "one of " + ", ".join(_literal(v) for v in schema["enum"])
    for keyword in ("anyOf", "oneOf"):
        if keyword in schema:
            return " or ".join(_describe_schema(s) for s in schema[keyword])
    types = schema.get("type")
    if types is None:
        return "valid"
    if isinstance(types, str):
        types = [types]
    return " or ".join(_describe_type(t, schema) for t in types)


def _describe_type(json_type: str, schema: Mapping[str, Any]) -> str:
    name = _TYPE_NAMES.get(json_type, json_type)
    items = schema.get("items")
    if json_type == "array" and isinstance(items, dict) and isinstance(items.get("type"), str):
        return f"a list of {_TYPE_NAMES.get(items['type'], items['type'])}s"
    if name == "null":
        return "null"
    article = "an" if name[0] in "aeiou" else "a"
    return f"{article} {name}"


def _describe_value(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {'true' if value else 'false'}"
    if isinstance(value, int):
        return f"integer {value}"
    if isinstance(value, float):
        return f"number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"string {shown!r}"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _literal(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


def _display(path: Iterable[Any]) -> str:
    """('breadcrumb', 'title') -> 'breadcrumb.title'; ('redirect_from', 1) -> 'redirect_from[1]'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return f"'{text}'"


def _collect(schema: Any, keyword: str) -> dict[str, Any]:
    """``keyword`` (properties, patternProperties) of a schema and its direct sub-schemas."""
    found: dict[str, Any] = {}
    if not isinstance(schema, dict):
        return found
    found.update(schema.get(keyword) or {})
    for combinator in ("allOf", "anyOf", "oneOf"):
        for sub in schema.get(combinator) or ():
            if isinstance(sub, dict):
                found.update(sub.get(keyword) or {})
    for branch in ("then", "else"):
        sub = schema.get(branch)
        if isinstance(sub, dict):
            found.update(sub.get(keyword) or {})
    return found


def _allowed_keys(schema: Any) -> list[str]:
    return list(_collect(schema, "properties"))


def _closest(key: str, allowed: Sequence[str]) -> str | None:
    by_lower = {name.lower(): name for name in allowed}
    if key.lower() in by_lower:
        return by_lower[key.lower()]
    matches = difflib.get_close_matches(key.lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[matches[0]] if matches else None
