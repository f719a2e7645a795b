"""Hostile and broken input: never a traceback, never a lost file, never a read outside
the root.  Each case shows the input beside what taiyaku must say about it."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from helpers import make_site
from taiyaku.cli import main

TITLE = "---\ntitle: t\n---\n"

BILLION_LAUGHS = (
    "---\n"
    + "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))
    + "---\nbody\n"
)

# file → the codes it must get (beyond PR001, which every lone JA page gets)
CASES: dict[str, tuple[bytes | str, set[str]]] = {
    "invalid-utf8.md": (b"---\ntitle: x\n---\nabc \xff\xfe def\n", {"IN001"}),
    "shift-jis.md": (
        "---\ntitle: テスト\n---\n平日8時から受け付けております。\n".encode("shift_jis"),
        {"IN001"},
    ),
    "bom.md": (("\ufeff" + TITLE + "本文です。\n").encode(), set()),
    "crlf.md": ((TITLE.replace("\n", "\r\n") + "本文\r\n").encode(), set()),
    "bare-cr.md": ((TITLE.replace("\n", "\r") + "本文\r").encode(), set()),
    "nul.md": (b"abc\x00def", {"IN001"}),
    "empty.md": (b"", set()),
    "long-line.md": (TITLE + "x" * 1_000_000 + "\n", set()),
    "deep-lists.md": (TITLE + "".join("  " * i + "- a\n" for i in range(1000)), set()),
    "deep-quotes.md": (TITLE + ">" * 1000 + " deep\n", set()),
    "unclosed-html.md": (TITLE + "<div>\n<span>\ntext\n", set()),
    "unclosed-jsx.mdx": (TITLE + '<Box href="/x">\n text {oops\n', set()),
    "unclosed-jsx-comments.mdx": (TITLE + "{/* never closed\n" * 50_000, set()),
    "billion-laughs.md": (BILLION_LAUGHS, set()),
    "yaml-list.md": ("---\n- a\n- b\n---\nx\n", set()),
    "yaml-scalar.md": ("---\njust a string\n---\nx\n", set()),
    "yaml-unclosed.md": ("---\ntitle: x\nbody\n", set()),
    "yaml-tabs.md": ("---\ntitle: x\nbreadcrumb:\n\ttitle: y\n---\nx\n", set()),
    "yaml-duplicate.md": ("---\ntitle: x\ntitle: y\n---\nx\n", set()),
    "yaml-python-object.md": (
        "---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\n",
        set(),
    ),
}


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@pytest.fixture
def hostile_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = tmp_path / "content"
    make_site(site, {name: content for name, (content, _codes) in CASES.items()})
    monkeypatch.chdir(tmp_path)
    return site


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict, str]:
    code = main(["check", "--no-config", "--format", "json", *args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out else {}), err


def test_every_bad_file_gets_a_diagnostic_and_the_rest_are_still_checked(
    hostile_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(hostile_site)
    code, data, err = run_json(capsys, "content")
    assert "Traceback" not in err
    assert code in (0, 1)
    got: dict[str, set[str]] = {}
    for d in data["diagnostics"]:
        got.setdefault(Path(d["path"]).name, set()).add(d["code"])
    for name, (_content, expected) in CASES.items():
        codes = got.get(name, set()) - {"PR001"}
        assert expected <= codes, (name, codes)
        assert "PR001" in got.get(name, set()), f"{name} was not checked at all"
    assert data["summary"]["files"] == len(CASES)
    assert snapshot(hostile_site) == before, "taiyaku must never modify the user's files"


def test_shift_jis_is_named(hostile_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, data, _ = run_json(capsys, "content/shift-jis.md", "--root", "content")
    messages = [d["message"] for d in data["diagnostics"] if d["code"] == "IN001"]
    assert messages == ["file is not valid UTF-8; it looks like Shift_JIS: convert it to UTF-8"]


def test_line_numbers_survive_crlf_and_bare_cr(tmp_path: Path) -> None:
    from taiyaku.parse.document import read_document

    for newline in ("\r\n", "\r"):
        path = tmp_path / "p.md"
        path.write_bytes(f"---{newline}title: t{newline}---{newline}a{newline}b".encode())
        doc = read_document(path, "p.md")
        assert [(b.text, b.line) for b in doc.blocks] == [("a\nb", 4)]


def test_a_huge_page_is_reported_not_parsed(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    make_site(tmp_path / "content", {"big.md": TITLE + "平日9時から17時まで。\n" * 400_000})
    monkeypatch.chdir(tmp_path)
    code, data, _ = run_json(capsys, "content")
    assert [d["code"] for d in data["diagnostics"]] == ["IN002", "PR001"]
    assert code == 0


def test_a_5_mb_page_is_checked_in_full(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """Under the 5 MiB limit, a 5,000,000-byte page is parsed, analysed and checked."""
    line = "サポート窓口では学生スタッフが対応にあたっています。This page is long.\n\n"
    body = line * (5_000_000 // len(line.encode()))
    make_site(tmp_path / "content", {"five.md": TITLE + body + "[broken](./nowhere)\n"})
    monkeypatch.chdir(tmp_path)
    code, data, err = run_json(capsys, "content")
    assert "Traceback" not in err
    assert sorted(d["code"] for d in data["diagnostics"]) == ["LK001", "PR001"]  # last line too
    assert code == 1


def test_links_that_climb_out_of_the_root_are_reported_and_never_followed(
    tmp_path: Path,
    monkeypatch,
    capsys,
) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: outside\n---\n# Secret\n", encoding="utf-8")
    make_site(
        tmp_path / "content",
        {
            "a/b.md": TITLE
            + "[up](../../secret.md) [url](../../../secret) [anchor](../../secret.md#secret)\n",
        },
    )
    opened: list[str] = []
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        opened.append(str(self.resolve()))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.chdir(tmp_path)
    code, data, _ = run_json(capsys, "content")
    codes = [d["code"] for d in data["diagnostics"]]
    assert codes.count("LK005") == 3, data["diagnostics"]
    assert str(secret.resolve()) not in opened
    assert code == 1


def test_a_100000_line_page_is_checked(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    make_site(
        tmp_path / "content", {"lines.md": TITLE + "".join(f"line {i}\n\n" for i in range(100_000))}
    )
    monkeypatch.chdir(tmp_path)
    code, data, err = run_json(capsys, "content")
    assert code == 0 and "Traceback" not in err
    assert [d["code"] for d in data["diagnostics"]] == ["PR001"]


def test_a_page_past_the_time_limit_becomes_a_diagnostic(
    tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    make_site(
        tmp_path / "content",
        {
            "slow.md": TITLE + "".join(f"p {i}\n\n" for i in range(60_000)),
            "fine.md": TITLE + "ok\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    code, data, _ = run_json(capsys, "content", "--max-page-seconds", "0.05")
    got = sorted((Path(d["path"]).name, d["code"]) for d in data["diagnostics"])
    assert ("slow.md", "IN003") in got
    assert ("fine.md", "PR001") in got  # the rest of the site is still checked
    assert code == 0


def test_symlinks_loops_and_links_out_of_the_root(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    outside = tmp_path / "secret.md"
    outside.write_text("---\ntitle: secret\n---\nsecret\n", encoding="utf-8")
    site = make_site(tmp_path / "content", {"a.md": TITLE + "a\n"})
    os.symlink(site, site / "loop")  # a folder that contains itself
    os.symlink(outside, site / "outside.md")  # a page that is really outside the root
    os.symlink(site / "a.md", site / "inside.md")  # a link that stays inside is fine
    monkeypatch.chdir(tmp_path)
    code, data, err = run_json(capsys, "content")
    paths = sorted({Path(d["path"]).name for d in data["diagnostics"]})
    assert paths == ["a.md", "inside.md"]
    assert "content/outside.md: skipped: symbolic link to a file outside the root" in err
    assert code == 0


def test_unreadable_file(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import taiyaku.model.files

    site = make_site(tmp_path / "content", {"locked.md": TITLE, "ok.md": TITLE})
    real_open = taiyaku.model.files._open_regular_sized  # every read opens through it

    def open_regular(path: Path) -> tuple[int, int]:  # what a file without permission gives
        if Path(path).name == "locked.md":
            raise PermissionError(13, "Permission denied")
        return real_open(path)

    monkeypatch.setattr(taiyaku.model.files, "_open_regular_sized", open_regular)
    monkeypatch.chdir(tmp_path)
    code, data, _ = run_json(capsys, "content")
    got = [(Path(d["path"]).name, d["code"], d["message"]) for d in data["diagnostics"]]
    assert ("locked.md", "IN001", "cannot read file: Permission denied") in got
    assert ("ok.md", "PR001", "no English translation (expected content/en/ok.md)") in got
    assert code == 1
    assert site.joinpath("locked.md").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["content/missing.md"], "content/missing.md: no such file or folder"),
        (["--root", "nowhere"], "content root nowhere is not a folder"),
        (["--config", "nothere.toml"], "config file nothere.toml does not exist"),
    ],
)
def test_bad_paths_are_one_line_errors(tmp_path: Path, monkeypatch, capsys, args, message) -> None:  # type: ignore[no-untyped-def]
    make_site(tmp_path / "content", {"a.md": TITLE})
    monkeypatch.chdir(tmp_path)
    code = main(["check", *args])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [f"taiyaku: error: {message}"]
