"""Real scraped text from ../shared/corpus: no crash, idempotent, nothing of value lost.

Skipped when the corpus is not beside the checkout; the fixtures suffice without it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import arclean
from tests.conftest import corpus_files, needs_corpus, visible_text

DOCUMENTS = corpus_files("docs", "hard_cases")
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
    # sees stays. Words in tag attributes, scripts and comments are not seen; a word
    # split by an inline tag (كل<b>مة</b>) is seen as two and comes out whole.
    text = _read(path)
    before = set(ARABIC_WORD.findall(visible_text(arclean.clean(text, select=["invisible"]))))
    cleaned = arclean.clean(text, "safe")
    missing = before - set(ARABIC_WORD.findall(cleaned))
    assert not [word for word in missing if word not in cleaned]
