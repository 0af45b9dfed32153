"""Cleaning takes linear time on adversarial input: delimiters that never close.

Each input is 200 KB; linear code cleans it in a fraction of a second, while a pattern
that rescans the rest of the text from every opener would take minutes. The inputs are
cleaned in a child process, so a regression fails on the time limit instead of hanging
the test run. bench/adversarial.py prints the speeds for a megabyte of each.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import arclean

SIZE = 200_000
SECONDS = 2.0
# The repeated unit of each input.
UNITS = [
    "{",
    "<",
    "[",
    "{%",
    "<!--",
    "<script>",
    '<a x="',
    "<a b ",
    "<% <?php [% ${ {$ %( ",
    "&amp;",
    "&#",
    "<<b>",
    "}}]]-->",
    "[b]",
    "[b][i]",
    "[[a|",
    "{{a|",
    "{a: ;",
    "jQuery(function(){ ",
    "اتصل بنا | ",
    "{{ x }}",
]

CHILD = """
import json, sys, time
import arclean
times = {}
for unit in json.loads(sys.argv[1]):
    text = unit * (int(sys.argv[2]) // len(unit))
    start = time.perf_counter()
    arclean.clean(text, "web")
    times[unit] = time.perf_counter() - start
print(json.dumps(times))
"""


@pytest.fixture(scope="module")
def seconds_per_input() -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(UNITS), str(SIZE)],
        capture_output=True,
        text=True,
        timeout=SECONDS * len(UNITS) + 30,
    )
    assert done.returncode == 0, done.stderr
    times: dict[str, float] = json.loads(done.stdout)
    return times


@pytest.mark.parametrize("unit", UNITS)
def test_adversarial_input_cleans_in_linear_time(
    unit: str, seconds_per_input: dict[str, float]
) -> None:
    assert seconds_per_input[unit] < SECONDS


@pytest.mark.parametrize("unit", ["<!--", "<<<", "{{{", "[[[", "{%{%", "&amp;amp;"])
def test_adversarial_input_never_raises_and_settles(unit: str) -> None:
    text = unit * 1000 + " نص"
    for preset in arclean.PRESETS:
        once = arclean.clean(text, preset)
        assert arclean.clean(once, preset) == once
        assert "نص" in once
