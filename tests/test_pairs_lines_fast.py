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
