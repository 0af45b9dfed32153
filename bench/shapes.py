"""Time arclean on shapes of real text that the benchmark corpus does not have.

The corpus (corpus.py) is one long text with LF line ends. Real input also comes as
Windows files (CRLF), as Persian text of short lines (which must come out unchanged,
and costs a language decision a line), and one short document at a time: a tweet or a
JSON Lines record, a post of one paragraph. Run from the checkout:

    python bench/shapes.py                 # the default preset
    python bench/shapes.py --preset web

Prints MB/s for each shape and, for the documents, microseconds a document. Not a
test: every figure depends on the machine.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

from arclean import Pipeline

# Persian words in Arabic script (ی, ک, گ, پ, a ZWNJ in می‌خواهم): the language decision
# must find each line Persian and leave it alone.
PERSIAN = "این یک کتاب است که من می‌خواهم آن را بخوانم و پدر گفت برای ما خیلی خوب بود".split()


def persian_lines(size: int, seed: int = 7) -> str:
    """Lines of four to nine Persian words, about ``size`` characters in all."""
    rng = random.Random(seed)
    lines, total = [], 0
    while total < size:
        line = " ".join(rng.choices(PERSIAN, k=rng.randint(4, 9))) + "."
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines) + "\n"


def records(text: str, size: int) -> list[str]:
    """The corpus cut into records of about ``size`` characters, at spaces."""
    out, start = [], 0
    while start < len(text):
        end = text.find(" ", start + size)
        end = len(text) if end < 0 else end
        out.append(text[start:end].strip())
        start = end + 1
    return [record for record in out if record]


def best_seconds(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--preset", default="default", help="preset to run")
    parser.add_argument("--mb", type=float, default=5.0, help="size of each text in MB")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    args = parser.parse_args()
    pipeline = Pipeline.from_preset(args.preset)
    text = corpus.build(args.mb)
    shapes = {
        "the corpus, LF line ends": text,
        "the corpus, CRLF line ends": text.replace("\n", "\r\n"),
        "Persian, short lines": persian_lines(len(text) // 2),
    }
    print(f"preset {args.preset}\n")
    for label, shape in shapes.items():
        megabytes = len(shape.encode("utf-8")) / 1e6
        seconds = best_seconds(lambda shape=shape: pipeline(shape), args.repeat)
        print(f"{label:40} {megabytes / seconds:8.1f} MB/s")
    paragraphs = [p for p in text.split("\n") if p]
    documents = {
        "records of about 100 characters": records(text, 100)[:20_000],
        "one paragraph a document": paragraphs[:10_000],
    }
    for label, docs in documents.items():
        megabytes = sum(len(d.encode("utf-8")) for d in docs) / 1e6
        seconds = best_seconds(lambda docs=docs: [pipeline(d) for d in docs], args.repeat)
        print(
            f"{label:40} {megabytes / seconds:8.1f} MB/s"
            f" {seconds / len(docs) * 1e6:7.1f} us a document"
            f" ({sum(map(len, docs)) / len(docs):.0f} characters)"
        )


if __name__ == "__main__":
    main()
