"""The compact fingerprint set behaves as a set of the keys it was given."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arclean.fingerprints import FingerprintSet

keys = st.text(alphabet="ابت x", max_size=4)


@given(st.lists(st.lists(keys, min_size=1, max_size=3).map(tuple), max_size=300))
def test_first_known_is_a_test_then_adds_on_a_set(batches: list[tuple[str, ...]]) -> None:
    # Small capacity: the table grows several times, and probes wrap and collide.
    compact, plain = FingerprintSet(capacity=16), set[str]()
    for batch in batches:
        known = next((i for i, key in enumerate(batch) if key in plain), -1)
        if known < 0:
            plain.update(batch)
        assert compact.first_known(batch) == known
        assert len(compact) == len(plain)
    assert all(key in compact for key in plain)


@given(st.lists(keys, max_size=200), st.lists(keys, max_size=50))
def test_add_and_membership_are_a_set_s(added: list[str], asked: list[str]) -> None:
    compact, plain = FingerprintSet(capacity=16), set[str]()
    for key in added:
        assert compact.add(key) == (key not in plain)
        plain.add(key)
    assert [key in compact for key in asked] == [key in plain for key in asked]
    assert 3 not in compact  # only strings are keys


def test_a_set_stays_in_its_process() -> None:
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(FingerprintSet())
