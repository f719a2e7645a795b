"""What a quantity is, once read: a range of values, a kind of thing, and where it was.

A quantity is kept as the range of values its words allow, so that the same fact written
differently is the same range: ``301人以上`` and ``more than 300 participants`` are both
301 and up; ``上限300人``, ``最大300名`` and ``up to 300 attendees`` are all at most 300;
``約50名`` and ``about 50 students`` are 50, approximately.  Two quantities state the
same fact when they count the same ``kind`` of thing and their ranges are equal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

__all__ = ["Bound", "Contact", "ContactKind", "Quantity", "Tax", "show_number"]

# How the range was given: a value, a bound (at least / at most), a range, an estimate.
Bound = Literal["exact", "at-least", "at-most", "range", "about"]
Tax = Literal["excluded", "included"]
ContactKind = Literal["phone", "email", "postal"]


@dataclass(frozen=True)
class Quantity:
    """``low``…``high`` (``math.inf`` where open) of ``kind``, read from ``text``.

    ``unit`` is the unit as written (``人``, ``participants``); values are in the kind's
    base unit (durations in minutes).  ``tax`` is what the text says of tax, if
    anything.  ``start``/``end`` are offsets in the text read.
    """

    kind: str
    low: float
    high: float
    bound: Bound
    unit: str
    text: str
    start: int
    end: int
    tax: Tax | None = None
    number: float = 0.0  # the number as written, before any conversion (30 in 30時間)

    def same_fact(self, other: Quantity) -> bool:
        """Whether both state the same range of the same kind (and the same tax, when
        both say which)."""
        if self.kind != other.kind or not _close(self.low, other.low):
            return False
        if not _close(self.high, other.high):
            return False
        return self.tax is None or other.tax is None or self.tax == other.tax

    def comparable(self, other: Quantity) -> bool:
        """Whether a difference between the two is a contradiction: the same kind, given
        the same way (two bounds of one side, two exact values, two estimates…)."""
        if self.kind != other.kind:
            return False
        shape = {self.bound, other.bound}
        return len(shape) == 1 or shape == {"exact", "about"}

    def describe(self, divisor: float = 1, unit: str = "") -> str:
        """``at most 300``, ``301 or more``, ``10–20``, ``about 50``, ``3,000``; each
        number divided by ``divisor`` and followed by ``unit`` when one is given
        (``at most 2 hours``, ``1–2 weeks``)."""

        def shown(value: float, with_unit: bool = True) -> str:
            number = show_number(value / divisor)
            return f"{number} {unit}" if unit and with_unit else number

        if self.bound == "at-least":
            return f"{shown(self.low)} or more"
        if self.bound == "at-most":
            return f"at most {shown(self.high)}"
        if self.bound == "range":
            return f"{shown(self.low, with_unit=False)}–{shown(self.high)}"
        if self.bound == "about":
            return f"about {shown(self.low)}"
        return shown(self.low)


@dataclass(frozen=True)
class Contact:
    """A telephone number, an e-mail address or a postal code; ``value`` is its
    normalised form (digits only, ``+81`` as ``0``; an address in lower case)."""

    kind: ContactKind
    value: str
    text: str
    start: int
    end: int


def show_number(value: float) -> str:
    if math.isinf(value):
        return "∞"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _close(a: float, b: float) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
