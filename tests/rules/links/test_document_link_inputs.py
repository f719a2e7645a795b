"""What the LK rules read from a Document: kramdown IAL ids and GFM footnotes."""

from __future__ import annotations

from pathlib import Path

from taiyaku.parse.document import parse_document


def anchors(text: str) -> list[tuple[str, str]]:
    doc = parse_document(Path("page.md"), "page.md", text)
    return [(a.id, a.kind) for a in doc.anchors]


def hrefs(text: str) -> list[str]:
    return [link.href for link in parse_document(Path("page.md"), "page.md", text).links]


def test_block_ial_after_a_heading_is_an_anchor() -> None:
    assert anchors("## 注意事項\n{:#notes}\n\n本文\n") == [
        ("注意事項", "heading"),
        ("notes", "ial"),
    ]


def test_block_ial_with_space_and_class() -> None:
    assert ("cc", "ial") in anchors("# C\n{: #cc .box}\n")


def test_heading_ial_on_the_same_line() -> None:
    assert anchors("## Support {:#email}\n") == [("email", "ial"), ("support", "heading")]
    assert anchors("## Support {#email}\n") == [("email", "ial"), ("support", "heading")]


def test_span_ial_and_trailing_block_ial_are_anchors() -> None:
    assert ("box", "ial") in anchors("**[x](./y)**{:#box .center}\n")
    assert ("para", "ial") in anchors("a paragraph\n{:#para}\n")


def test_class_only_ial_is_no_anchor() -> None:
    assert anchors("![](a.png){:.border}{:.small}\n") == []


def test_footnote_reference_is_not_a_link() -> None:
    text = "本文[^1]です．\n\n[^1]: 東京大学と直接の雇用関係がある方が該当します．[詳細](/x)\n"
    assert hrefs(text) == ["/x"]


def test_footnote_text_is_kept_as_a_block() -> None:
    doc = parse_document(Path("page.md"), "page.md", "本文[^a]．\n\n[^a]: 脚注の本文です．\n")
    assert any("脚注の本文" in b.text for b in doc.blocks)


def test_static_file_lookup_survives_a_name_too_long(tmp_path: Path) -> None:
    from taiyaku.site.pages import Site

    site = Site(tmp_path)
    assert site.static_file("/" + "長" * 300 + ".png") is None
