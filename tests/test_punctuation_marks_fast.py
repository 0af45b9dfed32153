"""Latin , ; ? after an Arabic word: the pattern that finds them matches no mark whose
nearest word is not Arabic, so no Python runs for those (``{a: ;;;`` in CSS), and it
must find every one a plain walk back over spaces and closers finds.
"""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arclean import chars
from arclean.filters import Punctuation
from arclean.filters import punctuation as punct

_ARABIC_RANGES = chars.ARABIC_LETTER_RANGES + chars.ARABIC_MARK_RANGES
ARABIC = {chr(c) for lo, hi in _ARABIC_RANGES for c in range(ord(lo), ord(hi) + 1)}
SKIPPED = chars.CLOSERS | chars.HORIZONTAL_SPACES
TO_ARABIC = str.maketrans(chars.LATIN_TO_ARABIC_PUNCTUATION)


def reference(text: str) -> tuple[str, int]:
    """Each run of , ; ? that starts after an Arabic word (past spaces and closers),
    translated; the runs found one after the other from the start, as re does."""
    out, changed, i = [], 0, 0
    while i < len(text):
        if text[i] not in ",;?":
            out.append(text[i])
            i += 1
            continue
        end = i
        while end < len(text) and text[end] in ",;?":
            end += 1
        j = i - 1
        while j >= 0 and text[j] in SKIPPED:
            j -= 1
        if i and (text[i - 1] in SKIPPED or text[i - 1] in ARABIC) and j >= 0 and text[j] in ARABIC:
            out.append(text[i:end].translate(TO_ARABIC))
            changed += 1
        else:
            out.append(text[i:end])
        i = end
    return "".join(out), changed


PIECES = ["قال", "ة", "\u064e", "a", "1", ":", "{", " ", "\t", ")", "»", '"', ",", ";", "?", "\n"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_latin_marks_are_mapped_as_a_walk_back_maps_them(text: str) -> None:
    assert punct._sub_where(punct._LATIN_MARKS, punct._latin_mark_to_arabic, text) == reference(
        text
    )


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("قال ,إنه", "قال، إنه"),
        ("قال) ,إنه", "قال)، إنه"),
        ("قال )  ;إنه", "قال )؛ إنه"),  # no pair: the ) stays apart
        ("(قال)   »  ?", "(قال)   »؟"),  # far past spaces and closers
        ("قال,,;", "قال،،؛"),
    ],
)
def test_marks_after_an_arabic_word_become_arabic(dirty: str, clean: str) -> None:
    assert Punctuation()(dirty) == clean


@pytest.mark.parametrize(
    "text",
    ["{a: ;b: ;}", "1,000 و 2,5", "NATO, قال", "x ) ,", "a   ;", ": ;;;", "قال:,"],
)
def test_marks_after_anything_else_stay(text: str) -> None:
    assert Punctuation().apply(text) == (text, {})


def test_a_css_opener_repeated_is_read_at_c_speed() -> None:
    text = "{a: ;" * 100_000  # 0.5 MB: every ; after a space, no Arabic anywhere
    start = time.perf_counter()
    assert Punctuation()(text) == text
    assert time.perf_counter() - start < 0.2  # about 10 ms; a Python call per ; is 100


def test_the_pattern_only_starts_at_a_latin_mark() -> None:
    assert re.fullmatch(r"\[,;\?\].*", punct._LATIN_MARKS.pattern)
