"""Heading slugs as the site generator makes them (github-slugger, used by Astro).

Lower-case; everything that is not a letter, a mark, a number, ``-``, ``_`` or a space
is dropped; each space becomes ``-``.  Japanese is kept.  A repeated slug gets ``-1``,
``-2``, … in document order.
"""

from __future__ import annotations

import unicodedata

__all__ = ["Slugger", "slugify"]


def _kept(ch: str) -> bool:
    if ch in "-_ ":
        return True
    category = unicodedata.category(ch)
    return category[0] in "LNM"


class _KeptOrDropped(dict[int, int | None]):
    """A ``str.translate`` table that keeps what :func:`_kept` keeps and drops the rest,
    filled in as characters are met (a heading is translated in C, not char by char)."""

    def __missing__(self, code: int) -> int | None:
        value = code if _kept(chr(code)) else None
        self[code] = value
        return value


_TABLE = _KeptOrDropped()


def slugify(text: str) -> str:
    return text.lower().translate(_TABLE).replace(" ", "-")


class Slugger:
    """Makes unique slugs for one document, numbering duplicates like github-slugger."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def slug(self, text: str) -> str:
        base = slugify(text)
        slug = base
        while slug in self._seen:
            self._seen[base] += 1
            slug = f"{base}-{self._seen[base]}"
        self._seen[slug] = 0
        return slug
