"""Generate the rule documentation from the rules' own docstrings.

``python -m taiyaku.docgen`` rewrites the rule table in README.md (between the
``rules-table`` markers) and docs/rules.md.  A test keeps both current.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from taiyaku.model.diagnostics import rule_anchor
from taiyaku.rules.registry import all_rules

START, END = "<!-- rules-table:start -->", "<!-- rules-table:end -->"


def rules_table() -> str:
    lines = ["| Code | Name | Severity | Scope | What it checks |", "|---|---|---|---|---|"]
    for rule in all_rules():
        anchor = f"docs/rules.md#{rule_anchor(rule.CODE, rule.NAME)}"
        lines.append(
            f"| [{rule.CODE}]({anchor}) | `{rule.NAME}` | {rule.SEVERITY.value} | "
            f"{rule.SCOPE} | {rule.doc().summary} |"
        )
    return "\n".join(lines)


def rules_document() -> str:
    parts = [
        "# Rules",
        "",
        "Generated from each rule's docstring by `python -m taiyaku.docgen`; "
        "`taiyaku rule CODE` prints the same text.",
        "",
    ]
    for rule in all_rules():
        body = re.sub(r"^## ", "#### ", rule.doc().text, flags=re.MULTILINE)
        parts += [
            f"## {rule.CODE} {rule.NAME}",
            "",
            f"Default severity: **{rule.SEVERITY.value}**; scope: {rule.SCOPE}.",
            "",
            body,
            "",
        ]
        if rule.OPTIONS:
            parts += [re.sub(r"^## ", "#### ", rule.options_doc(), flags=re.MULTILINE), ""]
    return "\n".join(parts)


def replace_table(readme: str) -> str:
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
    return pattern.sub(f"{START}\n{rules_table()}\n{END}", readme)


def main(repo: Path | None = None) -> int:
    repo = repo or Path.cwd()
    readme = repo / "README.md"
    readme.write_text(replace_table(readme.read_text(encoding="utf-8")), encoding="utf-8")
    (repo / "docs").mkdir(exist_ok=True)
    (repo / "docs" / "rules.md").write_text(rules_document(), encoding="utf-8")
    print("updated README.md and docs/rules.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
