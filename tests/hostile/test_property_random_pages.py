"""Property: random pages (front matter, Markdown, HTML, JSX, Japanese, English) never
crash the checker and always give well-formed JSON output."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import REPO, make_site, run_site
from taiyaku.output.json_format import render

SCHEMA = json.loads((REPO / "docs" / "output.schema.json").read_text(encoding="utf-8"))

fragments = st.sampled_from(
    [
        "平日8時25分から18時30分まで",
        "午後6時30分",
        "９：００～１７：００",
        "2025年3月15日（金）",
        "8:25 a.m.-6:30 p.m. on weekdays",
        "Saturday, March 15, 2025",
        "25:00",
        "13:00 p.m.",
        "[link](../x/)",
        "[ref][r]",
        "[r]: /y#z",
        "![img](./a.png)",
        '<a href="#nowhere">',
        '<div id="d">',
        "</div>",
        '<Box href="/x" />',
        "{/* c */}",
        "import X from 'y'",
        "# 見出し",
        "## Heading / 見出し",
        "{:#ial}",
        "- item",
        "> quote",
        "```",
        "|a|b|\n|-|-|",
        "学生スタッフが対応にあたっています",
        "only through the email form",
        "**bold**",
        "<!-- taiyaku-disable TM001 -->",
        "\t",
        "\r\n",
        "\x0b",
        "\ufeff",
        "&amp;",
        "<",
        "*",
        "_",
    ]
)
bodies = st.lists(st.one_of(fragments, st.text(max_size=20)), max_size=25).map("\n".join)
yaml_values = st.one_of(
    st.text(max_size=15),
    st.booleans(),
    st.integers(),
    st.just("[unclosed"),
    st.just("&a [*a]"),
    st.just("!!python/object:os.system x"),
    st.just("{a: 1}"),
)
front_matter = st.one_of(
    st.just(""),
    st.dictionaries(
        st.sampled_from(["title", "tilte", "toc", "support", "breadcrumb", "redirect_from", "x"]),
        yaml_values,
        max_size=4,
    ).map(lambda d: "---\n" + "".join(f"{k}: {v}\n" for k, v in d.items()) + "---\n"),
    st.text(max_size=30).map(lambda t: f"---\n{t}\n---\n"),
    st.just("---\nunclosed: true\n"),
)
pages = st.tuples(front_matter, bodies).map("".join)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(ja=pages, en=pages, mdx=st.booleans())
def test_random_pages_never_crash_and_json_is_valid(ja: str, en: str, mdx: bool) -> None:
    suffix = ".mdx" if mdx else ".md"
    with tempfile.TemporaryDirectory() as folder:
        root = make_site(Path(folder), {f"a/page{suffix}": "", f"en/a/page{suffix}": ""})
        (root / f"a/page{suffix}").write_text(ja, encoding="utf-8", errors="surrogatepass")
        (root / f"en/a/page{suffix}").write_text(en, encoding="utf-8", errors="surrogatepass")
        result = run_site(root, max_page_seconds=10)
        assert result.internal_errors == ()
        data = json.loads(render(result))
        jsonschema.validate(data, SCHEMA)
        assert data["summary"]["files"] == 2
