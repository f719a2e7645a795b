"""Attach day qualifiers (平日, on weekends or holidays) to the times they govern.

Both extractors produce time drafts and qualifiers with their offsets; this module
decides which qualifier belongs to which time.  A qualifier governs a time only when
the text between them is *glue* (spaces, particles such as は/の, "on", "from"); so
``平日は9時から17時まで受け付けますが，メールは24時間`` does not make the e-mail
hours weekday-only.

Order of preference:

* English: the qualifier that follows the time (``9am-5pm on weekdays``), then one that
  precedes it (``on weekdays from 9am to 5pm``);
* Japanese: the qualifier that precedes the time (``平日は9時から``), then one that
  follows it in parentheses (``9時～17時（土日祝日を除く）``).

A time with no qualifier of its own then inherits the days of a neighbouring time
joined to it by a list connector (``平日の9:00～12:00と13:00～17:00``,
``9:00-12:00 and 13:00-17:00 on weekdays``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from taiyaku.facts.model import DaySet, TimeFact

__all__ = ["Qualifier", "attach_days"]

Lang = Literal["ja", "en"]


@dataclass(frozen=True)
class Qualifier:
    """A day qualifier found in the text."""

    days: DaySet
    start_offset: int
    end_offset: int
    parenthesized: bool = False


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
        "list": re.compile(r"^[\s,;/]*(?:(?:and|or|&)[\s,]+)?(?:(?:from|between)\s+)?$", re.I),
    },
}


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
    directions = ("following", "preceding") if lang == "en" else ("preceding", "following")
    used: set[int] = set()  # positions of qualifiers already governing a time
    for direction in directions:
        for pos, item in enumerate(items):
            if item.index < 0 or days[item.index] is not None:
                continue
            qpos = pos + 1 if direction == "following" else pos - 1
            if not 0 <= qpos < len(items) or qpos in used:
                continue
            q = items[qpos].qualifier
            if q is None:
                continue
            if direction == "following" and lang == "ja" and not q.parenthesized:
                continue
            gap = _gap(text, item, items[qpos])
            if glue[direction].match(gap):
                days[item.index] = q.days
                used.add(qpos)


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
