"""What can be configured: every key of ``[tool.taiyaku]``, its type and its default.

Every key is also a command-line flag (``url-style`` ⇄ ``--url-style``).  The core keys
are listed here; a rule adds its own (``Rule.OPTIONS``), and :func:`all_options` puts
both together.  The output formats a ``format`` value may name are the output layer's
(:data:`taiyaku.output.FORMATS`), which checks the value where it is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from taiyaku.model.lang import LANGS
from taiyaku.rules.registry import all_rules
from taiyaku.site.pages import LAYOUTS
from taiyaku.site.urls import URL_STYLES

__all__ = ["OPTIONS", "Option", "all_options"]


@dataclass(frozen=True)
class Option:
    key: str
    kind: str  # str | path | paths | list | choice | int | float | bool | table
    default: Any
    help: str
    choices: tuple[str, ...] = ()
    flag: bool = True  # also a command-line flag
    minimum: float | None = None  # for numbers: the smallest value that makes sense


OPTIONS: tuple[Option, ...] = (
    Option("root", "path", None, "content root: the folder whose layout is the site's URL space"),
    Option("layout", "choice", "prefix", "where translations live", LAYOUTS),
    Option("url-style", "choice", "preserve", "how page files map to URLs", URL_STYLES),
    Option(
        "source-language",
        "choice",
        "ja",
        "the language pages are written in first; the other is the translation",
        LANGS,
    ),
    Option(
        "site-url",
        "str",
        None,
        "the site's own address (https://example.org/docs/): links to it are internal",
    ),
    Option("checks-dir", "path", "checks", "folder with the site policy (privacy.yml, schema)"),
    Option("select", "list", [], "rule codes, prefixes or names to run (default: all)"),
    Option("ignore", "list", [], "rule codes, prefixes or names to skip"),
    Option("format", "str", "text", "output format"),
    Option("static-dirs", "paths", [], "folders of static files served at the site root"),
    Option(
        "exclude",
        "list",
        [],
        "globs (relative to the root) of pages not to check or report on (they still exist: "
        "links to them work, they pair)",
    ),
    Option(
        "max-page-bytes", "int", 5 * 1024 * 1024, "pages larger than this are not parsed", minimum=1
    ),
    Option("cache", "bool", True, "reuse results of unchanged files from the cache"),
    Option("cache-dir", "path", ".taiyaku_cache", "where the result cache lives"),
    Option("jobs", "int", 0, "worker processes (0: one per core, used for large runs)", minimum=0),
    Option(
        "max-page-seconds",
        "float",
        30.0,
        "time limit for checking one page (0: none)",
        minimum=0,
    ),
    Option("severity", "table", {}, "per-rule severity: CODE=error|warning|info"),
    Option("per-file-ignores", "table", {}, "GLOB=CODE[,CODE] rules to skip for matching files"),
    Option("baseline", "path", None, "report only findings not recorded in this baseline file"),
)

_KIND_OF_TYPE = {bool: "bool", int: "int", float: "float", list: "list"}


@cache
def all_options() -> tuple[Option, ...]:
    """Core options plus the options rules declare (each key once)."""
    extra: list[Option] = []
    seen = {o.key for o in OPTIONS}
    for rule in all_rules():
        for opt in rule.OPTIONS:
            if opt.key in seen:
                continue
            seen.add(opt.key)
            kind = "choice" if opt.choices else _KIND_OF_TYPE.get(opt.type, "str")
            extra.append(
                Option(opt.key, kind, opt.default, f"[{rule.CODE}] {opt.help}", opt.choices)
            )
    return (*OPTIONS, *extra)
