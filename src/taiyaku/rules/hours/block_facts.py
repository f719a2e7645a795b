"""What the TM rules share: each block's facts, extracted once per run, and where they are.

Facts (times, dates, invalid times) are extracted once per block and per run, and
TM001-TM004 all read the same :class:`~taiyaku.knowledge.facts.Facts`.  The cache is the
run's :data:`BLOCK_FACTS` state (:meth:`Context.state`), keyed by the document's path, the
block's index and the language it is read in.  Japanese extraction
reads the block's shared ``Block.tokens``, so the analyzer never runs twice over a
block.

Which extractor reads a block
    A block in Japanese script is read as Japanese and a block in Latin script as
    English, on any page; a block that holds the other script too is read by both
    extractors (see :func:`_extract`).  A block with neither (``9:00～17:00`` alone in
    a table cell, ``2025/3/15``) is read in the page's language.  On a bilingual page
    such a block belongs to neither language and takes no part in the pair rules.  A
    table block is one cell, so a bare ``4/29`` alone in it is a date.

Which side a fact is on
    On a pair of files, every fact of the Japanese page is Japanese, whatever the
    script of its block (a Japanese page may quote an English title with its date); on
    a bilingual page, the block's language decides.

How a pair is split
    :func:`pair_sections` follows :meth:`Pair.aligned_sections`: section by section
    where the sections pair up (a bilingual page's sections, or two files with the same
    heading outline), else the whole page as one section.  For a pair of files each
    section holds every block of that section, language-less blocks included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from taiyaku.knowledge.facts import (
    DateFact,
    Fact,
    Facts,
    TimeFact,
    WeekdayContradiction,
    extract_en,
    extract_ja,
    infer_context_year,
    split_facts,
    weekday_contradictions,
)
from taiyaku.knowledge.facts.calendar import WEEKDAY_ABBR
from taiyaku.model.diagnostics import Related
from taiyaku.model.lang import LANG_LABEL, LANG_NAME, Lang, japanese_char_count
from taiyaku.model.spans import Spot
from taiyaku.rules.context import RunState

if TYPE_CHECKING:
    from pathlib import Path

    from taiyaku.parse.document import Document
    from taiyaku.parse.nodes import Block
    from taiyaku.rules.context import Context, Pair

__all__ = [
    "LocatedFact",
    "SectionFacts",
    "block_facts",
    "date_reading",
    "how_often",
    "is_dateline",
    "join_words",
    "other_side",
    "page_facts",
    "pair_sections",
    "quoted",
    "reading_lang",
    "span",
    "time_reading",
    "weekday_errors",
]

# The run's facts per (document path, block index, language read in).
BLOCK_FACTS: RunState[dict[tuple[str, int, str], Facts]] = RunState("block-facts", lambda _: {})
# The run's weekday contradictions per document path (what TM003 reports).
WEEKDAY_ERRORS: RunState[dict[str, list[tuple[Block, WeekdayContradiction]]]] = RunState(
    "weekday-errors", lambda _: {}
)
_LATIN = re.compile("[A-Za-z]")


def block_facts(ctx: Context, doc: Document, block: Block, lang: Lang) -> Facts:
    """The facts of ``block`` read as ``lang``, extracted once per run."""
    cache = ctx.state(BLOCK_FACTS)
    key = (str(doc.path), block.index, lang)
    facts = cache.get(key)
    if facts is None:
        found = _extract(block, lang)
        if block.kind != "html" and "`" in doc.source:
            found = [f for f in found if not _in_inline_code(doc, block, f)]
        facts = split_facts(found)
        cache[key] = facts
    return facts


_BACKTICKS = re.compile(r"`+")


def _in_inline_code(doc: Document, block: Block, fact: Fact) -> bool:
    """Whether a fact lies in inline code (`` `25:00` ``), which is not prose.

    A block's text keeps the content of code spans without their backticks, so the
    extractors, which skip code in raw text, cannot tell; the source line can.
    """
    line, column = block.position(fact.start_offset)
    before = doc.line_text(line)[: column - 1]
    opened: str | None = None
    for run in _BACKTICKS.findall(before):
        if opened is None:
            opened = run
        elif run == opened:
            opened = None
    return opened is not None


def _extract(block: Block, lang: Lang) -> list[Fact]:
    """Read with ``lang``'s extractor; where the other script occurs, with both.

    A Japanese page cites an English title with its date in Japanese
    (``"How UTokyo moved…"（東京大学，2020年7月20日）``, a block in Latin script), and a
    Japanese sentence may carry ``24/7``.  What the second extractor finds is kept where
    it does not overlap what the first found, and replaces what it strictly contains.
    """
    text = block.text
    found = _read(block, lang)
    other: Lang = "en" if lang == "ja" else "ja"
    if not (_LATIN.search(text) if other == "en" else japanese_char_count(text)):
        return found
    for extra in _read(block, other):
        overlapping = [f for f in found if _overlap(f, extra)]
        if not overlapping:
            found.append(extra)
        elif all(_inside(f, extra) for f in overlapping):
            # the other reading covers more: 13:00 p.m. (an invalid time) in a Japanese
            # sentence, where the Japanese reading stops at 13:00
            found = [f for f in found if all(f is not o for o in overlapping)] + [extra]
    return sorted(found, key=lambda f: (f.start_offset, f.end_offset))


def _overlap(a: Fact, b: Fact) -> bool:
    return a.start_offset < b.end_offset and b.start_offset < a.end_offset


def _inside(inner: Fact, outer: Fact) -> bool:
    """``inner`` lies within ``outer``, which is longer."""
    return (
        outer.start_offset <= inner.start_offset
        and inner.end_offset <= outer.end_offset
        and outer.end_offset - outer.start_offset > inner.end_offset - inner.start_offset
    )


def _read(block: Block, lang: Lang) -> list[Fact]:
    if lang == "ja":
        return extract_ja(block.text, block.tokens, cell=block.kind == "table")
    return extract_en(block.text)


def reading_lang(block: Block, page_lang: Lang) -> Lang:
    """The language a block is read in: its script's, else the page's."""
    return block.lang if block.lang != "none" else page_lang


def page_facts(ctx: Context, doc: Document) -> list[tuple[Block, Facts]]:
    """Every block of a page with its facts (blocks without facts left out)."""
    if not doc.readable:
        return []
    page_lang: Lang = "en" if ctx.page_of(doc).lang == "en" else "ja"
    found = []
    for block in doc.blocks:
        facts = block_facts(ctx, doc, block, reading_lang(block, page_lang))
        if facts.times or facts.dates or facts.invalid:
            found.append((block, facts))
    return found


def weekday_errors(ctx: Context, doc: Document) -> list[tuple[Block, WeekdayContradiction]]:
    """The page's dates whose stated weekday the calendar contradicts (what TM003 reports).

    A date without a year takes the last year stated before it in its block, else the
    year that every dated fact on the page agrees on; otherwise it is not judged.
    """
    cache = ctx.state(WEEKDAY_ERRORS)
    key = str(doc.path)
    if key not in cache:
        blocks = page_facts(ctx, doc)
        year = infer_context_year(d for _, facts in blocks for d in facts.dates)
        cache[key] = [
            (block, found)
            for block, facts in blocks
            for found in weekday_contradictions(facts.dates, year)
        ]
    return cache[key]


# -------------------------------------------------------------------- datelines
_RIGHT_ALIGNED = re.compile(r"text-align\s*:\s*right|\balign\s*=\s*[\"']?right", re.I)
_DATELINE_LABEL = re.compile(
    r"(?:最終更新日?|更新日|掲載日|公開日|作成日|last\s+(?:updated|modified|revised)(?:\s+on)?"
    r"|updated(?:\s+on)?|published(?:\s+on)?|posted(?:\s+on)?)",
    re.I,
)
_PUNCT = re.compile(r"[\s:：,，、.．()（）\[\]【】*_\-–—]+")
_SENTENCE = re.compile(r"[。．.!?！？]")
_SIGNATURE_MAX = 80


def is_dateline(doc: Document, block: Block, facts: Facts) -> bool:
    """Whether a block only dates the page: ``<p style="text-align: right">2024年4月4日</p>``.

    A dateline is a paragraph or HTML block that holds one date and no time, and either

    * is right-aligned HTML (the layout of a notice's date line), where a short
      signature may follow the date (``2024年12月27日 情報システム本部``); or
    * comes before the first heading or among the page's last two blocks, and holds
      nothing but the date and perhaps a label (``最終更新：``, ``Last updated:``).

    It states when that language's version was written or revised, and translations
    are revised on their own schedule, so TM002 does not compare datelines.
    """
    if block.kind not in ("paragraph", "html") or len(facts.dates) != 1 or facts.times:
        return False
    date = facts.dates[0]
    rest = block.text[: date.start_offset] + " " + block.text[date.end_offset :]
    words = _PUNCT.sub(" ", rest).strip()
    if block.kind == "html" and _RIGHT_ALIGNED.search(_source(doc, block)):
        return (
            len(words) <= _SIGNATURE_MAX
            and not any(ch.isdigit() for ch in words)
            and not _SENTENCE.search(rest.strip())
        )
    at_edge = block.section == 0 or block.index >= len(doc.blocks) - 2
    return at_edge and (not words or bool(_DATELINE_LABEL.fullmatch(words)))


def _source(doc: Document, block: Block) -> str:
    return "\n".join(doc.lines[block.line - 1 : block.end_line])


# ----------------------------------------------------------------------- places
def span(block: Block, start: int, end: int) -> Spot:
    line, column = block.position(start)
    if end <= start:
        return Spot(line, column, line, column)
    end_line, last_column = block.position(end - 1)
    return Spot(line, column, end_line, last_column + 1)


@dataclass(frozen=True, eq=False)
class LocatedFact:
    """A time or date fact with the block it was found in."""

    fact: TimeFact | DateFact
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


@dataclass(frozen=True)
class SectionFacts:
    """One group of a pair to compare: the JA and EN facts of a section (or page)."""

    label: str
    ja: list[LocatedFact]
    en: list[LocatedFact]
    # Where the section starts on each side: the heading's line, or 1 for a whole page.
    ja_line: int
    en_line: int

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
    groups = pair.aligned_sections()
    if pair.bilingual:
        lines = [s.line for s in ja_doc.sections]
        return [
            SectionFacts(
                label,
                _located(ctx, ja_doc, ja_blocks, "ja"),
                _located(ctx, en_doc, en_blocks, "en"),
                lines[i] if i < len(lines) else 1,
                lines[i] if i < len(lines) else 1,
            )
            for i, (ja_blocks, en_blocks, label) in enumerate(groups)
        ]
    if len(groups) > 1:  # the heading outlines match: every block of each section
        return [
            SectionFacts(
                en_section.title,
                _located(ctx, ja_doc, _blocks_of(ja_doc, i), "ja"),
                _located(ctx, en_doc, _blocks_of(en_doc, i), "en"),
                ja_doc.sections[i].line,
                en_section.line,
            )
            for i, en_section in enumerate(en_doc.sections)
        ]
    return [
        SectionFacts(
            "",
            _located(ctx, ja_doc, ja_doc.blocks, "ja"),
            _located(ctx, en_doc, en_doc.blocks, "en"),
            1,
            1,
        )
    ]


def _blocks_of(doc: Document, section: int) -> list[Block]:
    return [b for b in doc.blocks if b.section == section]


def _located(ctx: Context, doc: Document, blocks: Iterable[Block], side: Lang) -> list[LocatedFact]:
    found: list[LocatedFact] = []
    for block in blocks:
        lang = reading_lang(block, side)
        facts = block_facts(ctx, doc, block, lang)
        located = [LocatedFact(f, doc, block, lang) for f in (*facts.times, *facts.dates)]
        located.sort(key=lambda lf: lf.fact.start_offset)
        found.extend(located)
    return found


# --------------------------------------------------------------------- messages
def quoted(text: str) -> str:
    """Source text in double quotes, on one line."""
    return '"' + " ".join(text.split()) + '"'


def time_reading(fact: TimeFact) -> str:
    """``"8時25分から18時30分" (8:25–18:30 on weekdays)``: the source and its reading."""
    return _with_reading(fact.quote, fact.describe())


def date_reading(fact: DateFact) -> str:
    """``"Saturday, March 15, 2025" (2025-03-15 Sat)``."""
    reading = f"{fact.month:02d}-{fact.day:02d}"
    if fact.year is not None:
        reading = f"{fact.year:04d}-{reading}"
    if fact.weekday is not None:
        reading += f" {WEEKDAY_ABBR[fact.weekday]}"
    return _with_reading(fact.quote, reading)


def _with_reading(quote: str, reading: str) -> str:
    if " ".join(quote.split()) == reading:
        return quoted(quote)
    return f"{quoted(quote)} ({reading})"


def how_often(count: int) -> str:
    """``once``, ``twice``, ``3 times``."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def join_words(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def other_side(ctx: Context, pair: Pair, section: SectionFacts, lang: Lang) -> tuple[str, Related]:
    """How a message names the side ``lang`` that lacks a fact, and where it points.

    A separate page is named by its path; the related location is the matching
    section's heading when the sections pair up, else line 1.  On a bilingual page the
    related location is the section's heading in the same file.
    """
    side = pair.side(lang)
    line = section.line(lang)
    language = LANG_NAME[lang]
    if pair.bilingual:
        note = f"the {language} text of this section" if section.label else ""
        return f"the {language} text of this page", Related(side.path, line, note)
    shown = ctx.display_path(side.path)
    note = "the matching section" if section.label else f"the {language} page"
    return f"{LANG_LABEL[lang]} ({shown})", Related(side.path, line, note)
