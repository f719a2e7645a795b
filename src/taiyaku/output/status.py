"""``taiyaku status``: every pair's freshness as a text table, Markdown (a pull-request
comment, as Lunaria's bot posts) or JSON.

Reads only the :class:`~taiyaku.model.freshness.FreshnessTable` the freshness rules
computed; paths are shown relative to the working directory.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from taiyaku import __version__
from taiyaku.model.freshness import (
    FRESHNESS_STATES,
    FreshnessTable,
    PairFreshness,
    in_folder,
    sort_key,
)
from taiyaku.model.lang import LANG_NAME
from taiyaku.model.paths import display_path

__all__ = ["SORTS", "STATUS_FORMATS", "render", "select_rows"]

STATUS_FORMATS = ("text", "markdown", "json")
SORTS = ("behind", "path", "state")
_NONE = "—"
# A root-relative path as the user sees it (relative to the working directory).
Shown = Callable[[str | None], str | None]


def select_rows(
    table: FreshnessTable, folders: Sequence[str] = (), sort: str = "behind"
) -> list[PairFreshness]:
    """The rows under any of ``folders`` (root-relative: ``support``, ``en/support``),
    in the order ``sort`` names (:data:`SORTS`)."""
    rows = [r for r in table.rows if not folders or any(_under(r, f) for f in folders)]
    return sorted(rows, key=sort_key(sort))


def _under(row: PairFreshness, folder: str) -> bool:
    folder = folder.strip("/")
    paths = [p for p in (row.source, row.translation) if p]
    return in_folder(row, folder) or any(p.startswith(folder + "/") for p in paths)


def render(
    table: FreshnessTable, rows: Sequence[PairFreshness], fmt: str, *, root: Path, cwd: Path
) -> str:
    """``rows`` of ``table`` in format ``fmt`` (:data:`STATUS_FORMATS`)."""

    def shown(rel: str | None) -> str | None:
        return display_path(root / rel, cwd) if rel else None

    if fmt == "json":
        return _json(table, rows, shown)
    if fmt == "markdown":
        return _markdown(table, rows, shown)
    return _text(table, rows, shown)


def _summary(rows: Sequence[PairFreshness]) -> str:
    counts = {state: sum(1 for r in rows if r.state == state) for state in FRESHNESS_STATES}
    pairs = sum(counts[s] for s in ("behind", "unknown-pin", "up-to-date"))
    parts = [f"{counts['behind']} of {pairs} translation{'' if pairs == 1 else 's'} behind"]
    if counts["unknown-pin"]:
        parts.append(f"{counts['unknown-pin']} pinned to an unknown commit")
    parts.append(f"{counts['missing']} missing")
    parts.append(f"{counts['orphan']} orphaned")
    return ", ".join(parts)


_SUBJECT_WIDTH = 72


def _clip(subject: str) -> str:
    """A commit subject short enough for a table row (JSON keeps it whole)."""
    if len(subject) <= _SUBJECT_WIDTH:
        return subject
    return subject[: _SUBJECT_WIDTH - 1].rstrip() + "…"


# -- text ------------------------------------------------------------------------------


def _text(table: FreshnessTable, rows: Sequence[PairFreshness], shown: Shown) -> str:
    header = ("STATUS", "SINCE", "TRANSLATION", "SOURCE", "OLDEST MISSING COMMIT")
    lines = [header]
    for row in rows:
        lines.append(
            (
                row.status(),
                row.since(),
                shown(row.translation) or _NONE,
                shown(row.source) or _NONE,
                f"{row.oldest.short} {_clip(row.oldest.subject)}" if row.oldest else "",
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        for line in lines
    ]
    out.append(f"{_summary(rows)} (source language: {LANG_NAME[table.source_lang]}).")
    return "\n".join(out) + "\n"


# -- markdown --------------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _code(path: str | None) -> str:
    return f"`{_cell(path)}`" if path else _NONE


def _markdown(table: FreshnessTable, rows: Sequence[PairFreshness], shown: Shown) -> str:
    lines = ["### Translation status", "", f"**{_summary(rows)}**", ""]
    attention = [r for r in rows if r.state != "up-to-date"]
    if attention:
        lines += [
            "| Translation | Status | Since | Oldest missing commit | Source |",
            "|---|---|---|---|---|",
        ]
        for row in attention:
            oldest = (
                f"`{row.oldest.short}` {_cell(_clip(row.oldest.subject))}" if row.oldest else ""
            )
            source = _code(shown(row.source))
            if row.changed_line and row.source:
                source += f" (from line {row.changed_line})"
            lines.append(
                f"| {_code(shown(row.translation))} | {_cell(row.status())} | "
                f"{row.since()} | {oldest} | {source} |"
            )
        lines.append("")
    fresh = [r for r in rows if r.state == "up-to-date"]
    if fresh:
        lines += [f"<details><summary>{len(fresh)} up to date</summary>", ""]
        lines += [f"- {_code(shown(r.translation))}" for r in fresh]
        lines += ["", "</details>", ""]
    lines.append(f"<sub>taiyaku {__version__} · HEAD {(table.head or '')[:7]}</sub>")
    return "\n".join(lines) + "\n"


# -- json ------------------------------------------------------------------------------


def _json(table: FreshnessTable, rows: Sequence[PairFreshness], shown: Shown) -> str:
    data = {
        "version": __version__,
        "head": table.head,
        "source_language": table.source_lang,
        "pairs": [
            {
                "key": r.key,
                "state": r.state,
                "translation": shown(r.translation),
                "source": shown(r.source),
                "commits": r.commits,
                "pending": r.pending,
                "days": r.days,
                "oldest": (
                    {"sha": r.oldest.sha, "date": r.oldest.date, "subject": r.oldest.subject}
                    if r.oldest
                    else None
                ),
                "changed_line": r.changed_line,
                "pin": r.pin,
            }
            for r in rows
        ],
        "summary": {state: sum(1 for r in rows if r.state == state) for state in FRESHNESS_STATES},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
