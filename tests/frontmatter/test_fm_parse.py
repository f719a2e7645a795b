"""parse_front_matter: fences, line endings, line numbers, problems, safety."""

from __future__ import annotations

import os

import pytest

from taiyaku.parse import frontmatter
from taiyaku.parse.frontmatter import FrontMatterProblem, parse_front_matter, parse_yaml


@pytest.fixture(params=["libyaml", "pure"])
def composer(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with the libyaml composer and again with the pure-Python one."""
    if request.param == "pure":
        monkeypatch.setattr(frontmatter, "_CComposer", None)
    elif frontmatter._CComposer is None:
        pytest.skip("PyYAML has no libyaml here")
    return str(request.param)


def problems(source: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.kind) for p in parse_front_matter(source).problems]


# --------------------------------------------------------------------------- splitting

PAGE = """\
---
title: ページ
breadcrumb:
  title: パンくず
  parent: ../
redirect_from:
  - /old
  - /older
---
# Body
"""


def test_key_lines_for_nested_keys_and_list_items(composer: str) -> None:
    fm = parse_front_matter(PAGE)
    assert fm.present
    assert fm.data == {
        "title": "ページ",
        "breadcrumb": {"title": "パンくず", "parent": "../"},
        "redirect_from": ["/old", "/older"],
    }
    assert fm.key_lines == {
        ("title",): 2,
        ("breadcrumb",): 3,
        ("breadcrumb", "title"): 4,
        ("breadcrumb", "parent"): 5,
        ("redirect_from",): 6,
        ("redirect_from", "0"): 7,
        ("redirect_from", "1"): 8,
    }
    assert (fm.start_line, fm.end_line, fm.body_start_line) == (1, 9, 10)
    assert PAGE[fm.body_offset :] == "# Body\n"
    assert fm.problems == []


@pytest.mark.parametrize(
    ("newline", "bom"),
    [("\n", ""), ("\r\n", ""), ("\r", ""), ("\r\n", "\ufeff"), ("\n", "\ufeff")],
    ids=["LF", "CRLF", "CR", "BOM+CRLF", "BOM+LF"],
)
def test_line_endings_and_bom(newline: str, bom: str, composer: str) -> None:
    source = bom + PAGE.replace("\n", newline)
    fm = parse_front_matter(source)
    assert fm.data is not None and fm.data["breadcrumb"]["parent"] == "../"
    assert fm.key_lines[("redirect_from", "1")] == 8
    assert (fm.end_line, fm.body_start_line) == (9, 10)
    assert source[fm.body_offset :] == "# Body" + newline
    assert fm.problems == []


def test_crlf_errors_are_on_the_right_line(composer: str) -> None:
    source = "---\r\ntitle: x\r\n\r\nbad: [1,\r\n---\r\nbody\r\n"
    [problem] = parse_front_matter(source).problems
    assert (problem.line, problem.kind) == (4, "syntax")


@pytest.mark.parametrize(
    ("source", "present", "body_offset", "body_start_line"),
    [
        ("# Just Markdown\n", False, 0, 1),
        ("\ufeff# Just Markdown\n", False, 1, 1),
        ("", False, 0, 1),
        ("----\ntitle: x\n----\n", False, 0, 1),
        (" ---\ntitle: x\n---\n", False, 0, 1),
        ("---   \ntitle: x\n---  \nbody", True, 22, 4),
        ("---\ntitle: x\n...\nbody", True, 17, 4),
        ("---\ntitle: x\n---", True, 16, 3),  # the file ends on the fence line
    ],
    ids=["absent", "absent-bom", "empty", "four-dashes", "indented", "spaces", "dots", "eof"],
)
def test_fences(source: str, present: bool, body_offset: int, body_start_line: int) -> None:
    fm = parse_front_matter(source)
    assert fm.present is present
    assert (fm.body_offset, fm.body_start_line) == (body_offset, body_start_line)
    assert fm.problems == []
    if present:
        assert fm.data == {"title": "x"}
        assert fm.start_line == 1
    else:
        assert (fm.data, fm.raw, fm.start_line, fm.end_line) == (None, "", 0, 0)


@pytest.mark.parametrize(
    "source", ["---\n---\n", "---\n---", "---\n\n# only a comment\n\n---\nbody"]
)
def test_empty_front_matter_is_an_empty_mapping(source: str) -> None:
    fm = parse_front_matter(source)
    assert (fm.present, fm.data, fm.problems) == (True, {}, [])


@pytest.mark.parametrize("source", ["---\ntitle: x\n\n# Body\n", "---", "---\n"])
def test_not_closed_keeps_the_whole_file_as_body(source: str) -> None:
    fm = parse_front_matter(source)
    assert fm.present
    assert fm.data is None
    assert (fm.body_offset, fm.body_start_line, fm.end_line) == (0, 1, 0)
    assert fm.problems == [
        FrontMatterProblem(1, 1, "front matter is not closed: no '---' line ends it", "not-closed")
    ]


# --------------------------------------------------------------------------- problems

PROBLEM_CASES = [
    # (front matter lines between the fences, expected (line, column, kind) problems)
    ("- a\n- b", [(2, 1, "not-mapping")]),
    ("# a comment first\njust a string", [(3, 1, "not-mapping")]),
    ("42", [(2, 1, "not-mapping")]),
    ("title: x\n\tdescription: y", [(3, 1, "tab")]),
    ("breadcrumb:\n  title: x\n \tparent: ../", [(4, 2, "tab")]),
    ("\ttitle: x", [(2, 1, "tab")]),
    ("title: x\ntitle: y", [(3, 1, "duplicate-key")]),
    ("breadcrumb:\n  title: a\n  title: b", [(4, 3, "duplicate-key")]),
    (
        "title: x\ntoc: false\ntitle: y\ntoc: true",
        [(4, 1, "duplicate-key"), (5, 1, "duplicate-key")],
    ),
    ("title: x\nbad: value: here", [(3, 11, "syntax")]),
    ('title: "unterminated\ntoc: true', [(2, 8, "syntax")]),
    ("title: x\nlist: [1, 2", [(3, 7, "syntax")]),
    ("title: x\n  indented: wrongly", [(3, 11, "syntax")]),
    ("title: \x07bell", [(2, 8, "syntax")]),
    ("title: x\n--- second", [(3, 1, "syntax")]),
    ("? [a, b]\n: complex key", [(2, 3, "syntax")]),
    ("n: !!int twelve", [(2, 4, "syntax")]),
    ("a: !!python/object/apply:os.system ['echo pwned']", [(2, 4, "unsupported-tag")]),
    ("a: !!python/name:os.system", [(2, 4, "unsupported-tag")]),
    ("a: !!binary aGVsbG8=", [(2, 4, "unsupported-tag")]),
    ("a: !!set {x, y}", [(2, 4, "unsupported-tag")]),
    ("a: !custom value", [(2, 4, "unsupported-tag")]),
    ("!!python/object:os.system x: 1", [(2, 1, "unsupported-tag")]),
    ("a: &a [*a]", [(2, 4, "alias-limit")]),
]


@pytest.mark.parametrize(("yaml_text", "expected"), PROBLEM_CASES)
def test_problems(yaml_text: str, expected: list[tuple[int, int, str]], composer: str) -> None:
    assert problems(f"---\n{yaml_text}\n---\nbody\n") == expected


def test_problem_messages() -> None:
    def message(yaml_text: str) -> str:
        return parse_front_matter(f"---\n{yaml_text}\n---\n").problems[0].message

    assert message("\ttitle: x") == "tab character used for indentation (YAML allows only spaces)"
    assert message("title: x\ntitle: y") == "duplicate key 'title' (the last value is used)"
    assert message("b:\n  t: 1\n  t: 2") == "duplicate key 'b.t' (the last value is used)"
    assert message("- a") == "front matter must be a mapping of keys to values, got a list"
    assert message("a: !!python/name:os.system").startswith(
        "unsupported YAML tag '!!python/name:os.system'"
    )
    assert message("a: b: c") == "invalid YAML: mapping values are not allowed here"


def test_duplicate_key_keeps_the_last_value() -> None:
    fm = parse_front_matter("---\ntitle: first\ntoc: false\ntitle: second\n---\n")
    assert fm.data == {"title": "second", "toc": False}
    assert fm.key_lines[("title",)] == 4


def test_problems_leave_no_data() -> None:
    for source in ("---\na: [\n---\n", "---\n- a\n---\n", "---\na: !!binary eA==\n---\n"):
        fm = parse_front_matter(source)
        assert fm.data is None
        assert fm.key_lines == {}
        assert fm.body_start_line == 4


@pytest.mark.skipif(frontmatter._CComposer is None, reason="the pure parser rejects 'key:<tab>'")
def test_tabs_inside_values_are_fine() -> None:
    fm = parse_front_matter("---\ntitle:\ta\tb\n---\n")
    assert (fm.data, fm.problems) == ({"title": "a\tb"}, [])


# --------------------------------------------------------------------------- safety


def test_python_tags_never_run(monkeypatch: pytest.MonkeyPatch, composer: str) -> None:
    def forbidden(*args: object) -> int:
        raise AssertionError("os.system was called")

    monkeypatch.setattr(os, "system", forbidden)
    fm = parse_front_matter("---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\n")
    assert fm.data is None
    assert [p.kind for p in fm.problems] == ["unsupported-tag"]


def billion_laughs(levels: int = 9) -> str:
    lines = ['lol0: &lol0 "lol"']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*lol{level - 1}"] * 9)
        lines.append(f"lol{level}: &lol{level} [{refs}]")
    return "---\n" + "\n".join(lines) + "\n---\n"


def test_billion_laughs_is_stopped(composer: str) -> None:
    fm = parse_front_matter(billion_laughs())
    assert fm.data is None
    [problem] = fm.problems
    assert problem.kind == "alias-limit"
    assert "10000" in problem.message


def test_aliases_within_the_budget_are_expanded() -> None:
    source = "---\nbase: &b {title: x}\ncopy: *b\nmerged:\n  <<: *b\n  toc: false\n---\n"
    fm = parse_front_matter(source)
    assert fm.problems == []
    assert fm.data == {
        "base": {"title": "x"},
        "copy": {"title": "x"},
        "merged": {"title": "x", "toc": False},
    }
    assert fm.data["copy"] is not fm.data["base"]
    assert fm.key_lines[("merged", "toc")] == 6


def test_merge_keys_lose_to_own_keys() -> None:
    source = "---\na: &a {x: 1, y: 1}\nb: &b {x: 2, z: 2}\nc:\n  x: 0\n  <<: [*a, *b]\n---\n"
    fm = parse_front_matter(source)
    assert fm.data is not None and fm.data["c"] == {"x": 0, "y": 1, "z": 2}
    assert fm.key_lines[("c", "x")] == 5


def test_max_nodes_is_configurable() -> None:
    source = "---\nitems: [1, 2, 3, 4, 5]\n---\n"
    assert parse_front_matter(source, max_nodes=5).problems[0].kind == "alias-limit"
    assert parse_front_matter(source, max_nodes=100).problems == []


def test_deep_nesting_is_a_problem_not_a_crash(composer: str) -> None:
    depth = 5000
    fm = parse_front_matter("---\na: " + "[" * depth + "]" * depth + "\n---\n")
    assert fm.data is None
    assert [p.kind for p in fm.problems] == ["syntax"]


# --------------------------------------------------------------------------- values

VALUE_CASES = [
    # YAML 1.2 core schema, as js-yaml (Astro) reads front matter
    ("toc: false", False),
    ("toc: True", True),
    ("toc: no", "no"),
    ("toc: yes", "yes"),
    ("toc: on", "on"),
    ("v: ~", None),
    ("v: null", None),
    ("v:", None),
    ("v: 12", 12),
    ("v: -3", -3),
    ("v: 010", 10),
    ("v: 0o17", 15),
    ("v: 0x1F", 31),
    ("v: 1.5", 1.5),
    ("v: 1e3", 1000.0),
    ("v: -.inf", float("-inf")),
    ("v: 2024-01-31", "2024-01-31"),
    ("v: 12:30", "12:30"),
    ("v: '12'", "12"),
    ('v: "true"', "true"),
    ("v: !!str 12", "12"),
    ("v: !!float 1", 1.0),
    ("v: [a, 1, {b: c}]", ["a", 1, {"b": "c"}]),
    ("v: |\n  line 1\n  line 2", "line 1\nline 2\n"),
    ('v: "^\\/utol\\/"', "^/utol/"),
]


@pytest.mark.parametrize(("yaml_text", "expected"), VALUE_CASES)
def test_values(yaml_text: str, expected: object, composer: str) -> None:
    fm = parse_front_matter(f"---\n{yaml_text}\n---\n")
    assert fm.problems == []
    assert fm.data is not None
    [value] = fm.data.values()
    assert value == expected
    assert type(value) is type(expected)


def test_keys_are_strings() -> None:
    fm = parse_front_matter("---\n1: one\ntrue: yes\nnull: x\n---\n")
    assert fm.data == {"1": "one", "true": "yes", "null": "x"}


def test_nan_is_a_float() -> None:
    fm = parse_front_matter("---\nv: .nan\n---\n")
    assert fm.data is not None and fm.data["v"] != fm.data["v"]


def test_parse_yaml_with_line_offset() -> None:
    doc = parse_yaml("a:\n  b: 1\n", first_line=10)
    assert doc.ok
    assert doc.value == {"a": {"b": 1}}
    assert doc.key_lines == {("a",): 10, ("a", "b"): 11}
    assert (doc.line, doc.column) == (10, 1)
