"""Extraction throughput of taiyaku.knowledge.facts, in texts per second.

Usage::

    PYTHONPATH=src python benchmarks/bench_facts.py [--repeat N] [--paths DIR_OR_FILE ...]

Without ``--paths`` it runs on a built-in set of short paragraphs, half with times and
dates and half without.  With ``--paths`` it reads Markdown files (front matter removed)
and splits them into paragraphs; files under an ``en`` folder are treated as English.
Japanese is measured twice: extraction alone (tokens computed beforehand, as the rules
will receive them) and tokenisation plus extraction.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from taiyaku.knowledge.facts import extract_en, extract_ja
from taiyaku.parse.analyzer import tokenize

JA_SAMPLES = [
    "オペレータ対応は，平日8時25分から18時30分まで受け付けております．",
    "土日祝日は10時20分から16時35分まで，平日は9:00～17:00です．",
    "申請は2025年3月15日（土）正午まで受け付けます．",
    "受付時間：24時間365日",
    "メンテナンスは22時～翌6時に行います．作業には3分程度かかります．",
    "詳しくはウェブサイトをご覧ください．問い合わせの時は学籍番号を添えてください．",
    "授業は5限まであり，各回100分です．Zoom 5.10以降をお使いください．",
    "このページでは，多要素認証の設定方法を説明します．手順に従って進めてください．",
]
EN_SAMPLES = [
    "Operators are available 8:25 a.m.-6:30 p.m. on weekdays (Mon-Fri).",
    "Hours are 10:20 a.m.-4:35 p.m. on weekends or holidays, and 9:00 to 17:00 on weekdays.",
    "Applications are accepted until noon on Saturday, March 15, 2025.",
    "Support is available 24 hours a day, 365 days a year.",
    "Maintenance runs from 10 p.m. to 6 a.m. the next day; it takes about 5 minutes.",
    "For details, see the website. Please include your student ID when contacting us.",
    "Classes run until the 5th period and last 100 minutes. Use Zoom 5.10 or later.",
    "This page explains how to set up multi-factor authentication step by step.",
]


def paragraphs(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """Japanese and English paragraphs from Markdown files under ``paths``."""
    ja: list[str] = []
    en: list[str] = []
    for root in paths:
        base = Path(root)
        files = [base] if base.is_file() else sorted(base.rglob("*.md*"))
        for path in files:
            text = path.read_text(encoding="utf-8")
            if text.startswith("---"):
                end = text.find("\n---", 3)
                text = text[end + 4 :] if end > 0 else text
            chunks = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
            (en if "en" in path.parts else ja).extend(chunks)
    return ja, en


def measure(label: str, texts: Sequence[str], run: Callable[[str], object], repeat: int) -> None:
    if not texts:
        print(f"{label:<34} no texts")
        return
    run(texts[0])  # warm up (loads the dictionary for Japanese)
    started = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            run(text)
    elapsed = time.perf_counter() - started
    count = len(texts) * repeat
    chars = sum(len(t) for t in texts) * repeat
    print(
        f"{label:<34} {count / elapsed:>10,.0f} texts/s  "
        f"{chars / elapsed:>12,.0f} chars/s  ({count} texts, {elapsed:.2f} s)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="passes over the texts")
    parser.add_argument("--paths", nargs="*", default=None, help="Markdown files or folders")
    args = parser.parse_args(argv)
    if args.paths:
        ja, en = paragraphs(args.paths)
    else:
        ja, en = JA_SAMPLES, EN_SAMPLES
    tokens = {text: tokenize(text) for text in ja}
    measure("Japanese (extraction only)", ja, lambda t: extract_ja(t, tokens[t]), args.repeat)
    measure(
        "Japanese (tokenize + extraction)", ja, lambda t: extract_ja(t, tokenize(t)), args.repeat
    )
    measure("English", en, extract_en, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
