"""The tatweel filter."""

from __future__ import annotations

import pytest

from arclean.filters import Tatweel, remove_tatweel


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("اللـــه", "الله"),
        ("الســـلام عليكم", "السلام عليكم"),
        ("مـُـحـمـد", "مُحمد"),
        ("جميـــــل", "جميل"),
        ("واشنطن ـ سبأنت", "واشنطن - سبأنت"),  # a lone tatweel used as a dash
        ("قد ـــ والله ـــ جاء", "قد - والله - جاء"),
    ],
)
def test_tatweel(dirty: str, clean: str) -> None:
    assert remove_tatweel(dirty) == clean


@pytest.mark.parametrize(
    "text",
    [
        "ـ",
        "ـــــــــ",  # a drawn separator line
        "  ـــ  ",
        "عام 1437هـ",  # the Hijri year abbreviation
        "1437 هـ",
        "ـه في البداية",
        "abcـdef",  # not Arabic letters around it
    ],
)
def test_tatweel_kept(text: str) -> None:
    assert remove_tatweel(text) == text


def test_tatweel_counts() -> None:
    assert Tatweel().apply("اللـــه ـ ثم")[1] == {"chars_removed": 3, "dashes": 1}


def test_marks_brought_together_are_composed() -> None:
    # alef, tatweel, combining hamza above: with the tatweel gone they compose to أ
    assert remove_tatweel("سا\u0640\u0654ل") == "س\u0623ل"
    # shadda then fatha across the tatweel: put in canonical order (fatha first)
    assert remove_tatweel("ب\u0651\u0640\u064e") == "ب\u064e\u0651"
    # a letter after the tatweel: nothing to compose
    assert remove_tatweel("بــت") == "بت"
