"""How far a translation is behind its source, from the two pages' git histories.

The two pages' changes are merged into one list of events, newest first: each commit
that changed either page (following renames), and before them the changes not committed
yet.  Walking it from the newest:

* a substantive source change that no skip marker excuses is one the translation lacks,
  until the walk reaches
* the translation's last substantive change, or a commit that changed both pages (a sync
  point) in a way a reader sees: everything older the translation had when it was
  written.

A pinned translation (``source_commit: <hash>`` in its front matter) is behind by the
substantive source changes after that commit instead, whatever the dates of the
translation's own changes.

Reading old versions costs a parse each, so the walk reads only what its answer needs:
once no older source change is left, nothing older can be missing, and it stops.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from taiyaku.errors import GitError
from taiyaku.model.freshness import CommitRef, PairFreshness
from taiyaku.rules.freshness.state import CURRENT, Freshness, is_commit_name

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.site.history import Change, Commit
    from taiyaku.site.pages import Page

__all__ = ["Side", "pair_freshness"]

_DAY = 86_400
_PENDING = -1  # the event index of changes not committed yet


@dataclass(frozen=True)
class Side:
    """One page of the pair and how to read its current version."""

    page: Page
    document: Callable[[], Document]

    @property
    def rel(self) -> str:
        return self.page.rel


@dataclass(frozen=True)
class _Version:
    """One page's change in one event: the versions before and after."""

    before: str | None
    after: str | None


@dataclass(frozen=True)
class _Event:
    index: int  # into the history's commits; _PENDING for the working tree
    source: _Version | None
    translation: _Version | None


def pair_freshness(state: Freshness, source: Side, translation: Side) -> PairFreshness | None:
    """The pair's freshness (memoised in ``state`` by the translation's path); None
    when git fails while its history is read (the run gets a note)."""
    known = state.pairs.get(translation.rel)
    if known is None and state.history.usable:
        try:
            known = state.pairs[translation.rel] = _compute(state, source, translation)
        except GitError as error:
            state.fail(error)
    return known


def _compute(state: Freshness, source: Side, translation: Side) -> PairFreshness:
    events = _events(state, source.rel, translation.rel)
    pin = _pin(state, translation)
    if pin is not None:
        found = state.history.find_commit(pin) if is_commit_name(pin) else (None, None)
        if found == (None, None):
            return _row(source, translation, "unknown-pin", pin=pin)
        missing = _missing_since_pin(state, source, events, found)
    else:
        missing = _missing(state, source, translation, events)
    if not missing:
        return _row(source, translation, "up-to-date", pin=pin)
    return _behind(state, source, translation, missing, pin)


def _events(state: Freshness, source: str, translation: str) -> list[_Event]:
    history = state.history
    by_index: dict[int, dict[str, _Version]] = {}
    for side, rel in (("source", source), ("translation", translation)):
        changes = history.changes_of(rel)
        pending = history.pending.get(rel)
        if pending is not None:
            by_index.setdefault(_PENDING, {})[side] = _Version(pending.head_blob, CURRENT)
        for position, change in enumerate(changes):
            newest = position == 0 and pending is None
            by_index.setdefault(change.index, {})[side] = _version(change, newest)
    return [
        _Event(index, sides.get("source"), sides.get("translation"))
        for index, sides in sorted(by_index.items())
    ]


def _version(change: Change, newest: bool) -> _Version:
    # The newest committed version of an unmodified file is the file itself, which the
    # run has read already: reading it from git would parse it again.
    return _Version(change.old_blob, CURRENT if newest else change.new_blob)


def _changed(state: Freshness, side: Side, version: _Version) -> bool:
    return state.compare(version.before, version.after, side.rel, side.document).substantive


def _excused(state: Freshness, index: int) -> bool:
    return index != _PENDING and state.skipped(state.history.commits[index].message)


def _missing(
    state: Freshness, source: Side, translation: Side, events: list[_Event]
) -> list[_Event]:
    """The source changes after the translation's last substantive change, newest first."""
    missing: list[_Event] = []
    older_sources = sum(1 for e in events if e.source is not None)
    for event in events:
        if event.source is not None:
            older_sources -= 1
        if event.translation is None:
            assert event.source is not None
            if not _excused(state, event.index) and _changed(state, source, event.source):
                missing.append(event)
            continue
        if event.source is not None:  # a commit that changed both pages
            counts = not _excused(state, event.index) and _changed(state, source, event.source)
            if counts or _changed(state, translation, event.translation):
                break  # a sync point
            continue
        if older_sources == 0 or _changed(state, translation, event.translation):
            break  # nothing older can be missing, or the translation's last update
    return missing


def _missing_since_pin(
    state: Freshness, source: Side, events: list[_Event], pin: tuple[int | None, int | None]
) -> list[_Event]:
    """The source changes after the pinned commit, newest first."""
    index, when = pin
    commits = state.history.commits
    missing = []
    for event in events:
        if event.source is None:
            continue
        if event.index != _PENDING:
            after = (
                event.index < index
                if index is not None
                else commits[event.index].time > (when or 0)
            )
            if not after:
                continue
        if not _excused(state, event.index) and _changed(state, source, event.source):
            missing.append(event)
    return missing


def _pin(state: Freshness, translation: Side) -> str | None:
    if not state.pin_key:
        return None
    data = translation.document().frontmatter.data
    value = data.get(state.pin_key) if isinstance(data, dict) else None
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    return str(value).strip() or None


def _behind(
    state: Freshness,
    source: Side,
    translation: Side,
    missing: list[_Event],
    pin: str | None,
) -> PairFreshness:
    history = state.history
    commits = [history.commits[e.index] for e in missing if e.index != _PENDING]
    oldest_event = missing[-1]
    assert oldest_event.source is not None
    since = state.compare(oldest_event.source.before, CURRENT, source.rel, source.document)
    oldest = commits[-1] if commits else None
    days = 0
    if oldest is not None and history.head_time is not None:
        days = max(0, (history.head_time - oldest.time) // _DAY)
    return _row(
        source,
        translation,
        "behind",
        commits=len(commits),
        pending=missing[0].index == _PENDING,
        days=days,
        oldest=_ref(oldest),
        changed_line=since.first_line,
        pin=pin,
    )


def _ref(commit: Commit | None) -> CommitRef | None:
    return None if commit is None else CommitRef(commit.sha, commit.date, commit.subject)


def _row(source: Side, translation: Side, state: str, **values: object) -> PairFreshness:
    return PairFreshness(
        key=translation.page.key,
        source=source.rel,
        translation=translation.rel,
        state=state,  # type: ignore[arg-type]
        **values,  # type: ignore[arg-type]
    )
