"""The Document: one page, parsed once, read by every rule.

A Document holds the front matter (with the line of each key), the markdown-it tokens,
the page's text blocks with their language and source positions, its links, the anchors
it defines, and its sections (:mod:`taiyaku.parse.nodes`, built by
:mod:`taiyaku.parse.markdown`).  Rules never read files; they read Documents.
"""

from __future__ import annotations

import errno
import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from markdown_it.token import Token as MdToken

from taiyaku.model.files import read_regular_file
from taiyaku.model.lang import TextLang, detect_language
from taiyaku.model.records import cached_property
from taiyaku.parse.frontmatter import FrontMatter, parse_front_matter
from taiyaku.parse.markdown import parse_body, parse_tokens
from taiyaku.parse.nodes import Anchor, Block, Body, Comment, Link, Section

__all__ = [
    "Document",
    "DocumentProblem",
    "ReadLimits",
    "parse_document",
    "read_document",
    "unreadable_document",
]


# -- data -----------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentProblem:
    """Why (part of) a page could not be read; reported by the IN and FM rules."""

    kind: str  # read | encoding | binary | too-large | front matter kinds
    line: int
    column: int
    message: str


@dataclass(frozen=True)
class ReadLimits:
    max_bytes: int = 5 * 1024 * 1024


@dataclass(eq=False)
class Document:
    """One page.  The front matter is parsed on reading; the Markdown body on first use
    of any of its parts, and only once, so rules that need only front matter (redirects,
    breadcrumbs of parent pages) never pay for Markdown they do not read."""

    path: Path
    rel: str
    source: str  # the file's text, newlines normalised to "\n"
    is_mdx: bool
    frontmatter: FrontMatter
    problems: list[DocumentProblem] = field(default_factory=list)
    readable: bool = True
    # SHA-256 of the bytes this Document was parsed from ("" when not read from a file):
    # the cache compares it with the hash its keys were made from.
    content_hash: str = ""
    _body: Body | None = field(default=None, repr=False)

    @property
    def body(self) -> Body:
        if self._body is None:
            self._body = parse_body(self.source, self.frontmatter.body_offset, self.is_mdx)
        return self._body

    @property
    def md_tokens(self) -> list[MdToken]:
        """markdown-it tokens; ``Token.map`` holds 0-based file lines (front matter counted).

        Released by :meth:`release_analysis`; asked for again, they are parsed again.
        """
        body = self.body
        if body.md_tokens is None:
            return parse_tokens(self.source, self.frontmatter.body_offset, self.is_mdx)
        return body.md_tokens

    def release_analysis(self) -> None:
        """Drop what only the rules of this page and its pair need (markdown-it tokens,
        fugashi tokens); links, anchors, blocks and sections stay for other pages' rules.
        Asked for again, they are computed again."""
        body = self._body
        if body is None:
            return
        if body.md_tokens is not None:
            self._body = replace(body, md_tokens=None)
        for block in body.blocks:
            block.__dict__.pop("tokens", None)

    def release_body(self) -> None:
        """Drop the parsed body (blocks, links, anchors, sections, comments) once no rule
        will read it; the source and its lines stay.  Asked for again, it is parsed again."""
        if self.readable:
            self._body = None

    @property
    def blocks(self) -> list[Block]:
        return self.body.blocks

    @property
    def links(self) -> list[Link]:
        return self.body.links

    @property
    def anchors(self) -> list[Anchor]:
        return self.body.anchors

    @property
    def sections(self) -> list[Section]:
        return self.body.sections

    @property
    def comments(self) -> list[Comment]:
        return self.body.comments

    @cached_property
    def lines(self) -> list[str]:
        return self.source.split("\n")

    def line_text(self, line: int) -> str:
        if 1 <= line <= len(self.lines):
            return self.lines[line - 1]
        return ""

    def anchor_ids(self) -> set[str]:
        return {a.id for a in self.anchors}

    def blocks_in(self, lang: TextLang) -> list[Block]:
        return [b for b in self.blocks if b.lang == lang]

    @cached_property
    def has_backticks(self) -> bool:
        """Whether the source holds a backtick anywhere (asked once per block by rules
        that must skip inline code: answered once per page)."""
        return "`" in self.source

    @cached_property
    def bilingual(self) -> bool:
        """Both languages in one file, paragraph by paragraph (like seed 000)."""
        ja = sum(1 for b in self.blocks if b.lang == "ja" and _is_prose(b))
        en = sum(1 for b in self.blocks if b.lang == "en" and _is_prose(b))
        low, high = min(ja, en), max(ja, en)
        return low >= 2 and low * 4 >= high


_SENTENCE_ENDS = frozenset(".!?:。．！？")


def _is_prose(block: Block) -> bool:
    """A sentence or more, not a link title, a label or a stray code comment: a text
    whose last character (white space aside) ends a sentence."""
    if block.kind in ("heading", "table"):
        return False
    text = block.text.strip()
    if text[-1:] not in _SENTENCE_ENDS:  # (the empty text too: "" is in no frozenset)
        return False
    return block.lang == "ja" or len(text.split()) >= 6


# -- reading --------------------------------------------------------------------------


def read_document(
    path: Path, rel: str, limits: ReadLimits | None = None, *, data: bytes | None = None
) -> Document:
    """Read and parse a page.  Never raises for bad content: problems are recorded.

    ``data``: the page's bytes, read already this run (the site's tables read every page
    before the check); within the limit, the file is not read again."""
    limits = limits or ReadLimits()
    problem = None
    if data is None or len(data) > limits.max_bytes:
        data, problem = _read_bytes(path, limits)
    if data is None:
        assert problem is not None
        return unreadable_document(path, rel, problem)
    text, problem = _decode(data)
    if text is None:
        assert problem is not None
        return unreadable_document(path, rel, problem)
    doc = parse_document(path, rel, text)
    doc.content_hash = hashlib.sha256(data).hexdigest()
    return doc


def _read_bytes(path: Path, limits: ReadLimits) -> tuple[bytes | None, DocumentProblem | None]:
    try:
        data = read_regular_file(path, limits.max_bytes)
    except OSError as exc:
        if exc.errno == errno.EFBIG:
            return None, DocumentProblem(
                "too-large",
                1,
                1,
                f"page is {_size(path)}, over the limit of {limits.max_bytes:,} "
                "(raise `max-page-bytes` to check it)",
            )
        reason = exc.strerror or exc.__class__.__name__
        return None, DocumentProblem("read", 1, 1, f"cannot read file: {reason}")
    return data, None


def _decode(data: bytes) -> tuple[str | None, DocumentProblem | None]:
    if b"\x00" in data:
        return None, DocumentProblem("binary", 1, 1, "file contains NUL bytes: not a text page")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, _decode_problem(data, exc)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, None


def _size(path: Path) -> str:
    try:
        return f"{path.stat().st_size:,} bytes"
    except OSError:
        return "too large"


def _decode_problem(data: bytes, exc: UnicodeDecodeError) -> DocumentProblem:
    line = data.count(b"\n", 0, exc.start) + 1
    for encoding, label in (("shift_jis", "Shift_JIS"), ("euc_jp", "EUC-JP")):
        try:
            decoded = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if detect_language(decoded) == "ja":
            return DocumentProblem(
                "encoding",
                line,
                1,
                f"file is not valid UTF-8; it looks like {label}: convert it to UTF-8",
            )
    return DocumentProblem(
        "encoding", line, 1, f"file is not valid UTF-8 (invalid byte at offset {exc.start})"
    )


def unreadable_document(path: Path, rel: str, problem: DocumentProblem) -> Document:
    """A stand-in for a page that could not be read or parsed."""
    return Document(
        path=path,
        rel=rel,
        source="",
        is_mdx=rel.endswith(".mdx"),
        frontmatter=FrontMatter(present=False),
        problems=[problem],
        readable=False,
        _body=Body.empty(),
    )


# -- parsing --------------------------------------------------------------------------


def parse_document(path: Path, rel: str, source: str) -> Document:
    """A page from already-decoded text (newlines normalised to ``\n``).

    The front matter is parsed now; the Markdown body when first needed.
    """
    frontmatter = parse_front_matter(source)
    problems = [DocumentProblem(p.kind, p.line, p.column, p.message) for p in frontmatter.problems]
    return Document(
        path=path,
        rel=rel,
        source=source,
        is_mdx=rel.endswith(".mdx"),
        frontmatter=frontmatter,
        problems=problems,
    )
