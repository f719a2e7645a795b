"""FM007 redirect-conflict: redirect_from entries across the site, input beside findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import lint, make_site, run_site
from taiyaku.rules.frontmatter.fm007_redirect_conflict import normalise_address


def page(title: str, *lines: str) -> str:
    return "---\n" + "\n".join([f"title: {title}", *lines]) + "\n---\nbody\n"


CASES = [
    # (files, expected findings)
    (
        {
            "a.md": page("A", "redirect_from:", "  - /old-a"),
            "b.md": page("B", "redirect_from: /old-b"),
        },
        [],
    ),
    (
        {
            "support/index.md": page("窓口", "redirect_from:", "  - /supports/"),
            "support/chat.md": page("チャット", "redirect_from:", "  - /help", "  - /supports"),
        },
        [
            "support/chat.md:5 FM007 redirect_from '/supports' is also claimed by "
            "support/index.md (served at /support/): an address can redirect to only one page",
            "support/index.md:4 FM007 redirect_from '/supports/' is also claimed by "
            "support/chat.md (served at /support/chat): an address can redirect to only one page",
        ],
    ),
    (
        {
            "zoom/reaction/index.md": page("R", "redirect_from:", "  - /zoom/hand"),
            "en/zoom/reaction/index.md": page("R", "redirect_from: /zoom/hand"),
        },
        [
            "en/zoom/reaction/index.md:3 FM007 redirect_from '/zoom/hand' is also claimed by "
            "zoom/reaction/index.md (served at /zoom/reaction/): an address can redirect to "
            "only one page",
            "zoom/reaction/index.md:4 FM007 redirect_from '/zoom/hand' is also claimed by "
            "en/zoom/reaction/index.md (served at /en/zoom/reaction/): an address can redirect "
            "to only one page",
        ],
    ),
    # two files served at the same URL redirect the address to the same place
    (
        {
            "support/index.md": page("窓口", "redirect_from: [/supports/]"),
            "support/index.mdx": page("窓口", "redirect_from: [/supports/]"),
        },
        [],
    ),
    # the address of an existing page, with or without the slash or .html
    (
        {
            "support/chat.md": page("チャット"),
            "new.md": page("N", "redirect_from:", "  - /support/chat/", "  - /support/chat.html"),
        },
        [
            "new.md:4 FM007 redirect_from '/support/chat/' is the address of an existing page, "
            "support/chat.md (served at /support/chat; a trailing '/' does not make it another "
            "address): the redirect and the page collide",
            "new.md:5 FM007 redirect_from '/support/chat.html' is the address of an existing "
            "page, support/chat.md (served at /support/chat; a trailing '/' does not make it "
            "another address): the redirect and the page collide",
        ],
    ),
    (
        {"oc/index.md": page("OC", "redirect_from: /oc")},
        [
            "oc/index.md:3 FM007 redirect_from '/oc' is this page's own address (/oc/): the "
            "page would redirect to itself"
        ],
    ),
    # a stub that only forwards to the claiming page is no conflict; one elsewhere is
    (
        {
            "forms/old.md": "---\nredirect_to: /forms/new\n---\n",
            "forms/new.md": page("N", "redirect_from: /forms/old"),
        },
        [],
    ),
    (
        {
            "forms/old.md": "---\nredirect_to: ./new#form\n---\n",
            "forms/new.md": page("N", "redirect_from: /forms/old"),
        },
        [],
    ),
    (
        {
            "forms/old.md": "---\nredirect_to: /oc/join#form\n---\n",
            "forms/new.md": page("N", "redirect_from: /forms/old"),
        },
        [
            "forms/new.md:3 FM007 redirect_from '/forms/old' is the address of an existing "
            "page, forms/old.md (served at /forms/old; a trailing '/' does not make it another "
            "address): the redirect and the page collide"
        ],
    ),
    # not routes of this site: other sites' addresses, partials
    (
        {
            "a.md": page("A", "redirect_from: https://example.org/a"),
            "b.md": page("B", "redirect_from: https://example.org/a"),
            "_c.md": "---\nredirect_from: /b\n---\n",
        },
        [],
    ),
]


@pytest.mark.parametrize(("files", "expected"), CASES)
def test_redirect_conflicts(tmp_path: Path, files: dict[str, str], expected: list[str]) -> None:
    site = make_site(tmp_path, files)
    assert lint(site, select=["FM007"]) == expected


def test_only_checked_pages_are_reported_but_every_page_is_read(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {"a.md": page("A", "redirect_from: /old"), "b/c.md": page("C", "redirect_from: /old/")},
    )
    result = run_site(site, [site / "a.md"], select=["FM007"])
    [diagnostic] = result.diagnostics
    assert (diagnostic.path.name, diagnostic.line, diagnostic.column) == ("a.md", 3, 1)
    assert [(r.path.name, r.line, r.message) for r in diagnostic.related] == [
        ("c.md", 3, "also claims it")
    ]


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("/supports/", "/supports"),
        ("supports", "/supports"),
        ("/a/index.html", "/a"),
        ("/a/b.html?x=1#top", "/a/b"),
        ("/%E3%81%82/", "/あ"),
        ("/", "/"),
        ("", "/"),
    ],
)
def test_addresses_are_normalised(url: str, address: str) -> None:
    assert normalise_address(url) == address
