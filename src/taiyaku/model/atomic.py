"""Writing a file so that a reader only ever sees the old content or the new, whole.

``Path.write_text`` truncates the file first: a full disk, a file-size limit or a signal
in the middle leaves a truncated or empty file where the user's baseline or report was.
Here the new content goes to a temporary file in the same folder (so the final step is a
rename within one file system), which is flushed and synced to the disk before it is
renamed over the target; the folder is synced after the rename.  The target's
permission bits are kept (a new file gets the permissions ``open()`` would give it).
Any failure removes the temporary file and leaves the target as it was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

__all__ = ["write_atomically"]


def write_atomically(path: Path, data: bytes | str) -> None:
    """Replace ``path``'s content by ``data`` (``str`` is written as UTF-8) atomically.

    Raises :class:`OSError` (the target untouched) when the file cannot be written.  A
    symbolic link is followed: its target is replaced, the link is kept.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(os.path.realpath(path))
    mode = _mode_for(target)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(target.parent)


def _mode_for(target: Path) -> int:
    """The permission bits the file has, or those a newly created file gets."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the platform lets a folder be opened)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
