"""Inline suppressions, end to end through the CLI.

``ZZ001`` (tests/marker_rules.py) reports each line containing FIXME, so each test reads
as a page with its expected findings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ci_helpers import check
from helpers import make_site
from marker_rules import install


@pytest.fixture(autouse=True)
def _marker_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    install(monkeypatch)


def page(tmp_path: Path, text: str, name: str = "a.md") -> Path:
    """A one-page site (the page is a partial, so no pairing rule reports on it)."""
    return make_site(tmp_path, {f"_{name}": text})


def test_without_directives_every_marker_is_reported(tmp_path: Path) -> None:
    site = page(tmp_path, "FIXME one\n\nFIXME two\n")
    run = check(site)
    assert run.findings == ["_a.md:1 ZZ001", "_a.md:3 ZZ001"]
    assert run.code == 1


def test_disable_next_line_suppresses_only_the_next_line(tmp_path: Path) -> None:
    site = page(
        tmp_path,
        """
        <!-- taiyaku-disable-next-line ZZ001 -->
        FIXME suppressed
        FIXME reported
        """,
    )
    run = check(site)
    assert run.findings == ["_a.md:3 ZZ001"]


def test_next_line_skips_blank_lines_and_other_directives(tmp_path: Path) -> None:
    site = page(
        tmp_path,
        """
        <!-- taiyaku-disable-next-line ZZ001 -->

        <!-- taiyaku-disable-next-line fixme-marker -->
        FIXME suppressed by both
        """,
    )
    run = check(site)
    assert run.findings == []
    assert run.code == 0


def test_several_codes_names_and_a_reason(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            "a.md": "本文です。\n",
            "en/a.md": """
                <!-- taiyaku-disable-next-line ZZ001, pair-marker -- known, see #12 -->
                FIXME and MISMATCH
                """,
        },
    )
    assert check(site).findings == []


def test_codes_separated_by_spaces_and_lower_case(tmp_path: Path) -> None:
    site = page(tmp_path, "<!-- taiyaku-disable-next-line zz001 pr001 -->\nFIXME\n")
    run = check(site, "--select", "ZZ001")
    assert run.findings == []


def test_no_code_means_every_rule(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            "a.md": "本文です。\n",
            "en/a.md": "<!-- taiyaku-disable-next-line -->\nFIXME and MISMATCH\n",
        },
    )
    assert check(site).findings == []


def test_disable_enable_range(tmp_path: Path) -> None:
    site = page(
        tmp_path,
        """
        FIXME before
        <!-- taiyaku-disable ZZ001 -->
        FIXME inside

        FIXME inside too
        <!-- taiyaku-enable ZZ001 -->
        FIXME after
        """,
    )
    assert check(site).findings == ["_a.md:1 ZZ001", "_a.md:7 ZZ001"]


def test_disable_without_enable_runs_to_the_end_of_the_file(tmp_path: Path) -> None:
    site = page(tmp_path, "FIXME before\n<!-- taiyaku-disable -->\nFIXME\n\nFIXME\n")
    assert check(site).findings == ["_a.md:1 ZZ001"]


def test_enable_of_one_code_leaves_the_others_disabled(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            "a.md": "本文です。\n",
            "en/a.md": """
                <!-- taiyaku-disable ZZ001 ZZ002 -->
                FIXME MISMATCH
                <!-- taiyaku-enable ZZ001 -->
                FIXME MISMATCH
                """,
        },
    )
    assert check(site).findings == ["en/a.md:4 ZZ001"]


def test_disable_file_covers_the_whole_file_front_matter_included(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            "support/a.md": """
                ---
                title: FIXME
                ---
                本文です。FIXME

                <!-- taiyaku-disable-file PR001, ZZ001 -->
                """,
            "support/b.md": "本文です。\n",
        },
    )
    run = check(site)
    assert run.findings == ["support/b.md:1 PR001"]


def test_disable_after_front_matter_does_not_reach_line_1(tmp_path: Path) -> None:
    """Only ``taiyaku-disable-file`` reaches findings reported on the first line."""
    site = make_site(
        tmp_path,
        {"support/a.md": "---\ntitle: x\n---\n<!-- taiyaku-disable PR001 -->\n本文です。\n"},
    )
    run = check(site)
    assert run.findings == ["support/a.md:1 PR001", "support/a.md:4 TY100"]


def test_mdx_jsx_comments(tmp_path: Path) -> None:
    site = page(
        tmp_path,
        """
        ---
        title: x
        ---
        import Box from "./Box.astro";

        {/* taiyaku-disable-next-line ZZ001 */}
        FIXME suppressed

        <Box>FIXME reported {/* a plain comment */}</Box>
        """,
        name="a.mdx",
    )
    assert check(site).findings == ["_a.mdx:9 ZZ001"]


def test_mdx_jsx_comments_with_spaces_and_stacked(tmp_path: Path) -> None:
    site = page(
        tmp_path,
        """
        { /* taiyaku-disable-next-line ZZ001 */ }

        {/*
          taiyaku-disable-next-line fixme-marker -- spans lines
        */}
        FIXME suppressed by both
        FIXME reported
        """,
        name="a.mdx",
    )
    assert check(site).findings == ["_a.mdx:7 ZZ001"]


def test_directives_in_code_blocks_are_examples_not_directives(tmp_path: Path) -> None:
    site = page(
        tmp_path,
        """
        ```mdx
        {/* taiyaku-disable-file */}
        <!-- taiyaku-disable-file -->
        ```

        FIXME reported
        """,
        name="a.mdx",
    )
    assert check(site).findings == ["_a.mdx:6 ZZ001"]


def test_jsx_comments_are_not_directives_in_markdown(tmp_path: Path) -> None:
    site = page(tmp_path, "{/* taiyaku-disable-file */}\nFIXME\n")
    assert check(site).findings == ["_a.md:2 ZZ001"]


def test_a_suppressed_error_does_not_fail_the_run(tmp_path: Path) -> None:
    site = page(tmp_path, "<!-- taiyaku-disable-file ZZ001 -->\nFIXME\n")
    run = check(site)
    assert (run.code, run.findings) == (0, [])


# -- pair findings: the comment in the file the finding is reported in ----------------


def test_pair_finding_is_suppressed_in_the_file_it_is_reported_in(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            "a.md": "本文です。\n",
            "en/a.md": "<!-- taiyaku-disable-next-line ZZ002 -->\nMISMATCH\n",
        },
    )
    assert check(site).findings == []


def test_pair_finding_is_not_suppressed_by_the_counterpart(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            "a.md": "<!-- taiyaku-disable-file ZZ002 -->\n本文です。\n",
            "en/a.md": "MISMATCH\n",
        },
    )
    run = check(site)
    assert run.findings == ["a.md:1 TY100", "en/a.md:1 ZZ002"]


# -- TY100 unused-suppression ----------------------------------------------------------


def test_unused_directive_is_reported(tmp_path: Path) -> None:
    site = page(tmp_path, "<!-- taiyaku-disable-next-line ZZ001 -->\nfixed now\n")
    run = check(site)
    assert run.messages == [
        "_a.md:1 TY100 unused `taiyaku-disable-next-line` directive (unused: ZZ001)"
    ]
    assert run.json["diagnostics"][0]["severity"] == "warning"
    assert run.code == 0


def test_only_the_unused_codes_are_named(tmp_path: Path) -> None:
    site = page(tmp_path, "<!-- taiyaku-disable-next-line ZZ001 ZZ002 -->\nFIXME\n")
    assert check(site).messages == [
        "_a.md:1 TY100 unused `taiyaku-disable-next-line` directive (unused: ZZ002)"
    ]


def test_unknown_codes_are_reported(tmp_path: Path) -> None:
    site = page(tmp_path, "<!-- taiyaku-disable-next-line ZZ001, XX999 -->\nFIXME\n")
    assert check(site).messages == [
        "_a.md:1 TY100 unused `taiyaku-disable-next-line` directive (unknown: XX999)"
    ]


def test_a_mistyped_directive_is_reported(tmp_path: Path) -> None:
    site = page(tmp_path, "<!-- taiyaku-disable-nextline ZZ001 -->\nFIXME\n")
    run = check(site)
    assert run.findings == ["_a.md:1 TY100", "_a.md:2 ZZ001"]
    assert "unknown directive `taiyaku-disable-nextline`" in run.messages[0]


def test_enable_without_disable_is_reported(tmp_path: Path) -> None:
    site = page(tmp_path, "text\n<!-- taiyaku-enable ZZ001 -->\n")
    assert check(site).messages == [
        "_a.md:2 TY100 unused `taiyaku-enable` directive (no open `taiyaku-disable ZZ001`)"
    ]


def test_unused_blanket_directive_is_reported(tmp_path: Path) -> None:
    site = page(tmp_path, "<!-- taiyaku-disable-file -->\nclean\n")
    assert check(site).messages == [
        "_a.md:1 TY100 unused blanket `taiyaku-disable-file` directive: it suppresses nothing"
    ]


def test_directive_for_an_unselected_rule_is_not_unused(tmp_path: Path) -> None:
    site = page(tmp_path, "<!-- taiyaku-disable-file PR001 -->\n<!-- taiyaku-disable ZZ002 -->\n")
    assert check(site, "--select", "ZZ001,TY").findings == []


def test_blanket_directive_is_not_unused_when_some_rules_did_not_run(tmp_path: Path) -> None:
    site = page(tmp_path, "<!-- taiyaku-disable-file -->\nclean\n")
    assert check(site, "--ignore", "ZZ002").findings == []


def test_ty100_can_be_ignored(tmp_path: Path) -> None:
    site = page(tmp_path, "<!-- taiyaku-disable-file ZZ001 -->\nclean\n")
    assert check(site, "--ignore", "TY100").findings == []


def test_ty100_can_itself_be_suppressed(tmp_path: Path) -> None:
    site = page(
        tmp_path,
        "<!-- taiyaku-disable-file TY100 -- kept for the next edition -->\n"
        "<!-- taiyaku-disable-next-line ZZ001 -->\nclean\n",
    )
    assert check(site).findings == []


def test_ty100_reports_only_on_checked_files(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            "_a.md": "<!-- taiyaku-disable-file ZZ001 -->\nclean\n",
            "_b.md": "<!-- taiyaku-disable-file ZZ001 -->\nclean\n",
        },
    )
    assert check(site, "_b.md").findings == ["_b.md:1 TY100"]


def test_rule_documentation(tmp_path: Path) -> None:
    from ci_helpers import taiyaku

    run = taiyaku(tmp_path, "rule", "TY100")
    assert run.code == 0
    assert run.out.startswith("TY100 unused-suppression (default severity: warning")
    assert "## Why is this bad?" in run.out
