"""Pages whose language marker is misspelt (``item.jp.md``, ``en_US/``, ``jp/``).

Such a page is not paired: the layout reads ``.jp`` as part of the name and ``en_US/`` as
a folder of the source language.  :func:`misnamed_pages` finds them, with the path the
page would have under the layout's code and the page it would then pair with.

A folder is taken for a misnamed language folder only on evidence: at least one page in
it would pair with an existing page once renamed (``english/`` may well be a section
about English courses).  A marker in the file name (``.jp.md``) right before the
extension, where the ``suffix`` layout reads the language, is evidence enough by itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from taiyaku.site.layouts import Alias
from taiyaku.site.pages import Page, Site

__all__ = ["Misnamed", "misnamed_pages"]


@dataclass(frozen=True)
class Misnamed:
    page: Page
    alias: Alias
    partner: Page | None  # the page it would pair with once renamed


def misnamed_pages(site: Site) -> dict[str, Misnamed]:
    """Misnamed pages by ``rel``."""
    languages = site.languages
    by_key: dict[tuple[str, str], Page] = {}
    for page in site.pages:
        if page.lang is not None and page.counterpart is None and not page.partial:
            by_key.setdefault((page.key, page.lang), page)
    found: dict[str, Misnamed] = {}
    evidence: set[str] = set()  # folders with at least one pair once renamed
    for page in site.pages:
        if page.counterpart is not None or page.partial:
            continue
        alias = languages.alias(page.rel)
        if alias is None:
            continue
        placement = languages.place(alias.corrected)
        partner = None
        if placement is not None and placement.lang == alias.lang:
            other = "en" if alias.lang == "ja" else "ja"
            partner = by_key.get((placement.key, other))
        found[page.rel] = Misnamed(page, alias, partner)
        if partner is not None and alias.in_folder:
            evidence.add(alias.written)
    return {
        rel: entry
        for rel, entry in found.items()
        if not entry.alias.in_folder or entry.alias.written in evidence
    }
