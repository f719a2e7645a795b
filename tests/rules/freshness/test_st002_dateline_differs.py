"""ST002 dateline-differs: each language's own date of writing or revision."""

from __future__ import annotations

from pathlib import Path

import pytest
from freshness_pages import st

from helpers import make_site, run_site

NOTICE_JA = """\
---
title: メンテナンスのお知らせ
---

{dateline}

# メンテナンスのお知らせ

システムのメンテナンスを行います．ご不便をおかけします．
"""

NOTICE_EN = """\
---
title: Maintenance
---

{dateline}

# Maintenance

We will carry out maintenance of the system. We apologise for the inconvenience.
"""


def notice(tmp_path: Path, ja: str, en: str) -> Path:
    return make_site(
        tmp_path,
        {
            "notice/m.md": NOTICE_JA.format(dateline=ja),
            "en/notice/m.md": NOTICE_EN.format(dateline=en),
        },
    )


def test_an_older_translation_dateline_is_a_warning(tmp_path: Path) -> None:
    site = notice(
        tmp_path,
        '<p style="text-align: right">2025年5月12日</p>',
        '<p style="text-align: right">March 3, 2025</p>',
    )
    assert st(site, select="ST002") == [
        "en/notice/m.md:5 warning ST002 EN dateline 'March 3, 2025' (2025-03-03) is older "
        "than JA's '2025年5月12日' (2025-05-12, notice/m.md): the translation was probably "
        "not revised with its source"
    ]


def test_a_newer_translation_dateline_is_information(tmp_path: Path) -> None:
    site = notice(tmp_path, "最終更新：2025年3月3日", "Last updated: May 12, 2025")
    assert st(site, select="ST002") == [
        "en/notice/m.md:5 info ST002 EN dateline 'May 12, 2025' (2025-05-12) is newer than "
        "JA's '2025年3月3日' (2025-03-03, notice/m.md): the translation was revised after "
        "its source"
    ]


@pytest.mark.parametrize(
    ("ja", "en"),
    [
        ("2025年5月12日", "May 12, 2025"),
        ("更新日：令和7年5月12日", "Updated: 12 May 2025"),
        ('<p style="text-align: right">2025/5/12 情報システム本部</p>', "2025-05-12"),
    ],
)
def test_the_same_date_written_differently_is_no_finding(tmp_path: Path, ja: str, en: str) -> None:
    assert st(notice(tmp_path / "same", ja, en), select="ST002") == []
    # and both are read: another day in English is reported
    assert len(st(notice(tmp_path / "other", ja, en.replace("12", "13")), select="ST002")) == 1


@pytest.mark.parametrize(
    ("ja", "en"),
    [
        ("5月12日", "March 3"),  # no year: which year is a guess
        (
            "2025年5月12日",
            "The page was revised on March 3, 2025 for the new system.",
        ),  # a sentence
        ("", "Last updated: March 3, 2025"),  # one side has none
    ],
)
def test_what_is_not_compared(tmp_path: Path, ja: str, en: str) -> None:
    assert st(notice(tmp_path, ja, en), select="ST002") == []


def test_the_latest_dateline_of_each_side_is_compared(tmp_path: Path) -> None:
    """公開日 and 最終更新 on the Japanese page; only the publication date in English."""
    site = make_site(
        tmp_path,
        {
            "notice/m.md": NOTICE_JA.format(dateline="公開日：2025年1月10日")
            + "\n最終更新：2025年4月1日\n",
            "en/notice/m.md": NOTICE_EN.format(dateline="Published: January 10, 2025"),
        },
    )
    assert [line.split(" (")[0] for line in st(site, select="ST002")] == [
        "en/notice/m.md:5 warning ST002 EN dateline 'January 10, 2025'"
    ]


def test_english_first_sites_report_the_japanese_page(tmp_path: Path) -> None:
    """English at the root, Japanese under ja/: the Japanese page is the translation."""
    site = make_site(
        tmp_path,
        {
            "notice/m.md": NOTICE_EN.format(dateline="May 12, 2025"),
            "ja/notice/m.md": NOTICE_JA.format(dateline="2025年3月3日"),
        },
    )
    assert [line.split(" is ")[0] for line in st(site, select="ST002", source_language="en")] == [
        "ja/notice/m.md:5 warning ST002 JA dateline '2025年3月3日' (2025-03-03)"
    ]


def test_tm002_leaves_datelines_to_st002(tmp_path: Path) -> None:
    site = notice(tmp_path, "2025年5月12日", "March 3, 2025")
    codes = [d.code for d in run_site(site, select=["TM002", "ST002"]).diagnostics]
    assert codes == ["ST002"]
