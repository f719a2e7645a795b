"""Inline suppressions: comments in a page that silence findings at their place.

Four directives, written as HTML comments (and, in MDX, as JSX comments)::

    <!-- taiyaku-disable-next-line TM001 -->     the next non-blank line
    <!-- taiyaku-disable TM001, LK002 -->        from this line ...
    <!-- taiyaku-enable TM001, LK002 -->         ... to this one (or to the end of the file)
    <!-- taiyaku-disable-file PR001 -->          the whole file, front matter included

    {/* taiyaku-disable-next-line TM001 */}      the same, in an .mdx page

Rules are named by code (``TM001``, any case) or name (``hours-mismatch``), separated by
commas or spaces; no rule at all means every rule.  Text after `` -- `` is a free-form
reason.  "The next line" skips blank lines and lines holding only directives, so a
directive can sit above a paragraph with an empty line between them.  A finding is
suppressed by a directive in the file it is reported in (for a pair finding: the file of
its primary location), matched on the finding's first line.  TY100's own reports are
silenced only by a directive that names TY100, never by a blanket one.

The engine applies the suppressions after stamping findings; directives that suppress
nothing, name unknown rules or close nothing are reported by TY100 (unused-suppression),
computed last, and only for the rules that ran.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import taiyaku.rules as registry
from taiyaku.diagnostics import Diagnostic, Finding
from taiyaku.rules.suppression.ty100_unused_suppression import UnusedSuppression

if TYPE_CHECKING:
    from taiyaku.context import Context
    from taiyaku.document import Document
    from taiyaku.rules.base import Rule

__all__ = ["KEYWORDS", "Directive", "FileSuppressions", "Suppressor", "parse_directives"]

KEYWORDS = ("disable-next-line", "disable-file", "disable", "enable")
PREFIX = "taiyaku-"

_DIRECTIVE = re.compile(r"^taiyaku-([A-Za-z-]+):?(?:\s+(.*))?$", re.DOTALL)
_REASON = re.compile(r"(?:^|\s)--(?:\s|$)")
_SEPARATORS = re.compile(r"[\s,]+")
_HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_JSX_COMMENT = re.compile(r"\{\s*/\*(.*?)\*/\s*\}", re.DOTALL)
_ONLY_DIRECTIVES = re.compile(r"<!--\s*taiyaku-.*?-->|\{\s*/\*\s*taiyaku-.*?\*/\s*\}")
_EVERY_LINE = 10**9


@dataclass(eq=False)
class Directive:
    """One ``taiyaku-…`` comment: what it says, where it is, and what it did this run."""

    keyword: str  # as written after "taiyaku-"; one of KEYWORDS unless mistyped
    codes: tuple[str, ...]  # the rule codes it names (resolved from codes or names)
    unknown: tuple[str, ...]  # entries that name no rule
    line: int
    column: int
    end_line: int
    used: set[str] = field(default_factory=set)  # codes it suppressed something for
    # enable: the codes it closed no range for (None: a blanket enable with none open)
    unmatched: list[str | None] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.keyword in KEYWORDS

    @property
    def blanket(self) -> bool:
        """Names no rule at all: applies to every rule."""
        return not self.codes and not self.unknown

    @property
    def label(self) -> str:
        return PREFIX + self.keyword


@dataclass(frozen=True)
class _Scope:
    directive: Directive
    code: str | None  # None: every rule
    start: int
    end: int  # inclusive


@dataclass
class FileSuppressions:
    """The directives of one page and the line ranges they cover."""

    directives: list[Directive]
    scopes: list[_Scope]

    def suppresses(self, diagnostic: Diagnostic) -> bool:
        """Whether a directive covers ``diagnostic``; every covering directive is marked used.

        A blanket directive (no code) covers every rule but TY100: reports about the
        directives themselves are silenced only by naming TY100.
        """
        code = diagnostic.code
        hit = False
        for scope in self.scopes:
            if not scope.start <= diagnostic.line <= scope.end:
                continue
            if scope.code == code or (scope.code is None and code != UnusedSuppression.CODE):
                scope.directive.used.add(code)
                hit = True
        return hit


def parse_directives(doc: Document) -> FileSuppressions:
    """Find the directives of a page and work out which lines each one covers."""
    if PREFIX not in doc.source:
        return FileSuppressions([], [])
    directives = sorted(_directives(doc), key=lambda d: (d.line, d.column))
    return FileSuppressions(directives, list(_scopes(directives, doc)))


def _directives(doc: Document) -> Iterator[Directive]:
    for comment in doc.comments:
        column = doc.line_text(comment.line).find("<!--") + 1 or 1
        directive = _parse(comment.text, comment.line, column, comment.end_line)
        if directive is not None:
            yield directive
    if doc.is_mdx:
        yield from _jsx_directives(doc)


def _jsx_directives(doc: Document) -> Iterator[Directive]:
    """``{/* taiyaku-… */}`` comments, which the parser blanks out of MDX before parsing."""
    code_lines = _code_lines(doc)
    for match in _JSX_COMMENT.finditer(doc.source):
        line = doc.source.count("\n", 0, match.start()) + 1
        if line in code_lines or line <= doc.frontmatter.end_line:
            continue
        end_line = line + match.group(0).count("\n")
        column = match.start() - doc.source.rfind("\n", 0, match.start())
        directive = _parse(match.group(1).strip(), line, column, end_line)
        if directive is not None:
            yield directive


def _code_lines(doc: Document) -> set[int]:
    """Lines inside fenced or indented code, where a directive is only an example."""
    lines: set[int] = set()
    for token in doc.md_tokens:
        if token.type in ("fence", "code_block") and token.map:
            lines.update(range(token.map[0] + 1, token.map[1] + 1))
    return lines


def _parse(text: str, line: int, column: int, end_line: int) -> Directive | None:
    match = _DIRECTIVE.match(text.strip())
    if match is None:
        return None
    keyword = match.group(1).lower()
    entries = _REASON.split(match.group(2) or "", maxsplit=1)[0]
    codes: list[str] = []
    unknown: list[str] = []
    for entry in filter(None, _SEPARATORS.split(entries)):
        code = _resolve(entry)
        if code is None:
            unknown.append(entry)
        elif code not in codes:
            codes.append(code)
    return Directive(keyword, tuple(codes), tuple(unknown), line, column, end_line)


def _resolve(entry: str) -> str | None:
    """The code of the rule named by ``entry`` (its code, any case, or its name)."""
    for rule in registry.all_rules():
        if entry.upper() == rule.CODE or entry.lower() == rule.NAME:
            return rule.CODE
    return None


def _scopes(directives: Sequence[Directive], doc: Document) -> Iterator[_Scope]:
    open_ranges: dict[str | None, list[Directive]] = {}
    for d in directives:
        if not d.valid or (d.unknown and not d.codes):
            continue  # a directive naming only unknown rules covers nothing
        keys: list[str | None] = list(d.codes) if d.codes else [None]
        if d.keyword == "disable-file":
            yield from (_Scope(d, key, 1, _EVERY_LINE) for key in keys)
        elif d.keyword == "disable-next-line":
            target = _next_line(doc, d.end_line)
            if target is not None:
                yield from (_Scope(d, key, target, target) for key in keys)
        elif d.keyword == "disable":
            for key in keys:
                open_ranges.setdefault(key, []).append(d)
        else:  # enable
            closing = keys if d.codes else list(open_ranges)
            if not closing:
                d.unmatched.append(None)
            for key in closing:
                opened = open_ranges.pop(key, [])
                if not opened:
                    d.unmatched.append(key)
                yield from (_Scope(start, key, start.line, d.line) for start in opened)
    for key, opened in open_ranges.items():
        yield from (_Scope(start, key, start.line, _EVERY_LINE) for start in opened)


def _next_line(doc: Document, after: int) -> int | None:
    """The first line after ``after`` that is neither blank nor only directives."""
    for number in range(after + 1, len(doc.lines) + 1):
        if _ONLY_DIRECTIVES.sub("", doc.line_text(number)).strip():
            return number
    return None


class Suppressor:
    """Applies the pages' directives to a run's diagnostics and reports unused ones."""

    def __init__(self, ctx: Context, rules: Sequence[type[Rule]]) -> None:
        self._ctx = ctx
        self._rules = rules
        self._files: dict[Path, FileSuppressions] = {}

    def filter(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        """The diagnostics no directive covers."""
        return [d for d in diagnostics if not self._for_path(d.path).suppresses(d)]

    def unused(self) -> Iterator[tuple[type[Rule], Finding]]:
        """TY100 findings for the checked pages' directives, once :meth:`filter` has run."""
        if UnusedSuppression not in self._rules:
            return
        rule = UnusedSuppression()
        selected = frozenset(r.CODE for r in self._rules)
        every_rule = {r.CODE for r in registry.all_rules()} <= selected
        for page in self._ctx.targets:
            directives = self._for_path(page.path).directives
            for finding in rule.check(page.path, directives, selected, every_rule):
                yield UnusedSuppression, finding

    def _for_path(self, path: Path) -> FileSuppressions:
        found = self._files.get(path)
        if found is None:
            page = self._ctx.site.page_for_path(path)
            found = (
                parse_directives(self._ctx.document(page))
                if page is not None
                else FileSuppressions([], [])
            )
            self._files[path] = found
        return found
