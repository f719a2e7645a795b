"""TM001 hours-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PairRule
from taiyaku.rules.hours.pair_compare import compare_pair, differs_finding, one_sided_finding

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

    * **error** when the two languages state the same hours differently: times of
      the same days (``平日 8時25分～18時30分`` against ``8:30 a.m.–6:30 p.m. on
      weekdays``), or the one time of two statements that say the same thing — the
      same list item or table cell, or blocks that link to the same page (see
      *Statements* below). It is reported on the English side, since the Japanese
      page is the source; the related location is the Japanese time.
    * **warning** when times are stated in one language only: one finding per
      statement (sentence, list item, cell) quoting all its times. It is reported
      where they are stated; the message names the other page, and the related
      location is the matching section's heading there (line 1 when the sections do
      not pair up).
    * **info** instead of that warning when the other language's matching section
      holds time-like text that taiyaku cannot read (``10時半頃``, ``9.30 Uhr``): the
      time may well be stated there, so it is not claimed missing.

    Comparison runs section by section when the two pages have the same heading
    outline (and always on a bilingual page), so that two sections stating different
    hours are not confused. A time that one side states in another section than the
    other is still the same time: what is left over in the sections is paired across
    the whole page before anything is reported. A time both languages state is never
    reported because one of them states it more often. Times of different days, or a
    point against a range, are never reported as "different" except in aligned
    statements; a side that states no days (``from 8:25 a.m. to 6:30 p.m.``) agrees
    with ``平日``.

    *Statements*: two blocks say the same thing when both sections have the same
    sequence of block kinds (block *i* with block *i*), else when both have as many
    list items (item *i* with item *i*) or table cells, else when each is the one
    block of its side linking to a page. Otherwise the rule declines to pair them, and
    two different times are two one-sided warnings.

    On a pair whose translation is a placeholder, PR004 says so once instead (these
    findings are reported there only where PR004 is not selected).

    ## Why is this bad?
    Opening hours are what readers act on. When the two languages disagree, at least
    one group of readers is told the wrong time, and a change made in one language
    only (new weekend hours, a shorter day) is exactly what drifts.

    ## Example
    ``content/support/chat.md`` says ``平日8時25分から18時30分まで``; its translation
    says ``8:30 a.m.-6:30 p.m. on weekdays``:

        content/en/support/chat.md:23:27: error TM001 [hours-mismatch] EN says "8:30 a.m.-6:30
        p.m." (8:30–18:30 on weekdays); JA (content/support/chat.md:23) says "8時25分から
        18時30分" (8:25–18:30 on weekdays)

    The English page adds weekend hours that the Japanese page lacks (a warning):

        content/en/support/chat.md:23:73: warning TM001 [hours-mismatch] EN says "10:20 a.m.-4:35
        p.m." (10:20–16:35 on weekends and holidays); JA (content/support/chat.md)
        states no such time
    """

    CODE = "TM001"
    NAME = "hours-mismatch"
    SEVERITY = Severity.ERROR
    COMPARES_CONTENT = True  # on a placeholder translation, defers to PR004
    USES_SITE = False
    NEEDS_TOKENS = True

    def check(self, pair: Pair, ctx: Context) -> Iterator[Finding]:
        found = compare_pair(ctx, pair, "times")
        for differs in found.differs:
            yield differs_finding(ctx, differs, "time")
        for one in found.one_sided:
            yield one_sided_finding(ctx, pair, one, "time")
