"""FM003 frontmatter-type."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PageRule
from taiyaku.rules.frontmatter._schema import UsesSchema, key_column, schema_problems

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context


class FrontmatterType(UsesSchema, PageRule):
    """A front-matter key has a value of the wrong type, or a value the schema forbids.

    ## What it does
    Validates each page's front matter against the site's schema
    (``frontmatter.schema.yaml`` in ``checks-dir``, see FM002) and reports, on the key's
    own line, every value that does not fit: a string where a boolean belongs
    (``toc: "false"``, ``toc: no``), a number in a list of paths, an empty ``title``, a
    value outside an ``enum``, a string that does not match a ``pattern`` or ``format``.

    Values are typed as the site generator reads them (YAML 1.2, like js-yaml): ``no``,
    ``off`` and ``yes`` are strings, not booleans, and dates stay strings.

    ## Why is this bad?
    A layout that tests ``toc === false`` treats the string ``"false"`` as true, so the
    table of contents stays; a number in ``redirect_from`` makes the redirect plugin
    ignore the whole list.

    ## Example

        ---
        title: Support Desk
        toc: no
        ---

        content/en/support/index.md:3:1: error FM003 [frontmatter-type] 'toc' must be a
        boolean, got string 'no'
    """

    CODE = "FM003"
    NAME = "frontmatter-type"
    SEVERITY = Severity.ERROR
    USES_SITE = False

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for problem in schema_problems(doc, ctx):
            if problem.kind == "type":
                column = key_column(doc, problem.line)
                yield Finding(doc.path, problem.line, column, problem.message)
