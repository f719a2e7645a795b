"""URL mapping both ways in the three styles, and relative resolution."""

from __future__ import annotations

import pytest

from taiyaku.site.urls import join_path, parse_href, route_to_url, url_dir, url_to_routes


@pytest.mark.parametrize(
    ("route", "preserve", "pretty", "jekyll"),
    [
        ("index.md", "/", "/", "/"),
        ("a/index.md", "/a/", "/a/", "/a/"),
        ("a/b.md", "/a/b", "/a/b/", "/a/b.html"),
        ("en/a/b.mdx", "/en/a/b", "/en/a/b/", "/en/a/b.html"),
        ("a/b/index.mdx", "/a/b/", "/a/b/", "/a/b/"),
    ],
)
def test_file_to_url(route: str, preserve: str, pretty: str, jekyll: str) -> None:
    assert route_to_url(route, "preserve") == preserve
    assert route_to_url(route, "pretty") == pretty
    assert route_to_url(route, "jekyll") == jekyll


@pytest.mark.parametrize(
    ("url", "style", "expected"),
    [
        ("/", "preserve", [("index", True)]),
        ("/a/", "preserve", [("a/index", True), ("a", False)]),
        ("/a/b", "preserve", [("a/b", True), ("a/b/index", False)]),
        ("/a/b/", "preserve", [("a/b/index", True), ("a/b", False)]),
        ("/a/b.html", "preserve", [("a/b", True)]),
        ("/a/b/", "pretty", [("a/b/index", True), ("a/b", True)]),
        ("/a/b", "pretty", [("a/b", False), ("a/b/index", False)]),
        ("/a/b.html", "jekyll", [("a/b", True)]),
        ("/a/b", "jekyll", [("a/b", True), ("a/b/index", False)]),
        ("/a/index.html", "jekyll", [("a/index", True)]),
    ],
)
def test_url_to_file(url: str, style: str, expected: list[tuple[str, bool]]) -> None:
    got = [(c.stem, c.canonical) for c in url_to_routes(url, style)]  # type: ignore[arg-type]
    assert got == expected


@pytest.mark.parametrize(
    ("page_url", "link", "target"),
    [
        # non-index page /a/b: ./x means /a/x, ../x means /x
        ("/a/b", "./x", "/a/x"),
        ("/a/b", "../x", "/x"),
        ("/a/b", "x", "/a/x"),
        ("/a/b", "./", "/a/"),
        # index page /a/b/: ./x means /a/b/x, ../x means /a/x
        ("/a/b/", "./x", "/a/b/x"),
        ("/a/b/", "../x", "/a/x"),
        ("/a/b/", "../", "/a/"),
        # root-relative links ignore the page
        ("/a/b", "/x/y", "/x/y"),
        ("/a/b/", "/x/y/", "/x/y/"),
        # pretty and jekyll URLs resolve the same way by their shape
        ("/a/b.html", "./x", "/a/x"),
        # the seed's links on /en/support/chat
        ("/en/support/chat", "./email-form", "/en/support/email-form"),
        ("/en/support/chat", "./", "/en/support/"),
        # a link written for trailing-slash URLs, read on a preserve URL
        ("/support/chat", "../email-form/", "/email-form/"),
    ],
)
def test_relative_resolution(page_url: str, link: str, target: str) -> None:
    assert join_path(url_dir(page_url), link) == (target, False)


def test_climbing_above_the_root_is_flagged() -> None:
    assert join_path("/a/", "../../x") == ("/x", True)


def test_parse_href_parts() -> None:
    href = parse_href("../chat.md#%E6%B3%A8%E6%84%8F?x")
    assert (href.path, href.fragment, href.is_file_path) == ("../chat.md", "注意?x", True)
    assert parse_href("https://example.com/x").is_external
    assert parse_href("//cdn.example.com/x").is_external
    assert parse_href("mailto:a@b").is_external
    assert parse_href("#top").is_fragment_only
    assert parse_href("/support/").is_root_relative
