"""NM001 quantity-mismatch."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.knowledge.quantities import Quantity
from taiyaku.model.diagnostics import Finding, Related, Severity
from taiyaku.model.lang import LANG_LABEL, Lang, other_lang
from taiyaku.rules.base import PairRule, RuleOption
from taiyaku.rules.numbers._statements import (
    Contradiction,
    OneSided,
    contradictions,
    one_sided,
)

if TYPE_CHECKING:
    from taiyaku.rules.context import Context, Pair


ONE_SIDED = RuleOption(
    "nm-one-sided",
    bool,
    False,
    "also warn about a quantity one language states and the corresponding statement of the "
    "other does not",
)


class QuantityMismatch(PairRule):
    """The two languages state a different number of the same thing.

    ## What it does
    Reads the quantities of both versions of a page — a number with what it counts:
    people (``名``, ``人`` / people, participants, attendees, students…), money
    (``円``, ``¥`` / yen, JPY), durations (``分``, ``時間``, ``日間``, ``週間``,
    ``か月``, ``年間`` / minutes, hours, days…), sizes (GB, MB, ``文字``/characters),
    counts of things (``回``/times, ``台``/devices, ``件``/items, ``枚``/sheets…) and
    percentages — with the words that bound it (``約``/about, ``上限``/``最大``/up to,
    ``以上``/or more, ``超``/more than, ``未満``/less than, ranges ``10～20名``/``10 to
    20``). Numbers are read in digits (``3,000``, full-width), kanji (``三千``, ``1万``,
    ``2億5千万``) and English words (``five``, ``a hundred``). Each quantity becomes a
    range of values, so ``301人以上`` and ``more than 300 participants`` are the same
    fact, as are ``上限300人`` and ``up to 300 attendees``, and ``1時間`` and
    ``60 minutes``.

    It compares only statements that correspond: the blocks the date rules pair (the
    same structure, the same table row, the same list item, the same link), in sections
    that pair up. It reports a contradiction only when, once the quantities both
    statements state are set aside, exactly one quantity of a kind is left on each
    side, given the same way (two upper bounds, two exact values or estimates), and
    neither left-over value is stated elsewhere in the other language's section. It
    reports on the translation (the language that is not ``source-language``).

    With ``nm-one-sided = true``, a quantity one statement gives and its counterpart
    (paired by structure, table row, list or link) does not is a warning, unless the
    counterpart holds a number taiyaku could not read.

    Not quantities: years, dates and clock times (the TM rules'), ordinals (``第3回``,
    ``3rd``), numbers after a product or version name (``iOS 17``, ``Windows 11``),
    numbers in code, URLs and addresses, and a lone ``一`` (``一部``, ``一度``). A
    quantity stated in one language only is not reported.

    On a pair whose translation is a placeholder, PR004 says so once instead (these
    findings are reported there only where PR004 is not selected).

    ## Why is this bad?
    A capacity, a fee or a deadline's length that differs between the languages tells
    half the readers something false: the English page promises 500 attendees where the
    licence allows 1,000, or lists last year's head count.

    ## Example
    ``zoom/license.md`` says ``上限1000人または3000人のウェビナー``; its translation says
    ``Webinars with up to either 500 or 3000 attendees``:

        en/zoom/license.md:18:42: error NM001 [quantity-mismatch] EN says "up to either
        500 or 3000 attendees" (at most 500 people); JA (zoom/license.md:25) says
        "上限1000人" (at most 1,000 people)
    """

    CODE = "NM001"
    NAME = "quantity-mismatch"
    SEVERITY = Severity.ERROR
    COMPARES_CONTENT = True  # on a placeholder translation, defers to PR004
    OPTIONS = (ONE_SIDED,)

    def check(self, pair: Pair, ctx: Context) -> Iterator[Finding]:
        if not (pair.ja.doc.readable and pair.en.doc.readable):
            return
        here: Lang = other_lang(ctx.site.source_lang)
        for found in contradictions(ctx, pair):
            yield _finding(pair, found, here)
        if ctx.option(ONE_SIDED.key):
            for alone in one_sided(ctx, pair):
                yield _one_sided_finding(pair, alone)


def _finding(pair: Pair, found: Contradiction, here: Lang) -> Finding:
    there = other_lang(here)
    mine, theirs = (found.en, found.ja) if here == "en" else (found.ja, found.en)
    my_block, their_block = (
        (found.en_block, found.ja_block) if here == "en" else (found.ja_block, found.en_block)
    )
    my_side, their_side = pair.side(here), pair.side(there)
    line, column = my_block.position(mine.start)
    their_line, _ = their_block.position(theirs.start)
    where = their_side.doc.rel if their_side.doc is not my_side.doc else "this page"
    message = (
        f'{LANG_LABEL[here]} says "{mine.text}" ({describe(mine)}); '
        f'{LANG_LABEL[there]} ({where}:{their_line}) says "{theirs.text}" ({describe(theirs)})'
    )
    end_line, end_column = my_block.position(max(mine.end - 1, mine.start))
    return Finding(
        my_side.doc.path,
        line,
        column,
        message,
        end_line=end_line,
        end_column=end_column + 1,
        related=(Related(their_side.doc.path, their_line, f"the {LANG_LABEL[there]} text"),),
        fingerprint_text=f"{mine.kind}:{mine.describe()}:{theirs.describe()}",
    )


def _one_sided_finding(pair: Pair, alone: OneSided) -> Finding:
    there = other_lang(alone.lang)
    side, other = pair.side(alone.lang), pair.side(there)
    line, column = alone.block.position(alone.quantity.start)
    their_line, _ = alone.other_block.position(0)
    message = (
        f'{LANG_LABEL[alone.lang]} says "{alone.quantity.text}" ({describe(alone.quantity)}); '
        f"the corresponding {LANG_LABEL[there]} text ({other.doc.rel}:{their_line}) states "
        "no such quantity"
    )
    return Finding(
        side.doc.path,
        line,
        column,
        message,
        severity=Severity.WARNING,
        related=(Related(other.doc.path, their_line, f"the {LANG_LABEL[there]} text"),),
        fingerprint_text=f"one-sided:{alone.quantity.kind}:{alone.quantity.describe()}",
    )


_KIND_WORD = {"people": "people", "yen": "yen", "percent": "%", "months": "months"}


def describe(quantity: Quantity) -> str:
    """``at most 1,000 people``, ``about 50 people``, ``2 hours``, ``500 yen, tax
    excluded``: the range in words, in the kind's unit."""
    text = quantity.describe()
    if quantity.kind == "minutes":
        text = _duration(quantity)
    else:
        word = _KIND_WORD.get(quantity.kind, quantity.kind)
        text = f"{text}{word}" if word == "%" else f"{text} {word}"
    if quantity.tax:
        text += f", tax {quantity.tax}"
    return text


def _duration(quantity: Quantity) -> str:
    values = [v for v in (quantity.low, quantity.high) if not math.isinf(v)]
    size, word = (
        next(
            (size, word)
            for size, word in ((10080, "weeks"), (1440, "days"), (60, "hours"), (1, "minutes"))
            if all(v % size == 0 for v in values)
        )
        if all(v == int(v) for v in values)
        else (1, "minutes")
    )
    return quantity.describe(size, word)
