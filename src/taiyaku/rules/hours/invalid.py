"""The findings of TM004 and TM005: text read as a time or a date that cannot be one."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from taiyaku.knowledge.facts import InvalidDate, InvalidTime
from taiyaku.model.diagnostics import Finding
from taiyaku.rules.hours.block_facts import page_facts
from taiyaku.rules.hours.located import span
from taiyaku.rules.hours.messages import quoted

if TYPE_CHECKING:
    from taiyaku.knowledge.facts import Facts
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context

__all__ = ["invalid_findings"]


def invalid_findings(
    ctx: Context,
    doc: Document,
    invalid_of: Callable[[Facts], Sequence[InvalidTime | InvalidDate]],
) -> Iterator[Finding]:
    """One finding per invalid fact ``invalid_of`` picks from each block's facts, at the
    text read, quoting it with the reason."""
    for block, facts in page_facts(ctx, doc):
        for fact in invalid_of(facts):
            spot = span(block, fact.start_offset, fact.end_offset)
            yield Finding(
                doc.path,
                spot.line,
                spot.column,
                f"{quoted(fact.quote)}: {fact.reason}",
                end_line=spot.end_line,
                end_column=spot.end_column,
                fingerprint_text=f"{fact.quote}: {fact.reason}",
            )
