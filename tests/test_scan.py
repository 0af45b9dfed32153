"""The fast scans agree with the plain definition: split into lines, test each line."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arclean import chars, scan
from arclean.scan import contains_any, lines_holding

_BREAK = re.compile(f"\\r\\n|{chars.char_class(chars.LINE_BREAKS)}")


def naive_lines_holding(text: str, characters: str) -> list[tuple[int, int]]:
    """Every line, by a regular expression split, kept when it holds a character."""
    spans, start = [], 0
    for match in [*_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        if any(c in text[start:end] for c in characters):
            spans.append((start, end))
        if match:
            start = match.end()
    return spans


# Arabic and Persian letters, a space, LF and every other line break (CR LF too).
ALPHABET = st.sampled_from(["ق", "ا", "ی", "ک", " ", "\n", "\r\n", *chars.LINE_BREAKS])


@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_lines_holding_matches_the_plain_definition(text: str) -> None:
    assert lines_holding(text, "یک") == naive_lines_holding(text, "یک")


@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_lines_holding_densely_matches_the_plain_definition(text: str) -> None:
    # Every line tested one by one once two lines close together are found; or, when
    # LF is the only break, no spans: the caller splits the text at LF.
    with mock.patch.object(scan, "_DENSE_AFTER", 2):
        found = lines_holding(text, "یک")
    if found is None:
        assert not contains_any(text, scan.RARE_LINE_BREAKS)
        assert len(naive_lines_holding(text, "یک")) >= 2
    else:
        assert found == naive_lines_holding(text, "یک")


def test_lines_holding_gives_no_spans_for_many_close_lines_split_at_lf_alone() -> None:
    assert lines_holding("ی\nقال\n" * 300, "یک") is None
    assert lines_holding("ی\nقال\n" * 300 + "\r", "یک") == [(6 * i, 6 * i + 1) for i in range(300)]
    assert lines_holding(("قال " * 100 + "ی\n") * 300, "یک") is not None  # far apart


def test_lines_holding_many_short_lines() -> None:
    text = "ی\nقال\n" * 300 + "ک\u2028ی\n"
    expected = [(6 * i, 6 * i + 1) for i in range(300)] + [(1800, 1801), (1802, 1803)]
    assert lines_holding(text, "یک") == expected == naive_lines_holding(text, "یک")


def test_lines_holding_cases() -> None:
    assert lines_holding("", "ی") == []
    assert lines_holding("قال\nقال", "ی") == []  # nothing to find: no line
    assert lines_holding("ی", "ی") == [(0, 1)]
    assert lines_holding("ی\n", "ی") == [(0, 1)]
    assert lines_holding("\nیی ی\n\nک", "یک") == [(1, 5), (7, 8)]  # one span a line
    assert lines_holding("ی\r\nک", "یک") == [(0, 1), (3, 4)]  # CRLF is one break
    assert lines_holding("ی\u2028ق\u2029ک", "یک") == [(0, 1), (4, 5)]


def test_contains_any() -> None:
    assert contains_any("abc", "xc")
    assert not contains_any("abc", "xyz")
    assert not contains_any("abc", "")


@given(
    st.text(alphabet=st.sampled_from("قال یک\u2028\u2029\r-]^\\"), max_size=30),
    st.text(alphabet=st.sampled_from("یک\u2028\u2029\r-]^\\x"), max_size=5),
    st.sampled_from([1, 200]),
)
def test_contains_any_short_or_long_is_the_plain_definition(
    text: str, characters: str, copies: int
) -> None:
    text = text * copies  # over and under the length where one class search is used
    assert contains_any(text, characters) == any(c in text for c in characters)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("ق\nق", []),
        ("ی\r\nک", [(0, 1), (3, 4)]),  # CRLF is one break, inside a line found at LF
        ("ق\rی\nق\u2029ک", [(2, 3), (6, 7)]),
        ("\rی\r", [(1, 2)]),
        ("یی ی\n\nک", [(0, 4), (6, 7)]),
    ],
)
def test_lines_holding_cut_at_other_breaks(text: str, expected: list[tuple[int, int]]) -> None:
    assert lines_holding(text, "یک") == expected
