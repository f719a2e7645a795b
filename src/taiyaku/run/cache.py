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
from taiyaku.model.diagnostics import Edit, Finding, Fix, Related, Severity
from taiyaku.site.pages import Page, Site

__all__ = ["ResultCache", "SiteHashes", "code_fingerprint", "content_hash"]

_SCHEMA = "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT NOT NULL)"


def content_hash(path: Path) -> str:
    """SHA-256 of a file's bytes ("" when it cannot be read)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


@cache
def code_fingerprint() -> str:
    """The tool's version plus the size and mtime of each of its source files."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(package.rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _hash_json(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


class ResultCache:
    """Findings per unit of work, in one SQLite file."""

    def __init__(self, folder: Path, global_key: str) -> None:
        self.folder = folder
        self.global_key = global_key
        self.hits = 0
        self.misses = 0
        self.pending: dict[str, str] = {}
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._broken = False

    def _connection(self) -> sqlite3.Connection | None:
        """The SQLite connection of this process (a forked worker opens its own)."""
        if self._broken:
            return None
        if self._db is None or self._pid != os.getpid():
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                ignore = self.folder / ".gitignore"
                if not ignore.exists():
                    ignore.write_text("# created by taiyaku\n*\n", encoding="utf-8")
                self._db = sqlite3.connect(self.folder / "cache.sqlite", timeout=5)
                self._db.execute(_SCHEMA)
                self._pid = os.getpid()
            except (OSError, sqlite3.Error):
                self._broken = True  # an unwritable cache folder only costs speed
                self._db = None
        return self._db

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

    def disconnect(self) -> None:
        """Close this process's connection (before forking workers); reopened on use."""
        if self._db is not None and self._pid == os.getpid():
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    def key(self, *parts: object) -> str:
        return _hash_json([self.global_key, *parts])

    def get(self, key: str, root: Path) -> list[tuple[str, Finding]] | None:
        db = self._connection()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            self.misses += 1
            return None
        try:
            items = [(code, _finding_from_json(data, root)) for code, data in json.loads(row[0])]
        except (ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return items

    def put(self, key: str, items: Iterable[tuple[str, Finding]], root: Path) -> None:
        payload = [(code, _finding_to_json(f, root)) for code, f in items]
        self.pending[key] = json.dumps(payload, ensure_ascii=False)

    def get_flag(self, key: str) -> bool | None:
        db = self._connection()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return None if row is None else row[0] == "1"

    def put_flag(self, key: str, value: bool) -> None:
        self.pending[key] = "1" if value else "0"

    def close(self) -> None:
        """Write what this run learned (one transaction) and close the file."""
        db = self._connection() if self.pending else self._db
        if db is not None:
            with contextlib.suppress(sqlite3.Error):
                if self.pending:
                    with db:
                        db.executemany(
                            "INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)",
                            list(self.pending.items()),
                        )
                db.close()
        self._db = None
        self.pending = {}


# Options that change how results are shown or gathered, not what they are.
_RUN_ONLY_KEYS = frozenset({"format", "jobs", "cache", "cache-dir", "select", "ignore"})


class SiteHashes:
    """Content hashes of the site's files, each computed once per run."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self._hashes: dict[str, str] = {}
        self._fingerprint: str | None = None

    def file_hash(self, page: Page) -> str:
        """SHA-256 of the page file's bytes."""
        digest = self._hashes.get(page.rel)
        if digest is None:
            digest = self._hashes[page.rel] = content_hash(page.path)
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
