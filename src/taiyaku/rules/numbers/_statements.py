"""The quantities of a pair, statement by statement: what NM001 compares.

A pair is aligned as the date rules align it (:mod:`taiyaku.knowledge.alignment`):
sections that pair up, then, within them, the blocks that state the same thing (the same
structure, the same table row, the same list, the same link).  Each block's quantities
are read once per run, in the block's own language, with code, URLs and e-mail
addresses left out.

:func:`compare_statement` decides, for one pair of statements and one kind of thing
counted, whether the two languages contradict each other: after the quantities both
state (the same range, however written) are set aside, exactly one is left on each side,
given the same way (two upper bounds, two exact values…), and the counterpart section
does not state the left-over value anywhere else (else the statements may not be the
ones that correspond).  Anything less certain says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from taiyaku.knowledge.alignment import align_statements
from taiyaku.knowledge.facts._text import mask_urls
from taiyaku.knowledge.quantities import Quantity, extract_en_quantities, extract_ja_quantities
from taiyaku.model.lang import Lang
from taiyaku.rules.context import RunState

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.parse.nodes import Block
    from taiyaku.rules.context import Context, Pair

__all__ = ["Contradiction", "OneSided", "block_quantities", "contradictions", "one_sided"]

_QUANTITIES: RunState[dict[tuple[str, int], list[Quantity]]] = RunState(
    "block-quantities", lambda _: {}
)


def block_quantities(ctx: Context, doc: Document, block: Block, side: Lang) -> list[Quantity]:
    """The quantities of ``block`` (read in its own language, else the side's), once per
    run; none in code spans, URLs or addresses."""
    cache = ctx.state(_QUANTITIES)
    key = (str(doc.path), block.index)
    found = cache.get(key)
    if found is None:
        lang = block.lang if block.lang in ("ja", "en") else side
        text = mask_urls(block.text)
        read = extract_ja_quantities(text) if lang == "ja" else extract_en_quantities(text)
        found = cache[key] = [q for q in read if not _in_code(block, q)]
    return found


def _in_code(block: Block, quantity: Quantity) -> bool:
    return any(start < quantity.end and quantity.start < end for start, end in block.code)


@dataclass(frozen=True)
class Contradiction:
    """Two statements that count the same kind of thing differently."""

    ja: Quantity
    en: Quantity
    ja_block: Block
    en_block: Block


def contradictions(ctx: Context, pair: Pair) -> Iterator[Contradiction]:
    """Every contradiction between the aligned statements of the pair."""
    for section in pair.aligned_sections():
        ja_all = _section_quantities(ctx, pair, section.ja, "ja")
        en_all = _section_quantities(ctx, pair, section.en, "en")
        if not ja_all or not en_all:
            continue
        statements = align_statements(section)
        for ja_block, en_block in statements:
            ja = block_quantities(ctx, pair.ja.doc, ja_block, "ja")
            en = block_quantities(ctx, pair.en.doc, en_block, "en")
            for kind in {q.kind for q in ja} & {q.kind for q in en}:
                found = compare_statement(
                    [q for q in ja if q.kind == kind],
                    [q for q in en if q.kind == kind],
                    ja_all,
                    en_all,
                )
                if found is not None and not _read_bare(found, ja_block, en_block, ja, en):
                    yield Contradiction(found[0], found[1], ja_block, en_block)
        paired = {id(block) for statement in statements for block in statement}
        ja_rest = [b for b in section.ja if id(b) not in paired]
        en_rest = [b for b in section.en if id(b) not in paired]
        yield from _anchored(ctx, pair, ja_rest, en_rest)


@dataclass(frozen=True)
class OneSided:
    """A quantity one statement gives and its counterpart does not."""

    quantity: Quantity
    lang: Lang  # the side that gives it
    block: Block
    other_block: Block


def one_sided(ctx: Context, pair: Pair) -> Iterator[OneSided]:
    """Quantities of a kind one statement gives and the statement it is paired with
    (by structure, table row, list or link) does not, where that statement holds no
    number taiyaku could not read (text it cannot read is no evidence of absence)."""
    for section in pair.aligned_sections():
        for ja_block, en_block in align_statements(section):
            ja = block_quantities(ctx, pair.ja.doc, ja_block, "ja")
            en = block_quantities(ctx, pair.en.doc, en_block, "en")
            for mine, theirs, lang, block, other in (
                (ja, en, "ja", ja_block, en_block),
                (en, ja, "en", en_block, ja_block),
            ):
                if _bare_numbers(other.text, theirs):
                    continue
                kinds = {q.kind for q in theirs}
                for quantity in mine:
                    if quantity.kind not in kinds:
                        yield OneSided(quantity, lang, block, other)  # type: ignore[arg-type]


def _anchored(
    ctx: Context, pair: Pair, ja_blocks: Sequence[Block], en_blocks: Sequence[Block]
) -> Iterator[Contradiction]:
    """Contradictions between statements the structure did not pair, paired by what they
    state instead: two blocks that each state n ≥ 2 quantities of a kind and share all
    but one of them, where neither has another such partner (``上限500人または1000人``
    beside ``up to either 500 or 1000 attendees``, and ``上限1000人または3000人`` beside
    ``up to either 500 or 3000 attendees``).  Blocks that state exactly the same
    quantities are taken as counterparts first."""
    ja = [(b, block_quantities(ctx, pair.ja.doc, b, "ja")) for b in ja_blocks]
    en = [(b, block_quantities(ctx, pair.en.doc, b, "en")) for b in en_blocks]
    kinds = {q.kind for _b, qs in ja for q in qs} & {q.kind for _b, qs in en for q in qs}
    for kind in sorted(kinds):
        ja_kind = [(b, [q for q in qs if q.kind == kind]) for b, qs in ja]
        en_kind = [(b, [q for q in qs if q.kind == kind]) for b, qs in en]
        ja_kind = [(b, qs) for b, qs in ja_kind if len(qs) >= 2]
        en_kind = [(b, qs) for b, qs in en_kind if len(qs) >= 2]
        ja_kind, en_kind = _without_twins(ja_kind, en_kind)
        near = [
            (jb, eb, found)
            for jb, jq in ja_kind
            for eb, eq in en_kind
            if len(jq) == len(eq) and (found := compare_statement(jq, eq)) is not None
        ]
        for jb, eb, found in near:
            if (
                sum(1 for j, _e, _f in near if j is jb)
                == 1
                == sum(1 for _j, e, _f in near if e is eb)
            ):
                yield Contradiction(found[0], found[1], jb, eb)


QuantifiedBlocks = list[tuple["Block", list[Quantity]]]


def _without_twins(
    ja: QuantifiedBlocks, en: QuantifiedBlocks
) -> tuple[QuantifiedBlocks, QuantifiedBlocks]:
    """Both lists without the blocks that state exactly what a block of the other
    language states (they are counterparts, and agree)."""
    ja_left, en_left = list(ja), list(en)
    for item in list(ja_left):
        twin = next((e for e in en_left if _same_facts(item[1], e[1])), None)
        if twin is not None:
            ja_left.remove(item)
            en_left.remove(twin)
    return ja_left, en_left


def _same_facts(one: Sequence[Quantity], other: Sequence[Quantity]) -> bool:
    left = list(other)
    for quantity in one:
        twin = next((q for q in left if q.same_fact(quantity)), None)
        if twin is None:
            return False
        left.remove(twin)
    return not left


_BARE_NUMBER = re.compile(r"(?<![\d.,，])[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?")


def _read_bare(
    found: tuple[Quantity, Quantity],
    ja_block: Block,
    en_block: Block,
    ja: Sequence[Quantity],
    en: Sequence[Quantity],
) -> bool:
    """Whether one side's left-over value is written in the other statement as a number
    taiyaku could not read as a quantity (``最大参加者数は1,000`` has no counter): the
    other language may well state it, so no contradiction is certain."""
    ja_one, en_one = found
    return ja_one.number in _bare_numbers(en_block.text, en) or en_one.number in _bare_numbers(
        ja_block.text, ja
    )


def _bare_numbers(text: str, read: Sequence[Quantity]) -> set[float]:
    covered = [(q.start, q.end) for q in read]
    numbers = set()
    for match in _BARE_NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in covered):
            continue
        digits = match.group().translate(_WIDE).replace(",", "").replace("，", "")
        numbers.add(float(digits))
    return numbers


_WIDE = str.maketrans("０１２３４５６７８９．", "0123456789.")


def _section_quantities(
    ctx: Context, pair: Pair, blocks: Sequence[Block], side: Lang
) -> list[Quantity]:
    doc = pair.side(side).doc
    return [q for block in blocks for q in block_quantities(ctx, doc, block, side)]


def compare_statement(
    ja: Sequence[Quantity],
    en: Sequence[Quantity],
    ja_section: Sequence[Quantity] = (),
    en_section: Sequence[Quantity] = (),
) -> tuple[Quantity, Quantity] | None:
    """The one pair of quantities of one kind that the two statements state
    differently, or None (see the module)."""
    ja_left, en_left = list(ja), list(en)
    for quantity in list(ja_left):
        twin = next((q for q in en_left if q.same_fact(quantity)), None)
        if twin is not None:
            ja_left.remove(quantity)
            en_left.remove(twin)
    if len(ja_left) != 1 or len(en_left) != 1:
        return None
    ja_one, en_one = ja_left[0], en_left[0]
    if not ja_one.comparable(en_one):
        return None
    if any(q.same_fact(ja_one) for q in en_section) or any(q.same_fact(en_one) for q in ja_section):
        return None  # the other side states it elsewhere: these may not be counterparts
    return ja_one, en_one
