"""FM005 frontmatter-parity: the two languages of a pair, side by side."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import lint, make_site, run_site


def fm(*lines: str) -> str:
    return "---\n" + "\n".join(lines) + "\n---\nbody\n"


PAIRS = [
    # (JA front matter, EN front matter, expected findings)
    (fm("title: 窓口", "toc: false"), fm("title: Desk", "toc: false"), []),
    # language-specific keys: presence only, never values
    (
        fm("title: 窓口", "description: 説明", "h1: '**窓口**'"),
        fm("title: Desk", "description: Text", "h1: '**Desk**'"),
        [],
    ),
    (
        fm("title: 窓口", "description: 説明"),
        fm("title: Desk"),
        ["a.md:3 FM005 'description' is set here but not in the English page"],
    ),
    (
        fm("title: 窓口"),
        fm("title: Desk", "toc: false"),
        ["en/a.md:3 FM005 'toc' is set here (false) but not in the Japanese page"],
    ),
    # the configured value keys must agree
    (
        fm("title: 窓口", "support: true", "sitemap: false"),
        fm("title: Desk", "support: false", "sitemap: false"),
        ["en/a.md:3 FM005 'support' is false here but true in the Japanese page"],
    ),
    (
        fm("title: 窓口", "toc: false"),
        fm("title: Desk", "toc: 'false'"),
        ["en/a.md:3 FM005 'toc' is 'false' here but false in the Japanese page"],
    ),
    # nested keys: compared inside a mapping both sides have; a one-sided mapping once
    (
        fm("title: 窓口", "breadcrumb:", "  title: 窓口"),
        fm("title: Desk", "breadcrumb:", "  title: Desk"),
        [],
    ),
    (
        fm("title: 窓口", "breadcrumb:", "  title: 窓口"),
        fm("title: Desk"),
        ["a.md:3 FM005 'breadcrumb' is set here but not in the English page"],
    ),
    (
        fm("title: 窓口", "breadcrumb:", "  title: 窓口"),
        fm("title: Desk", "breadcrumb:", "  x: 1"),
        [
            "a.md:4 FM005 'breadcrumb.title' is set here but not in the English page",
            "en/a.md:4 FM005 'breadcrumb.x' is set here but not in the Japanese page",
        ],
    ),
    # redirect_from is each language's own history: not compared by default
    (fm("title: 窓口", "redirect_from: /old"), fm("title: Desk"), []),
    # per-language keys: a language's template, its address, its old addresses
    (fm("title: 窓口", "layout: ja"), fm("title: Desk", "layout: en"), []),
    (fm("title: 窓口", "aliases: [/old]"), fm("title: Desk", "permalink: /desk/"), []),
    # a slug on one side only moves one language's page: reported
    (
        fm("title: 窓口", "slug: desk"),
        fm("title: Desk"),
        ["a.md:3 FM005 'slug' is set here but not in the English page"],
    ),
]


@pytest.mark.parametrize(("ja", "en", "expected"), PAIRS)
def test_parity(tmp_path: Path, ja: str, en: str, expected: list[str]) -> None:
    site = make_site(tmp_path, {"a.md": ja, "en/a.md": en})
    assert lint(site, select=["FM005"]) == expected


def test_the_finding_names_the_counterpart(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            "a.md": fm("title: 窓口", "support: true"),
            "en/a.md": fm("title: Desk", "support: false"),
        },
    )
    [diagnostic] = run_site(site, select=["FM005"]).diagnostics
    assert (diagnostic.path.name, diagnostic.line, diagnostic.column) == ("a.md", 3, 1)
    assert diagnostic.path.parent.name == "en"
    [related] = diagnostic.related
    assert (related.path, related.line) == ((tmp_path / "a.md").resolve(), 3)


def test_options_choose_the_compared_keys(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            "a.md": fm("title: 窓口", "redirect_from: /old", "author:", "  affiliation: oes"),
            "en/a.md": fm("title: Desk", "author:", "  affiliation: itc"),
        },
    )
    assert lint(
        site,
        select=["FM005"],
        frontmatter_parity_values=["author.affiliation"],
        frontmatter_parity_ignore=[],
    ) == [
        "a.md:3 FM005 'redirect_from' is set here but not in the English page",
        "en/a.md:4 FM005 'author.affiliation' is 'itc' here but 'oes' in the Japanese page",
    ]


def test_pages_whose_front_matter_does_not_load_are_skipped(tmp_path: Path) -> None:
    site = make_site(
        tmp_path, {"a.md": "---\ntitle: [\n---\n", "en/a.md": fm("title: D", "toc: false")}
    )
    assert lint(site, select=["FM005"]) == []


def test_a_page_without_front_matter_is_compared_as_empty(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"a.md": "本文\n", "en/a.md": fm("title: Desk")})
    assert lint(site, select=["FM005"]) == [
        "en/a.md:2 FM005 'title' is set here but not in the Japanese page"
    ]


# --------------------------------------------------------------------------- breadcrumb.parent

ZOOM = {
    "zoom/index.md": fm("title: Zoom", "breadcrumb:", "  title: Zoom"),
    "en/zoom/index.md": fm("title: Zoom", "breadcrumb:", "  title: Zoom"),
    "zoom/misc/index.md": fm("title: その他", "breadcrumb:", "  title: その他"),
    "en/zoom/misc/index.md": fm("title: Misc", "breadcrumb:", "  title: Misc"),
}


def crumb(title: str, parent: str | None = None) -> str:
    lines = [f"title: {title}", "breadcrumb:", f"  title: {title}"]
    if parent is not None:
        lines.append(f"  parent: {parent}")
    return fm(*lines)


PARENTS = [
    # (JA parent, EN parent, expected) for zoom/misc/report/index.md and its translation
    (None, None, []),
    (None, "../", []),
    ("/zoom/", "../..", []),  # written differently, same page
    ("../../", "/en/zoom/", []),
    (
        "../../",
        None,
        [
            "en/zoom/misc/report/index.md:3 FM005 breadcrumb parent is /en/zoom/misc/ (default "
            "'..'), but the Japanese page's parent is /zoom/ (parent: '../../'), whose English "
            "version is /en/zoom/"
        ],
    ),
    (
        "/zoom/",
        "/zoom/",
        [
            "en/zoom/misc/report/index.md:5 FM005 breadcrumb parent is /zoom/ (parent: '/zoom/'), "
            "but the Japanese page's parent is /zoom/ (parent: '/zoom/'), whose English version "
            "is /en/zoom/"
        ],
    ),
    ("../../../", "../../../", []),  # both top-level: / and /en/
]


@pytest.mark.parametrize(("ja_parent", "en_parent", "expected"), PARENTS)
def test_breadcrumb_parents_are_compared_by_where_they_lead(
    tmp_path: Path, ja_parent: str | None, en_parent: str | None, expected: list[str]
) -> None:
    files = {
        **ZOOM,
        "zoom/misc/report/index.md": crumb("レポート", ja_parent),
        "en/zoom/misc/report/index.md": crumb("Report", en_parent),
    }
    site = make_site(tmp_path, files)
    assert lint(site, select=["FM005"]) == expected


def test_non_index_pages_default_to_their_own_folder(tmp_path: Path) -> None:
    files = {
        "support/index.md": crumb("窓口"),
        "en/support/index.md": crumb("Desk"),
        "support/chat.md": crumb("チャット", "./."),
        "en/support/chat.md": crumb("Chat"),
    }
    site = make_site(tmp_path, files)
    assert lint(site, select=["FM005"]) == []
