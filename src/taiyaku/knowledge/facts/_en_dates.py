"""The English date grammar: month names, weekdays, US and UK orders, lists and ranges
of days, parts of months and fiscal years (regular expressions the parser runs)."""

from __future__ import annotations

import re

from taiyaku.knowledge.facts.model import (
    PeriodPart,
)

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}


WD = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|(?:Mon|Tues|Tue|Weds|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\b\.?)"
)


MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)


NOT_TIME_AFTER = r"(?!\d|:\d|\s*(?:[ap]\.?m\b\.?|o'clock))"


YEAR = r"(?:,?\s+(?P<year>\d{4})(?!\d)|,?\s+'(?P<yy>\d{2})\b)"


WD_AFTER = r"(?:\s*\(\s*(?P<wd2>" + WD + r")\s*\))"


# What a date can start with, looked for first so that the alternations of weekday and
# month names are tried only where one may begin (the same matches, found sooner):
# ``US_DATE`` starts with a year's digit or a weekday's or month's first letter,
# ``UK_DATE`` with a weekday's, a day's digit or the ``t`` of "the".
_US_DATE_START = r"(?=[\dADFJMNOSTW])"
_UK_DATE_START = r"(?=[\dFMSTW])"


US_DATE = re.compile(  # (re.I: JUne 3; "may 3" in lower case is refused after matching)
    _US_DATE_START + r"(?:(?<![\w.:/-])(?P<year0>\d{4}),\s+)?"
    r"\b(?:(?P<wd1>" + WD + r"),?\s+)?(?P<month>" + MONTH + r")\s+(?P<day>\d{1,2})"
    r"(?:st|nd|rd|th)?"
    + NOT_TIME_AFTER
    + r"(?:\s*(?:-|–|—|to|through)\s*(?P<day2>\d{1,2})(?:st|nd|rd|th)?"
    + NOT_TIME_AFTER
    + ")?"
    + YEAR
    + "?"
    + WD_AFTER
    + "?",
    re.I,
)


UK_DATE = re.compile(
    _UK_DATE_START + r"(?:\b(?P<wd1>" + WD + r"),?\s+)?(?<![\w.:/-])(?:the\s+)?"
    r"(?:(?P<day0>\d{1,2})(?:st|nd|rd|th)?\s*(?:[-–—]|to)\s*)?(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    r"\s+(?:of\s+)?(?P<month>" + MONTH + r")" + YEAR + "?" + WD_AFTER + "?",
    re.I,
)


# April 8, 15 and 22: a further day of the month (not "April 8, 10 a.m.", not a count)
MORE_DAYS = re.compile(
    r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+)(?P<d>\d{1,2})(?:st|nd|rd|th)?\b"
    r"(?=\s*(?:,|\band\b|&|\(|$|[.;:)]|\s\d{4}\b))(?!:\d)"
)


AFTER_YEAR = re.compile(r",?\s+(\d{4})(?!\d)")


D_MON_Y = re.compile(
    r"(?<![\w/-])(?P<day>\d{1,2})-(?P<month>" + MONTH + r")-(?P<year>\d{4})(?!\d)", re.I
)


PERIOD = re.compile(
    # (first, what every branch starts with: a digit, or a letter of the words below)
    r"(?=[\dabeflmst])"
    r"(?:\b(?:(?P<part>early|mid|late)[-\s]+|(?:the\s+)?(?P<part2>beginning|start|middle|end)\s+of\s+)"
    r"(?P<month>" + MONTH + r")(?:,?\s+(?P<year>\d{4})(?!\d))?"
    r"|\b(?:FY|AY)\s?(?P<fy>\d{4})\b|\b(?:FY|AY)\s?'?(?P<fy2d>\d{2})\b|\bfiscal\s+(?P<fy5>\d{4})\b"
    r"|\b(?P<fy6>\d{4})\s*[-–/]\s*\d{2,4}\s+(?:academic|fiscal|school)\s+year\b"
    r"|\b(?:fiscal|academic|school)\s+year\s+(?P<fy2>\d{4})(?:\s*[-–/]\s*\d{2,4})?\b"
    r"|\b(?P<fy3>\d{4})\s+(?:fiscal|academic|school)\s+year\b)",
    re.I,
)


PART: dict[str, PeriodPart] = {
    "early": "early",
    "mid": "mid",
    "middle": "mid",
    "late": "late",
    "beginning": "start",
    "start": "start",
    "end": "end",
}
