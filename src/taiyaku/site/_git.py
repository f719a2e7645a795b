"""Running ``git``: one command with a time limit, and one long-lived blob reader.

Every call goes through :func:`run_git`: the ``git`` found on ``PATH``, in a given
folder, with settings that make its output the same on every machine (no pager, no
colour, no quoting of file names, no optional locks, so that a run inside a commit hook
never waits for the index lock git itself holds).  Nothing here touches the network.

:class:`BlobReader` keeps one ``git cat-file --batch`` process per OS process and reads
any number of file versions through it, so that reading the history of a whole site
costs one process, not one per file.  A forked worker starts its own.
"""

from __future__ import annotations

import os
import select
import subprocess
from pathlib import Path

from taiyaku.errors import GitError

__all__ = ["GIT_TIMEOUT", "BlobReader", "run_git"]

# Seconds one git command may take: a full log of a large repository takes a few.
GIT_TIMEOUT = 120.0
# Settings that could change git's output: they are fixed for taiyaku's own calls.
_FIXED = (
    "-c", "core.quotepath=off",
    "-c", "log.showSignature=false",
    "-c", "diff.external=",
    "-c", "color.ui=never",
)  # fmt: skip


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update({"GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"})
    env.pop("GIT_PAGER", None)
    env["GIT_PAGER"] = "cat"
    return env


def run_git(cwd: Path, *args: str, timeout: float = GIT_TIMEOUT) -> bytes:
    """The standard output of ``git ARGS`` run in ``cwd``; :class:`GitError` when git is
    missing, fails or takes longer than ``timeout`` seconds."""
    command = ["git", *_FIXED, *args]
    try:
        done = subprocess.run(
            command,
            cwd=cwd,
            env=_env(),
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"`git {args[0]}` took longer than {timeout:g} s") from None
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror or exc}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = message[-1] if message else f"exit code {done.returncode}"
        raise GitError(f"`git {args[0]}` failed: {reason}")
    return done.stdout


class BlobReader:
    """File versions by object name, through one ``git cat-file --batch`` per process."""

    def __init__(self, cwd: Path, timeout: float = GIT_TIMEOUT) -> None:
        self.cwd = cwd
        self.timeout = timeout
        self._process: subprocess.Popen[bytes] | None = None
        self._pid = 0
        self._buffer = bytearray()

    def read(self, name: str) -> bytes | None:
        """The content of object ``name`` (a blob's hash), or None if git has none."""
        process = self._started()
        try:
            assert process.stdin is not None
            process.stdin.write(name.encode("ascii") + b"\n")
            process.stdin.flush()
            header = self._read_line(process).split()
            if len(header) != 3 or header[1] != b"blob":
                return None
            size = int(header[2])
            data = self._read_exact(process, size + 1)  # the content and its newline
            return data[:size]
        except BaseException:  # a broken pipe, a time limit: this process is spent
            self.close()
            raise

    def close(self) -> None:
        process, self._process = self._process, None
        if process is None or self._pid != os.getpid():
            return
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def _started(self) -> subprocess.Popen[bytes]:
        if self._process is None or self._pid != os.getpid():
            self._process = None  # a forked worker's copy belongs to its parent
            self._buffer = bytearray()
            try:
                self._process = subprocess.Popen(
                    ["git", *_FIXED, "cat-file", "--batch"],
                    cwd=self.cwd,
                    env=_env(),
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    bufsize=0,
                )
            except OSError as exc:
                raise GitError(f"cannot run git: {exc.strerror or exc}") from None
            self._pid = os.getpid()
        return self._process

    def _fill(self, process: subprocess.Popen[bytes]) -> None:
        """Read what git has sent into the buffer, waiting at most ``timeout``."""
        assert process.stdout is not None
        fd = process.stdout.fileno()
        ready, _, _ = select.select([fd], [], [], self.timeout)
        if not ready:
            raise GitError(f"`git cat-file` sent nothing for {self.timeout:g} s")
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            raise GitError("`git cat-file` stopped")
        self._buffer += chunk

    def _read_line(self, process: subprocess.Popen[bytes]) -> bytes:
        while (end := self._buffer.find(b"\n")) < 0:
            self._fill(process)
        line = bytes(self._buffer[: end + 1])
        del self._buffer[: end + 1]
        return line

    def _read_exact(self, process: subprocess.Popen[bytes], size: int) -> bytes:
        while len(self._buffer) < size:
            self._fill(process)
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data
