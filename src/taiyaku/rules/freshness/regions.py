"""Comparing two versions of a page by parsing only the part that changed.

Two versions of a page share most of their lines. Parsing both whole to compare their
readings (:mod:`~taiyaku.rules.freshness.substance`) costs two parses per commit, and a
site's history has thousands of commits. Markdown blocks, though, end at blank lines:
the text before a blank line reads the same whatever follows it. So :func:`compare`
takes the lines where the two versions differ, widens that region on both sides to a
blank line where every block ends (not inside a code fence, an HTML comment, a
``<script>``/``<pre>``/``<style>``/``<textarea>`` element, an MDX comment or a ``$$``
math block), and parses only that region of each version with
:func:`taiyaku.parse.document.parse_document`. Its readings differ exactly where the
whole pages' readings would.

Where that cannot be relied on, the whole pages are parsed: when a page defines link
references or footnotes (``[ref]: …``, whose text elsewhere depends on them), or when a
construct is left open to the end of the page. The front matter is compared on its own,
through its parsed values.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from taiyaku.parse.frontmatter import FrontMatter, parse_front_matter
from taiyaku.rules.freshness.substance import (
    Reading,
    compared_keys,
    first_changed_line,
    read_text,
    substantive,
)

__all__ = ["Comparison", "compare"]

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")  # at any indentation: in list items too
_RAW_ELEMENT = re.compile(r"^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)", re.IGNORECASE)
_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:", re.MULTILINE)


@dataclass(frozen=True)
class Comparison:
    """Whether a change is substantive, and the first line it changed (in the newer
    version; None when nothing a reader sees changed, or the page was deleted)."""

    substantive: bool
    first_line: int | None = None


def compare(
    before: str | None,
    after: str | None,
    rel: str,
    ignored: Collection[str],
    after_reading: Reading | None = None,
) -> Comparison:
    """Compare two versions' texts (None: no page). ``after_reading``: the newer
    version's whole reading, if it is known already (a page the run has parsed)."""
    if before is None and after is not None and after_reading is None and _has_prose(after):
        return Comparison(True, None)  # a page added with text (where is the caller's to ask)
    if before is None or after is None:
        old = read_text(before, rel, ignored) if before is not None else None
        new = after_reading or (read_text(after, rel, ignored) if after is not None else None)
        changed = substantive(old, new)
        line = first_changed_line(old, new) if changed and new is not None else None
        return Comparison(changed, line)
    fm_a, fm_b = _split(before).frontmatter, _split(after).frontmatter
    body = _compare_bodies(before, after, rel)
    if body.substantive:
        return body
    keys_a, keys_b = compared_keys(fm_a, ignored), compared_keys(fm_b, ignored)
    if [k[:2] for k in keys_a] == [k[:2] for k in keys_b]:
        return Comparison(False)
    old_keys = {k[:2] for k in keys_a}
    line = next((k[2] for k in keys_b if k[:2] not in old_keys), fm_b.start_line or 1)
    return Comparison(True, line)


_NOT_PROSE = re.compile(
    r"<!--.*?-->|\{/\*.*?\*/\}|<[^>\n]*>|\]\([^)\n]*\)|^(?:import|export)\b.*$",
    re.DOTALL | re.MULTILINE,
)
_WORD = re.compile(r"\w{2,}")


def _has_prose(text: str) -> bool:
    """Whether a page surely has text a reader reads: a word outside its front matter,
    comments, tags, link addresses and MDX statements (a quick look that spares parsing
    every page added to the history; when unsure, the page is parsed)."""
    body = text[parse_front_matter(text).body_offset :]
    return bool(_WORD.search(_NOT_PROSE.sub(" ", body)))


@dataclass(frozen=True)
class _Split:
    """A page version's front matter, body lines, and the body's safe blank lines."""

    frontmatter: FrontMatter
    lines: list[str]
    block_ends: frozenset[int]


@lru_cache(maxsize=256)
def _split(text: str) -> _Split:
    """Each version is compared twice as the history is walked (with the one before
    it and the one after): split it once."""
    frontmatter = parse_front_matter(text)
    lines = text[frontmatter.body_offset :].split("\n")
    return _Split(frontmatter, lines, frozenset(_block_ends(lines)))


def _compare_bodies(before: str, after: str, rel: str) -> Comparison:
    split_a, split_b = _split(before), _split(after)
    lines_a, lines_b = split_a.lines, split_b.lines
    if lines_a == lines_b:
        return Comparison(False)
    if _DEFINITION.search(before) or _DEFINITION.search(after):
        return _whole(before, after, rel)
    start, end_a, end_b = _region(split_a, split_b)
    fm_b = split_b.frontmatter
    region_a, region_b = lines_a[start:end_a], lines_b[start:end_b]
    # (White space alone may change what a reader sees: a line indented into a code
    # block, a blank line that ends a list. Parsing decides, not the raw text.)
    # A leading blank line: a region that starts with ``---`` is no front matter.
    old = read_text("\n" + "\n".join(region_a), rel, ())
    new = read_text("\n" + "\n".join(region_b), rel, ())
    if not substantive(old, new):
        return Comparison(False)
    # Region line 2 is body line ``start``, which is file line body_start_line + start.
    after_region = next((k for k in range(end_b, len(lines_b)) if lines_b[k].strip()), None)
    past_end = None if after_region is None else after_region - start + 2
    line = first_changed_line(old, new, past_end)
    return Comparison(True, line + fm_b.body_start_line + start - 2)


def _whole(before: str, after: str, rel: str) -> Comparison:
    old, new = read_text(before, rel, ()), read_text(after, rel, ())
    if old.text == new.text:
        return Comparison(False)
    return Comparison(True, first_changed_line(old, new))


def _region(split_a: _Split, split_b: _Split) -> tuple[int, int, int]:
    """Where the two versions' bodies differ, widened to blank lines where every block
    ends: (first line, end in ``a``, end in ``b``), the ends exclusive."""
    lines_a, lines_b = split_a.lines, split_b.lines
    shortest = min(len(lines_a), len(lines_b))
    prefix = 0
    while prefix < shortest and lines_a[prefix] == lines_b[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < shortest - prefix
        and lines_a[len(lines_a) - 1 - suffix] == lines_b[len(lines_b) - 1 - suffix]
    ):
        suffix += 1
    safe_a, safe_b = split_a.block_ends, split_b.block_ends
    # (Whether a blank line is a boundary depends on the line after it: ask both.)
    start = max((i for i in safe_a & safe_b if i < prefix), default=0)
    end_a, end_b = len(lines_a), len(lines_b)
    for k in range(suffix, 0, -1):  # the suffix's lines, from its first
        ia, ib = len(lines_a) - k, len(lines_b) - k
        if ia in safe_a and ib in safe_b:
            end_a, end_b = ia, ib
            break
    return start, end_a, end_b


def _block_ends(lines: list[str]) -> set[int]:
    """The blank lines where every Markdown block has ended (none, if a code fence or
    another construct is still open at the end of the page).

    A blank line before an indented line is not one: the indented text may continue
    the list item above it, which it cannot do when read on its own."""
    safe: set[int] = set()
    closing: str | None = None  # what ends the construct that is open
    blank_run: list[int] = []  # the blank lines since the last text line
    for index, line in enumerate(lines):
        if closing is not None:
            if _closes(line, closing):
                closing = None
            continue
        if not line.strip():
            blank_run.append(index)
            continue
        if not line[:1].isspace():
            safe.update(blank_run)
        blank_run = []
        closing = _opens(line)
    safe.update(blank_run)
    return safe if closing is None else set()


def _opens(line: str) -> str | None:
    """What closes the multi-line construct ``line`` opens, if it opens one."""
    fence = _FENCE.match(line)
    if fence:
        return "fence:" + fence.group(1)
    element = _RAW_ELEMENT.match(line)
    if element and f"</{element.group(1).lower()}" not in line.lower():
        return f"</{element.group(1).lower()}"
    for opener, closer in (("<!--", "-->"), ("{/*", "*/}")):
        at = line.find(opener)
        if at >= 0 and closer not in line[at + len(opener) :]:
            return closer
    if line.strip() == "$$":
        return "$$"
    return None


def _closes(line: str, closing: str) -> bool:
    if closing.startswith("fence:"):
        fence = closing[len("fence:") :]
        stripped = line.strip()
        return stripped.startswith(fence) and not stripped.strip(fence[0])
    if closing == "$$":
        return line.strip() == "$$"
    return closing in line.lower()
