"""JA004 politeness-mixed: the style each sentence's ending tells
(tests/data/ja/politeness.tsv), and which sentences a page reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from style_pages import found, ja, ja_run, read_table

from helpers import REPO
from taiyaku.parse.document import parse_document
from taiyaku.rules.style._politeness import sentence_endings
from taiyaku.rules.style._text import build_prose

ROWS = read_table(REPO / "tests/data/ja/politeness.tsv")


@pytest.mark.parametrize("row", ROWS, ids=[r["sentence"] for r in ROWS])
def test_endings_table(row: dict[str, str]) -> None:
    doc = parse_document(Path("a.md"), "a.md", row["sentence"] + "\n")
    (prose,) = build_prose(doc, ())
    styles = [ending.style for ending in sentence_endings(prose)]
    assert styles == ([] if row["style"] == "none" else [row["style"]])


def test_the_minority_style_is_reported_at_its_ending(tmp_path: Path) -> None:
    body = """
    本サービスは便利です．設定はいつでも変更できます．

    これは重要である．詳しくは窓口にお問い合わせください．申請は不要です．
    """
    result = ja_run(tmp_path, body, select="JA004")
    assert [(d.line, d.column, d.message) for d in result.diagnostics] == [
        (
            7,
            6,
            "'である' ends a だ・である sentence; the body's sentences end in です・ます (3 of 4)",
        )
    ]
    assert found(result) == ["である"]
    assert result.diagnostics[0].severity.value == "info"
    assert result.diagnostics[0].fix is None


def test_a_plain_page_reports_its_polite_sentences(tmp_path: Path) -> None:
    body = (
        "これは重要である．原則として対面で行う．例外は認めない．手続きは簡単だ．申請は不要です．"
    )
    assert found(ja_run(tmp_path, body, select="JA004")) == ["です"]


def test_list_items_are_judged_apart_from_the_body(tmp_path: Path) -> None:
    body = """
    本サービスは便利です．設定はいつでも変更できます．

    - 利用者は学生である．
    - 教職員も利用できる．
    - 申請は不要だ．
    """
    assert ja(tmp_path, body, select="JA004") == []


def test_headings_tables_quotes_and_quotations_are_not_judged(tmp_path: Path) -> None:
    body = """
    # 利用は無料である

    本サービスは便利です．「これは重要である．」と書かれています．

    > 利用規約は次のとおりである．

    | 項目 | 説明 |
    |---|---|
    | 料金 | 無料である |

    申請は不要です．
    """
    assert ja(tmp_path, body, select="JA004") == []


def test_code_and_english_are_not_judged(tmp_path: Path) -> None:
    body = """
    本サービスは便利です．`これは例だ` と表示されます．

    This is an English sentence, and it is not judged at all.

    申請は不要です．
    """
    assert ja(tmp_path, body, select="JA004") == []
