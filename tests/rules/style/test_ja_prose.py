"""What the JA rules read of a page (rules/style/_text.py): Japanese blocks, the listed
front-matter values, and the spans inside them that are not prose."""

from __future__ import annotations

from pathlib import Path

import pytest

from taiyaku.parse.document import parse_document
from taiyaku.rules.style._text import Prose, build_prose


def prose_of(text: str, rel: str = "a.md", keys: tuple[str, ...] = ()) -> list[Prose]:
    return list(build_prose(parse_document(Path(rel), rel, text), keys))


def skipped(prose: Prose) -> list[str]:
    return [prose.text[a:b] for a, b in prose.skip]


@pytest.mark.parametrize(
    ("source", "code"),
    [
        ("本文の`問合せ`と`ｶﾅ`です．\n", ["問合せ", "ｶﾅ"]),
        ("本文の``a ` b``です．\n", ["a ` b"]),
        ("本文の<code>問合せ</code>と<kbd>Ctrl</kbd>です．\n", ["問合せ", "Ctrl"]),
        ("<div>\n説明<code>問合せ</code>です\n</div>\n", ["問合せ"]),
        ("# 見出し`問合せ` / Heading `x`\n", ["問合せ"]),
    ],
)
def test_code_is_skipped(source: str, code: list[str]) -> None:
    (prose,) = [p for p in prose_of(source) if p.block is not None]
    assert skipped(prose) == code


@pytest.mark.parametrize(
    ("source", "rel", "spans"),
    [
        (
            "詳しくは https://example.com/a?b=c を見てください．\n",
            "a.md",
            ["https://example.com/a?b=c"],
        ),
        ("連絡先は help@example.ac.jp です．\n", "a.md", ["help@example.ac.jp"]),
        ("名前は{props.name}です．\n", "a.mdx", ["{props.name}"]),
        ("名前は{props.name}です．\n", "a.md", []),
        (
            "東京大学の記事「How UTokyo moved classes online」を授業の参考として読みます．\n",
            "a.md",
            ["How UTokyo moved classes online"],
        ),
        ("UTokyo Accountでサインインします．\n", "a.md", []),
    ],
)
def test_urls_mdx_expressions_and_english_runs_are_skipped(
    source: str, rel: str, spans: list[str]
) -> None:
    (prose,) = prose_of(source, rel)
    assert skipped(prose) == spans


def test_english_blocks_are_not_read() -> None:
    source = "日本語の段落です．\n\nAn English paragraph that quotes 問合せ once.\n"
    assert [p.text for p in prose_of(source)] == ["日本語の段落です．"]


@pytest.mark.parametrize(
    ("front", "found"),
    [
        ("title: 問合せの方法\n", ("問合せの方法", 2, 8)),
        ('title: "問合せの方法"\n', ("問合せの方法", 2, 9)),
        ("title: >-\n  問合せの\n  方法\n", None),  # folded: not on the key's line
        ("title: Contact us\n", None),  # English
        ("title: [問合せ]\n", None),  # not a string
    ],
)
def test_listed_front_matter_values(front: str, found: tuple[str, int, int] | None) -> None:
    source = f"---\n{front}---\n\n本文です．\n"
    values = [p for p in prose_of(source, keys=("title",)) if p.block is None]
    if found is None:
        assert values == []
    else:
        (value,) = values
        assert (value.text, value.line, value.column) == found
        assert value.exact_spot(0, 3) is not None


def test_an_edit_is_only_offered_where_the_source_holds_the_text() -> None:
    # the entity &amp; is one character of the block's text and five of the source
    (prose,) = prose_of("<p>A&amp;B、問合せです</p>\n")
    start = prose.text.index("問合せ")
    assert prose.exact_spot(start, start + 3) is None
    assert prose.spot(start, start + 3).line == 1
