"""``taiyaku report``: one self-contained HTML page a maintainer reads in a browser.

The page has no external resources: CSS and JS are inline, and a Content-Security-Policy
forbids every network request and every script but the report's own (allowed by hash).
Everything taken from the run (page text, paths, messages) is HTML-escaped, so a
``<script>`` on a page shows as text.  The page reads fine without JavaScript; the script
only adds the filters (by severity, rule and folder, also settable in the URL as
``#filter?rule=PR001&severity=error,warning&folder=support``).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from functools import cache
from html import escape
from importlib import resources
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Severity
from taiyaku.output.report.freshness_html import freshness_section
from taiyaku.output.report.model import (
    SEVERITIES,
    CoverageRow,
    FixFirst,
    Item,
    PageGroup,
    Report,
    RuleInfo,
    Source,
    rule_anchor,
    short_path,
)

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

__all__ = ["render"]


def e(value: object) -> str:
    """Escape text for HTML element content and double- or single-quoted attributes."""
    return escape(str(value), quote=True)


def render(report: Report) -> str:
    script = _asset("report.js").strip()
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    parts = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{e(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="taiyaku {e(report.version)}">',
        f"<title>taiyaku report — {e(report.root)}</title>",
        f"<style>{_asset('report.css')}</style>",
        "</head>",
        "<body>",
        _header(report),
        "<main>",
        _problems(report),
        _cards(report),
        _fix_first(report),
        _coverage(report),
        freshness_section(report.freshness, e),
        _findings(report),
        _pages(report),
        _rule_docs(report),
        "</main>",
        f"<footer>taiyaku {e(report.version)} · generated {e(report.generated)}</footer>",
        f"<script>{script}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


# -- page header and summary ------------------------------------------------------------


def _header(report: Report) -> str:
    freshness = '<a href="#freshness">Freshness</a>' if report.freshness else ""
    return (
        '<header class="top"><div class="wrap">'
        f'<h1>taiyaku report <span class="root">{e(report.root)}</span></h1>'
        f'<nav><a href="#coverage">Coverage</a>{freshness}<a href="#findings">Findings</a>'
        '<a href="#pages">Pages</a><a href="#rules">Rules</a></nav>'
        "</div></header>"
    )


def _problems(report: Report) -> str:
    out = []
    if report.internal_errors:
        items = "".join(f"<li>{e(m)}</li>" for m in report.internal_errors)
        out.append(
            '<section class="alert" id="internal-errors"><h2>Internal errors</h2>'
            "<p>taiyaku failed on part of the run; findings below may be incomplete.</p>"
            f"<ul>{items}</ul></section>"
        )
    if report.warnings:
        items = "".join(f"<li>{e(m)}</li>" for m in report.warnings)
        out.append(
            f'<details class="notes"><summary>{len(report.warnings)} run notes</summary>'
            f"<ul>{items}</ul></details>"
        )
    return "\n".join(out)


def _cards(report: Report) -> str:
    percent = report.coverage_total.translated_percent
    cards = [
        ("files", report.files, "pages checked", ""),
        ("pairs", report.pairs, "pairs compared", ""),
        ("translated", "—" if percent is None else f"{percent:.0f}%", "translated", ""),
    ]
    cards += [
        (s.value, report.counts.get(s, 0), _sev_plural(s, report.counts.get(s, 0)), s.value)
        for s in SEVERITIES
    ]
    body = "".join(
        f'<a class="card {cls}" href="{_card_href(key)}" data-card="{e(key)}">'
        f'<span class="num">{e(value)}</span><span class="lbl">{e(label)}</span></a>'
        for key, value, label, cls in cards
    )
    return f'<section class="cards" aria-label="Summary">{body}</section>'


def _fix_first(report: Report) -> str:
    """Above the fold: the folders with the most findings of the worst severity there
    is, each with its rules, every count a link to those findings."""
    severity, rows = report.fix_first()
    if severity is None:
        return ""
    label = _sev_plural(severity, 2)
    body = "".join(_fix_first_row(row, severity) for row in rows)
    return (
        '<section id="fix-first" aria-label="Fix first">'
        f'<h2>Fix first <span class="dim">the folders with the most {e(label)}</span></h2>'
        '<div class="scroll"><table class="fixfirst"><thead><tr><th>Folder</th>'
        f'<th class="num">{e(label.capitalize())}</th><th>Rules</th></tr></thead>'
        f"<tbody>{body}</tbody></table></div></section>"
    )


def _fix_first_row(row: FixFirst, severity: Severity) -> str:
    sev = severity.value
    rules = " ".join(
        f'<a class="chip {sev}" href="#filter?{_query(rule=code, folder=row.folder, severity=sev)}"'
        f' title="{e(name)}">{e(code)}<span class="rn"> {e(name)}</span>&nbsp;×{n}</a>'
        for code, name, n in row.rules
    )
    count = f'<a href="#filter?{_query(folder=row.folder, severity=sev)}">{row.count}</a>'
    return (
        f'<tr><td class="folder">{e(row.folder)}</td>'
        f'<td class="num {sev}">{count}</td><td>{rules}</td></tr>'
    )


def _query(**params: str) -> str:
    return "&amp;".join(f"{k}={e(_url_quote(v))}" for k, v in params.items())


def _card_href(key: str) -> str:
    if key in ("files", "pairs", "translated"):
        return "#coverage"
    return f"#filter?severity={key}"


def _sev_plural(severity: Severity, n: int) -> str:
    if severity is Severity.INFO:
        return "info"
    return severity.value + ("" if n == 1 else "s")


# -- coverage ---------------------------------------------------------------------------

_COVERAGE_KINDS = (
    ("pairs", "Pairs", "JA page + EN page"),
    ("bilingual", "Bilingual", "both languages in one page"),
    ("ja_only", "JA only", "no English page"),
    ("en_only", "EN only", "no Japanese page"),
)


def _coverage(report: Report) -> str:
    legend = "".join(
        f'<span class="key"><i class="sw {attr}"></i>{e(label)}'
        f' <span class="dim">({e(help_text)})</span></span>'
        for attr, label, help_text in _COVERAGE_KINDS
    )
    head = "".join(f"<th class=num>{e(label)}</th>" for _a, label, _h in _COVERAGE_KINDS)
    rows = "".join(_coverage_row(row, "td") for row in report.coverage)
    total = _coverage_row(report.coverage_total, "th")
    not_counted = report.coverage_total.not_counted
    note = (
        f'<p class="dim">Not counted: {not_counted} '
        f"{'page that needs' if not_counted == 1 else 'pages that need'} no translation of "
        "their own: partials (<code>_name.md</code>) without one, redirect-only pages, and "
        "pages outside both language trees.</p>"
        if not_counted
        else ""
    )
    return (
        '<section id="coverage"><h2>Translation coverage</h2>'
        f'<p class="legend">{legend}</p>'
        '<div class="scroll"><table class="coverage"><thead><tr><th>Folder</th>'
        f'<th class="barcol">Share</th>{head}<th class=num>Translated</th></tr></thead>'
        f"<tbody>{rows}</tbody><tfoot>{total}</tfoot></table></div>{note}</section>"
    )


def _coverage_row(row: CoverageRow, cell: str) -> str:
    values = {attr: getattr(row, attr) for attr, _l, _h in _COVERAGE_KINDS}
    whole = sum(values.values())
    segments = "".join(
        f'<span class="seg {attr}" style="width:{100.0 * n / whole:.2f}%" '
        f'title="{e(label)}: {n}"></span>'
        for (attr, label, _h) in _COVERAGE_KINDS
        if whole and (n := values[attr])
    )
    cells = "".join(
        f'<{cell} class="num {attr}{" zero" if not values[attr] else ""}" '
        f'data-cov="{e(row.folder)}:{attr}">{values[attr]}</{cell}>'
        for attr, _l, _h in _COVERAGE_KINDS
    )
    percent = row.translated_percent
    pct = "—" if percent is None else f"{percent:.0f}%"
    folder = e(row.folder) if cell == "th" else _folder_link(row.folder)
    return (
        f'<tr><{cell} class="folder">{folder}</{cell}>'
        f'<{cell} class="barcol"><div class="bar">{segments}</div></{cell}>'
        f'{cells}<{cell} class="num" data-cov="{e(row.folder)}:translated">{pct}</{cell}></tr>'
    )


def _folder_link(folder: str) -> str:
    return f'<a href="#filter?folder={e(_url_quote(folder))}">{e(folder)}</a>'


def _url_quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")


# -- findings per rule and per folder -------------------------------------------------


def _findings(report: Report) -> str:
    by_rule = "".join(_rule_row(rule) for rule in report.rules_found())
    if not by_rule:
        by_rule = '<tr><td colspan="6" class="dim">No findings.</td></tr>'
    by_folder = "".join(
        _folder_row(folder, severities, codes) for folder, severities, codes in report.folders
    )
    if not by_folder:
        by_folder = '<tr><td colspan="5" class="dim">No findings.</td></tr>'
    sev_heads = "".join(f'<th class="num">{e(s.value)}</th>' for s in SEVERITIES)
    return (
        '<section id="findings"><h2>Findings '
        f'<span class="dim">{report.total} in {len(report.groups)} pages</span></h2>'
        '<div class="grid2">'
        "<div><h3>By rule</h3>"
        '<div class="scroll"><table class="rules"><thead><tr><th>Rule</th><th>Severity</th>'
        f'{sev_heads}<th class="num">Total</th></tr></thead><tbody>{by_rule}</tbody></table>'
        f"</div>{_quiet_rules(report.rules_quiet())}"
        '<p class="dim">Errors first, then warnings, then info. The code links to the '
        "rule's explanation; a count filters the pages below.</p></div>"
        "<div><h3>By folder</h3>"
        f'<div class="scroll"><table class="folders"><thead><tr><th>Folder</th>{sev_heads}'
        f"<th>Rules</th></tr></thead><tbody>{by_folder}</tbody></table></div></div>"
        "</div></section>"
    )


def _quiet_rules(rules: list[RuleInfo]) -> str:
    """The rules that found nothing, folded away: one line each when opened."""
    if not rules:
        return ""
    items = "".join(
        f'<li><a class="code" href="#{e(r.anchor)}">{e(r.code)}</a> '
        f'<span class="rname">{e(r.name)}</span>'
        f"{'' if r.ran or not r.doc else ' <span class=dim>(not selected)</span>'}</li>"
        for r in rules
    )
    noun = "rule" if len(rules) == 1 else "rules"
    return (
        f'<details class="quiet-rules"><summary>{len(rules)} {noun} with no findings'
        f'</summary><ul class="quietlist">{items}</ul></details>'
    )


def _rule_row(rule: RuleInfo) -> str:
    counts = "".join(
        f'<td class="num {s.value}{" zero" if not rule.counts.get(s) else ""}">'
        f"{_filter_link(rule.counts.get(s, 0), rule=rule.code, severity=s.value)}</td>"
        for s in SEVERITIES
    )
    cls = "" if rule.total else ' class="quiet"'
    not_run = "" if rule.ran or not rule.doc else ' <span class="dim">(not selected)</span>'
    return (
        f'<tr{cls} data-rule="{e(rule.code)}">'
        f'<td><a class="code" href="#{e(rule.anchor)}" title="{e(rule.summary)}">'
        f'{e(rule.code)}</a> <span class="rname">{e(rule.name)}</span>{not_run}</td>'
        f'<td><span class="sev {e(rule.severity.value)}">{e(rule.severity.value)}</span></td>'
        f"{counts}"
        f'<td class="num total">{_filter_link(rule.total, rule=rule.code)}</td></tr>'
    )


def _filter_link(n: int, **params: str) -> str:
    if not n:
        return "0"
    return f'<a href="#filter?{_query(**params)}">{n}</a>'


def _folder_row(folder: str, severities: dict[Severity, int], codes: dict[str, int]) -> str:
    counts = "".join(
        f'<td class="num {s.value}{" zero" if not severities.get(s) else ""}">'
        f"{_filter_link(severities.get(s, 0), folder=folder, severity=s.value)}</td>"
        for s in SEVERITIES
    )
    chips = " ".join(
        f'<span class="chip">{e(code)}&nbsp;×{n}</span>'
        for code, n in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    return f"<tr><td>{_folder_link(folder)}</td>{counts}<td>{chips}</td></tr>"


# -- page pairs -----------------------------------------------------------------------


def _pages(report: Report) -> str:
    total = len(report.items)
    sev_counts = {s: sum(1 for i in report.items if i.severity is s) for s in SEVERITIES}
    checks = "".join(
        f'<label class="sev-toggle {s.value}"><input type="checkbox" name="severity" '
        f'value="{s.value}" checked> {s.value} <span class="dim">(<span data-count="{s.value}">'
        f"{sev_counts[s]}</span>)</span></label>"
        for s in SEVERITIES
    )
    rule_options = "".join(
        f'<option value="{e(r.code)}">{e(r.code)} {e(r.name)} ({r.total})</option>'
        for r in report.rules
        if r.total
    )
    folder_options = "".join(
        f'<option value="{e(folder)}">{e(folder)} ({sum(sev.values())})</option>'
        for folder, sev, _codes in report.folders
    )
    filters = (
        '<form id="filters" class="filters" hidden>'
        f'<span class="group">{checks}</span>'
        '<label>Rule <select name="rule"><option value="">all rules</option>'
        f"{rule_options}</select></label>"
        '<label>Folder <select name="folder"><option value="">all folders</option>'
        f"{folder_options}</select></label>"
        '<button type="reset">Show all</button>'
        '<button type="button" id="expand" aria-pressed="false">Expand all</button>'
        f'<output id="shown">Showing {total} of {total} findings</output>'
        "</form>"
    )
    units = "\n".join(_unit(unit) for unit in report.groups)
    if not report.groups:
        units = '<p class="clean-run">No findings. Every checked page passed.</p>'
    return (
        '<section id="pages"><h2>Pages '
        f'<span class="dim"><span id="pages-shown">{len(report.groups)}</span> with '
        f"findings, {len(report.clean)} without; the most severe first</span></h2>"
        f"{filters}"
        '<p id="nomatch" class="dim" hidden>No finding matches the filters.</p>'
        f"{units}{_clean(report.clean)}</section>"
    )


_KIND_LABEL = {
    "pair": "pair",
    "bilingual": "bilingual page",
    "ja-only": "JA only",
    "en-only": "EN only",
    "partial": "partial",
    "other": "page",
}


def _unit(unit: PageGroup) -> str:
    counts = unit.counts()
    badges = "".join(
        f'<span class="count {s.value}">{counts[s]} {_sev_plural(s, counts[s])}</span>'
        for s in SEVERITIES
        if counts[s]
    )
    findings = "\n".join(_finding(unit, item) for item in unit.items)
    return (
        f'<section class="unit" data-folder="{e(unit.folder)}" id="{e(_unit_id(unit))}">'
        f'<h3><span class="kind {e(unit.kind)}">{e(_KIND_LABEL.get(unit.kind, unit.kind))}'
        f"</span> {_title(unit)} {badges}</h3>{findings}</section>"
    )


def _unit_id(unit: PageGroup) -> str:
    return "page-" + re.sub(r"[^A-Za-z0-9_-]+", "-", unit.key).strip("-")


def _title(unit: PageGroup) -> str:
    def path(p: str) -> str:
        head, tail = short_path(p)
        return f'<span class="path"><span class="dim">{e(head)}</span>{e(tail)}</span>'

    if unit.ja and unit.en and unit.ja != unit.en:
        return f'{path(unit.ja)} <span class="dim">⇄</span> {path(unit.en)}'
    return path(unit.ja or unit.en or unit.key)


def _finding(unit: PageGroup, item: Item) -> str:
    """One finding: a one-line summary (severity as a word, code, place, message) that
    opens to the message in full and the source lines of both languages."""
    d = item.diagnostic
    sev = d.severity.value
    anchor = rule_anchor(d.code, d.name)
    fixable = ""
    if d.fix is not None and d.fix.edits:
        kind = "fixable" if d.fix.applicability == "safe" else "fixable unsafe"
        flag = "--fix" if d.fix.applicability == "safe" else "--fix --unsafe-fixes"
        tip = e(f"taiyaku check {flag}: {d.fix.description}")
        fixable = f' <span class="badge {kind}" title="{tip}">fixable</span>'
    summary = (
        f'<summary><span class="sev {sev}">{sev}</span> '
        f'<span class="code">{e(d.code)}</span> '
        f'<span class="loc">{e(item.location)}:{d.column}</span>{fixable} '
        f'<span class="msg1">{e(d.message)}</span></summary>'
    )
    sides = ""
    if item.ja or item.en:
        sides = (
            '<div class="sides">'
            f"{_side('ja', '日本語', item.ja, unit, _missing(unit, 'ja'))}"
            f"{_side('en', 'English', item.en, unit, _missing(unit, 'en'))}"
            "</div>"
        )
    other = ""
    if item.other:
        other = '<div class="other">' + "".join(_source(s) for s in item.other) + "</div>"
    rule = (
        f'<p class="rule"><a class="code" href="#{e(anchor)}">{e(d.code)}</a> '
        f'<span class="rname">{e(d.name)}</span></p>'
    )
    return (
        f'<article class="finding {sev}" data-code="{e(d.code)}" data-severity="{sev}" '
        f'data-folder="{e(item.folder)}"><details>{summary}'
        f'<div class="fbody">{rule}<p class="msg">{e(d.message)}</p>{sides}{other}</div>'
        "</details></article>"
    )


def _missing(unit: PageGroup, side: str) -> str:
    if side == "ja" and unit.ja is None:
        return "no Japanese page"
    if side == "en" and unit.en is None:
        return "no English page"
    return "—"


def _side(lang: str, label: str, sources: list[Source], unit: PageGroup, missing: str) -> str:
    body = "".join(_source(s) for s in sources) or f'<p class="empty">{e(missing)}</p>'
    return f'<div class="side {lang}"><div class="sidelabel">{e(label)}</div>{body}</div>'


def _source(source: Source) -> str:
    cls = "src primary" if source.primary else "src"
    where = f"{source.path}:{source.line}"
    note = f' <span class="note">{e(source.note)}</span>' if source.note else ""
    if source.text is None:
        code = '<span class="dim">(line not available)</span>'
    else:
        code = _highlighted(source)
    lang = _lang_attr(source.text or "")
    return (
        f'<div class="{cls}"><div class="where">{e(where)}{note}</div>'
        f'<pre{lang}><span class="ln">{source.line}</span><code>{code}</code></pre></div>'
    )


def _highlighted(source: Source) -> str:
    text = source.text or ""
    left = '<span class="dim">…</span>' if source.clipped_left else ""
    right = '<span class="dim">…</span>' if source.clipped_right else ""
    if source.highlight is None:
        body = e(text) if text else '<span class="dim">(blank line)</span>'
    else:
        a, b = source.highlight
        body = f"{e(text[:a])}<mark>{e(text[a:b])}</mark>{e(text[b:])}"
    return left + body + right


def _lang_attr(text: str) -> str:
    from taiyaku.model.lang import has_japanese

    return ' lang="ja"' if has_japanese(text) else ""


def _clean(units: Iterable[PageGroup]) -> str:
    units = list(units)
    if not units:
        return ""
    items = "".join(f"<li>{_title(u)}</li>" for u in units)
    return (
        f'<details class="clean"><summary>{len(units)} pages and pairs without findings'
        f'</summary><ul class="cleanlist">{items}</ul></details>'
    )


# -- rule documentation -----------------------------------------------------------------


def _rule_docs(report: Report) -> str:
    md = _markdown()
    blocks = []
    for rule in report.rules:
        body_text = rule.doc.split("\n\n", 1)[1] if "\n\n" in rule.doc else ""  # not the summary
        doc = re.sub(r"^## ", "#### ", body_text, flags=re.MULTILINE)
        body = md.render(doc) if rule.doc else "<p>No documentation for this code.</p>"
        scope = f"; scope: {e(rule.scope)}" if rule.scope else ""
        blocks.append(
            f'<details class="ruledoc" id="{e(rule.anchor)}">'
            f'<summary><span class="code">{e(rule.code)}</span> '
            f'<span class="rname">{e(rule.name)}</span> '
            f'<span class="sev {e(rule.severity.value)}">{e(rule.severity.value)}</span> '
            f'<span class="dim">{e(rule.summary)}</span></summary>'
            f'<div class="docbody"><p class="dim">Severity: {e(rule.severity.value)}{scope}. '
            f"Findings in this report: {rule.total}.</p>{body}</div></details>"
        )
    return '<section id="rules"><h2>Rules</h2>' + "".join(blocks) + "</section>"


def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # html=False: raw HTML in a docstring is shown as text, never inserted.
    return MarkdownIt("commonmark", {"html": False})


# -- CSS and JS -------------------------------------------------------------------------


@cache
def _asset(name: str) -> str:
    """``report.css`` or ``report.js``, shipped beside this module as package data."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
