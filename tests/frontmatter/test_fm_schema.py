"""schema.py: error mapping, lines, did-you-mean, per-glob selection, schema-file errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from taiyaku.errors import SchemaConfigError
from taiyaku.parse.frontmatter import parse_front_matter
from taiyaku.rules.frontmatter import schema as schema_module
from taiyaku.rules.frontmatter.schema import (
    SchemaProblem,
    load_schema_set,
    schema_set_from_data,
    validate_front_matter,
)

PAGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title"],
    "properties": {
        "title": {"type": "string", "minLength": 1},
        "toc": {"type": "boolean"},
        "kind": {"enum": ["guide", "notice"]},
        "layout": {"anyOf": [{"type": "string"}, {"const": False}]},
        "redirect_from": {
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]
        },
        "breadcrumb": {
            "type": "object",
            "additionalProperties": False,
            "required": ["title"],
            "properties": {"title": {"type": "string"}, "parent": {"type": "string"}},
        },
        "authors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["affiliation"],
                "properties": {"affiliation": {"type": "string"}, "name": {"type": "string"}},
            },
        },
        "pattern": {"type": "string", "format": "regex"},
        "slug": {"type": "string", "pattern": "^[a-z_]+$"},
    },
}

SCHEMAS = schema_set_from_data(
    {
        "version": 1,
        "schemas": [
            {"files": ["**/_*.md"], "schema": {"type": "object"}},
            {"files": ["**/*.md", "**/*.mdx"], "schema": PAGE_SCHEMA},
        ],
    }
)


def check(source: str, rel_path: str = "docs/page.md") -> list[tuple[str, tuple[str, ...], int]]:
    fm = parse_front_matter(source)
    return [(p.kind, p.key_path, p.line) for p in validate_front_matter(SCHEMAS, rel_path, fm)]


def messages(source: str, rel_path: str = "docs/page.md") -> list[str]:
    fm = parse_front_matter(source)
    return [p.message for p in validate_front_matter(SCHEMAS, rel_path, fm)]


# --------------------------------------------------------------------------- mapping

CASES = [
    # (front matter, expected (kind, key path, line), expected messages)
    ("title: ok\ntoc: true", [], []),
    (
        "toc: true",
        [("required", ("title",), 1)],
        ["missing required key 'title'"],
    ),
    (
        "title: t\nbreadcrumb:\n  parent: ../",
        [("required", ("breadcrumb", "title"), 3)],
        ["'breadcrumb' is missing required key 'title'"],
    ),
    (
        "title: t\nauthors:\n  - name: a\n    affiliation: x\n  - name: b",
        [("required", ("authors", "1", "affiliation"), 6)],
        ["'authors[1]' is missing required key 'affiliation'"],
    ),
    (
        "title: t\ntilte: typo",
        [("unknown-key", ("tilte",), 3)],
        ["unknown key 'tilte' (did you mean 'title'?)"],
    ),
    (
        "title: t\nTOC: true",
        [("unknown-key", ("TOC",), 3)],
        ["unknown key 'TOC' (did you mean 'toc'?)"],
    ),
    (
        "title: t\ncss: [mfa]",
        [("unknown-key", ("css",), 3)],
        ["unknown key 'css'"],
    ),
    (
        "title: t\nbreadcrumb:\n  title: b\n  parnet: ../",
        [("unknown-key", ("breadcrumb", "parnet"), 5)],
        ["unknown key 'parnet' in 'breadcrumb' (did you mean 'parent'?)"],
    ),
    (
        "title: t\ntoc: 'no'",
        [("type", ("toc",), 3)],
        ["'toc' must be a boolean, got string 'no'"],
    ),
    (
        "title: t\ntoc: no",
        [("type", ("toc",), 3)],
        ["'toc' must be a boolean, got string 'no'"],
    ),
    (
        "title: 12",
        [("type", ("title",), 2)],
        ["'title' must be a string, got integer 12"],
    ),
    (
        "title: ''",
        [("type", ("title",), 2)],
        ["'title' must not be empty"],
    ),
    (
        "title: t\nbreadcrumb: top",
        [("type", ("breadcrumb",), 3)],
        ["'breadcrumb' must be a mapping, got string 'top'"],
    ),
    (
        "title: t\nbreadcrumb:\n  title: [a]",
        [("type", ("breadcrumb", "title"), 4)],
        ["'breadcrumb.title' must be a string, got a list"],
    ),
    (
        "title: t\nredirect_from:\n  - /a\n  - 5",
        [("type", ("redirect_from", "1"), 5)],
        ["'redirect_from[1]' must be a string, got integer 5"],
    ),
    (
        "title: t\nredirect_from: {a: b}",
        [("type", ("redirect_from",), 3)],
        ["'redirect_from' must be a string or a list of strings, got a mapping"],
    ),
    (
        "title: t\nlayout: true",
        [("type", ("layout",), 3)],
        ["'layout' must be a string or false, got boolean true"],
    ),
    (
        "title: t\nkind: blog",
        [("type", ("kind",), 3)],
        ["'kind' must be one of 'guide', 'notice', got string 'blog'"],
    ),
    (
        "title: t\npattern: '^(/utol'",
        [("type", ("pattern",), 3)],
        ["'pattern' must be a valid regex, got string '^(/utol'"],
    ),
    (
        "title: t\nslug: Not-OK",
        [("type", ("slug",), 3)],
        ["'slug' must match the pattern '^[a-z_]+$', got string 'Not-OK'"],
    ),
    (
        "tilte: t\ntoc: 1\nextra: x",
        [
            ("required", ("title",), 1),
            ("unknown-key", ("tilte",), 2),
            ("type", ("toc",), 3),
            ("unknown-key", ("extra",), 4),
        ],
        [
            "missing required key 'title'",
            "unknown key 'tilte' (did you mean 'title'?)",
            "'toc' must be a boolean, got integer 1",
            "unknown key 'extra'",
        ],
    ),
]


@pytest.mark.parametrize(("yaml_text", "expected", "expected_messages"), CASES)
def test_problems(
    yaml_text: str, expected: list[tuple[str, tuple[str, ...], int]], expected_messages: list[str]
) -> None:
    source = f"---\n{yaml_text}\n---\n# Body\n"
    assert check(source) == expected
    assert messages(source) == expected_messages


def test_suggestions() -> None:
    fm = parse_front_matter("---\ntilte: t\nbreadcrumb:\n  titel: b\n---\n")
    found = validate_front_matter(SCHEMAS, "page.md", fm)
    assert [(p.kind, p.key_path, p.suggestion) for p in found] == [
        ("required", ("title",), "rename 'tilte' to 'title'"),
        ("unknown-key", ("tilte",), "title"),
        ("required", ("breadcrumb", "title"), "rename 'titel' to 'title'"),
        ("unknown-key", ("breadcrumb", "titel"), "title"),
    ]
    assert [p.line for p in found] == [1, 2, 3, 4]


def test_page_without_front_matter_misses_its_title() -> None:
    assert validate_front_matter(SCHEMAS, "page.md", parse_front_matter("# Only a body\n")) == [
        SchemaProblem("required", ("title",), 1, "missing required key 'title'", None)
    ]


@pytest.mark.parametrize(
    "source",
    ["---\ntitle: [\n---\n", "---\n- a\n---\n", "---\ntitle: x\n", "---\na: !!binary eA==\n---\n"],
    ids=["syntax", "not-mapping", "not-closed", "unsupported-tag"],
)
def test_unparseable_front_matter_is_not_validated(source: str) -> None:
    fm = parse_front_matter(source)
    assert fm.problems
    assert validate_front_matter(SCHEMAS, "page.md", fm) == []


def test_duplicate_keys_are_still_validated() -> None:
    fm = parse_front_matter("---\ntitle: a\ntitle: 5\n---\n")
    assert [p.kind for p in fm.problems] == ["duplicate-key"]
    assert check("---\ntitle: a\ntitle: 5\n---\n") == [("type", ("title",), 3)]


def test_crlf_lines() -> None:
    source = "\ufeff---\r\ntitle: t\r\n\r\ntoc: maybe\r\n---\r\n"
    assert check(source) == [("type", ("toc",), 4)]


# --------------------------------------------------------------------------- selection


def test_first_matching_entry_wins() -> None:
    partial = "---\nanything: goes\n---\n"
    assert check(partial, "docs/_partial.md") == []
    assert check(partial, "_partial.md") == []
    assert check(partial, "docs/page.md") == [
        ("required", ("title",), 1),
        ("unknown-key", ("anything",), 2),
    ]
    assert SCHEMAS.entry_for("docs/page.mdx") is SCHEMAS.entries[1]
    assert SCHEMAS.schema_for("docs/_partial.md") == {"type": "object"}


def test_no_matching_entry_means_no_problems() -> None:
    assert SCHEMAS.entry_for("docs/page.html") is None
    assert check("# no front matter", "docs/page.html") == []


def test_validators_are_compiled_once(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = SCHEMAS.entry_for("a.md")
    assert entry is not None

    def no_new_validators(*args: object, **kwargs: object) -> None:
        raise AssertionError("a validator was compiled while validating")

    monkeypatch.setattr(schema_module, "Draft202012Validator", no_new_validators)
    for _ in range(3):
        check("---\ntoc: 1\n---\n", "a.md")
    assert SCHEMAS.entry_for("a.md") is entry


# --------------------------------------------------------------------------- schema files

GOOD_FILE = """\
version: 1
x-common: &common
  title: {type: string}
schemas:
  - files: ["**/*.md"]
    schema:
      type: object
      properties: *common
      required: [title]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "frontmatter.schema.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_schema_file(tmp_path: Path) -> None:
    schemas = load_schema_set(write(tmp_path, GOOD_FILE))
    assert schemas.schema_for("a.md") == {
        "type": "object",
        "properties": {"title": {"type": "string"}},
        "required": ["title"],
    }
    assert schemas.entries[0].files == ("**/*.md",)


BAD_FILES = [
    # (file text, words the error message must contain)
    ("version: 1\nschemas: [\n", ["frontmatter.schema.yaml:2", "invalid YAML"]),
    ("- a\n", ["must be a mapping with 'version' and 'schemas'"]),
    ("schemas: []\n", ["'version' must be 1"]),
    ("version: 2\nschemas: []\n", [":1:", "'version' must be 1, got 2"]),
    ("version: 1\nschemas: []\n", [":2:", "'schemas' must be a non-empty list"]),
    ("version: 1\nschemas: {}\nextra: 1\n", [":3:", "unknown key 'extra'"]),
    ("version: 1\nschemas:\n  - schema: {}\n", ["schemas[0].files must be a list of globs"]),
    (
        "version: 1\nschemas:\n  - files: [a]\n    schema: {}\n    scheme: {}\n",
        [":5:", "unknown key 'scheme'"],
    ),
    ("version: 1\nschemas:\n  - files: [a]\n", ["schemas[0].schema must be a mapping"]),
    (
        "version: 1\nschemas:\n  - files: [a]\n    schema:\n      properties:\n"
        "        toc: {type: bool}\n",
        [":6:", "schemas[0].schema['properties']['toc']['type']", "is not a valid JSON Schema"],
    ),
    (
        "version: 1\nschemas:\n  - files: [a]\n    schema:\n      required: title\n",
        [":5:", "['required']", "'title' is not of type 'array'"],
    ),
    (
        "version: 1\nschemas:\n  - files: [a]\n    schema:\n      pattern: '('\n",
        ["is not a valid JSON Schema", "'(' is not a 'regex'"],
    ),
    ("version: 1\nversion: 1\nschemas: []\n", [":2:", "duplicate key 'version'"]),
]


@pytest.mark.parametrize(("text", "words"), BAD_FILES)
def test_bad_schema_files(tmp_path: Path, text: str, words: list[str]) -> None:
    with pytest.raises(SchemaConfigError) as caught:
        load_schema_set(write(tmp_path, text))
    for word in words:
        assert word in caught.value.message
    assert str(caught.value) == caught.value.message


def test_missing_schema_file(tmp_path: Path) -> None:
    with pytest.raises(SchemaConfigError, match="cannot read schema file"):
        load_schema_set(tmp_path / "nope.yaml")


def test_the_meta_schema_check_can_be_left_for_later(tmp_path: Path) -> None:
    """Loading with verify=False checks everything but the schemas against the JSON
    Schema meta-schema; verify() then raises what a full load raises."""
    bad = write(tmp_path, "version: 1\nschemas:\n  - files: ['*.md']\n    schema: {type: 3}\n")
    with pytest.raises(SchemaConfigError) as full:
        load_schema_set(bad)
    deferred = load_schema_set(bad, verify=False)
    assert not deferred.verified
    with pytest.raises(SchemaConfigError) as later:
        deferred.verify()
    assert later.value.message == full.value.message
    assert not deferred.verified, "a failed check stays pending"
    good = load_schema_set(write(tmp_path, GOOD_FILE), verify=False)
    good.verify()
    assert good.verified
