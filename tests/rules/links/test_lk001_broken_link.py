"""LK001 broken-link: each test shows the site, then the findings expected on it."""

from __future__ import annotations

from pathlib import Path

from helpers import REPO, SEEDS, lint, make_site

SUPPORT = {
    "index.md": "# top\n",
    "support/index.md": "# support\n",
    "support/chat.md": "# chat\n",
    "support/email-form.md": "# form\n",
    "support/desk.png": b"\x89PNG",
}


def lk001(root: Path, **options: object) -> list[str]:
    return lint(root, select=["LK001"], **options)


def test_valid_links_produce_nothing(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            **SUPPORT,
            "support/on-site.md": """\
                ---
                title: 対面
                ---
                [窓口](./) [フォーム](./email-form) [チャット](chat) [トップ](../)
                [同じ](/support/email-form) [ファイル](./chat.md) [上の](../support/chat.md#x)
                ![案内](./desk.png) ![案内](/support/desk.png) [外](https://example.com/x)
                [メール](mailto:desk@example.com) [ここ](#top) [index](/support)
                <a href="./email-form">a</a> <img src="desk.png">

                [参照][form]

                [form]: ./email-form
                """,
        },
    )
    assert lk001(tmp_path) == []


def test_seed_001_links_resolve_on_en_support_chat(tmp_path: Path) -> None:
    """Seed 001 (the EN chat page) links ./ and ./email-form from /en/support/chat."""
    seed = (SEEDS / "001_016dec7178546dcb.txt").read_text(encoding="utf-8")
    make_site(
        tmp_path,
        {
            "en/support/chat.md": seed,
            "en/support/index.md": "# Support Desk\n",
            "en/support/email-form.md": "# Email form\n",
        },
    )
    assert lk001(tmp_path) == []


def test_content_en_support_chat_has_no_broken_link() -> None:
    content = REPO / "content"
    page = content / "en" / "support" / "chat.md"
    findings = lint(content, [page], select=["LK001"], url_style="preserve")
    assert [f for f in findings if f.startswith("en/support/chat.md:")] == []


def test_legacy_relative_link_on_a_non_index_page(tmp_path: Path) -> None:
    """``../email-form/`` was written when /support/chat had a trailing slash."""
    make_site(tmp_path, {**SUPPORT, "support/chat.md": "[フォーム](../email-form/)\n"})
    assert lk001(tmp_path) == [
        "support/chat.md:1 LK001 broken link ../email-form/ (→ /email-form/): no page, "
        "file or redirect there; did you mean /support/email-form? (the link was written "
        "for the page URL /support/chat/)"
    ]


def test_trailing_slash_variant_strict_by_default(tmp_path: Path) -> None:
    make_site(tmp_path, {**SUPPORT, "support/chat.md": "[a](/support/email-form/#x)\n"})
    assert lk001(tmp_path) == [
        "support/chat.md:1 LK001 link /support/email-form/#x has a trailing slash the page's "
        "URL lacks: support/email-form.md is served at /support/email-form, and static hosts "
        "answer 404 for /support/email-form/; did you mean /support/email-form#x?"
    ]
    assert lk001(tmp_path, trailing_slash="ignore") == []


def test_relative_trailing_slash_variant(tmp_path: Path) -> None:
    make_site(tmp_path, {**SUPPORT, "support/index.md": "[chat](chat/)\n"})
    assert lk001(tmp_path) == [
        "support/index.md:1 LK001 link chat/ (→ /support/chat/) has a trailing slash the "
        "page's URL lacks: support/chat.md is served at /support/chat, and static hosts "
        "answer 404 for /support/chat/; did you mean /support/chat?"
    ]


def test_missing_slash_on_a_folder_is_fine(tmp_path: Path) -> None:
    make_site(tmp_path, {**SUPPORT, "index.md": "[support](/support) [s](support)\n"})
    assert lk001(tmp_path) == []


def test_pretty_urls(tmp_path: Path) -> None:
    """Under ``pretty``, support/chat.md is /support/chat/: ``./x`` means /support/chat/x."""
    make_site(
        tmp_path,
        {**SUPPORT, "support/chat.md": "[ok](../email-form/) [bad](./email-form)\n"},
    )
    assert lk001(tmp_path, url_style="pretty") == [
        "support/chat.md:1 LK001 broken link ./email-form (→ /support/chat/email-form): no "
        "page, file or redirect there; did you mean /support/email-form/? (the link was "
        "written for the page URL /support/chat)"
    ]


def test_jekyll_urls(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            **SUPPORT,
            "support/chat.md": "[a](./email-form.html) [b](./email-form) [c](../support/)\n"
            "[d](./email-form/)\n",
        },
    )
    assert lk001(tmp_path, url_style="jekyll") == [
        "support/chat.md:2 LK001 link ./email-form/ (→ /support/email-form/) has a trailing "
        "slash the page's URL lacks: support/email-form.md is served at "
        "/support/email-form.html, and static hosts answer 404 for /support/email-form/; "
        "did you mean /support/email-form.html?"
    ]


def test_file_path_links_resolve_against_the_file(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            **SUPPORT,
            "en/support/chat.md": "[ja](../../support/chat.md) [gone](../chatt.md)\n"
            "[typo](./emial-form.md)\n",
            "en/support/email-form.md": "# form\n",
        },
    )
    assert lk001(tmp_path) == [
        "en/support/chat.md:1 LK001 broken link ../chatt.md (→ en/chatt.md): no page file "
        "en/chatt.md under the root",
        "en/support/chat.md:2 LK001 broken link ./emial-form.md (→ en/support/emial-form.md):"
        " no page file en/support/emial-form.md under the root; did you mean "
        "en/support/email-form.md?",
    ]


def test_reference_links_html_and_images(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            **SUPPORT,
            "support/chat.md": """\
                [参照][gone] を見る．

                <a href="/support/nothing">a</a>

                ![画像](./nothing.png)

                <img src="/support/missing.png">

                [gone]: /support/gone
                """,
        },
    )
    assert lk001(tmp_path) == [
        "support/chat.md:1 LK001 broken link /support/gone: no page, file or redirect there",
        "support/chat.md:3 LK001 broken link /support/nothing: no page, file or redirect there",
        "support/chat.md:5 LK001 broken link ./nothing.png (→ /support/nothing.png): no such file",
        "support/chat.md:7 LK001 broken link /support/missing.png: no such file",
    ]


def test_mdx_component_props_and_markdown_inside_jsx(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            **SUPPORT,
            "support/on-site.mdx": """\
                ---
                title: 対面
                ---

                import Card from "@components/Card.astro";

                <Card href="/support/gone" title="x" to={dynamic} />

                <Box>
                  [フォーム](./email-form) と [なし](./nothing)
                </Box>

                <LinkButton link="./chat" />
                """,
        },
    )
    assert lk001(tmp_path) == [
        "support/on-site.mdx:7 LK001 broken link /support/gone: no page, file or redirect there",
        "support/on-site.mdx:10 LK001 broken link ./nothing (→ /support/nothing): no page, "
        "file or redirect there",
    ]


def test_redirect_from_and_static_dirs_are_targets(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "pages/index.md": "[old](/notice/byod) [logo](/assets/logo.png) [x](/assets/x.png)\n",
            "pages/docs/byod.md": "---\ntitle: BYOD\nredirect_from:\n  - /notice/byod\n---\n",
            "public/assets/logo.png": b"png",
        },
    )
    assert lint(tmp_path / "pages", select=["LK001"], static_dirs=[str(tmp_path / "public")]) == [
        "index.md:1 LK001 broken link /assets/x.png: no such file"
    ]


def test_folder_not_in_this_site(tmp_path: Path) -> None:
    make_site(tmp_path, {**SUPPORT, "support/chat.md": "[FAQ](/faq/) [q](/faq/q1)\n"})
    assert lk001(tmp_path) == [
        "support/chat.md:1 LK001 broken link /faq/: target folder /faq/ not in this site",
        "support/chat.md:1 LK001 broken link /faq/q1: target folder /faq/ not in this site",
    ]


def test_typo_suggestions(tmp_path: Path) -> None:
    make_site(tmp_path, {**SUPPORT, "index.md": "[a](/support/emial-form) [b](/suport/chat)\n"})
    assert lk001(tmp_path) == [
        "index.md:1 LK001 broken link /support/emial-form: no page, file or redirect there; "
        "did you mean /support/email-form?",
        "index.md:1 LK001 broken link /suport/chat: target folder /suport/ not in this site; "
        "did you mean /support/chat?",
    ]


def test_no_static_files_at_all_is_named(tmp_path: Path) -> None:
    make_site(tmp_path, {"a/index.md": "![x](img/a.png)\n"})
    assert lk001(tmp_path) == [
        "a/index.md:1 LK001 broken link img/a.png (→ /a/img/a.png): no such file (no static "
        "file at all under the root or static-dirs: set `static-dirs`?)"
    ]


def test_partial_relative_links_are_not_checked(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {**SUPPORT, "support/_note.md": "[a](./gone) [b](../x/) [c](/support/gone)\n"},
    )
    assert lk001(tmp_path) == [
        "support/_note.md:1 LK001 broken link /support/gone: no page, file or redirect there"
    ]


def test_astro_routes_and_dynamic_routes(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "index.md": "[map](/sitemap/) [post](/blog/2024/x) [rss](/notice/rss.xml)\n",
            "sitemap/index.astro": "---\n---\n",
            "blog/[...slug].astro": "---\n---\n",
            "notice/rss.xml.js": "export {}\n",
        },
    )
    assert lk001(tmp_path) == []


def test_front_matter_addresses_are_targets(tmp_path: Path) -> None:
    # each page's front matter gives it another address; the links use those
    make_site(
        tmp_path,
        {
            "index.md": "[a](/about/) [b](/legal/terms/) [c](/old/faq) [d](/docs/start/)\n"
            "[e](/news/launch-2025/) [f](/getting-started) [g](/about-us/)\n",
            "about.md": "---\ntitle: About\npermalink: /about/\n---\n",  # Jekyll
            "terms.md": "---\ntitle: Terms\nurl: /legal/terms/\n---\n",  # Hugo
            "faq.md": "---\ntitle: FAQ\naliases: [/old/faq]\n---\n",  # Hugo
            "docs/intro.md": "---\ntitle: Intro\nslug: /start\n---\n",  # Docusaurus
            "news/item.md": "---\ntitle: News\nslug: launch-2025\n---\n",  # Hugo
            "guide.md": "---\ntitle: Guide\nslug: /getting-started\n---\n",
            "team.md": "---\ntitle: Team\npermalink: /:title/\n---\n",  # a pattern: no URL
        },
    )
    assert lk001(tmp_path, url_style="pretty") == [
        "index.md:2 LK001 broken link /about-us/: target folder /about-us/ not in this site"
    ]
