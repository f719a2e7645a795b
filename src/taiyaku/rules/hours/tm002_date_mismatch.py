"""TM002 date-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from taiyaku.knowledge.facts import DateFact, dates_equal
from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.model.lang import Lang, other_lang
from taiyaku.rules.base import PairRule
from taiyaku.rules.hours.block_facts import DATE_ORDER, block_facts, is_dateline
from taiyaku.rules.hours.located import LocatedFact
from taiyaku.rules.hours.pair_compare import (
    Differs,
    compare_pair,
    differs_finding,
    one_sided_finding,
)
from taiyaku.rules.hours.years import DATE_KEYS, weekday_errors

if TYPE_CHECKING:
    from pathlib import Path

    from taiyaku.rules.context import Context, Pair


# The rule that reports a date whose stated weekday the calendar contradicts: where it
# reports on a page, a difference that is only that weekday is its finding, not ours.
WEEKDAY_MISMATCH = "TM003"


class DateMismatch(PairRule):
    """The Japanese and English versions state different dates.

    ## What it does
    Reads the calendar dates on both sides of a pair (a page and its translation, or the
    Japanese and English halves of a bilingual page) and compares them. The same date
    written differently is the same fact: ``2025年3月15日（土）``, ``令和7年3月15日``,
    ``2025/3/15``, ``Saturday, March 15, 2025`` and ``15 March 2025`` agree; a date
    without a year agrees with the same day of any year; ``4/29`` alone in a table cell
    is ``April 29``.

    * **error** when the two languages state a date differently: the same month and
      day with another year or weekday (``2025年3月15日`` against ``March 15, 2024``), or
      the one date of two statements that say the same thing (``受付は2025年4月1日（火）
      から`` against ``Reception opens on Wednesday, April 2, 2025`` in the same list
      item; statements as in TM001). Reported on the English side; the related
      location is the Japanese date. When only the weekday differs and the calendar
      shows which side is wrong, that is TM003's finding, and TM002 does not repeat it
      (unless TM003 is not selected or ignored for that page).
    * **warning** when dates appear in one language only: one finding per statement
      (paragraph, list item, table cell) that states them, listing them all. A period
      ``from March 15 through April 20`` is one statement the other language lacks.
      Reported where the dates are stated; the message names the other page.
    * **info** instead of that warning when the other language's matching section
      holds date-like text that taiyaku cannot read: the date may be stated there.

    Parts of months and fiscal years are compared the same way: ``4月上旬`` is ``early
    April``, ``5月末`` is ``the end of May``, ``2025年度`` is ``FY2025``. Dates are read
    in every common notation (``2025/4/15``, ``2025.4.15``, ``R7.4.15``, ``4/8(水)``,
    ``Fri. 11/08``, ``5/11-12``, ``May 11 to 12, 2021``); an English ``01/10`` reads as the
    ``date-order`` setting says (``auto``: the page's own evidence, else month/day).

    A date both languages state is never reported because one states it more often.
    Two different days are taken for one date changed only in aligned statements;
    elsewhere ``3月15日`` against ``March 16`` is a date on each side, both reported
    one-sided. Sections are compared as in TM001: section by section where they pair
    up, and a date that moved to another section is still the same date.

    Datelines are not compared: a paragraph or HTML block that holds nothing but the
    page's date (right-aligned, perhaps with a signature such as ``情報システム本部``;
    or alone, perhaps after ``最終更新：``/``Last updated:``, before the first heading or
    at the end of the page). Each language's version carries its own date of writing
    or revision, and those legitimately differ; ST002 (dateline-differs) reports a
    translation whose dateline is older than its source's.

    On a pair whose translation is a placeholder, PR004 says so once instead (these
    findings are reported there only where PR004 is not selected).

    ## Why is this bad?
    Deadlines, maintenance windows and service periods are dates readers plan around.
    A date in one language only means the other readers never hear of it; a date that
    differs means one of them is told the wrong day.

    ## Example
    The English chat page announces a temporary weekend service with its period; the
    Japanese page has no such note:

        content/en/support/chat.md:24:68: warning TM002 [date-mismatch] EN says "Saturday, March
        15, 2025" (2025-03-15 Sat), "Sunday, April 20, 2025" (2025-04-20 Sun) and
        "Thursday, March 20" (03-20 Thu); JA (content/support/chat.md) states none of
        these dates
    """

    CODE = "TM002"
    NAME = "date-mismatch"
    SEVERITY = Severity.ERROR
    COMPARES_CONTENT = True  # on a placeholder translation, defers to PR004
    USES_SITE = False
    NEEDS_TOKENS = True
    OPTIONS = (DATE_ORDER, DATE_KEYS)

    def check(self, pair: Pair, ctx: Context) -> Iterator[Finding]:
        datelines: dict[int, bool] = {}

        def keep(lf: LocatedFact) -> bool:
            key = id(lf.block)
            if key not in datelines:
                facts = block_facts(ctx, lf.doc, lf.block, lf.read_as)
                datelines[key] = is_dateline(lf.doc, lf.block, facts)
            return not datelines[key]

        for what in ("dates", "periods"):
            found = compare_pair(ctx, pair, what, keep)
            for differs in found.differs:
                finding = differs_finding(ctx, differs, "date")
                yield replace(finding, deferred_to=_weekday_errors(ctx, differs))
            for one in found.one_sided:
                theirs = found.left_out[other_lang(one.lang)]
                facts = [lf for lf in one.facts if not _their_dateline(one.lang, lf, theirs)]
                if facts:  # (a date the other language gives as its dateline is stated)
                    yield one_sided_finding(ctx, pair, replace(one, facts=facts), "date")


def _their_dateline(lang: Lang, mine: LocatedFact, datelines: list[LocatedFact]) -> bool:
    if not isinstance(mine.fact, DateFact):
        return False
    for theirs in datelines:
        assert isinstance(theirs.fact, DateFact)
        ja, en = (mine.fact, theirs.fact) if lang == "ja" else (theirs.fact, mine.fact)
        if dates_equal(ja, en):
            return True
    return False


def _weekday_errors(ctx: Context, differs: Differs) -> tuple[tuple[str, Path], ...]:
    """Where TM003 reports the same fact: the dates differ only in the weekday, and one
    of them states a weekday the calendar contradicts.  That is the error, and TM003
    says so (one fact, one message): the finding defers to TM003 on those pages."""
    ja, en = differs.ja.fact, differs.en.fact
    if not (isinstance(ja, DateFact) and isinstance(en, DateFact)):
        return ()
    if (ja.month, ja.day) != (en.month, en.day):
        return ()
    if ja.year is not None and en.year is not None and ja.year != en.year:
        return ()
    return tuple(
        (WEEKDAY_MISMATCH, side.doc.path)
        for side in (differs.ja, differs.en)
        if any(found.date is side.fact for _, found, _ in weekday_errors(ctx, side.doc))
    )
