"""The lossy folds: alef, alef maksura, teh marbuta, hamza seats, elongation, digits."""

from __future__ import annotations

import pytest

from arclean.filters import Alef, AlefMaksura, Digits, Elongation, Filter, HamzaSeats, TehMarbuta


@pytest.mark.parametrize(
    "flt, dirty, clean",
    [
        (Alef(), "أحمد إلى آخر ٱلكتاب", "احمد الى اخر الكتاب"),
        (Alef(), "ٲ ٳ ٵ", "ا ا ا"),
        (AlefMaksura(), "على مستوى", "علي مستوي"),
        (TehMarbuta(), "مدرسة جميلة", "مدرسه جميله"),
        (HamzaSeats(), "مسؤول رئيس", "مسوول رييس"),
        (Elongation(), "مرحباااا جدااا", "مرحبا جدا"),
        (Elongation(), "ههههههه", "ه"),
        (Digits(to="latin"), "عام ٢٠٢٤ و۱۴۰۳", "عام 2024 و1403"),
        (Digits(to="arabic-indic"), "عام 2024 و۱۴۰۳", "عام ٢٠٢٤ و١٤٠٣"),
        (Digits(to="arabic-indic"), "بنسبة 3.5 في المئة", "بنسبة ٣.٥ في المئة"),
    ],
)
def test_folds(flt: Filter, dirty: str, clean: str) -> None:
    assert flt(dirty) == clean


@pytest.mark.parametrize(
    "flt, text",
    [
        (Alef(), "ا ء ؤ ئ"),
        (AlefMaksura(), "علي في"),
        (TehMarbuta(), "مدرسه ت"),
        (HamzaSeats(), "ء أ إ آ"),  # hamza on the line and on alef are not seats
        (Elongation(), "الله مدد ممّا"),  # two in a row is spelling
        (Elongation(), "aaaa !!!! ...."),  # only Arabic letters
        (Digits(), "٢٠٢٤ 2024 ۱۴۰۳"),  # keep is the default
        (Digits(to="latin"), "2024"),
        (Digits(to="arabic-indic"), "COVID-19 https://a.com/2024/x v2 x@y1.com"),
        (Digits(to="arabic-indic"), "١٢٣"),
    ],
)
def test_folds_keep(flt: Filter, text: str) -> None:
    assert flt(text) == text


def test_digits_option_is_validated() -> None:
    with pytest.raises(ValueError, match="to must be"):
        Digits(to="roman")  # type: ignore[arg-type]


def test_fold_counts() -> None:
    assert Alef().apply("أإ")[1] == {"letters_mapped": 2}
    assert Digits(to="latin").apply("٣٤")[1] == {"digits_mapped": 2}
    assert Elongation().apply("جداااا")[1] == {"runs_shortened": 1}
