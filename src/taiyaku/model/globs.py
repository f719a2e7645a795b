"""The one glob dialect of taiyaku: gitignore patterns, with ``{a,b}`` alternatives.

Every path pattern a user writes is read the same way, whether it is in ``exclude``,
``per-file-ignores``, the privacy policy's ``scope.paths`` or the front-matter schema's
``files``.  Patterns are matched against a page's path relative to the content root, in
POSIX form (``en/support/chat.md``), exactly as git reads a ``.gitignore``
(`pathspec <https://pypi.org/project/pathspec/>`_ does the matching):

* a pattern without a ``/`` (other than a trailing one) matches at any depth:
  ``index.md`` matches ``index.md`` and ``support/index.md``;
* a pattern with a ``/`` is anchored at the root: ``support/*.md``, ``/index.md``;
* ``*`` and ``?`` stay inside one path segment, ``**`` spans segments (``**/index.md``
  matches the top-level ``index.md`` too), ``[...]`` is a character class;
* a pattern that matches a folder matches everything under it (``drafts/``, ``drafts``);
* ``!pattern`` takes back what an earlier pattern of the same list matched;
* ``{a,b}`` expands to both alternatives before matching (`bracex
  <https://pypi.org/project/bracex/>`_): ``{support,ucom}/**``, ``*.{md,mdx}``.
"""

from __future__ import annotations

from collections.abc import Iterable

import bracex
import pathspec

__all__ = ["PathPatterns"]

# bracex refuses to expand a pattern into more alternatives than this (a user's typo such
# as ``{a,b}{c,d}…`` repeated must not cost unbounded memory).
_MAX_EXPANSION = 1000


class PathPatterns:
    """A list of gitignore-style patterns, compiled once."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = tuple(patterns)
        lines = [line for pattern in self.patterns for line in _expand(pattern)]
        self._spec = pathspec.GitIgnoreSpec.from_lines(lines)

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def __repr__(self) -> str:
        return f"PathPatterns({list(self.patterns)!r})"

    def match(self, rel_path: str) -> bool:
        """Whether the root-relative POSIX path ``rel_path`` matches."""
        return bool(self.patterns) and self._spec.match_file(rel_path.lstrip("/"))


def _expand(pattern: str) -> list[str]:
    pattern = pattern.strip()
    negated = pattern.startswith("!")
    body = pattern[1:] if negated else pattern
    body = body.removeprefix("./")
    try:
        expanded = bracex.expand(body, limit=_MAX_EXPANSION)
    except bracex.ExpansionLimitException:
        expanded = [body]
    return [("!" + item) if negated else item for item in expanded]
