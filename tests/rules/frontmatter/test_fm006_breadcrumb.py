"""FM006 breadcrumb-parent-missing: utelecon's breadcrumb walk, input beside findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import lint, make_site, run_site


def page(title: str, parent: str | None = None, *, crumb: bool = True, extra: str = "") -> str:
    lines = [f"title: {title}"]
    if crumb:
        lines += ["breadcrumb:", f"  title: {title}"]
        if parent is not None:
            lines.append(f"  parent: {parent}")
    if extra:
        lines.append(extra)
    return "---\n" + "\n".join(lines) + "\n---\nbody\n"


SUPPORT = {
    "support/index.md": page("窓口"),
    "en/support/index.md": page("Desk"),
}

CASES = [
    # (files, expected findings)
    ({**SUPPORT, "support/chat.md": page("チャット")}, []),  # /support/chat → /support/ → /
    ({**SUPPORT, "en/support/chat.md": page("Chat")}, []),  # the English trail ends at /en/
    ({**SUPPORT, "support/chat.md": page("チャット", "./.")}, []),
    ({**SUPPORT, "support/x/y/index.md": page("Y", "../../")}, []),
    ({**SUPPORT, "support/x/y/index.md": page("Y", "/support/")}, []),
    ({"eccs/index.mdx": page("ECCS")}, []),  # a top-level page's parent is /
    ({"eccs/index.mdx": page("ECCS", "https://example.org/")}, []),
    # pages without a breadcrumb are not walked
    ({"a/b.md": page("B", crumb=False)}, []),
    ({"a/b.md": "---\ntitle: B\nbreadcrumb: null\n---\n"}, []),
    ({"a/b.md": "---\ntitle: B\nbreadcrumb: false\n---\n"}, []),
    # partials get no layout
    ({"a/_b.md": page("B")}, []),
    # a parent that is not a string is FM003's business
    ({"a/b.md": page("B", "5")}, []),
    (
        {"a/b.md": page("B", "'5'")},
        [
            "a/b.md:5 FM006 breadcrumb parent /a/5 (parent: '5') is not a page: no index.md or "
            "index.mdx is served there (a parent must be a folder URL ending in '/')"
        ],
    ),
    ({"a/b.md": "---\ntitle: B\nbreadcrumb:\n  title: B\n  parent: [x]\n---\n"}, []),
    # no page at the parent URL
    (
        {"support/chat.md": page("チャット")},
        [
            "support/chat.md:3 FM006 breadcrumb parent /support/ (default '.') is not a page: "
            "no index.md or index.mdx is served there"
        ],
    ),
    (
        {"zoom/misc/report/index.md": page("R", "../../")},
        [
            "zoom/misc/report/index.md:5 FM006 breadcrumb parent /zoom/ (parent: '../../') is "
            "not a page: no index.md or index.mdx is served there"
        ],
    ),
    (
        {"zoom/index.md": page("Z"), "zoom/misc/index.md": page("M", "/zoom")},
        [
            "zoom/misc/index.md:5 FM006 breadcrumb parent /zoom (parent: '/zoom') is not a "
            "page: no index.md or index.mdx is served there (a parent is a folder URL: did you "
            "mean '/zoom/'?)"
        ],
    ),
    (
        {**SUPPORT, "support/chat.md": page("C"), "support/x/index.md": page("X", "../chat/")},
        [
            "support/x/index.md:5 FM006 breadcrumb parent /support/chat/ (parent: '../chat/') "
            "is not a page: no index.md or index.mdx is served there (support/chat.md is served "
            "at /support/chat, but a parent must be an index page)"
        ],
    ),
    (
        {
            **SUPPORT,
            "support/new.md": page("N", extra="redirect_from: /old/"),
            "support/x/index.md": page("X", "/old/"),
        },
        [
            "support/x/index.md:5 FM006 breadcrumb parent /old/ (parent: '/old/') is not a "
            "page: no index.md or index.mdx is served there (/old/ only redirects to "
            "/support/new, support/new.md)"
        ],
    ),
    # the parent has no breadcrumb
    (
        {"support/index.md": page("窓口", crumb=False), "support/chat.md": page("チャット")},
        [
            "support/chat.md:3 FM006 breadcrumb parent /support/ (default '.') has no "
            "breadcrumb of its own (support/index.md), so the trail cannot continue: add a "
            "'breadcrumb' there"
        ],
    ),
    # both index.md and index.mdx: the layout reads index.md first
    (
        {
            "support/index.md": page("窓口", crumb=False),
            "support/index.mdx": page("窓口"),
            "support/chat.md": page("チャット"),
        },
        [
            "support/chat.md:3 FM006 breadcrumb parent /support/ (default '.') has no "
            "breadcrumb of its own (support/index.md), so the trail cannot continue: add a "
            "'breadcrumb' there"
        ],
    ),
    # cycles
    (
        {"a/index.md": page("A", "./")},
        [
            "a/index.md:5 FM006 breadcrumb parent /a/ (parent: './') is this page itself: the "
            "trail would never end"
        ],
    ),
    (
        {"a/index.md": page("A", "/b/"), "b/index.md": page("B", "/a/")},
        [
            "a/index.md:5 FM006 breadcrumb trail loops: /a/ → /b/ → /a/; the trail would never end",
            "b/index.md:5 FM006 breadcrumb trail loops: /b/ → /a/ → /b/; the trail would never end",
        ],
    ),
]


@pytest.mark.parametrize(("files", "expected"), CASES)
def test_breadcrumb_walk(tmp_path: Path, files: dict[str, str], expected: list[str]) -> None:
    site = make_site(tmp_path, files)
    assert lint(site, select=["FM006"]) == expected


BROKEN_ANCESTOR = {
    "a/index.md": page("A", crumb=False),
    "a/b/index.md": page("B"),
    "a/b/c.md": page("C"),
    "x/index.md": page("X", "/y/"),
    "y/index.md": page("Y", "/x/"),
    "x/z/index.md": page("Z"),
}


def test_the_broken_page_is_reported_not_every_page_below_it(tmp_path: Path) -> None:
    site = make_site(tmp_path, BROKEN_ANCESTOR)
    assert [line.split(" FM006 ")[0] for line in lint(site, select=["FM006"])] == [
        "a/b/index.md:3",
        "x/index.md:5",
        "y/index.md:5",
    ]


def test_checking_one_page_still_explains_a_break_further_up(tmp_path: Path) -> None:
    site = make_site(tmp_path, BROKEN_ANCESTOR)
    result = run_site(site, [site / "a/b/c.md", site / "x/z/index.md"], select=["FM006"])
    found = [
        (d.path.relative_to(site.resolve()).as_posix(), d.line, d.message)
        for d in result.diagnostics
    ]
    assert found == [
        (
            "a/b/c.md",
            3,
            "breadcrumb trail /a/b/c → /a/b/ → /a/ breaks at a/b/index.md: breadcrumb parent "
            "/a/ (default '..') has no breadcrumb of its own (a/index.md), so the trail cannot "
            "continue: add a 'breadcrumb' there",
        ),
        (
            "x/z/index.md",
            3,
            "breadcrumb trail /x/z/ → /x/ → /y/ → /x/ breaks at x/index.md: breadcrumb trail "
            "loops: /x/z/ → /x/ → /y/ → /x/; the trail would never end",
        ),
    ]
    assert [(r.path.name, r.line) for r in result.diagnostics[0].related] == [("index.md", 3)]


def test_related_points_at_the_parent_without_breadcrumb(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"s/index.md": page("S", crumb=False), "s/c.md": page("C")})
    [diagnostic] = run_site(site, select=["FM006"]).diagnostics
    assert [(r.path, r.line, r.message) for r in diagnostic.related] == [
        ((tmp_path / "s/index.md").resolve(), 1, "the parent page")
    ]


def test_parent_with_unloadable_front_matter_is_left_to_fm001(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"s/index.md": "---\ntitle: [\n---\n", "s/c.md": page("C")})
    assert lint(site, select=["FM006"]) == []


@pytest.mark.parametrize("style", ["preserve", "pretty", "jekyll"])
def test_a_non_index_page_has_its_folder_as_parent_in_every_url_style(
    tmp_path: Path, style: str
) -> None:
    site = make_site(tmp_path, {"s/c.md": page("C")})
    assert lint(site, select=["FM006"], url_style=style) == [
        "s/c.md:3 FM006 breadcrumb parent /s/ (default "
        + ("'..'" if style == "pretty" else "'.'")
        + ") is not a page: no index.md or index.mdx is served there"
    ]
