"""LK002 broken-anchor: each test shows the site, then the findings expected on it."""

from __future__ import annotations

from pathlib import Path

from helpers import lint, make_site

SUPPORT_INDEX = """\
    # サポート窓口

    ## 注意事項
    {:#notes}

    ## 概要

    ## 概要

    ## Q&A: Before Inquiring

    <div id="hours">時間</div>

    <a name="old-anchor"></a>

    **[フォーム](./email-form)**{:#form-box .center}
    """


def lk002(root: Path, **options: object) -> list[str]:
    return lint(root, select=["LK002"], **options)


def test_valid_anchors_produce_nothing(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "support/index.md": SUPPORT_INDEX,
            "support/email-form.md": "# form\n",
            "support/chat.md": """\
                [a](./#notes) [b](./#概要) [c](./#概要-1) [d](/support/#qa-before-inquiring)
                [e](./#hours) [f](./#old-anchor) [g](./#form-box) [h](./#top) [i](./#)
                [j](./#%E6%A6%82%E8%A6%81) [k](./index.md#notes) [l](#chat-page)
                [m](./desk.pdf#page=2)

                ## Chat page
                """,
            "support/desk.pdf": b"%PDF",
        },
    )
    assert lk002(tmp_path) == []


def test_broken_anchors_on_other_pages_and_this_page(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "support/index.md": SUPPORT_INDEX,
            "support/chat.md": """\
                [a](./#Notes) [b](./#概要-2) [c](../support/index.md#gone)

                [d](#before-inquring)

                ## Before Inquiring
                """,
        },
    )
    assert lk002(tmp_path) == [
        'support/chat.md:1 LK002 broken anchor #Notes: /support/ has no heading or id "Notes"'
        "; did you mean #notes?",
        'support/chat.md:1 LK002 broken anchor #概要-2: /support/ has no heading or id "概要-2"'
        "; did you mean #概要-1?",
        'support/chat.md:1 LK002 broken anchor #gone: /support/ has no heading or id "gone"',
        "support/chat.md:3 LK002 broken anchor #before-inquring: this page has no heading or "
        'id "before-inquring"; did you mean #before-inquiring?',
    ]


def test_percent_encoded_fragment_is_decoded(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {"a.md": "[x](#%E6%97%A5%E6%9C%AC) [y](#%E8%8B%B1%E8%AA%9E)\n\n## 日本\n"},
    )
    assert lk002(tmp_path) == [
        'a.md:1 LK002 broken anchor #英語: this page has no heading or id "英語"'
    ]


def test_ids_in_mdx_components_and_imported_partials(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "wifi/index.mdx": """\
                ---
                title: Wi-Fi
                ---

                import Trouble from "./_Trouble.mdx";

                <Box id="connect">接続</Box>

                [接続](#connect) [困ったとき](#困ったとき) [なし](#none)

                <Trouble />
                """,
            "wifi/_Trouble.mdx": "## 困ったとき\n\n本文\n",
        },
    )
    assert lk002(tmp_path) == [
        'wifi/index.mdx:9 LK002 broken anchor #none: this page has no heading or id "none"'
    ]


def test_redirects_and_missing_pages(tmp_path: Path) -> None:
    """A redirect is checked against the page it leads to; LK001 owns missing pages."""
    make_site(
        tmp_path,
        {
            "docs/byod.md": "---\ntitle: BYOD\nredirect_from: /notice/byod\n---\n\n## 方針\n",
            "index.md": "[a](/notice/byod#方針) [b](/notice/byod#gone) [c](/nothing#x)\n",
        },
    )
    assert lk002(tmp_path) == [
        'index.md:1 LK002 broken anchor #gone: /docs/byod has no heading or id "gone"'
    ]
