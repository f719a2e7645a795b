"""The report's freshness section: which translations are behind their source, the
longest behind first (the table ``taiyaku status`` prints)."""

from __future__ import annotations

from collections.abc import Callable

from taiyaku.model.freshness import FreshnessTable, PairFreshness, sort_key

__all__ = ["freshness_section"]

Escape = Callable[[object], str]


def freshness_section(table: FreshnessTable | None, e: Escape) -> str:
    """The section, or ``""`` when the run did not compute freshness."""
    if table is None:
        return ""
    head = '<section id="freshness"><h2>Translation freshness</h2>'
    if table.note is not None:
        return f'{head}<p class="dim">{e(table.note)}.</p></section>'
    rows = sorted(table.rows, key=sort_key("behind"))
    listed = [r for r in rows if r.state != "up-to-date"]
    fresh = [r for r in rows if r.state == "up-to-date"]
    pairs = len(fresh) + table.count("behind") + table.count("unknown-pin")
    summary = (
        f"<p>{table.count('behind')} of {pairs} translations behind their source, by the git "
        f"history at <span class=code>{e((table.head or '')[:7])}</span>; "
        f"{table.count('missing')} missing, {table.count('orphan')} without source.</p>"
    )
    body = "".join(_row(r, e) for r in listed)
    listing = (
        '<div class="scroll"><table class="freshness"><thead><tr><th>Translation</th>'
        "<th>Status</th><th>Since</th><th>Oldest missing commit</th><th>Source</th></tr></thead>"
        f"<tbody>{body}</tbody></table></div>"
        if listed
        else ""
    )
    up_to_date = ""
    if fresh:
        items = "".join(f"<li class=code>{e(r.translation)}</li>" for r in fresh)
        up_to_date = (
            f"<details><summary>{len(fresh)} up to date</summary><ul>{items}</ul></details>"
        )
    return f"{head}{summary}{listing}{up_to_date}</section>"


def _row(row: PairFreshness, e: Escape) -> str:
    oldest = (
        f"<span class=code>{e(row.oldest.short)}</span> {e(row.oldest.subject)}"
        if row.oldest is not None
        else ""
    )
    source = e(row.source) if row.source else "—"
    if row.source and row.changed_line:
        source += f'<span class="dim">:{row.changed_line}</span>'
    translation = e(row.translation) if row.translation else "—"
    return (
        f'<tr data-state="{e(row.state)}" data-folder="{e(row.folder)}">'
        f"<td class=code>{translation}</td><td>{e(row.status())}</td><td>{e(row.since())}</td>"
        f"<td>{oldest}</td><td class=code>{source}</td></tr>"
    )
