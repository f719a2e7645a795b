"""``taiyaku facts``: the facts of each page, block by block, for people."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from taiyaku.model.paths import display_path
from taiyaku.output.terminal import printable, safe_line_start
from taiyaku.run.explain import PageFacts

__all__ = ["render"]

_KIND = {"list_item": "list item", "table": "table cell", "html": "HTML"}


def render(pages: Sequence[PageFacts], cwd: Path) -> str:
    lines: list[str] = []
    for page in pages:
        lang = page.lang.upper() if page.lang else "no language"
        shown = safe_line_start(printable(display_path(page.path, cwd)))
        lines.append(f"{shown}  [{lang}; compared with {printable(str(page.counterpart))}]")
        lines.append(f"  English numeric dates read as {page.date_order}")
        if not page.blocks:
            lines.append("  (no date or time, and nothing date- or time-like)")
        for block in page.blocks:
            kind = _KIND.get(block.kind, block.kind)
            where = f"; compared with {block.compared_with}" if block.compared_with else ""
            lines.append(f"  line {block.line} ({kind}, read as {block.read_as.upper()}){where}")
            for fact_kind, reading, quote in block.facts:
                lines.append(f"    {fact_kind:<12} {reading}  ← {quote!r}")
            for residue_kind, text in block.unread:
                lines.append(f"    unread {residue_kind:<5} {text!r}")
        lines.append("")
    return "\n".join(lines)
