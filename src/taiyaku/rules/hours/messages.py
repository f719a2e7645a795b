"""How the TM rules word their messages: quotes, readings, the other side's name."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from taiyaku.knowledge.facts import DateFact, PeriodFact, TimeFact
from taiyaku.knowledge.facts.calendar import WEEKDAY_ABBR
from taiyaku.model.diagnostics import Related
from taiyaku.model.lang import LANG_LABEL, LANG_NAME, Lang

if TYPE_CHECKING:
    from taiyaku.rules.context import Context, Pair
    from taiyaku.rules.hours.located import SectionFacts


def quoted(text: str) -> str:
    """Source text in double quotes, on one line."""
    return '"' + " ".join(text.split()) + '"'


def period_reading(fact: PeriodFact) -> str:
    """``"4月上旬" (early April)``."""
    return _with_reading(fact.quote, fact.reading())


def fact_reading(fact: TimeFact | DateFact | PeriodFact) -> str:
    """The reading of any compared fact."""
    if isinstance(fact, TimeFact):
        return time_reading(fact)
    if isinstance(fact, DateFact):
        return date_reading(fact)
    return period_reading(fact)


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
