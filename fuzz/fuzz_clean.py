"""Fuzz ``arclean.clean``, the streaming cleaner and the decoder for crashes and broken
guarantees, with Hypothesis' fuzzing entry point (``fuzz_one_input``).

Run from the repository root (see README.md, "Fuzzing"):

    python fuzz/fuzz_clean.py                      # one minute of random inputs
    python fuzz/fuzz_clean.py --seconds 3600       # an hour
    python fuzz/fuzz_clean.py --atheris -max_total_time=3600   # coverage-guided
    python fuzz/fuzz_clean.py --replay                # shrink the failures found

Each input is turned by Hypothesis into text (arbitrary Unicode, Arabic-heavy text,
documents of words, artifacts and repeated paragraphs) or into bytes, then checked:
every preset and one filter alone clean it without an exception, into valid text
(no lone surrogate, no new control character), idempotently; ``clean_stream`` in
random pieces gives the same text; bytes either decode or raise ``InputError``. A
failure stops the run with the text that broke a guarantee, and is saved in
``.hypothesis/``: ``python fuzz/fuzz_clean.py --replay`` reruns the saved failures and
shrinks each to a small example.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
import unicodedata
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the tests' strategies

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import arclean  # noqa: E402
from arclean.filters import FILTERS  # noqa: E402
from tests.test_properties import documents, texts  # noqa: E402

PRESETS = sorted(arclean.PRESETS)
inputs = st.one_of(texts, documents().map(lambda d: d[0]), st.text(max_size=2000))


def _controls(text: str) -> set[str]:
    return {c for c in text if unicodedata.category(c) == "Cc"}


def _check_text(text: str, name: str, cuts: list[int]) -> None:
    try:
        _check(text, name, cuts)
    except AssertionError as error:
        raise AssertionError(f"{error} on {text!r}") from None


def _check(text: str, name: str, cuts: list[int]) -> None:
    for preset in PRESETS:
        out = arclean.clean(text, preset)
        out.encode("utf-8")  # no lone surrogate
        assert _controls(out) <= _controls(text) | {"\n"}, (preset, _controls(out))
        assert arclean.clean(out, preset) == out, f"{preset} is not idempotent"
    once = arclean.clean(text, select=[name])
    assert arclean.clean(once, select=[name]) == once, f"{name} is not idempotent"
    points = sorted({0, len(text), *(c % (len(text) + 1) for c in cuts)})
    pieces = [text[a:b] for a, b in itertools.pairwise(points)]
    assert "".join(arclean.clean_stream(pieces)) == arclean.clean(text), "stream differs"


def _target(text: str, name: str, cuts: list[int], data: bytes) -> None:
    _check_text(text, name, cuts)
    try:
        decoded = arclean.read_text(data)
    except arclean.InputError:
        return  # refused in one line: binary, or not text in a known encoding
    _check_text(decoded, name, cuts)


ARGUMENTS = (
    inputs,
    st.sampled_from([f.name for f in FILTERS]),
    st.lists(st.integers(0, 10_000), max_size=6),
    st.binary(max_size=300),
)
FUZZING = settings(
    max_examples=10**9,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None if os.environ.get("ARCLEAN_FUZZ_NO_DATABASE") else settings.default.database,
)
# Both wrap the same function, so the replay finds what the fuzzer saved.
fuzz_clean = FUZZING(given(*ARGUMENTS)(_target))
replay = settings(FUZZING, phases=[Phase.reuse, Phase.shrink])(given(*ARGUMENTS)(_target))


def run_for(seconds: float) -> int:
    """Feed random bytes to the target until time runs out; the number of inputs tried."""
    deadline = time.monotonic() + seconds
    tried = 0
    while time.monotonic() < deadline:
        fuzz_clean.hypothesis.fuzz_one_input(os.urandom(4096))
        tried += 1
    return tried


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60, help="how long to run")
    parser.add_argument(
        "--atheris", action="store_true", help="coverage-guided with atheris (pip install atheris)"
    )
    parser.add_argument(
        "--replay", action="store_true", help="rerun and shrink the failures saved in .hypothesis/"
    )
    args, rest = parser.parse_known_args()
    if args.replay:
        try:
            replay()
        except unittest.SkipTest:  # nothing saved
            print("fuzz_clean: no saved failure")
            return
        print("fuzz_clean: no saved failure fails any more")
        return
    if args.atheris:
        import atheris  # type: ignore[import-not-found]

        atheris.instrument_all()
        atheris.Setup([sys.argv[0], *rest], fuzz_clean.hypothesis.fuzz_one_input)
        atheris.Fuzz()
    tried = run_for(args.seconds)
    print(f"fuzz_clean: {tried} inputs in {args.seconds:.0f} s, no failure")


if __name__ == "__main__":
    main()
