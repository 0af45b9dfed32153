"""Real scraped text from ../shared/corpus: no crash, idempotent, nothing of value lost.

Skipped when the corpus is not beside the checkout; the fixtures suffice without it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

import arclean
from arclean import chars
from arclean.filters import Repeats
from arclean.filters.paragraph_keys import near_key
from tests.conftest import CORPUS, corpus_files, needs_corpus, visible_text

DOCUMENTS = corpus_files("docs", "hard_cases")
HARD_CASES = corpus_files("hard_cases")
ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


@needs_corpus
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
@pytest.mark.parametrize("preset", sorted(arclean.PRESETS))
def test_corpus_document_is_cleaned_idempotently(path: Path, preset: str) -> None:
    once = arclean.clean(_read(path), preset)
    assert arclean.clean(once, preset) == once


@needs_corpus
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_safe_keeps_every_arabic_word(path: Path) -> None:
    # safe only removes artifacts and repeated lines, so every distinct word a reader
    # sees stays (compared as repeats compares: a near repeat may differ by a yeh or a
    # mark). Words in tag attributes, scripts and comments are not seen; a word split by
    # an inline tag (كل<b>مة</b>) is seen as two and comes out whole.
    text = _read(path)
    seen = visible_text(arclean.clean(text, select=["invisible"]))
    before = set(ARABIC_WORD.findall(near_key(seen)))
    cleaned = near_key(arclean.clean(text, "safe"))
    missing = before - set(ARABIC_WORD.findall(cleaned))
    assert not [word for word in missing if word not in cleaned]


REPEATED = {
    "d01_oscar2019_ar_commoncrawl_forums.txt": {"dropped_exact": 5},  # welcome lines
    "d03_labr_book_reviews.tsv.txt": {"dropped_exact": 1},  # the same review twice
    "p01_albawabhnews_2854366_excerpt.txt": {"dropped_near": 2},  # masthead, ى/ي
    "p02_themar_ahlamontada_forum_excerpt.txt": {"dropped_exact": 2},  # author block
    "p03_minisoftwre_blog_excerpt.txt": {"dropped_teasers": 1},
    "p10_wiki_hsoub_diff_page_wikitext_excerpt.txt": {"dropped_exact": 4, "dropped_near": 1},
    "p11_wiki_hsoub_diff_9478_template_excerpt.txt": {"segments_collapsed": 2},
}


@needs_corpus
@pytest.mark.parametrize("name, expected", sorted(REPEATED.items()))
def test_layout_repeats_are_dropped(name: str, expected: dict[str, int]) -> None:
    # Counts checked by reading each document's repeats (see SOURCES.tsv).
    stats = Repeats().apply(_read(CORPUS / "docs" / name))[1]
    stats.pop("paragraphs_seen")
    assert stats == expected


@needs_corpus
@pytest.mark.parametrize("path", HARD_CASES, ids=lambda p: p.name)
def test_hard_cases_keep_every_line(path: Path) -> None:
    # Separators, poems with refrains, anaphora: repeats drops nothing here.
    stats = Repeats().apply(_read(path))[1]
    assert set(stats) == {"paragraphs_seen"}


DECIMAL = re.compile(r"\d+[.,\u066b\u060c]\d+")


def _letters_digits_marks(text: str) -> Counter[str]:
    # Tatweel is a letter to Unicode but only stretches a word; the default removes it.
    return Counter(c for c in text if unicodedata.category(c)[0] in "LNM" and c != chars.TATWEEL)


@needs_corpus
@pytest.mark.parametrize("path", HARD_CASES, ids=lambda p: p.name)
def test_default_changes_no_letter_of_a_hard_case(path: Path) -> None:
    # Quran with full diacritics, a Persian blog, poetry, decimal commas, Farasa
    # segmentation: the lossless default keeps every letter, digit and mark that the
    # artifact-only safe preset keeps (NFC may only reorder marks).
    text = _read(path)
    assert _letters_digits_marks(arclean.clean(text)) == _letters_digits_marks(
        arclean.clean(text, "safe")
    )


@needs_corpus
@pytest.mark.parametrize("path", HARD_CASES, ids=lambda p: p.name)
def test_default_breaks_no_decimal_number(path: Path) -> None:
    text = _read(path)
    cleaned = arclean.clean(text)
    for number in DECIMAL.findall(arclean.clean(text, "safe")):
        assert number in cleaned
