"""The whitespace filter: every Unicode space folds, lines are trimmed, paragraphs stay."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arclean import chars
from arclean.filters import Whitespace, fix_whitespace

SEPARATORS = {chr(c): unicodedata.category(chr(c)) for c in range(sys.maxunicode + 1)}
SEPARATORS = {char: category for char, category in SEPARATORS.items() if category[0] == "Z"}
UNICODE_SPACES = [char for char, category in SEPARATORS.items() if category == "Zs"]
UNICODE_BREAKS = [char for char, category in SEPARATORS.items() if category in ("Zl", "Zp")]


def test_the_tables_hold_every_unicode_space_and_line_break() -> None:
    assert set(UNICODE_SPACES) | {"\t"} == chars.HORIZONTAL_SPACES
    assert set(UNICODE_BREAKS) | set("\n\v\f\r\x85") == chars.LINE_BREAKS


@pytest.mark.parametrize("space", [*UNICODE_SPACES, "\t"], ids=lambda c: f"U+{ord(c):04X}")
def test_every_space_folds(space: str) -> None:
    assert fix_whitespace(f"قال{space}إنه{space}{space} جاء") == "قال إنه جاء\n"
    assert fix_whitespace(f"{space}قال{space}\n{space}") == "قال\n"


@pytest.mark.parametrize("line_break", sorted(chars.LINE_BREAKS), ids=lambda c: f"U+{ord(c):04X}")
def test_every_line_break_becomes_lf(line_break: str) -> None:
    assert fix_whitespace(f"أ{line_break}ب") == "أ\nب\n"


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("قال\tإنه\t\tجاء", "قال إنه جاء\n"),  # tabs inside a line
        ("\tقال إنه", "قال إنه\n"),  # indentation
        ("قال إنه   \nجاء \t", "قال إنه\nجاء\n"),  # trailing spaces
        ("أ\r\nب\r\n\r\nج", "أ\nب\n\nج\n"),
        ("أ\n\n\n\n\nب", "أ\n\nب\n"),  # paragraphs keep one blank line between them
        ("أ\n \t \n\u3000\nب", "أ\n\nب\n"),  # a line of spaces is a blank line
        ("\n\n  أ\n\n", "أ\n"),
        ("أ", "أ\n"),
        ("أ\n\n\n", "أ\n"),
        ("", ""),
        (" \t\u00a0\n\n", ""),
        ("a \u200b b", "a \u200b b\n"),  # a zero-width space is the invisible filter's
    ],
)
def test_whitespace(dirty: str, clean: str) -> None:
    assert fix_whitespace(dirty) == clean


@pytest.mark.parametrize(
    "text",
    [
        "قال إنه جاء\n",
        "أ\n\nب\n",
        "می\u200cخواهم\n",  # ZWNJ is part of the word, not a space
        "👨\u200d👩\n",
        "a\x1cb\n",  # information separators are not line breaks here
    ],
)
def test_clean_text_is_left_alone(text: str) -> None:
    new, changes = Whitespace().apply(text)
    assert new == text
    assert changes == {}


def test_counts() -> None:
    _, got = Whitespace().apply(" أ\u00a0\u00a0ب  \r\n\n\n\nج\tد ")
    assert got == {
        "line_breaks_normalized": 1,
        "spaces_replaced": 3,
        "spaces_folded": 2,
        "lines_trimmed": 3,
        "blank_runs_collapsed": 1,
        "edges_fixed": 1,
    }


@pytest.mark.parametrize(
    "value, message",
    [(-1, "max_blank_lines must be 0 or more"), ("1", "whole number"), (True, "whole number")],
)
def test_max_blank_lines_is_validated(value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Whitespace(max_blank_lines=value)  # type: ignore[arg-type]


SPACES_AND_BREAKS = [*UNICODE_SPACES, *sorted(chars.LINE_BREAKS), "\t", "\r\n"]
whitespace_text = st.lists(
    st.sampled_from([*SPACES_AND_BREAKS, "أ", "ب", "x", "5", "٥", "\u200c", "،"]), max_size=50
).map("".join)


@given(st.one_of(whitespace_text, st.text(max_size=100)), st.integers(0, 3))
def test_whitespace_properties(text: str, max_blank_lines: int) -> None:
    flt = Whitespace(max_blank_lines=max_blank_lines)
    out = flt(text)
    assert flt(out) == out
    assert out == "" or (out.endswith("\n") and not out.endswith("\n\n"))
    assert "\n" * (max_blank_lines + 2) not in out
    for line in out.split("\n"):
        assert line == line.strip(" ")
        assert not any(c in chars.HORIZONTAL_SPACES - {" "} for c in line)
        assert "  " not in line
    assert not any(c in chars.LINE_BREAKS - {"\n"} for c in out)
