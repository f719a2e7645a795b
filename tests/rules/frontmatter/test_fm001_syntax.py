"""FM001 frontmatter-syntax: input beside the expected findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import REPO, lint, make_site
from taiyaku.cli import main

CHECKS = REPO / "checks"

CASES = [
    # (page text, expected findings for page.md)
    ("---\ntitle: ok\n---\nbody\n", []),
    ("no front matter at all\n", []),
    ("---\n---\nempty front matter\n", []),
    (
        '---\ntitle: "unclosed\nsupport: true\n---\n',
        [
            "page.md:2 FM001 invalid YAML: while scanning a quoted scalar: "
            "found unexpected end of stream"
        ],
    ),
    (
        "---\ntitle: ok\nbody without a closing fence\n",
        ["page.md:1 FM001 front matter is not closed: no '---' line ends it"],
    ),
    (
        "---\n- a\n- b\n---\n",
        ["page.md:2 FM001 front matter must be a mapping of keys to values, got a list"],
    ),
    (
        "---\njust a string\n---\n",
        ["page.md:2 FM001 front matter must be a mapping of keys to values, got a string"],
    ),
    (
        "---\ntitle: a\ntoc: false\ntitle: b\n---\n",
        ["page.md:4 FM001 duplicate key 'title' (the last value is used)"],
    ),
    (
        "---\nbreadcrumb:\n\ttitle: x\n---\n",
        ["page.md:3 FM001 tab character used for indentation (YAML allows only spaces)"],
    ),
    (
        "---\ntitle: !!python/object:os.system x\n---\n",
        [
            "page.md:2 FM001 unsupported YAML tag '!!python/object:os.system': only strings, "
            "numbers, booleans, null, lists and mappings are allowed"
        ],
    ),
    (
        "---\ntitle: a\nb: &b [*b]\n---\n",
        ["page.md:3 FM001 recursive alias: a node contains itself"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_front_matter_syntax(tmp_path: Path, text: str, expected: list[str]) -> None:
    site = make_site(tmp_path, {"page.md": text})
    assert lint(site, select=["FM001"]) == expected


def billion_laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        prev, name = chr(ord("a") + level - 1), chr(ord("a") + level)
        refs = ",".join([f"*{prev}"] * 9)
        lines.append(f"{name}: &{name} [{refs}]")
    return "---\ntitle: lol\n" + "\n".join(lines) + "\n---\nbody\n"


def test_alias_bomb_is_one_finding(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"bomb.md": billion_laughs()})
    found = lint(site, select=["FM001"])
    assert len(found) == 1
    assert found[0].startswith("bomb.md:")
    assert "FM001 YAML expands to more than 10000 nodes" in found[0]


def test_unloadable_front_matter_gives_only_fm001(tmp_path: Path) -> None:
    """The other FM rules skip front matter that does not load: no 'missing title'."""
    site = make_site(
        tmp_path / "site",
        {
            "bomb.md": billion_laughs(),
            "obj.md": "---\ntitle: !!python/object/apply:os.system ['true']\n---\n",
            "en/obj.md": "---\ntitle: T\ntoc: false\n---\n",
        },
    )
    found = lint(site, select=["FM"], checks_dir=CHECKS)
    assert [f.split(" ", 2)[:2] for f in found] == [
        ["bomb.md:3", "FM001"],
        ["obj.md:2", "FM001"],
    ]


def test_cli_bomb_and_python_object_exit_1_and_the_rest_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_site(
        tmp_path / "content",
        {
            "bomb.md": billion_laughs(),
            "obj.md": "---\n!!python/object:__main__.Evil {title: x}\n---\n",
            "good.md": "---\ntilte: typo\n---\n",
        },
    )
    (tmp_path / "checks").mkdir()
    (tmp_path / "checks" / "frontmatter.schema.yaml").write_text(
        (CHECKS / "frontmatter.schema.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--no-config", "--select", "FM", "--checks-dir", "checks"])
    out, err = capsys.readouterr()
    assert code == 1
    assert err == ""
    lines = [line for line in out.splitlines() if line.startswith("content/")]
    assert lines == [
        "content/bomb.md:3:14: error FM001 [frontmatter-syntax] YAML expands to more than 10000 nodes "
        "(aliases counted each time they are used)",
        "content/good.md:1:1: error FM002 [frontmatter-required] missing required key 'title' "
        "(rename 'tilte' to 'title')",
        "content/good.md:2:1: warning FM004 [frontmatter-unknown-key] unknown key 'tilte' "
        "(did you mean 'title'?)",
        "content/obj.md:2:1: error FM001 [frontmatter-syntax] unsupported YAML tag "
        "'!!python/object:__main__.Evil': only strings, numbers, booleans, null, lists and "
        "mappings are allowed",
    ]
