"""TM001-TM004 share one extraction per block and one tokenisation per block."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hours_pages import bilingual, page, tm

import taiyaku.rules.hours.block_facts as block_facts
from helpers import count_analyses, make_site


def test_each_block_is_read_once_for_all_the_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: Counter[tuple[str, str]] = Counter()
    real_ja, real_en = block_facts.extract_ja, block_facts.extract_en

    def counting_ja(text, tokens, **kwargs):  # type: ignore[no-untyped-def]
        calls["ja", text] += 1
        return real_ja(text, tokens, **kwargs)

    def counting_en(text, **kwargs):  # type: ignore[no-untyped-def]
        calls["en", text] += 1
        return real_en(text, **kwargs)

    monkeypatch.setattr(block_facts, "extract_ja", counting_ja)
    monkeypatch.setattr(block_facts, "extract_en", counting_en)
    tokenized = count_analyses(monkeypatch)
    make_site(
        tmp_path,
        {
            "a.md": page(
                "## 時間\n\n平日9時～17時（Zoomで対応）\n\n|窓口|日|\n|--|--|\n|本郷|4/29|"
            ),
            "en/a.md": page(
                "## Hours\n\n9am-6pm on weekdays\n\n|Desk|Date|\n|--|--|\n|Hongo|April 29|"
            ),
            "b.md": bilingual(
                "## 日程 / Schedule\n\n2025年3月15日（金）\n\nSaturday, March 15, 2025"
            ),
        },
    )
    found = tm(tmp_path)
    assert [line.split(" ")[2] for line in found] == ["TM003", "TM001"]
    assert calls, "nothing was extracted"
    assert max(calls.values()) == 1, [key for key, n in calls.items() if n > 1]
    assert tokenized, "nothing was analysed"
    assert max(tokenized.values()) == 1, [key for key, n in tokenized.items() if n > 1]


def test_only_blocks_that_may_hold_a_time_or_date_are_analysed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_site(
        tmp_path,
        {
            "a.md": page("## 窓口\n\n2つの部屋で受け付けます。\n\n平日9時～17時に開いています。"),
            "en/a.md": page("## Desk\n\nTwo rooms.\n\nOpen 9am-5pm on weekdays."),
        },
    )
    analysed = count_analyses(monkeypatch)
    assert tm(tmp_path) == []
    assert list(analysed) == ["平日9時～17時に開いています。"]
