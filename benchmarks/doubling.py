"""Doubling benchmarks: a page grows 2×, 4×, 8×; the check's time must grow in step.

    python benchmarks/doubling.py [--case NAME ...] [--base N] [--repeat 3]

Each case builds one pathological but legal page pair at four sizes (``base`` units,
then 2×, 4×, 8×) in a temporary folder and checks it in this process (``--jobs 1``, no
cache), best of ``repeat``.  It prints each size's time and the ratio to the previous
size: about 2 is linear, about 2.1–2.3 is n log n, 4 is quadratic.  A benchmark, not a
test: the figures are for a person to judge (docs/performance.md quotes them).

Cases:

* ``dates``: paragraphs and list items of dates and times in every notation the
  extractors know, both languages (8× is a Japanese page of about one million
  characters).
* ``headings``: the same heading and paragraph over and over (8×: 20,000 identical
  headings on each side).
* ``links``: one paragraph of links, a third of them broken (8×: 48,000 links).
* ``suppressions``: a ``taiyaku-disable-next-line`` comment before each broken link
  (8×: 20,000 comments).
* ``disable-blocks``: ``taiyaku-disable`` … ``taiyaku-enable`` around each broken link
  (8×: 16,000 blocks).
* ``link-references``: reference-style links and their definitions (8×: 16,000 each).
* ``long-line``: broken links on one long line of a page, so that every finding quotes
  that line (8×: 8,000 findings on a line of about 180 KB).
* ``sections``: headings, each followed by a paragraph with a link, in both languages
  (8×: 16,000 sections).

Every case renders the text output too (the reporter is part of the user's wait).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, best_of
from taiyaku.config.loading import load_config
from taiyaku.output.text import render as render_text
from taiyaku.parse.analyzer import get_tagger
from taiyaku.run.engine import run

_JA_DATES = [
    "受付は2025年4月1日（火）から4月30日（水）まで，平日9:00～17:00（12:00～13:00を除く）です．",
    "- 4/9 学生あて：システム更新のお知らせ（5/2 更新）",
    "|S1|**4/28**|**4/29**|",
    "令和7年4月上旬に説明会を，2025年度末までに3回開催します．5月11日から12日は休みです．",
    "24時間365日対応．R7.4.15とH31.4.30，2025.4.15のいずれかに提出してください．",
]
_EN_DATES = [
    "Reception opens on Tuesday, April 1, 2025 and closes April 30 (Wed); weekdays 9am-5pm.",
    "- 4/9 For students: system update notice (5/2 update)",
    "|S1|**April 28**|**April 29**|",
    "A briefing in early April 2025; three sessions by the end of FY2025. Closed May 11 to 12.",
    "Available 24/7. Submit by 2025-04-15, 4/15/2025 or 15 April 2025.",
]


def _dates(units: int) -> dict[str, str]:
    head = "---\ntitle: t\n---\n\n"
    ja = "\n\n".join(_JA_DATES[i % len(_JA_DATES)] for i in range(units))
    en = "\n\n".join(_EN_DATES[i % len(_EN_DATES)] for i in range(units))
    return {"a.md": head + ja + "\n", "en/a.md": head + en + "\n"}


_HEAD = "---\ntitle: t\n---\n\n"


def _pair(ja: str, en: str) -> dict[str, str]:
    return {"a.md": _HEAD + ja + "\n", "en/a.md": _HEAD + en + "\n"}


def _headings(units: int) -> dict[str, str]:
    ja = "## 窓口\n\n窓口は平日に開いています。\n\n"
    return _pair(ja * units, "## Desk\n\nOpen.\n\n" * units)


def _links(units: int) -> dict[str, str]:
    def paragraph(word: str) -> str:
        return " ".join(
            f"[{word}](./missing-{i})" if i % 3 == 0 else f"[{word}](/a/#top)" for i in range(units)
        )

    return _pair("窓口 " + paragraph("窓口"), "Desk " + paragraph("desk"))


def _suppressions(units: int) -> dict[str, str]:
    one = "<!-- taiyaku-disable-next-line LK001 -- moved -->\n[x](./missing)\n\n"
    return _pair(one * units, one * units)


def _disable_blocks(units: int) -> dict[str, str]:
    one = "<!-- taiyaku-disable LK001 -->\n[x](./missing)\n<!-- taiyaku-enable LK001 -->\n\n"
    return _pair(one * units, one * units)


def _link_references(units: int) -> dict[str, str]:
    uses = " ".join(f"[x{i}][r{i}]" for i in range(units))
    definitions = "".join(f"[r{i}]: ./missing-{i % 7}\n" for i in range(units))
    return _pair(f"窓口 {uses}\n\n{definitions}", f"Desk {uses}\n\n{definitions}")


def _long_line(units: int) -> dict[str, str]:
    line = " ".join(f"[x](./missing-{i}) " + "あ" * 5 for i in range(units))
    return _pair(line, line.replace("あ", "a"))


def _sections(units: int) -> dict[str, str]:
    ja = "".join(
        f"## 項目{i}\n\n[案内](./guide-{i % 50})をご覧ください．\n\n" for i in range(units)
    )
    en = "".join(f"## Item {i}\n\nSee [the guide](./guide-{i % 50}).\n\n" for i in range(units))
    return _pair(ja, en)


CASES: dict[str, Callable[[int], dict[str, str]]] = {
    "sections": _sections,
    "dates": _dates,
    "headings": _headings,
    "links": _links,
    "suppressions": _suppressions,
    "disable-blocks": _disable_blocks,
    "link-references": _link_references,
    "long-line": _long_line,
}
DEFAULT_BASE = {
    "sections": 2000,
    "dates": 2000,
    "headings": 2500,
    "links": 6000,
    "suppressions": 2500,
    "disable-blocks": 2000,
    "link-references": 2000,
    "long-line": 1000,
}


def check_site(root: Path) -> None:
    overrides = {
        "root": str(root),
        "checks-dir": str(root / "_none_"),
        "cache": False,
        "jobs": 1,
        "max-page-seconds": 0,
    }
    config = load_config(None, overrides, cwd=root, discover=False)
    result = run(config, [], cwd=root)
    assert not result.internal_errors, result.internal_errors
    render_text(result)


def measure(name: str, base: int, repeat: int) -> list[tuple[int, int, float]]:
    rows = []
    for factor in (1, 2, 4, 8):
        units = base * factor
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            files = CASES[name](units)
            for rel, text in files.items():
                path = root / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            size = max(len(text) for text in files.values())
            rows.append((units, size, best_of(lambda root=root: check_site(root), repeat)))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", action="append", choices=sorted(CASES))
    parser.add_argument("--base", type=int)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    get_tagger()
    sys.path.insert(0, str(REPO / "src"))
    for name in args.case or sorted(CASES):
        base = args.base or DEFAULT_BASE[name]
        print(f"{name}: units, largest page (characters), seconds, ratio to the previous size")
        previous = None
        for units, size, seconds in measure(name, base, args.repeat):
            ratio = f"{seconds / previous:.2f}" if previous else "—"
            print(f"  {units:>8} {size:>10} {seconds:>8.2f}  {ratio}")
            previous = seconds
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
