"""LK004 link-parity: each test shows a JA/EN pair, then the findings expected on it."""

from __future__ import annotations

from pathlib import Path

from helpers import lint, make_site

BASE = {
    "index.md": "# トップ\n",
    "en/index.md": "# Top\n",
    "support/index.md": "# サポート\n",
    "en/support/index.md": "# Support\n",
    "support/email-form.md": "# フォーム\n",
    "en/support/email-form.md": "# Form\n",
    "support/desk.png": b"png",
    "support/desk-en.png": b"png",
}


def lk004(root: Path) -> list[str]:
    return lint(root, select=["LK004"])


def pair(tmp_path: Path, ja: str, en: str) -> Path:
    return make_site(tmp_path, {**BASE, "support/chat.md": ja, "en/support/chat.md": en})


def test_link_pointing_somewhere_else(tmp_path: Path) -> None:
    pair(
        tmp_path,
        "## 相談の前に\n\n必ず[サポート窓口のページ](../)に目を通してください．\n",
        "## Before Inquiring\n\nPlease check [the Support Desk page](./) before inquiring.\n",
    )
    assert lk004(tmp_path) == [
        'support/chat.md:3 LK004 in section "相談の前に": JA links ../ (→ /) where EN links '
        "./ (→ /en/support/, JA counterpart /support/)"
    ]


def test_same_target_written_differently_is_equal(tmp_path: Path) -> None:
    pair(
        tmp_path,
        "[窓口](./) [フォーム](./email-form) [フォーム](/support/email-form.md)\n"
        "[フォーム](/support/email-form) [外部](https://support.zoom.us/hc/ja/articles/1)\n",
        "[desk](/en/support/) [form](email-form) [form](../../support/email-form.md)\n"
        "[external](https://support.zoom.us/hc/en-us/articles/1)\n",
    )
    # ../../support/email-form.md is the JA page: LK003's business, not a parity difference.
    assert lk004(tmp_path) == []


def test_repeated_links_are_compared_as_sets(tmp_path: Path) -> None:
    pair(
        tmp_path,
        "[フォーム](./email-form) と [フォーム](./email-form)\n",
        "[the form](./email-form)\n",
    )
    assert lk004(tmp_path) == []


def test_link_in_one_language_only(tmp_path: Path) -> None:
    pair(
        tmp_path,
        "## 注意\n\n[フォーム](./email-form)と[外部](https://example.com/a)を見てください．\n",
        "## Notes\n\nSee [the form](./email-form).\n",
    )
    assert lk004(tmp_path) == [
        'support/chat.md:3 LK004 in section "注意": JA links https://example.com/a; EN has no '
        "such link"
    ]


def test_link_in_english_only_names_the_counterpart(tmp_path: Path) -> None:
    pair(tmp_path, "本文です．\n", "See [the form](/en/support/email-form).\n")
    assert lk004(tmp_path) == [
        "en/support/chat.md:1 LK004 EN links /en/support/email-form; JA has no such link (its "
        "JA counterpart is /support/email-form)"
    ]


def test_link_moved_to_another_section_is_not_reported(tmp_path: Path) -> None:
    pair(
        tmp_path,
        "## A\n\n[フォーム](./email-form)\n\n## B\n\n本文\n",
        "## A\n\ntext\n\n## B\n\n[the form](./email-form)\n",
    )
    assert lk004(tmp_path) == []


def test_images_and_in_page_links_are_not_compared(tmp_path: Path) -> None:
    pair(
        tmp_path,
        "![案内](./desk.png) [下へ](#form)\n",
        "![sign](/support/desk-en.png)\n",
    )
    assert lk004(tmp_path) == []


def test_broken_link_is_reported_by_lk001_not_here(tmp_path: Path) -> None:
    pair(
        tmp_path,
        "## 注意\n\n[フォーム](../email-form/)\n",
        "## Notes\n\n[the form](./email-form)\n",
    )
    assert lk004(tmp_path) == []


def test_unequal_differences_are_reported_one_by_one(tmp_path: Path) -> None:
    pair(
        tmp_path,
        "[a](https://a.example/) [b](https://b.example/)\n",
        "[c](https://c.example/)\n",
    )
    assert lk004(tmp_path) == [
        "en/support/chat.md:1 LK004 EN links https://c.example/; JA has no such link",
        "support/chat.md:1 LK004 JA links https://a.example/; EN has no such link",
        "support/chat.md:1 LK004 JA links https://b.example/; EN has no such link",
    ]


def test_bilingual_page_compares_blocks_by_language(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            **BASE,
            "support/online-call.md": """\
                ## 相談の前に / Before Inquiring

                ご相談いただく前に[サポート窓口のページ](/support/)を必ずご確認ください．

                Please be sure to check [the Support Desk page](/en/support/) before inquiring.

                ## メールフォーム / Email Form

                [メールフォーム](/support/email-form)からお問い合わせください．

                Please contact us through [the email form](/en/) instead.
                """,
        },
    )
    assert lk004(tmp_path) == [
        'support/online-call.md:9 LK004 in section "メールフォーム": JA links '
        "/support/email-form where EN links /en/ (→ /en/, JA counterpart /)"
    ]


def test_reported_on_the_english_side_when_only_it_looks_wrong(tmp_path: Path) -> None:
    pair(
        tmp_path,
        "[フォーム](./email-form)\n",
        "[the form](/en/support/email-form/)\n",
    )
    assert lk004(tmp_path) == []  # the same page through a slash variant: LK001's business
    pair(tmp_path, "[窓口](./)\n", "[the desk](/support/email-form)\n")
    assert lk004(tmp_path) == [
        "en/support/chat.md:1 LK004 EN links /support/email-form where JA links ./ (→ "
        "/support/, EN counterpart /en/support/)"
    ]


def test_a_file_linked_with_and_without_its_extension_is_one_link(tmp_path: Path) -> None:
    # Jekyll and static hosts serve about.html at /about too
    make_site(
        tmp_path,
        {
            **BASE,
            "about.html": "<p>about</p>\n",
            "support/chat.md": "# チャット\n\n[概要](/about)をご覧ください．\n",
            "en/support/chat.md": "# Chat\n\nSee [about](/about.html).\n",
        },
    )
    assert lint(tmp_path, select=["LK004"], url_style="jekyll") == []


def test_a_link_taiyaku_cannot_follow_may_be_the_other_versions(tmp_path: Path) -> None:
    # a Liquid template stands for a link it cannot resolve: no one-sided finding
    pair(
        tmp_path,
        "# チャット\n\n[フォーム]({{site.baseurl}}/support/email-form)をご覧ください．\n",
        "# Chat\n\nSee [the form](/en/support/email-form).\n",
    )
    assert lk004(tmp_path) == []
    # ... but a second link the template cannot stand for is still reported
    pair(
        tmp_path,
        "# チャット\n\n[フォーム]({{site.baseurl}}/support/email-form)をご覧ください．\n",
        "# Chat\n\nSee [the form](/en/support/email-form) and [top](/en/).\n",
    )
    assert len(lk004(tmp_path)) == 1
