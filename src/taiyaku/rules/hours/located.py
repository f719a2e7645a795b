"""A pair's facts with their places: which block, which section, which statement.

:func:`pair_sections` follows :func:`taiyaku.knowledge.alignment.align_sections`:
section by section where the sections pair up (a bilingual page's sections, or two files
with the same heading outline), else the whole page as one section.  For a pair of files
each section holds every block of that section, language-less blocks included (a
``9:00～17:00`` alone in a table cell belongs to the page's language).  Each section
also knows which of its blocks state the same thing
(:func:`~taiyaku.knowledge.alignment.align_statements`) and the date- and time-like
text of each side that no fact covers (:mod:`taiyaku.knowledge.facts.residue`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from taiyaku.knowledge.alignment import AlignedSection, align_sections, align_statements
from taiyaku.knowledge.facts import DateFact, InvalidDate, InvalidTime, PeriodFact, TimeFact
from taiyaku.knowledge.facts.residue import Residue, ResidueKind, unread
from taiyaku.model.lang import Lang
from taiyaku.model.records import quick_init
from taiyaku.model.spans import Spot
from taiyaku.rules.context import RunState
from taiyaku.rules.hours.block_facts import block_facts, in_inline_code, reading_lang

if TYPE_CHECKING:
    from pathlib import Path

    from taiyaku.parse.document import Document
    from taiyaku.parse.nodes import Block
    from taiyaku.rules.context import Context, Pair

__all__ = ["LocatedFact", "SectionFacts", "pair_sections", "section_unread", "span"]

Compared = TimeFact | DateFact | PeriodFact


def span(block: Block, start: int, end: int) -> Spot:
    line, column = block.position(start)
    if end <= start:
        return Spot(line, column, line, column)
    end_line, last_column = block.position(end - 1)
    return Spot(line, column, end_line, last_column + 1)


@quick_init
@dataclass(frozen=True, eq=False)
class LocatedFact:
    """A time, date or period with the block it was found in."""

    fact: Compared
    doc: Document
    block: Block
    read_as: Lang  # the language the block was read in (see block_facts)

    @property
    def path(self) -> Path:
        return self.doc.path

    def spot(self) -> Spot:
        return span(self.block, self.fact.start_offset, self.fact.end_offset)

    @property
    def line(self) -> int:
        return self.block.position(self.fact.start_offset)[0]


@quick_init
@dataclass(frozen=True)
class SectionFacts:
    """One group of a pair to compare: the JA and EN facts of a section (or page)."""

    label: str
    ja: list[LocatedFact]
    en: list[LocatedFact]
    # Where the section starts on each side: the heading's line, or 1 for a whole page.
    ja_line: int
    en_line: int
    # (JA block, EN block) that state the same thing (see align_statements).
    statements: list[tuple[Block, Block]] = field(default_factory=list)
    # every block of each side, and its document (for the unread text)
    blocks: dict[Lang, tuple[Block, ...]] = field(default_factory=dict)
    docs: dict[Lang, Document] = field(default_factory=dict)

    def side(self, lang: Lang) -> list[LocatedFact]:
        return self.ja if lang == "ja" else self.en

    def line(self, lang: Lang) -> int:
        return self.ja_line if lang == "ja" else self.en_line


def pair_sections(ctx: Context, pair: Pair) -> list[SectionFacts]:
    """The pair's facts, section by section where the sections pair up.

    Empty when either page cannot be read.
    """
    ja_doc, en_doc = pair.ja.doc, pair.en.doc
    if not (ja_doc.readable and en_doc.readable):
        return []
    if pair.bilingual:
        ja_blocks, en_blocks = pair.ja.blocks, pair.en.blocks
    else:
        ja_blocks, en_blocks = tuple(ja_doc.blocks), tuple(en_doc.blocks)
    sections = align_sections(ja_doc, ja_blocks, en_doc, en_blocks, bilingual=pair.bilingual)
    return [_section_facts(ctx, pair, s) for s in sections]


def _section_facts(ctx: Context, pair: Pair, section: AlignedSection) -> SectionFacts:
    ja = _located(ctx, pair.ja.doc, section.ja, "ja")
    en = _located(ctx, pair.en.doc, section.en, "en")
    statements = align_statements(section) if ja and en else []
    blocks: dict[Lang, tuple[Block, ...]] = {"ja": section.ja, "en": section.en}
    docs: dict[Lang, Document] = {"ja": pair.ja.doc, "en": pair.en.doc}
    return SectionFacts(
        section.label, ja, en, section.ja_line, section.en_line, statements, blocks, docs
    )


def _located(ctx: Context, doc: Document, blocks: Iterable[Block], side: Lang) -> list[LocatedFact]:
    found: list[LocatedFact] = []
    for block in blocks:
        lang = reading_lang(block, side)
        facts = block_facts(ctx, doc, block, lang)
        if not (facts.times or facts.dates or facts.periods):
            continue  # most blocks
        compared: list[Compared] = [*facts.times, *facts.dates, *facts.periods]
        located = [LocatedFact(f, doc, block, lang) for f in compared]
        located.sort(key=lambda lf: lf.fact.start_offset)
        found.extend(located)
    return found


def section_unread(
    ctx: Context, section: SectionFacts, side: Lang, kind: ResidueKind
) -> list[tuple[Block, Residue]]:
    """The ``kind``-like text (date or time) of one side of ``section`` that no fact
    covers, inline code left out.  Computed only when a rule asks (a claim that the
    side states no such fact), once per block and run."""
    doc = section.docs[side]
    cache = ctx.state(UNREAD)
    found: list[tuple[Block, Residue]] = []
    for block in section.blocks[side]:
        lang = reading_lang(block, side)
        key = (block, lang)
        residue = cache.get(key)
        if residue is None:
            facts = block_facts(ctx, doc, block, lang)
            every = [*facts.times, *facts.dates, *facts.periods, *facts.invalid]
            every += facts.invalid_dates
            residue = [
                r
                for r in unread(block.text, every, lang)
                if not in_inline_code(doc, block, r.start)
            ]
            # what is written as a date or time but names none (2/30, 25:00) is unread too
            residue += [_as_residue(f, "date") for f in facts.invalid_dates]
            residue += [_as_residue(f, "time") for f in facts.invalid]
            cache[key] = residue
        found.extend((block, r) for r in residue if r.kind == kind)
    return found


def _as_residue(fact: InvalidDate | InvalidTime, kind: ResidueKind) -> Residue:
    return Residue(kind, fact.start_offset, fact.end_offset, fact.quote)


UNREAD: RunState[dict[tuple[Block, str], list[Residue]]] = RunState("unread", lambda _: {})
