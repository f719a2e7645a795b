"""ST002 dateline-differs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from taiyaku.knowledge.facts import DateFact
from taiyaku.model.diagnostics import Finding, Related, Severity
from taiyaku.model.lang import LANG_LABEL, other_lang
from taiyaku.rules.base import PairRule
from taiyaku.rules.hours.block_facts import block_facts, is_dateline, reading_lang

if TYPE_CHECKING:
    from taiyaku.parse.nodes import Block
    from taiyaku.rules.context import Context, Pair, Side


@dataclass(frozen=True)
class _Dateline:
    block: Block
    date: DateFact

    @property
    def day(self) -> tuple[int, int, int]:
        assert self.date.year is not None
        return (self.date.year, self.date.month, self.date.day)

    def iso(self) -> str:
        year, month, day = self.day
        return f"{year:04d}-{month:02d}-{day:02d}"


class DatelineDiffers(PairRule):
    """The page's stated date of writing or revision differs between the languages.

    ## What it does
    Finds each side's dateline, the paragraph or HTML block that only dates the page: a
    right-aligned date (perhaps followed by a signature such as ``情報システム本部``), or a
    date alone, perhaps after ``最終更新：``, ``更新日``, ``Last updated:``, before the
    first heading or at the end of the page (the same test that keeps TM002 from
    comparing datelines). When both sides have one with a full date (year, month and
    day) and the latest dates differ, it reports the translation's dateline (the page in
    the language that is not the ``source-language``):

    * **warning** when the translation's date is older than the source's: the source was
      revised after the translation, which probably lacks the revision;
    * **info** when it is newer: the translation was revised on its own (a fix the source
      may need too, or only a re-dated translation).

    A dateline without a year is not compared (which year it means is a guess). Dates
    are read as the TM rules read them (an English ``01/10`` as ``date-order`` says).

    ## Why is this bad?
    A dateline is the page telling its readers how current it is. When the source says
    it was revised in May and the translation still says March, the translation's
    readers are told the March page is current, and usually it is missing what changed.

    ## Example
    The Japanese notice was revised and re-dated; the English one was not:

        content/en/notice/maintenance.md:3:1: warning ST002 [dateline-differs] EN dateline
        "March 3, 2025" (2025-03-03) is older than JA's "2025年5月12日" (2025-05-12,
        content/notice/maintenance.md): the translation was probably not revised with
        its source
    """

    CODE = "ST002"
    NAME = "dateline-differs"
    SEVERITY = Severity.WARNING
    USES_SITE = False
    NEEDS_TOKENS = True

    def check(self, pair: Pair, ctx: Context) -> Iterator[Finding]:
        source = pair.side(ctx.site.source_lang)
        translation = pair.side(other_lang(ctx.site.source_lang))
        theirs = _latest_dateline(ctx, pair, source)
        mine = _latest_dateline(ctx, pair, translation)
        if theirs is None or mine is None or mine.day == theirs.day:
            return
        older = mine.day < theirs.day
        line, column = mine.block.position(mine.date.start_offset)
        where = "" if pair.bilingual else f", {ctx.display_path(source.path)}"
        message = (
            f"{LANG_LABEL[translation.lang]} dateline {mine.date.quote!r} ({mine.iso()}) is "
            f"{'older' if older else 'newer'} than {LANG_LABEL[source.lang]}'s "
            f"{theirs.date.quote!r} ({theirs.iso()}{where})"
        )
        message += (
            ": the translation was probably not revised with its source"
            if older
            else ": the translation was revised after its source"
        )
        their_line, _ = theirs.block.position(theirs.date.start_offset)
        yield Finding(
            translation.path,
            line,
            column,
            message,
            severity=None if older else Severity.INFO,
            related=(Related(source.path, their_line),),
        )


def _latest_dateline(ctx: Context, pair: Pair, side: Side) -> _Dateline | None:
    """The side's dateline with the latest full date, if it has one."""
    doc = side.doc
    if not doc.readable:
        return None
    # On a page of its own every block counts (a date alone is in neither script); on a
    # bilingual page, only the blocks in this side's language.
    blocks = side.blocks if pair.bilingual else tuple(doc.blocks)
    found: list[_Dateline] = []
    for block in blocks:
        if block.kind not in ("paragraph", "html"):
            continue
        facts = block_facts(ctx, doc, block, reading_lang(block, side.lang))
        dated = len(facts.dates) == 1 and facts.dates[0].year is not None
        if dated and is_dateline(doc, block, facts):
            found.append(_Dateline(block, facts.dates[0]))
    return max(found, key=lambda d: d.day, default=None)
