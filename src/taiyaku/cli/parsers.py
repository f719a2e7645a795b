"""The command line's arguments: one parser per command, built only for the command run.

Building a command's parser means knowing every setting, and the rules declare some of
them, so it imports every rule; ``taiyaku --version`` and ``taiyaku --help`` build no
command parser at all.  A mistyped flag, choice or command is one line with a
suggestion, never the whole usage.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from taiyaku import __version__
from taiyaku.errors import ConfigError

__all__ = ["COMMANDS", "Command", "UsageError", "build_parser", "command_parser", "top_help"]

DEFAULT_HTML_REPORT = "taiyaku-report.html"


class UsageError(ConfigError):
    """A mistyped command line (exit 2, one line)."""


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    build: Callable[[argparse.ArgumentParser], None]


class _Parser(argparse.ArgumentParser):
    """An argparse parser whose errors are one line with a suggestion."""

    def error(self, message: str) -> NoReturn:  # type: ignore[override]
        raise UsageError(_explain(self, message))


def _explain(parser: argparse.ArgumentParser, message: str) -> str:
    hint = f" (see `{parser.prog} --help`)"
    unknown = re.match(r"unrecognized arguments: (.*)", message)
    if unknown:
        words = unknown.group(1).split()
        flags = [w for w in words if w.startswith("-")]
        if flags:
            flag = flags[0].split("=", 1)[0]
            known = [s for s in parser._option_string_actions if s.startswith("--")]
            return f"unknown option {flag}{_suggest(flag, known)}{hint}"
        return f"unexpected argument {words[0]!r}{hint}"
    choice = re.match(r"argument (\S+): invalid choice: '([^']*)' \(choose from (.*)\)", message)
    if choice:
        flag, value, listed = choice.groups()
        options = re.findall(r"'([^']*)'", listed)
        return f"{flag}: unknown value {value!r} (expected one of: {', '.join(options)})" + (
            _suggest(value, options)
        )
    return message + hint


def _suggest(word: str, candidates: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else ""


# -- shared arguments ---------------------------------------------------------------------


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--debug", action="store_true", help="on an internal error, print its traceback"
    )


def _config_flags(parser: argparse.ArgumentParser, *, skip: Sequence[str] = ()) -> None:
    from taiyaku.config.options import all_options

    parser.add_argument("--config", type=Path, help="config file (taiyaku.toml or pyproject.toml)")
    parser.add_argument("--no-config", action="store_true", help="ignore config files")
    for option in all_options():
        if option.flag and option.key not in skip:
            _option_flag(parser, option)


def _option_flag(parser: argparse.ArgumentParser, option: object) -> None:
    from taiyaku.config.options import Option
    from taiyaku.output import check_formats

    assert isinstance(option, Option)
    flags = [f"--{option.key}"]
    dest = option.key.replace("-", "_")
    default = "" if option.default in (None, [], {}) else f" (default: {option.default})"
    text = option.help + default
    if option.kind == "bool":
        parser.add_argument(
            *flags, dest=dest, action=argparse.BooleanOptionalAction, default=None, help=text
        )
    elif option.kind in ("list", "paths", "table"):
        parser.add_argument(
            *flags, dest=dest, action="append", default=None, metavar="VALUE", help=text
        )
    elif option.key == "format":
        flags.append("--output-format")
        parser.add_argument(*flags, dest=dest, choices=check_formats(), default=None, help=text)
    elif option.kind == "choice":
        parser.add_argument(*flags, dest=dest, choices=option.choices, default=None, help=text)
    elif option.kind in ("int", "float"):
        kind = int if option.kind == "int" else float
        parser.add_argument(*flags, dest=dest, type=kind, default=None, help=text)
    else:
        parser.add_argument(*flags, dest=dest, default=None, metavar="VALUE", help=text)


def _output_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--output-file", "-o", type=Path, metavar="FILE", help="write the output to FILE"
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (auto: on a terminal; FORCE_COLOR and NO_COLOR apply)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print the findings and nothing else"
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="say which config, root and layout were used"
    )


# -- the commands -------------------------------------------------------------------------


def _check(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="pages or folders under the root"
    )
    _output_flags(parser)
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even with error findings (2 stays 2)"
    )
    parser.add_argument(
        "--statistics", action="store_true", help="print how many findings each rule has"
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: on a terminal, for runs over a second)",
    )
    parser.add_argument(
        "--write-baseline",
        type=Path,
        metavar="FILE",
        help="record the findings in FILE (see --baseline) instead of reporting them; exit 0",
    )
    parser.add_argument(
        "--prune-baseline",
        action="store_true",
        help="rewrite the --baseline file without the entries that are fixed",
    )
    fixing = parser.add_argument_group("fixes")
    fixing.add_argument("--fix", action="store_true", help="apply the safe fixes")
    fixing.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="with --fix, --fix-only or --diff: the unsafe fixes too (they may change meaning)",
    )
    fixing.add_argument(
        "--diff",
        action="store_true",
        help="print what --fix would change as a unified diff; write nothing (exit 1 if any)",
    )
    fixing.add_argument(
        "--fix-only", action="store_true", help="apply fixes, and do not report what remains"
    )
    fixing.add_argument(
        "--show-fixes", action="store_true", help="with --fix: list what was fixed, per file"
    )
    _config_flags(parser)


def _report(parser: argparse.ArgumentParser) -> None:
    from taiyaku.output import report_formats

    parser.description = (
        "Write a report of the run: a self-contained HTML page (what to fix first, findings "
        "per rule and folder, each pair's findings side by side), or with --format markdown "
        "a summary for a pull-request comment. Exit code 0 when the report was written, "
        "even with findings; 2 on usage, configuration or internal errors."
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="pages or folders under the root"
    )
    parser.add_argument(
        "--format",
        dest="report_format",
        choices=report_formats(),
        default="html",
        help="html: one page for a browser (default); markdown: a summary for a PR comment",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=f"where to write ('-': stdout; default: {DEFAULT_HTML_REPORT} for html, "
        "stdout for markdown)",
    )
    parser.add_argument(
        "--top", type=int, default=20, metavar="N", help="markdown: findings listed (default: 20)"
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: on a terminal, for runs over a second)",
    )
    _config_flags(parser, skip=("format",))


def _facts(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Print, block by block, the dates, times and periods taiyaku reads on each page "
        "(with the year a date takes from the page and where it came from), the date- or "
        "time-like text it cannot read, and which section of the counterpart each block is "
        "compared with."
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PAGE", help="pages to explain")
    _config_flags(parser, skip=("format",))


def _status(parser: argparse.ArgumentParser) -> None:
    from taiyaku.output.status import SORTS, STATUS_FORMATS

    parser.description = (
        "List every page pair: up to date, N commits behind its source (since when, and the "
        "oldest commit it lacks), translation missing, or source missing. Changes are "
        "counted as ST001 counts them. Exit code 0; 2 when there is no full git history to "
        "read (not a repository, or a shallow clone)."
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="pages or folders under the root"
    )
    parser.add_argument("--format", dest="status_format", choices=STATUS_FORMATS, default="text")
    parser.add_argument("--sort", choices=SORTS, default="behind", help="default: behind")
    parser.add_argument(
        "--folder",
        action="append",
        default=[],
        help="only pairs under this root-relative folder (repeatable)",
    )
    _config_flags(parser, skip=("format",))


def _rules(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _rule(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", help="rule code or name, e.g. TM001 or hours-mismatch")


def _completion(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Print a shell completion script. bash: `source <(taiyaku completion bash)`; "
        "zsh: `taiyaku completion zsh > ~/.zfunc/_taiyaku` (a folder on $fpath); "
        "fish: `taiyaku completion fish > ~/.config/fish/completions/taiyaku.fish`."
    )
    parser.add_argument("shell", choices=("bash", "zsh", "fish"))


COMMANDS: dict[str, Command] = {
    c.name: c
    for c in (
        Command("check", "check pages (default: the configured root)", _check),
        Command("report", "write a report: one HTML page, or a Markdown summary", _report),
        Command("facts", "print the dates and times read on pages, block by block", _facts),
        Command("status", "how far behind each translation is, by the git history", _status),
        Command("rules", "list all rules", _rules),
        Command("rule", "print a rule's documentation", _rule),
        Command("completion", "print a shell completion script (bash, zsh, fish)", _completion),
    )
}


def command_parser(name: str) -> argparse.ArgumentParser:
    """The parser of one command (``taiyaku check …``)."""
    command = COMMANDS.get(name)
    if command is None:
        raise UsageError(
            f"unknown command {name!r}{_suggest(name, list(COMMANDS))} (see `taiyaku --help`)"
        )
    parser = _Parser(prog=f"taiyaku {name}", description=command.help)
    _common(parser)
    command.build(parser)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """Every command's parser under one (for shell completion and documentation)."""
    parser = _Parser(prog="taiyaku", description=_DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"taiyaku {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS.values():
        sub = commands.add_parser(command.name, help=command.help, description=command.help)
        _common(sub)
        command.build(sub)
    return parser


_DESCRIPTION = "Lint a website's Japanese pages against their English counterparts."


def top_help() -> str:
    """``taiyaku --help``, without building any command's parser."""
    width = max(len(name) for name in COMMANDS)
    lines = [
        "usage: taiyaku [--version] [--help] COMMAND [ARGS...]",
        "",
        _DESCRIPTION,
        "",
        "commands:",
        *(f"  {c.name:<{width}}  {c.help}" for c in COMMANDS.values()),
        "",
        "`taiyaku COMMAND --help` describes a command's arguments.",
    ]
    return "\n".join(lines) + "\n"


def print_top_help() -> None:
    sys.stdout.write(top_help())
