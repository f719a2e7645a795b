"""The year of a date that states none, from the page's own context (TM003 and
``taiyaku facts``).

A date without a year (``6/4 (金)``, ``March 15``) takes the first of these that exists:

1. a year stated in the same block (the sentence, list item or table cell): the
   nearest one before the date, else the first one after it (``4/8(Wed) and 4/9(Thu),
   2025``);
2. the section, when every year stated in it is the same;
3. the year stated before the date on the page, in the nearest block that states years,
   if that block states just one (``2025年と2024年に更新`` names no year for what follows);
4. the page, when every year it states is the same;
5. the page's front-matter date (``date``, ``pubDate``, ``published``, ``lastmod``: the
   ``date-keys`` setting), e.g. ``date: 2021-06-04T10:00:00+09:00``;
6. a year in the page's path: a folder (``events/2021/…``) or a dated file name
   (``_posts/2021-06-04-notice.md``).

A year from 5 or 6 that comes with a month follows the December/January rule: a page
dated 2021-12-20 that says ``1/10`` means January 10, 2022 (a date in January–March on
a page of November or December is in the next year).  Years are read from the dates
and parts of months (``2025年度``, ``early April 2025``) that the extractors found.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from taiyaku.knowledge.facts import DateFact, Facts, PeriodFact, WeekdayContradiction
from taiyaku.knowledge.facts.calendar import weekday_of
from taiyaku.knowledge.facts.compare import fits_neighbouring_year
from taiyaku.rules.base import RuleOption
from taiyaku.rules.context import RunState
from taiyaku.rules.hours.block_facts import page_facts

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.parse.nodes import Block
    from taiyaku.rules.context import Context

__all__ = ["DATE_KEYS", "YearFrom", "date_years", "weekday_errors"]

DATE_KEYS = RuleOption(
    "date-keys",
    list,
    ["date", "pubDate", "published", "lastmod"],
    "front-matter keys whose date gives a year to the dates on the page that state none",
)


@dataclass(frozen=True)
class YearFrom:
    """A date's year and where it comes from (``""`` when the date states it)."""

    year: int
    source: str


@dataclass(frozen=True)
class _Anchor:
    """A year stated on the page, where it is stated."""

    year: int
    block: int  # the block's index in the page
    offset: int
    section: int


# The years of each page's dates, by id(DateFact), computed once per run.
PAGE_YEARS: RunState[dict[str, dict[int, YearFrom]]] = RunState("date-years", lambda _: {})
WEEKDAY_ERRORS: RunState[dict[str, list[tuple[Block, WeekdayContradiction, YearFrom]]]] = RunState(
    "weekday-errors", lambda _: {}
)


def date_years(ctx: Context, doc: Document) -> dict[int, YearFrom]:
    """The year of every date of the page, by ``id(date)``; dates no rule can give a
    year are left out."""
    cache = ctx.state(PAGE_YEARS)
    found = cache.get(doc.rel)
    if found is None:
        found = cache[doc.rel] = _YearReader(ctx, doc).run()
    return found


class _YearReader:
    """One pass over the page's blocks, in order (linear in the page's dates)."""

    def __init__(self, ctx: Context, doc: Document) -> None:
        self.blocks = page_facts(ctx, doc)
        self.by_block = {block.index: _anchors(block, facts) for block, facts in self.blocks}
        self.sections: dict[int, set[int]] = {}
        for block, _facts in self.blocks:
            years = {a.year for a in self.by_block[block.index]}
            self.sections.setdefault(block.section, set()).update(years)
        self.page = set().union(*self.sections.values()) if self.sections else set()
        self.context = _page_context(ctx, doc)

    def run(self) -> dict[int, YearFrom]:
        years: dict[int, YearFrom] = {}
        earlier: int | None = None  # the last year stated in an earlier block
        for block, facts in self.blocks:
            here = self.by_block[block.index]
            offsets = [a.offset for a in here]
            for date in facts.dates:
                if date.year is not None:
                    years[id(date)] = YearFrom(date.year, date.year_source)
                    continue
                before = bisect.bisect_left(offsets, date.start_offset)
                found = self._inferred(block, date, here, before, earlier)
                if found is not None:
                    years[id(date)] = found
            if here:  # the nearest block that states years, if it states just one
                distinct = {a.year for a in here}
                earlier = here[-1].year if len(distinct) == 1 else None
        return years

    def _inferred(
        self, block: Block, date: DateFact, here: list[_Anchor], before: int, earlier: int | None
    ) -> YearFrom | None:
        if here:
            anchor = here[before - 1] if before else here[0]
            return YearFrom(anchor.year, f"the same {_kind(block)}")
        section = self.sections.get(block.section, set())
        if len(section) == 1:
            return YearFrom(next(iter(section)), "its section")
        if earlier is not None:
            return YearFrom(earlier, "an earlier date on the page")
        if len(self.page) == 1:
            return YearFrom(next(iter(self.page)), "the other dates on the page")
        if self.context is not None:
            year, month, source = self.context
            if month is not None and month >= 11 and date.month <= 3:
                year += 1  # a December notice about 1/10 means the next January
            return YearFrom(year, source)
        return None


def _anchors(block: Block, facts: Facts) -> list[_Anchor]:
    stated: Sequence[DateFact | PeriodFact] = [*facts.dates, *facts.periods]
    return sorted(
        (_Anchor(f.year, block.index, f.start_offset, block.section) for f in stated if f.year),
        key=lambda a: a.offset,
    )


def _kind(block: Block) -> str:
    return {"list_item": "list item", "table": "table cell", "heading": "heading"}.get(
        block.kind, "paragraph"
    )


_PATH_DATE = re.compile(r"(?:^|/)((?:19|20)\d\d)(?:-(\d\d)-(\d\d)(?=-)|(?=/))")


def _page_context(ctx: Context, doc: Document) -> tuple[int, int | None, str] | None:
    """(year, month or None, where from) of the page's front-matter date, else its path."""
    data = doc.frontmatter.data if isinstance(doc.frontmatter.data, dict) else {}
    for key in ctx.option(DATE_KEYS.key) or ():
        found = _date_value(data.get(key))
        if found is not None:
            return (*found, f"the front matter `{key}`")
    m = _PATH_DATE.search(doc.rel)
    if m is not None:
        month = int(m.group(2)) if m.group(2) else None
        return int(m.group(1)), month, f"the path `{doc.rel[: m.end()]}`"
    return None


_ISO_START = re.compile(r"\s*((?:19|20)\d\d)(?:[-/.](\d{1,2}))?")


def _date_value(value: Any) -> tuple[int, int | None] | None:
    """(year, month) of a front-matter date: YAML's date or datetime, or text."""
    if isinstance(value, dt.date):  # datetime is a date too
        return value.year, value.month
    if isinstance(value, str):
        m = _ISO_START.match(value)
        if m is not None:
            month = int(m.group(2)) if m.group(2) and 1 <= int(m.group(2)) <= 12 else None
            return int(m.group(1)), month
    return None


def weekday_errors(
    ctx: Context, doc: Document
) -> list[tuple[Block, WeekdayContradiction, YearFrom]]:
    """The page's dates whose stated weekday the calendar contradicts (what TM003
    reports), with where the year came from.

    A weekday that fits the neighbouring year is accepted for a date whose year is
    inferred and that falls in January, February, November or December.
    """
    cache = ctx.state(WEEKDAY_ERRORS)
    found = cache.get(doc.rel)
    if found is None:
        years = date_years(ctx, doc)
        found = cache[doc.rel] = [
            (block, contradiction, years[id(date)])
            for block, facts in page_facts(ctx, doc)
            for date in facts.dates
            if id(date) in years
            and (contradiction := _contradiction(date, years[id(date)])) is not None
        ]
    return found


def _contradiction(date: DateFact, year: YearFrom) -> WeekdayContradiction | None:
    if date.weekday is None:
        return None
    actual = weekday_of(year.year, date.month, date.day)
    if actual is None or actual == date.weekday:
        return None
    if date.year is None and fits_neighbouring_year(date, year.year):
        return None
    return WeekdayContradiction(date, date.weekday, actual, year.year, bool(year.source))
