"""An in-place run killed at any moment leaves each file whole: original or cleaned."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import arclean
from tests.conftest import FIXTURES


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_in_place_run_never_leaves_a_half_written_file(tmp_path: Path) -> None:
    article = (FIXTURES / "article.txt").read_text(encoding="utf-8")
    # Distinct paragraphs so the file stays big after cleaning and takes a while.
    original = "\n".join(f"{i} {line}" for i in range(3000) for line in article.split("\n"))
    expected = arclean.clean(original)
    files = [tmp_path / f"{n}.txt" for n in range(3)]
    rng = random.Random(7)
    for attempt in range(5):
        for path in files:
            path.write_text(original, encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, "-m", "arclean", "-i", str(tmp_path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.05, 0.8) if attempt else 0.0)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        for path in files:
            assert path.read_text(encoding="utf-8") in (original, expected), path


@pytest.mark.skipif(sys.platform == "win32", reason="process groups are POSIX")
@pytest.mark.parametrize("layout", ["one file", "idle worker"])
def test_sigterm_to_every_process_stops_a_parallel_run_cleanly(tmp_path: Path, layout: str) -> None:
    # A scheduler (scancel) or a terminal (Ctrl-C) signals the whole process group: the
    # workers too, idle ones among them. One line, exit 130, no temporary file, no hang.
    article = (FIXTURES / "article.txt").read_text(encoding="utf-8")
    text = "\n".join(f"{i} {line}" for i in range(2500) for line in article.split("\n"))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")  # 10 MB: streamed
    if layout == "one file":
        args = ["-j", "2", "-o", str(tmp_path / "out.txt"), str(folder / "a.txt")]
    else:  # three workers for two files: one waits for work that never comes
        (folder / "b.txt").write_text(text, encoding="utf-8")
        args = ["-j", "3", "-o", str(tmp_path / "out"), str(folder)]
    for delay in (0.4, 0.8):
        process = subprocess.Popen(
            [sys.executable, "-m", "arclean", *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGTERM)
        try:
            _, err = process.communicate(timeout=60)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        assert (process.returncode, err) in ((130, b"arclean: interrupted\n"), (0, b"")), delay
        assert not list(tmp_path.rglob("*.tmp")), delay
