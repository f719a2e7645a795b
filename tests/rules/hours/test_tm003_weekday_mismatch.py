"""TM003 weekday-mismatch: each input page beside the findings expected for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hours_pages import bilingual, page, tm

from helpers import make_site, run_site

# --- weekdays that fit the calendar -----------------------------------------------------------

RIGHT = [
    "2025年3月15日（土）に実施します．",
    "2025年3月15日(土)",
    "２０２５年３月１５日（土）",
    "2022年5月10日火曜日",
    "令和7年3月15日（土）",
    "2025/3/15（土）",
    "2025年3月15日（土）から4月20日（日）まで",
    "It takes place on Saturday, March 15, 2025.",
    "from Saturday, March 15, 2025 through Sunday, April 20, 2025 (Including Thursday, March 20)",
    "Tuesday, April 28, 2026",
    "2025-03-15 (Sat)",
    # no year anywhere on the page: not judged
    "3月20日（金）",
    "Friday, March 20",
    # a December notice about the next January
    "2025年12月20日（土）から1月5日（月）まで休業します．",
]


@pytest.mark.parametrize("text", RIGHT)
def test_weekdays_that_fit(tmp_path: Path, text: str) -> None:
    make_site(tmp_path, {"a.md": page(text)})
    assert tm(tmp_path, select="TM003") == []


# --- weekdays the calendar contradicts ----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        (
            "a.md",
            "2025年3月15日（金）に実施します．",
            'a.md:5:1 error TM003 "2025年3月15日（金）": 2025-03-15 is a Saturday, not a Friday',
        ),
        (
            "en/a.md",
            "It takes place on Friday, March 15, 2025.",
            'en/a.md:5:19 error TM003 "Friday, March 15, 2025": 2025-03-15 is a Saturday, '
            "not a Friday",
        ),
        (
            "a.md",
            "日時：2022年5月10日水曜日　21時から",
            'a.md:5:4 error TM003 "2022年5月10日水曜日": 2022-05-10 is a Tuesday, not a Wednesday',
        ),
        # the year of a yearless date comes from an earlier date in the same paragraph
        (
            "a.md",
            "2025年3月15日（土）から3月21日（木）まで",
            'a.md:5:16 error TM003 "3月21日（木）": 2025-03-21 is a Friday, not a Thursday '
            "(the year 2025 is taken from the date before it)",
        ),
    ],
)
def test_contradicted_weekdays(tmp_path: Path, path: str, text: str, expected: str) -> None:
    make_site(tmp_path, {path: page(text)})
    assert tm(tmp_path, select="TM003") == [expected]


def test_a_yearless_date_takes_the_year_of_the_page(tmp_path: Path) -> None:
    text = "2025年4月1日から新しい窓口を開設します．\n\n説明会は3月20日（金）です．"
    make_site(tmp_path, {"a.md": page(text)})
    assert tm(tmp_path, select="TM003") == [
        'a.md:7:5 error TM003 "3月20日（金）": 2025-03-20 is a Thursday, not a Friday '
        "(the year 2025 is taken from its section)"
    ]


def test_a_yearless_date_is_not_judged_when_the_page_has_several_years(tmp_path: Path) -> None:
    text = "2025年4月1日と2024年4月1日に更新しました．\n\n説明会は3月20日（金）です．"
    make_site(tmp_path, {"a.md": page(text)})
    assert tm(tmp_path, select="TM003") == []


def test_unpaired_and_bilingual_pages_are_checked(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "only-ja.md": page("2025年3月15日（金）"),
            "both.md": bilingual("## 日程 / Date\n\n2025年3月15日（土）\n\nFriday, March 15, 2025"),
        },
    )
    assert [line.split(" ", 1)[0] for line in tm(tmp_path, select="TM003")] == [
        "both.md:17:1",
        "only-ja.md:5:1",
    ]


def test_the_finding_spans_the_date(tmp_path: Path) -> None:
    make_site(tmp_path, {"a.md": page("日時：2025年3月15日（金）")})
    (d,) = run_site(tmp_path, select=["TM003"]).diagnostics
    assert (d.line, d.column, d.end_line, d.end_column) == (5, 4, 5, 17)
    assert d.fingerprint_text == "2025-03-15 (Fri) is a Saturday"
