"""The Document: blocks with language and positions, links, anchors, sections."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from helpers import SEEDS
from taiyaku.parse.document import parse_document


def parse(text: str, rel: str = "page.md"):  # type: ignore[no-untyped-def]
    return parse_document(Path(rel), rel, textwrap.dedent(text).lstrip("\n"))


def test_links_of_every_kind_with_line_and_column() -> None:
    doc = parse("""
        ---
        title: t
        ---
        See [chat](./chat) and [ref][r] and <https://example.com/x>.
        ![desk](./desk.png) <a href="/a#b" id="top">a</a> <img src="/i.png">

        [r]: /ref/target#frag
    """)
    got = [(link.href, link.line, link.column, link.kind) for link in doc.links]
    assert got == [
        ("./chat", 4, 12, "markdown"),
        ("/ref/target#frag", 4, 24, "reference"),  # at the [text][label] in the prose
        ("https://example.com/x", 4, 38, "autolink"),
        ("./desk.png", 5, 9, "image"),
        ("/a#b", 5, 30, "html"),
        ("/i.png", 5, 61, "html"),
    ]


def test_anchor_sources_japanese_slugs_duplicates_ial_html() -> None:
    doc = parse("""
        # 相談の前に / Before Inquiring

        ## Notes
        ## Notes
        ## チャットで相談する
        {:#chat}

        ## Hours {#hours}

        <div id="box">x</div>
        <a name="legacy"></a>
    """)
    got = [(a.id, a.kind) for a in doc.anchors]
    assert got == [
        ("相談の前に--before-inquiring", "heading"),
        ("notes", "heading"),
        ("notes-1", "heading"),
        ("チャットで相談する", "heading"),
        ("chat", "ial"),
        ("hours", "ial"),
        ("hours", "heading"),
        ("box", "html"),
        ("legacy", "html"),
    ]
    # the IAL paragraph is markup, not prose
    assert [b.text for b in doc.blocks if "{:" in b.text] == []


def test_blocks_keep_language_and_source_position() -> None:
    doc = parse("""
        ---
        title: t
        ---
        - オペレータ対応は，**平日**8時25分から18時30分まで受け付けております．
        - Operators are available 8:25 a.m.-6:30 p.m. on weekdays.
    """)
    ja, en = doc.blocks
    assert (ja.lang, en.lang) == ("ja", "en")
    assert ja.text == "オペレータ対応は，平日8時25分から18時30分まで受け付けております．"
    # "8時" sits after the bold markup: its column points into the source line
    offset = ja.text.index("8時")
    assert ja.position(offset) == (4, 3 + doc.line_text(4)[2:].index("8時"))
    assert doc.line_text(4)[ja.position(offset)[1] - 1] == "8"
    assert en.position(en.text.index("8:25")) == (5, 27)


def test_text_inside_html_and_mdx_components_is_prose() -> None:
    doc = parse(
        """
        ---
        title: t
        ---
        import Box from "@components/Box.astro";

        <Box>
        <div>対応時間：平日 10時〜17時</div>
        </Box>

        <Card href="/support/" />
    """,
        rel="page.mdx",
    )
    html_blocks = [b for b in doc.blocks if b.kind == "html"]
    assert any("平日 10時〜17時" in b.text for b in html_blocks)
    assert not any("import" in b.text for b in doc.blocks)
    assert [(link.href, link.kind) for link in doc.links] == [("/support/", "jsx")]


def test_sections_by_heading() -> None:
    doc = parse("""
        intro

        ## A
        a text
        ### B
        b text
    """)
    assert [(s.title, s.level) for s in doc.sections] == [("", 0), ("A", 2), ("B", 3)]
    assert [(b.text, b.section) for b in doc.blocks] == [
        ("intro", 0),
        ("A", 1),
        ("a text", 1),
        ("B", 2),
        ("b text", 2),
    ]


def test_html_comments_are_collected_for_suppressions() -> None:
    doc = parse("<!-- taiyaku-disable-next-line TM001 -->\ntext\n")
    assert [(c.text, c.line) for c in doc.comments] == [("taiyaku-disable-next-line TM001", 1)]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent")
def test_seed_000_is_bilingual_and_its_sections_pair_up() -> None:
    from taiyaku.rules.context import Pair
    from taiyaku.site.pages import Page

    source = (SEEDS / "000_b7bfb462515f5c12.txt").read_text(encoding="utf-8")
    doc = parse_document(Path("online-call.md"), "support/online-call.md", source)
    assert doc.bilingual
    page = Page(
        Path("online-call.md"),
        "support/online-call.md",
        "ja",
        "support/online-call.md",
        "support/online-call",
        "/support/online-call",
    )
    groups = Pair.of_bilingual(doc, page).aligned_sections()
    titles = [group.label for group in groups]
    assert titles == [
        "",
        "相談の前に / Before Inquiring",
        "全般的な注意事項 / Important Notes on Privacy and Confidentiality of Information",
        "オンライン通話の注意事項 / Notes on Online Call",
        "オンライン通話で相談する / Support via Online Call",
    ]
    hours = groups[3]
    assert any("8時25分から18時30分" in b.text for b in hours.ja)
    assert any("8:25 a.m.-6:30 p.m." in b.text for b in hours.en)
    assert all(b.lang == "ja" for b in hours.ja) and all(b.lang == "en" for b in hours.en)


def test_an_english_page_quoting_a_japanese_label_is_not_bilingual() -> None:
    doc = parse("""
        To use the chat, press the widget titled "ここからチャットで相談" in the corner.

        Chat support is available to all members of the University of Tokyo.

        - [Zoom のヘルプ](https://support.zoom.us)
        - [Zoom のヘルプ 2](https://support.zoom.us)
    """)
    assert not doc.bilingual


def test_link_targets_are_kept_as_written_and_script_links_are_not_links() -> None:
    doc = parse_document(
        Path("p.md"),
        "p.md",
        "[a](https://例え.jp/パス#見出し) [b](/x%20y.md) [c](javascript:alert(1))\n",
    )
    assert [(link.href, link.column) for link in doc.links] == [
        ("https://例え.jp/パス#見出し", 5),  # not punycode: the host as the author wrote it
        ("/x y.md", 31),
    ]


def test_block_kinds_follow_the_innermost_deciding_container() -> None:
    doc = parse("""
        Plain paragraph.

        - item text
          > quoted in an item

        > a quote
        > - a list in a quote

        | cell | - not a list |
        |------|------|
        | 本文 | x |
    """)
    got = [(b.kind, b.text) for b in doc.blocks]
    assert got == [
        ("paragraph", "Plain paragraph."),
        ("list_item", "item text"),
        ("list_item", "quoted in an item"),  # a list item outranks a quote around it
        ("quote", "a quote"),
        ("list_item", "a list in a quote"),
        ("table", "cell"),
        ("table", "- not a list"),
        ("table", "本文"),
        ("table", "x"),
    ]


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Hours & Fees (2025)!", "hours--fees-2025"),
        ("受付時間【重要】", "受付時間重要"),
        ("Café au lait", "café-au-lait"),
        ("e\u0301 snake_case x–y 🙂", "e\u0301-snake_case-xy-"),  # the mark stays; – and 🙂 go
        ("ＵＴｏｋｙｏ　Ａｃｃｏｕｎｔ", "ｕｔｏｋｙｏａｃｃｏｕｎｔ"),
    ],
)
def test_heading_slugs_keep_letters_marks_numbers_dashes_and_underscores(
    heading: str, slug: str
) -> None:
    assert [a.id for a in parse(f"## {heading}\n").anchors] == [slug]


def test_a_link_target_is_located_after_its_text_even_when_the_text_holds_it(
    tmp_path: Path,
) -> None:
    """`[the initial setup](initial)`: the column is the target's, not the word's."""
    doc = parse_document(tmp_path / "a.md", "a.md", "See [the initial setup](initial) here.\n")
    (link,) = doc.links
    assert (link.line, link.column, link.kind) == (1, 25, "markdown")


def test_reference_links_and_autolinks_are_located(tmp_path: Path) -> None:
    source = "A [ref][r] and <https://example.com/x> and [x](./y).\n\n[r]: ./target\n"
    doc = parse_document(tmp_path / "a.md", "a.md", source)
    assert [(link.href, link.column, link.kind) for link in doc.links] == [
        ("./target", 3, "reference"),
        ("https://example.com/x", 17, "autolink"),
        ("./y", 48, "markdown"),
    ]


_SENTENCE_END_PATTERN = re.compile(r"[.!?:。．！？]\s*$")


@pytest.mark.parametrize(
    "text",
    ["Open.", "Open. ", "Open.\u3000", "Open.\n", "見出し", "見出しです。", "x:", "", " ", "a!\t",
     "end .\u2003\u00a0", "q?\u200b", "．", "no end", "。\n\n"],
)  # fmt: skip
def test_a_sentence_end_is_the_last_character_before_white_space(text: str) -> None:
    """_is_prose tests the stripped text's last character, where it searched the text
    with ``[.!?:。．！？]\\s*$``: the two agree, Unicode white space included."""
    from taiyaku.parse.document import _SENTENCE_ENDS

    assert (text.strip()[-1:] in _SENTENCE_ENDS) == bool(_SENTENCE_END_PATTERN.search(text.strip()))
