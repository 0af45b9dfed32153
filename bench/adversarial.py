"""Time arclean on adversarial input: delimiters that never close, a tatweel storm,
one 50 MB line, 100,000 one-character lines, lines of numbers.

A quadratic pattern (one that rescans the rest of the text from every opener) takes
minutes on a megabyte; linear code takes well under a second. Run from the checkout:

    python bench/adversarial.py               # a megabyte of each, every filter (web)
    python bench/adversarial.py --mb 4        # bigger, to see the time grow linearly
    python bench/adversarial.py --line-mb 5   # a shorter single line, for a quick run

Prints MB/s for each input and how many times slower than normal text (the benchmark
corpus) it is. Not a test: tests/test_adversarial.py guards the same inputs at a
smaller size with a time limit.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

import arclean

# Each unit is repeated to the requested size.
ADVERSARIAL = {
    "{{{{": "{",
    "<<<<": "<",
    "[[[[": "[",
    "{%{%": "{%",
    "unclosed <!--": "<!--",
    "unclosed <script>": "<script>",
    '<a x=" (unclosed quote)': '<a x="',
    "<% <?php [% ${": "<% <?php [% ${ ",
    "&amp;amp;amp;": "&amp;",
    "nested <<b>b>": "<<b>",
    "}}}} ]]]] -->": "}}]]-->",
    "{a: ;;; (CSS opener)": "{a: ;",
    "jQuery(function(){ (one line)": "jQuery(function(){ ",
    "| menu | items |": "اتصل بنا | ",
    "tatweel ـــــ": "\N{ARABIC TATWEEL}",
    "tatweel between words ب ـ ب": "ب ـ ",
    "one-character lines": "ب\n",
    "two lines alternating ب ت": "ب\nت\n",
    "Persian yeh lines ی": "ی\n",
    "tatweel lines ـ": "\N{ARABIC TATWEEL}\n",
    "Windows line ends (CR LF)": "ب\r\n",
}


def rate(text: str, preset: str) -> tuple[float, float]:
    """(megabytes, MB/s) of cleaning ``text`` with ``preset``, best of three runs, each
    after a garbage collection (one falling inside a run of 30 ms doubles it)."""
    megabytes = len(text.encode("utf-8")) / 1_000_000
    seconds = []
    for _ in range(3):
        gc.collect()
        start = time.perf_counter()
        arclean.clean(text, preset)
        seconds.append(time.perf_counter() - start)
    return megabytes, megabytes / min(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of each input in MB")
    parser.add_argument("--line-mb", type=float, default=50.0, help="size of the single line")
    parser.add_argument("--preset", default="web", help="preset to run (default: web)")
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    normal = corpus.build(args.mb)
    _, normal_rate = rate(normal, args.preset)
    print(f"preset {args.preset}; normal text (bench/corpus.py): {normal_rate:.1f} MB/s\n")
    print(f"{'input':32} {'MB':>6} {'MB/s':>8} {'slower than normal':>20}")
    inputs = {
        label: unit * (size // len(unit.encode("utf-8"))) for label, unit in ADVERSARIAL.items()
    }
    inputs["100,000 one-character lines"] = "ب\n" * 100_000
    inputs["100,000 lines of numbers"] = "".join(f"{n}\n" for n in range(100_000))
    line = corpus.build(args.line_mb).replace("\n", " ")
    inputs[f"a single {args.line_mb:g} MB line"] = line
    for label, text in inputs.items():
        megabytes, speed = rate(text, args.preset)
        print(f"{label:32} {megabytes:6.2f} {speed:8.1f} {normal_rate / speed:19.1f}x")


if __name__ == "__main__":
    main()
