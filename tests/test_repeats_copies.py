"""Runs of copies in the repeats filter: a line dropped alone as a back-to-back repeat
takes the copies of it that follow with it, in one step (100,000 one-character lines
must not cost 100,000 looks). Whatever the shortcut skips, the result must be the
careful way's, which walks every line."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arclean.filters import Repeats
from arclean.filters.repeats import (
    _apply_carefully,
    _apply_sparsely,
    _Document,
    _drop,
    _SparseDocument,
)

OPTIONS: list[dict[str, Any]] = [
    {},
    {"near": False},
    {"min_words": 1},
    {"min_words": 2},
    {"min_words": 3, "near": False},
]

LONG = "قال الوزير إن الحكومة ستعمل على تحسين الخدمات."
NEAR_LONG = "قالَ الوزير ان الحكومه ستعمل علي تحسين الخدمات"  # LONG, near
VERSE = "يا ليل الصب متى غده"  # five words, no full stop: verse-like


def _same_as_careful(text: str, **options: Any) -> tuple[str, dict[str, int]]:
    """The document scope's result with its shortcuts, after checking it against the
    careful way's."""
    repeats = Repeats(**options)
    fast = _apply_sparsely(repeats, text)
    assert fast == _apply_carefully(repeats, text)
    if len(text) >= 400:  # the document scope's own choice: the shortcuts
        assert repeats.apply(text) == fast
    return fast


# --- Random documents: few distinct lines, many copies in a row -----------------------

# Short lines (never verse), verse-like lines (three to ten words, no sentence end),
# prose, near variants, lines without a letter or digit, sentences said twice in a line
# (collapsed: a copy of a collapsed line must not be taken for one of its original),
# teasers, blank and space-only lines.
LINES = [
    "ب",
    "ب ",
    " ب",
    "بَ",
    "x",
    "X",
    "12",
    "قال الوزير",
    "قال الوزير إن",
    "قال الوزير إن.",
    VERSE,
    "أقيام الساعة موعده",
    LONG,
    NEAR_LONG,
    LONG + " " + LONG,
    "قال الوزير. قال الوزير",
    "قال الوزير إن الحكومة ستعمل...",
    "***",
    "* * *",
    "* * * * *",
    "| |",
    "",
    " ",
]
BREAKS = ["\n", "\n", "\n", "\n", "\r\n", "\u2028"]


@st.composite
def documents(draw: st.DrawFn) -> str:
    out: list[str] = []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["copies", "copies", "copies", "line", "block"]))
        if kind == "block" and out:  # the last lines again, back to back, once or more
            block = out[-draw(st.integers(1, min(4, len(out)))) :]
            out += block * draw(st.integers(1, 3))
        elif kind == "copies":  # one line, many times in a row
            out += [draw(st.sampled_from(LINES))] * draw(st.integers(2, 12))
        else:
            out.append(draw(st.sampled_from(LINES)))
    return "".join(line + draw(st.sampled_from(BREAKS)) for line in out)


@given(documents())
def test_copies_give_the_careful_result(text: str) -> None:
    for options in OPTIONS:
        _same_as_careful(text, **options)


@given(st.lists(st.sampled_from(["ب", "ت", VERSE, LONG, "***", ""]), max_size=40))
def test_copies_of_a_few_lines_give_the_careful_result(lines: list[str]) -> None:
    text = "\n".join(lines)
    for options in OPTIONS:
        _same_as_careful(text, **options)


# --- What runs of copies become -------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected, dropped",
    [
        ("ب\nب\nب\n", "ب\n", {"dropped_exact": 2}),
        ("ب\n" * 1000, "ب\n", {"dropped_exact": 999}),
        ("ب\nب\n\nب\nب", "ب\n\nب\n", {"dropped_exact": 2}),  # a blank line ends a run
        (f"{LONG}\n" * 5, f"{LONG}\n", {"dropped_exact": 4}),
        (f"{LONG}\n" + f"{NEAR_LONG}\n" * 3, f"{LONG}\n", {"dropped_near": 3}),
        ("ب\nت\n" * 5, "ب\nت\n", {"dropped_exact": 8}),  # a block: no copies in a row
        ("ب\n ب\nب \n", "ب\n", {"dropped_exact": 2}),  # copies once spaces are folded
        ("ب\nت\nت\nت\nب\n", "ب\nت\nب\n", {"dropped_exact": 2}),
    ],
)
def test_runs_of_copies(text: str, expected: str, dropped: dict[str, int]) -> None:
    result, counts = _same_as_careful(text)
    assert result == expected
    assert {k: v for k, v in counts.items() if k.startswith("dropped")} == dropped


@pytest.mark.parametrize(
    "text",
    [
        "***\n" * 50,  # no letter or digit: never a repeat
        "\n" * 50,
        f"{VERSE}\n" * 50,  # a verse block: its refrains stay
        "قال الوزير إن\n" * 6,  # three words, no full stop: a verse block too
    ],
)
def test_runs_of_copies_that_stay(text: str) -> None:
    for options in OPTIONS:
        if options.get("min_words") == 1 and text.startswith("*"):
            continue  # "***" is then a paragraph of one word, compared across the text
        assert _same_as_careful(text, **options)[0] == text


def test_a_copy_of_a_collapsed_line_is_judged_on_its_own() -> None:
    # "X. X" collapses to "X." and then equals the next line, which it was not.
    said_twice = f"{LONG} {LONG}"
    text = f"{said_twice}\n{LONG}\n{LONG}\n{said_twice}\n"
    result, counts = _same_as_careful(text, min_words=3)
    assert result == f"{LONG}\n"
    assert counts["segments_collapsed"] == 2


@pytest.mark.parametrize(
    "line, looked_at, dropped",
    [
        # the first two copies: the rest go with the second, dropped
        ("ب", [0, 1], {"dropped_exact": 9_999}),
        (LONG, [0, 1], {"dropped_exact": 9_999}),
        # the first: the rest go with it, kept (a verse line is never dropped)
        (VERSE, [0], {}),
    ],
)
def test_a_run_of_copies_is_looked_at_once(
    line: str, looked_at: list[int], dropped: dict[str, int]
) -> None:
    text = f"{line}\n" * 10_000
    doc = _SparseDocument.of(text, Repeats())
    assert doc is not None
    looks = []
    back_to_back = doc.back_to_back
    doc.back_to_back = lambda i, run: looks.append(i) or back_to_back(i, run)  # type: ignore[method-assign]
    result, counts = _drop(text, doc)
    assert (result, counts) == (
        text if not dropped else f"{line}\n",
        {"paragraphs_seen": 10_000, **dropped},
    )
    assert looks == looked_at
    assert doc.copies(1) == 9_998 and doc.copies(9_999) == 0


@pytest.mark.parametrize(
    "block, kept",
    [
        (["ب", "ت"], 2),  # dropped from the first copy on
        (["أ ب", "ج د", "ه و", LONG], 4),
        ([VERSE, "أقيام الساعة موعده"], 10_000),  # verse lines, never in a block: all kept
    ],
)
def test_copies_of_a_block_are_passed_without_keys_for_each(block: list[str], kept: int) -> None:
    # "ب\nت\n" 5,000 times: the walk drops the first copy of the block and the copies
    # after it with it; their keys and verse flags are neither asked for nor made.
    text = "".join(f"{line}\n" for line in block) * (10_000 // len(block))
    doc = _SparseDocument.of(text, Repeats(min_words=1))
    assert doc is not None
    looks = []
    back_to_back = doc.back_to_back
    doc.back_to_back = lambda i, run: looks.append(i) or back_to_back(i, run)  # type: ignore[method-assign]
    result, counts = _drop(text, doc)
    assert result == text[: sum(len(line) + 1 for line in (block * 10_000)[:kept])]
    assert counts.get("dropped_exact", 0) == len(text.splitlines()) - kept
    if kept < 10_000:
        assert looks == list(range(len(block) + 1))
        assert len(doc.exact) <= 2 * len(block) and len(doc._like) <= 2 * len(block)
    assert (result, counts) == _same_as_careful(text, min_words=1)


def test_lines_without_a_letter_or_digit_are_kept_without_a_look() -> None:
    # "***" is never dropped nor in a back-to-back block; "* * * * *" has enough words
    # to be walked (and is kept: no letter or digit), and "12" has digits: those are
    # looked at.
    text = "***\n" * 1000 + "* * * * *\n* * * * *\n12\n12\n"
    doc = _SparseDocument.of(text, Repeats())
    assert doc is not None
    assert doc.walked == [1000, 1001, 1002, 1003]
    assert 0 in doc.candidates
    assert _same_as_careful(text) == (
        "***\n" * 1000 + "* * * * *\n* * * * *\n12\n",
        {"paragraphs_seen": 1004, "dropped_exact": 1},
    )
    with_one_word = _SparseDocument.of(text, Repeats(min_words=1))
    assert with_one_word is not None
    assert with_one_word.walked == with_one_word.candidates


def test_short_lines_between_blank_lines_are_kept_without_a_look() -> None:
    # A line between blank lines has no kept line before it in its block: only a
    # paragraph long enough to be compared across the document can go.
    text = "ب\n\n" * 1000 + f"{LONG}\n\n{LONG}\n\nب\nب\n"
    doc = _SparseDocument.of(text, Repeats())
    assert doc is not None
    assert doc.walked == [2000, 2002, 2004, 2005]
    assert _same_as_careful(text) == (
        "ب\n\n" * 1000 + f"{LONG}\n\n\nب\n",
        {"paragraphs_seen": 1004, "dropped_exact": 2},
    )
    with_one_word = _SparseDocument.of(text, Repeats(min_words=1))
    assert with_one_word is not None
    assert with_one_word.walked == with_one_word.candidates
    assert _same_as_careful(text, min_words=1)[1]["dropped_exact"] == 1001 + 1  # and LONG


@given(documents())
def test_lines_alone_share_their_near_key_with_no_line(text: str) -> None:
    # The walk asks no back-to-back question of these lines: none may be like another,
    # after collapsing too.
    for options in OPTIONS:
        doc = _Document(text, Repeats(**options), set())
        assert doc.alone == {i for i, key in enumerate(doc.near) if doc.near.count(key) == 1}


def test_a_line_collapsed_like_the_next_is_not_alone() -> None:
    said = "قال الوزير إن الحكومة ستعمل."
    doc = _Document(f"{said} {said}\n{said}\n", Repeats(min_words=3), set())
    assert doc.segments_collapsed == 1
    assert doc.near[0] == doc.near[1] and not {0, 1} & doc.alone
