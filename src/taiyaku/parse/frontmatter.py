"""Split a page into YAML front matter and Markdown body, and parse the front matter safely.

The front matter is parsed once per page, with line numbers:

* :func:`parse_front_matter` finds the ``---`` fences, composes the YAML text into a node
  tree (libyaml when available, the pure-Python parser otherwise) and builds plain Python
  values from it: ``str``, ``int``, ``float``, ``bool``, ``None``, ``list`` and ``dict``.
  No YAML constructor ever runs, so tags such as ``!!python/object`` cannot create
  objects; they are reported as problems.
* Plain scalars are typed with the YAML 1.2 core schema, as js-yaml (and so Astro and most
  JavaScript site generators) reads them: ``no``, ``on`` and ``yes`` stay strings,
  timestamps stay strings.
* Aliases are expanded while counting nodes, so "billion laughs" documents stop at a small
  budget instead of exhausting memory.
* Every key's 1-based *file* line is recorded in :attr:`FrontMatter.key_lines`, so later
  checks can point at the key they complain about.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Literal

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

__all__ = [
    "DEFAULT_MAX_NODES",
    "FrontMatter",
    "FrontMatterProblem",
    "ProblemKind",
    "YamlDocument",
    "parse_front_matter",
    "parse_yaml",
    "raw_front_matter",
]

ProblemKind = Literal[
    "syntax", "not-closed", "not-mapping", "duplicate-key", "alias-limit", "tab", "unsupported-tag"
]

#: Nodes (aliases counted every time they are followed) a front matter may expand to.
DEFAULT_MAX_NODES = 10_000
_MAX_DEPTH = 200

_BOM = "\ufeff"
_TAG = "tag:yaml.org,2002:"
_OPENING = re.compile(r"\ufeff?---[ \t]*(\r\n|\r|\n|\Z)")
_CLOSING = re.compile(r"(\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)")
# The same fences on a file's raw bytes (in UTF-8 the byte-order mark is three bytes).
_OPENING_BYTES = re.compile(rb"(?:\xef\xbb\xbf)?---[ \t]*(\r\n|\r|\n|\Z)")
_CLOSING_BYTES = re.compile(_CLOSING.pattern.encode())
_BREAK = re.compile(r"\r\n|\r|\n")
_TAB_INDENT = re.compile(r"( *)\t[ \t]*[^ \t\r\n]")


@dataclass(frozen=True)
class FrontMatterProblem:
    """Something wrong with the front matter itself (not with its contents).

    ``line`` and ``column`` are 1-based and count lines of the whole file.
    """

    line: int
    column: int
    message: str
    kind: str


@dataclass
class FrontMatter:
    """The front matter of one page and where the Markdown body starts."""

    present: bool
    raw: str = ""
    data: dict[str, Any] | None = None
    key_lines: dict[tuple[str, ...], int] = field(default_factory=dict)
    start_line: int = 0
    end_line: int = 0
    body_start_line: int = 1
    body_offset: int = 0
    problems: list[FrontMatterProblem] = field(default_factory=list)


@dataclass
class YamlDocument:
    """A parsed YAML text: its value, key lines and problems (see :func:`parse_yaml`)."""

    value: Any = None
    key_lines: dict[tuple[str, ...], int] = field(default_factory=dict)
    problems: list[FrontMatterProblem] = field(default_factory=list)
    line: int = 0
    column: int = 0

    @property
    def ok(self) -> bool:
        return not any(p.kind != "duplicate-key" for p in self.problems)


# --------------------------------------------------------------------------- splitting


def parse_front_matter(source: str, *, max_nodes: int = DEFAULT_MAX_NODES) -> FrontMatter:
    """Split ``source`` (decoded text; BOM, CRLF and CR tolerated) and parse its front matter."""
    bom = 1 if source.startswith(_BOM) else 0
    opening = _OPENING.match(source)
    if opening is None:
        return FrontMatter(present=False, body_offset=bom)
    closing = _CLOSING.search(source, opening.start(1)) if opening.group(1) else None
    if closing is None:
        return _not_closed(bom)
    raw_start = opening.end()
    raw_end = max(closing.end(1), raw_start)
    raw = source[raw_start:raw_end]
    end_line = 2 + _count_breaks(raw)
    fm = FrontMatter(
        present=True,
        raw=raw,
        start_line=1,
        end_line=end_line,
        # the line after the closing fence (the fence's own line when the file ends there)
        body_start_line=1 + _count_breaks(source[: closing.end()]),
        body_offset=closing.end(),
    )
    doc = parse_yaml(raw, first_line=2, max_nodes=max_nodes)
    fm.problems.extend(doc.problems)
    if not doc.ok:
        return fm
    if doc.value is None:
        fm.data = {}
    elif isinstance(doc.value, dict):
        fm.data = doc.value
        fm.key_lines = doc.key_lines
    else:
        fm.problems.append(_not_mapping(doc))
    return fm


def raw_front_matter(head: bytes) -> bytes:
    """The bytes of the front matter that starts ``head`` (a file's first bytes), fences
    included, as :func:`parse_front_matter` fences it: empty for a file without front
    matter (no keys), all of ``head`` when no closing fence is within it.  A cheap look
    at a key before parsing."""
    opening = _OPENING_BYTES.match(head)
    if opening is None or not opening.group(1):
        return b""
    closing = _CLOSING_BYTES.search(head, opening.start(1))
    return head if closing is None else head[: closing.end()]


def _not_closed(bom: int) -> FrontMatter:
    problem = FrontMatterProblem(
        1, 1, "front matter is not closed: no '---' line ends it", "not-closed"
    )
    return FrontMatter(present=True, start_line=1, body_offset=bom, problems=[problem])


def _not_mapping(doc: YamlDocument) -> FrontMatterProblem:
    value = doc.value
    what = "a list" if isinstance(value, list) else f"a {_type_name(value)}"
    message = f"front matter must be a mapping of keys to values, got {what}"
    return FrontMatterProblem(doc.line, doc.column, message, "not-mapping")


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "scalar"


def _count_breaks(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n")


class _Lines:
    """Maps character offsets in a text to 1-based (line, column), ``first_line`` first."""

    def __init__(self, text: str, first_line: int) -> None:
        self._starts = [0, *(m.end() for m in _BREAK.finditer(text))]
        self._first = first_line

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self._starts, offset) - 1
        return self._first + index, offset - self._starts[index] + 1

    def line(self, offset: int) -> int:
        return self._first + bisect_right(self._starts, offset) - 1


# --------------------------------------------------------------------------- composing


class _CoreResolver(BaseResolver):
    """Implicit typing of plain scalars by the YAML 1.2 core schema (what js-yaml does)."""


_CORE_RESOLVERS: tuple[tuple[str, str, str], ...] = (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("merge", r"^<<$", "<"),
)
for _name, _regex, _first in _CORE_RESOLVERS:
    _first_chars = [*_first, ""] if _name == "null" else list(_first)
    _CoreResolver.add_implicit_resolver(f"{_TAG}{_name}", re.compile(_regex), _first_chars)


class _PyComposer(Reader, Scanner, Parser, Composer, _CoreResolver):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _CoreResolver.__init__(self)


try:
    from yaml.cyaml import CParser as _CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None

_CComposer: type | None = None
if _CParser is not None:

    class _CComposerImpl(_CParser, _CoreResolver):  # type: ignore[misc, valid-type]
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _CoreResolver.__init__(self)

    _CComposer = _CComposerImpl


def _compose(text: str, composer: type) -> Node | None:
    loader = composer(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _compose_any(text: str) -> Node | None:
    """Compose with libyaml; on any error, let the pure parser decide (and word the error)."""
    if _CComposer is not None:
        try:
            return _compose(text, _CComposer)
        except (yaml.YAMLError, RecursionError):
            pass
    return _compose(text, _PyComposer)


# --------------------------------------------------------------------------- parsing


def parse_yaml(
    text: str, *, first_line: int = 1, max_nodes: int = DEFAULT_MAX_NODES
) -> YamlDocument:
    """Parse one YAML document into plain values, with 1-based lines offset by ``first_line``.

    Used for front matter and for taiyaku's own YAML configuration files.  The value is
    ``None`` (and :attr:`YamlDocument.ok` false) when a problem other than a duplicate key
    was found.
    """
    lines = _Lines(text, first_line)
    try:
        node = _compose_any(text)
    except yaml.YAMLError as error:
        return YamlDocument(problems=[_syntax_problem(error, text, lines)])
    except RecursionError:
        problem = FrontMatterProblem(first_line, 1, "YAML is nested too deeply", "syntax")
        return YamlDocument(problems=[problem])
    if node is None:
        return YamlDocument()
    builder = _Builder(lines, max_nodes)
    try:
        value = builder.build(node, ())
    except _Abort as abort:
        return YamlDocument(problems=[*builder.problems, abort.problem])
    line, column = lines.position(node.start_mark.index)
    return YamlDocument(value, builder.key_lines, builder.problems, line, column)


def _syntax_problem(error: yaml.YAMLError, text: str, lines: _Lines) -> FrontMatterProblem:
    offset = _error_offset(error, text)
    tab = _tab_indentation(text, lines, offset)
    if tab is not None:
        return tab
    line, column = lines.position(offset)
    return FrontMatterProblem(line, column, _error_text(error), "syntax")


def _error_offset(error: yaml.YAMLError, text: str) -> int:
    """Where the error is; an error at the very end points back to the construct left open."""
    problem = getattr(error, "problem_mark", None)
    context = getattr(error, "context_mark", None)
    content_end = len(text.rstrip())
    if problem is not None and (problem.index < content_end or context is None):
        offset = int(problem.index)
    elif context is not None:
        offset = int(context.index)
    else:
        offset = int(getattr(error, "position", 0) or 0)
    return max(0, min(offset, content_end - 1))


def _error_text(error: yaml.YAMLError) -> str:
    problem = getattr(error, "problem", None)
    if problem is None:
        return f"invalid YAML: {str(error).splitlines()[0]}"
    context = getattr(error, "context", None)
    return f"invalid YAML: {context}: {problem}" if context else f"invalid YAML: {problem}"


def _tab_indentation(text: str, lines: _Lines, offset: int) -> FrontMatterProblem | None:
    """The first line up to the error whose indentation contains a tab, as a problem."""
    last = lines.line(offset)
    for start in (0, *(m.end() for m in _BREAK.finditer(text))):
        line = lines.line(start)
        if line > last:
            break
        match = _TAB_INDENT.match(text, start)
        if match is not None:
            message = "tab character used for indentation (YAML allows only spaces)"
            return FrontMatterProblem(line, len(match.group(1)) + 1, message, "tab")
    return None


# --------------------------------------------------------------------------- building

_STR, _INT, _FLOAT, _BOOL, _NULL = (f"{_TAG}{t}" for t in ("str", "int", "float", "bool", "null"))
_SEQ, _MAP, _MERGE, _TIMESTAMP = (f"{_TAG}{t}" for t in ("seq", "map", "merge", "timestamp"))
_SCALAR_TAGS = frozenset({_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP})


class _Abort(Exception):
    def __init__(self, problem: FrontMatterProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _Builder:
    """Builds plain values from a node tree, counting every node visit (aliases included)."""

    def __init__(self, lines: _Lines, max_nodes: int) -> None:
        self._lines = lines
        self._budget = max_nodes
        self._max_nodes = max_nodes
        self._active: set[int] = set()
        self.key_lines: dict[tuple[str, ...], int] = {}
        self.problems: list[FrontMatterProblem] = []

    def build(self, node: Node, path: tuple[str, ...]) -> Any:
        self._budget -= 1
        if self._budget < 0:
            raise self._abort(
                node,
                f"YAML expands to more than {self._max_nodes} nodes "
                "(aliases counted each time they are used)",
                "alias-limit",
            )
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if id(node) in self._active:
            raise self._abort(node, "recursive alias: a node contains itself", "alias-limit")
        if len(path) >= _MAX_DEPTH:
            raise self._abort(node, "YAML is nested too deeply", "syntax")
        self._active.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return self._sequence(node, path)
            return self._mapping(node, path)
        finally:
            self._active.discard(id(node))

    def _sequence(self, node: SequenceNode, path: tuple[str, ...]) -> list[Any]:
        self._check_tag(node, _SEQ)
        items = []
        for index, item in enumerate(node.value):
            item_path = (*path, str(index))
            self.key_lines[item_path] = self._line(item)
            items.append(self.build(item, item_path))
        return items

    def _mapping(self, node: Node, path: tuple[str, ...]) -> dict[str, Any]:
        self._check_tag(node, _MAP)
        own: dict[str, Any] = {}
        merged: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merged.update(self._merge(value_node, path))
                continue
            key = self._key(key_node)
            key_path = (*path, key)
            line, column = self._lines.position(key_node.start_mark.index)
            if key in own:
                message = f"duplicate key '{'.'.join(key_path)}' (the last value is used)"
                self.problems.append(FrontMatterProblem(line, column, message, "duplicate-key"))
            self.key_lines[key_path] = line
            own[key] = self.build(value_node, key_path)
        if merged:
            return {**merged, **own}
        return own

    def _merge(self, node: Node, path: tuple[str, ...]) -> dict[str, Any]:
        """``<<: *base`` or ``<<: [*a, *b]``; earlier mappings win, own keys win over all."""
        sources = node.value if isinstance(node, SequenceNode) else [node]
        if not all(isinstance(source, MappingNode) for source in sources):
            raise self._abort(node, "merge key '<<' needs a mapping or a list of mappings")
        saved = dict(self.key_lines)
        result: dict[str, Any] = {}
        for source in reversed(sources):
            result.update(self.build(source, path))
        self.key_lines.update(saved)
        return result

    def _key(self, node: Node) -> str:
        if not isinstance(node, ScalarNode):
            raise self._abort(node, "mapping keys must be plain scalars, not lists or mappings")
        self._scalar(node)
        return str(node.value)

    def _scalar(self, node: ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag in (_STR, _TIMESTAMP):
            return value
        if tag not in _SCALAR_TAGS:
            raise self._unsupported(node)
        try:
            return _convert_scalar(tag, value)
        except ValueError:
            kind = tag.removeprefix(_TAG)
            raise self._abort(node, f"invalid {kind} value {value!r}") from None

    def _check_tag(self, node: Node, expected: str) -> None:
        if node.tag != expected:
            raise self._unsupported(node)

    def _unsupported(self, node: Node) -> _Abort:
        tag = node.tag.replace(_TAG, "!!", 1) if node.tag.startswith(_TAG) else node.tag
        message = (
            f"unsupported YAML tag '{tag}': only strings, numbers, booleans, null, "
            "lists and mappings are allowed"
        )
        return self._abort(node, message, "unsupported-tag")

    def _abort(self, node: Node, message: str, kind: str = "syntax") -> _Abort:
        line, column = self._lines.position(node.start_mark.index)
        return _Abort(FrontMatterProblem(line, column, message, kind))

    def _line(self, node: Node) -> int:
        return self._lines.line(node.start_mark.index)


def _convert_scalar(tag: str, value: str) -> Any:
    if tag == _NULL:
        return None
    if tag == _BOOL:
        lowered = value.lower()
        if lowered not in ("true", "false"):
            raise ValueError(value)
        return lowered == "true"
    if tag == _INT:
        return _to_int(value)
    return _to_float(value)


def _to_int(value: str) -> int:
    text = value.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("+-")
    for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)):
        if text.startswith(prefix):
            return sign * int(text[2:], base)
    return sign * int(text, 10)


def _to_float(value: str) -> float:
    text = value.replace("_", "").lower()
    if text.endswith((".inf", ".nan")):
        text = text.replace(".", "", 1)
    return float(text)
