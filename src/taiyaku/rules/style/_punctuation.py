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
(``9:00``) says nothing of the style, so it is not counted either way; on a page, a mark
inside quotation brackets (「」『』［］) is not either: a quoted label, title or message
keeps the punctuation of what it quotes.

The site's style on an axis (``auto``) is decided by the pages' votes: each page votes
for the style it uses more on that axis (a page that uses both equally, or neither,
does not vote), and the style with more votes is the site's.  Votes are counted once
per run, on the pages' files as written, code blocks and code spans left out (the files
are read before workers fork; parsing them all there would cost more than the votes).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from taiyaku.model.records import quick_init
from taiyaku.parse.markdown import may_hold_fence
from taiyaku.rules.context import RunState
from taiyaku.rules.style._text import inside

if TYPE_CHECKING:
    from taiyaku.rules.context import Context
    from taiyaku.rules.style._text import Prose

__all__ = [
    "AXES",
    "SITE_STYLES",
    "STYLES",
    "Axis",
    "Mark",
    "SiteStyles",
    "marks_of",
    "scan",
    "styles_present",
]

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
_SINGLE_CHARS: dict[Axis, str] = {"comma": "、，", "period": "。．", "colon": "：:"}
# A pattern for each set of one-character axes: the characters their marks are.
_SINGLES = {
    frozenset(chosen): re.compile("[" + "".join(_SINGLE_CHARS[a] for a in chosen) + "]")
    for chosen in (
        [a for i, a in enumerate(_SINGLE_CHARS) if mask >> i & 1] for mask in range(1, 8)
    )
}
_AFTER_JAPANESE = re.compile(f"[{_JA}」』）]")
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_ALNUM = re.compile("[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_SPACES = re.compile("[ \t]*")
_FULL_PAIR = re.compile(f"（[^（）\n]*?[{_JA}][^（）\n]*?）")
_HALF_PAIR = re.compile(f"\\([^()\n]*?[{_JA}][^()\n]*?\\)")
# For the votes: each pattern starts with its literal, which the engine finds fast.
_FENCED_CODE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?^ {0,3}\1", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]+`")

_HALF_PAIR_VOTE = re.compile(f"\\((?<!\\]\\()[^()\n]*?[{_JA}][^()\n]*?\\)")
# A character every counted mark is or needs (a Japanese one before a colon or in
# brackets): a text with none of them votes for nothing.
_MAY_VOTE = re.compile(f"[、。，．（）：」』{_JA}]")
_FULL_COLON = re.compile(f"：(?<=[{_JA}」』）]：)")
_HALF_COLON = re.compile(f":(?<=[{_JA}」』）]:)(?![0-9])")


@quick_init
@dataclass(frozen=True)
class Mark:
    """One comma, period, bracket pair or colon in a Prose's text.

    ``spans`` are the characters a fix replaces (a pair: the opening and the closing
    bracket), ``style`` which of the axis's two styles it is written in (0 or 1, as
    :data:`STYLES` lists them).  ``spaces_to``: where the spaces after a half-width
    colon end (a full-width colon takes none after it)."""

    axis: Axis
    style: int
    spans: tuple[tuple[int, int], ...]
    spaces_to: int = 0

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


def marks_of(prose: Prose, axes: Collection[Axis] = AXES) -> list[Mark]:
    """The marks of ``axes`` in the prose parts of ``prose``."""
    marks = scan(prose.text, axes)
    if not marks or (not prose.skip and not prose.quoted):
        return marks
    quoted = prose.quoted
    return [
        m
        for m in marks
        if all(prose.is_prose(a, b) for a, b in m.spans) and not inside(quoted, m.start)
    ]


def scan(text: str, axes: Collection[Axis] = AXES) -> list[Mark]:
    """The marks of ``axes`` in ``text``."""
    singles = _SINGLES.get(frozenset(axes) - {"brackets"})
    marks = []
    if singles is not None:
        marks = [m for match in singles.finditer(text) if (m := _single(text, match))]
    if "brackets" in axes:
        if "（" in text:
            marks += [_pair(0, match) for match in _FULL_PAIR.finditer(text)]
        if "(" in text:
            for match in _HALF_PAIR.finditer(text):
                if not text.startswith("]", match.start() - 1):  # a Markdown link's target
                    marks.append(_pair(1, match))
    return marks


def _single(text: str, match: re.Match[str]) -> Mark | None:
    char, start = match.group(), match.start()
    before = text[start - 1] if start else ""
    after = text[start + 1 : start + 2]
    if char == "、" or char == "，":
        if char == "，" and before in _DIGITS and after in _DIGITS and before and after:
            return None  # １，０００
        return Mark("comma", 0 if char == "、" else 1, ((start, start + 1),))
    if char == "。" or char == "．":
        if char == "．" and _ALNUM.match(before or " ") and _ALNUM.match(after or " "):
            return None  # ３．５, Ver．2
        return Mark("period", 0 if char == "。" else 1, ((start, start + 1),))
    if not start or not _AFTER_JAPANESE.match(text, start - 1):
        return None
    if char == "：":
        return Mark("colon", 0, ((start, start + 1),))
    if after in _DIGITS and after:
        return None  # 時間:9:00 reads as a time's colon too
    spaces_to = _SPACES.match(text, start + 1).end()  # type: ignore[union-attr]
    return Mark("colon", 1, ((start, start + 1),), spaces_to)


def _pair(style: int, match: re.Match[str]) -> Mark:
    start, end = match.span()
    return Mark("brackets", style, ((start, start + 1), (end - 1, end)))


def styles_present(text: str, axis: Axis) -> tuple[bool, bool]:
    """Whether ``text`` may hold marks of each style of ``axis``: a quick look, true
    wherever :func:`scan` could find one (it may find none: a comma between digits)."""
    if axis == "comma":
        return "、" in text, "，" in text
    if axis == "period":
        return "。" in text, "．" in text
    if axis == "brackets":
        return bool(_FULL_PAIR.search(text)), bool(_HALF_PAIR.search(text))
    return bool(_FULL_COLON.search(text)), bool(_HALF_COLON.search(text))


def count_in_source(text: str) -> dict[Axis, tuple[int, int]]:
    """How often each style of each axis occurs in a page's file as written, code blocks
    and code spans left out: a vote, counted without looking at each mark (a comma
    between digits counts too; a URL holds none of these marks but a half-width colon,
    which follows no Japanese character there)."""
    if text.isascii() or not _MAY_VOTE.search(text):  # most English pages: nothing to count
        return dict.fromkeys(AXES, (0, 0))  # type: ignore[return-value]
    return _counted_in_source(text)


def _counted_in_source(text: str) -> dict[Axis, tuple[int, int]]:
    if may_hold_fence(text):
        text = _FENCED_CODE.sub("", text)
    if "`" in text:
        text = _INLINE_CODE.sub("", text)
    return {
        "comma": (text.count("、"), text.count("，")),
        "period": (text.count("。"), text.count("．")),
        "brackets": (_matches(_FULL_PAIR, "（", text), _matches(_HALF_PAIR_VOTE, "(", text)),
        "colon": (_matches(_FULL_COLON, "：", text), _matches(_HALF_COLON, ":", text)),
    }


def _matches(pattern: re.Pattern[str], mark: str, text: str) -> int:
    """How many times ``pattern``, every match of which holds ``mark``, matches: none,
    without a search, in a text without the mark (a one-character test is fast)."""
    return len(pattern.findall(text)) if mark in text else 0


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
        try:  # a page over the size cap is not read (IN002 reports it)
            text = ctx.site.page_bytes(page).decode("utf-8", errors="replace")
        except OSError:
            continue
        for axis, (first, second) in count_in_source(text).items():
            if first != second:
                votes[axis][0 if first > second else 1] += 1
    return SiteStyles({axis: SiteStyle((c[0], c[1])) for axis, c in votes.items()})


#: The site's punctuation styles, counted once per run (before workers fork).
SITE_STYLES: RunState[SiteStyles] = RunState("ja-site-punctuation", _site_styles)
