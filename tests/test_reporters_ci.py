"""GitHub annotations, SARIF and JUnit output, checked against the JSON output.

The same runs are rendered in every format, on the sample site (``content/``) and on a
small site built to trigger the rules of every family present; each format must carry
every finding, whichever rules produced them, so these tests grow with the rule set.
"""

from __future__ import annotations

import json
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

from ci_helpers import CliRun, check, taiyaku
from helpers import REPO, make_site
from marker_rules import install
from taiyaku import HOMEPAGE, RULES_DOC_URL
from taiyaku.model.diagnostics import Diagnostic, Severity
from taiyaku.output import github, junit
from taiyaku.rules.registry import all_rules
from taiyaku.run.result import InternalError, RunResult

SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text("utf-8"))
FORMATS = ("json", "github", "sarif", "junit")
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _fixture_site(root: Path) -> Path:
    return make_site(
        root,
        {
            "support/chat.md": "---\ntitle: チャット\n---\n本文です。\n",
            "en/support/chat.md": "---\ntitle: Chat\n---\nText.\n",
            "support/only-ja.md": "本文です。\n",  # PR001
            "en/support/orphan.md": "Text.\n",  # PR002
            "support/sjis.md": "本文です。\n".encode("shift_jis"),  # IN001
            "support/a,b:c%d.md": "本文です。\n",  # escaping in GitHub properties
            'support/x&y<z>"q".md': "本文です。\n",  # escaping in XML
        },
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, CliRun]]:
    """{"fixture"|"content": {format: run}}: one run per site and format."""
    site = _fixture_site(tmp_path_factory.mktemp("site"))
    found: dict[str, dict[str, CliRun]] = {"fixture": {}, "content": {}}
    for fmt in FORMATS:
        found["fixture"][fmt] = check(site, "--format", fmt)
        found["content"][fmt] = taiyaku(REPO, "check", "--format", fmt)
    return found


SITES = ("fixture", "content")


def test_the_fixture_site_has_findings_of_each_family_present(runs) -> None:  # type: ignore[no-untyped-def]
    codes = {d["code"] for d in runs["fixture"]["json"].json["diagnostics"]}
    assert {"PR001", "PR002", "IN001"} <= codes


@pytest.mark.parametrize("site", SITES)
def test_every_format_exits_like_json(runs, site: str) -> None:  # type: ignore[no-untyped-def]
    codes = {fmt: runs[site][fmt].code for fmt in FORMATS}
    assert set(codes.values()) == {codes["json"]}, codes
    assert codes["json"] in (0, 1)


# -- GitHub ---------------------------------------------------------------------------

_ANNOTATION = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<data>.*)$")


def _unescape(value: str) -> str:
    for escaped, char in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        value = value.replace(escaped, char)
    return value


@pytest.mark.parametrize("site", SITES)
def test_github_has_one_annotation_per_finding(runs, site: str) -> None:  # type: ignore[no-untyped-def]
    diagnostics = runs[site]["json"].json["diagnostics"]
    lines = runs[site]["github"].out.splitlines()
    assert len(lines) == len(diagnostics)
    for line, d in zip(lines, diagnostics, strict=True):
        match = _ANNOTATION.match(line)
        assert match, line
        props = dict(p.split("=", 1) for p in match["props"].split(","))
        assert match.group(1) == COMMANDS[d["severity"]]
        assert _unescape(props["file"]) == d["path"]
        assert (int(props["line"]), int(props["col"])) == (d["line"], d["column"])
        assert _unescape(props["title"]) == f"{d['code']} {d['name']}"
        assert _unescape(match["data"]).startswith(d["message"])


def test_github_escapes_properties_and_data(runs) -> None:  # type: ignore[no-untyped-def]
    out = runs["fixture"]["github"].out
    assert "file=support/a%2Cb%3Ac%25d.md,line=1," in out
    assert "(expected en/support/a,b:c%25d.md)" in out  # data: only %, CR, LF


def test_github_escaping_rules() -> None:
    assert github.escape_data("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d"
    assert github.escape_property("50% a\r\nb: c, d") == "50%25 a%0D%0Ab%3A c%2C d"


# -- SARIF ----------------------------------------------------------------------------


@pytest.mark.parametrize("site", SITES)
def test_sarif_is_valid_against_the_official_schema(runs, site: str) -> None:  # type: ignore[no-untyped-def]
    log = runs[site]["sarif"].json
    validator = jsonschema.Draft4Validator(
        SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
    assert log["version"] == "2.1.0"


@pytest.mark.parametrize("site", SITES)
def test_sarif_describes_every_selected_rule(runs, site: str) -> None:  # type: ignore[no-untyped-def]
    rules = runs[site]["sarif"].json["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.CODE for r in all_rules()]
    for descriptor, rule in zip(rules, all_rules(), strict=True):
        doc = rule.doc()
        assert descriptor["name"] == rule.NAME
        assert descriptor["shortDescription"]["text"] == doc.summary
        assert descriptor["fullDescription"]["text"] == doc.what_it_does
        assert descriptor["help"]["text"] == doc.text
        assert doc.why_bad in descriptor["help"]["markdown"]
        assert descriptor["defaultConfiguration"]["level"] == LEVELS[rule.SEVERITY.value]
        # helpUri: the rule's heading in docs/rules.md, as GitHub names its anchor
        page, anchor = descriptor["helpUri"].split("#")
        assert page == RULES_DOC_URL
        assert anchor == github_anchor(f"{rule.CODE} {rule.NAME}") in RULES_MD_ANCHORS


def github_anchor(heading: str) -> str:
    """GitHub's anchor for a Markdown heading: lower case, spaces to '-', punctuation
    other than '-' and '_' dropped."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


RULES_MD_ANCHORS = {
    github_anchor(line[3:].strip())
    for line in (REPO / "docs" / "rules.md").read_text(encoding="utf-8").splitlines()
    if line.startswith("## ")
}


def test_sarif_names_the_project_and_pyproject_agrees(runs) -> None:  # type: ignore[no-untyped-def]
    driver = runs[SITES[0]]["sarif"].json["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == HOMEPAGE
    urls = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    assert (urls["Homepage"], urls["Documentation"]) == (HOMEPAGE, RULES_DOC_URL)


@pytest.mark.parametrize("site", SITES)
def test_sarif_has_one_result_per_finding(runs, site: str) -> None:  # type: ignore[no-untyped-def]
    diagnostics = runs[site]["json"].json["diagnostics"]
    run = runs[site]["sarif"].json["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len(run["results"]) == len(diagnostics)
    for result, d in zip(run["results"], diagnostics, strict=True):
        assert result["ruleId"] == d["code"]
        assert rules[result["ruleIndex"]]["id"] == d["code"]
        assert result["level"] == LEVELS[d["severity"]]
        assert result["message"]["text"] == d["message"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert unquote(location["artifactLocation"]["uri"]) == d["path"]
        assert location["region"]["startLine"] == d["line"]
        assert location["region"]["startColumn"] == d["column"]
        assert set(result["partialFingerprints"]) == {"taiyaku/v1"}


def test_sarif_lists_only_the_selected_rules(tmp_path: Path) -> None:
    site = _fixture_site(tmp_path)
    run = check(site, "--format", "sarif", "--select", "PR002,IN").json["runs"][0]
    selected = [r.CODE for r in all_rules() if r.CODE == "PR002" or r.CODE.startswith("IN")]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == selected
    assert {r["ruleId"]: r["ruleIndex"] for r in run["results"]} == {
        "IN001": selected.index("IN001"),
        "PR002": selected.index("PR002"),
    }


# -- JUnit ----------------------------------------------------------------------------


@pytest.mark.parametrize("site", SITES)
def test_junit_has_a_test_case_per_checked_file(runs, site: str) -> None:  # type: ignore[no-untyped-def]
    data = runs[site]["json"].json
    root = ET.fromstring(runs[site]["junit"].out.encode("utf-8"))
    suites = root.findall("testsuite")
    assert len(suites) == 1
    cases = suites[0].findall("testcase")
    assert int(suites[0].get("tests", "")) == len(cases) == data["summary"]["files"]
    failures = [(case.get("name"), f) for case in cases for f in case.findall("failure")]
    assert len(failures) == len(data["diagnostics"])
    failed_files = {d["path"] for d in data["diagnostics"]}
    assert int(suites[0].get("failures", "")) == len(failed_files)
    for (name, failure), d in zip(failures, data["diagnostics"], strict=True):
        assert name == d["path"]
        assert failure.get("type") == d["code"]
        assert failure.get("message") == d["message"]
        assert (failure.text or "").startswith(f"{d['path']}:{d['line']}:{d['column']}: ")


def test_junit_escapes_names(runs) -> None:  # type: ignore[no-untyped-def]
    root = ET.fromstring(runs["fixture"]["junit"].out.encode("utf-8"))
    names = {case.get("name") for case in root.iter("testcase")}
    assert 'support/x&y<z>"q".md' in names


def test_junit_replaces_characters_xml_cannot_carry(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    result = RunResult(
        (Diagnostic(page, 1, 1, "XX001", "x", Severity.ERROR, 'bad \x01 byte <&> "quoted"\nnext'),),
        files=1,
        pairs=0,
        cwd=tmp_path,
        root=tmp_path,
        internal_errors=(InternalError("internal error in XX001 on a.md: \x1b boom"),),
        checked=(page,),
    )
    root = ET.fromstring(junit.render(result).encode("utf-8"))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == 'bad \ufffd byte <&> "quoted"\nnext'
    assert root.find("testsuite").get("errors") == "1"  # type: ignore[union-attr]
    assert "\ufffd boom" in (root.findtext("testsuite/system-err") or "")


# -- related locations (a pair finding), with the test-only pair rule -----------------


def test_pair_findings_carry_the_counterpart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(monkeypatch)
    site = make_site(tmp_path, {"a.md": "本文です。\n", "en/a.md": "Text.\nMISMATCH\n"})
    result = check(site, "--format", "sarif").json["runs"][0]["results"][0]
    assert result["ruleId"] == "ZZ002"
    related = result["relatedLocations"][0]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "a.md"
    assert related["physicalLocation"]["region"] == {"startLine": 1}
    assert related["message"]["text"] == "the Japanese page"
    annotation = check(site, "--format", "github").out
    assert annotation == (
        "::warning file=en/a.md,line=2,col=1,title=ZZ002 pair-marker::"
        "EN says MISMATCH, JA does not%0Asee a.md:1 (the Japanese page)\n"
    )
    junit_out = ET.fromstring(check(site, "--format", "junit").out.encode("utf-8"))
    assert "see a.md:1" in (junit_out.findtext(".//failure") or "")


def test_end_positions_are_passed_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install(monkeypatch)
    site = make_site(tmp_path, {"_a.md": "text FIXME\n"})
    assert check(site, "--format", "github").out == (
        "::error file=_a.md,line=1,col=6,endLine=1,endColumn=11,title=ZZ001 fixme-marker::FIXME: \n"
    )
    region = check(site, "--format", "sarif").json["runs"][0]["results"][0]["locations"][0]
    assert region["physicalLocation"]["region"] == {
        "startLine": 1,
        "startColumn": 6,
        "endLine": 1,
        "endColumn": 11,
    }


def test_no_findings(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"a.md": "本文です。\n", "en/a.md": "Text.\n"})
    assert check(site, "--format", "github").out == ""
    sarif = check(site, "--format", "sarif").json
    assert sarif["runs"][0]["results"] == []
    root = ET.fromstring(check(site, "--format", "junit").out.encode("utf-8"))
    assert [c.get("name") for c in root.iter("testcase")] == ["a.md", "en/a.md"]
    assert list(root.iter("failure")) == []
