"""Shared helpers for the benchmark scripts (not a test module)."""

from __future__ import annotations

import gc
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS_PAGES = REPO.parent / "shared" / "corpus" / "utelecon" / "src" / "pages"


def best_of(func: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of ``repeat`` wall-clock runs, in seconds (the least noisy figure)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def best_of_interleaved(funcs: list[Callable[[], object]], repeat: int = 3) -> list[float]:
    """The fastest run of each function, the functions taking turns ``repeat`` times.

    These machines drift by 10–20 % within minutes: taking every figure of a ratio in
    the same rounds keeps the drift out of the ratio, where measuring one function's
    runs after the other's would put it in.

    Each run starts after a full garbage collection, outside its time, so that no run
    pays for collecting what the one before it left: until the run's states stopped
    holding their context, every check left its pages in reference cycles, and the
    floor measured after it spent 6–8 % more collecting them, which flattered the
    ratio of the check to the floor.
    """
    best = [float("inf")] * len(funcs)
    for _ in range(repeat):
        for index, func in enumerate(funcs):
            gc.collect()
            start = time.perf_counter()
            func()
            best[index] = min(best[index], time.perf_counter() - start)
    return best


def median_of(func: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def scaled_copy(source: Path, target: Path, factor: int) -> Path:
    """The site replicated ``factor`` times under distinct top-level folders.

    Copy ``k`` puts ``<path>`` at ``copyK/<path>`` and ``en/<path>`` at
    ``en/copyK/<path>``, so pairs stay pairs and links inside a copy stay relative.
    """
    if target.exists():
        shutil.rmtree(target)
    for k in range(factor):
        for path in source.rglob("*"):
            if not path.is_file():
                continue
            rel = path.relative_to(source)
            parts = rel.parts
            if parts[0] == "en":
                dest = target / "en" / f"copy{k}" / Path(*parts[1:])
            else:
                dest = target / f"copy{k}" / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)
    return target
