"""JA001 orthographic-variant."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PageRule, RuleOption
from taiyaku.rules.style._page import JaPage, edit_finding, ja_page, term_deferral
from taiyaku.rules.style._text import FRONTMATTER_KEYS
from taiyaku.rules.style._variants import (
    SITE_VARIANTS,
    Occurrence,
    WordKey,
    are_variants,
    occurrences,
    spelled_like,
)

if TYPE_CHECKING:
    from pathlib import Path

    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context

SCOPE = RuleOption(
    "ja-variant-scope",
    str,
    "page",
    "where one word must keep one spelling: page, or site (each variant reported once)",
    choices=("page", "site"),
)
FRONTMATTER = RuleOption(
    FRONTMATTER_KEYS,
    list,
    ["title"],
    "front-matter keys whose Japanese values the JA rules read (as prose)",
)

_POS_NAMES = {
    "名詞": "noun",
    "動詞": "verb",
    "形容詞": "adjective",
    "形状詞": "adjectival noun",
    "副詞": "adverb",
    "連体詞": "adnominal",
    "接続詞": "conjunction",
    "感動詞": "interjection",
    "代名詞": "pronoun",
    "助詞": "particle",
    "助動詞": "auxiliary verb",
    "接頭辞": "prefix",
    "接尾辞": "suffix",
}
_FRAMES = {
    "aux": "as an auxiliary",
    "conj": "opening a clause",
    "te": "in the て-form",
    "compound": "in a compound",
}
_SITE_PAGES_SHOWN = 5


class OrthographicVariant(PageRule):
    """One word is spelled more than one way on a page (問合せ / 問い合わせ).

    ## What it does
    Reads the Japanese prose of the page through UniDic (the morphemes every rule
    shares) and groups its words by lemma (語彙素), part of speech, the sound of the
    base form and how the word is used. Where one word is written with more than one
    spelling of its base form (書字形: okurigana 問合せ / 問い合わせ, kana for kanji
    出来る / できる or 様 / さま, long vowels サーバ / サーバー), the spelling used most
    (on a tie, the first) is the page's, and every occurrence of the others is
    reported with the page's spelling and its count.

    What is one word, exactly:

    - the same lemma *and* part of speech: 受付 the desk (a noun) and 受け付ける
      (a verb) are different words; so are いい and よい (one lemma, two sounds);
    - the same use: a verb as an auxiliary (ご確認ください, 〜てみる), a て-form opening a
      clause (したがって) or elsewhere (にあたって), a verb or a one-kanji noun in a
      compound (前もって, 提供元) are each compared only with the same use, since style
      guides write kana for one and kanji for the other on purpose;
    - spellings that use different kanji (作る / 造る) are different words sharing a
      lemma, not variants.

    Proper nouns, numerals, words in Latin letters, digits or half- or full-width
    forms, words inside quotation brackets (「」『』［］: a quoted label is spelled as
    the label is) and words in code, URLs, MDX expressions or English runs are not
    counted. Front-matter values listed in ``ja-frontmatter-keys`` (``title``) are
    read with the body.

    With ``ja-variant-scope = "site"``, spellings are counted across the whole site
    instead, and each variant is reported once, on the first checked page that
    writes it, with its counts per page.

    A fix to the page's spelling is offered as unsafe: which spelling the site wants
    is the editors' choice (the term list, JA002, records it, and then JA002 reports
    the word instead).

    ## Why is this bad?
    Two spellings of one word on one page read as carelessness, and make a reader
    wonder whether they mean two things; search inside the page misses half of them.
    String rules cannot see it: UniDic's lemma unifies spellings no pattern list
    enumerates.

    ## Example
    A terms page that writes 問い合わせ and, once, 問合せ:

        content/ucom/remote-support.md:71:11: warning JA001 [orthographic-variant] '問合せ'
        here, '問い合わせ' once elsewhere on the page (line 88): one word, 問い合わせ
        (noun)
    """

    CODE = "JA001"
    NAME = "orthographic-variant"
    SEVERITY = Severity.WARNING
    USES_SITE = False
    NEEDS_TOKENS = True
    OPTIONS = (SCOPE, FRONTMATTER)

    @classmethod
    def uses_site(cls, options: Mapping[str, Any]) -> bool:
        return options.get(SCOPE.key) == "site"

    @classmethod
    def prepare(cls, ctx: Context) -> None:
        if cls.uses_site(ctx.options):
            ctx.state(SITE_VARIANTS)  # the whole site's words, counted once

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        page = ja_page(ctx, doc)
        if self.uses_site(ctx.options):
            yield from _site_findings(ctx, page)
            return
        by_word: dict[WordKey, dict[str, list[Occurrence]]] = {}
        for occurrence in occurrences(page):
            by_word.setdefault(occurrence.key, {}).setdefault(occurrence.orth, []).append(
                occurrence
            )
        for key, spellings in by_word.items():
            if len(spellings) > 1:
                yield from _page_findings(ctx, page, key, spellings)


def _page_findings(
    ctx: Context, page: JaPage, key: WordKey, spellings: dict[str, list[Occurrence]]
) -> Iterator[Finding]:
    # the spelling used most; on a tie, the one written first (dicts keep that order)
    major = max(spellings, key=lambda orth: len(spellings[orth]))
    kept = spellings[major]
    first = page.prose[kept[0].prose].position(kept[0].start)[0]
    deferred = _listed(ctx, page, spellings)
    for orth, found in spellings.items():
        if orth == major or not are_variants(orth, major):
            continue
        elsewhere = f"'{major}' {_times(len(kept))} elsewhere on the page"
        where = f"(line {first})" if len(kept) == 1 else f"(first on line {first})"
        for occurrence in found:
            message = f"{_shown(occurrence)} here, {elsewhere} {where}: one word, {_word(key)}"
            yield _finding(page, occurrence, major, message, deferred)


def _listed(
    ctx: Context, page: JaPage, spellings: dict[str, list[Occurrence]]
) -> tuple[tuple[str, Path], ...]:
    """JA002, when the term list names any spelling of the word on this page: the
    list, not the page's majority, then says how to write it."""
    for found in spellings.values():
        for o in found:
            deferred = term_deferral(ctx, page, o.prose, o.start, o.end)
            if deferred:
                return deferred
    return ()


def _site_findings(ctx: Context, page: JaPage) -> Iterator[Finding]:
    site = ctx.state(SITE_VARIANTS)
    rel = ctx.page_of(page.doc).rel
    by_word: dict[WordKey, list[Occurrence]] = {}
    for occurrence in occurrences(page, every_word=True):
        if occurrence.key in site.counts:
            by_word.setdefault(occurrence.key, []).append(occurrence)
    for key, found in by_word.items():
        major = site.majority(key)
        firsts = {o.orth: o for o in reversed(found)}  # each spelling's first occurrence
        for orth, occurrence in sorted(firsts.items(), key=lambda i: (i[1].prose, i[1].start)):
            if orth == major or not are_variants(orth, major):
                continue
            if site.host(key, orth, ctx.target_rels) != rel:
                continue
            spellings = site.counts[key]
            message = (
                f"{_shown(occurrence)} {_pages(spellings[orth])}; the site writes "
                f"'{major}' {_pages(spellings[major])}: one word, {_word(key)}"
            )
            deferred = _listed(ctx, page, {key.lemma: found})
            yield _finding(page, occurrence, major, message, deferred)


def _finding(
    page: JaPage,
    occurrence: Occurrence,
    major: str,
    message: str,
    deferred: tuple[tuple[str, Path], ...],
) -> Finding:
    prose = page.prose[occurrence.prose]
    replacement = spelled_like(occurrence.surface, occurrence.orth, major)
    return edit_finding(
        prose,
        occurrence.start,
        occurrence.end,
        message,
        replacement,
        applicability="unsafe",
        deferred_to=deferred,
    )


def _shown(occurrence: Occurrence) -> str:
    if occurrence.surface == occurrence.orth:
        return f"'{occurrence.surface}'"
    return f"'{occurrence.surface}' ({occurrence.orth})"


def _word(key: WordKey) -> str:
    lemma = key.lemma.split("-", 1)[0]  # サーバー-server, 円-助数詞
    pos = _POS_NAMES.get(key.pos.split("-", 1)[0], key.pos)
    frame = _FRAMES.get(key.frame)
    return f"{lemma} ({pos}, {frame})" if frame else f"{lemma} ({pos})"


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _pages(pages: Counter[str]) -> str:
    """``3 times on 2 pages (a.md 2, b.md 1)``."""
    total = sum(pages.values())
    listed = ", ".join(f"{rel} {n}" for rel, n in pages.most_common(_SITE_PAGES_SHOWN))
    more = f", {len(pages) - _SITE_PAGES_SHOWN} more" if len(pages) > _SITE_PAGES_SHOWN else ""
    where = "1 page" if len(pages) == 1 else f"{len(pages)} pages"
    return f"{_times(total)} on {where} ({listed}{more})"
