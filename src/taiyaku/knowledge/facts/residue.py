"""Date- and time-like text the extractors could not read.

Text that cannot be read is not evidence of absence.  Before a rule says "the other
language states no such date", it asks whether the other side has any *residue*: text
shaped like a date or a time that no extracted fact covers (``4月8日頃``, ``8.4 (Tue)``,
``Sept. 5th`` in a form the grammar does not know).  Where there is, the claim is not a
warning.

What counts, by kind (folded text, URLs and code masked; a span a fact covers never
counts):

* ``date``: digits joined by ``/``, ``-`` or ``.`` as in a date (``4/8``, ``2025-4``,
  ``2025.4.8``, not a decimal such as ``1.5``), a numeral before 月 or 日 (not 日間,
  曜), a month name next to a number (``Sept. 5``, ``5th of May``), 上旬/中旬/下旬/月末;
* ``time``: digits joined by ``:`` (``9:00``), a numeral before 時, a number before
  a.m./p.m., ``noon``, ``midnight``, ``正午``, ``午前``/``午後`` before a numeral.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from taiyaku.knowledge.facts._text import fold, mask_urls
from taiyaku.knowledge.facts.model import Fact
from taiyaku.model.lang import Lang

__all__ = ["Residue", "ResidueKind", "unread"]

ResidueKind = Literal["date", "time"]

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_NUMERAL = "[0-9〇零一二三四五六七八九十]"
_SLASHED = r"(?<![\d.])\d{1,4}\s?[/\-]\s?\d{1,2}(?:\s?[/\-]\s?\d{1,4})?(?![\d.])"
_DOTTED = r"(?<![\d.])\d{1,4}\.\d{1,2}\.\d{1,4}(?![\d.])"
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_PATTERNS: dict[Lang, tuple[tuple[ResidueKind, re.Pattern[str]], ...]] = {
    "en": (
        ("date", re.compile(_SLASHED)),
        ("date", re.compile(_DOTTED)),
        ("date", re.compile(rf"(?<![\d.])\d{{1,2}}\.\d{{1,2}}\s?\(?\s?{_WEEKDAY}", re.I)),
        ("date", re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b", re.I)),
        ("date", re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?!\w)", re.I)),
        ("time", re.compile(r"(?<![\d.])\d{1,2}\s?:\s?\d{2}(?!\d)")),
        ("time", re.compile(r"\b\d{1,2}\s?(?:[ap]\.?\s?m\b\.?|o'clock\b)", re.I)),
        ("time", re.compile(r"\b(?:noon|midnight)\b", re.I)),
    ),
    "ja": (
        ("date", re.compile(_SLASHED)),
        ("date", re.compile(_DOTTED)),
        ("date", re.compile(rf"{_NUMERAL}+\s?(?:月|日(?!間|曜|本))")),
        ("date", re.compile(r"上旬|中旬|下旬|初旬|月末|月初")),
        ("time", re.compile(r"(?<![\d.])\d{1,2}\s?:\s?\d{2}(?!\d)")),
        ("time", re.compile(rf"{_NUMERAL}+\s?時(?!間|点|期|代)")),
        ("time", re.compile(rf"正午|(?:午前|午後)\s?{_NUMERAL}")),
    ),
}


@dataclass(frozen=True)
class Residue:
    """Unread date- or time-like text of a block: its kind, its span and its text."""

    kind: ResidueKind
    start: int
    end: int
    text: str


def unread(text: str, facts: Sequence[Fact], lang: Lang) -> list[Residue]:
    """The date- and time-like spans of ``text`` that none of ``facts`` covers."""
    masked = mask_urls(fold(text))
    covered = _Covered(facts)
    found: list[Residue] = []
    for kind, pattern in _PATTERNS[lang]:
        for m in pattern.finditer(masked):
            if not covered.overlaps(m.start(), m.end()):
                found.append(Residue(kind, m.start(), m.end(), text[m.start() : m.end()]))
    found.sort(key=lambda r: (r.start, r.end))
    return found


class _Covered:
    """The spans of the facts, asked "does anything overlap [start, end)?" in log time."""

    def __init__(self, facts: Sequence[Fact]) -> None:
        spans = sorted((f.start_offset, f.end_offset) for f in facts)
        self.starts = [s for s, _ in spans]
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        furthest = -1
        for _, end in spans:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self.starts, end)  # the spans that start before ``end``
        return before > 0 and self.reach[before - 1] > start
