"""TM005 invalid-date."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PageRule
from taiyaku.rules.hours.block_facts import DATE_ORDER
from taiyaku.rules.hours.invalid import invalid_findings

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context


class InvalidDate(PageRule):
    """Something written as a date names a day no calendar has.

    ## What it does
    Reports dates that cannot exist, in either language, on every page: a day past the
    end of its month (``2月30日``, ``4月31日``, ``February 30``, ``2/30 (Mon)``), February 29
    of a year that is not a leap year (``2025年2月29日``), and a month outside 1–12
    (``13月1日``, ``2025/13/01``, ``00/15まで``).

    A bare number pair is judged only where it is written as a date (the rules of
    TM002: with a weekday, a year, a range of dates, a word such as ``until`` or
    ``まで``, or alone in a table cell); ``1/2`` in running text is a fraction, never an
    invalid date. An English ``13/01`` is a date of January 13 when the page writes
    day/month (the ``date-order`` setting, or the page's own evidence), and an invalid
    date only when it writes month/day.

    ## Why is this bad?
    An impossible date is a typo, and readers guess the day it meant differently. It
    cannot be compared with the other language either, so TM002 cannot check it.

    ## Example
    ``content/notice/maintenance.md``:

        content/notice/maintenance.md:8:1: warning TM005 [invalid-date] "2025年2月29日": 2025 is
        not a leap year
    """

    CODE = "TM005"
    NAME = "invalid-date"
    SEVERITY = Severity.WARNING
    USES_SITE = False
    NEEDS_TOKENS = True
    OPTIONS = (DATE_ORDER,)

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        return invalid_findings(ctx, doc, lambda facts: facts.invalid_dates)
