"""``taiyaku facts``: what the date and time rules read on a page, block by block.

For each block that holds a fact or date- or time-like text: the facts read (with the
year a date takes from the page's context, and where that year came from), the text no
extractor could read, and which section of the counterpart the block is compared with.
This is how a user answers "why did it say that?" and how a new notation is debugged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from taiyaku.config.loading import Config
from taiyaku.knowledge.alignment import AlignedSection, align_sections
from taiyaku.knowledge.facts.residue import unread
from taiyaku.model.lang import LANG_LABEL, Lang, other_lang
from taiyaku.parse.nodes import Block
from taiyaku.rules.context import Context
from taiyaku.rules.hours.block_facts import block_facts, date_order, in_inline_code, reading_lang
from taiyaku.rules.hours.years import YearFrom, date_years
from taiyaku.run.engine import context_for
from taiyaku.site.pages import Page

__all__ = ["BlockFacts", "PageFacts", "explain"]


@dataclass(frozen=True)
class BlockFacts:
    line: int
    kind: str  # paragraph, list_item, table, heading, html
    read_as: Lang
    facts: tuple[tuple[str, str, str], ...]  # (kind, reading, the text as written)
    unread: tuple[tuple[str, str], ...]  # (date | time, the text)
    compared_with: str  # "en/a.md:12 (section "Hours")", "the whole page", or ""


@dataclass(frozen=True)
class PageFacts:
    path: Path
    lang: Lang | None
    counterpart: str  # how the counterpart is shown, or a note that there is none
    date_order: str
    blocks: tuple[BlockFacts, ...]


def explain(config: Config, paths: Sequence[Path], cwd: Path) -> list[PageFacts]:
    """The facts of the pages named by ``paths`` (not of their counterparts)."""
    ctx, _warnings, _setup = context_for(config, paths, cwd)
    wanted = {p.resolve() for p in paths}
    pages = [p for p in ctx.targets if p.path.resolve() in wanted or not wanted]
    return [_page(ctx, page) for page in pages if ctx.document(page).readable]


def _page(ctx: Context, page: Page) -> PageFacts:
    doc = ctx.document(page)
    side: Lang = "en" if page.lang == "en" else "ja"
    sections, counterpart = _alignment(ctx, page, side)
    years = date_years(ctx, doc)
    blocks = []
    for block in doc.blocks:
        found = _block(ctx, page, block, side, years, sections)
        if found is not None:
            blocks.append(found)
    return PageFacts(page.path, page.lang, counterpart, date_order(ctx, doc), tuple(blocks))


def _block(
    ctx: Context,
    page: Page,
    block: Block,
    side: Lang,
    years: dict[int, YearFrom],
    sections: dict[int, str],
) -> BlockFacts | None:
    doc = ctx.document(page)
    lang = reading_lang(block, side)
    facts = block_facts(ctx, doc, block, lang)
    every = [*facts.times, *facts.dates, *facts.periods, *facts.invalid, *facts.invalid_dates]
    residue = [
        r for r in unread(block.text, every, lang) if not in_inline_code(doc, block, r.start)
    ]
    if not every and not residue:
        return None
    shown = []
    for fact in sorted(every, key=lambda f: f.start_offset):
        kind = type(fact).__name__.removesuffix("Fact").lower()
        reading = fact.describe()
        year = years.get(id(fact))
        if year is not None and year.source:
            reading += f" (year {year.year} from {year.source})"
        shown.append((kind, reading, fact.quote))
    return BlockFacts(
        block.line,
        block.kind,
        lang,
        tuple(shown),
        tuple((r.kind, r.text) for r in residue),
        sections.get(block.section, ""),
    )


def _alignment(ctx: Context, page: Page, side: Lang) -> tuple[dict[int, str], str]:
    """Which counterpart section each of the page's sections is compared with."""
    doc = ctx.document(page)
    other = page.counterpart
    if other is None:
        if not doc.bilingual:
            return {}, "none: no pair rule compares this page"
        ja, en = doc.blocks_in("ja"), doc.blocks_in("en")
        aligned = align_sections(doc, ja, doc, en, bilingual=True)
        found = _sections(aligned, "ja", "this page") | _sections(aligned, "en", "this page")
        return found, "this page (both languages in one file)"
    other_doc = ctx.document(other)
    shown = ctx.display_path(other.path)
    ja_doc, en_doc = (doc, other_doc) if side == "ja" else (other_doc, doc)
    aligned = align_sections(ja_doc, ja_doc.blocks, en_doc, en_doc.blocks, bilingual=False)
    return _sections(aligned, side, shown), f"{LANG_LABEL[other_lang(side)]} {shown}"


def _sections(aligned: list[AlignedSection], side: Lang, shown: str) -> dict[int, str]:
    if len(aligned) == 1 and not aligned[0].label:
        whole = f"{shown} (the whole page, as one section)"
        blocks = aligned[0].ja if side == "ja" else aligned[0].en
        return {b.section: whole for b in blocks}
    found: dict[int, str] = {}
    for section in aligned:
        mine = section.ja if side == "ja" else section.en
        line = section.en_line if side == "ja" else section.ja_line
        label = f' (section "{section.label}")' if section.label else ""
        for block in mine:
            found.setdefault(block.section, f"{shown}:{line}{label}")
    return found
