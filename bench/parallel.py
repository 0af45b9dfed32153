"""How --jobs scales: clean a folder of files with one worker, then with several.

    python bench/parallel.py            # 8 files of 2.5 MB, --jobs 1 and --jobs 2

Wall-clock seconds of the whole command (start-up included); outputs are compared
byte for byte. Not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--size", type=float, default=2.5, help="MB per file")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "in").mkdir()
        for n in range(args.files):
            (root / "in" / f"{n}.txt").write_text(corpus.build(args.size, seed=n), encoding="utf-8")
        megabytes = args.files * args.size
        seconds = {}
        for jobs in (1, args.jobs):
            out = root / f"out{jobs}"
            start = time.perf_counter()
            command = [
                sys.executable,
                "-m",
                "arclean",
                "-j",
                str(jobs),
                "-o",
                str(out),
                str(root / "in"),
            ]
            subprocess.run(command, check=True)
            seconds[jobs] = time.perf_counter() - start
            print(f"--jobs {jobs}: {seconds[jobs]:6.1f} s  {megabytes / seconds[jobs]:6.1f} MB/s")
        same = all(
            filecmp.cmp(
                root / "out1" / f"{n}.txt", root / f"out{args.jobs}" / f"{n}.txt", shallow=False
            )
            for n in range(args.files)
        )
        print(f"speed-up: {seconds[1] / seconds[args.jobs]:.2f}x; outputs identical: {same}")


if __name__ == "__main__":
    main()
