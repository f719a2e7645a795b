"""Telephone numbers, e-mail addresses and postal codes, in either language.

* **Telephone** (Japanese numbers, as both languages write them): ``03-1234-5678``,
  ``(03) 1234-5678``, ``０３－１２３４－５６７８``, ``+81-3-1234-5678``,
  ``+81 (0)3 1234 5678``, ``0120-123-456``, ``050-1234-5678``.  The digits must number
  ten or eleven once ``+81`` is read as ``0``, and the groups must be separated (a
  hyphen, a space, brackets): a run of ten digits is an ID, not a number to call.
  The value is the digits alone.
* **E-mail**: ``name@example.ac.jp`` (in text or in a ``mailto:`` link); the value is the
  address in lower case.
* **Postal code**: seven digits as ``113-8654`` after ``〒``, ``郵便番号``, ``Postal
  code``/``ZIP``, or in an address (``Tokyo 113-8654``, ``113-8654, Japan``); the value
  is the seven digits.
"""

from __future__ import annotations

import re

from taiyaku.knowledge.quantities.model import Contact

__all__ = ["extract_contacts", "normalize_phone"]

_WIDE = str.maketrans("０１２３４５６７８９－（）＋　", "0123456789-()+ ")
_SEP = r"[-‐−–ー\s.]"
_PHONE = re.compile(
    rf"(?<![\w+-])(?:\+81{_SEP}?(?:\(0\){_SEP}?)?|\(0|0)\d{{1,4}}\)?{_SEP}?\d{{1,4}}{_SEP}\d{{3,4}}"
    r"(?![\w-])"
)
_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?![\w-])")
_POSTAL = re.compile(
    r"(?:〒\s?|郵便番号\s*[:：]?\s*|(?:postal|post|zip)\s*code\s*[:：]?\s*|ZIP\s*[:：]?\s*"
    r"|Tokyo,?\s+)(\d{3})[-‐－](\d{4})(?!\d)"
    r"|(?<![\d-])(\d{3})[-‐－](\d{4}),?\s+Japan\b",
    re.I,
)


_DIGIT = re.compile(r"[0-9０-９]")
_WIDE_CHAR = re.compile("[０-９－（）＋　]")
# Every postal code a match of _POSTAL holds: a much faster test of a text first.
_POSTAL_DIGITS = re.compile(r"\d{3}[-‐－]\d{4}")


def normalize_phone(text: str) -> str:
    digits = re.sub(r"\D", "", text.translate(_WIDE))
    if text.translate(_WIDE).lstrip().startswith("+81"):
        digits = "0" + digits[2:].removeprefix("0")
    return digits


def extract_contacts(text: str) -> list[Contact]:
    """The contacts of a text, in order (``text`` may mix languages)."""
    has_at = "@" in text
    if not has_at and not _DIGIT.search(text):
        return []
    # same length: offsets are kept (translating is slow: only a text that needs it)
    folded = text.translate(_WIDE) if _WIDE_CHAR.search(text) else text
    found = []
    for match in _PHONE.finditer(folded):
        value = normalize_phone(match.group())
        if len(value) in (10, 11) and value.startswith("0"):
            found.append(Contact("phone", value, text[match.start() : match.end()], *match.span()))
    for match in _EMAIL.finditer(folded) if has_at else ():
        found.append(Contact("email", match.group().lower(), match.group(), *match.span()))
    for match in _POSTAL.finditer(folded) if _POSTAL_DIGITS.search(folded) else ():
        digits = "".join(g for g in match.groups() if g)
        start = match.start(1) if match.group(1) else match.start(3)
        found.append(Contact("postal", digits, text[start : match.end()], start, match.end()))
    return sorted(found, key=lambda c: c.start)
