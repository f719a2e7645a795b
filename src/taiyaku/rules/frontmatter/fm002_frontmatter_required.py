"""FM002 frontmatter-required."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PageRule
from taiyaku.rules.frontmatter._schema import UsesSchema, key_column, schema_problems

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context


class FrontmatterRequired(UsesSchema, PageRule):
    """A key the site's front-matter schema requires is missing.

    ## What it does
    Validates each page's front matter against the JSON Schema that
    ``frontmatter.schema.yaml`` in the ``checks-dir`` folder gives for the page's path, and
    reports every required key that is absent: a top-level key on the opening ``---``
    line (line 1 when the page has no front matter at all), a nested key on its parent
    key's line (``breadcrumb`` without ``title``). When an unknown key looks like a typo of
    the missing one, the message says which key to rename.

    A site without a schema file gets no FM002–FM004 findings. Front matter that does not
    load is reported by FM001 instead. Each page is validated once per run; FM002, FM003
    and FM004 share the result.

    ## Why is this bad?
    Layouts read these keys: a page without ``title`` gets an empty ``<title>`` and link
    preview, a ``breadcrumb`` without ``title`` shows an empty crumb.

    ## Example
    ``content/ucom/remote-support.md`` starts with its text, without front matter:

        content/ucom/remote-support.md:1:1: error FM002 [frontmatter-required] missing required
        key 'title'
    """

    CODE = "FM002"
    NAME = "frontmatter-required"
    SEVERITY = Severity.ERROR
    USES_SITE = False

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for problem in schema_problems(doc, ctx):
            if problem.kind != "required":
                continue
            message = problem.message
            if problem.suggestion:
                message += f" ({problem.suggestion})"
            yield Finding(doc.path, problem.line, key_column(doc, problem.line), message)
