"""The LK rules on the sample site in ``content/`` (the seed pages, ``preserve`` URLs)."""

from __future__ import annotations

from helpers import REPO, lint


def test_lk_on_content() -> None:
    assert lint(REPO / "content", select=["LK"], url_style="preserve") == [
        'support/chat.md:12 LK004 in section "相談の前に": JA links ../ (→ /) where EN links '
        "./ (→ /en/support/, JA counterpart /support/)",
        "support/chat.md:17 LK001 broken link ../email-form/ (→ /email-form/): no page, file "
        "or redirect there; did you mean /support/email-form? (the link was written for the "
        "page URL /support/chat/)",
        "support/chat.md:25 LK001 broken link ../email-form/ (→ /email-form/): no page, file "
        "or redirect there; did you mean /support/email-form? (the link was written for the "
        "page URL /support/chat/)",
        "support/chat.md:27 LK001 link /support/email-form/ has a trailing slash the page's "
        "URL lacks: support/email-form.md is served at /support/email-form, and static hosts "
        "answer 404 for /support/email-form/; did you mean /support/email-form?",
    ]
