"""JUnit XML: one test suite, one test case per checked file, a failure per finding.

Clean files are passing test cases, so a CI dashboard shows what was checked.  Each
``<failure>`` has the rule code as ``type``, the message as ``message``, and
``path:line:col: CODE [name] severity: message`` as text.  Internal errors are counted in
the suite's ``errors`` and listed in its ``<system-err>``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from taiyaku.model.diagnostics import Diagnostic

if TYPE_CHECKING:
    from taiyaku.run.result import RunResult

# Characters XML 1.0 cannot carry at all, not even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render(result: RunResult) -> str:
    by_path: dict[Path, list[Diagnostic]] = defaultdict(list)
    for d in result.diagnostics:
        by_path[d.path].append(d)
    paths = sorted({*result.checked, *by_path}, key=result.display)
    failed = sum(1 for p in paths if by_path.get(p))
    attrs = {
        "name": "taiyaku",
        "tests": str(len(paths)),
        "failures": str(failed),
        "errors": str(len(result.internal_errors)),
    }
    root = ET.Element("testsuites", attrs)
    suite = ET.SubElement(root, "testsuite", {**attrs, "skipped": "0"})
    for path in paths:
        name = _clean(Path(result.display(path)).as_posix())
        case = ET.SubElement(suite, "testcase", name=name, classname="taiyaku", file=name)
        for d in by_path.get(path, ()):
            failure = ET.SubElement(case, "failure", type=d.code, message=_clean(d.message))
            where = f"{name}:{d.line}:{d.column}"
            text = f"{where}: {d.code} [{d.name}] {d.severity.value}: {d.message}"
            for related in d.related:
                text += f"\nsee {Path(result.display(related.path)).as_posix()}:{related.line}"
            failure.text = _clean(text)
    if result.internal_errors:
        err = ET.SubElement(suite, "system-err")
        err.text = _clean("\n".join(e.message for e in result.internal_errors))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
