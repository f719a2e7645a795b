"""PR004 translation-placeholder: each test shows a pair, then the findings expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import lint, make_site

# A Japanese notice with plenty of text (over 800 characters): dates, hours, contacts.
NOTICE_JA = "# お知らせ\n\n" + "".join(
    f"- 変更点{i}：2026年{i}月{i}日から，窓口は平日9時から17時まで開きます．"
    f"お問い合わせは03-1234-567{i}までお電話ください．詳しくは案内ページをご覧ください．\n"
    for i in range(1, 13)
)
PLACEHOLDER_EN = (
    "# Notice\n\nThe English version of this page is not yet available. "
    "Please see [the Japanese version](/notice/).\n"
)
MONTHS = "January February March April May June July August September October November December"
TRANSLATED_EN = "# Notice\n\n" + "".join(
    f"- Change {i}: from {MONTHS.split()[i - 1]} {i}, 2026, the desk is open 9 a.m. to 5 p.m. "
    f"on weekdays. Call 03-1234-567{i} for details; see the guide page for more.\n"
    for i in range(1, 13)
)


def site(tmp_path: Path, en: str, ja: str = NOTICE_JA) -> Path:
    return make_site(tmp_path, {"notice/index.md": ja, "en/notice/index.md": en})


def test_a_placeholder_is_one_finding_instead_of_every_fact(tmp_path: Path) -> None:
    found = lint(site(tmp_path, PLACEHOLDER_EN), select=["PR004", "TM", "NM", "LK004"])
    assert found == [
        "en/notice/index.md:1 PR004 EN page is a placeholder: 93 characters of text against "
        "JA's 1,000 (notice/index.md); its dates, numbers, contacts, links and clauses are "
        "not compared until it is translated"
    ]


@pytest.mark.parametrize("without", [{"ignore": ["PR004"]}, {"select": ["TM", "NM", "LK004"]}])
def test_without_pr004_the_facts_are_reported_as_before(
    tmp_path: Path, without: dict[str, list[str]]
) -> None:
    options = {"select": ["PR004", "TM", "NM", "LK004"], **without}
    found = lint(site(tmp_path, PLACEHOLDER_EN), **options)
    codes = {line.split()[1] for line in found}
    assert "PR004" not in codes
    assert {"TM001", "TM002"} <= codes


def test_a_translation_with_text_is_compared(tmp_path: Path) -> None:
    found = lint(site(tmp_path, TRANSLATED_EN), select=["PR004", "TM", "NM"])
    assert found == []


@pytest.mark.parametrize(
    ("ja", "en"),
    [
        # a short source: its short translation is no placeholder
        ("# お知らせ\n\n窓口は平日9時から17時まで開きます．\n", "# Notice\n\nOpen 9-5.\n"),
        # a translation with over 400 characters of text, however long the source
        (NOTICE_JA * 3, "# Notice\n\n" + "The desk moves to a new building. " * 14),
    ],
)
def test_short_pages_and_summaries_are_no_placeholders(tmp_path: Path, ja: str, en: str) -> None:
    assert lint(site(tmp_path, en, ja), select=["PR004"]) == []
