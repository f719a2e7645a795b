"""What the freshness rules (ST) cost, on a generated repository.

    python benchmarks/freshness.py [--commits 1000] [--pairs 500] [--repeat 3] [--keep DIR]

Builds a git repository (``git fast-import``, fixed dates and a fixed random seed) with
``2 × pairs`` pages (Japanese at ``s<k>/p<i>.md``, English at ``en/s<k>/p<i>.md``,
about 2 kB each) and ``commits`` commits: the first adds every page, each later one
edits one to three pages the way a site is edited (source edits, translations catching
up, both sides at once, white-space and ``lastmod``-only edits, skip-marked commits).

Then times, in this process (dictionary loaded, code imported, best of ``repeat``, the
runs with and without ST taking turns so that the machine's drift stays out of the
difference):

* a full check with every rule against every rule but ST, no cache, so that the ST
  rules read the history and the old page versions from scratch;
* the same with the result cache warm (the history cache too);
* a pre-commit run on one staged source page (changed-files mode: the page and its
  counterpart), warm, with and without ST.

The goal (issue #19): ST adds at most 1 s to the full check and at most 0.1 s to the
pre-commit run. A benchmark, not a test: it prints the figures.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, best_of_interleaved
from taiyaku.config.loading import load_config
from taiyaku.parse.analyzer import get_tagger
from taiyaku.run.engine import run
from taiyaku.run.result import RunResult

_EPOCH = 1_735_689_600  # 2025-01-01 00:00 UTC
_JA_SENTENCES = (
    "オペレータによる対応は，平日8時25分から18時30分まで受け付けています．",
    "問い合わせが混み合っているときは，お待たせすることがあります．",
    "その場でお答えするのが難しい内容については，メールでの回答に切り替えることがあります．",
    "2025年4月1日（火）から，受付の方法が変わりました．",
    "詳しくは，サポート窓口のページをご覧ください．",
    "学生スタッフによる情報の取り扱いについては，教職員の管理のもと行っています．",
)
_EN_SENTENCES = (
    "Operators are available 8:25 a.m.-6:30 p.m. on weekdays.",
    "It may take some time for operators to respond when there are many inquiries.",
    "We may reply by email to inquiries that are difficult to answer on the spot.",
    "From Tuesday, April 1, 2025, the way we accept inquiries has changed.",
    "For details, please see the Support Desk page.",
    "Student staff handle information under the supervision of faculty members.",
)


def page(sentences: tuple[str, ...], title: str, seed: int, lastmod: int = 0) -> str:
    rng = random.Random(seed)
    paragraphs = [
        " ".join(rng.choice(sentences) for _ in range(3)) if sentences is _EN_SENTENCES
        else "".join(rng.choice(sentences) for _ in range(3))
        for _ in range(8)
    ]  # fmt: skip
    body = "\n\n".join(f"## {title} {n}\n\n{text}" for n, text in enumerate(paragraphs))
    return f"---\ntitle: {title}\nlastmod: 2025-01-{1 + lastmod % 28:02d}\n---\n\n{body}\n"


def generate(dest: Path, pairs: int, commits: int) -> list[str]:
    """The repository in ``dest``; the Japanese pages' paths."""
    rng = random.Random(19)
    ja = [f"s{n // 10}/p{n % 10}.md" for n in range(pairs)]
    files: dict[str, str] = {}
    for n, rel in enumerate(ja):
        files[rel] = page(_JA_SENTENCES, f"ページ{n}", n)
        files[f"en/{rel}"] = page(_EN_SENTENCES, f"Page {n}", n)
    stream: list[bytes] = [_commit(1, "Add the site", files)]
    for number in range(2, commits + 1):
        message, changed = _edit(rng, ja, files, number)
        files.update(changed)
        stream.append(_commit(number, message, changed))
    subprocess.run(["git", "init", "-q", "-b", "main", str(dest)], check=True)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=dest, input=b"".join(stream), check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=dest, check=True)
    return ja


def _edit(
    rng: random.Random, ja: list[str], files: dict[str, str], number: int
) -> tuple[str, dict[str, str]]:
    """One commit's message and the pages it writes, as sites are edited."""
    rel = rng.choice(ja)
    en = f"en/{rel}"
    roll = rng.random()
    new_ja = files[rel].replace("\n\n## ", f"\n\n更新{number}．\n\n## ", 1)
    new_en = files[en].replace("\n\n## ", f"\n\nUpdate {number}.\n\n## ", 1)
    if roll < 0.45:
        return f"Update {rel}", {rel: new_ja}
    if roll < 0.60:
        return f"Translate {rel}", {en: new_en}
    if roll < 0.70:
        return f"Update {rel} in both languages", {rel: new_ja, en: new_en}
    if roll < 0.80:
        touched = files[rel].replace("lastmod: 2025-01-", "lastmod: 2025-02-", 1)
        return f"Touch {rel}", {rel: touched.replace("．", "．\n", 1)}
    if roll < 0.85:
        return f"Fix a typo in {rel} [skip translation]", {rel: new_ja}
    others = rng.sample(ja, 3)
    return "Update several pages", {
        o: files[o].replace("\n\n## ", f"\n\n一括{number}．\n\n## ", 1) for o in others
    }


def _commit(number: int, message: str, files: dict[str, str]) -> bytes:
    when = f"{_EPOCH + number * 3600 * 7} +0900"
    lines = [
        "commit refs/heads/main",
        f"mark :{number}",
        f"author Bench <bench@example.com> {when}",
        f"committer Bench <bench@example.com> {when}",
        f"data {len(message.encode())}",
        message,
    ]
    if number > 1:
        lines.append(f"from :{number - 1}")
    out = "\n".join(lines).encode() + b"\n"
    for rel, text in files.items():
        data = text.encode()
        out += f"M 100644 inline {rel}\ndata {len(data)}\n".encode() + data + b"\n"
    return out + b"\n"


def check(root: Path, paths: list[Path], *, st: bool, cache: Path | None) -> RunResult:
    overrides = {
        "root": str(root),
        "checks-dir": str(REPO / "checks"),
        "cache": cache is not None,
        "cache-dir": str(cache or "/nonexistent"),
        "ignore": [] if st else ["ST"],
    }
    config = load_config(None, overrides, cwd=root, discover=False)
    return run(config, paths, cwd=root)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commits", type=int, default=1000)
    parser.add_argument("--pairs", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build the repository here and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="taiyaku-freshness-"))
    root = folder / "site"
    if root.exists():
        shutil.rmtree(root)
    ja = generate(root, args.pairs, args.commits)
    get_tagger()
    found = check(root, [], st=True, cache=None)
    behind = sum(1 for d in found.diagnostics if d.code == "ST001")
    print(f"{args.pairs * 2} pages, {args.commits} commits: {behind} translations behind")

    full_without, full_with = best_of_interleaved(
        [
            lambda: check(root, [], st=False, cache=None),
            lambda: check(root, [], st=True, cache=None),
        ],
        args.repeat,
    )
    cache = folder / "cache"
    check(root, [], st=True, cache=cache)  # fill the result and history caches
    warm_without, warm_with = best_of_interleaved(
        [
            lambda: check(root, [], st=False, cache=cache),
            lambda: check(root, [], st=True, cache=cache),
        ],
        args.repeat,
    )
    staged = root / ja[7]
    staged.write_text(staged.read_text(encoding="utf-8") + "\n追記．\n", encoding="utf-8")
    subprocess.run(["git", "add", str(staged)], cwd=root, check=True)
    check(root, [staged], st=True, cache=cache)
    one_without, one_with = best_of_interleaved(
        [
            lambda: check(root, [staged], st=False, cache=cache),
            lambda: check(root, [staged], st=True, cache=cache),
        ],
        args.repeat * 3,
    )
    one_cold_without, one_cold_with = best_of_interleaved(
        [
            lambda: check(root, [staged], st=False, cache=None),
            lambda: check(root, [staged], st=True, cache=None),
        ],
        args.repeat * 3,
    )
    rows = [
        ("full check, no cache", full_without, full_with, 1.0),
        ("full check, warm cache", warm_without, warm_with, 1.0),
        ("pre-commit, one page, warm cache", one_without, one_with, 0.1),
        ("pre-commit, one page, no cache", one_cold_without, one_cold_with, 0.1),
    ]
    print(f"{'run':<36} {'without ST':>10} {'with ST':>9} {'ST adds':>8} {'goal':>6}")
    for name, without, with_st, goal in rows:
        print(
            f"{name:<36} {without:>9.3f}s {with_st:>8.3f}s {with_st - without:>7.3f}s {goal:>5.1f}s"
        )
    if args.keep is None:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
