"""PR003 misnamed-language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Related, Severity
from taiyaku.model.lang import LANG_NAME
from taiyaku.rules.base import PageRule
from taiyaku.rules.context import RunState
from taiyaku.site.misnamed import Misnamed, misnamed_pages

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context

MISNAMED: RunState[dict[str, Misnamed]] = RunState(
    "misnamed-pages", lambda ctx: misnamed_pages(ctx.site)
)


class MisnamedLanguage(PageRule):
    """A page marks its language with a name that is not the layout's language code.

    ## What it does
    Finds pages whose language marker is a name for Japanese or English but not the code
    the layout reads: ``item.jp.md`` (or ``.jpn``, ``.japanese``) where the ``suffix``
    layout reads ``.ja``; a translation folder ``en_US/``, ``eng/`` or ``jp/`` where it
    reads ``en/`` or ``ja/``. A file-name marker is taken as such on sight; a folder only
    when at least one of its pages would pair with an existing page once renamed (a
    section about ``english/`` courses stays a section). The page is reported once, with
    the name it should have; PR001 and PR002, which would report the page and its partner
    as untranslated, defer to it.

    ## Why is this bad?
    The generator does not know ``.jp`` either: the page is served as a page of the
    source language named ``item.jp``, and the language switch of its partner leads
    nowhere.

    ## Example
    ``news/item.en.md`` and ``news/item.jp.md`` in a Hugo site:

        content/news/item.jp.md:1:1: warning PR003 [misnamed-language] '.jp' is not a
        language code: Japanese is '.ja' (rename to news/item.ja.md, which pairs with
        news/item.en.md)
    """

    CODE = "PR003"
    NAME = "misnamed-language"
    SEVERITY = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        page = ctx.page_of(doc)
        entry = ctx.state(MISNAMED).get(page.rel)
        if entry is None:
            return
        alias = entry.alias
        pairs = f", which pairs with {entry.partner.rel}" if entry.partner else ""
        message = (
            f"'{alias.written}' is not a language code: {LANG_NAME[alias.lang]} is "
            f"'{alias.expected}' (rename to {alias.corrected}{pairs})"
        )
        related = ()
        if entry.partner is not None:
            related = (Related(entry.partner.path, 1, "the page it would pair with"),)
        yield Finding(doc.path, 1, 1, message, related=related)


def misnamed_for(ctx: Context, rel: str) -> Misnamed | None:
    """The misnamed entry of page ``rel``, if it is one."""
    return ctx.state(MISNAMED).get(rel)


def misnamed_partner_of(ctx: Context, rel: str) -> Misnamed | None:
    """The misnamed page that would pair with page ``rel`` once renamed, if any."""
    for entry in ctx.state(MISNAMED).values():
        if entry.partner is not None and entry.partner.rel == rel:
            return entry
    return None
