"""The privacy policy (``checks/privacy.yml``): its clauses, its scope, its thresholds.

A *policy* lists clauses that every in-scope page must carry, in Japanese and in
English.  :func:`load_policy` reads and validates it (a :class:`PolicyError` names the
offending key); :func:`policy_in_scope` says whether a page must carry the clauses.
"""

from __future__ import annotations

from taiyaku.model.records import cached_property

__all__ = [
    "DEFAULT_THRESHOLDS",
    "Clause",
    "LangThresholds",
    "Policy",
    "Thresholds",
    "load_policy",
    "parse_policy",
    "policy_in_scope",
]

import contextlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from taiyaku.errors import PolicyError
from taiyaku.model.globs import PathPatterns
from taiyaku.model.lang import LANGS, Lang
from taiyaku.rules.privacy.words import CJK, contains_run, en_keys

POLICY_VERSION = 1


@dataclass(frozen=True)
class LangThresholds:
    """Score limits for one language: ``score >= present`` is present,
    ``altered <= score < present`` is altered, anything lower is missing."""

    present: float
    altered: float


@dataclass(frozen=True)
class Thresholds:
    ja: LangThresholds
    en: LangThresholds

    def for_lang(self, lang: Lang) -> LangThresholds:
        return self.ja if lang == "ja" else self.en


#: Defaults.  ``present``: F2 >= 0.8 lets about one content word in five differ; editors'
#: rewordings, honorifics and small insertions score 0.85-1.0, a clause missing a whole
#: sentence scores about 0.65.  ``altered``: on 121 pages of a real support site, the best
#: run of sentences on a page without the clause scored at most 0.44 (even where the page
#: shares the clause's vocabulary); only passages paraphrasing part of a clause reached
#: 0.59-0.63.  0.5 keeps unrelated text out and still reports a half-kept clause.
DEFAULT_THRESHOLDS = Thresholds(
    ja=LangThresholds(present=0.8, altered=0.5),
    en=LangThresholds(present=0.8, altered=0.5),
)


@dataclass(frozen=True)
class Clause:
    id: str
    ja: str
    en: str
    key_terms_ja: tuple[str, ...] = ()
    key_terms_en: tuple[str, ...] = ()

    def text(self, lang: Lang) -> str:
        return self.ja if lang == "ja" else self.en

    def key_terms(self, lang: Lang) -> tuple[str, ...]:
        return self.key_terms_ja if lang == "ja" else self.key_terms_en


@dataclass(frozen=True)
class Policy:
    clauses: tuple[Clause, ...]
    scope_frontmatter: dict[str, Any]
    scope_paths: tuple[str, ...]
    thresholds: Thresholds = DEFAULT_THRESHOLDS

    @cached_property
    def scope_patterns(self) -> PathPatterns:
        """``scope_paths``, compiled (:mod:`taiyaku.model.globs`)."""
        return PathPatterns(self.scope_paths)


_TOP_KEYS = frozenset({"version", "scope", "thresholds", "clauses"})


_SCOPE_KEYS = frozenset({"frontmatter", "paths"})


_CLAUSE_KEYS = frozenset({"id", "ja", "en", "key_terms"})


_THRESHOLD_KEYS = frozenset({"present", "altered"})


_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_policy(path: Path) -> Policy:
    """Read and validate a policy file; raise :class:`PolicyError` on any problem."""
    try:
        source = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise PolicyError(f"{path}: cannot read policy file: {exc.strerror or exc}") from exc
    try:
        data = _safe_load(source)
    except yaml.YAMLError as exc:
        raise PolicyError(f"{path}: invalid YAML: {exc}") from exc
    try:
        return parse_policy(data)
    except PolicyError as exc:
        raise PolicyError(f"{path}: {exc}", exc.key) from exc


def _safe_load(source: str) -> Any:
    """``yaml.safe_load`` with libyaml when PyYAML has it (ten times faster); on an error
    the pure-Python parser runs again, so that messages do not depend on the build."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        with contextlib.suppress(yaml.YAMLError):
            return yaml.load(source, Loader=fast)  # CSafeLoader: safe
    return yaml.safe_load(source)


def parse_policy(data: object) -> Policy:
    """Validate already-parsed policy data (a mapping) and build a :class:`Policy`."""
    top = _mapping(data, "<policy>", _TOP_KEYS)
    version = top.get("version")
    if type(version) is not int or version != POLICY_VERSION:
        raise PolicyError(f"version: expected {POLICY_VERSION}, got {version!r}", "version")
    frontmatter, paths = _parse_scope(top.get("scope"))
    thresholds = _parse_thresholds(top.get("thresholds"))
    clauses = _parse_clauses(top.get("clauses"))
    return Policy(clauses, frontmatter, paths, thresholds)


def _type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _fail_type(key: str, expected: str, value: object) -> PolicyError:
    return PolicyError(f"{key}: expected {expected}, got {_type_name(value)}", key)


def _mapping(value: object, key: str, allowed: frozenset[str]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _fail_type(key, "a mapping", value)
    prefix = "" if key.startswith("<") else f"{key}."
    for name in value:
        if name not in allowed:
            full = f"{prefix}{name}"
            known = ", ".join(sorted(allowed))
            raise PolicyError(f"{full}: unknown key (expected one of: {known})", full)
    return value


def _string(value: object, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail_type(key, "a non-empty string", value)
    return value.strip()


def _string_list(value: object, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _fail_type(key, "a list of strings", value)
    return tuple(_string(item, f"{key}[{i}]") for i, item in enumerate(value))


def _parse_scope(value: object) -> tuple[dict[str, Any], tuple[str, ...]]:
    scope = _mapping(value, "scope", _SCOPE_KEYS)
    frontmatter = scope.get("frontmatter") or {}
    if not isinstance(frontmatter, Mapping):
        raise _fail_type("scope.frontmatter", "a mapping", frontmatter)
    for name, wanted in frontmatter.items():
        if not isinstance(wanted, str | int | float | bool):
            raise _fail_type(f"scope.frontmatter.{name}", "a scalar", wanted)
    paths = _string_list(scope.get("paths"), "scope.paths")
    if not frontmatter and not paths:
        raise PolicyError("scope: give `frontmatter` and/or `paths`", "scope")
    return dict(frontmatter), paths


def _parse_thresholds(value: object) -> Thresholds:
    if value is None:
        return DEFAULT_THRESHOLDS
    table = _mapping(value, "thresholds", frozenset(LANGS))
    ja = _parse_lang_thresholds(table.get("ja"), "thresholds.ja", DEFAULT_THRESHOLDS.ja)
    en = _parse_lang_thresholds(table.get("en"), "thresholds.en", DEFAULT_THRESHOLDS.en)
    return Thresholds(ja=ja, en=en)


def _parse_lang_thresholds(value: object, key: str, default: LangThresholds) -> LangThresholds:
    if value is None:
        return default
    table = _mapping(value, key, _THRESHOLD_KEYS)
    limits = {}
    for name in ("present", "altered"):
        number = table.get(name, getattr(default, name))
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise _fail_type(f"{key}.{name}", "a number", number)
        if not 0.0 <= number <= 1.0:
            raise PolicyError(
                f"{key}.{name}: expected a number in [0, 1], got {number}", f"{key}.{name}"
            )
        limits[name] = float(number)
    if limits["altered"] > limits["present"]:
        raise PolicyError(f"{key}.altered: must not exceed {key}.present", f"{key}.altered")
    return LangThresholds(**limits)


def _parse_clauses(value: object) -> tuple[Clause, ...]:
    if not isinstance(value, list) or not value:
        raise _fail_type("clauses", "a non-empty list", value)
    clauses = tuple(_parse_clause(item, f"clauses[{i}]") for i, item in enumerate(value))
    seen: set[str] = set()
    for i, clause in enumerate(clauses):
        if clause.id in seen:
            raise PolicyError(f"clauses[{i}].id: duplicate id {clause.id!r}", f"clauses[{i}].id")
        seen.add(clause.id)
    return clauses


def _parse_clause(value: object, key: str) -> Clause:
    table = _mapping(value, key, _CLAUSE_KEYS)
    for required in ("id", "ja", "en"):
        if required not in table:
            raise PolicyError(f"{key}.{required}: required key is absent", f"{key}.{required}")
    clause_id = _string(table["id"], f"{key}.id")
    if not _ID_RE.match(clause_id):
        raise PolicyError(f"{key}.id: {clause_id!r} is not kebab-case", f"{key}.id")
    terms = table.get("key_terms")
    terms_table = {} if terms is None else _mapping(terms, f"{key}.key_terms", frozenset(LANGS))
    clause = Clause(
        id=clause_id,
        ja=_clean_wording(_string(table["ja"], f"{key}.ja")),
        en=_clean_wording(_string(table["en"], f"{key}.en")),
        key_terms_ja=_string_list(terms_table.get("ja"), f"{key}.key_terms.ja"),
        key_terms_en=_string_list(terms_table.get("en"), f"{key}.key_terms.en"),
    )
    _check_key_terms(clause, key)
    return clause


def _clean_wording(text: str) -> str:
    """One space between words, none between Japanese characters (YAML folding adds
    them at line ends)."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(rf"(?<=[{CJK}]) (?=[{CJK}])", "", text)


def _check_key_terms(clause: Clause, key: str) -> None:
    """A key term must occur in the clause's own wording, or no page could match it."""
    for lang in LANGS:
        wording = clause.text(lang)
        for i, term in enumerate(clause.key_terms(lang)):
            if lang == "ja":
                found = re.sub(r"\s", "", term) in re.sub(r"\s", "", wording)
            else:
                found = contains_run(en_keys(wording), en_keys(term))
            if not found:
                where = f"{key}.key_terms.{lang}[{i}]"
                raise PolicyError(f"{where}: {term!r} does not occur in {key}.{lang}", where)


def policy_in_scope(policy: Policy, rel_path: str, frontmatter: Mapping[str, Any] | None) -> bool:
    """Whether a page must carry the policy's clauses.

    ``rel_path`` is posix and relative to the content root (``en/support/chat.md``).  A
    page is in scope when its front matter has every ``scope.frontmatter`` key with the
    same value, or when its path matches one of the ``scope.paths`` globs.
    """
    if _frontmatter_matches(policy.scope_frontmatter, frontmatter):
        return True
    return policy.scope_patterns.match(rel_path)


def _frontmatter_matches(wanted: Mapping[str, Any], frontmatter: Mapping[str, Any] | None) -> bool:
    if not wanted or frontmatter is None:
        return False
    return all(_same_value(frontmatter.get(k, _ABSENT), v) for k, v in wanted.items())


_ABSENT = object()


def _same_value(actual: object, wanted: object) -> bool:
    """Equality that does not confuse ``true`` with ``1``."""
    return type(actual) is type(wanted) and actual == wanted
