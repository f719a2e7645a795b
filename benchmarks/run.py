"""taiyaku's performance table: every figure next to the floor measured in the same run.

    python benchmarks/run.py [--root PAGES] [--scale 10] [--repeat 3]

Measures, on the utelecon corpus (114 pages) and on a copy replicated ×10 (made here,
in a temporary folder):

* floor — read every page, parse front matter and Markdown, run fugashi over every
  inline text (``benchmarks/floor.py``);
* check — a full ``taiyaku check`` with all rules, no cache; and the same on the
  ``.md`` pages only, the files textlint reads, for the comparison with textlint;
* cached re-run — the same check a second time with the result cache;
* changed-files — ``taiyaku check ONE_PAGE`` on the ×10 site, warm (dictionary loaded,
  cache filled by an earlier full run), as a pre-commit hook runs it;
* per rule — wall time inside each rule (lazy parsing a rule triggers included);
* scaling on the ×10 site;
* a check in a process of its own (×10 with and without ``--jobs 1``, and ×1): its wall
  time, cold caches included, and its peak memory, both the largest process's RSS and
  all its processes together (PSS, so that pages a forked worker shares with its
  parent count once).

In-process figures are best-of-N and taken after the dictionary is loaded and the code
imported, as for the floor; the floor and the checks it is compared with take turns in
the same rounds, so that the machine's drift stays out of their ratios.  This is a
benchmark, not a test: these machines are noisy, so it reports the figures and leaves
judging them to a person.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CORPUS_PAGES, REPO, best_of, best_of_interleaved, scaled_copy
from floor import floor
from taiyaku.config.loading import load_config
from taiyaku.parse.analyzer import get_tagger
from taiyaku.run.engine import run
from taiyaku.run.result import RunResult

# textlint + preset-ja-technical-writing on the corpus's 78 .md files, a whole process
# (median of five, 2026-12-04, the same session as docs/performance.md's figures; its
# start-up alone, on one file, takes 1.61 s).
TEXTLINT_SECONDS = 9.42


def check(root: Path, paths: list[Path], *, cache_dir: Path | None, jobs: int = 0) -> RunResult:
    overrides = {
        "root": str(root),
        "checks-dir": str(REPO / "checks"),
        "url-style": "preserve",
        "cache": cache_dir is not None,
        "cache-dir": str(cache_dir or "/nonexistent"),
        "jobs": jobs,
    }
    config = load_config(None, overrides, cwd=REPO, discover=False)
    return run(config, paths, cwd=REPO)


def timed(func) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def own_process(root: Path, *flags: str) -> tuple[float, float, float]:
    """A full ``taiyaku check`` in a process of its own.

    Returns its wall time (the dictionary loaded and the rules imported first, as
    everywhere here), the peak RSS of its largest process, and the peak of the memory
    all its processes hold together: the sum of their proportional set sizes, since a
    forked worker shares most pages with its parent and adding RSS values would count
    those twice.  Memory is sampled every 10 ms from /proc (Linux only; 0 elsewhere):
    ``ru_maxrss`` would also count what the process held before ``exec``.
    """
    code = (
        "import sys, time\n"
        "from taiyaku.parse.analyzer import get_tagger\n"
        "from taiyaku.cli import main\n"
        "from taiyaku.rules.registry import all_rules\n"
        "get_tagger()\n"
        "all_rules()  # imports, like the dictionary, are paid once per process\n"
        "t = time.perf_counter()\n"
        f"main(['check', '--no-config', '--no-cache', '--root', {str(root)!r}, "
        f"'--checks-dir', {str(REPO / 'checks')!r}, '--format', 'json', {str(root)!r}, "
        f"*{list(flags)!r}])\n"
        "sys.stderr.write(f'{time.perf_counter() - t}\\n')\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    largest = together = 0
    while proc.poll() is None:
        sizes = _process_tree_memory_kb(proc.pid)
        largest = max([largest, *(rss for rss, _pss in sizes)])
        together = max(together, sum(pss for _rss, pss in sizes))
        time.sleep(0.01)
    seconds = float(proc.stderr.read().strip().splitlines()[-1])  # type: ignore[union-attr]
    return seconds, largest / 1024, together / 1024


def _process_tree_memory_kb(pid: int) -> list[tuple[int, int]]:
    """(RSS, PSS) in kB of ``pid`` and of each of its children; [] where unreadable."""
    sizes = []
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        for one in (pid, *map(int, children)):
            fields = dict(
                line.split(":", 1)
                for line in Path(f"/proc/{one}/smaps_rollup").read_text().splitlines()[1:]
            )
            sizes.append((int(fields["Rss"].split()[0]), int(fields["Pss"].split()[0])))
    except (OSError, ValueError, KeyError):
        pass
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=CORPUS_PAGES)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    root: Path = args.root.resolve()
    if not root.is_dir():
        sys.exit(f"no pages at {root} (pass --root)")
    get_tagger()  # the dictionary load is paid once per process, outside every figure
    rows: list[tuple[str, float, str]] = []
    pages = floor(root)
    check(root, [root], cache_dir=None)  # warm: every figure is taken warm, as the floor
    # textlint reads only the .md pages (.mdx needs a plugin): taiyaku on those same files
    md_pages = sorted(root.rglob("*.md"))
    floor_s, check_s, serial_s, md_s = best_of_interleaved(
        [
            lambda: floor(root),
            lambda: check(root, [root], cache_dir=None),
            lambda: check(root, [root], cache_dir=None, jobs=1),
            lambda: check(root, md_pages, cache_dir=None),
        ],
        args.repeat,
    )
    rows.append(("floor (read, parse, tokenize)", floor_s, f"{pages} pages"))
    rows.append(("check, all rules", check_s, ""))
    rows.append(("check, one process (--jobs 1)", serial_s, ""))
    rows.append(("check, the .md pages only", md_s, f"{len(md_pages)} pages, textlint's files"))

    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        first_s, _ = timed(lambda: check(root, [root], cache_dir=cache))
        second_s, second = timed(lambda: check(root, [root], cache_dir=cache))
        rows.append(("first run, empty cache", first_s, ""))
        rows.append(
            (
                "second run, cached",
                second_s,
                f"{second_s / first_s:.2f}× the first; {second.cache_hits} hits",
            )
        )  # type: ignore[attr-defined]

        big = scaled_copy(root, Path(tmp) / "big", args.scale)
        big_pages = floor(big)
        big_floor, big_check = best_of_interleaved(
            [lambda: floor(big), lambda: check(big, [big], cache_dir=None)], 2
        )
        rows.append((f"floor ×{args.scale}", big_floor, f"{big_pages} pages"))
        rows.append((f"check ×{args.scale}", big_check, f"{big_check / check_s:.1f}× the ×1 check"))
        big_cache = Path(tmp) / "big-cache"
        check(big, [big], cache_dir=big_cache)  # fill the cache, as an earlier run would
        one = big / "copy3" / "support" / "chat.md"
        if not one.exists():
            one = next(big.rglob("*.md"))
        changed_s = best_of(lambda: check(big, [one], cache_dir=big_cache), args.repeat)
        cold = big / "copy4" / "support" / "chat.md"
        one_nocache = best_of(lambda: check(big, [cold], cache_dir=None), args.repeat)
        rows.append((f"changed-files, 1 page of ×{args.scale}", changed_s, "warm, cached site"))
        rows.append(("changed-files, 1 page, no cache", one_nocache, "warm"))
        for label, flags in (("", ()), (", --jobs 1", ("--jobs", "1"))):
            proc_s, largest_mb, total_mb = own_process(big, *flags)
            rows.append(
                (
                    f"check ×{args.scale}, own process{label}",
                    proc_s,
                    f"peak RSS {largest_mb:.0f} MB (largest process); "
                    f"all processes together {total_mb:.0f} MB (PSS)",
                )
            )
    own_s, own_largest, own_total = own_process(root)
    rows.append(
        (
            "check, own process (cold caches)",
            own_s,
            f"peak RSS {own_largest:.0f} MB; together {own_total:.0f} MB (PSS)",
        )
    )

    per_rule = check(root, [root], cache_dir=None, jobs=1).rule_seconds
    if args.json:
        print(json.dumps({"rows": rows, "per_rule": per_rule}, indent=2))
        return
    print(
        f"taiyaku benchmark — {platform.processor() or platform.machine()}, "
        f"{platform.python_implementation()} {platform.python_version()}"
    )
    print(f"{'measure':<38} {'seconds':>8} {'× floor':>8}  note")
    for name, seconds, note in rows:
        base = big_floor if f"×{args.scale}" in name and "changed" not in name else floor_s
        print(f"{name:<38} {seconds:8.3f} {seconds / base:8.2f}  {note}")
    print(
        f"\ntextlint ja-technical-writing on the corpus's 78 .md files: {TEXTLINT_SECONDS} s "
        f"→ taiyaku's check is {TEXTLINT_SECONDS / md_s:.1f}× faster on the same "
        f"{len(md_pages)} files, {TEXTLINT_SECONDS / check_s:.1f}× on all {pages} pages"
    )
    print("\ntime per rule (one process; lazily triggered parsing counts to the first rule):")
    for code, seconds in sorted(per_rule.items(), key=lambda item: -item[1]):
        print(f"  {code:<6} {seconds:7.3f}")


if __name__ == "__main__":
    main()
