"""IN001 unreadable-page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PageRule

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context


class UnreadablePage(PageRule):
    """A page cannot be read as UTF-8 text.

    ## What it does
    Reports a ``.md``/``.mdx`` file that cannot be opened (permission denied), is not
    valid UTF-8 (Shift_JIS and EUC-JP are recognised and named), or contains NUL bytes.
    No other rule can check such a file; the rest of the site is still checked.

    ## Why is this bad?
    The site generator will fail on it or publish mojibake, and every check of the page
    is silently skipped until it is fixed.

    ## Example
    A page saved by an old editor in Shift_JIS:

        content/notice/old.md:1:1: error IN001 [unreadable-page] file is not valid UTF-8; it
        looks like Shift_JIS: convert it to UTF-8
    """

    CODE = "IN001"
    NAME = "unreadable-page"
    SEVERITY = Severity.ERROR
    REPORTS_PROBLEMS = frozenset({"read", "encoding", "binary"})
    USES_SITE = False

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for problem in doc.problems:
            if problem.kind in self.REPORTS_PROBLEMS:
                yield Finding(doc.path, problem.line, problem.column, problem.message)
