"""taiyaku's cache folder: where it may write, and how it marks the folder as its own.

Everything taiyaku keeps between runs (the result database, the git history it read)
lives in one folder (``cache-dir``, default ``.taiyaku_cache``), and nowhere else.  The
folder is created by taiyaku and marked as a cache with a ``CACHEDIR.TAG`` (the Cache
Directory Tagging Specification, https://bford.info/cachedir/, which backup tools
honour) and a ``.gitignore`` of ``*``, so that git ignores its content.  A ``cache-dir``
that would put those files where the user's own files are — the project folder, the
content root, a folder above them, a non-empty folder taiyaku did not create — is a
configuration error (:func:`check_cache_folder`), never a ``.gitignore`` of ``*`` in the
project.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from taiyaku.errors import ConfigError
from taiyaku.model.atomic import write_atomically

__all__ = ["DATABASE", "check_cache_folder", "make_cache_folder"]

DATABASE = "cache.sqlite"
_TAG_NAME = "CACHEDIR.TAG"
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by taiyaku.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)
_IGNORE = "# created by taiyaku\n*\n"
# What a cache folder of an earlier taiyaku holds (before it wrote CACHEDIR.TAG).
_OWN_FILES = frozenset(
    {_TAG_NAME, ".gitignore", DATABASE, f"{DATABASE}-journal", f"{DATABASE}-wal"}
)


def check_cache_folder(folder: Path, written_as: str, protected: dict[str, Path]) -> None:
    """Raise :class:`ConfigError` unless ``folder`` can hold the cache without touching
    anything of the user's: not one of the ``protected`` folders (by what they are: "the
    content root"…) nor a folder above one, and either missing, empty, or a folder
    taiyaku created.  ``written_as`` is the setting as the user wrote it."""
    where = folder.resolve()
    places = sorted(protected.items(), key=lambda item: item[1].resolve() != where)
    for what, place in places:  # "is the project folder" before "holds the content root"
        if place.resolve().is_relative_to(where):
            relation = "is" if place.resolve() == where else "holds"
            raise ConfigError(
                f"cache-dir {written_as} {relation} {what}: taiyaku would write its "
                "database and a .gitignore of `*` there; choose a folder of its own "
                "(default: .taiyaku_cache)"
            )
    if not where.is_dir():  # missing: created on first use; a file: the cache is off
        return
    if not _created_by_taiyaku(where):
        raise ConfigError(
            f"cache-dir {written_as} is a folder taiyaku did not create and it is not "
            "empty; choose a new or empty folder (default: .taiyaku_cache)"
        )


def make_cache_folder(folder: Path) -> None:
    """Create the folder, tagged and ignored by git, unless it exists (the run checked
    beforehand that an existing one is empty or taiyaku's own).  Raises OSError."""
    folder.mkdir(parents=True, exist_ok=True)  # two processes may create it at once
    for name, text in ((_TAG_NAME, _TAG), (".gitignore", _IGNORE)):
        if not (folder / name).exists():
            write_atomically(folder / name, text)


def _created_by_taiyaku(folder: Path) -> bool:
    names = {entry.name for entry in folder.iterdir()}
    if not names:
        return True
    tag = folder / _TAG_NAME
    if tag.is_file():
        with contextlib.suppress(OSError, UnicodeDecodeError):
            return tag.read_text(encoding="utf-8").startswith(_TAG.splitlines()[0])
        return False
    ignore = folder / ".gitignore"
    with contextlib.suppress(OSError, UnicodeDecodeError):
        return names <= _OWN_FILES and ignore.read_text(encoding="utf-8") == _IGNORE
    return False
