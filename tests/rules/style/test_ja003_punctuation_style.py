"""JA003 punctuation-style: the marks each text holds (tests/data/ja/punctuation.tsv),
and the findings and fixes of pages that mix styles or depart from the site's."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from style_pages import apply_edits, fixed, ja, ja_run, page, read_table

from helpers import REPO, make_site, run_site
from taiyaku.rules.style import _punctuation
from taiyaku.rules.style._punctuation import STYLES, scan

ROWS = read_table(REPO / "tests/data/ja/punctuation.tsv")


@pytest.mark.parametrize("row", ROWS, ids=[r["text"] for r in ROWS])
def test_marks_table(row: dict[str, str]) -> None:
    marks = sorted(scan(row["text"]), key=lambda m: m.start)
    shown = " ".join(f"{m.axis}:{STYLES[m.axis][m.style]}" for m in marks) or "-"
    assert shown == row["marks"]


def test_a_stray_mark_is_reported_with_the_page_and_site_counts(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "a.md": page("本サービスは，学生が使えます，教職員は、申請が必要です．"),
            "b.md": page("申請は，窓口で受け付けます．"),
        },
    )
    result = run_site(tmp_path, select=["JA003"])
    assert [(d.path.name, d.line, d.column, d.message) for d in result.diagnostics] == [
        (
            "a.md",
            5,
            20,
            "'、' where the page writes '，' (2 times) and the site writes '，' (2 of 2 pages)",
        )
    ]
    assert fixed(result.diagnostics[0]).endswith("学生が使えます，教職員は，申請が必要です．\n")


def test_a_page_mixing_styles_equally_keeps_its_first_style(tmp_path: Path) -> None:
    body = "これは、例です．あれは，例です。"
    messages = ja(tmp_path, body, select="JA003")
    # one page, no majority anywhere: the first comma and the first period set the style
    assert messages == [
        "5:12 JA003 '，' where the page writes '、' (once)",
        "5:16 JA003 '。' where the page writes '．' (once)",
    ]


def test_a_page_in_the_other_style_gets_one_finding_and_one_fix(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "a.md": page("本サービスは，学生が使えます．教職員も使えます．"),
            "b.md": page("申請は，窓口で受け付けます．"),
            "c.md": page("本サービスは、学生が使えます。教職員も、使えます。"),
        },
    )
    result = run_site(tmp_path, select=["JA003"])
    assert [(d.path.name, d.message) for d in result.diagnostics] == [
        (
            "c.md",
            "the page writes '、' (2 times) where the site writes '，' (2 of 3 pages); "
            "'，' nowhere on the page",
        ),
        (
            "c.md",
            "the page writes '。' (2 times) where the site writes '．' (2 of 3 pages); "
            "'．' nowhere on the page",
        ),
    ]
    comma, period = result.diagnostics
    assert fixed(comma).endswith("本サービスは，学生が使えます。教職員も，使えます。\n")
    assert fixed(period).endswith("本サービスは、学生が使えます．教職員も、使えます．\n")
    assert all(d.fix and d.fix.applicability == "safe" for d in result.diagnostics)


@pytest.mark.parametrize(
    ("setting", "body", "after"),
    [
        ("、。", "これは，例です．", "これは、例です。"),
        ("，．", "これは、例です。", "これは，例です．"),
        ("，。", "これは、例です．", "これは，例です。"),
    ],
)
def test_the_setting_decides_the_style(tmp_path: Path, setting: str, body: str, after: str) -> None:
    result = ja_run(tmp_path, body, select="JA003", ja_punctuation=setting)
    assert all(f'ja-punctuation is "{setting}"' in d.message for d in result.diagnostics)
    source = (tmp_path / "a.md").read_text("utf-8")
    edits = [e for d in result.diagnostics for e in d.fix.edits]  # type: ignore[union-attr]
    assert apply_edits(source, edits) == source.replace(body, after)


def test_brackets_and_colons_follow_their_settings(tmp_path: Path) -> None:
    body = "東京(本郷)にあります．注意: 本文です．"
    result = ja_run(tmp_path, body, select="JA003", ja_brackets="full", ja_colon="full")
    source = (tmp_path / "a.md").read_text("utf-8")
    edits = [e for d in result.diagnostics for e in d.fix.edits]  # type: ignore[union-attr]
    # the half-width colon's fix drops the space after it
    assert apply_edits(source, edits) == source.replace(
        body, "東京（本郷）にあります．注意：本文です．"
    )
    result = ja_run(tmp_path, "東京（本郷）にあります．", select="JA003", ja_brackets="half")
    (finding,) = result.diagnostics
    assert fixed(finding).endswith("東京(本郷)にあります．\n")


def test_code_urls_english_and_english_blocks_are_not_read(tmp_path: Path) -> None:
    body = """
    本文は，こう書きます．`a、b` と入力します．https://example.com/説明(本郷) を見ます．

    「Hello, world. This is English.」と表示されます．

    This English paragraph, with commas, is not read: Tokyo, Japan.

    ```
    これは、コードです。
    ```
    """
    assert ja(tmp_path, body, select="JA003") == []


def test_auto_counts_the_whole_site_and_keeps_the_cache_honest(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "a.md": page("これは，例です．"),
            "b.md": page("これは、例です。"),
            "c.md": page("これは、例です。"),
        },
    )
    cache = tmp_path / ".cache"
    first = run_site(tmp_path, select=["JA003"], cache=True, cache_dir=str(cache))
    assert sorted({d.path.name for d in first.diagnostics}) == ["a.md"]
    (tmp_path / "c.md").write_text(page("これは，例です．"), encoding="utf-8")
    second = run_site(tmp_path, select=["JA003"], cache=True, cache_dir=str(cache))
    # a.md did not change, but the site's style did: a.md's findings are not reused
    assert sorted({d.path.name for d in second.diagnostics}) == ["b.md"]


def test_a_quoted_label_or_message_keeps_its_punctuation(tmp_path: Path) -> None:
    body = """
    本サービスは，学生が使えます．画面に「許可します。お待ちください」と表示されます．

    「アクセスを許可する(構成されている場合)」にチェックをつけます．
    """
    assert ja(tmp_path, body, select="JA003", ja_punctuation="，．", ja_brackets="full") == []


_VOTE_PIECES = [
    "、", "，", "。", "．", "（", "）", "(", ")", "：", ":", "」", "』", "「", "本文", "ア", "々",
    "Text", " ", "\n", "`", "```\n", "~~~\n", "9:00", "[a](b)", "’", "–", "é", "１",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_VOTE_PIECES), max_size=30).map("".join))
def test_a_page_skipped_by_the_first_look_has_no_vote(text: str) -> None:
    """``count_in_source`` answers all zeros without counting for a text that holds no
    character a counted mark is or needs: counting must agree."""
    assert _punctuation.count_in_source(text) == _punctuation._counted_in_source(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_VOTE_PIECES), max_size=30).map("".join))
def test_a_pattern_is_not_run_only_where_its_mark_is_absent(text: str) -> None:
    """Brackets and colons are counted only in a text holding their mark: the counts are
    those of the patterns run over every text."""
    p = _punctuation
    for pattern, mark in (
        (p._FULL_PAIR, "（"),
        (p._HALF_PAIR_VOTE, "("),
        (p._FULL_COLON, "："),
        (p._HALF_COLON, ":"),
    ):
        assert p._matches(pattern, mark, text) == len(pattern.findall(text))
