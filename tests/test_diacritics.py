"""The diacritics filter (lossy), with the superscript alef rules."""

from __future__ import annotations

import pytest

from arclean.filters import Diacritics, remove_diacritics


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("مُحَمَّدٌ رَسُولُ اللَّهِ", "محمد رسول الله"),
        ("شنّ", "شن"),
        ("كِتَابًا", "كتابا"),
        ("ٱلْعَٰلَمِينَ", "ٱلعالمين"),  # dagger alef written as alef; wasla is alef's job
        ("هٰذا", "هذا"),
        ("ذٰلِكَ", "ذلك"),
        ("لٰكِنَّ", "لكن"),
        ("ٱلرَّحْمَٰنِ", "ٱلرحمن"),
        ("وَلٰكِنَّهُمْ", "ولكنهم"),
        ("إِلَٰهَكُمْ", "إلهكم"),
        ("هَٰٓؤُلَآءِ", "هؤلآء"),  # the madda goes with the alef filter
        ("ٱلصَّلَوٰةَ", "ٱلصلاة"),
        ("ٱلْحَيَوٰةِ", "ٱلحياة"),
        ("هَٰٓأَنتُمْ", "ها أنتم"),
        ("عَلَىٰ", "على"),
        ("مُوسَىٰ", "موسى"),
        ("إِبْرَٰهِيمَ", "إبراهيم"),
        ("ٱلسَّمَٰوَٰتِ", "ٱلسماوات"),
        ("يَٰقَوْمِ", "يا قوم"),
        ("يَٰٓأَيُّهَا", "يا أيها"),
        ("صَلَّى ٱللَّهُ عَلَيْهِ ۖ وَسَلَّمَ", "صلى ٱلله عليه  وسلم"),  # a pause mark goes
        ("\u0670", ""),  # a dagger alef on nothing carries nothing
    ],
)
def test_diacritics_removed(dirty: str, clean: str) -> None:
    assert remove_diacritics(dirty) == clean


@pytest.mark.parametrize(
    "text",
    [
        "محمد رسول الله",
        "\u06dd١٢",  # end of ayah sign with its number stays
        "۞ بداية الحزب",  # rub el hizb is a sign, not a mark
        "Café naïve",  # Latin combining marks are not ours
        "ء",
    ],
)
def test_diacritics_kept(text: str) -> None:
    assert remove_diacritics(text) == text


def test_diacritics_counts() -> None:
    assert Diacritics().apply("شَنّ هٰذا")[1] == {"marks_removed": 2, "dagger_alefs": 1}
