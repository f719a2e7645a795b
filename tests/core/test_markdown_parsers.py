"""taiyaku's markdown-it parsers give markdown-it's own tokens.

A text with neither ``[^`` nor ``^[`` is parsed without the footnote plugin, and the
"normalize" rule (line breaks to "\n", NUL to U+FFFD) runs only on a text that holds
what it rewrites.  That is only sound when neither changes the tokens: these tests
parse the same texts both ways, from the pieces Markdown is made of and from every page
the project holds, and compare markdown-it's tokens (types, content, positions,
children) with those of a parser configured as markdown-it documents it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from taiyaku.parse import markdown

# The reference: markdown-it as documented, every core rule on.
_REFERENCE = (
    MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(footnote_plugin)
)
_REFERENCE.normalizeLink = lambda url: url  # type: ignore[method-assign]

_REPO = Path(__file__).resolve().parents[2]
_PIECES = [
    "# ", "## 見出し", "- ", "1. ", "> ", "    ", "\t", "```", "~~~", "---", "***", "|", "| a | b |",
    "|---|---|", "[", "]", "(", ")", "[a]", "[a]: /x", "[a](/b)", "![i](/i.png)", "<https://x.jp>",
    "<a href='/y'>", "</a>", "<!-- c -->", "^", "^1", "[1]", "*", "_", "**", "~~", "`", "\\", "&amp;",
    "&#94;", "テキスト", "text", " ", "\n", "\n\n", "{#id}", ":", "\r\n", "\r", "\0",
]  # fmt: skip


def _without_footnotes(text: str) -> bool:
    return "[^" not in text and "^[" not in text


def _same_tokens(text: str) -> None:
    reference = [t.as_dict() for t in _REFERENCE.parse(text)]
    assert [t.as_dict() for t in markdown._markdown_tokens(text)] == reference
    if _without_footnotes(text) and "\r" not in text and "\0" not in text:
        without = markdown._MD_WITHOUT_FOOTNOTES.parse(text)
        assert [t.as_dict() for t in without] == reference


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_the_plugin_changes_nothing_without_a_footnote_mark(text: str) -> None:
    _same_tokens(text)


def _pages() -> list[Path]:
    roots = [_REPO / "content", _REPO / "tests", _REPO.parent / "shared" / "corpus"]
    found = []
    for root in roots:
        if root.is_dir():
            found += [p for p in root.rglob("*") if p.suffix in (".md", ".mdx", ".markdown")]
    return sorted(found)


def test_every_page_at_hand_parses_the_same_without_the_plugin() -> None:
    pages = [p for p in _pages() if p.is_file()]
    if not pages:
        pytest.skip("no pages at hand")
    compared = 0
    for page in pages:
        text = page.read_text(encoding="utf-8", errors="replace")
        _same_tokens(text)
        compared += _without_footnotes(text)
    assert compared


def test_a_footnote_still_parses_as_one() -> None:
    text = "本文[^1]。\n\n[^1]: 注記です。\n"
    assert _without_footnotes(text) is False
    types = {t.type for t in markdown.parse_tokens(text, 0, False)}
    assert "footnote_ref" in {c.type for t in markdown._MD.parse(text) for c in t.children or []}
    assert "footnote_block_open" in types


def _blank_char_by_char(text: str) -> str:
    """The reference for MDX statement blanking: every span found, blanked character
    by character (line breaks kept), as the function did before it sliced."""
    fences = [m.start() for m in markdown._FENCE.finditer(text)]

    def in_fence(offset: int) -> bool:
        return sum(1 for f in fences if f <= offset) % 2 == 1

    spans = [m.span() for m in markdown._MDX_STATEMENT.finditer(text) if not in_fence(m.start())]
    position = 0
    while (opening := markdown._JSX_COMMENT_OPEN.search(text, position)) is not None:
        closing = text.find("*/}", opening.end())
        if closing < 0:
            break
        end = closing + 3
        line_end = text.find("\n", end)
        rest = text[end : len(text) if line_end < 0 else line_end]
        if not rest.strip() and not in_fence(opening.start()):
            spans.append((opening.start(), end))
        position = end
    chars = list(text)
    for begin, finish in spans:
        for index in range(begin, finish):
            if chars[index] != "\n":
                chars[index] = " "
    return "".join(chars)


_MDX_PIECES = [
    "import A from './a'", "export const x = 1", "export", "import", " ", "\n", "{/*", "*/}",
    "{/* c */}", "```", "~~~", "本文", "text", "<A />", "  ", "\t",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_MDX_PIECES), max_size=16).map("".join))
def test_mdx_statements_are_blanked_as_character_by_character(text: str) -> None:
    blanked = markdown._blank_mdx_statements(text)
    assert blanked == _blank_char_by_char(text)
    assert len(blanked) == len(text)


@pytest.mark.parametrize(
    ("text", "holds"),
    [("```py\n", True), ("~~~\n", True), ("`code` and ~x~", False), ("``", False), ("", False),
     ("a ~~~ b", True), ("テキスト```", True)],
)  # fmt: skip
def test_a_fence_mark_is_found_as_a_substring_search_finds_it(text: str, holds: bool) -> None:
    assert markdown.may_hold_fence(text) is holds is ("```" in text or "~~~" in text)
