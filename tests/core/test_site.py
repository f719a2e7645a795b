"""Site model: discovery, languages, pairing in the three layouts, partials."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import make_site
from taiyaku.site.pages import Site

PAGE = "---\ntitle: t\n---\ntext\n"


def pairs_of(site: Site) -> list[tuple[str, str]]:
    return sorted((ja.rel, en.rel) for ja, en in site.pairs())


@pytest.mark.parametrize(
    ("layout", "files", "expected_pairs", "unpaired"),
    [
        (
            "prefix",
            [
                "support/chat.md",
                "en/support/chat.md",
                "support/index.mdx",
                "en/support/index.mdx",
                "only-ja.md",
                "en/only-en.md",
            ],
            [
                ("support/chat.md", "en/support/chat.md"),
                ("support/index.mdx", "en/support/index.mdx"),
            ],
            ["en/only-en.md", "only-ja.md"],
        ),
        (
            "dirs",
            ["ja/support/chat.md", "en/support/chat.md", "ja/a.md", "index.md"],
            [("ja/support/chat.md", "en/support/chat.md")],
            ["index.md", "ja/a.md"],
        ),
        (
            "suffix",
            ["support/chat.md", "support/chat.en.md", "b.md", "c.en.mdx"],
            [("support/chat.md", "support/chat.en.md")],
            ["b.md", "c.en.mdx"],
        ),
    ],
)
def test_pairing_by_layout(
    tmp_path: Path,
    layout: str,
    files: list[str],
    expected_pairs: list[tuple[str, str]],
    unpaired: list[str],
) -> None:
    make_site(tmp_path, dict.fromkeys(files, PAGE))
    site = Site(tmp_path, layout=layout)  # type: ignore[arg-type]
    assert pairs_of(site) == expected_pairs
    assert sorted(p.rel for p in site.pages if p.counterpart is None) == unpaired


def test_md_pairs_with_mdx_when_that_is_the_only_translation(tmp_path: Path) -> None:
    make_site(tmp_path, {"a/index.md": PAGE, "en/a/index.mdx": PAGE})
    assert pairs_of(Site(tmp_path)) == [("a/index.md", "en/a/index.mdx")]


def test_same_extension_wins_when_both_exist(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        dict.fromkeys(["s/index.md", "s/index.mdx", "en/s/index.md", "en/s/index.mdx"], PAGE),
    )
    assert pairs_of(Site(tmp_path)) == [
        ("s/index.md", "en/s/index.md"),
        ("s/index.mdx", "en/s/index.mdx"),
    ]


def test_languages_and_urls(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        dict.fromkeys(
            ["index.md", "support/chat.md", "en/support/index.md", "support/_note.md"], PAGE
        ),
    )
    site = Site(tmp_path, url_style="preserve")
    got = {p.rel: (p.lang, p.url, p.partial) for p in site.pages}
    assert got == {
        "index.md": ("ja", "/", False),
        "support/chat.md": ("ja", "/support/chat", False),
        "en/support/index.md": ("en", "/en/support/", False),
        "support/_note.md": ("ja", None, True),  # partials are linted but are not routes
    }


def test_suffix_layout_urls_live_under_en(tmp_path: Path) -> None:
    make_site(tmp_path, dict.fromkeys(["a/b.md", "a/b.en.md"], PAGE))
    site = Site(tmp_path, layout="suffix", url_style="pretty")
    assert {p.rel: p.url for p in site.pages} == {"a/b.md": "/a/b/", "a/b.en.md": "/en/a/b/"}


def test_discovery_ignores_non_pages_and_vcs_folders(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "a.md": PAGE,
            "b.txt": "x",
            ".git/c.md": PAGE,
            "node_modules/d.md": PAGE,
            "img/e.png": b"\x89PNG",
        },
    )
    assert [p.rel for p in Site(tmp_path).pages] == ["a.md"]


def test_url_lookup_finds_pages_static_files_and_redirects(tmp_path: Path) -> None:
    from taiyaku.parse.document import read_document

    make_site(
        tmp_path,
        {
            "support/index.md": PAGE,
            "support/chat.md": "---\ntitle: c\nredirect_from:\n  - /old-chat/\n---\n",
            "support/desk.png": b"\x89PNG",
        },
    )
    site = Site(tmp_path, loader=lambda p: read_document(p.path, p.rel))
    assert site.lookup_url("/support/").page is site.by_rel["support/index.md"]
    assert site.lookup_url("/support").page is site.by_rel["support/index.md"]
    assert not site.lookup_url("/support").canonical
    assert site.lookup_url("/support/chat").page is site.by_rel["support/chat.md"]
    assert site.lookup_url("/support/desk.png").static == (tmp_path / "support/desk.png").resolve()
    assert site.lookup_url("/old-chat/").redirect_of is site.by_rel["support/chat.md"]
    assert site.lookup_url("/old-chat").redirect_of is site.by_rel["support/chat.md"]
    assert not site.lookup_url("/nowhere").found


def test_a_page_is_read_once_per_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The site's tables read every page (Site.page_bytes); the page's Document is then
    made from those bytes, not from a second read: what a rule counted before the check
    is what the check reads, even when the file changes in between."""
    import taiyaku.model.files as files
    from taiyaku.run.engine import _site

    make_site(tmp_path, {"a.md": PAGE, "en/a.md": "---\ntitle: a\n---\nEnglish\n"})
    reads: list[str] = []
    real = files.read_regular_file

    def counted(path: Path, max_bytes: int) -> bytes:
        reads.append(Path(path).name)
        return real(path, max_bytes)

    monkeypatch.setattr("taiyaku.site.pages.read_regular_file", counted)
    monkeypatch.setattr("taiyaku.parse.document.read_regular_file", counted)
    from taiyaku.config.loading import load_config
    from taiyaku.run.setup import resolve_setup

    config = load_config(None, {"root": str(tmp_path)}, cwd=tmp_path, discover=False)
    site = _site(config, resolve_setup(config, [], tmp_path))
    page = site.by_rel["a.md"]
    assert site.page_bytes(page) == PAGE.encode()
    (tmp_path / "a.md").write_text("---\ntitle: changed\n---\n", encoding="utf-8")
    assert site.page_bytes(page) == PAGE.encode()  # kept: not read again
    assert site.document(page).frontmatter.data == {"title": "t"}
    assert reads == ["a.md"]
    # handed over to the Document: a later read is a new one
    assert site.take_page_bytes(page) is None
    assert site.document(site.by_rel["en/a.md"]).readable
    assert reads == ["a.md", "a.md"]


def test_the_bytes_kept_have_a_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("taiyaku.site.pages._BYTES_BUDGET", len(PAGE) + 1)
    make_site(tmp_path, {"a.md": PAGE, "b.md": PAGE})
    site = Site(tmp_path)
    a, b = site.by_rel["a.md"], site.by_rel["b.md"]
    assert site.page_bytes(a) == site.page_bytes(b) == PAGE.encode()
    assert site.take_page_bytes(a) == PAGE.encode()
    assert site.take_page_bytes(b) is None  # over the budget: not kept


def test_a_pages_size_comes_from_its_kept_bytes_else_from_its_file(tmp_path: Path) -> None:
    make_site(tmp_path, {"a.md": PAGE, "b.md": PAGE + "more\n", "gone.md": PAGE})
    site = Site(tmp_path)
    a, b, gone = site.by_rel["a.md"], site.by_rel["b.md"], site.by_rel["gone.md"]
    site.page_bytes(a)
    (tmp_path / "a.md").write_text(PAGE * 3, encoding="utf-8")
    assert site.page_size(a) == len(PAGE.encode())  # the bytes this run reads
    assert site.page_size(b) == len((PAGE + "more\n").encode())  # not read: the file's
    (tmp_path / "gone.md").unlink()
    assert site.page_size(gone) == 0


def test_kept_bytes_over_the_limit_are_read_again(tmp_path: Path) -> None:
    from taiyaku.parse.document import ReadLimits, read_document

    make_site(tmp_path, {"a.md": PAGE})
    doc = read_document(tmp_path / "a.md", "a.md", ReadLimits(max_bytes=8), data=PAGE.encode())
    assert not doc.readable
    assert [problem.kind for problem in doc.problems] == ["too-large"]
