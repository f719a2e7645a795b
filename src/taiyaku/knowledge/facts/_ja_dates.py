"""Japanese dates and parts of months written with 年/月/日: read from the folded text.

* a date is ``[年] 月 日`` with numerals in any script (``2025年4月8日``, ``２０２５年４月８日``,
  ``二〇二五年四月八日``, ``令和7年4月8日``, ``令和元年5月1日``), spaces allowed between
  numerals and counters (``2025 年 4 月 8 日``), the other calendar's year in brackets
  (``令和7年（2025年）``, ``2025年（令和7年）``, ``令和7（2025）年``), ``同年``/``同月`` for
  the year or month of the date before, and a weekday after (``（火）``, ``（火曜日）``,
  `` 火曜日``, ``（木祝）``, ``（Tue）``);
* more days follow a date after a range or list mark: ``5月11日～12日``, ``5月11日から
  12日``, ``4月8日、15日、22日``, ``3月30日～4月2日``, ``1月20-31日``; and a day after a
  range mark later in the same text takes the month of the date before
  (``2月24日（火）午前8時30分～25日（水）午後4時``);
* a part of a month: ``4月上旬``, ``中旬``, ``下旬``, ``初旬``, ``初め``, ``末``
  (``4月上旬～中旬`` is two); ``4月末日`` is the month's last day;
* a fiscal year: ``2025年度``, ``令和7年度``, ``令和元年度`` (``2025年度（令和7年度）`` is one).

A day that no month has (``2月30日``, ``2025年2月29日``, ``13月1日``) is an
:class:`InvalidDate`.  ``毎月15日``, ``15日以内``, ``3日間`` name no date: a date needs
its month.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from taiyaku.knowledge.facts._text import parse_numeral
from taiyaku.knowledge.facts.calendar import JA_WEEKDAY_CHARS, era_to_year, is_valid_date
from taiyaku.knowledge.facts.model import DateFact, InvalidDate, PeriodFact, PeriodPart

__all__ = ["JaDates"]

_N = "[0-9〇零一二三四五六七八九十]"
_ERA = "令和|平成|昭和"
_YEAR = (
    rf"(?:(?P<era>{_ERA})\s?(?P<eyear>{_N}{{1,3}}|元)\s?(?:[（(]\s?\d{{4}}\s?[）)]\s?)?年"
    rf"|(?P<year>\d{{4}}|[〇零一二三四五六七八九]{{4}})\s?年|(?P<same_year>同年))"
    rf"(?:\s?[（(]\s?(?:{_ERA})?\s?(?:{_N}{{1,4}}|元)\s?年?\s?[）)])?"
)
# What every match of _DATE, _PERIOD and _FISCAL starts with (a numeral, an era, 同年 or
# 同月): a lookahead on it, so that their alternations are tried only where one can start.
_STARTS = rf"(?=[\d〇零一二三四五六七八九十同{''.join(era[0] for era in _ERA.split('|'))}])"
_DATE = re.compile(
    rf"{_STARTS}(?<!{_N})(?:{_YEAR}\s?)?(?:(?P<month>{_N}{{1,3}})\s?月|(?P<same_month>同月))\s?"
    rf"(?P<day>{_N}{{1,3}})\s?(?:(?P<dash>[-–~～])\s?(?P<day2>{_N}{{1,3}})\s?)?日"
    r"(?!間|程度|以内|ぶり|目|本|分|ほど)"
)
# a further day (and maybe month, year) after a joiner: ～12日, から4月2日, 、15日
_MORE = re.compile(
    rf"\s?(?:[～~\-–—・、,]|から|より|及び|および|と)\s?"
    rf"(?:(?:(?P<year>\d{{4}})\s?年\s?|(?P<same_year>同年)\s?)?"
    rf"(?:(?P<month>{_N}{{1,3}})\s?月|(?P<same_month>同月))\s?)?"
    rf"(?P<day>{_N}{{1,3}})\s?日(?!間|程度|以内|目|本|分|ほど)"
)
# a day alone after a range mark, later in the text: ～25日（水）
_LATER_DAY = re.compile(rf"[～~\-–—]\s?(?P<day>{_N}{{1,3}})\s?日(?!間|程度|以内|目|本|分)")
_WEEKDAY = re.compile(
    r"\s?[（(]\s?(?:([月火水木金土日])(?:曜日?)?|(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)"
    r"\s?(?:[・,、/]?\s?(?:祝日?|休日?|振休|祭日)\s?)?[）)]"
    r"|\s?([月火水木金土日])曜日?",
    re.I,
)
_EN_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_PERIOD = re.compile(
    rf"{_STARTS}(?<!{_N})(?:{_YEAR}\s?)?(?P<month>{_N}{{1,3}})\s?月\s?の?"
    r"(?P<part>上旬|初旬|中旬|下旬|末日|末|初め|はじめ)"
    r"(?:\s?[～~\-–—]\s?(?P<part2>上旬|初旬|中旬|下旬|末日|末))?"
)
_FISCAL = re.compile(
    rf"{_STARTS}(?<!{_N})(?:(?P<era>{_ERA})\s?(?P<eyear>{_N}{{1,3}}|元)\s?(?:[（(]\s?\d{{4}}\s?[）)]\s?)?"
    r"|(?P<year>\d{4})\s?)年度"
)
_PARTS: dict[str, PeriodPart] = {
    "上旬": "early",
    "初旬": "early",
    "中旬": "mid",
    "下旬": "late",
    "末": "end",
    "初め": "start",
    "はじめ": "start",
}


@dataclass
class _Last:
    year: int | None
    month: int
    day: int
    end: int


class JaDates:
    """The dates, parts of months and fiscal years of one Japanese text."""

    def __init__(self, masked: str, text: str) -> None:
        self.masked = masked
        self.text = text
        self.found: list[DateFact | InvalidDate | PeriodFact] = []
        self.spans: list[tuple[int, int]] = []
        self.last: _Last | None = None

    def run(self) -> list[DateFact | InvalidDate | PeriodFact]:
        for m in _PERIOD.finditer(self.masked):
            self._period(m)
        for m in _FISCAL.finditer(self.masked):
            self._fiscal(m)
        for m in _DATE.finditer(self.masked):
            if self._free(m.start(), m.end()):
                self._date(m)
        for m in _LATER_DAY.finditer(self.masked):
            self._later_day(m)
        self.found.sort(key=lambda f: f.start_offset)
        return self.found

    def _free(self, start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in self.spans)

    # -- dates -----------------------------------------------------------------------
    def _date(self, m: re.Match[str]) -> None:
        year = self._year_of(m)
        month = self._month_of(m)
        day = parse_numeral(m.group("day"))
        if month is None or day is None:
            return
        if m.group("day2"):  # 1月20-31日
            day2 = parse_numeral(m.group("day2"))
            if day2 is None or day2 <= day:
                return
            self._add(year, month, day, m.start(), m.start("dash"))
            end = self._add(year, month, day2, m.start("day2"), m.end())
        else:
            end = self._add(year, month, day, m.start(), m.end())
        self._more(end)

    def _year_of(self, m: re.Match[str]) -> int | None:
        if m.group("same_year"):
            return self.last.year if self.last is not None else None
        if m.group("era"):
            number = 1 if m.group("eyear") == "元" else parse_numeral(m.group("eyear"))
            return era_to_year(m.group("era"), number) if number is not None else None
        if m.group("year"):
            year = parse_numeral(m.group("year"))
            return year if year is not None and 1900 <= year <= 2100 else None
        return None

    def _month_of(self, m: re.Match[str]) -> int | None:
        if m.group("same_month"):
            return self.last.month if self.last is not None else None
        return parse_numeral(m.group("month"))

    def _more(self, end: int) -> None:
        """The dates a joiner adds after a date: ～12日, から4月2日, 、15日, ・12日."""
        while self.last is not None:
            m = _MORE.match(self.masked, end)
            if m is None:
                return
            day = parse_numeral(m.group("day"))
            if day is None:
                return
            year, month = self.last.year, self.last.month
            if m.group("year"):
                year = int(m.group("year"))
            if m.group("month"):
                month = parse_numeral(m.group("month")) or month
                if not m.group("year") and year is not None and month < self.last.month:
                    year += 1  # 12月28日～1月5日: into the next year
            elif day <= self.last.day:
                return  # 15日～3日 is no range of one month
            groups = ("year", "same_year", "month", "same_month", "day")
            start = next(m.start(g) for g in groups if m.group(g))
            inherited = "" if m.group("year") or year is None else "the date before it"
            end = self._add(year, month, day, start, m.end(), inherited)

    def _later_day(self, m: re.Match[str]) -> None:
        """``～25日（水）`` after a date and a time: the day takes the date's month."""
        start = m.start("day")
        if not self._free(start, m.end()) or self.last is None or start <= self.last.end:
            return
        between = self.masked[self.last.end : start]
        if len(between) > 40 or "月" in between or "日" in between:
            return
        day = parse_numeral(m.group("day"))
        if day is not None and day > self.last.day:
            inherited = "the date before it" if self.last.year is not None else ""
            self._add(self.last.year, self.last.month, day, start, m.end(), inherited)

    def _add(
        self, year: int | None, month: int, day: int, start: int, end: int, inherited: str = ""
    ) -> int:
        """Record the date (or the impossible one) at [start, end); return where it ends,
        its weekday included."""
        weekday, after = self._weekday(end)
        if not is_valid_date(year, month, day):
            reason = _why_invalid(year, month, day)
            self.found.append(InvalidDate(start, end, self.text[start:end], reason))
            self.spans.append((start, after))
            return after
        quote = self.text[start:after]
        self.found.append(DateFact(year, month, day, weekday, start, after, quote, inherited))
        self.spans.append((start, after))
        self.last = _Last(year, month, day, after)
        return after

    def _weekday(self, end: int) -> tuple[int | None, int]:
        m = _WEEKDAY.match(self.masked, end)
        if m is None:
            return None, end
        if m.group(2):
            return _EN_WEEKDAYS.index(m.group(2).lower()[:3]), m.end()
        return JA_WEEKDAY_CHARS.index(m.group(1) or m.group(3)), m.end()

    # -- periods -----------------------------------------------------------------------
    def _period(self, m: re.Match[str]) -> None:
        year = self._year_of(m)
        month = parse_numeral(m.group("month"))
        if month is None or not 1 <= month <= 12:
            return
        if m.group("part") == "末日":  # the month's last day
            if year is None and month == 2:
                self._add_period("end", year, month, m.start(), m.end())
                return
            last = calendar.monthrange(year if year is not None else 2001, month)[1]
            self._add(year, month, last, m.start(), m.end())
            return
        first_end = m.end("part") if m.group("part2") else m.end()
        self._add_period(_PARTS[m.group("part")], year, month, m.start(), first_end)
        if m.group("part2"):  # 4月上旬～中旬
            part2 = _PARTS.get(m.group("part2"), "end")
            self._add_period(part2, year, month, m.start("part2"), m.end())

    def _fiscal(self, m: re.Match[str]) -> None:
        if not self._free(m.start(), m.end()):
            return
        if m.group("era"):
            number = 1 if m.group("eyear") == "元" else parse_numeral(m.group("eyear"))
            year = era_to_year(m.group("era"), number) if number is not None else None
        else:
            year = int(m.group("year"))
        if year is None or not 1900 <= year <= 2100:
            return
        previous = self.found[-1] if self.found else None
        if (
            isinstance(previous, PeriodFact)
            and previous.part == "fiscal-year"
            and previous.year == year
            and re.fullmatch(r"\s?[（(]\s?", self.masked[previous.end_offset : m.start()])
        ):  # 2025年度（令和7年度）: the other calendar's name for the same year
            close = re.match(r"\s?[）)]", self.masked[m.end() :])
            self.spans.append((m.start(), m.end() + (close.end() if close else 0)))
            return
        self._add_period("fiscal-year", year, None, m.start(), m.end())

    def _add_period(
        self, part: PeriodPart, year: int | None, month: int | None, start: int, end: int
    ) -> None:
        self.found.append(PeriodFact(part, year, month, start, end, self.text[start:end]))
        self.spans.append((start, end))


def _why_invalid(year: int | None, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return f"month {month} does not exist"
    if year is not None and month == 2 and day == 29:
        return f"{year} is not a leap year"
    return f"month {month} has no day {day}"
