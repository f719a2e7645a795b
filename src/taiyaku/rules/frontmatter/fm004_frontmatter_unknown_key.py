"""FM004 frontmatter-unknown-key."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Edit, Finding, Fix, Severity
from taiyaku.rules.base import PageRule
from taiyaku.rules.frontmatter._schema import UsesSchema, key_column, schema_problems

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context
    from taiyaku.rules.frontmatter.schema import SchemaProblem


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

        content/support/chat.md:2:1: warning FM004 [frontmatter-unknown-key] unknown key 'tilte'
        (did you mean 'title'?)

    ## Fix
    Unsafe: the key is renamed to the one suggestion, unless the mapping has that key
    already. Unsafe because a key the schema does not know yet may be meant (add it to
    the schema instead), and a near spelling is a guess.
    """

    CODE = "FM004"
    NAME = "frontmatter-unknown-key"
    SEVERITY = Severity.WARNING
    USES_SITE = False

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for problem in schema_problems(doc, ctx):
            if problem.kind == "unknown-key":
                column = key_column(doc, problem.line)
                fix = _rename(doc, problem, column)
                yield Finding(doc.path, problem.line, column, problem.message, fix=fix)


def _rename(doc: Document, problem: SchemaProblem, column: int) -> Fix | None:
    """Rename the key to the one suggestion, when the key is written plainly on its line
    and the mapping does not hold the suggested key already."""
    if problem.suggestion is None or not problem.key_path:
        return None
    key = problem.key_path[-1]
    text = doc.line_text(problem.line)[column - 1 :]
    if text.startswith("- "):  # a key in a list item: "- tilte: x"
        column, text = column + 2, text[2:]
    if not text.startswith(key) or not text[len(key) :].lstrip(" ").startswith(":"):
        return None
    if (*problem.key_path[:-1], problem.suggestion) in doc.frontmatter.key_lines:
        return None  # renaming would make a duplicate key
    end = column + len(key)
    edit = Edit(doc.path, problem.line, column, problem.line, end, problem.suggestion)
    return Fix((edit,), "unsafe", f"rename the key '{key}' to '{problem.suggestion}'")
