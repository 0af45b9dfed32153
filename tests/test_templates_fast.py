"""The templates filter counts a run of one placeholder without matching it again: it
must count, remove and close gaps exactly as matching every run again does."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arclean import chars
from arclean.filters import Templates
from arclean.filters import templates as tpl
from arclean.filters.base import Counts, counts, settle

HSPACE = "".join(chars.HORIZONTAL_SPACES)


def reference_runs(text: str) -> tuple[str, Counts]:
    """Every engine's pattern, and each run's placeholders counted by matching it again."""
    placeholder = re.compile(tpl.PLACEHOLDER)
    run_pattern = re.compile(f"{tpl.PLACEHOLDER}(?:{tpl._SPACE}*{tpl.PLACEHOLDER})*")
    parts: list[str] = []
    pos = removed = lines = 0
    for run in run_pattern.finditer(text):
        removed += len(placeholder.findall(run[0]))
        start, end = run.start(), run.end()
        while start > pos and text[start - 1] in HSPACE:
            start -= 1
        while end < len(text) and text[end] in HSPACE:
            end += 1
        at_start = start == 0 or text[start - 1] in chars.LINE_BREAKS
        at_end = end == len(text) or text[end] in chars.LINE_BREAKS
        parts.append(text[pos:start])
        if at_start and at_end:
            end += 2 if text.startswith("\r\n", end) else 1
            lines += 1
        elif not (at_start or at_end) and (
            start < run.start()
            or end > run.end()
            or tpl._OPEN_MARKUP.search(text, start - 40, start)
        ):
            parts.append(" ")
        pos = min(end, len(text))
    parts.append(text[pos:])
    return "".join(parts), counts(placeholders_removed=removed, lines_removed=lines)


PIECES = [
    *("{{ x }}", "{{x}}", "{%if a%}", "{$v}", "${a}", "<%= y %>", "<?php x ?>", "[% z %]"),
    *("%s", "%(n)s", "%d", "50%", "{", "}", "{{", "}}", "$", "%", "<", "[", "&am"),
    *(" ", " ", "\t", "\n", "\r\n", "قال", "a", "1"),
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_the_filter_gives_what_counting_every_run_gives(text: str) -> None:
    assert Templates().apply(text) == settle(reference_runs, text)


@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_a_short_text_is_cleaned_as_a_long_one_is(text: str) -> None:
    """A short text is searched for the signs' first characters at once."""
    short = Templates().apply(text)
    saved = tpl._SHORT_TEXT
    tpl._SHORT_TEXT = 0
    try:
        assert Templates().apply(text) == short
    finally:
        tpl._SHORT_TEXT = saved


@pytest.mark.parametrize(
    "dirty, clean, found",
    [
        ("قال {{ a }} إن", "قال إن", 1),
        ("قال {{ a }} {{ b }}{% c %} إن", "قال إن", 3),
        ("{{ a }}\nقال", "قال", 1),
        ("قال%s%s إن", "قال%s%s إن", 0),  # glued to a word: printf it is not
    ],
)
def test_runs_are_counted(dirty: str, clean: str, found: int) -> None:
    text, counted = Templates().apply(dirty)
    assert text == clean
    assert counted.get("placeholders_removed", 0) == found


@pytest.mark.parametrize("text", ["قال {إن} هنا", "{ x }", "50% و 100%", "a < b", "{1, 2}"])
def test_text_without_placeholders_comes_back_unchanged(text: str) -> None:
    assert Templates().apply(text) == (text, {})
