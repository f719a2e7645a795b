"""The floor: only the unavoidable work, for every other figure to be a ratio of.

Reads every page, parses its front matter and its Markdown with markdown-it-py, and
runs fugashi over every inline text.  Run: ``python benchmarks/floor.py [ROOT]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import frontmatter
from markdown_it import MarkdownIt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CORPUS_PAGES, best_of
from taiyaku.parse.analyzer import get_tagger

_MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
# Link targets as written: markdown-it's default percent-encodes them and converts host
# names to punycode for HTML output, work a linter can skip (taiyaku does), and 6% of
# this floor's time; a floor that did it would flatter every ratio.
_MD.normalizeLink = lambda url: url  # type: ignore[method-assign]


def floor(root: Path) -> int:
    """Do the floor's work over ``root``; return the number of pages."""
    tagger = get_tagger()
    pages = sorted(p for p in root.rglob("*") if p.suffix in (".md", ".mdx"))
    for path in pages:
        text = path.read_text(encoding="utf-8", errors="replace")
        post = frontmatter.loads(text) if text.startswith("---") else None
        body = post.content if post is not None else text
        for token in _MD.parse(body):
            if token.type == "inline" and token.content:
                for _node in tagger(token.content):
                    pass
    return len(pages)


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS_PAGES
    get_tagger()  # the dictionary load is paid once per process, outside the figure
    pages = floor(root)
    seconds = best_of(lambda: floor(root))
    print(f"floor: {pages} pages in {seconds:.3f} s ({pages / seconds:.0f} pages/s)")


if __name__ == "__main__":
    main()
