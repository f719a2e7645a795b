"""LK003 wrong-language-link: each test shows the site, then the findings expected on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import lint, make_site

SITE = {
    "index.md": "# トップ\n",
    "en/index.md": "# Top\n",
    "support/index.md": "# サポート\n\n## フォーム\n{:#email-form}\n",
    "en/support/index.md": "# Support\n\n## Form\n{:#email-form}\n\n## Hours\n",
    "support/chat.md": "# チャット\n",
    "en/support/chat.md": "# Chat\n",
    "support/online-call.md": "# オンライン通話（日本語のみ）\n",
}


def lk003(root: Path) -> list[str]:
    return lint(root, select=["LK003"])


def test_english_page_linking_the_japanese_page(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            **SITE,
            "en/support/chat.md": """\
                Use [the form](/support/#email-form).
                See [hours](../../support/index.md#フォーム).

                See [the call page](/support/online-call) (in Japanese only).
                """,
        },
    )
    assert lk003(tmp_path) == [
        "en/support/chat.md:1 LK003 EN page links to the Japanese page /support/; did you "
        "mean /en/support/#email-form?",
        "en/support/chat.md:2 LK003 EN page links to the Japanese page /support/; did you "
        "mean /en/support/?",
    ]


def test_japanese_page_linking_the_english_page(tmp_path: Path) -> None:
    make_site(
        tmp_path, {**SITE, "support/chat.md": "詳しくは[窓口](/en/support/)をご覧ください．\n"}
    )
    assert lk003(tmp_path) == [
        "support/chat.md:1 LK003 JA page links to the English page /en/support/; did you "
        "mean /support/?"
    ]


SWITCHES = [
    # (Japanese page's link, English page's link): all deliberate
    ("[English](/en/)", "[日本語](/)"),
    ("[EN](/en/)", "[JA](/)"),
    ("[英語](/en/)", "[Japanese](/)"),
    ("[ English version ](/en/)", "[(jp)](/)"),
]


@pytest.mark.parametrize(("ja_link", "en_link"), SWITCHES)
def test_language_switch_links_are_deliberate(ja_link: str, en_link: str, tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {**SITE, "index.md": f"# トップ\n\n{ja_link}\n", "en/index.md": f"{en_link}\n"},
    )
    assert lk003(tmp_path) == []


def test_a_language_name_that_is_not_the_target_is_no_switch(tmp_path: Path) -> None:
    # "English" on a link to the Japanese page names the wrong language: reported
    make_site(tmp_path, {**SITE, "en/index.md": "[English](/support/)\n"})
    assert lk003(tmp_path) == [
        "en/index.md:1 LK003 EN page links to the Japanese page /support/; did you mean "
        "/en/support/?"
    ]


def test_bilingual_page_judges_by_the_block_language(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            **SITE,
            "support/online-call.md": """\
                ## 相談の前に / Before Inquiring

                ご相談いただく前に[サポート窓口のページ](/support/)を必ずご確認ください．

                Please be sure to check [the Support Desk page](/en/support/) before inquiring.

                通信が不安定な場合は[チャット](/en/support/chat)の利用もご検討ください．

                If the call is unstable, please consider [the chat](/support/chat) instead.
                """,
        },
    )
    assert lk003(tmp_path) == [
        "support/online-call.md:7 LK003 JA text links to the English page /en/support/chat; "
        "did you mean /support/chat?",
        "support/online-call.md:9 LK003 EN text links to the Japanese page /support/chat; "
        "did you mean /en/support/chat?",
    ]
