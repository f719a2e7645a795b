"""TM001 hours-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.knowledge.facts import TimeFact
from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.model.lang import LANG_LABEL, other_lang
from taiyaku.rules.base import PairRule
from taiyaku.rules.hours.block_facts import other_side, time_reading
from taiyaku.rules.hours.pair_compare import (
    OneSided,
    compare_pair,
    differs_finding,
    repeated_finding,
)

if TYPE_CHECKING:
    from taiyaku.rules.context import Context, Pair


class HoursMismatch(PairRule):
    """The Japanese and English versions state different hours or times.

    ## What it does
    Reads the times of day on both sides of a pair (a page and its translation, or the
    Japanese and English halves of a bilingual page), normalises them and compares
    them. The same time written differently is the same fact: ``午後6時30分``,
    ``18時30分``, ``１８：３０``, ``十八時半`` and ``6:30 p.m.`` are all 18:30;
    ``8:25am – 6:30pm`` is ``8:25 a.m.-6:30 p.m.``; ``平日`` is ``on weekdays (Mon-Fri)``;
    ``24時間365日`` is ``24 hours a day, 365 days a year``. Text in HTML and JSX blocks
    (an MDX ``<div>``) is read too; code is not.

    * **error** when the same days carry different times (``平日 8時25分～18時30分``
      against ``8:30 a.m.–6:30 p.m. on weekdays``). It is reported on the English side,
      since the Japanese page is the source; the related location is the Japanese time.
    * **warning** when a time or range is stated in one language only. It is reported
      where it is stated; the message names the other page, and the related location
      is the matching section's heading there (line 1 when the sections do not pair up).
    * **warning** when both languages state a time but one states it more often (a
      table row more). Which occurrence is the extra one cannot be told from the
      values, so the message gives both counts.

    Comparison runs section by section when the two pages have the same heading
    outline (and always on a bilingual page), so that two sections stating different
    hours are not confused. A time that one side states in another section than the
    other is still the same time: what is left over in the sections is paired across
    the whole page before anything is reported one-sided. Times of different days, or a
    point against a range, are never reported as "different", only as one-sided; a
    side that states no days (``from 8:25 a.m. to 6:30 p.m.``) agrees with ``平日``.

    ## Why is this bad?
    Opening hours are what readers act on. When the two languages disagree, at least
    one group of readers is told the wrong time, and a change made in one language
    only (new weekend hours, a shorter day) is exactly what drifts.

    ## Example
    ``content/support/chat.md`` says ``平日8時25分から18時30分まで``; its translation
    says ``8:30 a.m.-6:30 p.m. on weekdays``:

        content/en/support/chat.md:23:27: TM001 [hours-mismatch] EN says "8:30 a.m.-6:30
        p.m." (8:30–18:30 on weekdays); JA (content/support/chat.md:23) says "8時25分から
        18時30分" (8:25–18:30 on weekdays)

    The English page adds weekend hours that the Japanese page lacks (a warning):

        content/en/support/chat.md:23:73: TM001 [hours-mismatch] EN says "10:20 a.m.-4:35
        p.m." (10:20–16:35 on weekends and holidays); JA (content/support/chat.md)
        states no such time
    """

    CODE = "TM001"
    NAME = "hours-mismatch"
    SEVERITY = Severity.ERROR
    USES_SITE = False
    NEEDS_TOKENS = True

    def check(self, pair: Pair, ctx: Context) -> Iterator[Finding]:
        found = compare_pair(ctx, pair, "times")
        for differs in found.differs:
            yield differs_finding(ctx, differs, time_reading, "time")
        for repeated in found.repeated:
            yield repeated_finding(ctx, repeated, time_reading, "time")
        for one in found.one_sided:
            yield _one_sided(ctx, pair, one)


def _one_sided(ctx: Context, pair: Pair, one: OneSided) -> Finding:
    lf = one.fact
    assert isinstance(lf.fact, TimeFact)
    name, related = other_side(ctx, pair, one.section, other_lang(one.lang))
    spot = lf.spot()
    message = f"{LANG_LABEL[one.lang]} says {time_reading(lf.fact)}; {name} states no such time"
    return Finding(
        lf.path,
        spot.line,
        spot.column,
        message,
        end_line=spot.end_line,
        end_column=spot.end_column,
        severity=Severity.WARNING,
        related=(related,),
        fingerprint_text=f"{one.lang}-only [{one.section.label}] {lf.fact.describe()}",
    )
