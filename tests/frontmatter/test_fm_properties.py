"""Property checks: parse_front_matter never raises and its offsets stay consistent."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from taiyaku.parse.frontmatter import parse_front_matter, raw_front_matter

YAMLISH = st.lists(
    st.sampled_from(
        [
            "---",
            "...",
            "title: x",
            "  nested: y",
            "- item",
            "\t",
            "&a",
            "*a",
            "[",
            "{",
            "'",
            '"',
            ": ",
            "!!python/object",
            "\r\n",
            "\r",
            "\n",
            "\ufeff",
            "日本語",
            "#",
            "<<: *a",
            "? ",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(YAMLISH, st.text(max_size=200)))
def test_never_raises_and_offsets_are_consistent(source: str) -> None:
    fm = parse_front_matter(source)
    assert 0 <= fm.body_offset <= len(source)
    assert fm.body_start_line >= 1
    breaks = source[: fm.body_offset]
    newline_count = breaks.count("\n") + breaks.count("\r") - breaks.count("\r\n")
    # The body starts on the line where body_offset falls (a file that ends on its
    # closing fence has its empty body on that line, as test_fences[eof] documents).
    assert fm.body_start_line == newline_count + 1
    if fm.data is None:
        assert fm.key_lines == {}
    else:
        assert fm.present
        assert all(2 <= line < fm.end_line for line in fm.key_lines.values())
    for problem in fm.problems:
        assert 1 <= problem.line <= max(fm.end_line, 1)
        assert problem.column >= 1


_KEYS = ("redirect_from", "aliases", "url")
_KEY_LINES = st.sampled_from(
    ["redirect_from: /a/", "aliases: [/b/]", "url: /c/", "title: t", "'redirect_from': /e/"]
)
_ODD_LINES = st.sampled_from(["", "  x: y", "<<: *k", "k: &k {url: /f/}", "...", "---", "--- x"])
FENCED = st.builds(
    lambda bom, opening, lines, breaks, closing, rest: (
        bom
        + opening
        + "".join(line + br for line, br in zip(lines, breaks, strict=False))
        + closing
        + rest
    ),
    st.sampled_from(["", "\ufeff"]),
    st.sampled_from(["---\n", "--- \r\n", "---\r", "---", "---x\n", " ---\n"]),
    st.lists(st.one_of(_KEY_LINES, _KEY_LINES, _KEY_LINES, _ODD_LINES), max_size=8),
    st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=8, max_size=8),
    st.sampled_from(["---\n", "...\r\n", "--- ", "---", ""]),
    st.sampled_from(["", "body\n", "url: /g/\n", "\n---\nurl: /h/"]),
)


@settings(max_examples=500, deadline=None)
@given(FENCED)
def test_a_key_the_front_matter_holds_is_in_its_raw_bytes(source: str) -> None:
    """``Site.may_mention`` (and Jekyll's HTML permalinks) look for a key in the front matter's raw bytes only: every
    key the parsed front matter has must be found there."""
    data = parse_front_matter(source).data or {}
    raw = raw_front_matter(source.encode())
    for key in _KEYS:
        if key in data:
            assert key.encode() in raw
