"""The parts of a parsed page that rules read: blocks of prose, links, anchors,
sections and comments, each with its place in the file."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from typing import NamedTuple

from markdown_it.token import Token as MdToken

from taiyaku.model.lang import TextLang
from taiyaku.model.records import cached_property, quick_init
from taiyaku.parse.analyzer import Morphemes


class Segment(NamedTuple):
    """A run of block text copied from one place in the source (a named tuple: every
    text run of every page makes one)."""

    text_start: int
    source_offset: int
    length: int


class SourceIndex:
    """Turns character offsets in the (normalised) source into 1-based line/column."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Each line starts one past the end of the line before it.
        lines = text.split("\n")
        lines.pop()
        self.line_starts = [0, *itertools.accumulate(len(line) + 1 for line in lines)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_start(self, line: int) -> int:
        """Offset of 1-based ``line`` (clamped to the text)."""
        starts = self.line_starts
        if 0 < line <= len(starts):
            return starts[line - 1]
        return 0 if line <= 0 else starts[-1]

    def line_end(self, line: int) -> int:
        if line < len(self.line_starts):
            return self.line_starts[line] - 1
        return len(self.text)


@dataclass(eq=False)
class Block:
    """A unit of prose: a heading, a paragraph, a list item's text, a table cell, or
    the text inside an HTML/JSX block.  ``text`` has the Markdown markup removed.

    ``code`` lists the spans of ``text`` (start, end offsets) that are code, not prose:
    code spans (their content stays in ``text``, without the backticks) and the content
    of ``<code>``, ``<kbd>``, ``<samp>``, ``<pre>``, ``<script>`` and ``<style>``."""

    kind: str
    text: str
    line: int
    end_line: int
    lang: TextLang
    section: int
    index: int
    segments: tuple[Segment, ...] = field(repr=False)
    source: SourceIndex = field(repr=False)
    code: tuple[tuple[int, int], ...] = field(default=(), repr=False)

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column in the file of character ``offset`` of :attr:`text`."""
        if not self.segments:
            return self.line, 1
        seg = self.segments[max(bisect.bisect_right(self._starts, offset) - 1, 0)]
        delta = min(max(offset - seg.text_start, 0), max(seg.length, 0))
        return self.source.position(seg.source_offset + delta)

    @cached_property
    def _starts(self) -> list[int]:
        """Where each segment starts in :attr:`text` (for :meth:`position`'s search)."""
        return [s.text_start for s in self.segments]

    @cached_property
    def tokens(self) -> Morphemes:
        """fugashi tokens of :attr:`text`, computed once and shared by all rules."""
        return Morphemes(self.text)


@quick_init
@dataclass(frozen=True)
class Link:
    href: str  # as written (percent-decoding is left to the URL parser)
    line: int
    column: int
    kind: str  # markdown | reference | autolink | image | html | jsx
    text: str
    lang: TextLang  # language of the surrounding block
    section: int


@quick_init
@dataclass(frozen=True)
class Anchor:
    id: str
    line: int
    kind: str  # heading | ial | html


@quick_init
@dataclass(frozen=True)
class Section:
    index: int
    title: str
    level: int  # 0 for the preamble before the first heading
    line: int
    slug: str


@dataclass(frozen=True)
class Comment:
    """An HTML comment (``<!-- … -->``), where inline suppressions live."""

    text: str
    line: int
    end_line: int


@dataclass(frozen=True)
class Body:
    """What parsing the Markdown body gives: done once, on first use."""

    md_tokens: list[MdToken] | None  # None once released (see Document.release_analysis)
    blocks: list[Block]
    links: list[Link]
    anchors: list[Anchor]
    sections: list[Section]
    comments: list[Comment]

    @classmethod
    def empty(cls) -> Body:
        return cls([], [], [], [], [Section(0, "", 0, 1, "")], [])
