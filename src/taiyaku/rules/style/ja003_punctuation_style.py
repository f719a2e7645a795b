"""JA003 punctuation-style."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from taiyaku.model.diagnostics import Edit, Finding, Fix, Severity
from taiyaku.model.records import quick_init
from taiyaku.rules.base import PageRule, RuleOption
from taiyaku.rules.style._page import JaPage, finding_at, ja_page, term_deferral
from taiyaku.rules.style._punctuation import (
    AXES,
    SITE_STYLES,
    STYLES,
    Axis,
    Mark,
    marks_of,
    styles_present,
)
from taiyaku.rules.style._text import Prose

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context

PUNCTUATION = RuleOption(
    "ja-punctuation",
    str,
    "auto",
    "Japanese comma and period: 、。, ，．, ，。 or auto (the style most of the site's pages use)",
    choices=("auto", "、。", "，．", "，。"),
)
BRACKETS = RuleOption(
    "ja-brackets",
    str,
    "auto",
    "brackets around Japanese text: full (（）), half (()) or auto",
    choices=("auto", "full", "half"),
)
COLON = RuleOption(
    "ja-colon",
    str,
    "auto",
    "a colon after Japanese text: full (：), half (:) or auto",
    choices=("auto", "full", "half"),
)
_WIDTHS = ("full", "half")  # as STYLES lists the two styles of brackets and colons


@quick_init
@dataclass(frozen=True)
class _Target:
    style: int
    why: str  # "the site writes '，' (98 of 104 pages)", "ja-punctuation is \"，．\""
    from_page: bool = False


class PunctuationStyle(PageRule):
    """Japanese text mixes 、。 with ，．, full- and half-width brackets or colons, or
    departs from the site's style.

    ## What it does
    Looks at four marks in Japanese prose, each written one of two ways: the comma
    (``、`` or ``，``), the period (``。`` or ``．``), brackets around Japanese text
    (``（…）`` or ``(…)``) and the colon after a Japanese word (``：`` or ``:``). A comma
    between two digits (``１，０００``), a period between letters or digits
    (``３．５``), brackets around Latin text only and a colon in ``9:00`` are not
    counted either way, and neither is a mark inside quotation brackets (「」『』［］):
    a quoted label, title or message keeps the punctuation of what it quotes.

    The expected style comes from the settings ``ja-punctuation`` (``、。``, ``，．``,
    ``，。``), ``ja-brackets`` and ``ja-colon`` (``full`` or ``half`` width); with
    ``auto`` (the default) it is the site's: each page votes for the style it uses
    more, and the style with more votes wins. Where the site has no majority, the
    page's own majority is expected, so that a page mixing two styles is still
    reported.

    A page that mostly writes the other style gets one finding, at its first such
    mark, whose fix rewrites every mark of the page; otherwise each mark in the other
    style is a finding of its own. The fixes are safe: they change how a mark is
    written, not what the sentence says (a half-width colon's fix also drops the
    spaces after it). Code, URLs, MDX expressions, English runs and English blocks
    are not read.

    ## Why is this bad?
    A page that writes ``、`` in one paragraph and ``，`` in the next looks edited in
    a hurry, and a site whose pages disagree looks like several sites. Japanese style
    guides (JTF, the government's) ask for one style, used throughout.

    ## Example
    On a site whose pages write ``，．``, a paragraph that writes ``、``:

        src/pages/about/cs.md:14:30: warning JA003 [*] [punctuation-style] '、' where the page
        writes '，' (65 times) and the site writes '，' (93 of 95 pages)
    """

    CODE = "JA003"
    NAME = "punctuation-style"
    SEVERITY = Severity.WARNING
    USES_SITE = True  # auto: the site's style depends on every page
    OPTIONS = (PUNCTUATION, BRACKETS, COLON)

    @classmethod
    def uses_site(cls, options: Mapping[str, Any]) -> bool:
        return any(options.get(o.key, o.default) == "auto" for o in cls.OPTIONS)

    @classmethod
    def prepare(cls, ctx: Context) -> None:
        if cls.uses_site(ctx.options):
            ctx.state(SITE_STYLES)  # counted once, before workers fork

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        page = ja_page(ctx, doc)
        axes = [axis for axis in AXES if _may_depart(ctx, page.text, axis)]
        if not axes:
            return
        by_axis: dict[Axis, list[tuple[int, Mark]]] = {}
        for index, prose in enumerate(page.prose):
            for mark in marks_of(prose, axes):
                by_axis.setdefault(mark.axis, []).append((index, mark))
        for axis in axes:
            marks = sorted(by_axis.get(axis, ()), key=lambda item: (item[0], item[1].start))
            if marks:
                yield from _axis_findings(ctx, page, axis, marks)


def _may_depart(ctx: Context, text: str, axis: Axis) -> bool:
    """Whether the page's prose may hold a mark of ``axis`` in a style other than the
    expected one: a quick look at the page's text, before marks are read one by one."""
    present = styles_present(text, axis)
    target = _configured(ctx, axis) or _site(ctx, axis)
    if target is None:
        return all(present)  # the page's own majority: only a page with both departs
    return present[1 - target.style]


def _axis_findings(
    ctx: Context, page: JaPage, axis: Axis, marks: list[tuple[int, Mark]]
) -> Iterator[Finding]:
    counts = [0, 0]
    for _index, mark in marks:
        counts[mark.style] += 1
    target = _configured(ctx, axis) or _site(ctx, axis) or _page_majority(marks, counts)
    if target is None:
        return
    others = [(index, mark) for index, mark in marks if mark.style != target.style]
    if not others:
        return
    expected = STYLES[axis][target.style]
    if counts[1 - target.style] > counts[target.style] and not target.from_page:
        yield _page_finding(ctx, page, others, expected, counts, target)
        return
    for index, mark in others:
        prose = page.prose[index]
        message = f"'{mark.written()}' where {_where(target, expected, counts)}"
        yield _mark_finding(ctx, page, index, prose, mark, target.style, message)


def _configured(ctx: Context, axis: Axis) -> _Target | None:
    option = {"comma": PUNCTUATION, "period": PUNCTUATION, "brackets": BRACKETS}.get(axis, COLON)
    value = ctx.option(option.key) or option.default
    if value == "auto":
        return None
    if axis in ("brackets", "colon"):
        style = _WIDTHS.index(value)
    else:
        style = STYLES[axis].index(value[0] if axis == "comma" else value[1])
    return _Target(style, f'{option.key} is "{value}"')


def _site(ctx: Context, axis: Axis) -> _Target | None:
    site = ctx.state(SITE_STYLES).by_axis[axis]
    style = site.style
    if style is None:
        return None
    shown = STYLES[axis][style]
    votes = f"{site.votes[style]} of {site.voters} pages"
    return _Target(style, f"the site writes '{shown}' ({votes})")


def _page_majority(marks: list[tuple[int, Mark]], counts: list[int]) -> _Target | None:
    if 0 in counts:
        return None
    # as many of each: the page's first mark sets the style
    style = marks[0][1].style if counts[0] == counts[1] else int(counts[1] > counts[0])
    return _Target(style, "", from_page=True)


def _where(target: _Target, expected: str, counts: list[int]) -> str:
    page = f"the page writes '{expected}' ({_times(counts[target.style])})"
    return page if target.from_page else f"{page} and {target.why}"


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _mark_finding(
    ctx: Context, page: JaPage, index: int, prose: Prose, mark: Mark, style: int, message: str
) -> Finding:
    edits = _edits(prose, mark, style)
    start, end = mark.spans[0]
    written, expected = mark.written(), STYLES[mark.axis][style]
    fix = Fix(edits, "safe", f"write '{expected}' for '{written}'") if edits else None
    deferred = term_deferral(ctx, page, index, start, mark.spans[-1][1])
    return finding_at(prose, start, end, message, fix, deferred)


def _page_finding(
    ctx: Context,
    page: JaPage,
    others: list[tuple[int, Mark]],
    expected: str,
    counts: list[int],
    target: _Target,
) -> Finding:
    """One finding for a page written in the other style, with a fix for all of it."""
    index, first = others[0]
    written = first.written()
    kept = counts[target.style]
    message = (
        f"the page writes '{written}' ({_times(counts[1 - target.style])}) where "
        f"{target.why}; '{expected}' {_times(kept) if kept else 'nowhere'} on the page"
    )
    finding = _mark_finding(ctx, page, index, page.prose[index], first, target.style, message)
    edits: list[Edit] = []
    for other_index, mark in others:
        found = _edits(page.prose[other_index], mark, target.style)
        if not found:  # a mark that cannot be located: no fix rather than half of one
            return replace(finding, fix=None)
        edits += found
    fix = Fix(tuple(edits), "safe", f"write '{expected}' for every '{written}' of the page")
    return replace(finding, fix=fix)


def _edits(prose: Prose, mark: Mark, style: int) -> tuple[Edit, ...]:
    """The edits that write ``mark`` in ``style`` (none unless every span is exact).
    A half-width colon written in full width takes the spaces after it along, where
    the source has them right after it (not after a closing ``**``)."""
    edits = []
    for (start, end), replacement in zip(mark.spans, mark.replacements(style), strict=True):
        spot = None
        if mark.spaces_to > end and style != mark.style:
            spot = prose.exact_spot(start, mark.spaces_to)
        spot = spot or prose.exact_spot(start, end)
        if spot is None:
            return ()
        last = spot.end_column or spot.column
        edits.append(Edit(prose.doc.path, spot.line, spot.column, spot.line, last, replacement))
    return tuple(edits)
