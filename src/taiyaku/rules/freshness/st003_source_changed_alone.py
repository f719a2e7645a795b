"""ST003 source-changed-alone."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from taiyaku.errors import ConfigError, GitError
from taiyaku.model.diagnostics import Finding, Related, Severity
from taiyaku.model.files import read_regular_file
from taiyaku.rules.base import RuleOption, SiteRule
from taiyaku.rules.freshness.state import (
    CURRENT,
    FRESHNESS,
    IGNORE_KEYS,
    SKIP_MARKERS,
    Freshness,
    source_and_translation,
)

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context
    from taiyaku.site.pages import Page

COMMIT_MSG_FILE = RuleOption(
    "commit-msg-file",
    str,
    None,
    "the commit message being written (pre-commit's commit-msg stage passes it): the staged "
    "pages are the change, and a skip marker in the message keeps ST003 quiet",
)


@dataclass(frozen=True)
class _Change:
    """A page's version before the change (in HEAD) and after it (staged, or current)."""

    before: str | None
    after: str


class SourceChangedAlone(SiteRule):
    """A change touches a source page substantively but not its translation.

    ## What it does
    In changed-files mode (``taiyaku check PAGE…``, which the pre-commit hook runs on
    the staged pages), compares each named page in the ``source-language`` with its
    version in ``HEAD``. When it changed substantively (see ST001: white space, emphasis,
    punctuation width and ``freshness-ignore-keys`` do not count) and its translation
    is neither named too nor changed in the working tree, the source page is reported
    at its first changed line.

    At pre-commit's ``commit-msg`` stage, give the message file with
    ``--commit-msg-file``: the change is then what is staged, and a message that carries
    a marker of ``skip-translation-markers`` (``[skip translation]``, ``[i18n skip]``)
    keeps the rule quiet. A full run (no pages named) reports nothing; so does a run
    outside a git repository.

    ## Why is this bad?
    A source change committed without its translation is how translations fall behind
    (ST001 reports them later, in CI). Said at commit time, the author can update the
    translation in the same change, or mark the commit as needing none.

    ## Example
    Staging only the Japanese chat page, with new weekend hours:

        content/support/chat.md:23:1: warning ST003 [source-changed-alone]
        content/support/chat.md changed; content/en/support/chat.md was not updated in
        this change
    """

    CODE = "ST003"
    NAME = "source-changed-alone"
    SEVERITY = Severity.WARNING
    OPTIONS = (SKIP_MARKERS, IGNORE_KEYS, COMMIT_MSG_FILE)

    def check(self, ctx: Context) -> Iterator[Finding]:
        message_file = str(ctx.option(COMMIT_MSG_FILE.key) or "")
        if not message_file and not ctx.named:
            return  # a full run: there is no change to look at
        state = ctx.state(FRESHNESS)
        if state.history.kind not in ("ok", "shallow"):
            return
        if message_file and state.skipped(_message(ctx, message_file)):
            return
        changes = _staged(ctx, state) if message_file else _named(ctx, state)
        hint = f" (or mark the commit {state.markers[0]})" if message_file and state.markers else ""
        for page, change in changes.items():
            pair = source_and_translation(ctx, page)
            if pair is not None and page is pair[0] and changed_alone(ctx, state, *pair):
                yield from _finding(ctx, state, page, pair[1], change, hint)


def changed_alone(ctx: Context, state: Freshness, source: Page, translation: Page) -> bool:
    """Whether this run's change (the named pages that differ from HEAD, or the staged
    ones at the commit-msg stage) holds ``source`` while ``translation`` is not changed
    in the working tree: where ST003 compares the source with HEAD, and where ST001
    leaves a lag that is only that uncommitted change to ST003."""
    pending = state.history.pending
    change = pending.get(source.rel)
    if change is None or translation.rel in pending:
        return False  # (a translation changed in the working tree is being updated too)
    if ctx.option(COMMIT_MSG_FILE.key):
        return change.staged and change.index_blob is not None
    return source.rel in ctx.named


_MAX_MESSAGE_BYTES = 1024 * 1024  # a commit message; more is no message


def _message(ctx: Context, name: str) -> str:
    path = Path(name)
    if not path.is_absolute():
        path = ctx.cwd / path
    try:
        text = read_regular_file(path, _MAX_MESSAGE_BYTES).decode("utf-8", errors="replace")
    except OSError as exc:
        raise ConfigError(f"cannot read the commit message {name}: {exc.strerror or exc}") from None
    return "\n".join(line for line in text.splitlines() if not line.startswith("#"))


def _named(ctx: Context, state: Freshness) -> dict[Page, _Change]:
    """The named pages that differ from HEAD, against the file in the working tree."""
    changes = {}
    for rel in sorted(ctx.named):
        pending = state.history.pending.get(rel)
        if pending is not None:
            changes[ctx.site.by_rel[rel]] = _Change(pending.head_blob, CURRENT)
    return changes


def _staged(ctx: Context, state: Freshness) -> dict[Page, _Change]:
    """The staged pages, against their staged version."""
    changes = {}
    for rel, pending in sorted(state.history.pending.items()):
        page = ctx.site.by_rel.get(rel)
        if page is not None and pending.staged and pending.index_blob is not None:
            changes[page] = _Change(pending.head_blob, pending.index_blob)
    return changes


def _finding(
    ctx: Context, state: Freshness, page: Page, translation: Page, change: _Change, hint: str
) -> Iterator[Finding]:
    def current() -> Document:
        return ctx.document(page)

    try:
        found = state.compare(change.before, change.after, page.rel, current)
    except GitError as error:
        state.fail(error)
        return
    if not found.substantive:
        return
    shown, other = ctx.display_path(page.path), ctx.display_path(translation.path)
    yield Finding(
        page.path,
        found.first_line or 1,
        1,
        f"{shown} changed; {other} was not updated in this change{hint}",
        related=(Related(translation.path, 1),),
    )
