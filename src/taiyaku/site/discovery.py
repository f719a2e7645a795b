"""Listing the files under the content root: which are pages, which are other files.

Only what the site publishes is listed, and nothing is read that does not have to be:

* folders that are never content are not entered: hidden ones (``.git``, ``.astro``,
  ``.vitepress``, ``.venv``), ``node_modules`` and ``__pycache__`` anywhere, and the build
  outputs ``_site``, ``public`` and ``dist`` at the top of the root, plus the folders the
  site's generator leaves out (:attr:`Discovery.skip`);
* what the repository's ``.gitignore`` files ignore (those under the root, and those of
  its parent folders up to the repository's top) is not listed;
* a page is a regular file ending in one of the page suffixes (``.md``, ``.mdx``,
  ``.markdown``); a FIFO, socket or device with such a name is passed over with a note,
  never opened; with ``frontmatter_required`` (Jekyll), only files that start with front
  matter are pages, the others are copied as they are, so they are static files;
* more than ``max_files`` files is an error that names the root (a run started in the
  wrong folder must not index a home directory).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

from taiyaku.errors import ConfigError
from taiyaku.model.files import read_head, read_small_text
from taiyaku.model.globs import PathPatterns
from taiyaku.site.urls import is_page_file

__all__ = ["POST_NAME", "Discovery", "Listing", "list_site_files"]

SKIPPED_ANYWHERE = frozenset({"node_modules", "__pycache__"})
SKIPPED_AT_TOP = frozenset({"_site", "public", "dist"})


@dataclass(frozen=True)
class Discovery:
    """What is a page under this site's generator, and what is not looked at."""

    skip: PathPatterns = field(default_factory=lambda: PathPatterns(()))
    skip_underscore_dirs: bool = False  # Jekyll: ``_layouts``, ``_includes``, ``_posts``
    frontmatter_required: bool = False  # Jekyll: a file without front matter is copied
    index_names: tuple[str, ...] = ("index",)  # Hugo adds ``_index``
    max_files: int | None = None
    # Jekyll: the posts of ``_posts`` folders are served at addresses made from their
    # dates and names; they are link targets, not pages to check.
    dated_posts: bool = False
    # ...at /:year/:month/:day/:title (permalink ``date`` or ``pretty``); else at
    # addresses the site's own permalink pattern makes
    post_dates_in_urls: bool = True
    # The generator serves a page not yet translated at the translation's address, with
    # the source's content (MkDocs' i18n plugin, Starlight, Docusaurus).
    translation_fallback: bool = False


@dataclass
class Listing:
    pages: list[tuple[Path, str]] = field(default_factory=list)  # (path, root-relative)
    assets: list[str] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    posts: list[Path] = field(default_factory=list)  # Jekyll's dated posts
    # the pages that are symbolic links (as the folder's listing says: no system call each)
    links: set[Path] = field(default_factory=set)


def list_site_files(root: Path, discovery: Discovery) -> Listing:
    """Every page and other file under ``root`` (already resolved), in sorted order."""
    listing = Listing()
    ignores = _GitIgnores.above(root)
    count = 0
    for path, rel, entry in _walk(root, discovery, ignores, listing.posts):
        count += 1
        if discovery.max_files is not None and count > discovery.max_files:
            raise ConfigError(
                f"{root} holds over {discovery.max_files:,} files and no configuration names "
                "it as the content root: pass --root, or set `root` in taiyaku.toml "
                "(or [tool.taiyaku] in pyproject.toml)"
            )
        if not is_page_file(entry.name):
            listing.assets.append(rel)
            continue
        if not _is_regular(entry):
            listing.skipped.append((path, "not a regular file (a FIFO, device or broken link)"))
            continue
        if discovery.frontmatter_required and not _starts_with_frontmatter(path):
            listing.assets.append(rel)  # Jekyll copies it as it is
            continue
        listing.pages.append((path, rel))
        if entry.is_symlink():
            listing.links.add(path)
    return listing


def _is_regular(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file(follow_symlinks=True)
    except OSError:
        return False


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _starts_with_frontmatter(path: Path) -> bool:
    try:
        head = read_head(path, 8)
    except OSError:
        return True  # unreadable: a page, so that IN001 says why
    head = head.removeprefix(b"\xef\xbb\xbf")
    return head.startswith(b"---") and head[3:4] in (b"\n", b"\r", b" ", b"\t")


def _walk(
    root: Path, discovery: Discovery, ignores: _GitIgnores, posts: list[Path]
) -> Iterator[tuple[Path, str, os.DirEntry[str]]]:
    """Files under ``root`` (not in skipped or ignored folders), depth first, sorted;
    the posts of Jekyll's ``_posts`` folders go to ``posts``."""
    stack: list[tuple[Path, str, _GitIgnores]] = [(root, "", ignores)]
    while stack:
        folder, rel_dir, inherited = stack.pop()
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError:
            continue
        here = inherited.entering(folder, entries)
        folders = []
        for entry in entries:
            rel = rel_dir + entry.name
            if entry.name.startswith("."):
                continue
            if entry.is_symlink() and _is_dir(entry):
                continue  # never followed: it may lead anywhere
            # (a child of a Path costs less than a Path parsed from the entry's string)
            path = folder / entry.name
            if entry.is_dir(follow_symlinks=False):
                if discovery.dated_posts and entry.name == "_posts":
                    posts += _posts_in(path)
                elif _enters(entry, path, rel, discovery, here, top=not rel_dir):
                    folders.append((path, rel + "/", here))
                continue
            if here.ignored(path, is_dir=False) or discovery.skip.match(rel):
                continue
            yield path, rel, entry
        stack.extend(reversed(folders))


#: A Jekyll post's file name: its date (year, month, day) and its name.
POST_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})-(.+)\.(?:md|markdown|html)")
_MAX_POSTS = 100_000


def _posts_in(folder: Path) -> list[Path]:
    """The dated posts under a ``_posts`` folder (``2024-01-02-hello.md``), sorted."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found += (Path(dirpath, n) for n in sorted(filenames) if POST_NAME.fullmatch(n))
        if len(found) > _MAX_POSTS:
            break
    return found[:_MAX_POSTS]


def _enters(
    entry: os.DirEntry[str],
    path: Path,
    rel: str,
    discovery: Discovery,
    ignores: _GitIgnores,
    *,
    top: bool,
) -> bool:
    name = entry.name
    if name in SKIPPED_ANYWHERE or (top and name in SKIPPED_AT_TOP):
        return False
    if discovery.skip_underscore_dirs and name.startswith("_"):
        return False
    if discovery.skip.match(rel + "/"):
        return False
    return not ignores.ignored(path, is_dir=True)


class _GitIgnores:
    """The ``.gitignore`` files that apply in one folder, outermost first."""

    def __init__(self, specs: tuple[tuple[Path, pathspec.PathSpec], ...]) -> None:
        self.specs = specs

    @classmethod
    def above(cls, root: Path) -> _GitIgnores:
        """The ``.gitignore`` files of ``root``'s parent folders, up to the repository's
        top (none when ``root`` is not in a git repository)."""
        chain = []
        for folder in root.parents:
            chain.append(folder)
            if (folder / ".git").exists():
                break
        else:
            return cls(())
        specs = [(f, s) for f in reversed(chain) if (s := _read_gitignore(f)) is not None]
        return cls(tuple(specs))

    def entering(self, folder: Path, entries: list[os.DirEntry[str]]) -> _GitIgnores:
        if not any(e.name == ".gitignore" for e in entries):
            return self
        spec = _read_gitignore(folder)
        return self if spec is None else _GitIgnores((*self.specs, (folder, spec)))

    def ignored(self, path: Path, *, is_dir: bool) -> bool:
        for base, spec in self.specs:
            try:
                rel = path.relative_to(base).as_posix()
            except ValueError:
                continue
            if spec.match_file(rel + "/" if is_dir else rel):
                return True
        return False


def _read_gitignore(folder: Path) -> pathspec.PathSpec | None:
    try:
        text = read_small_text(folder / ".gitignore")
    except (OSError, UnicodeDecodeError):
        return None
    lines = text.splitlines()
    return pathspec.GitIgnoreSpec.from_lines(lines) if any(lines) else None
