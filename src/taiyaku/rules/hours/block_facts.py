"""What the TM rules share: each block's facts, extracted once per run.

Facts (times, dates, parts of months, invalid times and dates) are extracted once per
block and per run, and TM001-TM005 all read the same
:class:`~taiyaku.knowledge.facts.Facts`.  The cache is the
run's :data:`BLOCK_FACTS` state (:meth:`Context.state`), keyed by the block itself and the
language it is read in.  Japanese extraction
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

How ``01/10`` reads
    See :func:`date_order`: the ``date-order`` setting, else the page's own evidence.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from taiyaku.knowledge.facts import (
    DateOrder,
    Fact,
    Facts,
    extract_en,
    extract_ja,
    split_facts,
)
from taiyaku.model.lang import Lang, has_japanese
from taiyaku.rules.base import RuleOption
from taiyaku.rules.context import RunState

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.parse.nodes import Block
    from taiyaku.rules.context import Context

__all__ = [
    "BLOCK_FACTS",
    "DATE_ORDER",
    "block_facts",
    "date_order",
    "in_inline_code",
    "is_dateline",
    "page_facts",
    "reading_lang",
]

# The run's facts per (block, language read in).  A block hashes by identity, so a page
# read again (the stand-in after a timeout) never meets the facts of the blocks it replaced.
BLOCK_FACTS: RunState[dict[tuple[Block, str], Facts]] = RunState("block-facts", lambda _: {})
_LATIN = re.compile("[A-Za-z]")
_NUMERIC_PAIR = re.compile(r"\d[/.]\d")


def block_facts(ctx: Context, doc: Document, block: Block, lang: Lang) -> Facts:
    """The facts of ``block`` read as ``lang``, extracted once per run."""
    cache = ctx.state(BLOCK_FACTS)
    key = (block, lang)
    facts = cache.get(key)
    if facts is None:
        # only a numeric month and day (4/8, 4.8) reads differently in either order
        order = date_order(ctx, doc) if _NUMERIC_PAIR.search(block.text) else "mdy"
        found = _extract(block, lang, order)
        if block.kind != "html" and doc.has_backticks:
            found = [f for f in found if not in_inline_code(doc, block, f.start_offset)]
        facts = split_facts(found)
        cache[key] = facts
    return facts


_BACKTICKS = re.compile(r"`+")


def in_inline_code(doc: Document, block: Block, offset: int) -> bool:
    """Whether offset ``offset`` of the block's text lies in inline code (`` `25:00` ``),
    which is not prose.

    A block's text keeps the content of code spans without their backticks, so the
    extractors, which skip code in raw text, cannot tell; the source line can.
    """
    if block.kind == "html" or not doc.has_backticks:
        return False
    line, column = block.position(offset)
    before = doc.line_text(line)[: column - 1]
    opened: str | None = None
    for run in _BACKTICKS.findall(before):
        if opened is None:
            opened = run
        elif run == opened:
            opened = None
    return opened is not None


def _extract(block: Block, lang: Lang, order: DateOrder) -> list[Fact]:
    """Read with ``lang``'s extractor; where the other script occurs, with both.

    A Japanese page cites an English title with its date in Japanese
    (``"How UTokyo moved…"（東京大学，2020年7月20日）``, a block in Latin script), and a
    Japanese sentence may carry ``24/7``.  What the second extractor finds is kept where
    it does not overlap what the first found, and replaces what it strictly contains.
    """
    text = block.text
    found = _read(block, lang, order)
    other: Lang = "en" if lang == "ja" else "ja"
    if not (_LATIN.search(text) if other == "en" else has_japanese(text)):
        return found
    for extra in _read(block, other, order):
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


def _read(block: Block, lang: Lang, order: DateOrder) -> list[Fact]:
    cell = block.kind == "table"
    if lang == "ja":
        return extract_ja(block.text, block.tokens, cell=cell)
    return extract_en(block.text, cell=cell, date_order=order)


# ------------------------------------------------------------------- date order
DATE_ORDER = RuleOption(
    "date-order",
    str,
    "auto",
    "how an English 01/10 reads: mdy (January 10), dmy (1 October), or auto (the page's "
    "own evidence, else mdy)",
    choices=("auto", "mdy", "dmy"),
)
_PAIR = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})(?:/(?:\d{4}|\d{2}))?(?![\d/])")
_HEADER_ORDER = re.compile(r"\b(?:(DD|D)\s?/\s?(?:MM|M)|(MM|M)\s?/\s?(?:DD|D))\b")
PAGE_DATE_ORDERS: RunState[dict[str, DateOrder]] = RunState("date-orders", lambda _: {})


def date_order(ctx: Context, doc: Document) -> DateOrder:
    """How the page's English numeric dates read (the ``date-order`` setting).

    ``auto`` decides by the page's own evidence, in this order: a header naming the
    order (``Date (DD/MM)``, ``MM/DD``); a numeric date that only one order can read
    (``15/03`` is day/month, ``03/15`` month/day) — when the page holds both kinds, or
    none, it is month/day, as the English pages of Japanese sites write.
    """
    setting = ctx.option(DATE_ORDER.key) or "auto"
    if setting in ("mdy", "dmy"):
        return setting  # type: ignore[no-any-return]
    cache = ctx.state(PAGE_DATE_ORDERS)
    order = cache.get(doc.rel)
    if order is None:
        order = cache[doc.rel] = _page_evidence(doc.source)
    return order


def _page_evidence(source: str) -> DateOrder:
    header = _HEADER_ORDER.search(source)
    if header is not None:
        return "dmy" if header.group(1) else "mdy"
    day_first = month_first = False
    for m in _PAIR.finditer(source):
        a, b = int(m.group(1)), int(m.group(2))
        day_first |= 12 < a <= 31 and 1 <= b <= 12
        month_first |= 1 <= a <= 12 and 12 < b <= 31
    return "dmy" if day_first and not month_first else "mdy"


def reading_lang(block: Block, page_lang: Lang) -> Lang:
    """The language a block is read in: its script's, else the page's."""
    return block.lang if block.lang != "none" else page_lang


PAGE_FACTS: RunState[dict[str, list[tuple[Block, Facts]]]] = RunState("page-facts", lambda _: {})


def page_facts(ctx: Context, doc: Document) -> list[tuple[Block, Facts]]:
    """Every block of a page with its facts (blocks without facts left out), gathered
    once per run for all the rules that read them."""
    if not doc.readable:
        return []
    cache = ctx.state(PAGE_FACTS)
    found = cache.get(str(doc.path))
    if found is None:
        page_lang: Lang = "en" if ctx.page_of(doc).lang == "en" else "ja"
        found = []
        for block in doc.blocks:
            facts = block_facts(ctx, doc, block, reading_lang(block, page_lang))
            if facts:
                found.append((block, facts))
        cache[str(doc.path)] = found
    return found


# -------------------------------------------------------------------- datelines
_RIGHT_ALIGNED = re.compile(r"text-align\s*:\s*right|\balign\s*=\s*[\"']?right", re.I)
_DATELINE_LABEL = re.compile(
    r"(?:最終更新日?|更新日|更新|掲載日|公開日|作成日|発行日"
    r"|last\s+(?:updated?|modified|revised|changed)(?:\s+on)?|(?:date\s+)?updated(?:\s+on)?"
    r"|update|revised(?:\s+on)?|published(?:\s+on)?|posted(?:\s+on)?|date)",
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
