"""FM005 frontmatter-parity."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from taiyaku.model.diagnostics import Finding, Related, Severity
from taiyaku.model.lang import LANG_NAME
from taiyaku.rules.base import PairRule, RuleOption
from taiyaku.rules.frontmatter._breadcrumb import (
    STOPS,
    breadcrumb_of,
    index_page,
    parent_ref,
    resolve_url,
    usable_data,
)
from taiyaku.rules.frontmatter._schema import key_column

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context, Pair, Side

KeyPath = tuple[str, ...]

_PARENT: KeyPath = ("breadcrumb", "parent")


class FrontmatterParity(PairRule):
    """A front-matter key one language of a pair has and the other lacks, or sets differently.

    ## What it does
    Compares the front matter of a Japanese page and its English translation:

    * **Presence**: a key (or a key nested in a mapping both sides have, such as
      ``breadcrumb.title``) that only one side has is reported on the line of the side
      that has it. Keys whose values are naturally language-specific (``title``,
      ``description``, ``h1``, ``breadcrumb.title``) are compared this way only.
    * **Values**: the keys listed in ``frontmatter-parity-values`` (default ``support``,
      ``toc``, ``sitemap``; dotted paths for nested keys) must also have the same value;
      a difference is reported on the English page's line.
    * **Breadcrumb parent**: ``breadcrumb.parent`` is compared by where it leads, not by
      how it is written. Both parents are resolved against each page's own URL (with
      the layout's default when absent, as FM006 does); the English parent must be the
      English version of the Japanese parent (``/`` corresponds to ``/en/``). So
      ``parent: /zoom/`` and ``parent: ../..`` agree when they reach the same page.

    Keys listed in ``frontmatter-parity-ignore`` are not compared at all; by default that
    is ``redirect_from``, because the old addresses of each language are that language's
    own history (an old Japanese URL often never had an English twin). Pages whose front
    matter does not load (FM001) and single pages holding both languages are skipped.

    ## Why is this bad?
    A flag set in one language only changes the page in that language only: the support
    desk footer (``support``), the table of contents (``toc``), the sitemap entry, the
    breadcrumb trail. Readers switching language get a different page, and the missing
    side is usually an edit that was not carried over.

    ## Example
    ``content/support/index.md`` has ``toc: false``, ``content/en/support/index.md`` has
    ``toc: true``:

        content/en/support/index.md:3:1: FM005 [frontmatter-parity] 'toc' is true here but
        false in the Japanese page
    """

    CODE = "FM005"
    NAME = "frontmatter-parity"
    SEVERITY = Severity.WARNING
    OPTIONS = (
        RuleOption(
            "frontmatter-parity-values",
            list,
            ["support", "toc", "sitemap"],
            "front-matter keys whose values must agree between the languages",
        ),
        RuleOption(
            "frontmatter-parity-ignore",
            list,
            ["redirect_from"],
            "front-matter keys not compared between the languages",
        ),
    )

    def check(self, pair: Pair, ctx: Context) -> Iterator[Finding]:
        if pair.bilingual:
            return
        ja_data, en_data = usable_data(pair.ja.doc), usable_data(pair.en.doc)
        if ja_data is None or en_data is None:
            return
        values = {_key_path(k) for k in ctx.option("frontmatter-parity-values") or ()}
        ignored = {_key_path(k) for k in ctx.option("frontmatter-parity-ignore") or ()}
        ja_keys, en_keys = _flatten(ja_data), _flatten(en_data)
        for path in sorted(ja_keys.keys() | en_keys.keys()):
            if path == _PARENT or any(path[: len(i)] == i for i in ignored):
                continue
            if len(path) > 1 and not _both_mappings(ja_keys, en_keys, path[:-1]):
                continue  # the enclosing mapping is itself reported (or is not a mapping)
            if (path in ja_keys) != (path in en_keys):
                has, lacks = (pair.ja, pair.en) if path in ja_keys else (pair.en, pair.ja)
                value = (ja_keys if path in ja_keys else en_keys)[path]
                yield _presence(has, lacks, path, value if path in values else _NO_VALUE)
            elif path in values and not _same(ja_keys[path], en_keys[path]):
                yield _value_differs(pair, path, ja_keys[path], en_keys[path])
        yield from _breadcrumb_parents(ctx, pair)


_NO_VALUE = object()


def _key_path(key: str) -> KeyPath:
    return tuple(part for part in key.strip().split(".") if part)


def _flatten(data: dict[str, Any], prefix: KeyPath = ()) -> dict[KeyPath, Any]:
    found: dict[KeyPath, Any] = {}
    for key, value in data.items():
        path = (*prefix, str(key))
        found[path] = value
        if isinstance(value, dict):
            found.update(_flatten(value, path))
    return found


def _both_mappings(ja: dict[KeyPath, Any], en: dict[KeyPath, Any], path: KeyPath) -> bool:
    return isinstance(ja.get(path), dict) and isinstance(en.get(path), dict)


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def _literal(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else repr(value[:37] + "...")
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return str(value)


def _line(doc: Document, path: KeyPath) -> int:
    """The line of ``path``, or of its nearest ancestor, or of the opening ``---``."""
    lines = doc.frontmatter.key_lines
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return 1


def _presence(has: Side, lacks: Side, path: KeyPath, value: Any) -> Finding:
    key = ".".join(path)
    shown = "" if value is _NO_VALUE else f" ({_literal(value)})"
    other = LANG_NAME[lacks.lang]
    message = f"'{key}' is set here{shown} but not in the {other} page"
    line = _line(has.doc, path)
    related = (Related(lacks.path, _line(lacks.doc, path[:-1]), f"the {other} page"),)
    return Finding(has.path, line, key_column(has.doc, line), message, related=related)


def _value_differs(pair: Pair, path: KeyPath, ja_value: Any, en_value: Any) -> Finding:
    key = ".".join(path)
    message = f"'{key}' is {_literal(en_value)} here but {_literal(ja_value)} in the Japanese page"
    line = _line(pair.en.doc, path)
    related = (Related(pair.ja.path, _line(pair.ja.doc, path), "the Japanese page"),)
    return Finding(pair.en.path, line, key_column(pair.en.doc, line), message, related=related)


def _breadcrumb_parents(ctx: Context, pair: Pair) -> Iterator[Finding]:
    """The English breadcrumb parent must be the English version of the Japanese parent."""
    ja_crumb, en_crumb = breadcrumb_of(pair.ja.doc), breadcrumb_of(pair.en.doc)
    ja_url, en_url = pair.ja.page.url, pair.en.page.url
    if ja_crumb is None or en_crumb is None or ja_url is None or en_url is None:
        return
    ja_ref, en_ref = parent_ref(ja_crumb, ja_url), parent_ref(en_crumb, en_url)
    if ja_ref is None or en_ref is None:
        return
    ja_parent = resolve_url(ja_ref.text, ja_url)
    en_parent = resolve_url(en_ref.text, en_url)
    expected = _english_version(ctx, ja_parent)
    if expected is None or expected == en_parent:
        return
    message = (
        f"breadcrumb parent is {en_parent} ({en_ref.describe()}), but the Japanese page's "
        f"parent is {ja_parent} ({ja_ref.describe()}), whose English version is {expected}"
    )
    line = _ref_line(pair.en.doc, en_ref.explicit)
    related = (Related(pair.ja.path, _ref_line(pair.ja.doc, ja_ref.explicit), "the Japanese page"),)
    yield Finding(pair.en.path, line, key_column(pair.en.doc, line), message, related=related)


def _english_version(ctx: Context, ja_url: str) -> str | None:
    """The URL of the English version of the page at ``ja_url`` (``/`` → ``/en/``)."""
    if ja_url == "/":
        return "/en/"
    if ja_url in STOPS:
        return None
    page = index_page(ctx.site, ja_url) or ctx.site.lookup_url(ja_url).page
    if page is None or page.counterpart is None:
        return None
    return page.counterpart.url


def _ref_line(doc: Document, explicit: bool) -> int:
    return _line(doc, _PARENT if explicit else ("breadcrumb",))
