"""LK003 wrong-language-link."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Related, Severity
from taiyaku.model.lang import LANG_LABEL, LANG_NAME, detect_language
from taiyaku.rules.base import PageRule
from taiyaku.rules.links._fixes import retarget
from taiyaku.rules.links._resolver import link_resolver
from taiyaku.rules.links._targets import wrong_language

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context


class WrongLanguageLink(PageRule):
    """An English page links to a Japanese page that has an English version, or the reverse.

    ## What it does
    Reports a link from a page in one language to a page in the other language when the
    target has a counterpart in the link's own language, and suggests that counterpart
    (keeping the fragment when the counterpart defines the same id). On a bilingual page
    (both languages in one file) the language of the block holding the link decides, so
    the English paragraph of ``support/online-call.md`` should link ``/en/support/`` while
    its Japanese paragraph links ``/support/``. Links to pages that exist in one language
    only are not reported, nor are links whose own text is in the target's language or
    names it: those are deliberate, like a language switch ``[English](/en/)``,
    ``[日本語](/)``, ``[JA](/)`` or ``[英語](/en/)``.

    ## Why is this bad?
    The reader is dropped into a page in a language they may not read, although the
    page exists in theirs. It happens when a translator copies a link from the Japanese
    source and forgets to add ``/en``.

    ## Example
    In ``content/en/docs/sns-policy.md``:

        please contact us through [the email form](/support/#email-form)

        content/en/docs/sns-policy.md:25:209: warning LK003 [wrong-language-link] EN page links
        to the Japanese page /support/; did you mean /en/support/#email-form?

    ## Fix
    The link is pointed at the counterpart, in the same form (relative or
    root-relative): safe when the fragment is kept (the counterpart defines that id) or
    there is none; unsafe when the fragment has to be dropped.
    """

    CODE = "LK003"
    NAME = "wrong-language-link"
    SEVERITY = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        page = ctx.page_of(doc)
        resolver = link_resolver(ctx)
        bilingual = doc.readable and doc.bilingual
        for link in doc.links:
            lang = link.lang if bilingual else page.lang
            if lang not in ("ja", "en"):
                continue
            target = resolver.resolve(page, link.href)
            counterpart = wrong_language(target, lang)
            if counterpart is None or target.page is None or counterpart.url is None:
                continue
            if _switches_to(link.text, target.page.lang):
                continue  # a language switch: [English](/en/), [日本語](/), [JA](/)
            suggestion = counterpart.url
            fragment = ""
            if target.fragment and target.fragment in (resolver.anchors(counterpart) or ()):
                fragment = target.href.raw.split("#", 1)[1]
                suggestion += "#" + fragment
            lost = bool(target.fragment) and not fragment
            fix = retarget(
                doc, page, link, resolver, counterpart.url, fragment, "unsafe" if lost else "safe"
            )
            code = LANG_LABEL[lang]
            theirs = LANG_NAME[target.page.lang]
            who = f"{code} text" if bilingual else f"{code} page"
            yield Finding(
                doc.path,
                link.line,
                link.column,
                f"{who} links to the {theirs} page {target.page.url}; did you mean {suggestion}?",
                related=(Related(counterpart.path, 1, f"the {LANG_NAME[lang]} page"),),
                fix=fix,
            )


# What a language switch's link text says besides text in the language itself.
_LANGUAGE_NAMES = {
    "ja": frozenset({"ja", "jp", "jpn", "japanese", "japanese version", "in japanese"}),
    "en": frozenset({"en", "eng", "english", "english version", "in english", "英語", "英語版"}),
}


def _switches_to(text: str, lang: str) -> bool:
    """Whether a link's text names the language it leads to: written in it
    (``English``, ``日本語``), or its name or code (``JA``, ``Japanese``, ``英語``)."""
    name = " ".join(text.strip().strip("[]()（）").lower().split())
    return name in _LANGUAGE_NAMES.get(lang, ()) or detect_language(text) == lang
