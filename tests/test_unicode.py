"""The unicode filter: presentation forms, NFC, ligature symbols."""

from __future__ import annotations

import unicodedata

import pytest

from arclean.filters import Unicode, replace_presentation_forms


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("\ufef7\ufee3\ufee8\ufef4\ufe94", "لأمنية"),  # ﻷﻣﻨﻴﺔ
        ("ا\ufef7\ufee3\ufee8\ufef4\ufe94 \ufeed\ufed7\ufeee\ufe8d\ufe95", "الأمنية وقوات"),
        ("\ufefb", "لا"),
        ("\ufef5", "لآ"),
        ("\ufe87", "إ"),
        ("\ufe8b", "ئ"),
        ("\ufe85", "ؤ"),
        ("\ufc5e", "\u064c\u0651"),  # a ligature of marks: no placeholder space
        ("ا\u0654", "أ"),  # NFC: alef + combining hamza above
        ("ا\u0655", "إ"),
        ("ا\u0653", "آ"),
        ("و\u0654", "ؤ"),
        ("ي\u0654", "ئ"),
        ("\ufe8d\u0654", "أ"),  # a form, then NFC composes it with its mark
    ],
)
def test_unicode_maps_forms_and_composes(dirty: str, clean: str) -> None:
    assert Unicode()(dirty) == clean


@pytest.mark.parametrize(
    "text",
    [
        "ﷺ ﷲ ﷻ ﷽ ﷼",  # word ligatures and the rial sign are symbols
        "مُحَمَّدٌ رَسُولُ ٱللَّهِ",  # Quranic text in NFC already: every mark stays
        "ٱلْحَمْدُ لِلَّهِ رَبِّ ٱلْعَٰلَمِينَ",
        "Café",
        "\ufd3e\ufd3f",  # ornate parentheses are not compatibility forms
    ],
)
def test_unicode_keeps(text: str) -> None:
    assert Unicode()(text) == text


def test_nfc_reorders_marks_without_losing_one() -> None:
    # Shadda then fatha and fatha then shadda are the same text; NFC picks one order.
    a, b = Unicode()("بَّ"), Unicode()("بَّ")
    assert a == b and sorted(a) == sorted("بَّ")


@pytest.mark.parametrize(
    "symbol, phrase",
    [
        ("ﷺ", "صلى الله عليه وسلم"),
        ("ﷲ", "الله"),
        ("ﷻ", "جل جلاله"),
        ("﷽", "بسم الله الرحمن الرحيم"),
    ],
)
def test_ligatures_expand_on_request(symbol: str, phrase: str) -> None:
    assert Unicode(ligatures="expand")(f"النبي {symbol}") == f"النبي {phrase}"


def test_unicode_option_is_validated() -> None:
    with pytest.raises(ValueError, match="ligatures"):
        Unicode(ligatures="drop")  # type: ignore[arg-type]


def test_unicode_counts() -> None:
    assert Unicode().apply("\ufefb \ufe8d")[1] == {"forms_mapped": 2}
    assert Unicode().apply("ا\u0654")[1] == {"composed": 1}


def test_every_form_maps_to_nfc_letters() -> None:
    from arclean import chars

    for cp, letters in chars.PRESENTATION_FORMS.items():
        out = Unicode()(chr(cp))
        assert unicodedata.is_normalized("NFC", out), hex(cp)
        assert out == unicodedata.normalize("NFC", letters), hex(cp)


def test_plain_function() -> None:
    assert replace_presentation_forms("\ufefb") == "لا"
