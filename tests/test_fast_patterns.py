"""Patterns rewritten for speed match exactly what their plain forms match.

re scans quickly only for a pattern whose first item is a plain literal or class, so
some patterns are written in a longer form (``ــ*`` for ``ـ+``). Each is checked here
against the plain form it stands for, on random text made of the characters involved.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from arclean import chars
from arclean.filters import diacritics, digits, language, lookalikes, tatweel, unicode

MARK = "\u064e"  # U+064E fatha
FORM = "\ufee3"  # U+FEE3 meem initial form


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def texts(*alphabet: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(alphabet), max_size=40).map("".join)


@given(texts(chars.TATWEEL, "ب", " ", "\n"))
def test_tatweel_run(text: str) -> None:
    plain = re.compile(f"{chars.TATWEEL}+")
    assert spans(tatweel._RUN, text) == spans(plain, text)


@given(texts(FORM, "\ufef7", "ب", " "))
def test_presentation_form_run(text: str) -> None:
    plain = re.compile(unicode._PRESENTATION_FORM.pattern + "+")
    assert spans(unicode._PRESENTATION_FORM_RUN, text) == spans(plain, text)


@given(texts(chars.TATWEEL, MARK, chars.SUPERSCRIPT_ALEF, "ب", " ", "\n", "."))
def test_mark_carrier(text: str) -> None:
    plain = re.compile(f"(?<!\\S)(?:{chars.TATWEEL}+{diacritics._HAS_MARK.pattern}+)+(?!\\S)")
    assert spans(diacritics._MARK_CARRIER, text) == spans(plain, text)


@given(texts("٣", "۳", "3", "ب", " "))
def test_eastern_digit_run(text: str) -> None:
    eastern = chars.ARABIC_INDIC_DIGITS + chars.EXTENDED_ARABIC_INDIC_DIGITS
    plain = re.compile(chars.char_class(eastern) + "+")
    assert spans(language._LETTER_RUN, "بی بَ") == [(0, 2), (3, 4)]
    assert spans(digits._EASTERN, text) == spans(plain, text)


@given(texts("ب", "ی", "َ", " ", "3"))
def test_letter_run(text: str) -> None:
    plain = re.compile(chars.char_class(ranges=chars.ARABIC_LETTER_RANGES) + "+")
    assert spans(language._LETTER_RUN, text) == spans(plain, text)


def test_the_rewrites_do_match() -> None:
    """The random texts above must reach real matches, or equality proves little."""
    assert spans(tatweel._RUN, "بــب ـ") == [(1, 3), (5, 6)]
    assert spans(unicode._PRESENTATION_FORM_RUN, f"ب{FORM}{FORM} {FORM}") == [(1, 3), (4, 5)]
    carrier = f"ب {chars.TATWEEL}{MARK}{chars.TATWEEL}{MARK} ب"
    assert spans(diacritics._MARK_CARRIER, carrier) == [(2, 6)]
    assert spans(diacritics._MARK_CARRIER, f"ب{chars.TATWEEL}{MARK}") == []
    assert spans(language._LETTER_RUN, "بی بَ") == [(0, 2), (3, 4)]
    assert spans(digits._EASTERN, "عام ٢٠۳ و3") == [(4, 7)]


def old_fix_yehs(line: str) -> str:
    """The yeh rule as first written: every word holding a yeh, matched whole."""
    word_char = lookalikes._WORD_CHAR
    final = re.compile(f"{chars.FARSI_YEH}(?={lookalikes._MARKS}*$)")

    def fix(match: re.Match[str]) -> str:
        word = match[0]
        if final.search(word) and lookalikes.ends_in_alef_maksura(word):
            word = final.sub(chars.ALEF_MAKSURA, word)
        return word.replace(chars.FARSI_YEH, chars.YEH)

    return re.sub(f"{word_char}*{chars.FARSI_YEH}{word_char}*", fix, line)


@given(texts(chars.FARSI_YEH, "عل", "مستو", "و", MARK, " ", ".", "x"))
def test_yeh_rule_as_first_written(text: str) -> None:
    assert lookalikes._fix_yehs(text) == old_fix_yehs(text)


def test_yeh_rule_cases() -> None:
    assert lookalikes._fix_yehs("علی والمستوی الإیرانی") == "على والمستوى الإيراني"
    assert lookalikes._fix_yehs(f"علی{MARK}.") == f"على{MARK}."
