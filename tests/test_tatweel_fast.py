"""The tatweel filter's one-substitution paths give exactly what its per-run code gave.

The filter once sent every run of tatweel through a Python callback, twice. It now
finds the runs it removes and the common dash (``ب ـ ب``) with one substitution each,
and keeps the callback for the rare dashes with marks around them. The per-run filter
is kept here, as it was, and compared with the filter on random text made of the
characters that decide what a run is.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arclean import chars
from arclean.filters.base import Counts, counts
from arclean.filters.tatweel import _WORD_CHAR, Tatweel, _between_words
from arclean.filters.unicode import nfc

T = chars.TATWEEL
FATHA = "\u064e"  # U+064E a mark the word-character class holds
ACUTE = "\u0301"  # U+0301 a mark it does not hold
HAMZA_ABOVE = "\u0654"  # U+0654 a mark NFC composes with alef
SHADDA = "\u0651"  # U+0651 a mark NFC reorders after fatha
SUKUN = "\u0652"  # U+0652
NBSP = "\u00a0"  # U+00A0 a horizontal space other than " "
RUN = re.compile(f"{T}+")


def reference(text: str) -> tuple[str, Counts]:
    """The filter as it was: every run decided by a Python callback."""
    if T not in text:
        return text, {}
    removed = 0
    mark_after = False

    def is_word_char(text: str, index: int) -> bool:
        return 0 <= index < len(text) and _WORD_CHAR.match(text, index) is not None

    def drop(match: re.Match[str]) -> str:
        nonlocal removed, mark_after
        start, end = match.span()
        if is_word_char(match.string, start - 1) and is_word_char(match.string, end):
            removed += end - start
            mark_after = mark_after or unicodedata.category(match.string[end])[0] == "M"
            return ""
        return match[0]

    text = RUN.sub(drop, text)
    if mark_after and not unicodedata.is_normalized("NFC", text):
        text = nfc(text)
    dashes = 0

    def dash(match: re.Match[str]) -> str:
        nonlocal dashes
        if _between_words(match.string, *match.span()):
            dashes += 1
            return "-"
        return match[0]

    text = RUN.sub(dash, text)
    return text, counts(chars_removed=removed, dashes=dashes)


ALPHABET = (T, T, T, "ب", "ا", " ", " ", NBSP, "\t", "\n", FATHA, SHADDA, ACUTE)
ALPHABET += (HAMZA_ABOVE, "1", "٣", "a", "_", "-", "ه", "،")


@given(st.lists(st.sampled_from(ALPHABET), max_size=60).map("".join))
def test_same_as_per_run_callback(text: str) -> None:
    assert Tatweel().apply(text) == reference(text)


@given(st.lists(st.sampled_from(("ب ـ ", "ب", " ", T, FATHA, "\n", "ـ ب")), max_size=30))
def test_same_as_per_run_callback_on_dash_shapes(parts: list[str]) -> None:
    text = "".join(parts)
    assert Tatweel().apply(text) == reference(text)


@pytest.mark.parametrize(
    ("text", "expected", "dashes", "removed"),
    [
        ("واشنطن ـ سبأنت", "واشنطن - سبأنت", 1, 0),
        ("ب ـ ب ـ ب ـ ", "ب - ب - ب ـ ", 2, 0),  # the last has no word after it
        ("ب ـــ  ب", "ب -  ب", 1, 0),  # a run, then two spaces
        (f"ب{NBSP}ـ\tب", f"ب{NBSP}-\tب", 1, 0),
        ("2020 ـ 2021", "2020 - 2021", 1, 0),
        ("كتبَ ـ قال", "كتبَ - قال", 1, 0),  # a mark before: the callback decides
        (f"كتبَ{NBSP}ـ قال", f"كتبَ{NBSP}- قال", 1, 0),  # the same after another space
        ("ـ\nقال ـ\nـ", "ـ\nقال ـ\nـ", 0, 0),  # no space before, or no word after
        (f"على {SUKUN}ـ يـ", f"على {SUKUN}- يـ", 1, 0),  # a stray mark before the run
        (f"قال ـ{SUKUN} بعد", f"قال ـ{SUKUN} بعد", 0, 0),  # a vowel on the tatweel
        (f"قال\n{SUKUN}ـ بعد", f"قال\n{SUKUN}ـ بعد", 0, 0),  # a mark, then a line break
        (f"ب ـ {FATHA}ب", f"ب - {FATHA}ب", 1, 0),  # a stray mark after
        ("بــب ـ ب", "بب - ب", 1, 2),
        ("بـ ـ ب", "بـ ـ ب", 0, 0),  # a tatweel is no word's end
        ("ب  ـ ب", "ب  ـ ب", 0, 0),  # two spaces before
        ("ب ـب", "ب ـب", 0, 0),
        ("1430 هـ", "1430 هـ", 0, 0),
        ("ـــــ", "ـــــ", 0, 0),
        ("ب ـ\nب", "ب ـ\nب", 0, 0),  # a line break is no space
        ("_ ـ ب", "_ ـ ب", 0, 0),  # an underscore is no word's end
        (f"ب ـ {ACUTE}", f"ب ـ {ACUTE}", 0, 0),
    ],
)
def test_dash_cases(text: str, expected: str, dashes: int, removed: int) -> None:
    out, found = Tatweel().apply(text)
    assert out == expected
    assert found.get("dashes", 0) == dashes
    assert found.get("chars_removed", 0) == removed
    assert (out, found) == reference(text)


def test_mark_after_a_removed_run_is_put_in_order() -> None:
    text = f"ب{SHADDA}ـ{FATHA}"  # shadda and fatha meet once the tatweel goes
    assert Tatweel().apply(text) == reference(text)
    assert Tatweel().apply(text)[0] == nfc(f"ب{SHADDA}{FATHA}")
