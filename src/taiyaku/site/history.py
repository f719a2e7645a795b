"""What the site's files were: their git history, read once per run.

:func:`read_history` answers, for the content root:

* whether there is a history at all: not a git repository, a shallow clone (whose
  history stops short, so "behind" cannot be told; HEAD and the working tree are still
  read), or git unusable (:attr:`History.problem` says which, in one line);
* every commit that changed a file under the root, newest first (``git log
  --date-order``: a commit always comes before its parents, otherwise by commit date),
  with each file change's status and the object names of the file before and after;
* renames, detected over the whole log (``-M``), so a page's history continues under
  its old name (:meth:`History.changes_of`);
* the changes not committed yet (:attr:`History.pending`): staged, unstaged, untracked.

It costs a fixed number of git processes whatever the size of the site: one
``rev-parse``, one ``log -1`` (HEAD and its time), one ``log`` of the whole site (kept
in ``cache_dir`` by HEAD commit, so the next run with the same HEAD reads a file
instead), one ``status``, and one ``cat-file --batch`` per process that reads every old
file version asked for (:meth:`History.text_at`).  A pinned commit that changed nothing
under the root costs one more ``log`` (:meth:`History.find_commit`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from taiyaku.errors import GitError
from taiyaku.model.atomic import write_atomically
from taiyaku.model.cachedir import make_cache_folder
from taiyaku.site._git import BlobReader, run_git

__all__ = [
    "SHALLOW_NOTE",
    "Change",
    "Commit",
    "History",
    "Pending",
    "read_history",
]

SHALLOW_NOTE = "history is shallow: freshness needs the full history (`fetch-depth: 0`)"
_NO_REPO = "not a git repository: freshness needs the git history of the content root"
_FORMAT_VERSION = 1
_NULL = "0" * 40
# One commit's header in ``git log`` output: marker, hash, commit time, ISO date,
# subject, full message (last: the message may hold anything but NUL).
_LOG_FORMAT = "%x1e%H%x1f%ct%x1f%cI%x1f%s%x1f%B"

ChangeStatus = Literal["A", "M", "D", "R"]


@dataclass(frozen=True)
class Commit:
    """A commit that changed a file under the root."""

    sha: str
    time: int  # commit time, seconds since the epoch
    date: str  # the committer's own calendar date, YYYY-MM-DD
    subject: str
    message: str  # the whole message, subject included

    @property
    def short(self) -> str:
        return self.sha[:7]


@dataclass(frozen=True)
class Change:
    """One file changed by one commit (``index`` into :attr:`History.commits`)."""

    index: int
    status: ChangeStatus
    path: str  # root-relative, after the change
    old_path: str | None  # before a rename
    old_blob: str | None  # None: the file did not exist before
    new_blob: str | None  # None: deleted


@dataclass(frozen=True)
class Pending:
    """A page's change in the working tree, not committed yet."""

    path: str
    head_blob: str | None  # the version in HEAD (of ``old_path`` for a rename); None: new
    index_blob: str | None  # the staged version; None when untracked or deleted
    staged: bool
    unstaged: bool
    old_path: str | None = None  # a staged rename's source


@dataclass
class History:
    """The git history of a content root (see the module's docstring)."""

    root: Path
    problem: str | None = None  # why there is no usable history, in one line
    kind: Literal["ok", "no-repo", "shallow", "error"] = "ok"
    head: str | None = None
    head_time: int | None = None  # HEAD's commit time: "now" for how long a page is behind
    commits: list[Commit] = field(default_factory=list)
    pending: dict[str, Pending] = field(default_factory=dict)
    _by_path: dict[str, list[Change]] = field(default_factory=dict, repr=False)
    _followed: dict[str, list[Change]] = field(default_factory=dict, repr=False)
    _reader: BlobReader | None = field(default=None, repr=False)
    _all_commits: list[tuple[str, int]] | None = field(default=None, repr=False)

    @property
    def usable(self) -> bool:
        return self.kind == "ok"

    def token(self) -> str:
        """Identifies everything the history says: HEAD and the working tree's state."""
        pending = sorted(
            (p.path, p.head_blob, p.index_blob, p.unstaged) for p in self.pending.values()
        )
        text = json.dumps([self.kind, self.problem, self.head, pending], default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    def changes_of(self, path: str) -> list[Change]:
        """The committed changes of the file now at ``path``, newest first, across
        renames: a rename continues with the older name's changes before it.  The
        history stops where the file was added (or an earlier file of that name was
        deleted or renamed away)."""
        if path not in self._followed:
            pending = self.pending.get(path)
            start = pending.old_path if pending is not None and pending.old_path else path
            self._followed[path] = self._follow(start)
        return self._followed[path]

    def _follow(self, path: str) -> list[Change]:
        found: list[Change] = []
        current: str | None = path
        before = -1
        seen: set[str] = set()
        while current is not None and current not in seen:
            seen.add(current)
            following, current = current, None
            for change in self._by_path.get(following, ()):
                if change.index <= before:
                    continue
                if change.path != following or change.status == "D":
                    break  # an earlier file of this name, renamed away or deleted
                found.append(change)
                if change.status == "R":
                    current, before = change.old_path, change.index
                if change.status in ("A", "R"):
                    break
        return found

    def text_at(self, blob: str | None) -> str | None:
        """A file version's text by its object name; None for no file (or unreadable)."""
        if blob is None or self._reader is None:
            return None
        data = self._reader.read(blob)
        if data is None:
            return None
        return _decode(data)

    def find_commit(self, prefix: str) -> tuple[int | None, int | None]:
        """Where the commit whose name starts with ``prefix`` stands: (its index in
        :attr:`commits`, its commit time); (None, time) for a commit of HEAD's history
        that changed nothing under the root; (None, None) when HEAD's history has no
        such commit, or more than one."""
        prefix = prefix.lower()
        matches = [i for i, c in enumerate(self.commits) if c.sha.startswith(prefix)]
        if len(matches) == 1:
            return matches[0], self.commits[matches[0]].time
        if matches:
            return None, None
        every = [t for sha, t in self._every_commit() if sha.startswith(prefix)]
        return (None, every[0]) if len(every) == 1 else (None, None)

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()

    def _every_commit(self) -> list[tuple[str, int]]:
        """Every commit of HEAD's history (name, time): asked only for a pinned commit
        that changed nothing under the root, so one more git call at most per run."""
        if self._all_commits is None:
            self._all_commits = []
            if self.head is not None:
                out = run_git(self.root, "log", "--format=%H %ct", "HEAD")
                for line in out.decode("ascii", "replace").splitlines():
                    sha, _, when = line.partition(" ")
                    self._all_commits.append((sha, int(when or 0)))
        return self._all_commits


def read_history(root: Path, cache_dir: Path | None = None) -> History:
    """The history of ``root``; a History with :attr:`History.problem` set, never an
    exception, when there is none to read."""
    try:
        return _read(root.resolve(), cache_dir)
    except GitError as exc:
        return History(root, problem=f"git history unavailable: {exc}", kind="error")


def _read(root: Path, cache_dir: Path | None) -> History:
    if not _may_be_in_a_repository(root):
        return History(root, problem=_NO_REPO, kind="no-repo")
    try:
        out = run_git(
            root, "rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository"
        )
    except GitError as exc:
        if "not installed" in str(exc):
            raise
        return History(root, problem=_NO_REPO, kind="no-repo")
    lines = out.decode("utf-8", "surrogateescape").split("\n")
    toplevel, prefix, shallow = ([*lines, "", "", ""])[:3]
    history = History(root, _reader=BlobReader(root))
    history.head, history.head_time = _head(root)
    if shallow.strip() == "true":  # what HEAD and the working tree hold is still known
        history.kind, history.problem = "shallow", SHALLOW_NOTE
    elif history.head is not None:
        history.commits, changes = _log(root, history.head, f"{toplevel}\0{prefix}", cache_dir)
        for change in changes:
            history._by_path.setdefault(change.path, []).append(change)
            if change.status == "R" and change.old_path is not None:
                # the old name's history ends where it was renamed away
                history._by_path.setdefault(change.old_path, []).append(change)
        for found in history._by_path.values():
            found.sort(key=lambda c: c.index)
    history.pending = _pending(root, prefix)
    return history


def _may_be_in_a_repository(root: Path) -> bool:
    """Whether git could find a repository for ``root``: a ``.git`` in it or a folder
    above, or git told where one is by the environment.  Asked before starting git,
    which a site outside any repository would otherwise pay for on every run."""
    if any(name in os.environ for name in ("GIT_DIR", "GIT_WORK_TREE")):
        return True
    return any((folder / ".git").exists() for folder in (root, *root.parents))


def _head(root: Path) -> tuple[str | None, int | None]:
    """HEAD's commit and its commit time; (None, None) before the first commit."""
    try:
        out = run_git(root, "log", "-1", "--format=%H %ct", "HEAD").decode().split()
    except GitError:
        return None, None  # a repository without commits yet
    return (out[0], int(out[1])) if len(out) == 2 else (None, None)


# -- the log ----------------------------------------------------------------------------


def _log(
    root: Path, head: str, where: str, cache_dir: Path | None
) -> tuple[list[Commit], list[Change]]:
    """Commits and changes, from the cache when it holds this HEAD, else from git."""
    cache_file = None
    if cache_dir is not None:
        name = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:16]
        cache_file = cache_dir / f"history-{name}.json"
        cached = _load_cached(cache_file, head)
        if cached is not None:
            return cached
    args = ["log", "--date-order", "--relative", "-z", "--raw", "--no-abbrev", "-M"]
    out = run_git(root, *args, "--encoding=UTF-8", f"--format={_LOG_FORMAT}", head, "--", ".")
    commits, changes = parse_log(out)
    if cache_file is not None:
        _store_cached(cache_file, head, commits, changes)
    return commits, changes


def parse_log(out: bytes) -> tuple[list[Commit], list[Change]]:
    """Read ``git log -z --raw --format=_LOG_FORMAT`` output."""
    commits: list[Commit] = []
    changes: list[Change] = []
    tokens = out.split(b"\0")
    i = 0
    while i < len(tokens):
        token = tokens[i].lstrip(b"\n")
        i += 1
        if token.startswith(b"\x1e"):
            sha, when, iso, subject, message = (
                [*token[1:].decode("utf-8", "replace").split("\x1f", 4), "", "", "", ""]
            )[:5]
            commits.append(Commit(sha, int(when or 0), iso[:10], subject, message.strip()))
        elif token.startswith(b":") and commits:
            fields = token.decode("ascii", "replace").split()
            status = fields[4][:1] if len(fields) >= 5 else "M"
            paths = 2 if status in ("R", "C") else 1
            names = [_path(t) for t in tokens[i : i + paths]]
            i += paths
            changes.append(_change(len(commits) - 1, status, fields, names))
    return commits, changes


def _change(index: int, status: str, fields: list[str], names: list[str]) -> Change:
    old_blob = fields[2] if len(fields) > 2 and fields[2] != _NULL else None
    new_blob = fields[3] if len(fields) > 3 and fields[3] != _NULL else None
    if status == "R" and len(names) == 2:
        return Change(index, "R", names[1], names[0], old_blob, new_blob)
    if status == "C" and len(names) == 2:  # a copy: a new file, whose text came from elsewhere
        return Change(index, "A", names[1], None, None, new_blob)
    kind: ChangeStatus = status if status in ("A", "D") else "M"  # type: ignore[assignment]
    return Change(index, kind, names[0] if names else "", None, old_blob, new_blob)


def _path(raw: bytes) -> str:
    return os.fsdecode(raw)


def _load_cached(path: Path, head: str) -> tuple[list[Commit], list[Change]] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != _FORMAT_VERSION or data.get("head") != head:
            return None
        commits = [Commit(*row) for row in data["commits"]]
        changes = [Change(*row) for row in data["changes"]]
    except (OSError, ValueError, TypeError, KeyError):
        return None  # no cache yet, or a damaged one: read git again
    return commits, changes


def _store_cached(path: Path, head: str, commits: list[Commit], changes: list[Change]) -> None:
    data = {
        "version": _FORMAT_VERSION,
        "head": head,
        "commits": [[c.sha, c.time, c.date, c.subject, c.message] for c in commits],
        "changes": [
            [c.index, c.status, c.path, c.old_path, c.old_blob, c.new_blob] for c in changes
        ],
    }
    with contextlib.suppress(OSError):  # a cache that cannot be written is no error
        make_cache_folder(path.parent)
        write_atomically(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


# -- the working tree ---------------------------------------------------------------------


def _pending(root: Path, prefix: str) -> dict[str, Pending]:
    """Changes not committed yet, by root-relative path (``git status``)."""
    out = run_git(root, "status", "--porcelain=v2", "-z", "--untracked-files=all", "--", ".")
    pending: dict[str, Pending] = {}
    tokens = out.split(b"\0")
    i = 0
    while i < len(tokens):
        fields = tokens[i].decode("utf-8", "surrogateescape").split(" ")
        i += 1
        entry: Pending | None = None
        if fields[0] == "1" and len(fields) >= 9:
            entry = _tracked(fields, " ".join(fields[8:]), None)
        elif fields[0] == "2" and len(fields) >= 10:
            old = _path(tokens[i]) if i < len(tokens) else None
            i += 1
            entry = _tracked(fields, " ".join(fields[9:]), old)
        elif fields[0] == "?" and len(fields) >= 2:
            path = " ".join(fields[1:])
            entry = Pending(path, None, None, staged=False, unstaged=True)
        if entry is not None:
            entry = _under(entry, prefix)
            if entry is not None:
                pending[entry.path] = entry
    return pending


def _tracked(fields: list[str], path: str, old_path: str | None) -> Pending:
    xy = fields[1]
    head_blob = fields[6] if fields[6] != _NULL else None
    index_blob = fields[7] if fields[7] != _NULL else None
    return Pending(path, head_blob, index_blob, xy[0] != ".", xy[1] != ".", old_path)


def _under(entry: Pending, prefix: str) -> Pending | None:
    """The entry with root-relative paths (git status names files from the top)."""
    if not entry.path.startswith(prefix):
        return None
    old = entry.old_path
    if old is not None:
        old = old[len(prefix) :] if old.startswith(prefix) else None
    return Pending(
        entry.path[len(prefix) :],
        entry.head_blob,
        entry.index_blob,
        entry.staged,
        entry.unstaged,
        old,
    )


def _decode(data: bytes) -> str:
    text = data.decode("utf-8-sig", "replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")
