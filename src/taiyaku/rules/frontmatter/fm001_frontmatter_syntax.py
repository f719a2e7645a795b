"""FM001 frontmatter-syntax."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PageRule

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context

#: The front-matter problem kinds of :mod:`taiyaku.parse.frontmatter`, all reported here.
KINDS = frozenset(
    {
        "syntax",
        "not-closed",
        "not-mapping",
        "duplicate-key",
        "alias-limit",
        "tab",
        "unsupported-tag",
    }
)


class FrontmatterSyntax(PageRule):
    """The front matter cannot be read as a YAML mapping.

    ## What it does
    Reports front matter that the site generator cannot load, at the line and column in
    the file where the YAML goes wrong:

    * YAML that does not parse (an unclosed quote, a bad indent, ``key: value: more``);
    * an opening ``---`` with no closing ``---`` (or ``...``) line;
    * front matter that is a list or a single value instead of ``key: value`` lines;
    * a key written twice in the same mapping;
    * a tab used for indentation (YAML allows only spaces);
    * aliases that expand to more than 10,000 nodes (a "billion laughs" document) or
      that contain themselves;
    * tags other than plain strings, numbers, booleans, null, lists and mappings, such as
      ``!!python/object`` or ``!!binary``. taiyaku never constructs objects from YAML.

    All of them are errors: Astro (js-yaml) and Hugo (go-yaml) refuse every one of these,
    duplicate keys included, so the page does not build. Jekyll keeps the last of two
    duplicate values, which silently drops the first. The other FM rules skip front matter
    that does not load, so fixing this finding can reveal more.

    ## Why is this bad?
    The build fails, or (with a lenient generator) the page loses its title, breadcrumb
    or redirects without any message.

    ## Example

        ---
        title: "Support via Chat
        support: true
        ---

        content/en/support/chat.md:2:8: error FM001 [frontmatter-syntax] invalid YAML: while
        scanning a quoted scalar: found unexpected end of stream
    """

    CODE = "FM001"
    NAME = "frontmatter-syntax"
    SEVERITY = Severity.ERROR
    USES_SITE = False

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for problem in doc.problems:
            if problem.kind in KINDS:
                yield Finding(doc.path, problem.line, problem.column, problem.message)
