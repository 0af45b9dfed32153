"""How --jobs scales: clean with one worker, then with several, three kinds of input.

    python bench/parallel.py            # --jobs 1 and --jobs 2 (one per core)
    python bench/parallel.py --files 16 --size 2.5 --one 100

- a folder of files (8 of 2.5 MB): each worker cleans whole files;
- one large text file (60 MB): the workers clean its chunks as far as repeats, and
  this process runs repeats and writes, in order;
- one large JSON Lines file (60 MB of records of about 250 characters): the workers
  clean its records in parts, written here in order.

Wall-clock seconds of the whole command (start-up included) and its peak memory (the
largest process); outputs are compared byte for byte. Not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from run import cli_peak_mb


def timed(command: list[str]) -> tuple[float, float]:
    """Seconds and peak MB of one run of ``arclean`` with these arguments."""
    start = time.perf_counter()
    peak = cli_peak_mb([sys.executable, "-m", "arclean", *command])
    return time.perf_counter() - start, peak


def compare(label: str, megabytes: float, jobs: int, run: dict[int, tuple[float, float]]) -> None:
    for n, (seconds, peak) in run.items():
        rate = megabytes / seconds
        print(f"  --jobs {n}: {seconds:6.1f} s  {rate:6.1f} MB/s  peak {peak:5.0f} MB")
    print(f"  {label}: speed-up {run[1][0] / run[jobs][0]:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--size", type=float, default=2.5, help="MB per file")
    parser.add_argument("--one", type=float, default=60, help="MB of the one large file")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    jobs = args.jobs
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "in").mkdir()
        for n in range(args.files):
            (root / "in" / f"{n}.txt").write_text(corpus.build(args.size, seed=n), encoding="utf-8")
        big = root / "big.txt"
        big.write_text(corpus.build(args.one, seed=99), encoding="utf-8")
        records = root / "big.jsonl"
        with records.open("w", encoding="utf-8") as out:
            for n, line in enumerate(big.read_text(encoding="utf-8").split("\n")):
                out.write(json.dumps({"id": n, "text": line}, ensure_ascii=False) + "\n")

        print(f"{args.files} files of {args.size} MB, -o folder")
        run = {
            n: timed(["-j", str(n), "-o", str(root / f"out{n}"), str(root / "in")])
            for n in (1, jobs)
        }
        same = all(
            filecmp.cmp(root / "out1" / name, root / f"out{jobs}" / name, shallow=False)
            for name in os.listdir(root / "out1")
        )
        compare(f"outputs identical: {same}", args.files * args.size, jobs, run)

        for label, source, extra in (
            (f"one text file of {args.one:.0f} MB", big, []),
            (f"one JSON Lines file of {records.stat().st_size / 1e6:.0f} MB", records, ["--jsonl"]),
        ):
            print(label)
            outputs = {n: root / f"{source.name}.{n}" for n in (1, jobs)}
            run = {
                n: timed([*extra, "-j", str(n), "-o", str(outputs[n]), str(source)])
                for n in (1, jobs)
            }
            same = filecmp.cmp(outputs[1], outputs[jobs], shallow=False)
            compare(f"outputs identical: {same}", source.stat().st_size / 1e6, jobs, run)


if __name__ == "__main__":
    main()
