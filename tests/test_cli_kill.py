"""An in-place run killed at any moment leaves each file whole: original or cleaned."""

from __future__ import annotations

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
