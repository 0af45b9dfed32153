"""Time arclean on adversarial input: a megabyte of delimiters that never close.

A quadratic pattern (one that rescans the rest of the text from every opener) takes
minutes on a megabyte; linear code takes well under a second. Run from the checkout:

    python bench/adversarial.py            # a megabyte of each, every filter (web)
    python bench/adversarial.py --mb 4     # bigger, to see the time grow linearly

Prints MB/s for each input. Not a test: tests/test_adversarial.py guards the same
inputs at a smaller size with a time limit.
"""

from __future__ import annotations

import argparse
import time

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
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of each input in MB")
    parser.add_argument("--preset", default="web", help="preset to run (default: web)")
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    print(f"{'input':32} {'MB':>6} {'seconds':>8} {'MB/s':>8}")
    for label, unit in ADVERSARIAL.items():
        text = unit * (size // len(unit.encode("utf-8")))
        megabytes = len(text.encode("utf-8")) / 1_000_000
        start = time.perf_counter()
        arclean.clean(text, args.preset)
        seconds = time.perf_counter() - start
        print(f"{label:32} {megabytes:6.2f} {seconds:8.3f} {megabytes / seconds:8.1f}")


if __name__ == "__main__":
    main()
