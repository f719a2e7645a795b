"""Every error class of taiyaku, in one place.

Two kinds of failure leave a run:

* :class:`TaiyakuError` and its subclasses: the user's setup is wrong (a config key, a
  rule code, a policy or schema file, a baseline).  The command line prints the message
  as one line and exits with code 2.
* Anything else is the tool's own bug: reported as an internal error, exit code 2.

:class:`PageTimeout` and :class:`Interrupted` are ``BaseException``: a rule's own
``except Exception`` must not swallow the per-page time limit or a signal to stop.
"""

from __future__ import annotations

__all__ = [
    "BaselineError",
    "ConfigError",
    "GitError",
    "Interrupted",
    "OutputError",
    "PageTimeout",
    "PolicyError",
    "RuleSelectionError",
    "SchemaConfigError",
    "TaiyakuError",
    "WorkerFailed",
]


class TaiyakuError(Exception):
    """A problem with the user's setup, reported as a one-line error with exit code 2."""


class ConfigError(TaiyakuError, ValueError):
    """A configuration problem: a key, a value, a path, a policy file that cannot be used."""


class RuleSelectionError(ConfigError):
    """A ``select``/``ignore``/``per-file-ignores`` entry or a rule name that names no rule."""


class OutputError(ConfigError):
    """The output (stdout, a report, a baseline) cannot be written: a full disk, a
    read-only folder.  Exit code 2, never the code for findings."""


class BaselineError(ConfigError):
    """A missing or unreadable baseline file."""


class PolicyError(ValueError):
    """The privacy policy file is unreadable or invalid; ``key`` names the offending key.

    The PV rules turn it into a :class:`ConfigError` that names the file as the user
    would write it.
    """

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


class SchemaConfigError(Exception):
    """The front-matter schema file cannot be used; ``message`` says why (and where).

    The FM rules turn it into a :class:`ConfigError`.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class GitError(Exception):
    """A ``git`` command failed, timed out, or git is not installed; the message says
    which and why.  The freshness rules turn it into one note for the run."""


class WorkerFailed(Exception):
    """A worker process raised, or died without sending its result."""


class PageTimeout(BaseException):
    """Raised when the work on one page runs past the per-page time limit."""


class Interrupted(BaseException):
    """Raised in the main process when SIGTERM or SIGHUP asks the run to stop (SIGINT
    raises :class:`KeyboardInterrupt`); ``signal_name`` is the signal's name."""

    def __init__(self, signal_name: str) -> None:
        super().__init__(signal_name)
        self.signal_name = signal_name
