"""Zero-config on the sites people have: each generator's fixture site, checked with no
flags and no config, gives the findings explicit flags give; a page given alone checks
its own site only; nothing is read that a site does not publish."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from helpers import REPO, make_site
from taiyaku.cli import main

FIXTURES = REPO / "tests" / "fixtures" / "sites"

# generator fixture → the flags that say what detection must find
EXPLICIT = {
    "astro": ["--root", "src/pages", "--layout", "prefix", "--url-style", "preserve",
              "--source-language", "ja", "--site-url", "https://help.example.ac.jp"],
    "hugo": ["--root", "content", "--layout", "suffix", "--url-style", "pretty",
             "--source-language", "en", "--site-url", "https://docs.example.org/"],
    "jekyll": ["--root", ".", "--layout", "prefix", "--url-style", "jekyll",
               "--source-language", "ja", "--site-url", "https://example.github.io/help"],
    "docusaurus": ["--root", ".", "--layout", "docusaurus", "--url-style", "preserve",
                   "--source-language", "en", "--site-url", "https://docs.example.org/"],
    "vitepress": ["--root", ".", "--layout", "prefix", "--url-style", "preserve",
                  "--source-language", "en"],
    "starlight": ["--root", "src/content/docs", "--layout", "prefix", "--url-style", "pretty",
                  "--source-language", "en", "--site-url", "https://docs.example.org"],
    "mkdocs": ["--root", "docs", "--layout", "suffix", "--url-style", "pretty",
               "--source-language", "en", "--site-url", "https://example.org/docs/"],
}  # fmt: skip


@pytest.fixture
def sites(tmp_path: Path) -> Path:
    """The fixture sites, copied out of this repository (whose own config is above them)."""
    shutil.copytree(FIXTURES, tmp_path / "sites")
    return tmp_path / "sites"


def findings(
    capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, list[tuple[str, int, str, str]], dict[str, object]]:
    code = main(["check", "--no-cache", "--format", "json", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    data = json.loads(out)
    found = [(d["path"], d["line"], d["code"], d["message"]) for d in data["diagnostics"]]
    return code, found, data["summary"]


def broken_links(
    site: Path,
    files: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> list[str]:
    """The targets of the LK001 findings on the site of ``files``, checked with no flags
    and no config from its folder."""
    make_site(site, files)
    monkeypatch.chdir(site)
    _code, found, _summary = findings(capsys)
    return [m.split()[2].rstrip(":") for _p, _l, c, m in found if c == "LK001"]


@pytest.mark.parametrize("generator", sorted(EXPLICIT))
def test_no_flags_and_no_config_give_what_explicit_flags_give(
    generator: str,
    sites: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(sites / generator)
    code, detected, summary = findings(capsys)
    _code, explicit, _summary = findings(capsys, "--no-config", *EXPLICIT[generator])
    assert detected == explicit
    codes = sorted({c for _p, _l, c, _m in detected})
    assert {"TM001", "LK001"} <= set(codes), detected  # the hours mismatch, the broken link
    assert code == 1
    setup = summary["setup"]
    assert setup["generator"].lower() == generator  # type: ignore[index]


# where the user stands, what they name → the same findings as at the site's top with "."
WHERE_THE_USER_STANDS = [
    ("hugo", "", ["."]),  # the site's folder above its content root names the whole site
    ("hugo/content", "content/", []),  # inside the content folder, no path: still the Hugo site
    ("hugo", "content/support", ["content/support"]),  # a folder inside the content root
    ("mkdocs/docs", "docs/", []),
    ("astro", "", ["src/pages"]),
]


@pytest.mark.parametrize(("cwd", "prefix", "args"), WHERE_THE_USER_STANDS)
def test_the_site_is_found_wherever_the_user_stands_in_it(
    cwd: str,
    prefix: str,
    args: list[str],
    sites: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    generator = cwd.split("/")[0]
    monkeypatch.chdir(sites / generator)
    _code, at_top, top_summary = findings(capsys)
    monkeypatch.chdir(sites / cwd)
    _code, here, summary = findings(capsys, *args)
    shown_from_top = [
        (p.removeprefix(prefix), line, c, m.replace(prefix, "")) for p, line, c, m in at_top
    ]
    shown_here = [
        (p.removeprefix(prefix), line, c, m.replace(prefix, "")) for p, line, c, m in here
    ]
    assert shown_here == shown_from_top
    assert summary["setup"]["generator"] == top_summary["setup"]["generator"]  # type: ignore[index]


def test_jekyll_reads_markdown_pages_and_not_a_readme_without_front_matter(
    sites: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(sites / "jekyll")
    _code, found, summary = findings(capsys)
    assert summary["files"] == 2 and summary["pairs"] == 1
    assert not [f for f in found if f[0] == "README.md"]


def test_an_absolute_link_to_the_site_itself_is_an_internal_link(
    sites: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(sites / "astro")
    _code, found, _summary = findings(capsys)
    assert (
        "src/pages/en/support/desk.md",
        7,
        "LK001",
        "broken link https://help.example.ac.jp/en/support/form: no page, file or redirect there",
    ) in found


def test_an_english_first_docusaurus_site_reports_no_japanese_translation(
    sites: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(sites / "docusaurus")
    _code, found, summary = findings(capsys)
    assert (
        "docs/intro.md",
        1,
        "PR001",
        "no Japanese translation (expected i18n/ja/docusaurus-plugin-content-docs/current/intro.md)",
    ) in found
    assert summary["pairs"] == 1
    # the untranslated doc is served in English at /ja/docs/intro: a link to it works
    assert not [f for f in found if f[2] == "LK001" and "intro" in f[3]]
    # the translation is where the findings of the pair land
    assert [f[0] for f in found if f[2] == "TM001"] == [
        "i18n/ja/docusaurus-plugin-content-docs/current/hours.md"
    ]


def test_a_misnamed_language_code_is_one_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(
        tmp_path,
        {
            "hugo.toml": 'defaultContentLanguage = "en"\n[languages.en]\n[languages.ja]\n',
            "content/news/item.en.md": "---\ntitle: Item\n---\nNews.\n",
            "content/news/item.jp.md": "---\ntitle: 記事\n---\nお知らせ．\n",
        },
    )
    monkeypatch.chdir(site)
    _code, found, _summary = findings(capsys)
    assert found == [
        (
            "content/news/item.jp.md",
            1,
            "PR003",
            "'.jp' is not a language code: Japanese is '.ja' (rename to news/item.ja.md, "
            "which pairs with news/item.en.md)",
        )
    ]


def test_a_page_given_alone_checks_its_own_site_only(
    sites: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Was: `cd /tmp && taiyaku check some/site/page.md` made /tmp the root, indexed all of
    it and grew to 24 GB."""
    crowd = tmp_path / "crowd"
    for i in range(100):
        folder = crowd / f"d{i}"
        folder.mkdir(parents=True)
        for j in range(100):
            (folder / f"f{j}.md").write_text("# not a page of the site\n", encoding="utf-8")
    shutil.move(str(sites / "astro"), tmp_path / "astro")
    import taiyaku.site.discovery as discovery

    scanned: list[str] = []
    real_scandir = os.scandir

    def watching(path):  # type: ignore[no-untyped-def]
        scanned.append(str(path))
        return real_scandir(path)

    monkeypatch.setattr(discovery.os, "scandir", watching)
    monkeypatch.chdir(tmp_path)
    _code, found, summary = findings(capsys, "astro/src/pages/support/desk.md")
    assert summary["files"] == 2  # the page and its counterpart
    assert all("/astro/" in folder for folder in scanned), scanned[:5]
    assert {f[0] for f in found} <= {
        "astro/src/pages/support/desk.md",
        "astro/src/pages/en/support/desk.md",
    }


def test_a_top_folder_over_20000_files_without_config_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import taiyaku.run.setup

    monkeypatch.setattr(taiyaku.run.setup, "MAX_UNCONFIGURED_FILES", 50)
    for i in range(60):
        (tmp_path / f"f{i}.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.md").write_text("本文\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--no-config", "--no-cache"])
    err = capsys.readouterr().err
    assert code == 2
    assert "holds over 50 files and no configuration names it as the content root" in err


def test_no_pages_with_no_path_named_is_an_error_with_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "src" / "pages").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--no-config", "--no-cache"])
    err = capsys.readouterr().err
    assert code == 2
    assert "no pages under . — the pages are probably in src/pages: --root src/pages" in err


def test_a_fifo_named_like_a_page_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Was: a FIFO named page.md hung the run."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    site = make_site(tmp_path / "content", {"a.md": "---\ntitle: a\n---\n本文\n"})
    os.mkfifo(site / "page.md")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--no-config", "--cache", "content"])
    err = capsys.readouterr().err
    assert code in (0, 1)
    assert "page.md: skipped: not a regular file" in err


def test_hidden_dependency_and_ignored_folders_are_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(
        tmp_path / "content",
        {
            "a.md": "---\ntitle: a\n---\n本文\n",
            "node_modules/pkg/README.md": "[x](./missing)\n",
            ".cache/b.md": "[x](./missing)\n",
            "drafts/c.md": "[x](./missing)\n",
            ".gitignore": "drafts/\n",
        },
    )
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    _code, found, summary = findings(capsys, "--no-config", "content")
    assert summary["files"] == 1
    assert not [f for f in found if f[2] == "LK001"]
    assert site.is_dir()


def test_excluded_pages_exist_but_are_not_reported(tmp_path: Path) -> None:
    """Was: `exclude` removed pages from the site, so links into them were LK001 and a
    page whose translation was excluded got PR001 naming a file that exists."""
    from helpers import lint

    site = make_site(
        tmp_path,
        {
            "a.md": "---\ntitle: a\n---\n[下書き](./drafts/b)\n",
            "en/a.md": "---\ntitle: a\n---\n[x](./missing)\n",
            "drafts/b.md": "---\ntitle: b\n---\n[x](./missing)\n",
            "c.md": "---\ntitle: c\n---\n本文\n",
            "en/c.md": "---\ntitle: c\n---\n[x](./missing-too)\n",
        },
    )
    assert lint(site, exclude=["drafts/**", "en/c.md"], select=["LK001", "PR"]) == [
        "en/a.md:4 LK001 broken link ./missing (→ /en/missing): no page, file or redirect there"
    ]


@pytest.mark.parametrize(
    ("in_subdir", "broken"),
    [
        ("true", []),  # /en/support/ is the English section's URL
        ("false", ["/en/support/"]),  # the English section is at /support/
    ],
)
def test_hugo_default_language_in_subdir_gives_the_source_pages_their_prefix(
    in_subdir: str,
    broken: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    targets = broken_links(
        tmp_path,
        {
            "hugo.toml": 'defaultContentLanguage = "en"\n'
            f"defaultContentLanguageInSubdir = {in_subdir}\n"
            "[languages.en]\nweight = 1\n[languages.ja]\nweight = 2\n",
            "content/support/_index.md": "---\ntitle: Support\n---\n\nHelp.\n",
            "content/support/_index.ja.md": "---\ntitle: サポート\n---\n\nヘルプ．\n",
            "content/support/desk.md": "---\ntitle: Desk\n---\n\nSee [support](/en/support/).\n",
            "content/support/desk.ja.md": "---\ntitle: 窓口\n---\n\n[サポート](/ja/support/)．\n",
        },
        monkeypatch,
        capsys,
    )
    assert targets == broken


def test_starlight_with_a_folder_per_locale_serves_each_language_under_its_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = (
        'import starlight from "@astrojs/starlight";\n'
        "export default { integrations: [starlight({ defaultLocale: 'en',\n"
        "  locales: { en: { label: 'English' }, ja: { label: '日本語' } } })] };\n"
    )
    make_site(
        tmp_path,
        {
            "astro.config.mjs": config,
            "src/content/docs/en/start.md": "---\ntitle: Start\n---\n\nSee [the desk](/en/desk/).\n",
            "src/content/docs/en/desk.md": "---\ntitle: Desk\n---\n\nOpen 9 a.m. to 5 p.m.\n",
            "src/content/docs/ja/desk.md": "---\ntitle: 窓口\n---\n\n9時から18時まで開いています．\n",
            "src/content/docs/ja/start.md": "---\ntitle: 開始\n---\n\n[窓口](/desk/)をご覧ください．\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    _code, found, summary = findings(capsys)
    assert summary["pairs"] == 2
    assert summary["setup"]["settings"]["layout"]["value"] == "dirs"  # type: ignore[index]
    # /en/desk/ is the English page; /desk/ is no page: every language has its prefix
    assert [(p, c) for p, _l, c, _m in found if c in ("LK001", "TM001")] == [
        ("src/content/docs/ja/desk.md", "TM001"),
        ("src/content/docs/ja/start.md", "LK001"),
    ]


JEKYLL_POST_LINKS = [
    # (permalink in _config.yml, link, broken?)
    ("date", "/2024/01/02/hello.html", False),
    ("date", "/2024/01/02/hello", False),
    ("date", "/news/2023/05/06/update.html", False),  # a category folder before the date
    ("date", "/2024/01/03/hello.html", True),  # no post of that day
    ("pretty", "/2024/01/02/hello/", False),
    ("/blog/:title/", "/blog/hello/", False),  # a pattern taiyaku does not compute
    ("/blog/:title/", "/blog/goodbye/", True),
    # an HTML page with front matter is rendered at its permalink
    ("date", "/contact-us/", False),
    ("date", "/contact-us", False),
    ("date", "/contact-usa/", True),
]


@pytest.mark.parametrize(("permalink", "link", "broken"), JEKYLL_POST_LINKS)
def test_jekyll_posts_are_link_targets(
    permalink: str,
    link: str,
    broken: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_site(
        tmp_path,
        {
            "_config.yml": f"title: x\npermalink: {permalink}\n",
            "_posts/2024-01-02-hello.md": "---\ntitle: Hello\n---\nHi.\n",
            "news/_posts/2023-05-06-update.markdown": "---\ntitle: Update\n---\nNew.\n",
            "contact.html": "---\ntitle: Contact\npermalink: /contact-us/\n---\n<p>Mail us.</p>\n",
            "index.md": f"---\ntitle: Home\n---\n\nSee [the post]({link}).\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    _code, found, summary = findings(capsys)
    assert summary["files"] == 1  # posts are targets, not pages to check
    assert [c for _p, _l, c, _m in found if c == "LK001"] == (["LK001"] if broken else [])


@pytest.mark.parametrize(
    ("files", "link"),
    [
        (
            {"hugo.toml": 'defaultContentLanguage = "en"\n', "static/img/logo.png": ""},
            "/img/logo.png",
        ),
        ({"hugo.toml": 'staticDir = ["assets-out"]\n', "assets-out/a.pdf": ""}, "/a.pdf"),
        ({"astro.config.mjs": "export default {};\n", "public/logo.png": ""}, "/logo.png"),
    ],
)
def test_a_generators_static_folder_is_served_at_the_root(
    files: dict[str, str],
    link: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pages = "src/pages" if "astro.config.mjs" in files else "content"
    page = f"---\ntitle: Desk\n---\n\nSee [the file]({link}) and [no file](/nothing.png).\n"
    make_site(tmp_path, {**files, f"{pages}/desk.md": page})
    monkeypatch.chdir(tmp_path)
    _code, found, _summary = findings(capsys)
    assert [m.split()[2] for _p, _l, c, m in found if c == "LK001"] == ["/nothing.png:"]


def test_a_changed_generator_config_is_never_answered_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # uglyURLs decides whether /desk/ or /desk.html is the page's address; hugo.toml is
    # outside the content root, so no page's bytes change when it does
    make_site(
        tmp_path,
        {
            "hugo.toml": 'defaultContentLanguage = "en"\n',
            "content/desk.md": "---\ntitle: Desk\n---\n\nDesk.\n",
            "content/index.md": "---\ntitle: Home\n---\n\n[Desk](/desk/)\n",
        },
    )
    monkeypatch.chdir(tmp_path)

    def lk001(*flags: str) -> list[str]:
        assert main(["check", "--format", "json", "--select", "LK001", *flags]) in (0, 1)
        data = json.loads(capsys.readouterr().out)
        return [d["message"] for d in data["diagnostics"]]

    assert lk001() == []
    (tmp_path / "hugo.toml").write_text('defaultContentLanguage = "en"\nuglyURLs = true\n')
    fresh = lk001("--no-cache")
    assert fresh and lk001() == fresh


MKDOCS_I18N = """\
site_name: x
plugins:
  - i18n:
      docs_structure: folder
{fallback}      languages:
        - locale: en
          default: true
        - locale: ja
"""


@pytest.mark.parametrize(
    ("fallback", "broken"),
    [
        ("", []),  # the i18n plugin builds /ja/guide/other/ from the English page
        ("      fallback_to_default: false\n", ["other.md", "/ja/guide/other/"]),
    ],
)
def test_a_link_to_an_untranslated_page_where_the_generator_falls_back(
    fallback: str,
    broken: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    targets = broken_links(
        tmp_path,
        {
            "mkdocs.yml": MKDOCS_I18N.format(fallback=fallback),
            "docs/en/guide/desk.md": "# Desk\n\nSee [other](other.md).\n",
            "docs/en/guide/other.md": "# Other\n\nText.\n",
            "docs/ja/guide/desk.md": "# 窓口\n\n[その他](other.md)と[その他](/ja/guide/other/)．\n",
        },
        monkeypatch,
        capsys,
    )
    assert targets == broken


DOCUSAURUS_LINKS = [
    # (link on docs/intro.md, broken?)
    ("/blog/2024/01/02/hello", False),  # blog/2024-01-02-hello.md
    ("/blog/2024/03/04/folder-post", False),  # blog/2024-03-04-folder-post/index.md
    ("/blog/2024/01/03/hello", True),  # no post that day
    ("/blog/tags/news", False),  # pages the blog generates
    ("/blog/archive", False),
    ("/ja/blog/2024/01/02/hello", False),  # untranslated: served from the English post
    ("/docs/setup", False),  # docs/02-setup.md: the number prefix is no part of it
]


@pytest.mark.parametrize(("link", "broken"), DOCUSAURUS_LINKS)
def test_docusaurus_blog_posts_and_generated_pages_are_link_targets(
    link: str,
    broken: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    targets = broken_links(
        tmp_path,
        {
            "docusaurus.config.js": 'module.exports = { url: "https://ex.org", baseUrl: "/" };\n',
            "docs/intro.md": f"# Intro\n\nSee [it]({link}).\n",
            "docs/02-setup.md": "# Setup\n\nSteps.\n",
            "blog/2024-01-02-hello.md": "---\ntitle: Hello\n---\n\nHi.\n",
            "blog/2024-03-04-folder-post/index.md": "---\ntitle: Folder\n---\n\nHi.\n",
            "i18n/ja/docusaurus-plugin-content-docs/current/intro.md": "# はじめに\n\n本文．\n",
        },
        monkeypatch,
        capsys,
    )
    assert bool(targets) is broken


def test_the_readme_lists_every_generator_detected() -> None:
    from taiyaku.site.generators import GENERATORS

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Your site", 1)[1].split("\n\n", 3)[2]
    rows = [line.split("|")[1].strip() for line in table.splitlines()[2:]]
    assert sorted(r.split(" (")[0] for r in rows) == sorted(GENERATORS)
