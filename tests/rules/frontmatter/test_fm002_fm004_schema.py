"""FM002–FM004: front matter against the site's schema (checks/frontmatter.schema.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

import taiyaku.rules.frontmatter._schema as shared
from helpers import REPO, lint, make_site, run_site
from taiyaku.cli import main
from taiyaku.errors import ConfigError

CHECKS = REPO / "checks"  # the utelecon schema this repository ships

SCHEMA = """\
version: 1
schemas:
  - files: ["**/_*.md"]
    schema:
      type: object
      additionalProperties: false
      properties:
        layout: {const: false}
  - files: ["**/*.md"]
    schema:
      type: object
      additionalProperties: false
      required: [title]
      properties:
        title: {type: string, minLength: 1}
        toc: {type: boolean}
        tags: {type: array, items: {type: string}}
        kind: {enum: [guide, notice]}
        breadcrumb:
          type: object
          additionalProperties: false
          required: [title]
          properties:
            title: {type: string}
            parent: {type: string}
"""


@pytest.fixture
def checks(tmp_path: Path) -> Path:
    folder = tmp_path / "checks"
    folder.mkdir()
    (folder / "frontmatter.schema.yaml").write_text(SCHEMA, encoding="utf-8")
    return folder


PAGES = [
    # (page text, expected findings for page.md)
    ("---\ntitle: T\ntoc: false\ntags: [a, b]\nkind: guide\n---\n", []),
    # FM002 required: top-level on the opening line, nested on the parent key's line
    ("no front matter\n", ["page.md:1 FM002 missing required key 'title'"]),
    ("---\ntoc: true\n---\n", ["page.md:1 FM002 missing required key 'title'"]),
    (
        "---\ntitle: T\nbreadcrumb:\n  parent: ../\n---\n",
        ["page.md:3 FM002 'breadcrumb' is missing required key 'title'"],
    ),
    # FM003 type and value, on the key's own line
    ("---\ntitle: T\ntoc: no\n---\n", ["page.md:3 FM003 'toc' must be a boolean, got string 'no'"]),
    ("---\ntitle: ''\n---\n", ["page.md:2 FM003 'title' must not be empty"]),
    (
        "---\ntitle: T\ntags:\n  - a\n  - 5\n---\n",
        ["page.md:5 FM003 'tags[1]' must be a string, got integer 5"],
    ),
    (
        "---\ntitle: T\nkind: blog\n---\n",
        ["page.md:3 FM003 'kind' must be one of 'guide', 'notice', got string 'blog'"],
    ),
    # FM004 unknown key with did-you-mean; the missing key gets a rename hint
    (
        "---\ntilte: T\n---\n",
        [
            "page.md:1 FM002 missing required key 'title' (rename 'tilte' to 'title')",
            "page.md:2 FM004 unknown key 'tilte' (did you mean 'title'?)",
        ],
    ),
    (
        "---\ntitle: T\nTOC: false\nbreadcrumb:\n  title: B\n  parnet: ../\n---\n",
        [
            "page.md:3 FM004 unknown key 'TOC' (did you mean 'toc'?)",
            "page.md:6 FM004 unknown key 'parnet' in 'breadcrumb' (did you mean 'parent'?)",
        ],
    ),
    ("---\ntitle: T\ncss: [mfa]\n---\n", ["page.md:3 FM004 unknown key 'css'"]),
]


@pytest.mark.parametrize(("text", "expected"), PAGES)
def test_schema_findings(tmp_path: Path, checks: Path, text: str, expected: list[str]) -> None:
    site = make_site(tmp_path / "site", {"page.md": text})
    assert lint(site, select=["FM002", "FM003", "FM004"], checks_dir=checks) == expected


def test_findings_point_at_the_key_column(tmp_path: Path, checks: Path) -> None:
    site = make_site(
        tmp_path / "site", {"page.md": "---\ntitle: T\nbreadcrumb:\n  title: 5\n  x: 1\n---\n"}
    )
    result = run_site(site, select=["FM"], checks_dir=checks)
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [
        ("FM003", 4, 3),
        ("FM004", 5, 3),
    ]


def test_the_schema_is_chosen_by_path(tmp_path: Path, checks: Path) -> None:
    site = make_site(tmp_path / "site", {"a/_partial.md": "---\nlayout: false\n---\ntext\n"})
    assert lint(site, select=["FM"], checks_dir=checks) == []


def test_unreadable_pages_are_left_to_in001(tmp_path: Path, checks: Path) -> None:
    site = make_site(tmp_path / "site", {"page.md": b"\x00binary"})
    assert lint(site, select=["FM002"], checks_dir=checks) == []


def test_without_a_schema_file_fm002_to_fm004_report_nothing(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", {"page.md": "---\ntilte: T\ntoc: no\n---\n"})
    assert lint(site, select=["FM"]) == []  # lint points checks-dir at an empty folder


def test_each_page_is_validated_once(
    tmp_path: Path, checks: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = shared.validate_front_matter

    def counting(schemas, rel, fm):  # type: ignore[no-untyped-def]
        calls.append(rel)
        return real(schemas, rel, fm)

    monkeypatch.setattr(shared, "validate_front_matter", counting)
    site = make_site(tmp_path / "site", {"a.md": "---\ntilte: x\n---\n", "b.md": "text\n"})
    assert len(lint(site, select=["FM002", "FM003", "FM004"], checks_dir=checks)) == 3
    assert sorted(calls) == ["a.md", "b.md"]


BROKEN = [
    ("version: 2\nschemas: []\n", "frontmatter.schema.yaml:1: 'version' must be 1, got 2"),
    (
        "version: 1\nschemas:\n  - files: ['**/*.md']\n    schema:\n      type: strnig\n",
        "frontmatter.schema.yaml:5: schemas[0].schema['type'] is not a valid JSON Schema",
    ),
    ("version: 1\nschemas: [\n", "frontmatter.schema.yaml:2:10: invalid YAML"),
]


@pytest.mark.parametrize(("text", "message"), BROKEN)
def test_a_broken_schema_file_is_a_configuration_error(
    tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "checks").mkdir()
    (tmp_path / "checks" / "frontmatter.schema.yaml").write_text(text, encoding="utf-8")
    site = make_site(tmp_path / "site", {"page.md": "---\ntitle: T\n---\n"})
    with pytest.raises(ConfigError, match=r"frontmatter\.schema\.yaml:") as caught:
        run_site(site, select=["FM002"], checks_dir=tmp_path / "checks")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_cli_broken_schema_exits_2_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_site(tmp_path / "content", {"page.md": "---\ntitle: T\n---\n"})
    (tmp_path / "checks").mkdir()
    (tmp_path / "checks" / "frontmatter.schema.yaml").write_text(
        "version: 1\nschemas:\n  - files: ['**/*.md']\n    schema: {type: 7}\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--no-config", "--checks-dir", "checks"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("taiyaku: error: checks/frontmatter.schema.yaml:4: schemas[0].schema")
    assert "Traceback" not in err and "internal error" not in err


def test_utelecon_schema_on_pages_and_partials(tmp_path: Path) -> None:
    site = make_site(
        tmp_path / "site",
        {
            "eccs/index.mdx": "---\ntitle: ECCS\nbreadcrumb:\n  title: ECCS\n---\n",
            "eccs/_part.mdx": "---\nlayout: false\n---\n",
            "forms/old.md": "---\nredirect_to: /oc/join#form\n---\n",
            "oc/url.md": "---\ntitle: URL\nsitemap: 'false'\n---\n",
        },
    )
    assert lint(site, select=["FM002", "FM003", "FM004"], checks_dir=CHECKS) == [
        "oc/url.md:3 FM003 'sitemap' must be a boolean, got string 'false'"
    ]


def test_seed_002_remote_support_page_needs_a_title() -> None:
    """content/ucom/remote-support.md (seed 002) has no front matter at all."""
    content = REPO / "content"
    result = run_site(content, select=["FM"], checks_dir=CHECKS)
    found = [
        f"{d.path.relative_to(content).as_posix()}:{d.line} {d.code} {d.message}"
        for d in result.diagnostics
    ]
    assert found == ["ucom/remote-support.md:1 FM002 missing required key 'title'"]
