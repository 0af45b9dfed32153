"""The whitespace filter's fast checks give what plain class patterns give."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arclean import chars
from arclean.filters import Whitespace
from arclean.filters import whitespace as ws
from arclean.scan import contains_any

ODD = sorted((chars.HORIZONTAL_SPACES | chars.LINE_BREAKS) - {" ", "\n"})
# Arabic letters and ASCII share the low bytes that send a character to re's scan.
ALPHABET = st.sampled_from([*ODD, " ", "\n", "ب", "ة", "د", "،", "(", "a", "0", "\u0600"])


def reference(text: str) -> str:
    """The filter written as plain whole-text substitutions, one after the other."""
    text = re.sub(f"\\r\\n|{chars.char_class(chars.LINE_BREAKS - {chr(10)})}", "\n", text)
    text = re.sub(chars.char_class(chars.HORIZONTAL_SPACES), " ", text)
    text = re.sub(" +", " ", text)
    text = re.sub(" ?\n ?", "\n", text).strip(" ")
    text = re.sub("\n\n\n+", "\n\n", text).strip("\n")
    return text + "\n" if text else ""


@given(st.text(ALPHABET, max_size=40))
def test_the_filter_gives_what_the_reference_gives(text: str) -> None:
    assert Whitespace()(text) == reference(text)


@given(st.text(ALPHABET, max_size=40))
def test_line_breaks_are_counted_as_the_reference_finds_them(text: str) -> None:
    found = re.findall(f"\\r\\n|{chars.char_class(chars.LINE_BREAKS - {chr(10)})}", text)
    assert Whitespace().apply(text)[1].get("line_breaks_normalized", 0) == len(found)


@pytest.mark.parametrize(
    ("text", "expected", "breaks"),
    [
        ("أ\r\nب\r\n", "أ\nب\n", 2),  # a Windows file
        ("أ\r\r\nب", "أ\n\nب\n", 2),  # a CR, then a CRLF: two breaks, a blank line
        ("أ\r\n\rب\u2028", "أ\n\nب\n", 3),
    ],
)
def test_windows_line_breaks(text: str, expected: str, breaks: int) -> None:
    cleaned, found = Whitespace().apply(text)
    assert (cleaned, found["line_breaks_normalized"]) == (expected, breaks)


@given(st.text(ALPHABET, max_size=40))
def test_the_finders_agree_with_a_class_pattern(text: str) -> None:
    odd_break = re.compile(chars.char_class(chars.LINE_BREAKS - {"\n"}))
    odd_space = re.compile(chars.char_class(chars.HORIZONTAL_SPACES - {" "}))
    assert contains_any(text, ws._ODD_BREAKS) == bool(odd_break.search(text))
    assert contains_any(text, ws._ODD_SPACES) == bool(odd_space.search(text))


@pytest.mark.parametrize("char", ODD, ids=lambda c: f"U+{ord(c):04X}")
def test_each_odd_character_is_found_alone_in_arabic_text(char: str) -> None:
    text = "قال بدأ (2024) الوزير" * 50
    characters = ws._ODD_BREAKS if char in chars.LINE_BREAKS else ws._ODD_SPACES
    assert not contains_any(text, characters)
    assert contains_any(text + char, characters)
    assert Whitespace()(f"قال{char}إنه") in ("قال إنه\n", "قال\nإنه\n")


@pytest.mark.parametrize(
    "text",
    ["قال إنه\nجاء\n", "قال إنه\n\nجاء\n", "a b\n", "(أ) ب،\nج\n"],
)
def test_clean_text_comes_back_unchanged(text: str) -> None:
    assert Whitespace().apply(text) == (text, {})


@pytest.mark.parametrize(
    "dirty, clean",
    [("أ \nب", "أ\nب\n"), ("أ\n ب", "أ\nب\n"), ("أ \n ب", "أ\nب\n"), (" \n أ", "أ\n")],
)
def test_spaces_at_line_edges_go(dirty: str, clean: str) -> None:
    assert Whitespace()(dirty) == clean
