"""TM004 invalid-time: each input page beside the findings expected for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hours_pages import page, tm

from helpers import make_site

VALID = [
    "9時～24時",
    "24時まで受け付けます．",
    "午前0時から午後0時まで",
    "12 p.m. to 12 a.m.",
    "until midnight",
    "0:30 a.m.",
    "作業時間は45:30でした．",
    "比率 16:9",
    "Aspect ratio 16:9",
    "2時間，3分程度，5限",
    "Zoom 5.10 or later",
]


@pytest.mark.parametrize("text", VALID)
def test_valid_times_and_non_times(tmp_path: Path, text: str) -> None:
    make_site(tmp_path, {"a.md": page(text), "en/b.md": page(text)})
    assert tm(tmp_path, select="TM004") == []


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        ("a.md", "受付は25:00までです．", '"25:00": hour 25 is out of range (0-24)'),
        ("a.md", "受付は８：７５からです．", '"８：７５": minute 75 is out of range (0-59)'),
        (
            "a.md",
            "受付は 13:00 p.m. からです．",
            '"13:00 p.m.": 13 is a 24-hour value and cannot take a.m./p.m.',
        ),
        (
            "a.md",
            "受付は午後13時からです．",
            '"午後13時": 13 is a 24-hour value and cannot take 午前/午後',
        ),
        (
            "a.md",
            "受付は午後12時までです．",
            '"午後12時": 12 with 午前/午後 is ambiguous (noon or midnight)',
        ),
        (
            "a.md",
            "受付は24:30までです．",
            '"24:30": 24:30 is not a time (hours run 0-23, or 24:00 as an end)',
        ),
        ("a.md", "作業は22時～翌25時です．", '"翌25時": hour 25 is out of range (0-24)'),
        ("en/a.md", "Open until 25:00.", '"25:00": hour 25 is out of range (0-24)'),
        ("en/a.md", "Open from 8:75.", '"8:75": minute 75 is out of range (0-59)'),
        (
            "en/a.md",
            "Open at 13:00 p.m.",
            '"13:00 p.m.": 13 is a 24-hour value and cannot take a.m./p.m.',
        ),
    ],
)
def test_invalid_times(tmp_path: Path, path: str, text: str, expected: str) -> None:
    make_site(tmp_path, {path: page(text)})
    (found,) = tm(tmp_path, select="TM004")
    assert found.split(" TM004 ", 1)[1] == expected
    assert " warning " in found


def test_the_finding_is_where_the_time_is(tmp_path: Path) -> None:
    make_site(tmp_path, {"a.md": page("## 受付\n\n- 平日は\n  9:00～25:00です．")})
    assert tm(tmp_path) == ['a.md:8:8 warning TM004 "25:00": hour 25 is out of range (0-24)']
