"""Rule base classes: page rules, pair rules, site rules and directive rules.

A rule module defines one subclass with ``CODE``, ``NAME`` (kebab-case), ``SEVERITY`` and
a docstring with the sections *What it does*, *Why is this bad?* and *Example*.  That
docstring is what ``taiyaku rule CODE`` prints and what the docs are generated from.
Rules yield :class:`~taiyaku.model.diagnostics.Finding` objects; the engine stamps them.

A rule never asks which other rules run: where two rules could report one fact, the
finding names the other rule in ``Finding.deferred_to`` and the engine decides.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from taiyaku.model.diagnostics import Finding, RuleMeta, Severity

if TYPE_CHECKING:
    from pathlib import Path

    from taiyaku.parse.directives import Directive
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context, Pair

Scope = Literal["page", "pair", "site"]

__all__ = ["DirectiveRule", "PageRule", "PairRule", "Rule", "RuleDoc", "RuleOption", "SiteRule"]


@dataclass(frozen=True)
class RuleOption:
    """A configuration key a rule adds (it is also a command-line flag)."""

    key: str
    type: type
    default: Any
    help: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleDoc:
    summary: str
    what_it_does: str
    why_bad: str
    example: str
    text: str  # the whole docstring, dedented


class Rule:
    CODE: ClassVar[str]
    NAME: ClassVar[str]
    SEVERITY: ClassVar[Severity]
    SCOPE: ClassVar[Scope]
    OPTIONS: ClassVar[tuple[RuleOption, ...]] = ()
    # Rules that need the Japanese morphological analysis of every block they read.
    NEEDS_TOKENS: ClassVar[bool] = False
    # False for rules whose findings depend only on the page they check and its
    # counterpart (page rules), or on the pair's two pages (pair rules), plus the
    # configuration. The result cache then keeps their findings until those files
    # change; rules that look further (links, breadcrumbs, pairing) must leave it True.
    USES_SITE: ClassVar[bool] = True
    # The kinds of DocumentProblem this rule reports (IN001–IN003).  When the engine
    # stops work on a page (the time limit), it replaces the page by a stand-in that
    # records the problem and runs the selected rules that report that kind on it.
    REPORTS_PROBLEMS: ClassVar[frozenset[str]] = frozenset()
    # True for the rule that states once that a pair's translation is a placeholder:
    # the findings of the rules that compare content (PairRule.COMPARES_CONTENT) on such
    # a pair defer to it.
    REPORTS_PLACEHOLDERS: ClassVar[bool] = False

    @classmethod
    def uses_site(cls, options: Mapping[str, Any]) -> bool:
        """Whether the findings may depend on pages beyond the unit's own, with these
        settings: ``USES_SITE``, unless an option decides it (JA001 with
        ``ja-variant-scope = "site"``)."""
        return cls.USES_SITE

    @classmethod
    def prepare(cls, ctx: Context) -> None:
        """Load what the rule reads once per run (a policy file, a site-wide table)
        before worker processes fork, so that they share it instead of each loading it.
        Rules still load lazily; this only moves the work to where it is done once.

        What ``prepare`` loads may be left partly unchecked when checking it is slow and
        the workers do not need to wait for it (a schema against the JSON Schema
        meta-schema): :meth:`verify` finishes the job."""

    @classmethod
    def verify(cls, ctx: Context) -> None:
        """Finish checking what :meth:`prepare` loaded, raising ConfigError if it is
        unusable.  The engine runs it in this process while the workers start on the
        pages, and before reporting anything; a rule that loads lazily (in one process)
        checks everything as it loads."""

    @classmethod
    def cache_token(cls, ctx: Context) -> str | None:
        """What the rule's findings depend on besides the unit's files and the run's
        configuration (ST001: the git history's HEAD and working-tree state), or None.
        The result cache keys the rule's findings by it too."""
        return None

    @classmethod
    def meta(cls, severity: Severity | None = None) -> RuleMeta:
        """What reports show of the rule, with the run's configured ``severity``."""
        doc = cls.doc()
        return RuleMeta(
            code=cls.CODE,
            name=cls.NAME,
            severity=severity or cls.SEVERITY,
            default_severity=cls.SEVERITY,
            scope=cls.SCOPE,
            summary=doc.summary,
            what_it_does=doc.what_it_does,
            doc=doc.text,
        )

    @classmethod
    def family(cls) -> str:
        return re.sub(r"\d+$", "", cls.CODE)

    @classmethod
    def options_doc(cls) -> str:
        """The rule's settings as a Markdown section (empty when it has none), for
        ``taiyaku rule`` and docs/rules.md."""
        if not cls.OPTIONS:
            return ""
        lines = ["## Options", ""]
        for opt in cls.OPTIONS:
            default = opt.default
            if isinstance(default, (list, tuple)):
                shown = ", ".join(f"`{v}`" for v in default) or "none"
            else:
                shown = (
                    "none"
                    if default in (None, "")
                    else f"`{str(default).lower() if isinstance(default, bool) else default}`"
                )
            choices = f"; one of {', '.join(f'`{c}`' for c in opt.choices)}" if opt.choices else ""
            lines.append(f"- `{opt.key}` (default {shown}{choices}): {opt.help}")
        return "\n".join(lines)

    @classmethod
    def doc(cls) -> RuleDoc:
        """The rule's docstring, in its sections (read once per class: every run's
        result lists every selected rule's)."""
        known = _DOCS.get(cls)
        if known is None or known[0] is not cls.__doc__:
            known = _DOCS[cls] = (cls.__doc__, cls._read_doc())
        return known[1]

    @classmethod
    def _read_doc(cls) -> RuleDoc:
        text = inspect.cleandoc(cls.__doc__ or "")
        sections = _split_sections(text)
        summary = text.split("\n\n", 1)[0].strip().replace("\n", " ")
        return RuleDoc(
            summary=summary,
            what_it_does=sections.get("what it does", ""),
            why_bad=sections.get("why is this bad?", ""),
            example=sections.get("example", ""),
            text=text,
        )


#: Each rule class's docstring as last read, and its sections.
_DOCS: dict[type[Rule], tuple[str | None, RuleDoc]] = {}


class PageRule(Rule):
    SCOPE: ClassVar[Scope] = "page"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError


class PairRule(Rule):
    """Compares the Japanese and English sides of a pair (or of a bilingual page)."""

    SCOPE: ClassVar[Scope] = "pair"
    # True for rules that compare what the two languages say (times, dates, numbers,
    # links, clauses): on a pair whose translation is a placeholder, where every fact
    # would be "missing", their findings defer to the rule that says so once (PR004).
    COMPARES_CONTENT: ClassVar[bool] = False

    def check(self, pair: Pair, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError


class DirectiveRule(Rule):
    """Reports on the suppression directives of a checked page, once every other rule's
    diagnostics have been matched against them (TY100)."""

    SCOPE: ClassVar[Scope] = "page"

    def check(
        self,
        path: Path,
        directives: Sequence[Directive],
        selected: Collection[str],
        every_rule: bool,
    ) -> Iterable[Finding]:
        """Findings for the page at ``path``; ``selected``: the codes that ran;
        ``every_rule``: whether every registered rule ran."""
        raise NotImplementedError


class SiteRule(Rule):
    """Looks across pages (redirect conflicts, orphans); reports on the checked pages."""

    SCOPE: ClassVar[Scope] = "site"
    # True when the findings depend only on the site's files, the pages checked and the
    # configuration (and the rule's cache_token): the result cache then keeps them,
    # keyed by the site's fingerprint.  False for rules that read more (the commit
    # message being written, the git index).
    CACHED: ClassVar[bool] = False

    def check(self, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError


_HEADER = re.compile(r"^## (.+)$", re.MULTILINE)


def _split_sections(text: str) -> dict[str, str]:
    sections: dict[str, str] = {}
    matches = list(_HEADER.finditer(text))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        sections[match.group(1).strip().lower()] = text[match.end() : end].strip()
    return sections
