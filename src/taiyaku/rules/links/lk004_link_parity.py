"""LK004 link-parity."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Related, Severity
from taiyaku.model.lang import LANG_LABEL, Lang, other_lang
from taiyaku.model.records import quick_init
from taiyaku.rules.base import PairRule
from taiyaku.rules.links._resolver import link_resolver
from taiyaku.rules.links._targets import external_key, is_image_url, wrong_language
from taiyaku.site.links import LinkResolver, Target

if TYPE_CHECKING:
    from taiyaku.parse.nodes import Link
    from taiyaku.rules.context import Context, Pair, Side


class LinkParity(PairRule):
    """The Japanese and English versions of a page link to different places.

    ## What it does
    Maps every link of both versions to a language-neutral target: a page stands for
    itself and its translation (``/support/`` and ``/en/support/`` are the same target),
    a static file for its URL, an external URL for itself as written. Then, section by
    section where the two outlines match (or block by block on a bilingual page, by each
    link's language), compares the *sets* of targets and reports:

    * a link that points somewhere else than the other version's link at the same place
      (the two are paired in reading order), quoting both sides;
    * a link present in one language only.

    The same target written differently is the same link (``./x``, ``/a/x``, ``x.md``, a
    trailing-slash variant); a link repeated in one version and given once in the other
    is not a difference. A link found in another section of the other version is not
    reported (sections may be reorganised in translation). In-page links (``#x``) and
    images are not compared (screenshots differ by language). A broken link (LK001,
    LK005) is reported there, not here; it is taken as the broken form of the other
    version's unmatched link in the same section, and so is a link taiyaku does not
    follow (a template such as ``{{ site.baseurl }}/about/``, a dynamic route): text it
    cannot read is no evidence that a link is missing.

    On a pair whose translation is a placeholder, PR004 says so once instead (these
    findings are reported there only where PR004 is not selected).

    ## Why is this bad?
    A translation that links elsewhere usually means one version was fixed and the other
    was not: a legacy relative link left in one language, a page renamed, a new link
    added only to the source.

    ## Example
    ``content/support/chat.md`` and ``content/en/support/chat.md``, "Before Inquiring":

        必ず[サポート窓口のページ](../)に目を通してください．
        Please be sure to check [the Support Desk page](./) before inquiring.

        content/support/chat.md:12:25: warning LK004 [link-parity] in section "相談の前に":
        JA links ../ (→ /) where EN links ./ (→ /en/support/, JA counterpart /support/)
    """

    CODE = "LK004"
    NAME = "link-parity"
    SEVERITY = Severity.WARNING
    COMPARES_CONTENT = True  # on a placeholder translation, defers to PR004

    def check(self, pair: Pair, ctx: Context) -> Iterator[Finding]:
        resolver = link_resolver(ctx)
        groups = pair.aligned_sections()
        per_section = len(groups) == len(pair.ja.doc.sections) == len(pair.en.doc.sections)
        ja_items = _items(pair, pair.ja, resolver)
        en_items = _items(pair, pair.en, resolver)
        ja_all = {i.key for i in ja_items if i.key is not None}
        en_all = {i.key for i in en_items if i.key is not None}
        ja_by = _by_section(ja_items, per_section)
        en_by = _by_section(en_items, per_section)
        for index in range(len(groups)):
            ja, en = ja_by.get(index, []), en_by.get(index, [])
            ja_only = _unmatched(ja, en_all, en)
            en_only = _unmatched(en, ja_all, ja)
            section = index if per_section else None
            if len(ja_only) == len(en_only):  # one link replaced by another, in order
                for ja_item, en_item in zip(ja_only, en_only, strict=True):
                    yield _mismatch(pair, ja_item, en_item, section, ctx.site.source_lang)
                continue
            for item in ja_only:
                yield _one_sided(pair, item, pair.ja, pair.en, section)
            for item in en_only:
                yield _one_sided(pair, item, pair.en, pair.ja, section)


def _by_section(items: list[_Item], per_section: bool) -> dict[int, list[_Item]]:
    """The items of each section, in order (all in section 0 when the sections do not
    pair): one pass, not one per section."""
    grouped: dict[int, list[_Item]] = {}
    for item in items:
        grouped.setdefault(item.link.section if per_section else 0, []).append(item)
    return grouped


@quick_init
@dataclass(frozen=True)
class _Item:
    link: Link
    target: Target
    key: tuple[str, str] | None  # None: broken (LK001/LK005 report it) or not followed


def _items(pair: Pair, side: Side, resolver: LinkResolver) -> list[_Item]:
    items = []
    for link in side.doc.links:
        if pair.bilingual and link.lang != side.lang:
            continue
        if link.kind == "image":
            continue
        target = resolver.resolve(side.page, link.href)
        if target.same_page:
            continue
        if target.kind == "static" and is_image_url(target.url):
            continue
        # a link taiyaku cannot follow (a template, a dynamic route) may be any of the
        # other version's: it counts as unreadable, as a broken one does
        key = None if target.kind == "unchecked" else _key(target, resolver)
        items.append(_Item(link, target, key))
    return items


def _key(target: Target, resolver: LinkResolver) -> tuple[str, str] | None:
    if target.broken:
        return None
    if target.kind == "external":
        return ("external", external_key(target.url))
    if target.page is not None:
        return ("page", target.page.key)
    served_as = resolver.file_url(target.static) if target.static is not None else None
    if served_as is not None:  # /about and /about.html: the same file
        return ("file", resolver.site.languages.neutral_url(served_as))
    return (target.kind, resolver.site.languages.neutral_url(target.url))


def _unmatched(
    items: list[_Item], other_keys: set[tuple[str, str]], other_items: list[_Item]
) -> list[_Item]:
    """Links in ``items`` whose target the other version lacks, first of each target.

    Each broken or unfollowed link of the other version (a template such as
    ``{{ site.baseurl }}/about/``) is taken as its form of one of them.
    """
    seen: set[tuple[str, str]] = set()
    found = []
    for item in items:
        if item.key is None or item.key in other_keys or item.key in seen:
            continue
        seen.add(item.key)
        found.append(item)
    broken = sum(1 for i in other_items if i.key is None)
    return found[broken:]


def _describe(item: _Item, lang_of_reader: str | None = None) -> str:
    """``/en/support/, JA counterpart /support/`` for the reader of the other version."""
    target = item.target
    page = target.page
    notes = [page.url if page is not None and page.url else target.url]
    if lang_of_reader and page is not None:
        counterpart = page.counterpart
        if page.lang != lang_of_reader and counterpart is not None and counterpart.url:
            code = LANG_LABEL[lang_of_reader]
            notes.append(f"{code} counterpart {counterpart.url}")
    if notes == [item.link.href]:
        return item.link.href
    return f"{item.link.href} (→ {', '.join(notes)})"


def _suspicious(item: _Item, lang: str) -> bool:
    return item.target.slash_variant or wrong_language(item.target, lang) is not None


def _where(pair: Pair, side: Side, section: int | None) -> str:
    """``in section "相談の前に": `` in the reported side's own words."""
    if section is None:
        return ""
    title = side.doc.sections[section].title
    parts = title.split(" / ")  # a bilingual page's heading: 相談の前に / Before Inquiring
    if pair.bilingual and len(parts) == 2:
        title = parts[0] if side.lang == "ja" else parts[1]
    return f'in section "{title}": ' if title else ""


def _mismatch(pair: Pair, ja: _Item, en: _Item, section: int | None, source: Lang) -> Finding:
    """Reported on the source language's side, unless only the translation's link looks
    wrong."""
    items = {"ja": ja, "en": en}
    first, second = source, other_lang(source)
    if _suspicious(items[second], second) and not _suspicious(items[first], first):
        first, second = second, first
    mine, other = items[first], items[second]
    side, other_side = pair.side(first), pair.side(second)
    code = LANG_LABEL[side.lang]
    other_code = LANG_LABEL[other_side.lang]
    message = (
        f"{_where(pair, side, section)}{code} links {_describe(mine)} where {other_code} links "
        f"{_describe(other, side.lang)}"
    )
    return Finding(
        side.path,
        mine.link.line,
        mine.link.column,
        message,
        related=(Related(other_side.path, other.link.line, f"the {other_code} link"),),
    )


def _one_sided(pair: Pair, item: _Item, side: Side, other: Side, section: int | None) -> Finding:
    code = LANG_LABEL[side.lang]
    other_code = LANG_LABEL[other.lang]
    target = item.target
    page = target.page
    expected = ""
    if page is not None and page.counterpart is not None and page.lang == side.lang:
        expected = f" (its {other_code} counterpart is {page.counterpart.url})"
    message = (
        f"{_where(pair, side, section)}{code} links {_describe(item)}; "
        f"{other_code} has no such link{expected}"
    )
    line = other.doc.sections[section].line if section is not None else 1
    return Finding(
        side.path,
        item.link.line,
        item.link.column,
        message,
        related=(Related(other.path, line, f"the {other_code} version"),),
    )
