"""Look-alike letters: fixed in Arabic paragraphs, untouched in Persian and Urdu ones."""

from __future__ import annotations

import pytest

from arclean.filters import Lookalikes, fix_lookalikes
from arclean.filters.language import Language, paragraph_language
from arclean.filters.lookalikes import ends_in_alef_maksura


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("وزیر الخارجیة الإیرانی", "وزير الخارجية الإيراني"),
        ("أکد الوزیر أن المحادثات کانت بناءة", "أكد الوزير أن المحادثات كانت بناءة"),
        ("ذهب إلی المدرسة علی الفور", "ذهب إلى المدرسة على الفور"),
        ("قال مصطفی إن المستشفی في الحي", "قال مصطفى إن المستشفى في الحي"),
        ("والمستوی العالي للمدرسة", "والمستوى العالي للمدرسة"),
        ("ڪان الرجل في المدينة", "كان الرجل في المدينة"),
        ("قال إن ھذا الأمر في الحكومة", "قال إن هذا الأمر في الحكومة"),
        ("قال إن ہذا الأمر في الحكومة", "قال إن هذا الأمر في الحكومة"),
        ("قال إن الحكومۀ في المدينة", "قال إن الحكومة في المدينة"),
        ("قال إن الحكومۃ في المدينة", "قال إن الحكومة في المدينة"),
        ("قال إن المدرسے في الحي", "قال إن المدرسي في الحي"),
        ("عَلَی الحكومة أن تعمل", "عَلَى الحكومة أن تعمل"),  # marks after the final yeh
    ],
)
def test_lookalikes_fixed_in_arabic(dirty: str, clean: str) -> None:
    assert fix_lookalikes(dirty) == clean


@pytest.mark.parametrize(
    "text",
    [
        "این یک کتاب خوب است که پدرم به من داد",  # Persian
        "من می‌خواهم به خانه بروم و کتاب را بخوانم",
        "یہ ایک اچھی کتاب ہے جو میں نے پڑھی",  # Urdu
        "کتاب",  # one word: no evidence either way
        "ٱلْحَمْدُ لِلَّهِ",  # alef wasla stays
        "رأي الحكومة في بني سويف",  # ي words untouched
    ],
)
def test_lookalikes_kept(text: str) -> None:
    assert fix_lookalikes(text) == text


def test_decided_per_paragraph() -> None:
    text = "وزیر الخارجیة الإیرانی\nاین یک کتاب خوب است"
    assert fix_lookalikes(text) == "وزير الخارجية الإيراني\nاین یک کتاب خوب است"


@pytest.mark.parametrize(
    "word, expected",
    [
        ("علی", True),
        ("وعلی", True),
        ("بالمستوی", True),
        ("لدی", True),
        ("رأی", False),  # opinion: رأي
        ("بنی", False),  # sons of: بني
        ("الإیرانی", False),
        ("فی", False),
    ],
)
def test_alef_maksura_word_list(word: str, expected: bool) -> None:
    assert ends_in_alef_maksura(word) is expected


@pytest.mark.parametrize(
    "text, language",
    [
        ("قال الوزير إن الحكومة", Language.ARABIC),
        ("این یک کتاب خوب است", Language.OTHER),
        ("پ", Language.OTHER),
        ("", Language.UNSURE),
        ("hello world", Language.UNSURE),
    ],
)
def test_paragraph_language(text: str, language: Language) -> None:
    assert paragraph_language(text) is language


def test_lookalikes_counts() -> None:
    assert Lookalikes().apply("وزیر الخارجیة")[1] == {"letters_mapped": 2}
