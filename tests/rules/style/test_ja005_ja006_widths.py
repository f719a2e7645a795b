"""JA005 halfwidth-katakana and JA006 fullwidth-alphanumeric: each text beside what is
reported and what its fix writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from style_pages import fixed, found, ja_run


@pytest.mark.parametrize(
    ("body", "reported", "after"),
    [
        ("ﾊﾟｽﾜｰﾄﾞを変更してください．", ["ﾊﾟｽﾜｰﾄﾞ"], "パスワードを変更してください．"),
        ("ｶﾞｲﾄﾞの｢手順｣を読みます｡", ["ｶﾞｲﾄﾞ", "｢", "｣", "｡"], None),
        ("パスワードを変更してください．", [], None),
        ("`ﾃｽﾄ` と入力します．", [], None),
    ],
)
def test_halfwidth_katakana(
    tmp_path: Path, body: str, reported: list[str], after: str | None
) -> None:
    result = ja_run(tmp_path, body, select="JA005")
    assert found(result) == reported
    if after is not None:
        assert fixed(result.diagnostics[0]).endswith(after + "\n")
        assert result.diagnostics[0].message == "half-width katakana 'ﾊﾟｽﾜｰﾄﾞ': write 'パスワード'"


@pytest.mark.parametrize(
    ("body", "options", "reported"),
    [
        ("ＵＴｏｋｙｏ Ａｃｃｏｕｎｔでサインインします．", {}, ["ＵＴｏｋｙｏ", "Ａｃｃｏｕｎｔ"]),
        ("年１回の講習を受けます．", {}, ["１"]),
        ("年１回の講習を受けます．", {"ja_fullwidth_allowed": "０１２３４５６７８９"}, []),
        ("年１回の講習を受けます．", {"ja_fullwidth_allowed": "0123456789"}, []),
        ("Ａ１の教室です．", {"ja_fullwidth_allowed": "１"}, ["Ａ"]),
        ("UTokyo Accountでサインインします．", {}, []),
        ("全角記号（％や＆）は対象外です．", {}, []),
        ("`ＡＢＣ` と入力します．https://example.com/ＡＢＣ を見ます．", {}, []),
    ],
)
def test_fullwidth_alphanumerics(
    tmp_path: Path, body: str, options: dict[str, str], reported: list[str]
) -> None:
    result = ja_run(tmp_path, body, select="JA006", **options)
    assert found(result) == reported


def test_the_fullwidth_fix_writes_half_width(tmp_path: Path) -> None:
    result = ja_run(tmp_path, "年１０回の講習を受けます．", select="JA006")
    (finding,) = result.diagnostics
    assert finding.message == "full-width '１０': write '10'"
    assert finding.fix is not None and finding.fix.applicability == "safe"
    assert fixed(finding).endswith("年10回の講習を受けます．\n")
