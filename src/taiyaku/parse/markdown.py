"""From Markdown/MDX text to a Document's body: markdown-it tokens, walked once into
blocks of prose (with their language and source positions), links, anchors, sections
and HTML comments.

MDX ``import``/``export`` lines and JSX comments are blanked before parsing, and the
front matter replaced by empty lines, so that every offset and line number stays that of
the file.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token as MdToken
from mdit_py_plugins.footnote import footnote_plugin

from taiyaku.model.lang import TextLang, detect_language, language_of_counts, script_counts
from taiyaku.model.records import cached_property
from taiyaku.parse.nodes import Anchor, Block, Body, Comment, Link, Section, Segment, SourceIndex
from taiyaku.parse.slugger import Slugger


def _parser(*, footnotes: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    if footnotes:
        md.use(footnote_plugin)
    # Link targets as written.  markdown-it normalises them for HTML output
    # (percent-encoding, punycode host names); the links are then decoded for display
    # anyway, and a message should quote a host as the author wrote it.  (validateLink
    # still refuses javascript:.)
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    # markdown-it's first rule copies the whole text to turn each line break into "\n"
    # and NUL into U+FFFD (3 % of its time); a page's text has "\n" line breaks
    # already, and _markdown_tokens does the same itself for a text that needs it.
    md.core.ruler.disable("normalize")
    return md


# GFM footnotes (``[^1]`` … ``[^1]: text``), as Astro renders them: without the plugin a
# footnote definition in Japanese (no spaces) parses as a link reference definition, and
# ``[^1]`` as a link to its text.  Footnote paragraphs come after the body, in the last
# section.
_MD = _parser(footnotes=True)
# Every footnote rule starts at ``[^`` (a definition, a reference) or ``^[`` (an inline
# note), which inline content can only hold where the text does: a text with neither
# gets the same tokens without the plugin's rules tried at every bracket and line.
_MD_WITHOUT_FOOTNOTES = _parser(footnotes=False)

__all__ = ["may_hold_fence", "parse_body", "parse_tokens"]


def parse_tokens(source: str, body_offset: int, is_mdx: bool) -> list[MdToken]:
    """markdown-it's tokens for a page's text (``Token.map``: 0-based file lines)."""
    return _markdown_tokens(_markdown_source(source, body_offset, is_mdx))


def _markdown_tokens(md_source: str) -> list[MdToken]:
    if "\r" in md_source or "\0" in md_source:  # markdown-it's "normalize", where needed
        md_source = md_source.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
    may_hold_footnotes = "[^" in md_source or "^[" in md_source
    return (_MD if may_hold_footnotes else _MD_WITHOUT_FOOTNOTES).parse(md_source)


def _markdown_source(source: str, body_offset: int, is_mdx: bool) -> str:
    """The text markdown-it reads: front matter blanked, and MDX statements in MDX."""
    md_source = _blank_front_matter(source, body_offset)
    return _blank_mdx_statements(md_source) if is_mdx else md_source


def parse_body(source: str, body_offset: int, is_mdx: bool) -> Body:
    md_source = _markdown_source(source, body_offset, is_mdx)
    tokens = _markdown_tokens(md_source)
    builder = _Builder(SourceIndex(md_source), is_mdx)
    builder.walk(tokens)
    return Body(
        tokens,
        builder.blocks,
        builder.links,
        builder.anchors,
        builder.sections,
        builder.comments,
    )


def _blank_front_matter(source: str, body_offset: int) -> str:
    """Replace the front matter by as many empty lines, so lines keep their numbers."""
    if body_offset <= 0:
        return source
    return "\n" * source.count("\n", 0, body_offset) + source[body_offset:]


_MDX_STATEMENT = re.compile(r"^(?:import|export)\s[^\n]*$", re.MULTILINE)


_JSX_COMMENT_OPEN = re.compile(r"^[ \t]*\{/\*", re.MULTILINE)


_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)


def may_hold_fence(text: str) -> bool:
    """Whether ``text`` holds what a code fence opens with (```` ``` ```` or ``~~~``).
    One character is looked for first: a search for one is several times faster than
    for three, and most pages hold neither."""
    return ("`" in text and "```" in text) or ("~" in text and "~~~" in text)


def _blank_mdx_statements(text: str) -> str:
    """Blank out MDX ``import``/``export`` lines and JSX comments (``{/* … */}`` on
    lines of their own) outside code fences, keeping every offset and line number.

    Linear in the page: an unclosed ``{/*`` is found once and left alone.
    """
    statements = "import" in text or "export" in text  # (what the patterns need)
    comments = "{/*" in text
    if not (statements or comments):
        return text
    fences = [m.start() for m in _FENCE.finditer(text)] if may_hold_fence(text) else []

    def in_fence(offset: int) -> bool:
        return bisect.bisect_right(fences, offset) % 2 == 1

    found = _MDX_STATEMENT.finditer(text) if statements else ()
    spans = [m.span() for m in found if not in_fence(m.start())]
    position = 0
    while comments and (opening := _JSX_COMMENT_OPEN.search(text, position)) is not None:
        closing = text.find("*/}", opening.end())
        if closing < 0:
            break  # unclosed: nothing further can close it either
        end = closing + len("*/}")
        line_end = text.find("\n", end)
        rest = text[end : len(text) if line_end < 0 else line_end]
        if not rest.strip() and not in_fence(opening.start()):
            spans.append((opening.start(), end))
        position = end
    if not spans:
        return text
    pieces: list[str] = []
    position = 0
    for begin, finish in sorted(spans):
        begin = max(begin, position)  # (spans may overlap: blank their union)
        if finish <= begin:
            continue
        pieces += (text[position:begin], _blanked(text[begin:finish]))
        position = finish
    pieces.append(text[position:])
    return "".join(pieces)


def _blanked(text: str) -> str:
    """``text`` with every character but its line breaks turned into a space."""
    return "\n".join(" " * len(line) for line in text.split("\n"))


_TAG = re.compile(
    r"<(/?)([A-Za-z][\w.:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|\{[^{}]*\}|[^\s>]+))?)*)\s*/?>"
)


_ATTR = re.compile(r"([^\s=>/]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|\{[^{}]*\}|([^\s>\"']+)))?")


_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)


_MD_LINK_IN_HTML = re.compile(r"!?\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


# An inline link's destination and optional title, up to its closing parenthesis.
_DESTINATION = re.compile(
    r"\s*(<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)


_IAL_PARAGRAPH = re.compile(r"^\{:?\s*([^{}]*)\}$")


_IAL_INLINE = re.compile(r"\{:[^{}\n]*\}")


_HEADING_ID = re.compile(r"\s*\{:?\s*#([^\s{}]+)[^{}]*\}\s*$")


_ID_IN_IAL = re.compile(r"#([^\s#.{}]+)")


#: Elements whose text is code or machine text, not prose (``Block.code``).
_CODE_ELEMENTS = frozenset({"code", "kbd", "samp", "pre", "script", "style"})
_CODE_TAG = re.compile(r"<(/?)(?:code|kbd|samp|pre|script|style)\b[^>]*?(/?)>", re.IGNORECASE)


_LINK_ATTRS = {"a": ("href",), "img": ("src",), "area": ("href",), "source": ("src",)}


_JSX_LINK_PROPS = ("href", "to", "src", "link")


class _Builder:
    """Walks markdown-it tokens once and collects blocks, links, anchors and sections."""

    def __init__(self, source: SourceIndex, is_mdx: bool) -> None:
        self.source = source
        self.is_mdx = is_mdx
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.anchors: list[Anchor] = []
        self.comments: list[Comment] = []
        self.sections: list[Section] = [Section(0, "", 0, 1, "")]
        self.slugger = Slugger()

    # Block structure ------------------------------------------------------------------

    def walk(self, tokens: list[MdToken]) -> None:
        # How many of each kind of container are open (markdown-it balances them).
        open_containers = dict.fromkeys(_BLOCK_KINDS, 0)
        pending_heading: MdToken | None = None
        for token in tokens:
            kind = token.type
            if kind == "inline":
                if pending_heading is not None:
                    self._heading(pending_heading, token)
                    pending_heading = None
                else:
                    self._inline_block(token, _block_kind(open_containers))
            elif token.nesting:
                container = _CONTAINERS.get(kind)
                if container is not None:
                    open_containers[container] += token.nesting
                elif kind == "heading_open":
                    pending_heading = token
            elif kind == "html_block":
                self._html_block(token)

    @property
    def _section(self) -> int:
        return len(self.sections) - 1

    def _region(self, token: MdToken) -> tuple[int, int]:
        begin, end = token.map or (0, 0)
        start = self.source.line_start(begin + 1)
        stop = (
            self.source.line_start(end + 1)
            if end < len(self.source.line_starts)
            else len(self.source.text)
        )
        return start, max(stop, start)

    def _heading(self, open_token: MdToken, inline: MdToken) -> None:
        level = int(open_token.tag[1:]) if open_token.tag[1:].isdigit() else 1
        collected = self._collect_inline(inline)
        text, segments = collected.text, collected.segments
        explicit = _HEADING_ID.search(text)
        if explicit:
            self.anchors.append(Anchor(explicit.group(1), collected.line, "ial"))
            text, segments = _truncate(text, segments, explicit.start())
        elif explicit := _HEADING_ID.search(inline.content):  # ``{:#id}``: gone from the text
            self.anchors.append(Anchor(explicit.group(1), collected.line, "ial"))
        line = collected.line
        slug = self.slugger.slug(text.strip())
        self.anchors.append(Anchor(slug, line, "heading"))
        self.sections.append(Section(len(self.sections), text.strip(), level, line, slug))
        for part_text, part_segments, shift in _split_bilingual_heading(text, segments):
            code = _clip_spans(collected.code, shift, shift + len(part_text))
            self._add_block("heading", part_text, part_segments, line, collected.end_line, code)

    def _inline_block(self, inline: MdToken, kind: str) -> None:
        # Read IALs from the raw inline source: the collected text has them removed.
        line = inline.map[0] + 1 if inline.map else 1
        if "{" in inline.content and self._ial(inline.content, kind, line):
            return
        collected = self._collect_inline(inline)
        self._add_block(
            kind,
            collected.text,
            collected.segments,
            collected.line,
            collected.end_line,
            tuple(collected.code),
        )

    def _ial(self, content: str, kind: str, line: int) -> bool:
        """Record the ids of the IALs in an inline's source; True for a paragraph that
        is only a block IAL (``{:#id}`` on its own line), which is no text."""
        ial = _IAL_PARAGRAPH.match(content.strip())
        if ial and kind == "paragraph":
            for ident in _ID_IN_IAL.findall(ial.group(1)):
                self.anchors.append(Anchor(ident, line, "ial"))
            return True
        for span in _IAL_INLINE.finditer(content):  # ``**x**{:#id}``, ``text\n{:#id}``
            for ident in _ID_IN_IAL.findall(span.group(0)):
                self.anchors.append(Anchor(ident, line, "ial"))
        return False

    def _add_block(
        self,
        kind: str,
        text: str,
        segments: tuple[Segment, ...],
        line: int,
        end_line: int,
        code: tuple[tuple[int, int], ...] = (),
    ) -> None:
        if not text or text.isspace():
            return
        self.blocks.append(
            Block(
                kind,
                text,
                line,
                end_line,
                detect_language(text),
                self._section,
                len(self.blocks),
                segments,
                self.source,
                code,
            )
        )

    # Inline content -----------------------------------------------------------------

    def _collect_inline(self, inline: MdToken) -> _Collected:
        start, stop = self._region(inline)
        out = _Collected(self.source, start, stop)
        children = inline.children or []
        link_stack: list[tuple[str, int, int, str]] = []
        code_from: int | None = None  # where an open <code>/<kbd>… element's text starts
        for child in children:
            ctype = child.type
            if ctype == "code_inline":
                start = out.length
                out.add_text(child.content)
                out.code.append((start, out.length))
            elif ctype == "text":
                out.add_text(child.content)
                if link_stack:
                    href, line, col, kind = link_stack[-1]
                    link_stack[-1] = (href, line, col, kind)
            elif ctype in ("softbreak", "hardbreak"):
                out.newline()
            elif ctype == "link_open":
                href = str(child.attrs.get("href", ""))
                kind = "autolink" if child.markup == "autolink" else "markdown"
                line, col, found = out.locate(href)
                if not found:
                    kind = "reference" if kind == "markdown" else kind
                link_stack.append((href, line, col, kind))
                out.mark_link_text()
            elif ctype == "link_close":
                if link_stack:
                    href, line, col, kind = link_stack.pop()
                    self._add_link(href, line, col, kind, out.link_text(), out)
                    if kind == "markdown":
                        out.skip_destination(href)
            elif ctype == "image":
                href = str(child.attrs.get("src", ""))
                line, col, _found = out.locate(href)
                self._add_link(href, line, col, "image", child.content, out)
                out.skip_destination(href)
            elif ctype == "html_inline":
                self._html_inline(child.content, out)
                code_tag = _CODE_TAG.match(child.content)
                if code_tag and code_tag.group(2):  # <code/>: no content
                    pass
                elif code_tag and not code_tag.group(1):
                    code_from = out.length if code_from is None else code_from
                elif code_tag and code_from is not None:
                    out.code.append((code_from, out.length))
                    code_from = None
        return out

    def _add_link(
        self, href: str, line: int, col: int, kind: str, text: str, out: _Collected
    ) -> None:
        lang = out.language()
        self.links.append(Link(_display_href(href), line, col, kind, text, lang, self._section))

    def _html_inline(self, content: str, out: _Collected) -> None:
        offset = out.find(content)
        for comment in _COMMENT.finditer(content):
            line, _ = self.source.position(offset + comment.start())
            end_line, _ = self.source.position(offset + comment.end())
            self.comments.append(Comment(comment.group(1).strip(), line, end_line))
        self._scan_tags(content, offset, lang=None)
        if re.match(r"<br\s*/?>", content, re.IGNORECASE):
            out.newline()

    def _html_block(self, token: MdToken) -> None:
        start, _stop = self._region(token)
        content = token.content
        for comment in _COMMENT.finditer(content):
            line, _ = self.source.position(start + comment.start())
            end_line, _ = self.source.position(start + comment.end())
            self.comments.append(Comment(comment.group(1).strip(), line, end_line))
        text, segments, code = _strip_tags(content, start)
        lang = detect_language(text)
        self._scan_tags(content, start, lang=lang)
        if self.is_mdx:
            self._scan_markdown_links(content, start, lang)
        line, _ = self.source.position(start)
        end_line = line + content.rstrip("\n").count("\n")
        self._add_block("html", text, segments, line, end_line, code)

    def _scan_tags(self, content: str, base: int, lang: TextLang | None) -> None:
        for tag in _TAG.finditer(content):
            if tag.group(1):  # closing tag
                continue
            name = tag.group(2)
            jsx = name[0].isupper() or "." in name
            wanted = _JSX_LINK_PROPS if jsx else _LINK_ATTRS.get(name.lower(), ())
            attrs_start = tag.start(3)
            for attr in _ATTR.finditer(tag.group(3)):
                key = attr.group(1)
                group = next((g for g in (2, 3, 4) if attr.group(g) is not None), None)
                if group is None:
                    continue
                value = attr.group(group)
                value_offset = base + attrs_start + attr.start(group)
                line, col = self.source.position(value_offset)
                if key in ("id", "name") and (key == "id" or name.lower() == "a"):
                    self.anchors.append(Anchor(value, line, "html"))
                elif key in wanted:
                    link_lang = lang if lang is not None else "none"
                    self.links.append(
                        Link(
                            value, line, col, "jsx" if jsx else "html", "", link_lang, self._section
                        )
                    )

    def _scan_markdown_links(self, content: str, base: int, lang: TextLang) -> None:
        for match in _MD_LINK_IN_HTML.finditer(content):
            line, col = self.source.position(base + match.start(2))
            kind = "image" if match.group(0).startswith("!") else "markdown"
            self.links.append(
                Link(match.group(2), line, col, kind, match.group(1), lang, self._section)
            )


# ``](`` then an optional ``<`` (an inline link's or image's target), or the ``<`` of an
# autolink (a scheme, or an e-mail address, follows it).
_TARGET_START = re.compile(r"\]\(\s*<?|<(?=[A-Za-z][A-Za-z0-9+.-]{1,31}:|[^\s@<>]+@)")
# Targets tried after the cursor: a link's own is the first unless its text holds images
# or links of its own.
_DESTINATIONS_TRIED = 8


class _Collected:
    """Accumulates a block's text and where each piece came from in the source."""

    def __init__(self, source: SourceIndex, start: int, stop: int) -> None:
        self.source = source
        self.start = self.cursor = start
        self.stop = stop
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[Segment] = []
        self.code: list[tuple[int, int]] = []  # spans of the text that are code
        self._link_text_part = 0
        # script_counts of parts[:_counted], kept up to date only when a link asks
        self._latin = self._japanese = self._counted = 0
        self.line, _ = source.position(start)
        self.end_line, _ = source.position(max(stop - 1, start))

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def find(self, fragment: str) -> int:
        """Offset of ``fragment`` at or after the cursor; advances the cursor."""
        index = self.source.text.find(fragment, self.cursor, self.stop) if fragment else -1
        if index < 0:
            return self.cursor
        self.cursor = index + len(fragment)
        return index

    def locate(self, href: str) -> tuple[int, int, bool]:
        """Line and column of a link target written in the source, if it is there.

        A target is written after ``](`` (an inline link or image, perhaps in ``<…>``) or
        after ``<`` (an autolink): the first few such places after the cursor are tried,
        so that a reference-style link (whose target is defined elsewhere) costs no scan
        of the rest of the paragraph."""
        places = self._destinations
        first = bisect.bisect_left(places, self.cursor)
        text = self.source.text
        for place in places[first : first + _DESTINATIONS_TRIED]:
            for probe in (href, _display_href(href)):
                if probe and text.startswith(probe, place):
                    line, col = self.source.position(place)
                    return line, col, True
        line, col = self.source.position(self.cursor)
        return line, col, False

    @cached_property
    def _destinations(self) -> list[int]:
        """Where a link's target may start in this inline region, in order."""
        found = _TARGET_START.finditer(self.source.text, self.start, self.stop)
        return [m.end() for m in found]

    @cached_property
    def _openings(self) -> list[int]:
        """Where ``](`` stands in this inline region, in order."""
        text, stop = self.source.text, self.stop
        found, at = [], text.find("](", self.start, stop)
        while at >= 0:
            found.append(at)
            at = text.find("](", at + 2, stop)
        return found

    def skip_destination(self, href: str) -> None:
        """Move past an inline link's or image's ``](destination "title")``, so that the
        text after it is not looked for inside its URL (``[a](https://x):`` has its
        colon after the link, not in ``https:``)."""
        text = self.source.text
        openings = self._openings
        next_one = bisect.bisect_left(openings, self.cursor)
        opening = openings[next_one] if next_one < len(openings) else -1
        if opening < 0 or opening - self.cursor > 16 or text[self.cursor : opening].strip("!["):
            return  # not right after the link text: leave the cursor where it is
        closing = _DESTINATION.match(text, opening + 2, self.stop)
        if closing is not None and _display_href(href) in _display_href(closing.group(1)):
            self.cursor = closing.end()

    def add_text(self, content: str) -> None:
        if "{:" in content:
            for piece in _IAL_INLINE.split(content):
                if piece:
                    self._add_piece(piece)
        elif content:
            self._add_piece(content)

    def _add_piece(self, piece: str) -> None:
        """Append ``piece``, found in the source at or after the cursor (else by its first
        eight characters, else placed at the cursor)."""
        text = self.source.text
        size = len(piece)
        index = text.find(piece, self.cursor, self.stop)
        if index >= 0:
            self.cursor = index + size
        else:
            probe = piece[:8]
            index = text.find(probe, self.cursor, self.stop)
            if index >= 0:  # (the whole piece may be there, running past the region)
                self.cursor = index + (size if text.startswith(piece, index) else len(probe))
            else:
                index = self.cursor
        self.segments.append(_new_segment(Segment, (self.length, index, size)))
        self.parts.append(piece)
        self.length += size

    def language(self) -> TextLang:
        """The language of the text so far (as :func:`detect_language` would say),
        from running counts: a paragraph of many links is not counted once per link."""
        for piece in self.parts[self._counted :]:
            latin, japanese = script_counts(piece)
            self._latin += latin
            self._japanese += japanese
        self._counted = len(self.parts)
        return language_of_counts(self._latin, self._japanese)

    def newline(self) -> None:
        nl = self.source.text.find("\n", self.cursor, self.stop)
        if nl >= 0:
            self.cursor = nl + 1
        self.segments.append(Segment(self.length, max(self.cursor - 1, 0), 0))
        self.parts.append("\n")
        self.length += 1

    def mark_link_text(self) -> None:
        self._link_text_part = len(self.parts)

    def link_text(self) -> str:
        return "".join(self.parts[self._link_text_part :])


_new_segment = tuple.__new__  # Segment(...) without its Python-level __new__: per text piece

#: The kind of block an inline text is in: the first of these it is inside, else a
#: paragraph (a list item in a table cell is a table block).
_BLOCK_KINDS = ("table", "list_item", "quote")


#: markdown-it's opening and closing tokens of the containers that decide a block's kind.
_CONTAINER_KINDS = {"th": "table", "td": "table", "list_item": "list_item", "blockquote": "quote"}


_CONTAINERS = {
    f"{token}_{edge}": kind
    for token, kind in _CONTAINER_KINDS.items()
    for edge in ("open", "close")
}


def _block_kind(open_containers: dict[str, int]) -> str:
    """The first of :data:`_BLOCK_KINDS` open, else ``"paragraph"``."""
    for kind in _BLOCK_KINDS:
        if open_containers[kind]:
            return kind
    return "paragraph"


def _display_href(href: str) -> str:
    return unquote(href)


def _truncate(
    text: str, segments: tuple[Segment, ...], end: int
) -> tuple[str, tuple[Segment, ...]]:
    kept = tuple(s for s in segments if s.text_start < end)
    return text[:end], kept


def _clip_spans(spans: list[tuple[int, int]], start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The parts of ``spans`` within ``[start, end)``, counted from ``start``."""
    return tuple(
        (max(a, start) - start, min(b, end) - start) for a, b in spans if a < end and b > start
    )


def _split_bilingual_heading(
    text: str, segments: tuple[Segment, ...]
) -> Iterator[tuple[str, tuple[Segment, ...], int]]:
    """``相談の前に / Before Inquiring`` becomes a JA and an EN heading block (each with
    where it starts in ``text``)."""
    head, sep, tail = text.partition(" / ")
    if sep and detect_language(head) == "ja" and detect_language(tail) == "en":
        yield head, tuple(s for s in segments if s.text_start < len(head)), 0
        shift = len(head) + len(sep)
        shifted = []
        for s in segments:
            if s.text_start + s.length <= shift:
                continue
            cut = max(shift - s.text_start, 0)
            shifted.append(
                Segment(max(s.text_start - shift, 0), s.source_offset + cut, s.length - cut)
            )
        yield tail, tuple(shifted), shift
        return
    yield text, segments, 0


def _strip_tags(
    content: str, base: int
) -> tuple[str, tuple[Segment, ...], tuple[tuple[int, int], ...]]:
    """The text of an HTML block without its tags and comments, with source positions,
    and the spans of that text inside code-like elements (``<code>``, ``<pre>`` …)."""
    parts: list[str] = []
    segments: list[Segment] = []
    code: list[tuple[int, int]] = []
    code_from: int | None = None
    length = 0
    position = 0
    cleaned = _COMMENT.sub(lambda m: " " * len(m.group(0)), content)
    for tag in _TAG.finditer(cleaned):
        piece = cleaned[position : tag.start()]
        if piece:
            text = html.unescape(piece)
            segments.append(Segment(length, base + position, len(text)))
            parts.append(text)
            length += len(text)
        if tag.group(2).lower() in _CODE_ELEMENTS and not tag.group(0).endswith("/>"):
            if not tag.group(1):
                code_from = length if code_from is None else code_from
            elif code_from is not None:
                code.append((code_from, length))
                code_from = None
        if tag.group(2).lower() in ("br", "p", "div", "li", "tr"):
            parts.append(" ")
            segments.append(Segment(length, base + tag.start(), 0))
            length += 1
        position = tag.end()
    rest = cleaned[position:]
    if rest:
        text = html.unescape(rest)
        segments.append(Segment(length, base + position, len(text)))
        parts.append(text)
        length += len(text)
    if code_from is not None:  # not closed in this block: code to its end
        code.append((code_from, length))
    return "".join(parts), tuple(segments), tuple(code)
