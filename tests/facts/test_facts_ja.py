"""Japanese extraction: each case is the input and the normalised facts, side by side."""

from __future__ import annotations

import pytest

from taiyaku.knowledge.facts import DateFact, InvalidTime, TimeFact, extract_ja
from taiyaku.parse.analyzer import tokenize


def describe(text: str) -> list[str]:
    return [fact.describe() for fact in extract_ja(text, tokenize(text))]


TIMES = [
    # the forms named in the issue
    ("平日8時25分から18時30分まで", ["8:25–18:30 on weekdays"]),
    ("平日は8時25分から18時30分まで", ["8:25–18:30 on weekdays"]),
    ("平日 8時25分から18時30分まで", ["8:25–18:30 on weekdays"]),
    ("午前9時～午後5時", ["9:00–17:00"]),
    ("9:00～17:00", ["9:00–17:00"]),
    ("９：００～１７：００", ["9:00–17:00"]),
    ("九時半", ["9:30"]),
    ("正午", ["12:00"]),
    ("24時間365日", ["all day every day"]),
    ("受付時間：24時間", ["all day"]),
    ("24時間対応しています", ["all day"]),
    ("土日祝日は10時から16時まで", ["10:00–16:00 on weekends and holidays"]),
    ("月～金 9時～17時", ["9:00–17:00 on weekdays"]),
    ("翌6時", ["6:00 (next day)"]),
    ("22時～翌6時", ["22:00–6:00 (next day)"]),
    ("8時25分〜18時30分", ["8:25–18:30"]),
    ("8時25分～18時30分", ["8:25–18:30"]),
    ("8時25分~18時30分", ["8:25–18:30"]),
    ("8時25分－18時30分", ["8:25–18:30"]),
    ("8時25分-18時30分", ["8:25–18:30"]),
    ("8時25分–18時30分", ["8:25–18:30"]),
    ("8時25分 〜 18時30分", ["8:25–18:30"]),
    ("18時半", ["18:30"]),
    ("午後6時30分", ["18:30"]),
    ("１８時３０分", ["18:30"]),
    ("十八時三十分", ["18:30"]),
    ("二十時", ["20:00"]),
    ("12時", ["12:00"]),
    ("午前0時", ["0:00"]),
    ("午後0時", ["12:00"]),
    ("24時まで", ["24:00"]),
    ("9時～24時", ["9:00–24:00"]),
    ("0時～24時", ["all day"]),
    ("午後1時～5時", ["13:00–17:00"]),
    ("毎日6〜23時", ["6:00–23:00 every day"]),
    ("9時から受け付けます", ["9:00"]),
    ("正午まで受け付けます", ["12:00"]),
    ("夜9時", ["21:00"]),
    ("翌日の6時", ["6:00 (next day)"]),
    ("8時25分頃", ["8:25"]),
    # qualifiers before, in parentheses after, lists of ranges
    ("平日の9:00～12:00と13:00～17:00", ["9:00–12:00 on weekdays", "13:00–17:00 on weekdays"]),
    ("9:00〜17:00（土日祝日を除く）", ["9:00–17:00 on weekdays except holidays"]),
    ("平日（祝日を除く）9時～17時", ["9:00–17:00 on weekdays except holidays"]),
    ("平日（月～金）9時～17時", ["9:00–17:00 on weekdays"]),
    ("月曜日から金曜日まで9時から17時", ["9:00–17:00 on weekdays"]),
    ("土・日・祝日 10時～16時", ["10:00–16:00 on weekends and holidays"]),
    ("土日祝 10時～16時", ["10:00–16:00 on weekends and holidays"]),
    ("土曜日は10時から", ["10:00 on Sat"]),
    (
        "平日は9時から17時，土日祝日は10時から16時まで",
        ["9:00–17:00 on weekdays", "10:00–16:00 on weekends and holidays"],
    ),
    (
        "9時～17時（平日）、10時～16時（土日）",
        ["9:00–17:00 on weekdays", "10:00–16:00 on weekends"],
    ),
    # a qualifier does not reach past other words
    (
        "平日は9時から17時まで受け付けますが，メールは24時間受け付けます",
        ["9:00–17:00 on weekdays", "all day"],
    ),
    ("土日は休み，17時まで", ["17:00"]),
]


@pytest.mark.parametrize(("text", "expected"), TIMES)
def test_times(text: str, expected: list[str]) -> None:
    assert describe(text) == expected


DATES = [
    ("2025年3月15日（土）", ["2025-03-15 (Sat)"]),
    ("2025年3月15日(土)", ["2025-03-15 (Sat)"]),
    ("２０２５年３月１５日（土）", ["2025-03-15 (Sat)"]),
    ("二〇二五年三月十五日", ["2025-03-15"]),
    ("3月15日", ["03-15"]),
    ("3月15日（土・祝）", ["03-15 (Sat)"]),
    ("2025/3/15", ["2025-03-15"]),
    ("２０２５／３／１５", ["2025-03-15"]),
    ("2024-01-06", ["2024-01-06"]),
    ("3/15（土）", ["03-15 (Sat)"]),
    # a bare month/day only where a date is expected
    ("3/1より利用できます", ["03-01"]),
    ("3/1〜: 利用開始", ["03-01"]),
    ("4/29以前となる見込み", ["04-29"]),
    ("4/30の早朝以降", ["04-30"]),
    ("4/29-5/1", ["04-29", "05-01"]),
    ("|S1ターム|**4/28**|**4/29**|", ["04-28", "04-29"]),
    ("令和7年3月15日", ["2025-03-15"]),
    ("令和元年5月1日", ["2019-05-01"]),
    ("平成31年4月30日", ["2019-04-30"]),
    ("2022年5月10日火曜日　20時から21時", ["2022-05-10 (Tue)", "20:00–21:00"]),
    ("3月15日～20日", ["03-15", "03-20"]),
    ("2025年3月15日(土)〜20日(木)", ["2025-03-15 (Sat)", "2025-03-20 (Thu)"]),
    ("2026年7月24日（金）正午まで", ["2026-07-24 (Fri)", "12:00"]),
    ("2022年8月26日23時", ["2022-08-26", "23:00"]),
]


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_dates(text: str, expected: list[str]) -> None:
    assert describe(text) == expected


INVALID = [
    ("25:00", "hour 25 is out of range (0-24)"),
    ("8:75", "minute 75 is out of range (0-59)"),
    ("24時60分", "minute 60 is out of range (0-59)"),
    ("24時30分", "24:30 is not a time (hours run 0-23, or 24:00 as an end)"),
    ("二十五時", "hour 25 is out of range (0-24)"),
    ("午後13時", "13 is a 24-hour value and cannot take 午前/午後"),
    ("午前12時", "12 with 午前/午後 is ambiguous (noon or midnight)"),
    ("翌24時", "hour 24 or later cannot be marked as the next day"),
]


@pytest.mark.parametrize(("text", "reason"), INVALID)
def test_invalid_times(text: str, reason: str) -> None:
    facts = extract_ja(text, tokenize(text))
    assert len(facts) == 1
    fact = facts[0]
    assert isinstance(fact, InvalidTime)
    assert (fact.quote, fact.reason) == (text, reason)


def test_invalid_end_drops_the_range() -> None:
    facts = extract_ja("9時～25時", tokenize("9時～25時"))
    assert [type(f).__name__ for f in facts] == ["InvalidTime"]
    assert facts[0].quote == "25時"


def test_24_is_valid_only_as_an_end() -> None:
    facts = extract_ja("24時～6時", tokenize("24時～6時"))
    assert [f.describe() for f in facts] == ["invalid time '24時': 24:00 cannot start a range"]


NOT_TIMES = [
    "3分程度",
    "30分ほど",
    "約30分",
    "5限",
    "2限目",
    "第2時限",
    "3時限目",
    "問い合わせの時",
    "その時は",
    "一時的に停止",
    "十分です",
    "時々",
    "何時でも",
    "数時間",
    "2時間",
    "1時間ごとに反映",
    "10分ごと",
    "24時間以内に返信",
    "24時間表記",
    "24時間制",
    "1時間30分",
    "Zoom 5.10",
    "Windows 10",
    "1:1",
    "比率 16:9",
    "比率は1:10",
    "03-5841-2222",
    "192.168.1.1",
    "https://example.com/2025/03/15/12:30",
    "`9:00`",
    "10:00:00",
    "2025年3月",
    "毎月15日",
    "3日間",
    "15日以内",
    "1日3回",
    "365日（1年）間",
    "土・日・祝日は休み",
    "1/2",
    "12/25",
    "1/2の確率",
    "1/3ページ",
    "確率は3/4です",
]


@pytest.mark.parametrize("text", NOT_TIMES)
def test_not_times(text: str) -> None:
    assert extract_ja(text, tokenize(text)) == []


def test_offsets_and_quote_point_into_the_text() -> None:
    text = "オペレータ対応は，平日8時25分から18時30分まで受け付けております．"
    (fact,) = extract_ja(text, tokenize(text))
    assert isinstance(fact, TimeFact)
    assert text[fact.start_offset : fact.end_offset] == fact.quote == "8時25分から18時30分"
    assert (fact.kind, fact.start, fact.end) == ("range", 505, 1110)
    assert fact.days is not None and fact.days.weekdays == frozenset(range(5))


def test_date_fields() -> None:
    text = "申請は2025年3月15日（土）まで"
    (fact,) = extract_ja(text, tokenize(text))
    assert isinstance(fact, DateFact)
    assert (fact.year, fact.month, fact.day, fact.weekday) == (2025, 3, 15, 5)
    assert fact.quote == "2025年3月15日（土）"


def test_impossible_dates_are_invalid_dates_not_dates() -> None:
    found = [extract_ja(t, tokenize(t)) for t in ("2025年2月30日", "13月1日", "2025年2月29日")]
    assert [[f.describe() for f in facts] for facts in found] == [
        ["invalid date '2025年2月30日': month 2 has no day 30"],
        ["invalid date '13月1日': month 13 does not exist"],
        ["invalid date '2025年2月29日': 2025 is not a leap year"],
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("4/29", ["04-29"]), ("**4/28**", ["04-28"]), (" 6/14 ", ["06-14"]), ("4/29まで", ["04-29"])],
)
def test_a_bare_month_day_alone_in_a_table_cell_is_a_date(text: str, expected: list[str]) -> None:
    """A Document's table block holds one cell's text, without the ``|`` around it."""
    assert [f.describe() for f in extract_ja(text, tokenize(text), cell=True)] == expected


@pytest.mark.parametrize("text", ["1/2の確率", "1/3ページ", "確率は3/4です"])
def test_a_fraction_in_a_cell_with_other_text_is_not_a_date(text: str) -> None:
    assert extract_ja(text, tokenize(text), cell=True) == []


@pytest.mark.parametrize("text", ["9" * 5000, "９" * 5000, "(" * 3000, "](" * 3000, "x" * 20000])
def test_long_runs_are_read_without_failing(text: str) -> None:
    """A run of 5,000 digits is no number (int() would refuse it), and runs of brackets
    or letters are read in linear time (the hostile-input suite times whole pages)."""
    assert extract_ja(text, tokenize(text)) == []
