"""FM004 frontmatter-unknown-key."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PageRule
from taiyaku.rules.frontmatter._schema import UsesSchema, key_column, schema_problems

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context


class FrontmatterUnknownKey(UsesSchema, PageRule):
    """A front-matter key the site's schema does not know, usually a typo.

    ## What it does
    Validates each page's front matter against the site's schema
    (``frontmatter.schema.yaml`` in ``checks-dir``, see FM002) and reports, on its own
    line, every key the schema does not allow (``additionalProperties: false``), with
    the closest known key as a suggestion (``tilte`` → ``title``, ``Toc`` → ``toc``).

    ## Why is this bad?
    The site generator ignores the key without a word: ``tilte: 印刷`` leaves the page
    without a title, ``breadcrumb: {titel: …}`` without a crumb. A key that is really
    new belongs in the schema, where other editors can find it.

    ## Example

        ---
        tilte: チャットで相談する
        ---

        content/support/chat.md:2:1: FM004 [frontmatter-unknown-key] unknown key 'tilte'
        (did you mean 'title'?)
    """

    CODE = "FM004"
    NAME = "frontmatter-unknown-key"
    SEVERITY = Severity.WARNING
    USES_SITE = False

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for problem in schema_problems(doc, ctx):
            if problem.kind == "unknown-key":
                column = key_column(doc, problem.line)
                yield Finding(doc.path, problem.line, column, problem.message)
