"""LK005 link-outside-root: each test shows the site, then the findings expected on it."""

from __future__ import annotations

from pathlib import Path

from helpers import lint, make_site


def test_links_climbing_out(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "secret.md": "# outside the content root\n",
            "site/index.md": "# top\n",
            "site/support/chat.md": """\
                [file](../../secret.md) [url](../../email-form) [ok](../index.md) [ok](../)

                ![image](../../../logo.png) [root](/../x)
                """,
        },
    )
    assert lint(tmp_path / "site", select=["LK005"]) == [
        "support/chat.md:1 LK005 link ../../secret.md climbs out of the content root "
        "(support/chat.md is in it)",
        "support/chat.md:1 LK005 link ../../email-form climbs above the site root (browsers "
        "stop at / and open /email-form)",
        "support/chat.md:3 LK005 link ../../../logo.png climbs above the site root (browsers "
        "stop at / and open /logo.png)",
        "support/chat.md:3 LK005 link /../x climbs above the site root (browsers stop at / "
        "and open /x)",
    ]
    # LK001 leaves them to LK005: they are neither found nor missing.
    assert lint(tmp_path / "site", select=["LK001"]) == []
