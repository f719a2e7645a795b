"""TM003 weekday-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.knowledge.facts.calendar import WEEKDAY_NAMES
from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PageRule
from taiyaku.rules.hours.block_facts import DATE_ORDER
from taiyaku.rules.hours.located import span
from taiyaku.rules.hours.messages import quoted
from taiyaku.rules.hours.years import DATE_KEYS, weekday_errors

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context


class WeekdayMismatch(PageRule):
    """A date's stated weekday is not the weekday of that date.

    ## What it does
    Checks every date that states its weekday against the calendar, in either
    language, on every page (paired or not): ``2025年3月15日（金）`` and ``Friday,
    March 15, 2025`` are wrong, since March 15, 2025 is a Saturday.

    A date without a year (``6/4 (金)``) is judged with the year the page's own context
    gives it, and the message says where that year came from: a year stated in the same
    sentence, list item or cell; else the section, when every year stated in it is the
    same; else the nearest year stated before it on the page; else the page, when every
    year it states is the same; else the page's front-matter date (``date``,
    ``pubDate``, ``published``, ``lastmod``: the ``date-keys`` setting); else a year in
    the page's path (``events/2021/``, ``2021-06-04-notice.md``). A page dated in
    November or December that names a date in January to March means the next year.
    Otherwise the date is not judged. A weekday that fits the neighbouring year is
    accepted for a date whose year is inferred and that falls in January, February,
    November or December (a December notice about ``1月5日（月）``).

    ## Why is this bad?
    Readers plan by the weekday as much as by the date. When the two disagree, one of
    them is wrong, and nobody can tell which: a contradiction in the source is copied
    into every translation.

    ## Example
    ``content/support/email-form.md`` announces maintenance on ``2025年8月9日（金）``:

        content/support/email-form.md:21:15: error TM003 [weekday-mismatch] "2025年8月9日（金）":
        2025-08-09 is a Saturday, not a Friday
    """

    CODE = "TM003"
    NAME = "weekday-mismatch"
    SEVERITY = Severity.ERROR
    USES_SITE = False
    NEEDS_TOKENS = True
    OPTIONS = (DATE_KEYS, DATE_ORDER)

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for block, found, year in weekday_errors(ctx, doc):
            date = found.date
            spot = span(block, date.start_offset, date.end_offset)
            whence = ""
            if found.year_inferred:
                whence = f" (the year {found.year} is taken from {year.source})"
            message = (
                f"{quoted(date.quote)}: {found.year}-{date.month:02d}-{date.day:02d} is a "
                f"{WEEKDAY_NAMES[found.actual]}, not a {WEEKDAY_NAMES[found.stated]}{whence}"
            )
            yield Finding(
                doc.path,
                spot.line,
                spot.column,
                message,
                end_line=spot.end_line,
                end_column=spot.end_column,
                fingerprint_text=f"{date.describe()} is a {WEEKDAY_NAMES[found.actual]}",
            )
