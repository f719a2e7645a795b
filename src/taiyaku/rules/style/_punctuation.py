"""Punctuation styles of Japanese text: what JA003 counts on a page and across the site.

Four *axes*, each with two styles:

========  ===========  ===========  ================================================
axis      one style    the other    counted where
========  ===========  ===========  ================================================
comma     ``、``        ``，``        everywhere but between two digits (``１，０００``)
period    ``。``        ``．``        everywhere but between two letters or digits
brackets  ``（…）``     ``(…)``       a pair on one line whose content holds Japanese
colon     ``：``        ``:``         right after a Japanese character
========  ===========  ===========  ================================================

A bracket pair around Latin text only (``(UTokyo Account)``) or a colon between digits
(``9:00``) says nothing of the style, so it is not counted either way.

The site's style on an axis (``auto``) is decided by the pages' votes: each page votes
for the style it uses more on that axis (a page that uses both equally, or neither,
does not vote), and the style with more votes is the site's.  Votes are counted on the
pages' files as written (code included, which changes no majority), once per run.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from taiyaku.rules.context import RunState

if TYPE_CHECKING:
    from taiyaku.rules.context import Context
    from taiyaku.rules.style._text import Prose

__all__ = ["AXES", "SITE_STYLES", "Axis", "Mark", "SiteStyles", "marks_of"]

Axis = Literal["comma", "period", "brackets", "colon"]
AXES: tuple[Axis, ...] = ("comma", "period", "brackets", "colon")

#: The two styles of each axis, as a setting names them.
STYLES: dict[Axis, tuple[str, str]] = {
    "comma": ("、", "，"),
    "period": ("。", "．"),
    "brackets": ("（）", "()"),
    "colon": ("：", ":"),
}

_JA = "\u3005\u3006\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_ALNUM = "0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
_COMMA = re.compile("、|(?<![0-9\uff10-\uff19])，|，(?![0-9\uff10-\uff19])")
_PERIOD = re.compile(f"。|(?<![{_ALNUM}])．|．(?![{_ALNUM}])")
_FULL_PAIR = re.compile(f"（[^（）\n]*?[{_JA}][^（）\n]*?）")
_HALF_PAIR = re.compile(f"(?<!\\])\\([^()\n]*?[{_JA}][^()\n]*?\\)")
_COLON = re.compile(f"(?<=[{_JA}」』）])(?:：|:(?![0-9]))[ \t]*")


@dataclass(frozen=True)
class Mark:
    """One comma, period, bracket pair or colon in a Prose's text.

    ``spans`` are the characters a fix replaces (a pair: the opening and the closing
    bracket; a half-width colon: with the spaces after it), ``style`` which of the
    axis's two styles it is written in (0 or 1, as :data:`STYLES` lists them)."""

    axis: Axis
    style: int
    spans: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.spans[0][0]

    def written(self) -> str:
        return STYLES[self.axis][self.style]

    def replacements(self, style: int) -> tuple[str, ...]:
        """What each span becomes when written in ``style``."""
        chars = STYLES[self.axis][style]
        if self.axis == "brackets":
            return chars[0], chars[1]
        return (chars,)


def marks_of(prose: Prose, axis: Axis) -> list[Mark]:
    """The marks of ``axis`` in the prose parts of ``prose``."""
    text = prose.text
    found = [m for m in _scan(text, axis) if all(prose.is_prose(a, b) for a, b in m.spans)]
    return found


def _scan(text: str, axis: Axis) -> Iterator[Mark]:
    if axis == "comma":
        for match in _COMMA.finditer(text):
            yield Mark(axis, 0 if match.group() == "、" else 1, (match.span(),))
    elif axis == "period":
        for match in _PERIOD.finditer(text):
            yield Mark(axis, 0 if match.group() == "。" else 1, (match.span(),))
    elif axis == "brackets":
        for style, pattern in enumerate((_FULL_PAIR, _HALF_PAIR)):
            for match in pattern.finditer(text):
                start, end = match.span()
                yield Mark(axis, style, ((start, start + 1), (end - 1, end)))
    else:
        for match in _COLON.finditer(text):
            style = 0 if match.group().startswith("：") else 1
            span = match.span() if style else (match.start(), match.start() + 1)
            yield Mark(axis, style, (span,))


def count_in_source(text: str, axis: Axis) -> tuple[int, int]:
    """How often each style of ``axis`` occurs in a page's file as written."""
    counts = [0, 0]
    for mark in _scan(text, axis):
        counts[mark.style] += 1
    return counts[0], counts[1]


@dataclass(frozen=True)
class SiteStyle:
    """The site's style on one axis: the pages' votes for each style."""

    votes: tuple[int, int]

    @property
    def style(self) -> int | None:
        first, second = self.votes
        if first == second:
            return None
        return 0 if first > second else 1

    @property
    def voters(self) -> int:
        return sum(self.votes)


@dataclass
class SiteStyles:
    by_axis: dict[Axis, SiteStyle] = field(default_factory=dict)


def _site_styles(ctx: Context) -> SiteStyles:
    votes: dict[Axis, Counter[int]] = {axis: Counter() for axis in AXES}
    for page in ctx.site.pages:
        try:
            text = page.path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for axis in AXES:
            first, second = count_in_source(text, axis)
            if first != second:
                votes[axis][0 if first > second else 1] += 1
    return SiteStyles({axis: SiteStyle((c[0], c[1])) for axis, c in votes.items()})


#: The site's punctuation styles, counted once per run (before workers fork).
SITE_STYLES: RunState[SiteStyles] = RunState("ja-site-punctuation", _site_styles)
