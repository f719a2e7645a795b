"""The result cache: a re-run touches only what changed, and is never wrong.

Findings are cached per unit of work: a page (for page rules) or a pair (for pair
rules).  A unit's key hashes everything its findings can depend on:

* the tool itself: its version and a fingerprint of its source files;
* the configuration, including the content of every file in ``checks-dir``;
* the content of the unit's page files (SHA-256);
* for rules that look beyond their own pages (``Rule.USES_SITE``: links, breadcrumbs,
  pairing), a fingerprint of the whole site: every file's path and content hash.

The cache lives in ``.taiyaku_cache/cache.sqlite`` beside the configuration (option
``cache-dir``; ``--no-cache`` turns it off).  Values are JSON, never pickle, so a cache
file planted in a repository cannot run code in CI.

What keeps it from lying or doing harm:

* it writes only inside its own folder, which it creates (tagged with ``CACHEDIR.TAG``,
  ignored by git through its own ``.gitignore``); a ``cache-dir`` that is the project
  or content folder, holds one of them, or is a non-empty folder taiyaku did not create
  is a configuration error (:func:`check_cache_folder`);
* a row that is not exactly what :meth:`ResultCache.put` writes is a miss, and is
  rewritten; a database SQLite cannot read is replaced by a new one, with a note;
* the engine compares the hash of the bytes each page was parsed from with the hash its
  keys were made from, and caches nothing of a run during which a page changed;
* files are hashed in blocks, regular files only, and a page over ``max-page-bytes`` is
  not read at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from taiyaku import __version__
from taiyaku.model.cachedir import DATABASE as _DATABASE
from taiyaku.model.cachedir import check_cache_folder, make_cache_folder
from taiyaku.model.diagnostics import Edit, Finding, Fix, Related, Severity
from taiyaku.model.files import open_regular_file
from taiyaku.site.pages import Page, Site

__all__ = [
    "ResultCache",
    "SiteHashes",
    "check_cache_folder",
    "code_fingerprint",
    "content_hash",
]

_SCHEMA = "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT NOT NULL)"


def content_hash(path: Path, max_bytes: int = 1 << 62) -> str:
    """SHA-256 of a regular file's bytes, read in blocks ("" when it cannot be read).

    A file over ``max_bytes`` is not read: its hash stands for its size, which is all its
    findings (IN002, "over the limit") depend on.  A FIFO or a device is never opened
    for reading beyond what its type check needs."""
    try:
        with open_regular_file(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                return f"over-limit:{size}"
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return ""


@cache
def code_fingerprint() -> str:
    """The tool's version plus the size and mtime of each file of the package (its
    source and its data tables)."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(package.rglob("*")):
        if path.suffix == ".pyc" or not path.is_file():
            continue
        info = path.stat()
        digest.update(f"{path.relative_to(package)}:{info.st_size}:{info.st_mtime_ns}".encode())
    return digest.hexdigest()


def _hash_json(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    # A file name that is not UTF-8 arrives as lone surrogates (os.fsdecode): hash them.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class ResultCache:
    """Findings per unit of work, in one SQLite file.

    A row that does not read back as what :meth:`put` writes is a miss (and is rewritten
    by this run); a database SQLite cannot read is replaced by a new one, with a note in
    :attr:`notes`.  An unwritable cache folder only costs speed.
    """

    def __init__(self, folder: Path, global_key: str) -> None:
        self.folder = folder
        self.global_key = global_key
        self.hits = 0
        self.misses = 0
        self.pending: dict[str, str] = {}
        self.notes: list[str] = []
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._broken = False

    def _connection(self) -> sqlite3.Connection | None:
        """The SQLite connection of this process (a forked worker opens its own)."""
        if self._broken:
            return None
        if self._db is None or self._pid != os.getpid():
            try:
                self._db = self._open()
                self._pid = os.getpid()
            except (OSError, sqlite3.Error) as exc:
                self._broken = True
                self._db = None
                self.notes.append(
                    f"the cache in {self.folder} cannot be used ({_reason(exc)}): "
                    "this run's results were not cached"
                )
        return self._db

    def _open(self) -> sqlite3.Connection:
        self._make_folder()
        try:
            return _connect(self.folder / _DATABASE)
        except sqlite3.DatabaseError as exc:  # not a database, or a damaged one
            self._rebuild(exc)
            return _connect(self.folder / _DATABASE)

    def _make_folder(self) -> None:
        make_cache_folder(self.folder)

    def _rebuild(self, reason: BaseException) -> None:
        """Remove a database SQLite cannot read (its rows would all be misses anyway)."""
        for name in (_DATABASE, f"{_DATABASE}-journal", f"{_DATABASE}-wal"):
            with contextlib.suppress(FileNotFoundError):
                (self.folder / name).unlink()
        self.notes.append(
            f"the cache {self.folder / _DATABASE} could not be read ({reason}); "
            "it was replaced by a new one"
        )

    @classmethod
    def for_run(
        cls,
        folder: Path,
        root: Path,
        config_values: dict[str, Any],
        checks_dir: Path | None,
        cwd: Path,
    ) -> ResultCache:
        checks: dict[str, str] = {}
        if checks_dir is not None and checks_dir.is_dir():
            for path in sorted(checks_dir.rglob("*")):
                if path.is_file():
                    checks[path.relative_to(checks_dir).as_posix()] = content_hash(path)
        settings = {k: v for k, v in config_values.items() if k not in _RUN_ONLY_KEYS}
        # Messages quote paths relative to the working directory, so it is part of the key.
        global_key = _hash_json([code_fingerprint(), str(root), str(cwd), settings, checks])
        return cls(folder, global_key)

    def open_before_fork(self) -> None:
        """Create the folder and the database now, then close the connection, so that
        forked workers find both and only ever read them (two processes creating them
        at once could leave one without a cache, its results unwritten)."""
        self._connection()
        self.disconnect()

    def disconnect(self) -> None:
        """Close this process's connection (before forking workers); reopened on use."""
        if self._db is not None and self._pid == os.getpid():
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    def key(self, *parts: object) -> str:
        return _hash_json([self.global_key, *parts])

    def _row(self, key: str) -> str | None:
        db = self._connection()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:  # a damaged page of the file: a miss, never a result
            return None
        return row[0] if row is not None and isinstance(row[0], str) else None

    def get(self, key: str, root: Path) -> list[tuple[str, Finding]] | None:
        """The findings stored under ``key``, or None (a miss) when there is no row or
        the row is not exactly what :meth:`put` writes."""
        value = self._row(key)
        items = None if value is None else _findings_from_row(value, root)
        if items is None:
            self.misses += 1
            return None
        self.hits += 1
        return items

    def put(self, key: str, items: Iterable[tuple[str, Finding]], root: Path) -> None:
        payload = [(code, _finding_to_json(f, root)) for code, f in items]
        self.pending[key] = json.dumps(payload, ensure_ascii=False)

    def get_flag(self, key: str) -> bool | None:
        """A stored yes/no, or None when there is none (or it is neither "1" nor "0")."""
        return {"1": True, "0": False}.get(self._row(key) or "")

    def put_flag(self, key: str, value: bool) -> None:
        self.pending[key] = "1" if value else "0"

    def close(self) -> None:
        """Write what this run learned (one transaction) and close the file."""
        db = self._connection() if self.pending else self._db
        if db is not None:
            if self.pending:
                try:
                    _write_rows(db, self.pending)
                except sqlite3.DatabaseError as exc:  # damaged: start a new file
                    with contextlib.suppress(sqlite3.Error):
                        db.close()
                    db = None
                    self._write_fresh(exc)
                except sqlite3.Error as exc:  # locked by another run: its rows stand
                    self.notes.append(
                        f"the cache in {self.folder} could not be written ({_reason(exc)}): "
                        "this run's results were not cached"
                    )
            if db is not None:
                with contextlib.suppress(sqlite3.Error):
                    db.close()
        self._db = None
        self.pending = {}

    def _write_fresh(self, reason: BaseException) -> None:
        with contextlib.suppress(OSError, sqlite3.Error):
            self._rebuild(reason)
            db = _connect(self.folder / _DATABASE)
            try:
                _write_rows(db, self.pending)
            finally:
                db.close()


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=5)
    try:
        db.execute(_SCHEMA)
        db.execute("SELECT key FROM results LIMIT 1").fetchall()
    except BaseException:
        db.close()
        raise
    return db


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _write_rows(db: sqlite3.Connection, rows: dict[str, str]) -> None:
    with db:
        db.executemany(
            "INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)", list(rows.items())
        )


def _findings_from_row(value: str, root: Path) -> list[tuple[str, Finding]] | None:
    """The findings a row holds, or None when it is not a list of [code, finding]."""
    try:
        data = json.loads(value)
        if not isinstance(data, list):
            return None
        items = []
        for item in data:
            if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
                return None
            items.append((item[0], _finding_from_json(item[1], root)))
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    return items


# Options that change how results are shown or gathered, not what they are.
_RUN_ONLY_KEYS = frozenset({"format", "jobs", "cache", "cache-dir", "select", "ignore"})


class SiteHashes:
    """Content hashes of the site's files, each computed once per run."""

    def __init__(self, site: Site, max_bytes: int = 1 << 62) -> None:
        self.site = site
        self.max_bytes = max_bytes
        self._hashes: dict[str, str] = {}
        self._fingerprint: str | None = None

    def known(self, rel: str) -> str | None:
        """The hash this run took of the page ``rel``, if it took one."""
        return self._hashes.get(rel)

    def file_hash(self, page: Page) -> str:
        """SHA-256 of the page file's bytes."""
        digest = self._hashes.get(page.rel)
        if digest is None:
            digest = self._hashes[page.rel] = content_hash(page.path, self.max_bytes)
        return digest

    def site_fingerprint(self) -> str:
        """A hash of every page's path and content and every other file's path: what
        rules that look beyond their own pages (``Rule.USES_SITE``) can depend on."""
        if self._fingerprint is None:
            files = [(p.rel, self.file_hash(p)) for p in self.site.pages]
            files += [(f"asset:{rel}", "") for rel in self.site.assets]
            files += [(f"static:{rel}", "") for rel in self.site.static_inventory()]
            self._fingerprint = _hash_json(sorted(files))
        return self._fingerprint


def _rel(path: Path, root: Path) -> str:
    try:
        return "@/" + path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _abs(text: str, root: Path) -> Path:
    return root / text[2:] if text.startswith("@/") else Path(text)


def _finding_to_json(f: Finding, root: Path) -> dict[str, Any]:
    return {
        "path": _rel(f.path, root),
        "line": f.line,
        "column": f.column,
        "message": f.message,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "severity": f.severity.value if f.severity else None,
        "related": [[_rel(r.path, root), r.line, r.message] for r in f.related],
        "fingerprint_text": f.fingerprint_text,
        "deferred_to": [[code, _rel(path, root)] for code, path in f.deferred_to],
        "fix": _fix_to_json(f.fix, root) if f.fix is not None else None,
    }


def _finding_from_json(data: dict[str, Any], root: Path) -> Finding:
    return Finding(
        path=_abs(data["path"], root),
        line=int(data["line"]),
        column=int(data["column"]),
        message=str(data["message"]),
        end_line=data["end_line"],
        end_column=data["end_column"],
        severity=Severity(data["severity"]) if data["severity"] else None,
        related=tuple(
            Related(_abs(p, root), int(line), str(msg)) for p, line, msg in data["related"]
        ),
        fingerprint_text=data["fingerprint_text"],
        deferred_to=tuple((str(code), _abs(p, root)) for code, p in data["deferred_to"]),
        fix=_fix_from_json(data["fix"], root) if data["fix"] is not None else None,
    )


def _fix_to_json(fix: Fix, root: Path) -> dict[str, Any]:
    return {
        "applicability": fix.applicability,
        "description": fix.description,
        "edits": [
            [_rel(e.path, root), e.line, e.column, e.end_line, e.end_column, e.replacement]
            for e in fix.edits
        ],
    }


def _fix_from_json(data: dict[str, Any], root: Path) -> Fix:
    applicability = data["applicability"]
    if applicability not in ("safe", "unsafe"):
        raise ValueError(applicability)
    edits = tuple(
        Edit(_abs(str(p), root), int(a), int(b), int(c), int(d), str(text))
        for p, a, b, c, d, text in data["edits"]
    )
    return Fix(edits, applicability, str(data["description"]))
