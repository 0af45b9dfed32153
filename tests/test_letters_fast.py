"""The letter filters' replace chains give exactly what their one-pass regex forms gave.

Removing or mapping a handful of characters with an `in` test and a str.replace each
costs less than one regex pass over the text. The regex forms are kept here as the
reference and compared with the filters on random text made of the characters involved.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arclean import chars
from arclean.filters import (
    Alef,
    AlefMaksura,
    Diacritics,
    Digits,
    HamzaSeats,
    Tatweel,
    TehMarbuta,
    Unicode,
)
from arclean.filters import diacritics as diacritics_module
from arclean.filters import digits as digits_module
from arclean.filters import unicode as unicode_module
from arclean.filters.folding import _LetterFold
from tests.test_tatweel_fast import reference as tatweel_reference

FATHA = "\u064e"  # U+064E
SHADDA = "\u0651"  # U+0651
SMALL_HIGH_SEEN = "\u06dc"  # U+06DC a Quranic mark
WAVY_HAMZA_BELOW = "\u065f"  # U+065F the last of the other marks
SIDEWAYS_NOON = "\u08ff"  # U+08FF the last Quranic mark
ACUTE = "\u0301"  # U+0301 a mark the filter keeps


def texts(*alphabet: str, max_size: int = 40) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(alphabet), max_size=max_size).map("".join)


DIACRITIC = re.compile(
    chars.char_class(chars.HARAKAT, (*chars.OTHER_MARK_RANGES, *chars.QURANIC_MARK_RANGES))
)


def test_the_mark_list_is_the_mark_class() -> None:
    every = [chr(c) for c in range(0x10000) if DIACRITIC.match(chr(c))]
    assert sorted(diacritics_module._MARKS) == every
    assert len(set(diacritics_module._MARKS)) == len(every)


@given(
    texts(
        "ب", " ", FATHA, SHADDA, SMALL_HIGH_SEEN, WAVY_HAMZA_BELOW, SIDEWAYS_NOON, ACUTE, "\u0808"
    )
)
def test_marks_removed_as_by_the_class(text: str) -> None:
    expected, n = DIACRITIC.subn("", text)
    assert diacritics_module._remove_marks(text) == (expected, n)


@given(st.lists(st.sampled_from((*diacritics_module._MARKS, "ب", " ")), max_size=120).map("".join))
def test_marks_of_every_kind_removed_as_by_the_class(text: str) -> None:
    """Past two dozen distinct marks the filter takes one regex pass instead."""
    expected, n = DIACRITIC.subn("", text)
    assert diacritics_module._remove_marks(text) == (expected, n)


def test_both_mark_paths_are_reached() -> None:
    every = "ب".join(diacritics_module._MARKS)
    assert diacritics_module._remove_marks(every) == (
        "ب" * (len(diacritics_module._MARKS) - 1),
        114,
    )
    assert diacritics_module._remove_marks("بَ") == ("ب", 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مُحَمَّدٌ", ("محمد", 5)),
        (f"ب{SIDEWAYS_NOON}ب{SMALL_HIGH_SEEN}", ("بب", 2)),
        (f"ب{ACUTE}", (f"ب{ACUTE}", 0)),  # not an Arabic mark: kept
        ("محمد", ("محمد", 0)),
        (f"ب{chars.SUPERSCRIPT_ALEF}", (f"ب{chars.SUPERSCRIPT_ALEF}", 0)),  # the dagger's own rule
        ("\u2008ب\u064e", ("\u2008ب", 1)),  # byte 08, not in the rare block
        ("\u08a0\u08ca\u064e", ("\u08a0", 2)),  # a letter of the rare block stays
    ],
)
def test_remove_marks_cases(text: str, expected: tuple[str, int]) -> None:
    assert diacritics_module._remove_marks(text) == expected


EASTERN = chars.ARABIC_INDIC_DIGITS + chars.EXTENDED_ARABIC_INDIC_DIGITS
TO_LATIN = str.maketrans(EASTERN, chars.LATIN_DIGITS * 2)


def latin_reference(text: str) -> tuple[str, dict[str, int]]:
    n = sum(c in EASTERN for c in text)
    return text.translate(TO_LATIN), ({"digits_mapped": n} if n else {})


@given(texts(*EASTERN[:4], *EASTERN[10:13], "3", "ب", " "))
def test_latin_digits_by_replaces(text: str) -> None:
    assert Digits(to="latin").apply(text) == latin_reference(text)


@given(texts(*EASTERN, "3", "ب", " ", max_size=80))
def test_latin_digits_with_many_digits_present(text: str) -> None:
    """Past a dozen distinct digits the filter takes its one-pass path."""
    assert Digits(to="latin").apply(text) == latin_reference(text)


def test_both_digit_paths_are_reached() -> None:
    every = EASTERN + " 12"
    assert Digits(to="latin").apply(every) == ("0123456789" * 2 + " 12", {"digits_mapped": 20})
    assert Digits(to="latin").apply("٣ و۳") == ("3 و3", {"digits_mapped": 2})
    assert Digits(to="latin").apply("2024 بب") == ("2024 بب", {})


def test_diacritics_filter_counts_each_mark() -> None:
    assert Diacritics().apply("مُحَمَّدٌ") == ("محمد", {"marks_removed": 5})


# --- unicode: presentation forms found through the UTF-32 bytes ------------------------

FORMS = ("\ufef7", "\ufee3", "\ufe94", "\ufb8f", "\ufdf2", "\ufc5e", "\ufe70")
NOT_FORMS = ("\ufe0f", "\ufb01", "\ufe00", "\U0001fb50", "\ufffd", "\ud800", "\u00fe")


def forms_reference(text: str) -> tuple[str, int]:
    forms = 0

    def letters(match: re.Match[str]) -> str:
        nonlocal forms
        forms += len(match[0])
        return match[0].translate(chars.PRESENTATION_FORMS)

    run = re.compile(chars.char_class(map(chr, chars.PRESENTATION_FORMS)) + "+")
    return run.sub(letters, text), forms


@given(texts(*FORMS, *NOT_FORMS, "ب", " ", "\n"))
def test_forms_mapped_as_by_the_class(text: str) -> None:
    assert unicode_module._map_forms(text) == forms_reference(text)


@given(texts(*FORMS, *NOT_FORMS, "ب", " ", "\n", "\u064e"))
def test_a_short_text_is_cleaned_as_a_long_one_is(text: str) -> None:
    """A short text is searched for forms with one pattern first; a long one is not."""
    short = unicode_module._map_forms(text), Unicode().apply(text)
    saved = unicode_module._SHORT_TEXT
    unicode_module._SHORT_TEXT = 0
    try:
        assert (unicode_module._map_forms(text), Unicode().apply(text)) == short
        assert unicode_module._map_forms(text) == forms_reference(text)
    finally:
        unicode_module._SHORT_TEXT = saved


@given(texts(*FORMS, *NOT_FORMS, "ب", max_size=200))
def test_forms_past_the_candidate_budget(text: str) -> None:
    """Past its budget of candidates the rest of the text goes to one substitution."""
    saved = unicode_module._MIN_CANDIDATES
    unicode_module._MIN_CANDIDATES = 3
    try:
        assert unicode_module._map_forms(text) == forms_reference(text)
    finally:
        unicode_module._MIN_CANDIDATES = saved


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\ufef7\ufee3\ufee8\ufef4\ufe94", ("لأمنية", 5)),
        ("ب \ufe8d\ufe0f\ufe8d", ("ب ا\ufe0fا", 2)),  # a variation selector between forms
        ("\U0001fb50\ufe8d", ("\U0001fb50ا", 1)),  # an astral character of the same byte
        ("\ufdf2 \ufdfa", ("\ufdf2 \ufdfa", 0)),  # kept ligatures are not forms here
        ("\ufe0f\ufb01\ufe00 abc", ("\ufe0f\ufb01\ufe00 abc", 0)),
        ("\ud800\ufe8d", ("\ud800ا", 1)),  # a lone surrogate does not stop the scan
        ("", ("", 0)),
    ],
)
def test_map_forms_cases(text: str, expected: tuple[str, int]) -> None:
    assert unicode_module._map_forms(text) == expected


def test_text_made_of_candidates() -> None:
    text = "\ufe0f\ufe8d" * 50_000
    assert unicode_module._map_forms(text) == ("\ufe0fا" * 50_000, 50_000)


# --- tatweel: the runs inside words removed in one substitution --------------------

SMALL_WAW = "\u06e5"  # U+06E5 in the mark ranges, but a letter (Lm) to unicodedata
HAMZA_ABOVE = "\u0654"  # U+0654 a mark NFC composes with the letter before


@given(
    st.lists(
        st.sampled_from(
            ("ب", "ا", "ي", " ", chars.TATWEEL, FATHA, SHADDA, SMALL_WAW, HAMZA_ABOVE, "\n")
        ),
        max_size=40,
    ).map("".join)
)
def test_tatweel_as_by_the_per_run_callback(text: str) -> None:
    assert Tatweel().apply(text) == tatweel_reference(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"ب{chars.TATWEEL}{FATHA}{SHADDA}", f"ب{FATHA}{SHADDA}"),  # already in order
        (f"ب{SHADDA}{chars.TATWEEL}{FATHA}", f"ب{FATHA}{SHADDA}"),  # put in order
        (f"ا{chars.TATWEEL}{HAMZA_ABOVE}", "\u0623"),  # composed
        (f"ب{chars.TATWEEL}{SMALL_WAW}", f"ب{SMALL_WAW}"),
        (f"ب {chars.TATWEEL} ب", "ب - ب"),  # not inside a word: a dash
    ],
)
def test_tatweel_cases(text: str, expected: str) -> None:
    assert Tatweel()(text) == expected
    assert tatweel_reference(text)[0] == expected


@given(texts(*FORMS, "\ufb50", "\u00fe", "\u00fb", "\u06fe", "\u25fe", "ب", " "))
def test_forms_among_characters_whose_low_byte_is_a_form_byte(text: str) -> None:
    """þ (U+00FE) and ۾ (U+06FE) share a byte value with the forms' high bytes."""
    assert unicode_module._map_forms(text) == forms_reference(text)


@pytest.mark.parametrize(
    "text",
    ["\u00fe\ufe8d", "\u06fe\ufe8d\u00fe", "\u00fb\ufe8d", "\ufb50\u00fe\ufe8d", "\u00fe\u00fb"],
)
def test_form_bytes_as_low_bytes(text: str) -> None:
    assert unicode_module._map_forms(text) == forms_reference(text)


# --- letter folds: variants of one letter counted together ---------------------------


def fold_reference(folds: tuple[tuple[str, str], ...], text: str) -> tuple[str, dict[str, int]]:
    n = 0
    for variant, letter in folds:
        n += text.count(variant)
        text = text.replace(variant, letter)
    return text, ({"letters_mapped": n} if n else {})


FOLD_FILTERS = (Alef(), AlefMaksura(), TehMarbuta(), HamzaSeats())


@pytest.mark.parametrize("fold", FOLD_FILTERS, ids=lambda f: f.name)
@given(
    text=texts(
        *sorted(chars.ALEF_VARIANTS),
        chars.ALEF,
        chars.ALEF_MAKSURA,
        chars.YEH,
        chars.TEH_MARBUTA,
        chars.TEH_MARBUTA_GOAL,
        chars.WAW_HAMZA_ABOVE,
        chars.YEH_HAMZA_ABOVE,
        "ب",
        " ",
    )
)
def test_folds_as_one_variant_at_a_time(fold: _LetterFold, text: str) -> None:
    assert fold.apply(text) == fold_reference(fold.FOLDS, text)


@pytest.mark.parametrize(
    ("fold", "text", "expected", "n"),
    [
        (Alef(), "أحمد إلى آخر ٱلكتاب", "احمد الى اخر الكتاب", 4),
        (Alef(), "احمد", "احمد", 0),
        (TehMarbuta(), "مدرسة \u06c3", "مدرسه ه", 2),
        (HamzaSeats(), "مسؤول رئيس", "مسوول رييس", 2),
        (AlefMaksura(), "على", "علي", 1),
    ],
)
def test_fold_cases(fold: _LetterFold, text: str, expected: str, n: int) -> None:
    assert fold.apply(text) == (expected, {"letters_mapped": n} if n else {})


@given(texts("٢", "٠", "ب", " "), st.integers(min_value=0, max_value=3))
def test_digit_count_by_finds(text: str, budget_chars: int) -> None:
    """Counted by finds, or by finds and then one count past the budget."""
    saved = digits_module._FINDS_PER_CHAR
    digits_module._FINDS_PER_CHAR = budget_chars / 40
    try:
        assert digits_module._count(text, "٢") == text.count("٢")
    finally:
        digits_module._FINDS_PER_CHAR = saved


@given(texts(*FORMS, "\U0001fe8d", "\U0001f600", "\ufe0f", "\u00fe", "ب"))
def test_forms_in_text_beyond_the_bmp(text: str) -> None:
    """A character beyond U+FFFF: the UTF-32 bytes, where each character takes 4."""
    assert unicode_module._map_forms(text) == forms_reference(text)


def test_forms_after_an_astral_character() -> None:
    text = "\U0001f600\ufe8d \U0001fe8d\ufee3"
    assert unicode_module._map_forms(text) == ("\U0001f600ا \U0001fe8dم", 2)


@given(texts(*FORMS, *NOT_FORMS, "\U0001fe8d", "ب", " "), st.integers(min_value=1, max_value=5))
def test_forms_found_chunk_by_chunk(text: str, chunk: int) -> None:
    """Runs of forms across the edge of a chunk, chunks with and without astral
    characters: the same as one pass."""
    saved = unicode_module._CHUNK
    unicode_module._CHUNK = chunk
    try:
        assert unicode_module._map_forms(text) == forms_reference(text)
    finally:
        unicode_module._CHUNK = saved


def test_a_run_across_chunks() -> None:
    saved = unicode_module._CHUNK
    unicode_module._CHUNK = 2
    try:
        assert unicode_module._map_forms("ب\ufee3\ufee3\ufee3\ufee3 \U0001f600\ufe8d") == (
            "بمممم \U0001f600ا",
            5,
        )
    finally:
        unicode_module._CHUNK = saved


@given(texts("ب", FATHA, SIDEWAYS_NOON, "\u2008", " "), st.integers(min_value=1, max_value=4))
def test_rare_marks_found_chunk_by_chunk(text: str, chunk: int) -> None:
    saved = diacritics_module._CHUNK
    diacritics_module._CHUNK = chunk
    try:
        expected, n = DIACRITIC.subn("", text)
        assert diacritics_module._remove_marks(text) == (expected, n)
    finally:
        diacritics_module._CHUNK = saved
