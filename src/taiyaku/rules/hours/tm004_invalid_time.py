"""TM004 invalid-time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PageRule
from taiyaku.rules.hours.invalid import invalid_findings

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context


class InvalidTime(PageRule):
    """Something written as a time of day cannot be one.

    ## What it does
    Reports times that no clock shows, in either language, on every page: an hour past
    24 (``25:00``, ``翌25時``), minutes past 59 (``8:75``), a 24-hour value with a.m./p.m.
    (``13:00 p.m.``, ``午後13時``), ``24:30``, ``24:00`` as the start of a range, and
    ``午前12時``/``午後12時``, which readers take for noon or midnight in equal numbers.
    ``24:00`` as an end (``9時～24時``) and ``12 p.m.`` (noon) are valid.

    Durations and scores are not times: ``45:30``, ``2時間``, ``3分程度`` and
    ``aspect ratio 16:9`` are not reported.

    ## Why is this bad?
    An impossible time is a typo, and a typo in opening hours sends readers at the
    wrong time. It also cannot be compared with the other language, so TM001 cannot
    check it.

    ## Example
    ``content/support/desk.md``:

        content/support/desk.md:12:10: warning TM004 [invalid-time] "8:75": minute 75 is out of
        range (0-59)
    """

    CODE = "TM004"
    NAME = "invalid-time"
    SEVERITY = Severity.WARNING
    USES_SITE = False
    NEEDS_TOKENS = True

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        return invalid_findings(ctx, doc, lambda facts: facts.invalid)
