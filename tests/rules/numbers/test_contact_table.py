"""Every row of the contact notation table: what extract_contacts reads, in order."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from helpers import REPO
from taiyaku.knowledge.quantities import extract_contacts

ROWS: list[list[Any]] = yaml.safe_load(
    (REPO / "tests" / "data" / "contact_notations.yaml").read_text("utf-8")
)["rows"]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[row[0] for row in ROWS])
def test_contact_notation(text: str, expected: list[list[str]]) -> None:
    found = [[contact.kind, contact.value] for contact in extract_contacts(text)]
    assert found == expected


def test_each_contact_is_quoted_at_its_own_offsets() -> None:
    text = "電話：（０３）５８４１－２３４５，〒１１３－８６５４"
    for contact in extract_contacts(text):
        assert text[contact.start : contact.end] == contact.text
