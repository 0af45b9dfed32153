"""pairs.lines_matching and lines_where told UNKNOWN_BREAKS look for the line breaks
other than LF only in the lines they work on: they must find the lines they find
when told which breaks the text holds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from arclean import chars
from arclean.filters import pairs

BREAKS = sorted(chars.LINE_BREAKS)
PIECES = [*BREAKS, "\n", "\n", '"', '"', "(", ")", " ", "أ", "ب", "x", "\r\n"]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=1500, deadline=None)
@given(texts)
def test_quote_lines_are_the_same_lines(text: str) -> None:
    pattern = pairs._straight_quotes_to_check()
    known = pairs.lines_matching(text, pattern, pairs.other_line_breaks(text))
    assert pairs.lines_matching(text, pattern, pairs.UNKNOWN_BREAKS, '"') == known
    assert pairs.lines_matching(text, re.compile('.*"'), pairs.UNKNOWN_BREAKS, '"') == (
        pairs.lines_matching(text, re.compile('.*"'))
    )


@settings(max_examples=1500, deadline=None)
@given(texts)
def test_trigger_lines_are_the_same_lines(text: str) -> None:
    triggers = [pairs.Trigger(re.compile('"')), pairs._bracket_trigger("(")]
    known = pairs.lines_where(text, triggers, pairs.other_line_breaks(text))
    assert pairs.lines_where(text, triggers, pairs.UNKNOWN_BREAKS) == known
    assert pairs.lines_to_tighten(text, pairs.UNKNOWN_BREAKS) == pairs.lines_to_tighten(text)


def naive_lines_matching(
    text: str, pattern: re.Pattern[str], holding: str
) -> list[tuple[int, int]]:
    """Every line (CR and LF each end one), tried when it holds ``holding``."""
    spans, start = [], 0
    for match in [*re.finditer(chars.char_class(chars.LINE_BREAKS), text), None]:
        end = match.start() if match else len(text)
        if holding in text[start:end] and pattern.match(text, start, end):
            spans.append((start, end))
        if match:
            start = match.end()
    return spans


# Windows files: every line ends with CRLF, the last one too or not.
crlf_texts = st.lists(st.lists(st.sampled_from(['"', "(", " ", "أ", "x"]), max_size=6)).map(
    lambda lines: "\r\n".join(map("".join, lines))
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(crlf_texts, crlf_texts.map(lambda text: text + "\r\n"), texts))
def test_quote_lines_of_windows_files(text: str) -> None:
    pattern = pairs._straight_quotes_to_check()
    expected = naive_lines_matching(text, pattern, '"')
    assert pairs.lines_matching(text, pattern, pairs.other_line_breaks(text), '"') == expected
    assert pairs.lines_matching(text, pattern, pairs.UNKNOWN_BREAKS, '"') == expected


def test_quote_lines_of_a_windows_file() -> None:
    text = 'قال "أ" ثم\r\nب\r\n" x "\r\n' * 30  # 22 characters; two lines in three found
    pattern = re.compile('.*"')
    expected = [
        (start + 22 * i, end + 22 * i) for i in range(30) for start, end in ((0, 10), (15, 20))
    ]
    assert pairs.lines_matching(text, pattern, ("\r",), '"') == expected
    assert pairs.lines_matching(text[:22], pattern, ("\r",), '"') == expected[:2]
    few = "ب\r\n" * 50 + 'قال "أ"\r\n' + "ب\r\n" * 50  # one line in 101 found
    assert pairs.lines_matching(few, pattern, ("\r",), '"') == [(150, 157)]
