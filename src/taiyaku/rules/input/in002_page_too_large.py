"""IN002 page-too-large."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PageRule

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context


class PageTooLarge(PageRule):
    """A page exceeds the per-page size limit and was not checked.

    ## What it does
    Reports a page larger than ``max-page-bytes`` (5 MiB by default). Such a page is not
    parsed, so one runaway file cannot stall a pre-commit hook or a CI run.

    ## Why is this bad?
    A content page that large is almost always a mistake (a pasted log, a data dump);
    if it is intended, raise the limit so that it is checked.

    ## Example

        content/logs/dump.md:1:1: warning IN002 [page-too-large] page is 12,582,912 bytes, over
        the limit of 5,242,880 (raise `max-page-bytes` to check it)
    """

    CODE = "IN002"
    NAME = "page-too-large"
    SEVERITY = Severity.WARNING
    REPORTS_PROBLEMS = frozenset({"too-large"})
    USES_SITE = False

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for problem in doc.problems:
            if problem.kind in self.REPORTS_PROBLEMS:
                yield Finding(doc.path, problem.line, problem.column, problem.message)
