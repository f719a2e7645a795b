"""Dates written with digits only: ``2025/4/15``, ``2025.4.15``, ``R7.4.15``, ``4/15/2025``,
``4/8(Wed)``, ``5/11-12``, ``02/03/24 – 02/05/24``; the same rules in both languages.

A date with a year (``2025/4/15``, ``2025-04-15``, ``2025.4.15``, era initials such as
``R7.4.15`` or ``H31.4.30``, and ``4/15/2025`` or ``4/15/25`` in English) is a date
wherever it stands.  A bare month/day (``4/29``) is a date only where a reader takes it
for one, since elsewhere ``1/2`` is a fraction and ``3/4`` a page count:

* a weekday is stated with it, before (``Fri. 11/08``) or after (``4/8(Wed)``, ``4/9（水）``);
* it is one end of a range of dates (``5/11-12``, ``5/11～5/14``, ``4/30 - 5/6``) or
  follows a date (``4/8, 4/9``);
* a word that introduces or follows a date is next to it: ``until``, ``by``, ``from``,
  ``on``, ``as of``, ``updated``, ``deadline``… and ``まで``, ``より``, ``から``, ``以降``,
  ``頃``, ``締切``, ``更新``, ``開催``…; or a time follows it (``4/8 10:00``);
* it opens the text and a word follows after a space (``5/2 Update: …``,
  ``4/9 学生あて``), as in a list of notices; or it is alone in a table cell.

Japanese writes month/day; English follows ``order``: ``mdy`` (the default, and what
the English pages of Japanese sites write) or ``dmy``.  Two-digit years are 20YY.

An impossible date in a date's shape and place (``2/30 (Mon)``, ``2025/13/01``, ``00/15
まで``) is an :class:`InvalidDate`, never silently dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from taiyaku.knowledge.facts.calendar import JA_WEEKDAY_CHARS, era_to_year, is_valid_date
from taiyaku.knowledge.facts.model import DateFact, InvalidDate
from taiyaku.model.lang import Lang

__all__ = ["DateOrder", "NumericDates", "era_initial_year"]

DateOrder = Literal["mdy", "dmy"]

_EN_WD = (
    r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\.?"
    r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
_EN_WEEKDAY_INDEX = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_ERA_INITIALS = {"R": "令和", "H": "平成", "S": "昭和"}

# year first: 2025/4/15, 2025-04-15, 2025.4.15; era initials: R7.4.15, H31/4/30
_YMD = re.compile(
    r"(?<![0-9A-Za-z/.\-:])(?:(?P<era>[RHS])\.?\s?(?P<eyear>\d{1,2}|元)|(?P<year>\d{4}))"
    r"(?P<sep>[/.\-])(?P<a>\d{1,2})(?P=sep)(?P<b>\d{1,2})(?![\d/\-A-Za-z]|\.\d|:\d)"
)
# month/day (or day/month), maybe /year: 4/8, 4/15/2025, 02/03/24
_MD = re.compile(
    r"(?<![0-9A-Za-z/.\-:\\])(?!24/7\b|24/365\b)(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?(?![\d/]|\.\d|,\d)"
)
_RANGE_TO_MD = re.compile(
    r"\s*(?:[~\-–—]|to|through|thru|until|till|から|より)\s*"
    r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?(?![\d/]|\.\d)",
    re.I,
)
_RANGE_TO_DAY = re.compile(r"\s*[~\-–—]\s*(?P<d>\d{1,2})(?![\d/:.]|\s*(?:[:時]|[ap]\.?m))", re.I)
_JA_WEEKDAY_AFTER = re.compile(
    r"\s*\(\s*([月火水木金土日])(?:曜日?)?\s*(?:[・,、/]\s*(?:祝日?|休日?|振休|祭日)\s*)?\)"
    r"|([月火水木金土日])曜日?"
)
_EN_WEEKDAY_AFTER = re.compile(r"\s*\(\s*(" + _EN_WD + r")\s*\)|,?\s+(" + _EN_WD + r")\b", re.I)
_EN_WEEKDAY_BEFORE = re.compile(r"\b(" + _EN_WD + r")\s*,?\s*$", re.I)

_CUE_BEFORE = {
    "en": re.compile(
        r"(?:\b(?:on|until|till|thru|through|by|from|since|before|after|due|deadline|starting"
        r"|start|begins?|ends?|ending|effective|as\s+of|updated?|closed|opens?|held|dates?"
        r"|expires?|valid\s+until|posted|published|revised)|[~\-–—])\s*[:(]?\s*$",
        re.I,
    ),
    "ja": re.compile(
        r"(?:締切|締め切り|期限|期日|日時|日程|開催日|更新日?|掲載日?|公開日?|～|~)[:：は]?\s*$"
    ),
}
_CUE_AFTER = {
    "en": re.compile(
        r"\s*(?:~|\(?\s*(?:update[ds]?|deadline|due|notice|announcement|onwards?)\b"
        r"|,?\s*\d{1,2}:\d{2}|\s+\d{1,2}\s*[ap]\.?m\b)",
        re.I,
    ),
    "ja": re.compile(
        r"(?:\*\*)?\s*(?:[~\-–—]|より|から|まで|以降|以前|迄|頃|ごろ|付|締切|締め切り|〆切|必着|消印|時点|当日"
        r"|更新|掲載|公開|開催|実施|予定|発表|受付|の(?:翌日|前日|早朝|朝|夜|午前|午後|正午|週)"
        r"|\d{1,2}:\d{2})"
    ),
}
_AFTER_A_DATE = re.compile(r"\s*(?:[,、・]|and|と)?\s*")
_OPENING = re.compile(r"\s*(?:[-*+•・]\s*)?(?:\*\*)?\s*$")
# after an opening M/D: a word (in English a capitalised one: "5/2 Update", not "1/2 cup"),
# or a colon and a word ("15/03: applications open")
_WORD_AFTER = {
    "ja": re.compile(r"(?:\*\*)?(?:[ \t]+(?:\*\*)?[^\s\d]|\s*[:：]\s*\S)"),
    "en": re.compile(r"(?:\*\*)?(?:[ \t]+(?:\*\*)?[A-Z]|\s*:\s*[A-Za-z])"),
}
_CELL_REST = re.compile(r"[\s*_|]+")
_PIPE_BEFORE = re.compile(r"\|\s*(?:\*\*)?\s*$")
_PIPE_AFTER = re.compile(r"(?:\*\*)?\s*\|")


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    year: int | None
    month: int
    day: int


class NumericDates:
    """Finds the numeric dates of one text (folded, with URLs and code masked)."""

    def __init__(
        self,
        masked: str,
        text: str,
        lang: Lang,
        *,
        order: DateOrder = "mdy",
        cell: bool = False,
        free: Callable[[int, int], bool] | None = None,
    ) -> None:
        self.masked = masked
        self.text = text
        self.lang = lang
        self.order: DateOrder = "mdy" if lang == "ja" else order
        self.cell = cell
        self.free = free or (lambda _s, _e: True)
        self.found: list[DateFact | InvalidDate] = []
        self._last_end = -10

    def run(self) -> list[DateFact | InvalidDate]:
        for m in _YMD.finditer(self.masked):
            if self.free(m.start(), m.end()):
                self._year_first(m)
        for m in _MD.finditer(self.masked):
            if m.start() < self._last_end or not self.free(m.start(), m.end()):
                continue
            if any(f.start_offset <= m.start() < f.end_offset for f in self.found):
                continue
            self._month_day(m)
        self.found.sort(key=lambda f: f.start_offset)
        return self.found

    # -- year first ------------------------------------------------------------------
    def _year_first(self, m: re.Match[str]) -> None:
        if m.group("era"):
            year = era_initial_year(m.group("era"), m.group("eyear"))
            if year is None:
                return
        else:
            year = int(m.group("year"))
            if not 1900 <= year <= 2100:
                return
            if m.group("sep") == "." and self.lang == "en" and _looks_like_version(self.masked, m):
                return
        month, day = int(m.group("a")), int(m.group("b"))
        self._add(_Found(m.start(), m.end(), year, month, day))

    # -- month and day -----------------------------------------------------------------
    def _month_day(self, m: re.Match[str]) -> None:
        first = self._read(m.group("a"), m.group("b"), m.group("y"), m.start(), m.end())
        after = self._range_after(first)
        dated = m.group("y") is not None
        if not (dated or after or self._cued(m.start(), m.end())):
            return
        self._add(first)
        if after is not None:
            self._add(after)

    def _read(self, a: str, b: str, y: str | None, start: int, end: int) -> _Found:
        first, second = int(a), int(b)
        month, day = (first, second) if self.order == "mdy" else (second, first)
        year = None
        if y is not None:
            year = int(y) + (2000 if len(y) == 2 else 0)
        return _Found(start, end, year, month, day)

    def _range_after(self, first: _Found) -> _Found | None:
        """The other end of ``5/11-12``, ``5/11～5/14``, ``02/03/24 – 02/05/24``."""
        m = _RANGE_TO_MD.match(self.masked, first.end)
        if m is not None:
            second = self._read(m.group("a"), m.group("b"), m.group("y"), m.start("a"), m.end())
            year = second.year if second.year is not None else first.year
            return _Found(second.start, second.end, year, second.month, second.day)
        m = _RANGE_TO_DAY.match(self.masked, first.end)
        if m is not None and int(m.group("d")) > first.day:
            return _Found(m.start("d"), m.end("d"), first.year, first.month, int(m.group("d")))
        return None

    def _cued(self, start: int, end: int) -> bool:
        before = self.masked[max(0, start - 30) : start]
        if self._weekday_before(start) is not None or self._weekday_after(end) is not None:
            return True
        if _CUE_BEFORE[self.lang].search(before) or _CUE_AFTER[self.lang].match(self.masked, end):
            return True
        if self._last_end >= 0 and _AFTER_A_DATE.fullmatch(self.masked, self._last_end, start):
            return True  # 4/8, 4/9: after a date
        opening = _OPENING.fullmatch(self.masked, 0, start)
        if opening and _WORD_AFTER[self.lang].match(self.masked, end):
            return True  # 5/2 Update: …, 4/9 学生あて (a list of notices)
        if _PIPE_BEFORE.search(before) and _PIPE_AFTER.match(self.masked, end):
            return True  # alone between the pipes of a Markdown table row
        return self.cell and not _CELL_REST.sub("", self.masked[:start] + self.masked[end:])

    # -- weekdays ------------------------------------------------------------------
    def _weekday_after(self, end: int) -> tuple[int, int] | None:
        if self.lang == "ja":
            m = _JA_WEEKDAY_AFTER.match(self.masked, end)
            if m is None:
                return None
            return JA_WEEKDAY_CHARS.index(m.group(1) or m.group(2)), m.end()
        m = _EN_WEEKDAY_AFTER.match(self.masked, end)
        if m is None:
            return None
        return _EN_WEEKDAY_INDEX[(m.group(1) or m.group(2))[:3].lower()], m.end()

    def _weekday_before(self, start: int) -> tuple[int, int] | None:
        """``Fri. 11/08``: the weekday and where it starts."""
        if self.lang == "ja":
            return None
        m = _EN_WEEKDAY_BEFORE.search(self.masked, max(0, start - 16), start)
        if m is None:
            return None
        return _EN_WEEKDAY_INDEX[m.group(1)[:3].lower()], m.start()

    # -- results -------------------------------------------------------------------
    def _add(self, f: _Found) -> None:
        start, end, weekday = f.start, f.end, None
        after = self._weekday_after(end)
        before = self._weekday_before(start)
        if after is not None:
            weekday, end = after
        elif before is not None:
            weekday, start = before
        self._last_end = end
        quote = self.text[start:end]
        if not is_valid_date(f.year, f.month, f.day):
            self.found.append(InvalidDate(start, end, quote, _why_invalid(f)))
            return
        self.found.append(DateFact(f.year, f.month, f.day, weekday, start, end, quote))


def era_initial_year(initial: str, year: str) -> int | None:
    """``R``/``H``/``S`` and a year in that era (``元`` is 1) to the Gregorian year."""
    era = _ERA_INITIALS.get(initial.upper())
    if era is None:
        return None
    return era_to_year(era, 1 if year == "元" else int(year))


def _looks_like_version(masked: str, m: re.Match[str]) -> bool:
    """``Python 2025.4.15``-like build numbers: a name or ``v`` right before."""
    return bool(re.search(r"(?:\bv|[A-Za-z]\s)$", masked[max(0, m.start() - 2) : m.start()]))


def _why_invalid(f: _Found) -> str:
    if not 1 <= f.month <= 12:
        return f"month {f.month} does not exist"
    if f.day < 1:
        return f"day {f.day} does not exist"
    if f.year is not None and f.month == 2 and f.day == 29:
        return f"{f.year} is not a leap year"
    return f"month {f.month} has no day {f.day}"
