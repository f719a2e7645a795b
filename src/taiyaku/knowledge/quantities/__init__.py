"""Quantities and contacts, read in both languages: what NM001 and NM002 compare.

:func:`extract_ja_quantities` and :func:`extract_en_quantities` read numbers with their
unit or counter (people, money, durations, sizes, counts of things, percentages) as
ranges (:class:`Quantity`); :func:`extract_contacts` reads telephone numbers, e-mail
addresses and postal codes (:class:`Contact`).  The unit table is data
(``units.yaml``).  Years, dates and clock times are the date reader's
(:mod:`taiyaku.knowledge.facts`), never quantities.
"""

from __future__ import annotations

from taiyaku.knowledge.quantities.contacts import extract_contacts
from taiyaku.knowledge.quantities.en import extract_en_quantities, may_hold_en_quantity
from taiyaku.knowledge.quantities.ja import extract_ja_quantities, may_hold_ja_quantity
from taiyaku.knowledge.quantities.model import Contact, Quantity

__all__ = [
    "Contact",
    "Quantity",
    "extract_contacts",
    "extract_en_quantities",
    "extract_ja_quantities",
    "may_hold_en_quantity",
    "may_hold_ja_quantity",
]
