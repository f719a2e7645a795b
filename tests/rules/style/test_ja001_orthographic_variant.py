"""JA001 orthographic-variant: each page of the table (tests/data/ja/variants.yaml) beside
what JA001 reports on it, and the rule's messages, fixes, scopes and deferral."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from style_pages import apply_edits, found, ja, ja_run, span_text

from helpers import REPO, make_site, run_site
from taiyaku.rules.style._variants import are_variants, spelled_like

CASES: list[dict[str, Any]] = yaml.safe_load(
    (REPO / "tests" / "data" / "ja" / "variants.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_variants_table(tmp_path: Path, case: dict[str, Any]) -> None:
    result = ja_run(tmp_path, case["text"], select="JA001")
    assert found(result) == case["reported"]


def test_the_message_names_the_page_spelling_its_count_and_the_word(tmp_path: Path) -> None:
    body = """
    問い合わせは窓口へ．

    問い合わせの前に確認してください．問合せ先は下記です．
    """
    assert ja(tmp_path, body, select="JA001") == [
        "7:18 JA001 '問合せ' here, '問い合わせ' 2 times elsewhere on the page "
        "(first on line 5): one word, 問い合わせ (noun)"
    ]


def test_a_conjugated_form_is_quoted_with_its_base_form(tmp_path: Path) -> None:
    messages = ja(tmp_path, "利用できます．参加できます．変更出来ます．", select="JA001")
    assert messages == [
        "5:17 JA001 '出来' (出来る) here, 'できる' 2 times elsewhere on the page "
        "(first on line 5): one word, 出来る (verb, as an auxiliary)"
    ]


@pytest.mark.parametrize(
    ("body", "after"),
    [
        ("問い合わせ．問い合わせ．問合せ．", "問い合わせ．問い合わせ．問い合わせ．"),
        (
            "利用できます．参加できます．変更出来ます．",
            "利用できます．参加できます．変更できます．",
        ),
        (
            "ご確認ください．ご連絡ください．ご安心下さい．",
            "ご確認ください．ご連絡ください．ご安心ください．",
        ),
        ("お客様へ．お客様へ．お客さまへ．", "お客様へ．お客様へ．お客様へ．"),
    ],
)
def test_the_fix_writes_the_page_spelling_and_is_unsafe(
    tmp_path: Path, body: str, after: str
) -> None:
    result = ja_run(tmp_path, body, select="JA001")
    (diagnostic,) = result.diagnostics
    assert diagnostic.fix is not None and diagnostic.fix.applicability == "unsafe"
    source = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert apply_edits(source, diagnostic.fix.edits) == source.replace(body, after)


@pytest.mark.parametrize(
    ("first", "second", "variants"),
    [
        ("問合せ", "問い合わせ", True),
        ("出来る", "できる", True),
        ("子供", "子ども", True),
        ("紐付け", "ひも付け", True),
        ("サーバ", "サーバー", True),
        ("作る", "造る", False),
        ("見る", "観る", False),
    ],
)
def test_spellings_are_variants_when_one_kanji_sequence_is_in_the_other(
    first: str, second: str, variants: bool
) -> None:
    assert are_variants(first, second) is variants
    assert are_variants(second, first) is variants


@pytest.mark.parametrize(
    ("surface", "orth", "other", "expected"),
    [
        ("出来", "出来る", "できる", "でき"),
        ("下さい", "下さる", "くださる", "ください"),
        ("当たっ", "当たる", "あたる", "あたっ"),
        ("問合せ", "問合せ", "問い合わせ", "問い合わせ"),
    ],
)
def test_a_form_respelled(surface: str, orth: str, other: str, expected: str) -> None:
    assert spelled_like(surface, orth, other) == expected


def test_english_blocks_and_front_matter_outside_the_list_are_not_read(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "a.md": """
                ---
                title: 問合せ
                description: 問合せ
                ---

                問い合わせの内容．問い合わせの方法．

                Contact us: 問合せ is the old spelling of this word in the form's name.
                """,
        },
    )
    result = run_site(tmp_path, select=["JA001"], ja_frontmatter_keys=["description"])
    # the title is not listed; the description is, and it is reported; the English
    # paragraph quotes the old spelling and is not read
    assert [(d.line, span_text(d)) for d in result.diagnostics] == [(3, "問合せ")]


def test_the_title_is_read_by_default(tmp_path: Path) -> None:
    make_site(tmp_path, {"a.md": "---\ntitle: 問合せの方法\n---\n\n問い合わせ．問い合わせ．\n"})
    result = run_site(tmp_path, select=["JA001"])
    assert [(d.line, d.column, span_text(d)) for d in result.diagnostics] == [(2, 8, "問合せ")]


def test_site_scope_reports_a_variant_once_with_its_counts_per_page(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "a.md": "問い合わせ．問い合わせ．問合せ．\n",
            "b.md": "問合せ．問い合わせ．\n",
            "c.md": "問い合わせ．問い合わせ．\n",
        },
    )
    page_scope = run_site(tmp_path, select=["JA001"])
    assert [(d.path.name, d.line) for d in page_scope.diagnostics] == [("a.md", 1), ("b.md", 1)]
    site_scope = run_site(tmp_path, select=["JA001"], ja_variant_scope="site")
    assert [(d.path.name, d.message) for d in site_scope.diagnostics] == [
        (
            "a.md",
            "'問合せ' 2 times on 2 pages (a.md 1, b.md 1); the site writes '問い合わせ' "
            "5 times on 3 pages (a.md 2, c.md 2, b.md 1): one word, 問い合わせ (noun)",
        )
    ]


def test_site_scope_reports_on_the_first_checked_page_that_writes_the_variant(
    tmp_path: Path,
) -> None:
    make_site(
        tmp_path,
        {
            "a.md": "問い合わせ．問い合わせ．問合せ．\n",
            "b.md": "問合せ．問い合わせ．\n",
        },
    )
    result = run_site(tmp_path, [tmp_path / "b.md"], select=["JA001"], ja_variant_scope="site")
    assert [d.path.name for d in result.diagnostics] == ["b.md"]


def test_a_listed_term_is_reported_by_ja002_alone(tmp_path: Path) -> None:
    checks = make_site(
        tmp_path / "checks",
        {"terms.yml": "rules:\n  - expected: 問い合わせ\n    pattern: 問合せ\n"},
    )
    make_site(tmp_path / "site", {"a.md": "問い合わせ．問い合わせ．問合せ．\n"})
    result = run_site(tmp_path / "site", select=["JA"], checks_dir=checks)
    assert [d.code for d in result.diagnostics] == ["JA002"]
    alone = run_site(tmp_path / "site", select=["JA001"], checks_dir=checks)
    assert [d.code for d in alone.diagnostics] == ["JA001"]


def test_site_scope_finds_a_page_that_writes_only_the_variant(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "a.md": "問い合わせ．問い合わせ．\n",
            "b.md": "問合せの方法．\n",
        },
    )
    assert run_site(tmp_path, select=["JA001"]).diagnostics == ()
    result = run_site(tmp_path, select=["JA001"], ja_variant_scope="site")
    assert [(d.path.name, d.line, d.column) for d in result.diagnostics] == [("b.md", 1, 1)]
    assert result.diagnostics[0].message.startswith("'問合せ' once on 1 page (b.md 1)")
