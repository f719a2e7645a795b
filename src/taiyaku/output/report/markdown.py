"""``taiyaku report --format markdown``: a summary that fits a pull-request comment.

A coverage table, findings per rule with counts, and the top N findings (most severe
first).  Text from the run is escaped for GitHub-flavoured Markdown: it cannot break the
tables, insert HTML, mention people (``@name``) or link issues (``#123``).
"""

from __future__ import annotations

import re

from taiyaku.model.diagnostics import Severity
from taiyaku.output.report.model import SEVERITIES, CoverageRow, Item, Report

__all__ = ["DEFAULT_TOP", "render"]

DEFAULT_TOP = 20

_ICON = {Severity.ERROR: "🔴", Severity.WARNING: "🟠", Severity.INFO: "🔵"}


def render(report: Report, *, top: int = DEFAULT_TOP) -> str:
    lines = ["## taiyaku report", ""]
    counts = ", ".join(
        f"**{report.counts.get(s, 0)}** {_plural(s, report.counts.get(s, 0))}" for s in SEVERITIES
    )
    lines.append(
        f"Checked **{report.files}** pages (**{report.pairs}** pairs) under "
        f"{code(report.root)}: {counts}."
    )
    if report.internal_errors:
        n = len(report.internal_errors)
        lines += ["", f"> **{n} internal errors**; the run is incomplete:"]
        lines += [f"> - {text(m)}" for m in report.internal_errors]
    lines += ["", *_coverage(report), "", *_rules(report)]
    findings = _top(report, top)
    if findings:
        lines += ["", *findings]
    lines += ["", f"<sub>taiyaku {text(report.version)} · {text(report.generated)}</sub>"]
    return "\n".join(lines) + "\n"


def _plural(severity: Severity, n: int) -> str:
    if severity is Severity.INFO:
        return "info"
    return severity.value + ("" if n == 1 else "s")


def _coverage(report: Report) -> list[str]:
    out = [
        "### Translation coverage",
        "",
        "| Folder | Pairs | Bilingual | JA only | EN only | Translated |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    out += [_coverage_row(row, text(row.folder)) for row in report.coverage]
    out.append(_coverage_row(report.coverage_total, "**All folders**", bold=True))
    return out


def _coverage_row(row: CoverageRow, label: str, *, bold: bool = False) -> str:
    percent = row.translated_percent
    cells = [
        str(row.pairs),
        str(row.bilingual),
        str(row.ja_only),
        str(row.en_only),
        "—" if percent is None else f"{percent:.0f}%",
    ]
    if bold:
        cells = [f"**{c}**" for c in cells]
    return f"| {label} | " + " | ".join(cells) + " |"


def _rules(report: Report) -> list[str]:
    found = report.rules_found()  # errors first, then by count, as the HTML report
    out = ["### Findings by rule", ""]
    if not found:
        ran = sum(1 for r in report.rules if r.ran)
        return [*out, f"No findings from the {ran} rules that ran."]
    out += [
        "| Rule | Name | Severity | Errors | Warnings | Info | Total |",
        "|---|---|---|--:|--:|--:|--:|",
    ]
    for r in found:
        counts = " | ".join(str(r.counts.get(s, 0)) for s in SEVERITIES)
        out.append(
            f"| {code(r.code)} | {code(r.name)} | {r.severity.value} | {counts} | **{r.total}** |"
        )
    quiet = [r.code for r in report.rules if r.ran and not r.total]
    if quiet:
        out += ["", f"No findings from {', '.join(code(c) for c in quiet)}."]
    return out


def _top(report: Report, top: int) -> list[str]:
    items = sorted(report.items, key=_rank)
    if not items or top <= 0:
        return []
    shown = items[:top]
    title = "### Findings" if len(shown) == len(items) else f"### Top {len(shown)} of {len(items)}"
    out = [title, "", "| | Rule | Location | Message |", "|---|---|---|---|"]
    for item in shown:
        d = item.diagnostic
        out.append(
            f"| {_ICON[d.severity]} {d.severity.value} | {code(d.code)} | "
            f"{code(f'{item.location}:{d.column}')} | {text(d.message)} |"
        )
    return out


def _rank(item: Item) -> tuple[int, str, int, int]:
    d = item.diagnostic
    return (-d.severity.rank, item.location.rsplit(":", 1)[0], d.line, d.column)


# -- escaping -------------------------------------------------------------------------

_SPECIAL = re.compile(r"([\\`*_\[\]|~!&<>@#])")
_ENTITY = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "@": "&#64;", "#": "&#35;"}


def text(value: str) -> str:
    """Plain text for a Markdown table cell: no markup, HTML, mentions or issue links."""
    value = " ".join(str(value).split())  # newlines would end the table row
    return _SPECIAL.sub(lambda m: _ENTITY.get(m[1]) or "\\" + m[1], value)


def code(value: str) -> str:
    """A code span that survives any content, inside a table cell."""
    value = " ".join(str(value).split())
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    value = value.replace("|", "\\|")
    return f"{fence}{pad}{value}{pad}{fence}"
