"""The language decision and the line finder give exactly what their first forms gave.

``paragraph_language`` now sums one signed weight per function word, tests the rare
letters with `in`, and finds article words with a pattern that starts with the article;
``map_arabic_paragraphs`` finds its lines at LF and looks for the rare line breaks only
in them. The first forms are kept here and compared on random text made of the
characters and words that decide.
"""

from __future__ import annotations

import re
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arclean import Pipeline, chars, scan, wordlists
from arclean.filters import language
from arclean.filters.folding import Alef, AlefMaksura, HamzaSeats, TehMarbuta, _LetterFold
from arclean.filters.language import Language, paragraph_language, skeleton
from arclean.filters.templates import remove_templates

LETTER = chars.char_class(ranges=chars.ARABIC_LETTER_RANGES)
NON_ARABIC = re.compile(chars.char_class(chars.NON_ARABIC_LETTERS))
DEFINITE_WORD = re.compile(f"(?<!{LETTER})\u0627\u0644{LETTER}{{2}}")
ZWNJ = chars.ZERO_WIDTH_NON_JOINER


def reference_language(paragraph: str) -> Language:
    """The decision as first written: two sums, a regex for the rare letters."""
    zwnj = len(re.findall(f"(?<=\\w){ZWNJ}(?=\\w)", paragraph))
    bare = skeleton(paragraph)
    folded = language._folded_words(paragraph, bare)
    words = re.findall(f"{LETTER}+", folded)
    other = 3 * sum(w in wordlists.PERSIAN_FUNCTION_WORDS for w in words)
    other += 2 * len(NON_ARABIC.findall(bare)) + zwnj
    arabic = 3 * sum(w in wordlists.ARABIC_FUNCTION_WORDS for w in words)
    arabic += 2 * bare.count(chars.TEH_MARBUTA) + len(DEFINITE_WORD.findall(folded))
    if arabic > other:
        return Language.ARABIC
    if other > arabic:
        return Language.OTHER
    return Language.UNSURE


PIECES = (
    " ",
    "\u0627\u0644",  # the article
    "\u0643\u062a\u0627\u0628",  # كتاب
    "\u0641\u064a",  # في, an Arabic function word
    "\u0639\u0644\u06cc",  # علی, one once its yeh is folded
    "\u0627\u06cc\u0646",  # این, a Persian function word once folded
    "\u0627\u0632",  # از, a Persian function word
    "\u0629",  # teh marbuta
    "\u067e",  # peh, a letter Arabic lacks
    "\u06af",  # gaf
    ZWNJ,
    "\u064e",  # fatha
    chars.SUPERSCRIPT_ALEF,
    "\ufee3",  # a presentation form
    ".",
    "x",
)


@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_language_as_first_decided(paragraph: str) -> None:
    assert paragraph_language(paragraph) is reference_language(paragraph)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("في البيت", Language.ARABIC),  # a function word and an article word
        ("الكتاب", Language.ARABIC),  # article words alone decide
        ("اين از", Language.OTHER),
        ("پ في", Language.ARABIC),  # 3 against 2
        ("پپ في", Language.OTHER),  # 3 against 4
        ("پ الكتاب", Language.OTHER),  # 1 against 2
        ("كتاب", Language.UNSURE),  # no evidence
        ("في از", Language.UNSURE),  # 3 against 3
        ("xالكتاب", Language.ARABIC),  # a Latin letter is no Arabic letter before ال
        ("بالكتاب", Language.UNSURE),  # ال inside a word is no article
    ],
)
def test_language_cases(paragraph: str, expected: Language) -> None:
    assert paragraph_language(paragraph) is expected
    assert reference_language(paragraph) is expected


WORD_PIECES = (
    " ",
    ".",
    "\n",
    "x",
    "\u0629",  # ة
    "\u0634\u062f",  # شد
    "\u0634\u062f\u0647",  # شده: a function word that extends another
    "\u0643\u0627\u0646",  # كان
    "\u0643\u0627\u0646\u062a",  # كانت
    "\u0643\u0646\u062f",  # كند
    "\u0643\u0646\u0646\u062f",  # كنند
    "\u0627\u0644\u0630\u064a\u0646",  # الذين
    "\u0641\u064a",  # في
    "\u0628",  # a letter that makes a longer word of any of them
)


@given(st.lists(st.sampled_from(WORD_PIECES), max_size=30).map("".join))
def test_function_words_are_the_whole_letter_runs(text: str) -> None:
    runs = re.findall(f"{LETTER}+", text)
    expected = [w for w in runs if w in language._WORD_WEIGHTS]
    assert language._function_word().findall(" " + text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("شده شد كانت", ["شده", "شد", "كانت"]),
        ("شدهب بشد كانتب", []),  # a letter before or after makes another word
        ("في.في«في»", ["في", "في", "في"]),  # one character between two words
        ("في", ["في"]),  # at the start and at the end
        ("xفيx", ["في"]),  # Latin letters are no Arabic letters
    ],
)
def test_function_word_cases(text: str, expected: list[str]) -> None:
    assert language._function_word().findall(" " + text) == expected


paragraphs = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@given(st.lists(paragraphs, max_size=6))
def test_languages_of_many_as_of_each(batch: list[str]) -> None:
    assert language._languages(batch) == [paragraph_language(p) for p in batch]
    memory = language.Decisions()
    assert language._languages(batch, memory) == language._languages(batch[::-1], memory)[::-1]


def test_decisions_are_remembered_for_short_paragraphs_within_bounds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[list[str]] = []
    decide_all = language._decide_all

    def counting(paragraphs: list[str]) -> list[Language]:
        asked.append(paragraphs)
        return decide_all(paragraphs)

    monkeypatch.setattr(language, "_decide_all", counting)
    memory = language.Decisions()
    arabic, other, unsure = Language.ARABIC, Language.OTHER, Language.UNSURE
    assert language._languages(["في", "اين از", "في"], memory) == [arabic, other, arabic]
    assert language._languages(["اين از", "كتاب"], memory) == [other, unsure]
    assert asked == [["في", "اين از"], ["كتاب"]]
    assert language._languages(["كتاب"]) == [unsure]  # without the memory: decided again
    long = "في " * 100  # longer than what is remembered
    assert language._languages([long], memory) == language._languages([long], memory)
    assert asked[-2:] == [[long], [long]]
    # Full: the memory starts over, and never holds more than its characters.
    small = language.Decisions(characters=10)
    assert language._languages(["كتاب في", "اين از كتاب", "في"], small) == [arabic, other, arabic]
    assert small.held <= 10 and set(small.known) == {"كتاب في", "في"}
    assert language._languages(["اين از", "في"], small) == [other, arabic]
    assert asked[-1] == ["اين از"] and set(small.known) == {"اين از"}  # started over


def test_a_pipeline_run_shares_decisions_between_its_filters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[list[str]] = []
    decide_all = language._decide_all
    monkeypatch.setattr(
        language,
        "_decide_all",
        lambda paragraphs: asked.append(paragraphs) or decide_all(paragraphs),
    )
    persian = "این یک کتاب است که من می\u200cخواهم"
    text = f"{persian}\nقال الوزیر إن الحكومة ستعمل"
    assert Pipeline.from_preset("default")(text) == (f"{persian}\nقال الوزير إن الحكومة ستعمل\n")
    assert asked == [[persian], ["قال الوزیر إن الحكومة ستعمل"]]  # invisible, lookalikes
    assert Pipeline.from_preset("default")(text) and len(asked) == 4  # a new run decides anew


@given(st.lists(st.one_of(paragraphs, paragraphs.map(lambda p: p + "\n" + p)), max_size=4))
def test_languages_of_paragraphs_holding_a_line_feed(batch: list[str]) -> None:
    """Not what the filters pass, but the answer stays right."""
    assert language._languages(batch) == [paragraph_language(p) for p in batch]


def test_languages_cases() -> None:
    arabic, other, unsure = Language.ARABIC, Language.OTHER, Language.UNSURE
    dagger = "ذٰلك ا\u0644\u0643\u062a\u0627\u0628"  # ذٰلك الكتاب: the dagger's own folds
    assert language._languages([]) == []
    assert language._languages(["في", "اين از", "كتاب", dagger]) == [arabic, other, unsure, arabic]
    assert language._languages(["\ufee3\ufef4\ufe94", "فيٌ"]) == [
        paragraph_language("\ufee3\ufef4\ufe94"),
        arabic,
    ]


def _yeh_to_arabic(text: str) -> str:
    return text.replace("\u06cc", "\u064a")


@given(
    st.lists(
        st.one_of(paragraphs, st.sampled_from(("\n", "\r", "\r\n", "\u2029", "\u06cc"))),
        max_size=12,
    ).map("".join)
)
def test_change_together_as_one_at_a_time(text: str) -> None:
    one = language.map_arabic_paragraphs(text, "\u06cc", _yeh_to_arabic)
    assert language.map_arabic_paragraphs(text, "\u06cc", _yeh_to_arabic, together=True) == one


@given(
    st.lists(
        st.one_of(paragraphs, st.sampled_from(("\n", "\n", "\u06cc", "\u06cc\n"))), max_size=12
    ).map("".join),
    st.booleans(),
)
def test_lines_split_at_lf_are_changed_as_found_one_by_one(text: str, together: bool) -> None:
    # A text with lines close together that hold the letter is split at LF and each
    # distinct line changed once; the result and the count are those of the spans.
    text = text * 3  # repeated lines, as short-line pages have them
    spans = language.map_arabic_paragraphs(text, "\u06cc", _yeh_to_arabic, together=together)
    with mock.patch.object(scan, "_DENSE_AFTER", 2):
        memory = language.Decisions()
        lines = language.map_arabic_paragraphs(
            text, "\u06cc", _yeh_to_arabic, together=together, memory=memory
        )
    assert lines == spans


def test_a_page_of_short_lines_is_changed_a_distinct_line_at_a_time() -> None:
    calls: list[str] = []

    def fix(lines: str) -> str:
        calls.append(lines)
        return _yeh_to_arabic(lines)

    text = "في علی\nی\n" * 1000
    fixed = language.map_arabic_paragraphs(text, "\u06cc", fix, together=True)
    assert fixed == ("في علي\nی\n" * 1000, 1000)  # a lone ی is no Arabic paragraph
    assert calls == ["في علی"]


@pytest.mark.parametrize("copies", [1, 300])  # spans, or the lines split at LF
def test_a_paragraph_is_judged_as_judge_leaves_it(copies: int) -> None:
    # "ف{{x}}ي": a placeholder splits the function word في until templates removes it.
    text = "ف{{x}}ي وزیر\n" * copies
    assert language.map_arabic_paragraphs(text, "\u06cc", _yeh_to_arabic) == (text, 0)
    judged = language.map_arabic_paragraphs(text, "\u06cc", _yeh_to_arabic, judge=remove_templates)
    assert judged == ("ف{{x}}ي وزير\n" * copies, copies)  # changed as it is


def test_a_change_that_makes_a_line_feed_goes_one_at_a_time() -> None:
    text = "في علی\nكتاب\nفي الی"
    calls: list[str] = []

    def split_words(lines: str) -> str:
        calls.append(lines)
        return lines.replace(" ", "\n")

    expected = ("في\nعلی\nكتاب\nفي\nالی", 2)
    assert language.map_arabic_paragraphs(text, "\u06cc", split_words, together=True) == expected
    assert calls == ["في علی\nفي الی", "في علی", "في الی"]
    assert language.map_arabic_paragraphs(text, "\u06cc", split_words) == expected


@given(st.lists(st.sampled_from(WORD_PIECES), max_size=30).map("".join))
def test_persian_words_are_the_whole_letter_runs(text: str) -> None:
    runs = re.findall(f"{LETTER}+", text)
    found = language._persian_word().search(" " + text) is not None
    assert found == any(w in wordlists.PERSIAN_FUNCTION_WORDS for w in runs)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("مدرسة", Language.ARABIC),  # teh marbuta, nothing against
        ("مدرسة از", Language.OTHER),  # 2 against 3
        ("مدرسة الكتاب از", Language.UNSURE),  # 2 + 1 against 3
        ("مدرسة پ", Language.UNSURE),  # 2 against 2
        ("مدرسة في پ", Language.ARABIC),  # 2 + 3 against 2
        ("مدرسة شده", Language.OTHER),  # a Persian word that extends another
        ("مدرسة شدهب", Language.ARABIC),  # no Persian word: a longer one
    ],
)
def test_teh_marbuta_shortcut_cases(paragraph: str, expected: Language) -> None:
    assert paragraph_language(paragraph) is expected
    assert reference_language(paragraph) is expected


@pytest.mark.parametrize("fold", [Alef, AlefMaksura, HamzaSeats, TehMarbuta])
def test_the_decision_folds_every_letter_the_search_folds_map(fold: type[_LetterFold]) -> None:
    # Else a fold could make a word of the lists (ۃ -> ه makes وهي) and a second run
    # of the search preset decide otherwise than the first.
    assert set(fold.FOLDS) <= set(language._FOLD)
