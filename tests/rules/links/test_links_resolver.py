"""The link resolver: what a link on a page lands on, per URL style.

Each case reads as: the page, the link as written, what it lands on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import make_site
from taiyaku.parse.document import read_document
from taiyaku.rules.links._targets import external_key
from taiyaku.site.links import LinkResolver
from taiyaku.site.pages import Site

PAGES = {
    "index.md": "# top\n",
    "support/index.md": "# support\n",
    "support/chat.md": "# chat\n",
    "support/email-form.md": "# form\n",
    "support/desk.png": b"\x89PNG",
    "en/support/chat.md": "# chat\n",
}


def resolver(root: Path, style: str = "preserve", **kwargs: object) -> LinkResolver:
    site = Site(
        root,
        url_style=style,  # type: ignore[arg-type]
        loader=lambda page: read_document(page.path, page.rel),
        **kwargs,  # type: ignore[arg-type]
    )
    return LinkResolver(site)


def land(r: LinkResolver, rel: str, href: str) -> tuple[str, str, bool]:
    """(kind, where it lands, canonical)."""
    target = r.resolve(r.site.by_rel[rel], href)
    where = target.page.rel if target.page is not None else target.url
    return target.kind, where, target.canonical


# fmt: off
PRESERVE = [
    # page                  link                     lands on
    ("support/chat.md",     "./email-form",          ("page", "support/email-form.md", True)),
    ("support/chat.md",     "email-form",            ("page", "support/email-form.md", True)),
    ("support/chat.md",     "./",                    ("page", "support/index.md", True)),
    ("support/chat.md",     ".",                     ("page", "support/index.md", True)),
    ("support/chat.md",     "../",                   ("page", "index.md", True)),
    ("support/chat.md",     "../email-form/",        ("missing", "/email-form/", True)),
    ("support/chat.md",     "/support/email-form",   ("page", "support/email-form.md", True)),
    ("support/chat.md",     "/support/email-form/",  ("page", "support/email-form.md", False)),
    ("support/chat.md",     "/support",              ("page", "support/index.md", False)),
    ("support/chat.md",     "/support/email-form.html", ("page", "support/email-form.md", True)),
    ("support/index.md",    "./chat",                ("page", "support/chat.md", True)),
    ("support/index.md",    "chat",                  ("page", "support/chat.md", True)),
    ("support/index.md",    "../",                   ("page", "index.md", True)),
    ("support/index.md",    "../support/chat#x",     ("page", "support/chat.md", True)),
    ("support/chat.md",     "../chat.md",            ("missing", "/chat.md", True)),
    ("support/chat.md",     "./email-form.md",       ("page", "support/email-form.md", True)),
    ("en/support/chat.md",  "../../support/chat.md", ("page", "support/chat.md", True)),
    ("support/chat.md",     "/support/chat.md",      ("page", "support/chat.md", True)),
    ("support/chat.md",     "./desk.png",            ("static", "/support/desk.png", True)),
    ("support/chat.md",     "/support/desk.png",     ("static", "/support/desk.png", True)),
    ("support/chat.md",     "#before",               ("page", "support/chat.md", True)),
    ("support/chat.md",     "?q=1",                  ("page", "support/chat.md", True)),
    ("support/chat.md",     "https://example.com/",  ("external", "https://example.com/", True)),
    ("support/chat.md",     "mailto:a@example.com",  ("external", "mailto:a@example.com", True)),
    ("support/chat.md",     "../../x",               ("outside", "/x", True)),
    ("support/chat.md",     "../../../x.md",         ("outside", "/x.md", True)),
]
# fmt: on


@pytest.mark.parametrize(("rel", "href", "expected"), PRESERVE)
def test_preserve(tmp_path: Path, rel: str, href: str, expected: tuple[str, str, bool]) -> None:
    assert land(resolver(make_site(tmp_path, PAGES)), rel, href) == expected


# fmt: off
PRETTY = [
    # support/chat.md is served at /support/chat/
    ("support/chat.md",  "../email-form/",       ("page", "support/email-form.md", True)),
    ("support/chat.md",  "../email-form",        ("page", "support/email-form.md", False)),
    ("support/chat.md",  "./email-form",         ("missing", "/support/chat/email-form", True)),
    ("support/chat.md",  "../",                  ("page", "support/index.md", True)),
    ("support/chat.md",  "../../",               ("page", "index.md", True)),
    ("support/chat.md",  "/support/email-form/", ("page", "support/email-form.md", True)),
    ("support/index.md", "./chat/",              ("page", "support/chat.md", True)),
    ("support/chat.md",  "../chat.md",           ("missing", "/chat.md", True)),
    ("support/chat.md",  "./email-form.md",      ("page", "support/email-form.md", True)),
    ("support/chat.md",  "./desk.png",           ("static", "/support/desk.png", True)),
]
JEKYLL = [
    # support/chat.md is served at /support/chat.html, and as /support/chat
    ("support/chat.md",  "./email-form.html",         ("page", "support/email-form.md", True)),
    ("support/chat.md",  "./email-form",              ("page", "support/email-form.md", True)),
    ("support/chat.md",  "../",                       ("page", "index.md", True)),
    ("support/chat.md",  "./",                        ("page", "support/index.md", True)),
    ("support/chat.md",  "/support/email-form/",      ("page", "support/email-form.md", False)),
    ("support/index.md", "chat.html",                 ("page", "support/chat.md", True)),
    ("support/chat.md",  "../email-form/",            ("missing", "/email-form/", True)),
]
# fmt: on


@pytest.mark.parametrize(("rel", "href", "expected"), PRETTY)
def test_pretty(tmp_path: Path, rel: str, href: str, expected: tuple[str, str, bool]) -> None:
    assert land(resolver(make_site(tmp_path, PAGES), "pretty"), rel, href) == expected


@pytest.mark.parametrize(("rel", "href", "expected"), JEKYLL)
def test_jekyll(tmp_path: Path, rel: str, href: str, expected: tuple[str, str, bool]) -> None:
    assert land(resolver(make_site(tmp_path, PAGES), "jekyll"), rel, href) == expected


def test_slash_variant_is_only_the_added_slash(tmp_path: Path) -> None:
    r = resolver(make_site(tmp_path, PAGES))
    chat = r.site.by_rel["support/chat.md"]
    assert r.resolve(chat, "/support/email-form/").slash_variant
    assert not r.resolve(chat, "/support").slash_variant  # hosts redirect to /support/
    assert not r.resolve(chat, "/support/email-form").slash_variant


def test_static_dirs_and_images_beside_the_file(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "pages/a/b.md": "# b\n",
            "pages/a/img/x.png": b"png",
            "public/assets/logo.png": b"png",
        },
    )
    r = resolver(tmp_path / "pages", "pretty", static_dirs=[tmp_path / "public"])
    page = r.site.by_rel["a/b.md"]
    # /a/b/ + img/x.png is /a/b/img/x.png, which is not there; the file beside b.md is.
    assert r.resolve(page, "img/x.png").kind == "static"
    assert r.resolve(page, "/assets/logo.png").kind == "static"
    assert r.resolve(page, "/assets/missing.png").kind == "missing"
    assert r.resolve(page, "../../public/assets/logo.png").kind == "missing"  # /public/…
    assert r.resolve(page, "../../../public/assets/logo.png").kind == "outside"


def test_redirect_from_targets(tmp_path: Path) -> None:
    r = resolver(
        make_site(
            tmp_path,
            {
                "docs/byod.md": "---\ntitle: BYOD\nredirect_from:\n  - /notice/byod\n---\n",
                "index.md": "# top\n",
            },
        )
    )
    top = r.site.by_rel["index.md"]
    target = r.resolve(top, "/notice/byod/")
    assert (target.kind, target.page and target.page.rel) == ("redirect", "docs/byod.md")


def test_partials(tmp_path: Path) -> None:
    r = resolver(make_site(tmp_path, {**PAGES, "support/_note.md": "x\n"}))
    note = r.site.by_rel["support/_note.md"]
    assert r.resolve(note, "./chat").kind == "unchecked"  # depends on the including page
    assert r.resolve(note, "#x").kind == "unchecked"
    assert r.resolve(note, "/support/chat").kind == "page"
    assert r.resolve(note, "/support/nothing").kind == "missing"
    assert r.resolve(note, "desk.png").kind == "static"  # resolved against the file
    assert r.resolve(note, "gone.png").kind == "missing"


def test_routes_that_are_not_markdown(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "index.md": "# top\n",
            "sitemap.astro": "---\n---\n",
            "search/index.astro": "---\n---\n",
            "notice/rss.xml.ts": "export {}\n",
            "blog/[slug].astro": "---\n---\n",
        },
    )
    r = resolver(tmp_path)
    top = r.site.by_rel["index.md"]
    assert r.resolve(top, "/sitemap").kind == "page"
    assert r.resolve(top, "/search/").kind == "page"
    assert r.resolve(top, "/notice/rss.xml").kind == "page"
    assert r.resolve(top, "/blog/anything").kind == "unchecked"
    assert r.resolve(top, "/nothing").kind == "missing"


def test_folders_that_are_not_there_are_not_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link to a missing URL lists the folders on its way that exist, and stops at the
    first one its parent does not list; names are compared as a case-insensitive file
    system would, so that such a system still gets the folder listed."""
    import taiyaku.site.links as links

    make_site(tmp_path, {"index.md": "# top\n", "Docs/guide/[slug].astro": "---\n---\n"})
    listed: list[str] = []
    real = links._listdir

    def counted(folder: Path) -> frozenset[str]:
        listed.append(folder.relative_to(tmp_path).as_posix())
        return real(folder)

    monkeypatch.setattr(links, "_listdir", counted)
    r = resolver(tmp_path)
    top = r.site.by_rel["index.md"]
    assert r.resolve(top, "/no/such/deep/page").kind == "missing"
    assert listed == ["."]  # the root only: "no" is not in it
    # "docs" names "Docs" on a case-insensitive file system: listed (empty here, on a
    # case-sensitive one; as os.listdir says)
    assert r.resolve(top, "/docs/guide/x").kind in ("missing", "unchecked")
    assert "docs/guide" in listed or "docs" in listed
    assert r.resolve(top, "/Docs/guide/anything").kind == "unchecked"  # [slug].astro
    deep = "/" + "/".join(["Docs"] * 3000)
    assert r.resolve(top, deep).kind == "missing"  # a walk, not a recursion


def test_never_reads_outside_the_root(tmp_path: Path) -> None:
    make_site(tmp_path, {"outside.md": "# x\n", "site/a/b.md": "# b\n"})
    r = resolver(tmp_path / "site")
    page = r.site.by_rel["a/b.md"]
    assert r.resolve(page, "../../outside.md").kind == "outside"
    assert r.resolve(page, "/../outside.md").kind == "outside"


def test_results_are_cached(tmp_path: Path) -> None:
    r = resolver(make_site(tmp_path, PAGES))
    chat = r.site.by_rel["support/chat.md"]
    assert r.resolve(chat, "./email-form") is r.resolve(chat, "./email-form")


def test_external_keys_ignore_language_markers() -> None:
    same = [
        ("https://support.zoom.us/hc/ja/articles/1", "https://support.zoom.us/hc/en-us/articles/1"),
        (
            "https://www.u-tokyo.ac.jp/adm/dics/ja/index.html",
            "https://www.u-tokyo.ac.jp/adm/dics/en/",
        ),
        ("https://www.he.u-tokyo.ac.jp/", "https://www.he.u-tokyo.ac.jp/en/"),
        ("https://www.google.co.jp/appsstatus/", "https://www.google.com/appsstatus/"),
        ("https://example.com/a?lang=ja", "https://example.com/a?lang=en"),
        ("https://example.com/a?utm_source=x", "https://example.com/a"),
    ]
    for ja, en in same:
        assert external_key(ja) == external_key(en), (ja, en)
    assert external_key("https://forms.gle/AAA") != external_key("https://forms.gle/BBB")
    assert external_key("https://status.slack.com/") != external_key("https://slack-status.com/")


def test_a_missing_url_parses_only_the_pages_that_mention_redirect_from(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            **{f"p{i}.md": f"# page {i}\n" for i in range(20)},
            "docs/byod.md": "---\nredirect_from: /notice/byod\n---\n",
        },
    )
    parsed: list[str] = []

    def load(page):  # type: ignore[no-untyped-def]
        parsed.append(page.rel)
        return read_document(page.path, page.rel)

    r = LinkResolver(Site(tmp_path, loader=load))
    assert r.resolve(r.site.by_rel["p0.md"], "/nowhere").kind == "missing"
    assert r.resolve(r.site.by_rel["p0.md"], "/notice/byod").kind == "redirect"
    assert parsed == ["docs/byod.md"]
