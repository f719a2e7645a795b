"""Dates written with digits only, the same rules in both languages: ``2025/4/15``,
``2025.4.15``, ``R7.4.15``, ``令和7.4.15``, ``4/15/2025``, ``15.04.2025``, ``4/8(Wed)``,
``4.15（火）``, ``5/11-12``, ``5/11・12``, ``02/03/24 – 02/05/24``.

A date with a year (year first: ``2025/4/15``, ``2025-04-15``, ``2025.4.15``; era
initials: ``R7.4.15``, ``H31.4.30``, ``令7.4.15``; year last in English: ``4/15/2025``,
``4/15/25``, ``15.04.2025``, ``04-15-2025``) is a date wherever it stands.  A bare
month/day (``4/29``) is a date only where a reader takes it for one, since elsewhere
``1/2`` is a fraction and ``3/4`` a page count:

* a weekday is stated with it, before (``Fri. 11/08``) or after (``4/8(Wed)``,
  ``4/9（水）``, and in Japanese ``4.15（火）`` — a dotted month.day needs its weekday);
* it is one end of a range or list of dates (``5/11-12``, ``5/11～5/14``, ``4/30 - 5/6``,
  ``4/8・4/15``), or follows a date (``4/8, 4/9``);
* a word that introduces or follows a date is next to it: ``until``, ``by``, ``from``,
  ``on``, ``starts``, ``as of``, ``updated``, ``deadline``… and ``まで``, ``より``,
  ``から``, ``以降``, ``頃``, ``締切``, ``更新``, ``開催``…; or a time follows it;
* it opens the text and a word follows after a space or a colon (``5/2 Update: …``,
  ``4/9 学生あて``, ``15/03: applications open``), as in a list of notices; or it is
  alone in a table cell.

Japanese writes month/day; English follows ``order``: ``mdy`` (the default, and what
the English pages of Japanese sites write) or ``dmy``.  A two-digit year is 19YY from
70 on, else 20YY.  An impossible date in a date's shape and place (``2/30 (Mon)``,
``2025/13/01``, ``00/15まで``) is an :class:`InvalidDate`, never silently dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from taiyaku.knowledge.facts.calendar import JA_WEEKDAY_CHARS, era_to_year, is_valid_date
from taiyaku.knowledge.facts.model import DateFact, InvalidDate
from taiyaku.model.lang import Lang

__all__ = ["DateOrder", "NumericDates", "era_initial_year", "two_digit_year"]

DateOrder = Literal["mdy", "dmy"]

_EN_WD = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)\.?"
)
_EN_WEEKDAY_INDEX = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_ERAS = {"R": "令和", "H": "平成", "S": "昭和", "令": "令和", "平": "平成", "昭": "昭和"}
_NOT_BEFORE = r"(?<![0-9A-Za-z/.\-:\\])"

# year first: 2025/4/15, 2025-04-15, 2025.4.15; era initials: R7.4.15, 令和7.4.15
_YMD = re.compile(
    r"(?<![0-9A-Za-z/.\-\\])(?:(?P<era>令和|平成|昭和|[RHS令平昭])\.?\s?(?P<eyear>\d{1,2}|元)"
    r"|(?P<year>\d{4}))(?P<sep>[/.\-])(?P<a>\d{1,2})(?P=sep)(?P<b>\d{1,2})"
    r"(?![\d/\-A-Za-z]|\.\d|:\d)"
)
# year last, dotted or hyphenated (English): 15.04.2025, 04-15-2025
_DMY = re.compile(
    _NOT_BEFORE + r"(?P<a>\d{1,2})(?P<sep>[.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d.\-])"
)
# month/day (or day/month), maybe /year: 4/8, 4/15/2025, 02/03/24, 12/31/'99
_MD = re.compile(
    _NOT_BEFORE + r"(?!24/7\b|24/365\b)(?P<a>\d{1,2})/(?P<b>\d{1,2})"
    r"(?:/'?(?P<y>\d{4}|\d{2}))?(?![\d/]|\.\d|,\d)"
)
# month.day, a date only with a weekday after it: 4.15（火）
_MD_DOT = re.compile(_NOT_BEFORE + r"(?P<a>\d{1,2})\.(?P<b>\d{1,2})(?![\d.])")
_RANGE_TO_MD = re.compile(
    r"\s*(?:[~\-–—・、,]|to|through|thru|until|till|and|から|より|と)\s*"
    r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?(?![\d/]|\.\d)",
    re.I,
)
# the same month: 5/11-12, 5/11・12 (not 5/11 - 12:00, not 5/11-12時)
_RANGE_TO_DAY = re.compile(
    r"\s*[~\-–—・、,]\s*(?P<d>\d{1,2})(?![\d/:.]|\s*(?:[:時分]|[ap]\.?m|日間|月))", re.I
)
_JA_WEEKDAY_AFTER = re.compile(
    r"\s*\(\s*(?:([月火水木金土日])(?:曜日?)?|(" + _EN_WD + r"))\s*"
    r"(?:[・,、/]?\s*(?:祝日?|休日?|振休|祭日)\s*)?\)"
    r"|\s?([月火水木金土日])曜日?",
    re.I,
)
_EN_WEEKDAY_AFTER = re.compile(r"\s*\(\s*(" + _EN_WD + r")\s*\)|,?\s+(" + _EN_WD + r")\b", re.I)
_EN_WEEKDAY_BEFORE = re.compile(r"\b(" + _EN_WD + r")\s*,?\s*$", re.I)

_CUE_BEFORE = {
    "en": re.compile(
        r"(?:\b(?:on|until|till|thru|through|by|from|since|before|after|due|deadline"
        r"|starting|starts?|started|begins?|began|ends?|ending|effective|as\s+of|updated?"
        r"|closed|opens?|held|dates?|expires?|valid\s+until|posted|published|revised)"
        r"|[~\-–—])\s*[:(]?\s*$",
        re.I,
    ),
    "ja": re.compile(
        r"(?:締切|締め切り|期限|期日|日時|日程|開催日|更新日?|掲載日?|公開日?|～|~)[:：は]?\s*$"
    ),
}
_CUE_AFTER = {
    "en": re.compile(
        r"\s*(?:~|\(?\s*(?:update[ds]?|deadline|due|notice|announcement|onwards?)\b"
        r"|,?\s*\d{1,2}:\d{2}|\s+\d{1,2}\s*[ap]\.?m\b|\s*(?:,|and)\s*\d{1,2}/\d{1,2})",
        re.I,
    ),
    "ja": re.compile(
        r"(?:\*\*)?\s*(?:[~\-–—]|より|から|まで|以降|以前|迄|頃|ごろ|付|締切|締め切り|〆切|必着"
        r"|消印|時点|当日|更新|掲載|公開|開催|実施|予定|発表|受付"
        r"|の(?:翌日|前日|早朝|朝|夜|午前|午後|正午|週)|\d{1,2}:\d{2}|[・、,]\s*\d{1,2}/\d{1,2})"
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
        self._spans: list[tuple[int, int]] = []

    def run(self) -> list[DateFact | InvalidDate]:
        for m in _YMD.finditer(self.masked):
            if self._open(m.start(), m.end()):
                self._year_first(m)
        if self.lang == "en":
            for m in _DMY.finditer(self.masked):
                if self._open(m.start(), m.end()):
                    found = self._read(m.group("a"), m.group("b"), m.group("y"), m.start(), m.end())
                    self._add(found)
        for m in _MD.finditer(self.masked):
            if self._open(m.start(), m.end()):
                self._month_day(m)
        for m in _MD_DOT.finditer(self.masked) if self.lang == "ja" else ():
            if self._open(m.start(), m.end()) and self._weekday_after(m.end()) is not None:
                self._add(self._read(m.group("a"), m.group("b"), None, m.start(), m.end()))
        self.found.sort(key=lambda f: f.start_offset)
        return self.found

    def _open(self, start: int, end: int) -> bool:
        """Not within a date found already, nor within what the caller took."""
        if not self.free(start, end):
            return False
        return not any(s < end and start < e for s, e in self._spans)

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
        dated = m.group("y") is not None
        end = self._end_with_weekday(first.end)
        others = self._continuation(first, end)
        if not (dated or others or self._cued(m.start(), m.end())):
            return
        self._add(first)
        for other in others:
            self._add(other)

    def _read(self, a: str, b: str, y: str | None, start: int, end: int) -> _Found:
        first, second = int(a), int(b)
        month, day = (first, second) if self.order == "mdy" else (second, first)
        year = None if y is None else (two_digit_year(int(y)) if len(y) == 2 else int(y))
        return _Found(start, end, year, month, day)

    def _continuation(self, first: _Found, end: int) -> list[_Found]:
        """The other dates of ``5/11-12``, ``5/11～5/14``, ``5/11（火）・12（水）``."""
        found: list[_Found] = []
        previous = first
        while True:
            m = _RANGE_TO_MD.match(self.masked, end)
            if m is not None:
                a, b, y = m.group("a"), m.group("b"), m.group("y")
                second = self._read(a, b, y, m.start("a"), m.end())
                year = second.year if second.year is not None else previous.year
                nxt = _Found(second.start, second.end, year, second.month, second.day)
            else:
                m = _RANGE_TO_DAY.match(self.masked, end)
                if m is None or int(m.group("d")) <= previous.day:
                    return found
                day = int(m.group("d"))
                nxt = _Found(m.start("d"), m.end("d"), previous.year, previous.month, day)
            found.append(nxt)
            previous = nxt
            end = self._end_with_weekday(nxt.end)

    def _end_with_weekday(self, end: int) -> int:
        after = self._weekday_after(end)
        return after[1] if after is not None else end

    def _cued(self, start: int, end: int) -> bool:
        before = self.masked[max(0, start - 30) : start]
        if self._weekday_before(start) is not None or self._weekday_after(end) is not None:
            return True
        if _CUE_BEFORE[self.lang].search(before) or _CUE_AFTER[self.lang].match(self.masked, end):
            return True
        previous = max((e for _, e in self._spans if e <= start), default=-1)
        if previous >= 0 and _AFTER_A_DATE.fullmatch(self.masked, previous, start):
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
            if m.group(2):
                return _EN_WEEKDAY_INDEX[m.group(2)[:3].lower()], m.end()
            return JA_WEEKDAY_CHARS.index(m.group(1) or m.group(3)), m.end()
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
        if not is_valid_date(f.year, f.month, f.day):
            quote = self.text[f.start : f.end]  # the date as written, without its weekday
            self.found.append(InvalidDate(f.start, f.end, quote, _why_invalid(f)))
            self._taken(f.start, self._end_with_weekday(f.end))
            return
        start, end, weekday = f.start, f.end, None
        after = self._weekday_after(end)
        before = self._weekday_before(start)
        if after is not None:
            weekday, end = after
        elif before is not None:
            weekday, start = before
        self._taken(start, end)
        quote = self.text[start:end]
        self.found.append(DateFact(f.year, f.month, f.day, weekday, start, end, quote))

    def _taken(self, start: int, end: int) -> None:
        self._spans.append((start, end))


def era_initial_year(initial: str, year: str) -> int | None:
    """An era's initial or name (``R``, ``令``, ``令和``) and a year in it (``元`` is 1)."""
    era = _ERAS.get(initial.upper(), initial)
    return era_to_year(era, 1 if year == "元" else int(year))


def two_digit_year(year: int) -> int:
    """``25`` → 2025, ``99`` → 1999 (from 70 on, the last century)."""
    return year + (1900 if year >= 70 else 2000)


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
