"""Whether a change is substantive: does it alter the page as a reader sees it?

Two versions of a page are compared by what parsing them gives
(:func:`taiyaku.parse.document.parse_document`), never by their raw diff:

* the text of every block (headings, paragraphs, list items, table cells, the text of
  HTML blocks; Markdown markup is already gone from it) and of every code block, read in
  page order and joined;
* the front matter's values, except the keys in ``freshness-ignore-keys`` (by default
  ``lastmod``, ``updated``, ``sitemap``, ``redirect_from``), which say when or where,
  not what.

Before comparing, the text is normalised so that what does not change the reading
does not count: Unicode compatibility forms (NFKC: full-width ``（：！１`` are ``(:!1``),
the Japanese comma and full stop against their Western forms, curly against straight
quotes, and white space, which counts only between two Latin letters or digits (where
it separates words): so re-wrapping lines, re-indenting, splitting a paragraph in two,
or adding emphasis (``**…**``) is not a change.  A link whose address changes but whose
text does not, a comment, an image file, an MDX import: none is text a reader reads.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from taiyaku.parse.document import Document, parse_document
from taiyaku.parse.frontmatter import FrontMatter

__all__ = [
    "Reading",
    "compared_keys",
    "first_changed_line",
    "normalise",
    "read_document",
    "read_text",
    "substantive",
]

_WORD_GAP = re.compile(r"(?<=[0-9A-Za-z])\s+(?=[0-9A-Za-z])")
_SPACE = re.compile(r"\s+")
_SAME_MARKS = str.maketrans(
    {"、": ",", "。": ".", "｡": ".", "､": ",", "‘": "'", "’": "'", "“": '"', "”": '"'}
)


@dataclass(frozen=True)
class Reading:
    """What a reader sees of one version of a page."""

    frontmatter: str  # the compared front-matter values, as canonical JSON
    text: str  # every block's text, normalised and joined
    blocks: tuple[str, ...]  # each block's normalised text, in page order
    lines: tuple[int, ...]  # the line where each block starts
    keys: tuple[tuple[str, str, int], ...]  # (key, canonical value, line) per compared key


def normalise(text: str) -> str:
    """The text as compared: see the module's docstring."""
    text = unicodedata.normalize("NFKC", text).translate(_SAME_MARKS)
    text = _WORD_GAP.sub("\0", text)
    return _SPACE.sub("", text).replace("\0", " ")


def read_text(text: str, rel: str, ignored: Collection[str]) -> Reading:
    """The reading of a page version given as text (an old version from git)."""
    return read_document(parse_document(Path(rel), rel, text), ignored)


def read_document(doc: Document, ignored: Collection[str]) -> Reading:
    """The reading of a parsed page."""
    parts = [(block.line, block.text) for block in doc.blocks]
    parts += [
        (token.map[0] + 1 if token.map else 1, token.content)
        for token in doc.md_tokens
        if token.type in ("fence", "code_block")
    ]
    parts.sort(key=lambda part: part[0])
    blocks = tuple(normalise(text) for _line, text in parts)
    keys = compared_keys(doc.frontmatter, ignored)
    return Reading(
        frontmatter=json.dumps([[k, v] for k, v, _ in keys], ensure_ascii=False),
        text=normalise(" ".join(text for _line, text in parts)),
        blocks=blocks,
        lines=tuple(line for line, _text in parts),
        keys=keys,
    )


def compared_keys(fm: FrontMatter, ignored: Collection[str]) -> tuple[tuple[str, str, int], ...]:
    """(key, canonical value, line) of each front-matter key a change of counts."""
    data = fm.data if isinstance(fm.data, dict) else None
    if data is None:  # no front matter, or one that cannot be read: compare its text
        raw = normalise(fm.raw) if fm.present else ""
        return (("", raw, fm.start_line or 1),) if raw else ()
    found = []
    for key in sorted(data, key=str):
        if str(key) in ignored:
            continue
        value = json.dumps(_plain(data[key]), ensure_ascii=False, sort_keys=True, default=str)
        found.append((str(key), normalise(value), fm.key_lines.get((str(key),), 1)))
    return tuple(found)


def _plain(value: Any) -> Any:
    """Front-matter values with their text normalised, so that ``title: （旧）`` and
    ``title: (旧)`` are the same title."""
    if isinstance(value, str):
        return normalise(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def substantive(before: Reading | None, after: Reading | None) -> bool:
    """Whether going from ``before`` to ``after`` changes what a reader sees (None: no
    page; creating or deleting a page with any text is substantive)."""
    if before is None or after is None:
        page = before or after
        return page is not None and bool(page.text or page.frontmatter != "[]")
    return before.text != after.text or before.frontmatter != after.frontmatter


def _joined(blocks: tuple[str, ...]) -> str:
    return normalise(" ".join(blocks))


def _first_differing(old: tuple[str, ...], new: tuple[str, ...]) -> int:
    """The index in ``new`` of the block where its text stops matching ``old``'s (the
    blocks of a changed range may be split differently: compare their joined text)."""
    old_text, new_text = "".join(old), "".join(new)
    common = 0
    for a, b in zip(old_text, new_text, strict=False):
        if a != b:
            break
        common += 1
    seen = 0
    for index, block in enumerate(new):
        seen += len(block)
        if seen > common:
            return index
    return len(new)


def first_changed_line(before: Reading | None, after: Reading, past_end: int | None = None) -> int:
    """The first line of ``after`` whose block differs from ``before`` (a changed
    front-matter key's line when only the front matter changed).  Where the change is
    blocks removed at the end of ``after``, ``past_end`` (the line after it), if given."""
    if before is None:
        return after.lines[0] if after.lines else 1
    matcher = difflib.SequenceMatcher(None, before.blocks, after.blocks, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or _joined(before.blocks[i1:i2]) == _joined(after.blocks[j1:j2]):
            continue  # the same text, split into blocks another way
        index = j1 + _first_differing(before.blocks[i1:i2], after.blocks[j1:j2])
        if index < len(after.lines):
            return after.lines[index]
        return past_end or (after.lines[-1] if after.lines else 1)
    old_keys = {(k, v) for k, v, _line in before.keys}
    for key, value, line in after.keys:
        if (key, value) not in old_keys:
            return line
    return 1
