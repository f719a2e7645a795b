"""JA004 politeness-mixed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Finding, Severity
from taiyaku.rules.base import PageRule
from taiyaku.rules.style._page import edit_finding, ja_page
from taiyaku.rules.style._politeness import (
    Ending,
    ending_span,
    may_be_plain,
    sentence_endings,
)
from taiyaku.rules.style._text import morpheme_offsets

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context
    from taiyaku.rules.style._text import Prose

# Where sentences are judged, and which group each kind of block is judged with.
_GROUPS = {"paragraph": "body", "html": "body", "list_item": "list"}
_STYLE_NAMES = {"polite": "です・ます", "plain": "だ・である"}
_GROUP_NAMES = {"body": "the body's sentences", "list": "the list items"}


class PolitenessMixed(PageRule):
    """A page's sentences mix です・ます endings with だ・である endings.

    ## What it does
    Reads the ending of every sentence in the page's Japanese paragraphs and list
    items from UniDic: the auxiliary verbs before the final punctuation. An ending
    with です or ます (でした, ません, でしょう, であります) is polite; one with だ and
    no です・ます (だ, だった, だろう, である, であった) is plain. Sentences ending in a
    verb, an adjective or a noun (〜できる, 〜ない, 体言止め) say nothing of their style
    and are not counted; so are headings, table cells, block quotations, quoted or
    bracketed text (「…である。」), front matter, code and English.

    Paragraphs and list items are judged apart, as textlint's
    ``no-mix-dearu-desumasu`` does, since many sites write lists in the plain style
    and the body in the polite one. Where one group holds both styles, the style of
    most of its sentences (on a tie, that of the first) is the page's, and every
    sentence in the other style is reported at its ending.

    ## Why is this bad?
    Switching between です・ます and だ・である changes the voice in mid-page: the
    reader hears a different, more distant or more abrupt writer. Style guides ask
    for one of them throughout a document's body.

    ## Example
    A page of です・ます sentences with one である:

        content/support/index.md:20:14: info JA004 [politeness-mixed] 'である' ends a
        だ・である sentence; the body's sentences end in です・ます (12 of 13)
    """

    CODE = "JA004"
    NAME = "politeness-mixed"
    SEVERITY = Severity.INFO
    USES_SITE = False
    NEEDS_TOKENS = True

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        read = [p for p in ja_page(ctx, doc).prose if p.kind in _GROUPS]
        if not any(
            ending.style == "plain"
            for prose in read
            if may_be_plain(prose)
            for ending in sentence_endings(prose)
        ):
            return  # no sentence ends in だ・である: nothing is mixed
        groups: dict[str, list[tuple[Prose, Ending]]] = {}
        for prose in read:
            groups.setdefault(_GROUPS[prose.kind], []).extend(
                (prose, ending) for ending in sentence_endings(prose)
            )
        for group, endings in groups.items():
            if len({ending.style for _prose, ending in endings}) > 1:
                yield from _group_findings(group, _in_prose(endings))


def _in_prose(endings: list[tuple[Prose, Ending]]) -> list[tuple[Prose, Ending, int, int]]:
    """The endings that are prose (not code, a URL or English), with their spans."""
    offsets: dict[int, list[int]] = {}
    kept = []
    for prose, ending in endings:
        if id(prose) not in offsets:
            offsets[id(prose)] = morpheme_offsets(prose.text, prose.morphemes.words()[0])
        span = ending_span(prose, ending, offsets[id(prose)])
        if span is not None:
            kept.append((prose, ending, *span))
    return kept


def _group_findings(group: str, endings: list[tuple[Prose, Ending, int, int]]) -> Iterator[Finding]:
    counts = {"polite": 0, "plain": 0}
    for _prose, ending, _start, _end in endings:
        counts[ending.style] += 1
    if not (counts["polite"] and counts["plain"]):
        return
    if counts["polite"] == counts["plain"]:
        major = endings[0][1].style
    else:
        major = max(counts, key=counts.__getitem__)
    total = counts["polite"] + counts["plain"]
    for prose, ending, start, end in endings:
        if ending.style == major:
            continue
        message = (
            f"'{ending.text}' ends a {_STYLE_NAMES[ending.style]} sentence; "
            f"{_GROUP_NAMES[group]} end in {_STYLE_NAMES[major]} ({counts[major]} of {total})"
        )
        yield edit_finding(prose, start, end, message, None)
