"""TM002 date-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from taiyaku.knowledge.facts import DateFact, dates_equal
from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.model.lang import LANG_LABEL, Lang, other_lang
from taiyaku.rules.base import PairRule
from taiyaku.rules.hours.block_facts import (
    LocatedFact,
    block_facts,
    date_reading,
    is_dateline,
    join_words,
    other_side,
    span,
    weekday_errors,
)
from taiyaku.rules.hours.pair_compare import (
    Differs,
    OneSided,
    compare_pair,
    differs_finding,
    repeated_finding,
)

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

    * **error** when a date differs: the same month and day with another year or
      another weekday (``2025年3月15日`` against ``March 15, 2024``). Reported on the
      English side; the related location is the Japanese date. When only the weekday
      differs and the calendar shows which side is wrong, that is TM003's finding, and
      TM002 does not repeat it (unless TM003 is not selected or ignored for that page).
    * **warning** when dates appear in one language only: one finding per paragraph
      (list item, table cell, ...) that states them, listing them all. A period ``from
      March 15 through April 20`` or a list of days is one statement that the other
      language lacks, not several. Reported where the dates are stated; the message
      names the other page.
    * **warning** when both languages state a date but one states it more often (a
      table row more), with both counts.

    Two different days are never taken for one date mistyped: ``3月15日`` against
    ``March 16`` is a date on each side, both reported one-sided. Sections are compared
    as in TM001: section by section where they pair up, and a date that moved to
    another section is still the same date.

    Datelines are not compared: a paragraph or HTML block that holds nothing but the
    page's date (right-aligned, perhaps with a signature such as ``情報システム本部``;
    or alone, perhaps after ``最終更新：``/``Last updated:``, before the first heading or
    at the end of the page). Each language's version carries its own date of writing
    or revision, and those legitimately differ.

    ## Why is this bad?
    Deadlines, maintenance windows and service periods are dates readers plan around.
    A date in one language only means the other readers never hear of it; a date that
    differs means one of them is told the wrong day.

    ## Example
    The English chat page announces a temporary weekend service with its period; the
    Japanese page has no such note:

        content/en/support/chat.md:24:68: TM002 [date-mismatch] EN says "Saturday, March
        15, 2025" (2025-03-15 Sat), "Sunday, April 20, 2025" (2025-04-20 Sun) and
        "Thursday, March 20" (03-20 Thu); JA (content/support/chat.md) states none of
        these dates
    """

    CODE = "TM002"
    NAME = "date-mismatch"
    SEVERITY = Severity.ERROR
    USES_SITE = False
    NEEDS_TOKENS = True

    def check(self, pair: Pair, ctx: Context) -> Iterator[Finding]:
        datelines: dict[int, bool] = {}

        def keep(lf: LocatedFact) -> bool:
            key = id(lf.block)
            if key not in datelines:
                facts = block_facts(ctx, lf.doc, lf.block, lf.read_as)
                datelines[key] = is_dateline(lf.doc, lf.block, facts)
            return not datelines[key]

        found = compare_pair(ctx, pair, "dates", keep)
        for differs in found.differs:
            finding = differs_finding(ctx, differs, date_reading, "date")
            yield replace(finding, deferred_to=_weekday_errors(ctx, differs))
        for repeated in found.repeated:
            yield repeated_finding(ctx, repeated, date_reading, "date")
        by_block: dict[tuple[Lang, int], list[OneSided]] = {}
        for one in found.one_sided:
            datelines = found.left_out[other_lang(one.lang)]
            if any(_same_date(one.lang, one.fact, dateline) for dateline in datelines):
                continue  # the other language gives it as its dateline
            by_block.setdefault((one.lang, id(one.fact.block)), []).append(one)
        for group in by_block.values():
            yield _one_sided(ctx, pair, group)


def _same_date(lang: Lang, mine: LocatedFact, theirs: LocatedFact) -> bool:
    assert isinstance(mine.fact, DateFact) and isinstance(theirs.fact, DateFact)
    if lang == "ja":
        return dates_equal(mine.fact, theirs.fact)
    return dates_equal(theirs.fact, mine.fact)


def _weekday_errors(ctx: Context, differs: Differs) -> tuple[tuple[str, Path], ...]:
    """Where TM003 reports the same fact: the dates differ only in the weekday, and one
    of them states a weekday the calendar contradicts.  That is the error, and TM003
    says so (one fact, one message): the finding defers to TM003 on those pages."""
    ja, en = differs.ja.fact, differs.en.fact
    assert isinstance(ja, DateFact) and isinstance(en, DateFact)
    if ja.year is not None and en.year is not None and ja.year != en.year:
        return ()
    return tuple(
        (WEEKDAY_MISMATCH, side.doc.path)
        for side in (differs.ja, differs.en)
        if any(found.date is side.fact for _, found in weekday_errors(ctx, side.doc))
    )


def _one_sided(ctx: Context, pair: Pair, group: list[OneSided]) -> Finding:
    """One warning for the dates of one block that the other language lacks."""
    group = sorted(group, key=lambda one: one.fact.fact.start_offset)
    first, last = group[0], group[-1]
    dates = [one.fact.fact for one in group if isinstance(one.fact.fact, DateFact)]
    name, related = other_side(ctx, pair, first.section, other_lang(first.lang))
    block = first.fact.block
    spot = span(block, first.fact.fact.start_offset, last.fact.fact.end_offset)
    lacks = "no such date" if len(dates) == 1 else "none of these dates"
    said = join_words([date_reading(d) for d in dates])
    return Finding(
        first.fact.path,
        spot.line,
        spot.column,
        f"{LANG_LABEL[first.lang]} says {said}; {name} states {lacks}",
        end_line=spot.end_line,
        end_column=spot.end_column,
        severity=Severity.WARNING,
        related=(related,),
        fingerprint_text=(
            f"{first.lang}-only [{first.section.label}] " + ", ".join(d.describe() for d in dates)
        ),
    )
