"""Nothing lost: every file taiyaku writes is replaced whole or not at all, a write that
fails is exit 2 with one line, and a signal stops the run (workers included) with exit 2
and no half-written file.  Each case is the exact reproduction of a failure seen in a
fault-injection pass."""

from __future__ import annotations

import json
import os
import resource
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import make_site
from taiyaku.model.atomic import write_atomically

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX signals and limits")

TWO_PAGES = {
    "a.md": "---\ntitle: a\n---\n[x](./missing)\n",
    "b.md": "---\ntitle: b\n---\n[y](./gone)\n",
}


def taiyaku(
    cwd: Path, *args: str, limit_bytes: int | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the command line in a child process (what a shell or a CI step does)."""

    def limit_file_size() -> None:  # the child only: a file-size limit, and EFBIG not SIGXFSZ
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return subprocess.run(
        [sys.executable, "-m", "taiyaku", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=limit_file_size if limit_bytes is not None else None,
    )


# -- write_atomically -------------------------------------------------------------------


def test_an_atomic_write_replaces_the_content_and_keeps_the_permissions(tmp_path: Path) -> None:
    target = tmp_path / "baseline.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomically(target, "新しい")
    assert target.read_text(encoding="utf-8") == "新しい"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["baseline.json"]  # no temporary left


def test_a_failed_atomic_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.html"
    target.write_text("old report", encoding="utf-8")

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, "new report")
    assert target.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_an_atomic_write_through_a_symbolic_link_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomically(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


# -- baseline and report under a file-size limit ------------------------------------------


@posix_only
def test_write_baseline_over_a_file_size_limit_keeps_the_old_baseline(tmp_path: Path) -> None:
    """Was: the baseline truncated to the limit (invalid JSON), exit 0."""
    make_site(tmp_path / "content", TWO_PAGES)
    first = taiyaku(
        tmp_path, "check", "--no-config", "--no-cache", "--write-baseline", "base.json", "content"
    )
    assert first.returncode == 0, first.stderr
    before = (tmp_path / "base.json").read_bytes()
    make_site(tmp_path / "content", {f"p{i}.md": f"[z](./gone{i})\n" for i in range(40)})
    limited = taiyaku(
        tmp_path,
        "check",
        "--no-config",
        "--no-cache",
        "--write-baseline",
        "base.json",
        "content",
        limit_bytes=len(before) + 100,
    )
    assert limited.returncode == 2
    assert limited.stderr.strip().splitlines()[-1].startswith("taiyaku: error: cannot write")
    assert (tmp_path / "base.json").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.json", "content"]


@posix_only
def test_report_over_a_file_size_limit_keeps_the_old_report(tmp_path: Path) -> None:
    make_site(tmp_path / "content", TWO_PAGES)
    (tmp_path / "r.html").write_text("the old report", encoding="utf-8")
    run = taiyaku(
        tmp_path, "report", "--no-config", "--no-cache", "-o", "r.html", "content", limit_bytes=2000
    )
    assert run.returncode == 2
    assert "cannot write r.html" in run.stderr and "Traceback" not in run.stderr
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == "the old report"


def test_report_into_a_folder_that_cannot_exist_is_one_line_and_exit_2(tmp_path: Path) -> None:
    make_site(tmp_path / "content", TWO_PAGES)
    run = taiyaku(tmp_path, "report", "--no-config", "-o", "content/a.md/r.html", "content")
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        "taiyaku: error: cannot write content/a.md/r.html: Not a directory"
    ]


# -- standard output ------------------------------------------------------------------------


@posix_only
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_output_to_a_full_disk_is_exit_2_not_a_silent_truncation(tmp_path: Path, fmt: str) -> None:
    """Was: 64 KiB of invalid SARIF and exit 0."""
    make_site(tmp_path / "content", TWO_PAGES)
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "taiyaku", "check", "--no-config", "--format", fmt, "content"],
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    assert run.returncode == 2
    assert run.stderr.strip() == "taiyaku: error: cannot write the output: No space left on device"


@posix_only
def test_a_closed_pipe_ends_the_run_quietly_with_exit_2(tmp_path: Path) -> None:
    """Was: `taiyaku rule TM001 | head -1` printed a BrokenPipeError traceback, exit 1."""
    reader = subprocess.Popen(
        [sys.executable, "-m", "taiyaku", "rule", "TM001"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.close()  # the reader goes away before the command writes
    err = reader.stderr.read()
    assert reader.wait(timeout=120) == 2
    assert err == ""


# -- signals ----------------------------------------------------------------------------------


def _children_of(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _busy_site(root: Path) -> None:
    """Enough work for a few seconds on two workers: 600 Japanese pages."""
    body = "窓口は平日9時から17時まで開いています。" * 200 + "\n\n[x](./missing)\n"
    make_site(root, {f"p{i:03}.md": f"---\ntitle: p{i}\n---\n{body}" for i in range(600)})


@posix_only
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_stops_the_workers_exits_2_and_writes_nothing(
    tmp_path: Path, signum: signal.Signals
) -> None:
    """Was: SIGTERM left the workers running and the process ended with -15; SIGINT during
    --write-baseline left an empty baseline."""
    _busy_site(tmp_path / "content")
    (tmp_path / "base.json").write_text('{"version": 1, "entries": []}\n', encoding="utf-8")
    before = (tmp_path / "base.json").read_bytes()
    command = ["check", "--no-config", "--no-cache", "--jobs", "2", "--write-baseline"]
    run = subprocess.Popen(
        [sys.executable, "-m", "taiyaku", *command, "base.json", "content"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while not workers and run.poll() is None and time.monotonic() < deadline:
        workers = _children_of(run.pid)
        time.sleep(0.02)
    assert workers, "the run ended before its workers were seen"
    run.send_signal(signum)
    _out, err = run.communicate(timeout=120)
    assert run.returncode == 2
    assert err.strip().splitlines()[-1] == f"taiyaku: interrupted ({signum.name})"
    assert "Traceback" not in err
    time.sleep(0.2)
    assert not {pid for pid in workers if Path(f"/proc/{pid}").exists()}, "orphan workers"
    assert (tmp_path / "base.json").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.json", "content"]


def test_the_baseline_written_is_whole_json(tmp_path: Path) -> None:
    make_site(tmp_path / "content", TWO_PAGES)
    run = taiyaku(tmp_path, "check", "--no-config", "--write-baseline", "b.json", "content")
    assert run.returncode == 0
    entries = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["entries"]
    assert sorted(e["code"] for e in entries) == ["LK001", "LK001", "PR001", "PR001"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--select", "ALL", "--ignore", "ALL"],
            "taiyaku: error: no rule selected: select = ALL with ignore = ALL leaves no rule to run",
        ),
        (
            ["--select", "TM", "--ignore", "TM"],
            "taiyaku: error: no rule selected: select = TM with ignore = TM leaves no rule to run",
        ),
    ],
)
def test_selecting_no_rule_is_an_error_not_a_clean_run(
    tmp_path: Path, args: list[str], message: str
) -> None:
    """Was: `select = ["ALL"]` with `ignore = ["ALL"]` reported "0 errors", exit 0, and the
    JUnit file showed passing tests."""
    make_site(tmp_path / "content", TWO_PAGES)
    for fmt in ("text", "junit"):
        run = taiyaku(tmp_path, "check", "--no-config", "--format", fmt, *args, "content")
        assert (run.returncode, run.stdout, run.stderr.strip()) == (2, "", message)
