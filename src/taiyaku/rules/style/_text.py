"""What the JA rules read: a page's Japanese prose, and the parts of it that are not prose.

A :class:`Prose` is one Japanese block (``Block.lang == "ja"``) or one front-matter value
the site lists (``ja-frontmatter-keys``, ``title`` by default).  English blocks are never
read, and inside a Japanese block these spans are passed over (:attr:`Prose.skip`):

* code: code spans and ``<code>``/``<kbd>``/``<pre>`` … content (``Block.code``);
* URLs and e-mail addresses written as text;
* MDX expressions (``{props.title}``), in ``.mdx`` pages;
* English runs: a stretch without Japanese characters that holds three Latin words or
  more (a quoted English title).  A single name in a Japanese sentence (``Zoom``,
  ``UTokyo Account``) is part of the sentence.

Link targets, HTML attributes, code blocks and front matter never reach a block's text.
A block's morphemes are the shared ``Block.tokens``; a front-matter value's are made once
(the JA rules of a page share its Prose: :mod:`taiyaku.rules.style._page`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING

from taiyaku.model.lang import detect_language
from taiyaku.model.records import cached_property
from taiyaku.model.spans import Spot
from taiyaku.parse.analyzer import Morphemes

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.parse.nodes import Block

__all__ = [
    "FRONTMATTER_KEYS",
    "JA_SCRIPT",
    "Prose",
    "build_prose",
    "inside",
    "is_japanese_word",
    "morpheme_offsets",
    "quoted_spans",
    "url_spans",
]

# Kana, kanji and the marks that write Japanese words (々 〆 ヶ ー).
_KANA_KANJI = "\u3005\u3006\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: A Japanese character: kana, kanji, half-width katakana.
JA_SCRIPT = re.compile(f"[{_KANA_KANJI}\uff66-\uff9f]")
_JA_WORD = re.compile(f"[{_KANA_KANJI}]+")
# What ends an English run: Japanese script, CJK punctuation, full-width forms.
_NOT_LATIN_RUN = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_LATIN_RUN = re.compile(f"[^{_NOT_LATIN_RUN}]+")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")  # two letters or more
_ENGLISH_RUN_WORDS = 3
# Where a URL or an e-mail address may be: each is found from its literal part first
# (a pattern that starts with a character class is tried at every position, slowly).
_URL_MARK = re.compile(r"://|mailto:|www\.|@")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,30}\Z")
_URL_REST = re.compile("[^\\s<>\"'（）「」『』、。，．]+")
_MAIL_USER = re.compile(r"[A-Za-z0-9._%+-]{1,64}\Z")
_MAIL_DOMAIN = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_SPACE = re.compile(r"\s")
_QUOTES = {"「": "」", "『": "』", "［": "］"}
_QUOTE_BRACKETS = re.compile("[「」『』［］]")
_MDX_EXPRESSION = re.compile(r"\{[^{}\n]*\}")

FRONTMATTER_KEYS = "ja-frontmatter-keys"


def is_japanese_word(text: str) -> bool:
    """Whether ``text`` is written in kana and kanji only (no Latin, digits, full-width
    or half-width forms)."""
    return _JA_WORD.fullmatch(text) is not None


def url_spans(text: str) -> list[tuple[int, int]]:
    """The URLs (``https://…``, ``mailto:…``, ``www.…``) and e-mail addresses written in
    ``text``; a URL ends at white space, quotes, brackets or Japanese punctuation."""
    spans = []
    for mark in _URL_MARK.finditer(text):
        at, found = mark.start(), mark.group()
        if found == "@":
            user = _MAIL_USER.search(text, max(0, at - 64), at)
            domain = _MAIL_DOMAIN.match(text, at + 1)
            if user and domain:
                spans.append((user.start(), domain.end()))
            continue
        start = at
        if found == "://":
            scheme = _SCHEME.search(text, max(0, at - 31), at)
            if scheme is None:
                continue
            start = scheme.start()
        rest = _URL_REST.match(text, mark.end())
        spans.append((start, rest.end() if rest else mark.end()))
    return spans


def morpheme_offsets(text: str, surfaces: Sequence[str]) -> list[int]:
    """Where each morpheme starts in ``text`` (fugashi passes over white space), as
    :class:`~taiyaku.parse.analyzer.Token` counts them, without building the tokens."""
    if not _SPACE.search(text):  # nothing passed over: each starts where the last ends
        starts = [0, *accumulate(map(len, surfaces))]
        if starts[-1] == len(text):
            return starts[:-1]
    starts = []
    startswith, find = text.startswith, text.find
    cursor = 0
    for surface in surfaces:
        if not startswith(surface, cursor):
            found = find(surface, cursor)
            if found >= 0:
                cursor = found
        starts.append(cursor)
        cursor += len(surface)
    return starts


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside 「」, 『』 and ［］, brackets included (outermost pairs; an unclosed
    one quotes nothing): quoted labels, titles and messages, written as what they
    name is written."""
    if not any(opening in text for opening in _QUOTES):
        return []
    spans, stack = [], []
    for bracket in _QUOTE_BRACKETS.finditer(text):
        char, offset = bracket.group(), bracket.start()
        if char in _QUOTES:
            stack.append((char, offset))
        elif stack and char == _QUOTES[stack[-1][0]]:
            _opening, start = stack.pop()
            if not stack:
                spans.append((start, offset + 1))
    return spans


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in spans)


@dataclass(eq=False)
class Prose:
    """One piece of Japanese text a JA rule reads, and where its characters are."""

    text: str
    kind: str  # the block's kind (heading, paragraph, list_item, table, quote, html)
    doc: Document = field(repr=False)
    block: Block | None = field(default=None, repr=False)
    line: int = 1  # a front-matter value: where it starts
    column: int = 1
    _morphemes: Morphemes | None = field(default=None, repr=False)

    @cached_property
    def skip(self) -> tuple[tuple[int, int], ...]:
        """The sorted, disjoint spans of :attr:`text` that are not prose (worked out on
        first use: most texts are never asked)."""
        code = self.block.code if self.block is not None else ()
        return _skip_spans(self.text, code, self.doc.is_mdx and self.block is not None)

    @property
    def morphemes(self) -> Morphemes:
        """fugashi's analysis: the block's shared one, or this value's own (made once)."""
        if self.block is not None:
            return self.block.tokens
        if self._morphemes is None:
            self._morphemes = Morphemes(self.text)
        return self._morphemes

    @cached_property
    def quoted(self) -> list[tuple[int, int]]:
        """The spans of :attr:`text` in quotation brackets (:func:`quoted_spans`)."""
        return quoted_spans(self.text)

    @cached_property
    def _skip_starts(self) -> list[int]:
        return [start for start, _end in self.skip]

    def is_prose(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` overlaps no skipped span."""
        if not self.skip:
            return True
        index = bisect.bisect_right(self._skip_starts, start) - 1
        if index >= 0 and self.skip[index][1] > start:
            return False
        following = index + 1
        return following >= len(self.skip) or self.skip[following][0] >= end

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column in the file of character ``offset`` of :attr:`text`."""
        if self.block is not None:
            return self.block.position(offset)
        return self.line, self.column + offset

    def spot(self, start: int, end: int) -> Spot:
        """Where ``text[start:end]`` is in the file (its end too, when the source holds
        the text as it is, on one line)."""
        exact = self.exact_spot(start, end)
        if exact is not None:
            return exact
        line, column = self.position(start)
        return Spot(line, column)

    def exact_spot(self, start: int, end: int) -> Spot | None:
        """Where ``text[start:end]`` is, if the file holds exactly these characters there
        on one line (so that an edit of that span replaces them and nothing else)."""
        if end <= start:
            return None
        line, column = self.position(start)
        end_line, last_column = self.position(end - 1)
        if end_line != line:
            return None
        source = self.doc.line_text(line)[column - 1 : last_column]
        if source != self.text[start:end]:
            return None
        return Spot(line, column, line, last_column + 1)


def build_prose(doc: Document, frontmatter_keys: Sequence[str]) -> Iterator[Prose]:
    """The Japanese prose of ``doc``: listed front-matter values, then its Japanese blocks."""
    if not doc.readable:
        return
    yield from _frontmatter_prose(doc, frontmatter_keys)
    for block in doc.blocks:
        if block.lang == "ja":
            yield Prose(block.text, block.kind, doc, block)


def _skip_spans(
    text: str, code: Sequence[tuple[int, int]], is_mdx: bool
) -> tuple[tuple[int, int], ...]:
    spans = list(code)
    if ":" in text or "@" in text or "www." in text:
        spans += url_spans(text)
    if is_mdx and "{" in text:
        spans += [m.span() for m in _MDX_EXPRESSION.finditer(text)]
    if len(_LATIN_WORD.findall(text)) < _ENGLISH_RUN_WORDS:
        return _merged(spans)  # too few Latin words for an English run
    if spans:  # an English run is counted in what is left: code and URLs break it
        masked = list(text)
        for start, end in spans:
            masked[start:end] = "〓" * (end - start)
        spans += _english_runs("".join(masked))
    else:
        spans = _english_runs(text)
    return _merged(spans)


def _english_runs(text: str) -> list[tuple[int, int]]:
    """Stretches without Japanese that hold three Latin words or more, trimmed of the
    spaces and punctuation around them."""
    runs = []
    for run in _LATIN_RUN.finditer(text):
        words = list(_LATIN_WORD.finditer(run.group()))
        if len(words) >= _ENGLISH_RUN_WORDS:
            runs.append((run.start() + words[0].start(), run.start() + words[-1].end()))
    return runs


def _merged(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _frontmatter_prose(doc: Document, keys: Sequence[str]) -> Iterator[Prose]:
    """The listed front-matter values that are Japanese text written on their key's
    line as they read (a quoted or folded value that cannot be found there is passed
    over: a finding must point at the characters it names)."""
    data = doc.frontmatter.data or {}
    for key in keys:
        value = data.get(key)
        line = doc.frontmatter.key_lines.get((key,))
        if not isinstance(value, str) or line is None or detect_language(value) != "ja":
            continue
        written = doc.line_text(line)
        colon = written.find(":")
        found = written.find(value, colon + 1) if colon >= 0 else -1
        if found < 0:
            continue
        yield Prose(value, "frontmatter", doc, None, line, found + 1)
