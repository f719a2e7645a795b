"""Attach day qualifiers (平日, on weekends or holidays) to the times they govern.

Both extractors produce time drafts and qualifiers with their offsets; this module
decides which qualifier belongs to which time.  A qualifier governs a time only when
the text between them is *glue* (spaces, particles such as は/の, "on", "from"); so
``平日は9時から17時まで受け付けますが，メールは24時間`` does not make the e-mail
hours weekday-only.

A qualifier can govern the time after it (``平日は9時から``, ``on weekdays from 9am``)
or the time before it (``9am-5pm on weekdays``; in Japanese only in parentheses,
``9時～17時（土日祝日を除く）``).  When it is glued to a time on both sides, the side
without a comma wins; otherwise English prefers the time before the qualifier and
Japanese the time after it.

A time with no qualifier of its own then inherits the days of a neighbouring time
joined to it by a list connector (``平日の9:00～12:00と13:00～17:00``,
``9:00-12:00 and 13:00-17:00 on weekdays``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from taiyaku.knowledge.facts.model import DateFact, DaySet, Fact, InvalidTime, TimeFact
from taiyaku.model.lang import Lang
from taiyaku.model.records import quick_init

__all__ = ["Qualifier", "attach_days", "facts_in_order"]


@dataclass(frozen=True)
class Qualifier:
    """A day qualifier found in the text."""

    days: DaySet
    start_offset: int
    end_offset: int
    parenthesized: bool = False
    # says only which days are left out: （祝日を除く）, (except holidays); it narrows
    # the days a time already has instead of being ignored
    exclusion: bool = False


@quick_init
@dataclass(frozen=True)
class _Item:
    start: int
    end: int
    index: int  # index into facts, or -1 for a qualifier or a blocker
    qualifier: Qualifier | None = None


_GLUE = {
    "ja": {
        "preceding": re.compile(r"^[\s,:、]*(?:(?:では|には|は|の|も|に|で)[\s,:、]*)?$"),
        "following": re.compile(r"^\s*$"),
        "list": re.compile(r"^[\s,、・/]*(?:(?:と|および|及び|や|また)[\s,、]*)?$"),
    },
    "en": {
        "preceding": re.compile(r"^[\s,:]*(?:(?:from|between|at|starting)\s+)?$", re.I),
        "following": re.compile(r"^[\s,(]*(?:(?:on|during|every|each)\s+)?\(?$", re.I),
        "list": re.compile(r"^[\s,/]*(?:(?:and|or|&)[\s,]+)?(?:(?:from|between)\s+)?$", re.I),
    },
}


def facts_in_order(
    text: str,
    times: list[TimeFact],
    qualifiers: list[Qualifier],
    others: list[DateFact | InvalidTime],
    lang: Lang,
) -> list[Fact]:
    """An extractor's result: times with their day qualifiers attached (never across a
    date or an invalid time), then everything in text order."""
    if not times and not others:  # (qualifiers alone state nothing: most texts)
        return []
    blockers = [(f.start_offset, f.end_offset) for f in others]
    facts: list[Fact] = [*attach_days(text, times, qualifiers, blockers, lang), *others]
    facts.sort(key=lambda f: (f.start_offset, f.end_offset))
    return _range_years(text, _open_hours(text, facts, lang))


# Hours with a break: 9:00～17:00（12:00～13:00を除く）, 9:00-17:00 (closed 12:00-13:00).
_BREAK_BEFORE = {
    "ja": re.compile(r"\s?[（(]\s?(?:昼休み|昼休憩|休憩|お昼休み|昼食休憩)?\s?[:：]?\s?"),
    "en": re.compile(
        r"\s*(?:,|\()\s*(?:closed(?:\s+for\s+lunch)?|except|excluding|not\s+including"
        r"|(?:lunch\s+)?break)\s*:?\s*",
        re.I,
    ),
}
_BREAK_WORD = re.compile(r"昼休み|昼休憩|休憩|昼食")
_BREAK_AFTER = {
    "ja": re.compile(r"\s?(?:を除く|除く|は除きます|は休み|は休憩)?\s?[）)]"),
    "en": re.compile(r"\s*\)?"),
}
_EXCEPT_AFTER = re.compile(r"\s?(?:を除く|除く|は除きます|は休み|は休憩)")


def _open_hours(text: str, facts: list[Fact], lang: Lang) -> list[Fact]:
    """A range followed by a break inside it is the two ranges open: ``9:00～17:00（12:00～
    13:00を除く）`` is 9:00–12:00 and 13:00–17:00, the days of the range for both."""
    result: list[Fact] = []
    index = 0
    while index < len(facts):
        fact = facts[index]
        pause = facts[index + 1] if index + 1 < len(facts) else None
        if isinstance(fact, TimeFact) and isinstance(pause, TimeFact):
            end = _break_end(text, fact, pause, lang)
            if end is not None:
                quote = text[fact.start_offset : end]
                for start, stop in ((fact.start, pause.start), (pause.end, fact.end)):
                    result.append(replace(fact, start=start, end=stop, end_offset=end, quote=quote))
                index += 2
                continue
        result.append(fact)
        index += 1
    return result


def _break_end(text: str, hours: TimeFact, pause: TimeFact, lang: Lang) -> int | None:
    """Where the break's text ends, if ``pause`` is a break inside ``hours``."""
    if hours.kind != "range" or pause.kind != "range" or pause.days not in (None, hours.days):
        return None
    assert hours.start is not None and hours.end is not None
    assert pause.start is not None and pause.end is not None
    if not hours.start < pause.start < pause.end < hours.end:
        return None
    before = _BREAK_BEFORE[lang].fullmatch(text, hours.end_offset, pause.start_offset)
    after = _BREAK_AFTER[lang].match(text, pause.end_offset)
    if before is None or after is None:
        return None
    if lang == "ja":
        named = _BREAK_WORD.search(before.group()) or _EXCEPT_AFTER.match(text, pause.end_offset)
        if not named:
            return None  # 9時～17時（10時～11時）: a range in brackets, not a break
    return after.end()


# What joins the two ends of a range of dates: March 30 – April 2, 2025; 12月28日～1月5日.
_DATE_RANGE_GAP = re.compile(r"\s*(?:[~～〜\-–—－]|to|through|thru|until|till|から|より)\s*", re.I)


def _range_years(text: str, facts: list[Fact]) -> list[Fact]:
    """The ends of a range of dates share the year one of them states: ``March 30 –
    April 2, 2025`` is 2025-03-30 to 2025-04-02; ``12月28日～2025年1月5日`` starts in 2024;
    ``from 8:30 a.m. on February 24, 2026 to 4 p.m. on February 25`` ends in 2026."""
    indices = [i for i, f in enumerate(facts) if isinstance(f, DateFact)]
    pairs = list(itertools.pairwise(indices))
    result = list(facts)
    for i, j in reversed(pairs):  # backward: a start takes its end's year
        first, second = result[i], result[j]
        assert isinstance(first, DateFact) and isinstance(second, DateFact)
        joined = _DATE_RANGE_GAP.fullmatch(text, first.end_offset, second.start_offset)
        if first.year is None and second.year is not None and joined:
            earlier = (first.month, first.day) > (second.month, second.day)
            result[i] = replace(first, year=second.year - earlier, year_source=_END)
    for i, j in pairs:  # forward: an end takes its start's year
        first, second = result[i], result[j]
        assert isinstance(first, DateFact) and isinstance(second, DateFact)
        if first.year is not None and second.year is None:
            gap = text[first.end_offset : second.start_offset]
            if len(gap) <= 60 and _RANGE_WORD.search(gap):
                earlier = (first.month, first.day) > (second.month, second.day)
                result[j] = replace(second, year=first.year + earlier, year_source=_START)
    return result


_END = "the range's end"
_START = "the range's start"
_RANGE_WORD = re.compile(r"\b(?:to|through|thru|until|till)\b|[~～〜\-–—]|から|より", re.I)


def attach_days(
    text: str,
    facts: list[TimeFact],
    qualifiers: list[Qualifier],
    blockers: list[tuple[int, int]],
    lang: Lang,
) -> list[TimeFact]:
    """Return ``facts`` with ``days`` set from the qualifiers that govern them.

    ``blockers`` are spans of other facts (dates, invalid times): a qualifier never
    reaches across them.
    """
    items = _items(facts, qualifiers, blockers)
    days: list[DaySet | None] = [f.days for f in facts]
    glue = _GLUE[lang]
    _attach_direct(text, items, days, glue, lang)
    _inherit(text, items, days, glue["list"], lang)
    return [f if d is f.days else replace(f, days=d) for f, d in zip(facts, days, strict=True)]


def _items(
    facts: list[TimeFact], qualifiers: list[Qualifier], blockers: list[tuple[int, int]]
) -> list[_Item]:
    items = [_Item(f.start_offset, f.end_offset, i) for i, f in enumerate(facts)]
    items += [_Item(q.start_offset, q.end_offset, -1, q) for q in qualifiers]
    items += [_Item(s, e, -1) for s, e in blockers]
    items.sort(key=lambda it: (it.start, it.end))
    return items


def _attach_direct(
    text: str,
    items: list[_Item],
    days: list[DaySet | None],
    glue: dict[str, re.Pattern[str]],
    lang: Lang,
) -> None:
    """Give each qualifier to the time next to it.

    A qualifier glued to a time on both sides goes to the side without a comma in
    between (``9am-5pm on weekdays, 10am-4pm on weekends``; ``on weekdays 9am-5pm,
    on weekends 10am-4pm``), else to the language's usual side.
    """
    for pos, item in enumerate(items):
        q = item.qualifier
        if q is None:
            continue
        narrowed = _narrow(text, items, days, pos, glue["following"])
        if narrowed is not None:
            index, combined = narrowed
            days[index] = combined
            continue
        before = _neighbour(text, items, days, pos, -1)
        after = _neighbour(text, items, days, pos, 1)
        if before is not None and not glue["following"].match(before[1]):
            before = None
        if before is not None and lang == "ja" and not q.parenthesized:
            before = None
        if after is not None and not glue["preceding"].match(after[1]):
            after = None
        chosen = _choose(before, after, lang)
        if chosen is not None:
            days[chosen] = q.days


def _narrow(
    text: str,
    items: list[_Item],
    days: list[DaySet | None],
    pos: int,
    following: re.Pattern[str],
) -> tuple[int, DaySet] | None:
    """An exclusion in brackets right after a time that has days already:
    ``平日9時～17時（祝日を除く）`` is 9:00–17:00 on weekdays except holidays."""
    q = items[pos].qualifier
    if q is None or not (q.parenthesized and q.exclusion) or pos == 0:
        return None
    index = items[pos - 1].index
    current = days[index] if index >= 0 else None
    if current is None or not following.match(_gap(text, items[pos], items[pos - 1])):
        return None
    return index, current.within(q.days)


def _neighbour(
    text: str, items: list[_Item], days: list[DaySet | None], pos: int, step: int
) -> tuple[int, str] | None:
    """The fact next to items[pos] in direction ``step`` without days yet, and the gap."""
    other = pos + step
    if not 0 <= other < len(items):
        return None
    index = items[other].index
    if index < 0 or days[index] is not None:
        return None
    return index, _gap(text, items[pos], items[other])


def _choose(
    before: tuple[int, str] | None, after: tuple[int, str] | None, lang: Lang
) -> int | None:
    if before is None or after is None:
        chosen = before or after
        return chosen[0] if chosen else None
    before_loose, after_loose = _COMMA.search(before[1]), _COMMA.search(after[1])
    if before_loose and not after_loose:
        return after[0]
    if after_loose and not before_loose:
        return before[0]
    return before[0] if lang == "en" else after[0]


_COMMA = re.compile(r"[,、;]")


def _inherit(
    text: str,
    items: list[_Item],
    days: list[DaySet | None],
    list_glue: re.Pattern[str],
    lang: Lang,
) -> None:
    """Let times joined by a list connector share days, in one pass each way."""
    forward = list(range(1, len(items)))
    backward = list(range(len(items) - 2, -1, -1))
    passes = ((forward, -1), (backward, 1)) if lang == "ja" else ((backward, 1), (forward, -1))
    for order, step in passes:
        for pos in order:
            item, other = items[pos], items[pos + step]
            if item.index < 0 or other.index < 0 or days[item.index] is not None:
                continue
            source = days[other.index]
            if source is not None and list_glue.match(_gap(text, item, other)):
                days[item.index] = source


def _gap(text: str, a: _Item, b: _Item) -> str:
    first, second = (a, b) if a.start <= b.start else (b, a)
    return text[first.end : second.start]
