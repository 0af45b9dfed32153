"""A deterministic benchmark corpus built from the project's own fixture text.

Paragraphs are new shuffles of the article's words, so repeats are realistic (about one
paragraph in ten comes back, some with small variations), and they carry what scraped
text carries: diacritics, tatweel, Latin words, numbers, URLs, placeholders, Persian
look-alikes, presentation forms and invisible marks (0 to 3 of them in a paragraph, so
nearly every filter has work in every megabyte).

Two styles:

- ``news`` (the default): quotation marks and brackets stay paired around a few words,
  as in written news, and the placeholder comes whole;
- ``shuffled``: every word is shuffled with the quotation marks and braces glued to it,
  so most paragraphs hold unpaired quotes and half placeholders (``{{`` alone): a
  harder case for the punctuation and templates filters, and the corpus of the first
  recorded runs.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = (ROOT / "fixtures" / "article.txt").read_text(encoding="utf-8")
WORDS = ARTICLE.split()
# The article's words without the marks that pair across words, and without the pieces
# of its placeholder (which EXTRAS holds whole).
_UNPAIR = str.maketrans("", "", '"()«»{}')
BARE_WORDS = [w.translate(_UNPAIR) for w in WORDS if "visit_count" not in w]
BARE_WORDS = [w for w in BARE_WORDS if w]
EXTRAS = [
    "https://example.com/news/2024/05/article-123.html",
    "{{ article.visit_count }}",
    "COVID-19",
    "3.14",
    "1,250",
    "٢٠٢٤",
    "مُحَمَّدٌ",
    "الســـلام",
    "وزیر",
    "ﻷﻣﻨﻴﺔ",
    "قال\u200f",
    "Reuters",
    "10:30",
    "@user",
    "#خبر",
]
Style = Literal["news", "shuffled"]


def paragraph(rng: random.Random, style: Style = "news") -> str:
    """One paragraph of 12 to 60 words with 0 to 3 extras."""
    words = rng.sample(WORDS if style == "shuffled" else BARE_WORDS, rng.randint(12, 60))
    if style == "news":
        third = len(words) // 3
        pairs = (('"', '"'), ("(", ")"), ("«", "»"))
        for n, (opening, closing) in enumerate(pairs):
            if rng.random() < 0.3:  # a quotation or an aside around a few words
                start = n * third + rng.randrange(third - 3)  # each in its own third
                end = start + rng.randint(1, 3)
                words[start] = opening + words[start]
                words[end - 1] += closing
    for _ in range(rng.randint(0, 3)):
        words.insert(rng.randrange(len(words) + 1), rng.choice(EXTRAS))
    return " ".join(words) + rng.choice([".", ".", "،", "!", ""])


def build(size_mb: float = 20.0, seed: int = 2024, style: Style = "news") -> str:
    """About ``size_mb`` megabytes of UTF-8 text, the same for the same seed and style."""
    rng = random.Random(seed)
    target = int(size_mb * 1_000_000)
    out: list[str] = []
    recent: list[str] = []
    size = 0
    while size < target:
        if recent and rng.random() < 0.1:
            text = rng.choice(recent)  # a layout repeat of a recent paragraph
            if rng.random() < 0.3:
                text = text.replace("ي", "ى", 1)  # a near repeat
        else:
            text = paragraph(rng, style)
            recent = [*recent, text][-50:]
        out.append(text)
        if rng.random() < 0.2:
            out.append("")  # some documents separate paragraphs with blank lines
        size += len(text.encode("utf-8")) + 1
    return "\n".join(out) + "\n"
