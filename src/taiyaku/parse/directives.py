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

This module reads the directives of a page; :mod:`taiyaku.run.suppressions` applies
them to a run's diagnostics, and TY100 (unused-suppression) reports the directives that
suppress nothing, name unknown rules or close nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Diagnostic

if TYPE_CHECKING:
    from taiyaku.parse.document import Document

__all__ = ["KEYWORDS", "Directive", "FileSuppressions", "Resolver", "parse_directives"]

# The code of the rule an entry names (by code, any case, or by name), or None.
Resolver = Callable[[str], "str | None"]

KEYWORDS = ("disable-next-line", "disable-file", "disable", "enable")
PREFIX = "taiyaku-"

_DIRECTIVE = re.compile(r"^taiyaku-([A-Za-z-]+):?(?:\s+(.*))?$", re.DOTALL)
_REASON = re.compile(r"(?:^|\s)--(?:\s|$)")
_SEPARATORS = re.compile(r"[\s,]+")
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
    end_column: int = 0  # just after the comment's last character (0: not known)
    alone: bool = False  # nothing but white space beside it on its lines
    # a space before it that only separates it from the text around it (removing the
    # comment should remove that space too)
    space_before: bool = False
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

    def suppresses(self, diagnostic: Diagnostic, exempt: Collection[str] = ()) -> bool:
        """Whether a directive covers ``diagnostic``; every covering directive is marked used.

        A blanket directive (no code) covers every rule but those in ``exempt`` (TY100):
        reports about the directives themselves are silenced only by naming their code.
        """
        return self.covered([diagnostic], exempt)[0]

    def covered(
        self, diagnostics: Sequence[Diagnostic], exempt: Collection[str] = ()
    ) -> list[bool]:
        """:meth:`suppresses` for each of ``diagnostics`` (of this page), in one sweep
        over the lines: the work grows with the number of directives plus the number of
        diagnostics (times a log), not with their product."""
        if not self.scopes:
            return [False] * len(diagnostics)
        starts = sorted(self.scopes, key=lambda scope: scope.start)
        ends = sorted(self.scopes, key=lambda scope: scope.end)
        active = _ActiveScopes()
        answers = [False] * len(diagnostics)
        opened = closed = 0
        for index in sorted(range(len(diagnostics)), key=lambda i: diagnostics[i].line):
            line = diagnostics[index].line
            while opened < len(starts) and starts[opened].start <= line:
                active.add(starts[opened])
                opened += 1
            while closed < len(ends) and ends[closed].end < line:
                active.discard(ends[closed])
                closed += 1
            answers[index] = active.cover(diagnostics[index].code, exempt)
        return answers


class _ActiveScopes:
    """The scopes that cover the current line, by the code they name (None: every
    rule); each directive is marked used for a code once, however many findings it
    covers, so a sweep marks in time proportional to the directives."""

    def __init__(self) -> None:
        self._by_code: dict[str | None, set[_Scope]] = {}
        self._unmarked: dict[tuple[str | None, str], set[_Scope]] = {}

    def add(self, scope: _Scope) -> None:
        self._by_code.setdefault(scope.code, set()).add(scope)
        for (code, _rule), waiting in self._unmarked.items():
            if code == scope.code:
                waiting.add(scope)

    def discard(self, scope: _Scope) -> None:
        self._by_code.get(scope.code, set()).discard(scope)
        for (code, _rule), waiting in self._unmarked.items():
            if code == scope.code:
                waiting.discard(scope)

    def cover(self, code: str, exempt: Collection[str]) -> bool:
        keys: list[str | None] = [code] if code in exempt else [code, None]
        hit = False
        for key in keys:
            scopes = self._by_code.get(key)
            if not scopes:
                continue
            hit = True
            waiting = self._unmarked.get((key, code))
            if waiting is None:  # the first finding of this rule: every scope is unmarked
                waiting = self._unmarked[(key, code)] = set(scopes)
            for scope in waiting:
                scope.directive.used.add(code)
            waiting.clear()
        return hit


def parse_directives(doc: Document, resolve: Resolver) -> FileSuppressions:
    """Find the directives of a page and work out which lines each one covers.

    ``resolve`` turns an entry (a rule code or name) into the rule's code.
    """
    if PREFIX not in doc.source:
        return FileSuppressions([], [])
    directives = sorted(_directives(doc, resolve), key=lambda d: (d.line, d.column))
    return FileSuppressions(directives, list(_scopes(directives, doc)))


def _directives(doc: Document, resolve: Resolver) -> Iterator[Directive]:
    for comment in doc.comments:
        column = doc.line_text(comment.line).find("<!--") + 1 or 1
        directive = _parse(comment.text, comment.line, column, comment.end_line, resolve)
        if directive is not None:
            last = doc.line_text(comment.end_line)
            close = last.find("-->", column - 1 if comment.end_line == comment.line else 0)
            if close >= 0:
                _place_end(directive, doc, close + 4)
            yield directive
    if doc.is_mdx:
        yield from _jsx_directives(doc, resolve)


def _jsx_directives(doc: Document, resolve: Resolver) -> Iterator[Directive]:
    """``{/* taiyaku-… */}`` comments, which the parser blanks out of MDX before parsing."""
    code_lines = _code_lines(doc)
    line, counted = 1, 0
    for start, end, text in _jsx_comments(doc.source):
        line += doc.source.count("\n", counted, start)
        counted = start
        if line in code_lines or line <= doc.frontmatter.end_line:
            continue
        end_line = line + doc.source.count("\n", start, end)
        column = start - doc.source.rfind("\n", 0, start)
        directive = _parse(text, line, column, end_line, resolve)
        if directive is not None:
            _place_end(directive, doc, end - doc.source.rfind("\n", 0, end))
            yield directive


def _place_end(directive: Directive, doc: Document, end_column: int) -> None:
    """Record where the directive's comment ends, and whether it stands alone."""
    directive.end_column = end_column
    before = doc.line_text(directive.line)[: directive.column - 1]
    after = doc.line_text(directive.end_line)[end_column - 1 :]
    directive.alone = not before.strip() and not after.strip()
    directive.space_before = before.endswith((" ", "\t")) and (not after or after[0] in " \t")


def _jsx_comments(source: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, text)`` of each ``{/* text */}``, in one pass (no regex backtracking
    over a page full of unclosed ``/*``)."""
    pos = 0
    while (opening := source.find("/*", pos)) >= 0:
        closing = source.find("*/", opening + 2)
        if closing < 0:
            return
        pos = closing + 2
        start = opening - 1
        while start >= 0 and source[start] in " \t\n":
            start -= 1
        end = pos
        while end < len(source) and source[end] in " \t\n":
            end += 1
        if start >= 0 and source[start] == "{" and source[end : end + 1] == "}":
            yield start, end + 1, source[opening + 2 : closing].strip()


def _code_lines(doc: Document) -> set[int]:
    """Lines inside fenced or indented code, where a directive is only an example."""
    lines: set[int] = set()
    for token in doc.md_tokens:
        if token.type in ("fence", "code_block") and token.map:
            lines.update(range(token.map[0] + 1, token.map[1] + 1))
    return lines


def _parse(text: str, line: int, column: int, end_line: int, resolve: Resolver) -> Directive | None:
    match = _DIRECTIVE.match(text.strip())
    if match is None:
        return None
    keyword = match.group(1).lower()
    entries = _REASON.split(match.group(2) or "", maxsplit=1)[0]
    codes: list[str] = []
    unknown: list[str] = []
    for entry in filter(None, _SEPARATORS.split(entries)):
        code = resolve(entry)
        if code is None:
            unknown.append(entry)
        elif code not in codes:
            codes.append(code)
    return Directive(keyword, tuple(codes), tuple(unknown), line, column, end_line)


def _scopes(directives: Sequence[Directive], doc: Document) -> Iterator[_Scope]:
    open_ranges: dict[str | None, list[Directive]] = {}
    spanned = {n for d in directives if d.end_line > d.line for n in range(d.line, d.end_line + 1)}
    next_line = _NextLines(doc, spanned)
    for d in directives:
        if not d.valid or (d.unknown and not d.codes):
            continue  # a directive naming only unknown rules covers nothing
        keys: list[str | None] = list(d.codes) if d.codes else [None]
        if d.keyword == "disable-file":
            yield from (_Scope(d, key, 1, _EVERY_LINE) for key in keys)
        elif d.keyword == "disable-next-line":
            target = next_line.after(d.end_line)
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


class _NextLines:
    """What "the next line" of a ``disable-next-line`` is: the first line after it that is
    neither blank nor only directives (``spanned``: the lines of directives written over
    several lines).  Each line is looked at once, however many directives stand in a row
    above the same line."""

    def __init__(self, doc: Document, spanned: set[int]) -> None:
        self._doc = doc
        self._spanned = spanned
        self._answer: dict[int, int | None] = {}  # line → the next line at or after it

    def after(self, line: int) -> int | None:
        passed: list[int] = []
        number, last = line + 1, len(self._doc.lines)
        found: int | None = None
        while number <= last:
            if number in self._answer:
                found = self._answer[number]
                break
            passed.append(number)
            if number not in self._spanned and not _only_directives(self._doc.line_text(number)):
                found = number
                break
            number += 1
        for seen in passed:
            self._answer[seen] = found
        return found


def _only_directives(text: str) -> bool:
    """Whether ``text`` holds nothing but directive comments (or nothing at all)."""
    rest = text.strip()
    while rest:
        if rest.startswith("<!--"):
            opening, closing = 4, rest.find("-->", 4)
            after = closing + 3
        elif rest.startswith("{") and rest[1:].lstrip().startswith("/*"):
            opening = rest.find("/*") + 2
            closing = rest.find("*/", opening)
            tail = rest[closing + 2 :].lstrip() if closing >= 0 else ""
            if not tail.startswith("}"):
                return False
            after = len(rest) - len(tail) + 1
        else:
            return False
        if closing < 0 or not rest[opening:closing].strip().startswith(PREFIX):
            return False
        rest = rest[after:].lstrip()
    return True
