"""FM005 frontmatter-parity."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from taiyaku.model.diagnostics import Finding, Related, Severity
from taiyaku.model.lang import LANG_NAME, Lang, other_lang
from taiyaku.rules.base import PairRule, RuleOption
from taiyaku.rules.frontmatter._breadcrumb import (
    breadcrumb_of,
    index_page,
    parent_ref,
    resolve_url,
    stops,
    usable_data,
)
from taiyaku.rules.frontmatter._schema import key_column

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context, Pair, Side

KeyPath = tuple[str, ...]

_PARENT: KeyPath = ("breadcrumb", "parent")
# Keys that name a page's language, its language's template or its address.
LANGUAGE_KEYS = (
    "layout",
    "lang",
    "locale",
    "language",
    "languageCode",
    "translationKey",
    "permalink",
    "aliases",
)


class FrontmatterParity(PairRule):
    """A front-matter key one language of a pair has and the other lacks, or sets differently.

    ## What it does
    Compares the front matter of a page and its translation:

    * **Presence**: a key (or a key nested in a mapping both sides have, such as
      ``breadcrumb.title``) that only one side has is reported on the line of the side
      that has it. Keys whose values are naturally language-specific (``title``,
      ``description``, ``h1``, ``breadcrumb.title``) are compared this way only.
    * **Values**: the keys listed in ``frontmatter-parity-values`` (default ``support``,
      ``toc``, ``sitemap``; dotted paths for nested keys) must also have the same value;
      a difference is reported on the translation's line (the English page of a
      Japanese-first site, see ``source-language``).
    * **Breadcrumb parent**: ``breadcrumb.parent`` is compared by where it leads, not by
      how it is written. Both parents are resolved against each page's own URL (with
      the layout's default when absent, as FM006 does); the translation's parent must be
      the translated version of the source page's parent (``/`` corresponds to
      ``/en/``). So ``parent: /zoom/`` and ``parent: ../..`` agree when they reach the
      same page.

    Keys listed in ``frontmatter-parity-ignore`` are not compared at all; by default that
    is ``redirect_from``, because the old addresses of each language are that language's
    own history (an old Japanese URL often never had an English twin). Neither are the
    keys in ``frontmatter-language-keys`` (default ``layout``, ``lang``, ``locale``,
    ``language``, ``languageCode``, ``translationKey``, ``permalink``, ``aliases``): they
    name the page's language, its language's template or its address, so they differ, or
    are set on one side only, by design (Jekyll sites give English pages ``layout: en``). Pages
    whose front matter does not load (FM001) and single pages holding both languages
    are skipped.

    ## Why is this bad?
    A flag set in one language only changes the page in that language only: the support
    desk footer (``support``), the table of contents (``toc``), the sitemap entry, the
    breadcrumb trail. Readers switching language get a different page, and the missing
    side is usually an edit that was not carried over.

    ## Example
    ``content/support/index.md`` has ``toc: false``, ``content/en/support/index.md`` has
    ``toc: true``:

        content/en/support/index.md:3:1: warning FM005 [frontmatter-parity] 'toc' is true
        here but false in the Japanese page
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
        RuleOption(
            "frontmatter-language-keys",
            list,
            list(LANGUAGE_KEYS),
            "front-matter keys set per language (a language, a layout, an address): not compared",
        ),
    )

    def check(self, pair: Pair, ctx: Context) -> Iterator[Finding]:
        if pair.bilingual:
            return
        ja_data, en_data = usable_data(pair.ja.doc), usable_data(pair.en.doc)
        if ja_data is None or en_data is None:
            return
        values = {_key_path(k) for k in ctx.option("frontmatter-parity-values") or ()}
        ignored = {
            _key_path(k)
            for option in ("frontmatter-parity-ignore", "frontmatter-language-keys")
            for k in ctx.option(option) or ()
        }
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
                values_by_lang = {"ja": ja_keys[path], "en": en_keys[path]}
                yield _value_differs(pair, path, values_by_lang, ctx.site.source_lang)
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


def _value_differs(pair: Pair, path: KeyPath, values: dict[Lang, Any], source: Lang) -> Finding:
    """Reported on the translation, which follows the source."""
    translation = other_lang(source)
    mine, theirs = pair.side(translation), pair.side(source)
    key, other = ".".join(path), LANG_NAME[source]
    shown = f"{_literal(values[translation])} here but {_literal(values[source])}"
    message = f"'{key}' is {shown} in the {other} page"
    line = _line(mine.doc, path)
    related = (Related(theirs.path, _line(theirs.doc, path), f"the {other} page"),)
    return Finding(mine.path, line, key_column(mine.doc, line), message, related=related)


def _breadcrumb_parents(ctx: Context, pair: Pair) -> Iterator[Finding]:
    """The translation's breadcrumb parent must be the translated version of the source
    page's parent."""
    source = ctx.site.source_lang
    src, tr = pair.side(source), pair.side(other_lang(source))
    src_crumb, tr_crumb = breadcrumb_of(src.doc), breadcrumb_of(tr.doc)
    src_url, tr_url = src.page.url, tr.page.url
    if src_crumb is None or tr_crumb is None or src_url is None or tr_url is None:
        return
    src_ref, tr_ref = parent_ref(src_crumb, src_url), parent_ref(tr_crumb, tr_url)
    if src_ref is None or tr_ref is None:
        return
    src_parent = resolve_url(src_ref.text, src_url)
    tr_parent = resolve_url(tr_ref.text, tr_url)
    expected = _translated_version(ctx, src_parent)
    if expected is None or expected == tr_parent:
        return
    name, theirs = LANG_NAME[source], LANG_NAME[tr.lang]
    message = (
        f"breadcrumb parent is {tr_parent} ({tr_ref.describe()}), but the {name} page's "
        f"parent is {src_parent} ({src_ref.describe()}), whose {theirs} version is {expected}"
    )
    line = _ref_line(tr.doc, tr_ref.explicit)
    related = (Related(src.path, _ref_line(src.doc, src_ref.explicit), f"the {name} page"),)
    yield Finding(tr.path, line, key_column(tr.doc, line), message, related=related)


def _translated_version(ctx: Context, url: str) -> str | None:
    """The URL of the translation of the source page at ``url`` (``/`` → ``/en/``)."""
    languages = ctx.site.languages
    if url == languages.home(languages.source):
        return languages.home(languages.translation)
    if url in stops(ctx.site):
        return None
    page = index_page(ctx.site, url) or ctx.site.lookup_url(url).page
    if page is None or page.counterpart is None:
        return None
    return page.counterpart.url


def _ref_line(doc: Document, explicit: bool) -> int:
    return _line(doc, _PARENT if explicit else ("breadcrumb",))
