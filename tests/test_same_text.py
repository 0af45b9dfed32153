"""SameText tells whether a streamed text came out as it went in, whatever the pieces."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from arclean.runner import SameText


def _cut(text: str, cuts: list[int]) -> list[str]:
    """``text`` in pieces, cut at the given places (taken modulo its length)."""
    places = sorted({c % (len(text) + 1) for c in cuts} | {0, len(text)})
    return [text[a:b] for a, b in itertools.pairwise(places)]


def _compare(read: list[str], wrote: list[str], *, interleave: int) -> bool:
    same = SameText()
    # The output lags the input, as a cleaner's does: up to ``interleave`` pieces.
    pending = list(wrote)
    for i, piece in enumerate(read):
        same.read(piece)
        if i >= interleave and pending:
            same.wrote(pending.pop(0))
    for piece in pending:
        same.wrote(piece)
    return same.finish()


TEXT = st.text(alphabet="قال \n\u200fx", max_size=40)
CUTS = st.lists(st.integers(0, 50), max_size=6)


@given(TEXT, TEXT, CUTS, CUTS, st.integers(0, 3))
def test_same_text_is_equality_of_the_joined_pieces(
    before: str, after: str, in_cuts: list[int], out_cuts: list[int], lag: int
) -> None:
    assert _compare(_cut(before, in_cuts), _cut(after, out_cuts), interleave=lag) == (
        before == after
    )


@given(TEXT, CUTS, CUTS, st.integers(0, 3))
def test_the_same_text_in_other_pieces_is_the_same(
    text: str, in_cuts: list[int], out_cuts: list[int], lag: int
) -> None:
    assert _compare(_cut(text, in_cuts), _cut(text, out_cuts), interleave=lag)


def test_cases() -> None:
    assert _compare([], [], interleave=0)
    assert _compare(["", "ab", ""], ["a", "", "b"], interleave=1)
    assert not _compare(["ab"], ["a"], interleave=0)  # output shorter
    assert not _compare(["a"], ["ab"], interleave=0)  # output longer
    assert not _compare(["ab", "c"], ["ab", "d"], interleave=0)
    assert not _compare(["a b"], ["a  b"], interleave=0)


def test_a_difference_frees_the_waiting_input() -> None:
    same = SameText()
    same.read("قال")
    same.wrote("قول")
    same.read("x" * 1000)  # not kept: the answer is known
    assert not same._waiting and not same.finish()
