"""The site's term list, ``checks/terms.yml``, in prh's YAML format.

prh (the proofreading helper behind textlint-rule-prh) keeps a team's preferred terms
as a YAML dictionary; reading its format lets textlint users bring theirs unchanged::

    version: 1
    imports:
      - common-terms.yml
    rules:
      - expected: 問い合わせ
        pattern: [問合せ, 問合わせ]
      - expected: サーバー
        pattern: /サーバ(?!ー)/
        specs:
          - from: サーバ
            to: サーバー
      - expected: JavaScript          # no pattern: any case, full- or half-width

What is read, as prh reads it:

* ``rules``: each a mapping, or a string (``- Cookie`` means ``expected: Cookie``).
* ``expected`` (required) replaces the match; ``$1``…``$99`` insert capture groups.
* ``pattern`` (or its alias ``patterns``): a string, a ``/regex/flags`` string, or a list
  of them.  Without one, the pattern is ``expected`` itself, each ASCII letter matching
  either case and its full-width form, each digit its full-width form.
* ``options.wordBoundary``: ``\\b`` around the pattern; ``regexpMustEmpty: $1``: skip a
  match whose group 1 is not empty (prh's stand-in for a negative lookbehind).
* ``specs``: ``from``/``to`` examples, checked when the list is loaded; one that fails
  stops the run (exit code 2), as prh refuses to load.
* ``imports``: other files (a string, or a list of paths or ``{path, disableImports,
  ignoreRules}``), relative to the importing file; a rule whose ``expected`` is already
  there is not added again.  Imported files must lie in the checks folder, so that the
  result cache sees their changes.
* ``version``, ``meta`` and ``targets`` are accepted and ignored: taiyaku already reads
  only prose (no code, URLs, front matter).

Regular expressions are JavaScript's, run by Python's ``re`` with ``re.ASCII`` so that
``\\b``, ``\\w`` and ``\\d`` mean what they mean in JavaScript; named groups
``(?<name>…)`` and ``\\k<name>`` are translated.  A match that already reads as the
replacement (``Cookie`` for ``expected: Cookie``) is no finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taiyaku.errors import ConfigError
from taiyaku.parse.frontmatter import parse_yaml
from taiyaku.rules.context import RunState

if TYPE_CHECKING:
    from taiyaku.rules.context import Context

__all__ = [
    "TERMS",
    "TERMS_FILE",
    "Term",
    "TermList",
    "TermMatch",
    "load_terms",
    "parse_terms",
]

TERMS_FILE = "terms.yml"
_MAX_IMPORTS = 50


@dataclass(frozen=True)
class Term:
    """One rule of the list: what to find and what to write instead."""

    expected: str
    regex: re.Pattern[str]
    must_be_empty: int | None = None  # regexpMustEmpty's group
    note: str = ""  # prh's ``prh`` field: a message for the reader
    source: str = ""  # the file it came from, for messages

    def replacement(self, match: re.Match[str]) -> str:
        """``expected`` with ``$1``…``$99`` filled from ``match``, as prh fills them
        (``$0`` and groups the pattern lacks stay as written; an unmatched group is
        empty)."""

        def group(ref: re.Match[str]) -> str:
            index = int(ref.group(1))
            if index == 0 or index > (match.re.groups or 0):
                return ref.group(0)
            return match.group(index) or ""

        return _GROUP_REF.sub(group, self.expected)

    def applies(self, match: re.Match[str]) -> bool:
        if self.must_be_empty is None or self.must_be_empty > (match.re.groups or 0):
            return True
        return not match.group(self.must_be_empty)


@dataclass(frozen=True)
class TermMatch:
    """A listed variant found in a text: ``text[start:end]`` should read ``replacement``."""

    start: int
    end: int
    found: str
    replacement: str
    term: Term


@dataclass(frozen=True)
class TermList:
    terms: tuple[Term, ...]
    path: Path | None = None

    def __bool__(self) -> bool:
        return bool(self.terms)

    def find(self, text: str) -> list[TermMatch]:
        """Every listed variant in ``text``, left to right, none overlapping (where two
        overlap, the one that starts first wins, then the longer, then the earlier term)."""
        candidates = []
        for index, term in enumerate(self.terms):
            for match in term.regex.finditer(text):
                if match.end() == match.start() or not term.applies(match):
                    continue
                replacement = term.replacement(match)
                if replacement != match.group():
                    candidates.append((match.start(), -match.end(), index, match, replacement))
        kept: list[TermMatch] = []
        for start, neg_end, index, match, replacement in sorted(candidates, key=_order):
            if kept and start < kept[-1].end:
                continue
            kept.append(TermMatch(start, -neg_end, match.group(), replacement, self.terms[index]))
        return kept

    def within(self, text: str) -> TermList:
        """The terms that match somewhere in ``text``: a page's text is searched once for
        each term, and its blocks only for the terms found there."""
        return TermList(tuple(t for t in self.terms if t.regex.search(text)), self.path)

    def apply(self, text: str) -> str:
        """``text`` with every variant replaced (what a rule's ``specs`` are checked on)."""
        parts, position = [], 0
        for match in self.find(text):
            parts += [text[position : match.start], match.replacement]
            position = match.end
        return "".join(parts) + text[position:]


def _order(candidate: tuple[int, int, int, re.Match[str], str]) -> tuple[int, int, int]:
    return candidate[0], candidate[1], candidate[2]


_GROUP_REF = re.compile(r"\$([0-9]{1,2})")


# -- loading ----------------------------------------------------------------------------


def _load(ctx: Context) -> TermList:
    path = ctx.checks_file(TERMS_FILE)
    if path is None:
        return TermList(())
    root = ctx.checks_dir.resolve() if ctx.checks_dir is not None else path.parent.resolve()
    try:
        return load_terms(path, root)
    except ConfigError as exc:
        raise ConfigError(f"{ctx.display_path(path)}: {exc}") from None


#: The run's term list (empty when the site has none).
TERMS: RunState[TermList] = RunState("ja-terms", _load)


def load_terms(path: Path, root: Path | None = None) -> TermList:
    """Read a prh term list and the files it imports (which must lie under ``root``).
    Raises :class:`ConfigError` naming the file and the rule at fault."""
    root = (root or path.parent).resolve()
    terms = _read_file(path.resolve(), root, _Loading())
    return TermList(tuple(terms), path)


@dataclass
class _Loading:
    seen: int = 0


def parse_terms(text: str, name: str = TERMS_FILE) -> TermList:
    """A term list from YAML text (no imports): for tests and one-off use."""
    data = _parse(text, name)
    return TermList(tuple(_rules(data, name)))


def _parse(text: str, name: str) -> Mapping[str, Any]:
    parsed = parse_yaml(text)
    if not parsed.ok:
        problem = parsed.problems[0]
        raise ConfigError(f"{name}:{problem.line}: {problem.message}")
    data = parsed.value
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{name}: expected a mapping with 'rules', got {_kind(data)}")
    return data


def _read_file(
    path: Path, root: Path, loading: _Loading, *, follow_imports: bool = True
) -> list[Term]:
    loading.seen += 1
    if loading.seen > _MAX_IMPORTS:
        raise ConfigError(f"more than {_MAX_IMPORTS} files imported (an import cycle?)")
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {name}: {exc}") from None
    data = _parse(text, name)
    terms = list(_rules(data, name))
    if not follow_imports:
        return terms
    for spec in _import_specs(data.get("imports"), name):
        target = (path.parent / spec.path).resolve()
        if not target.is_relative_to(root):
            raise ConfigError(
                f"{name}: imports {spec.path}, outside the checks folder "
                "(copy it there, so that the result cache sees when it changes)"
            )
        imported = _read_file(target, root, loading, follow_imports=not spec.no_imports)
        known = {t.expected for t in terms}
        terms += [t for t in imported if t.expected not in known and not spec.ignores(t)]
    return terms


@dataclass(frozen=True)
class _ImportSpec:
    path: str
    no_imports: bool = False
    ignore_patterns: frozenset[str] = frozenset()
    ignore_expected: frozenset[str] = frozenset()

    def ignores(self, term: Term) -> bool:
        return term.expected in self.ignore_expected or bool(
            self.ignore_patterns & {_js_source(term.regex), term.regex.pattern}
        )


def _import_specs(raw: Any, name: str) -> Iterator[_ImportSpec]:
    if raw is None:
        return
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list):
        raise ConfigError(f"{name}: 'imports' must be a path or a list, got {_kind(raw)}")
    for item in items:
        if isinstance(item, str):
            yield _ImportSpec(item)
        elif isinstance(item, dict) and isinstance(item.get("path"), str):
            patterns, expected = _ignore_rules(item.get("ignoreRules") or [], name)
            yield _ImportSpec(item["path"], bool(item.get("disableImports")), patterns, expected)
        else:
            raise ConfigError(f"{name}: each import is a path or a mapping with 'path'")


def _ignore_rules(raw: Any, name: str) -> tuple[frozenset[str], frozenset[str]]:
    if not isinstance(raw, list):
        raise ConfigError(f"{name}: 'ignoreRules' must be a list")
    patterns, expected = set(), set()
    for item in raw:
        if isinstance(item, str):
            patterns.add(item)
        elif isinstance(item, dict):
            if isinstance(item.get("pattern"), str):
                patterns.add(item["pattern"])
            if isinstance(item.get("expected"), str):
                expected.add(item["expected"])
        else:
            raise ConfigError(f"{name}: each 'ignoreRules' entry is a string or a mapping")
    return frozenset(patterns), frozenset(expected)


def _js_source(regex: re.Pattern[str]) -> str:
    """How prh prints a pattern (``/source/gmu``), for ``ignoreRules``."""
    flags = "gmu" + ("i" if regex.flags & re.IGNORECASE else "")
    return f"/{regex.pattern}/{flags}"


# -- one rule ---------------------------------------------------------------------------


def _rules(data: Mapping[str, Any], name: str) -> Iterator[Term]:
    raw_rules = data.get("rules") or []
    if not isinstance(raw_rules, list):
        raise ConfigError(f"{name}: 'rules' must be a list, got {_kind(raw_rules)}")
    for number, raw in enumerate(raw_rules, 1):
        yield _rule(raw, f"{name}: rule {number}")


def _rule(raw: Any, where: str) -> Term:
    if isinstance(raw, str):
        raw = {"expected": raw}
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a mapping or a string, got {_kind(raw)}")
    expected = raw.get("expected")
    if not isinstance(expected, str) or not expected:
        raise ConfigError(f"{where}: 'expected' is required and must be a string")
    where = f"{where} ({expected})"
    options = raw.get("options") or {}
    if not isinstance(options, dict):
        raise ConfigError(f"{where}: 'options' must be a mapping")
    boundary = bool(options.get("wordBoundary", False))
    pattern = raw.get("pattern") if raw.get("pattern") is not None else raw.get("patterns")
    term = Term(
        expected,
        _compile(_pattern_source(pattern, expected, boundary, where), where),
        _must_be_empty(raw.get("regexpMustEmpty"), where),
        note=str(raw.get("prh") or ""),
        source=where,
    )
    _check_specs(term, raw.get("specs") or [], where)
    return term


def _pattern_source(pattern: Any, expected: str, boundary: bool, where: str) -> tuple[str, int]:
    """The regex source and flags of a rule's pattern (or of ``expected`` without one)."""
    if pattern is None:
        source = _spread_alphanumerics(expected)
        return (rf"\b{source}\b" if boundary else source), 0
    if isinstance(pattern, str):
        return _one_pattern(pattern, boundary)[:2]
    if isinstance(pattern, list) and pattern and all(isinstance(p, str) for p in pattern):
        parts = [_one_pattern(p, boundary) for p in pattern]
        flags = {f for _source, f, is_regex in parts if is_regex}
        if len(flags) > 1:  # prh cannot combine them either
            raise ConfigError(f"{where}: the patterns of one rule use different flags")
        return "(?:" + "|".join(s for s, _f, _r in parts) + ")", (flags.pop() if flags else 0)
    raise ConfigError(f"{where}: 'pattern' must be a string or a list of strings")


def _one_pattern(pattern: str, boundary: bool) -> tuple[str, int, bool]:
    """A ``/regex/flags`` string's source and flags, or a plain string's escaped text."""
    regex = _REGEX_LITERAL.fullmatch(pattern)
    if regex:
        return _from_javascript(regex.group(1)), _flags(regex.group(2)), True
    source = re.escape(pattern)
    return (rf"\b{source}\b" if boundary else source), 0, False


_REGEX_LITERAL = re.compile(r"/(.*)/([gimsuy]*)", re.DOTALL)


def _flags(letters: str) -> int:
    flags = 0
    if "i" in letters:
        flags |= re.IGNORECASE
    if "s" in letters:
        flags |= re.DOTALL
    return flags


def _from_javascript(source: str) -> str:
    """The few JavaScript regex spellings Python writes differently."""
    source = re.sub(r"\(\?<(?![=!])", "(?P<", source)
    source = re.sub(r"\\k<([A-Za-z_]\w*)>", r"(?P=\1)", source)
    return re.sub(r"\\u\{([0-9A-Fa-f]{1,6})\}", lambda m: f"\\U{int(m.group(1), 16):08x}", source)


def _spread_alphanumerics(expected: str) -> str:
    """``expected`` as a pattern that also finds it in other cases and in full width."""
    parts = []
    for char in expected:
        if char.isascii() and char.isalpha():
            upper, lower = char.upper(), char.lower()
            parts.append(f"[{upper}{lower}{_full(upper)}{_full(lower)}]")
        elif char.isascii() and char.isdigit():
            parts.append(f"[{char}{_full(char)}]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def _full(char: str) -> str:
    return chr(ord(char) + 0xFEE0)


def _compile(source_flags: tuple[str, int], where: str) -> re.Pattern[str]:
    source, flags = source_flags
    try:
        return re.compile(source, flags | re.MULTILINE | re.ASCII)
    except re.error as exc:
        raise ConfigError(
            f"{where}: the pattern is not a regular expression taiyaku can run: {exc}"
        ) from None


def _must_be_empty(raw: Any, where: str) -> int | None:
    if raw is None:
        return None
    match = re.fullmatch(r"\$([0-9]{1,2})", str(raw))
    if match is None:
        raise ConfigError(f"{where}: 'regexpMustEmpty' must name a group, like $1")
    return int(match.group(1))


def _check_specs(term: Term, specs: Any, where: str) -> None:
    if not isinstance(specs, list):
        raise ConfigError(f"{where}: 'specs' must be a list")
    for spec in specs:
        if not isinstance(spec, dict) or not isinstance(spec.get("from"), str):
            raise ConfigError(f"{where}: each spec needs 'from' and 'to'")
        given, wanted = spec["from"], str(spec.get("to", ""))
        got = TermList((term,)).apply(given)
        if got != wanted:
            raise ConfigError(f"{where}: spec failed: {given!r} gives {got!r}, expected {wanted!r}")


def _kind(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", str: "a string"}
    return names.get(type(value), type(value).__name__)
