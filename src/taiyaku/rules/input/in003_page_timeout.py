"""IN003 page-timeout."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PageRule

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context


class PageTimeout(PageRule):
    """Checking a page took longer than the per-page time limit and was stopped.

    ## What it does
    Reports a page whose parsing or checking ran past ``max-page-seconds`` (30 s by
    default). The engine stops work on that page and goes on with the rest of the site,
    so one pathological file cannot hang a pre-commit hook or a CI job.

    ## Why is this bad?
    The page's other findings are missing from the report. It usually means the page is
    pathological (megabytes on one line, thousands of nested lists); if it is a real page,
    raise the limit so that it is checked in full.

    ## Example

        content/logs/dump.md:1:1: warning IN003 [page-timeout] checking this page took longer than
        30 s and was stopped; its findings are incomplete (raise `max-page-seconds`)
    """

    CODE = "IN003"
    NAME = "page-timeout"
    SEVERITY = Severity.WARNING
    USES_SITE = False
    REPORTS_PROBLEMS = frozenset({"timeout"})

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for problem in doc.problems:
            if problem.kind in self.REPORTS_PROBLEMS:
                yield Finding(doc.path, problem.line, problem.column, problem.message)
