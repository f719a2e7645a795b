"""The package's rooms import one way, and no module imports itself through others.

The layers, lowest first (docs/architecture.md explains each):

    errors, model  <  parse  <  site  <  knowledge  <  rules  <  config  <  run  <  output
    <  cli, docgen, __main__

A module may import its own layer and the layers below it, never one above.  Every
import counts: at the top of a module, inside a function, under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "taiyaku"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("", "errors", "model"),  # "": the package itself (its __version__)
    ("parse",),
    ("site",),
    ("knowledge",),
    ("rules",),
    ("config",),
    ("run",),
    ("output",),
    ("cli", "docgen", "__main__"),
)
RANK = {room: rank for rank, rooms in enumerate(LAYERS) for room in rooms}


def module_name(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(package: Path) -> dict[str, Path]:
    return {module_name(p, package): p for p in sorted(package.rglob("*.py"))}


def imports_of(name: str, path: Path, known: dict[str, Path]) -> Iterator[tuple[str, int]]:
    """The package modules that ``name`` imports, with the line of each import."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield from _known(alias.name, node.lineno, known)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")
                drop = node.level - (1 if is_package else 0)
                anchor = anchor[: len(anchor) - drop] if drop else anchor
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield from _known(submodule if submodule in known else base, node.lineno, known)


def _known(target: str, line: int, known: dict[str, Path]) -> Iterator[tuple[str, int]]:
    while target and target not in known:
        target = target.rpartition(".")[0]
    if target:
        yield target, line


def room(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


def upward_imports(package: Path) -> list[str]:
    known = modules(package)
    wrong = []
    for name, path in known.items():
        for target, line in imports_of(name, path, known):
            if RANK[room(target)] > RANK[room(name)]:
                wrong.append(f"{path.relative_to(package.parent)}:{line}: {name} imports {target}")
    return wrong


def cycles(package: Path) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), or a self-import."""
    known = modules(package)
    graph = {n: sorted({t for t, _ in imports_of(n, p, known) if t != n}) for n, p in known.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_every_room_has_a_layer() -> None:
    rooms = {room(name) for name in modules(PACKAGE)}
    assert rooms <= set(RANK), f"rooms without a layer: {sorted(rooms - set(RANK))}"


def test_imports_run_one_way() -> None:
    assert upward_imports(PACKAGE) == []


def test_no_import_cycles() -> None:
    assert cycles(PACKAGE) == []


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / "taiyaku"
    for rel, text in files.items():
        path = package / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


def test_the_check_sees_an_upward_import_even_under_type_checking(tmp_path: Path) -> None:
    package = _tree(
        tmp_path,
        {
            "__init__.py": "",
            "parse/__init__.py": "",
            "parse/document.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from taiyaku.run.engine import run\n"
            ),
            "run/__init__.py": "",
            "run/engine.py": "def run():\n    from ..parse import document\n",
        },
    )
    assert upward_imports(package) == [
        "taiyaku/parse/document.py:3: taiyaku.parse.document imports taiyaku.run.engine"
    ]
    assert cycles(package) == [["taiyaku.parse.document", "taiyaku.run.engine"]]
