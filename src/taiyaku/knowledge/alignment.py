"""Which parts of a page and of its translation say the same thing.

Two levels, used by every family that compares facts between the languages:

Sections
    :func:`align_sections`: a bilingual page's sections pair with themselves (each holds
    both languages); two files pair section by section when their heading outlines are
    the same (the same number of headings, at the same levels, in the same order);
    otherwise the whole page is one section.

Statements
    :func:`align_statements`: within a pair of aligned sections, the blocks (a
    paragraph, a list item, a table cell, a heading) that state the same thing.  A pair
    is taken only where the structure says so, never from the facts themselves:

    1. *the same structure*: both sides have the same sequence of block kinds
       (heading, paragraph, list item…) — block *i* states what block *i* states;
    2. else *the same table row*: rows whose first cell reads the same on both sides
       (``夏学期``, ``S1S2``), cell by cell; and *the same list*: both sides have as many
       list items — item *i* with item *i*;
    3. else *the same link*: a block that links to a target no other block of its side
       links to, with the one block of the other side that links there too (a link to
       ``/en/x`` and one to ``/x`` are the same target).

    Blocks left over are not paired: the caller then knows nothing about which of them
    say the same thing, and must not claim that two of their facts are one fact stated
    differently.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from taiyaku.model.records import quick_init
from taiyaku.parse.document import Document
from taiyaku.parse.nodes import Block, Link

__all__ = ["AlignedSection", "align_sections", "align_statements"]


@quick_init
@dataclass(frozen=True)
class AlignedSection:
    """The blocks of one section of each language that pair up (or of the whole page),
    and the links written in them."""

    label: str  # the section's title ("" for a whole page)
    ja: tuple[Block, ...]
    en: tuple[Block, ...]
    # Where the section starts on each side: the heading's line, or 1 for a whole page.
    ja_line: int
    en_line: int
    ja_links: tuple[Link, ...] = ()
    en_links: tuple[Link, ...] = ()


def align_sections(
    ja_doc: Document,
    ja_blocks: Sequence[Block],
    en_doc: Document,
    en_blocks: Sequence[Block],
    *,
    bilingual: bool,
) -> list[AlignedSection]:
    """The sections of ``ja_blocks`` and ``en_blocks`` that pair up (see the module)."""
    if bilingual:
        ja_by, en_by = _by_section(ja_blocks), _by_section(en_blocks)
        links = _links_by_section(ja_doc)
        return [
            AlignedSection(
                s.title,
                ja_by.get(s.index, ()),
                en_by.get(s.index, ()),
                s.line,
                s.line,
                links.get(s.index, ()),
                links.get(s.index, ()),
            )
            for s in ja_doc.sections
        ]
    if _outline(ja_doc) == _outline(en_doc) and len(en_doc.sections) > 1:
        ja_by, en_by = _by_section(ja_blocks), _by_section(en_blocks)
        ja_links, en_links = _links_by_section(ja_doc), _links_by_section(en_doc)
        return [
            AlignedSection(
                s.title,
                ja_by.get(i, ()),
                en_by.get(i, ()),
                ja_doc.sections[i].line,
                s.line,
                ja_links.get(i, ()),
                en_links.get(i, ()),
            )
            for i, s in enumerate(en_doc.sections)
        ]
    return [
        AlignedSection(
            "", tuple(ja_blocks), tuple(en_blocks), 1, 1, tuple(ja_doc.links), tuple(en_doc.links)
        )
    ]


def _by_section(blocks: Sequence[Block]) -> dict[int, tuple[Block, ...]]:
    grouped: dict[int, list[Block]] = {}
    for block in blocks:
        grouped.setdefault(block.section, []).append(block)
    return {section: tuple(found) for section, found in grouped.items()}


def _links_by_section(doc: Document) -> dict[int, tuple[Link, ...]]:
    grouped: dict[int, list[Link]] = {}
    for link in doc.links:
        grouped.setdefault(link.section, []).append(link)
    return {section: tuple(found) for section, found in grouped.items()}


def _outline(doc: Document) -> list[int]:
    return [s.level for s in doc.sections]


def align_statements(section: AlignedSection) -> list[tuple[Block, Block]]:
    """The (JA block, EN block) pairs of ``section`` that state the same thing."""
    ja, en = section.ja, section.en
    if ja and [b.kind for b in ja] == [b.kind for b in en]:
        return list(zip(ja, en, strict=True))
    pairs = _same_rows(ja, en)
    ja_items = [b for b in ja if b.kind == "list_item"]
    en_items = [b for b in en if b.kind == "list_item"]
    if ja_items and len(ja_items) == len(en_items):
        pairs += zip(ja_items, en_items, strict=True)
    paired = {id(b) for pair in pairs for b in pair}
    ja_targets = _unique_targets([b for b in ja if id(b) not in paired], section.ja_links)
    en_targets = _unique_targets([b for b in en if id(b) not in paired], section.en_links)
    pairs += [(block, en_targets[t]) for t, block in ja_targets.items() if t in en_targets]
    return pairs


def _same_rows(ja: Sequence[Block], en: Sequence[Block]) -> list[tuple[Block, Block]]:
    """Cells of table rows keyed by the same first cell, column by column."""
    ja_rows, en_rows = _rows(ja), _rows(en)
    pairs: list[tuple[Block, Block]] = []
    for key, ja_cells in ja_rows.items():
        en_cells = en_rows.get(key)
        if en_cells is not None:
            pairs += zip(ja_cells, en_cells, strict=False)
    return pairs


def _rows(blocks: Sequence[Block]) -> dict[str, list[Block]]:
    """Table rows (the cells of one line) by their first cell's text, when unique."""
    by_line: dict[int, list[Block]] = {}
    for block in blocks:
        if block.kind == "table":
            by_line.setdefault(block.line, []).append(block)
    rows: dict[str, list[Block]] = {}
    seen: set[str] = set()
    for cells in by_line.values():
        key = " ".join(cells[0].text.split())
        if not key:
            continue
        if key in seen:
            rows.pop(key, None)  # a key two rows share says nothing
            continue
        seen.add(key)
        rows[key] = cells
    return rows


def _unique_targets(blocks: Sequence[Block], links: Sequence[Link]) -> dict[str, Block]:
    """Link targets that exactly one of ``blocks`` links to, with that block."""
    if not blocks:
        return {}
    ordered = sorted(blocks, key=lambda b: (b.line, b.index))
    starts = [b.line for b in ordered]
    owners: dict[str, set[int]] = {}
    owner_block: dict[str, Block] = {}
    for link in links:
        block = _block_at(ordered, starts, link)
        target = _neutral_target(link.href)
        if block is None or not target:
            continue
        owners.setdefault(target, set()).add(block.index)
        owner_block.setdefault(target, block)
    return {t: owner_block[t] for t, indices in owners.items() if len(indices) == 1}


def _block_at(ordered: Sequence[Block], starts: Sequence[int], link: Link) -> Block | None:
    """The block the link is written in (of the link's language where blocks share a line)."""
    index = bisect.bisect_right(starts, link.line) - 1
    candidates = []
    while index >= 0 and ordered[index].end_line >= link.line:
        candidates.append(ordered[index])
        if ordered[index].line < link.line:
            break
        index -= 1
    for block in candidates:
        if block.lang == link.lang:
            return block
    return candidates[0] if candidates else None


def _neutral_target(href: str) -> str:
    """``/en/support/chat/#a`` and ``/support/chat`` are the same target."""
    target = href.split("#", 1)[0].split("?", 1)[0].strip()
    for prefix in ("/en/", "/ja/"):
        if target.startswith(prefix):
            target = "/" + target[len(prefix) :]
    return target.rstrip("/")
