"""A deterministic benchmark corpus built from the project's own fixture text.

Paragraphs are new shuffles of the article's words, so repeats are realistic (about one
paragraph in ten comes back, some with small variations), and they carry what scraped
text carries: diacritics, tatweel, Latin words, numbers, URLs, placeholders, Persian
look-alikes, presentation forms and invisible marks.
"""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = (ROOT / "fixtures" / "article.txt").read_text(encoding="utf-8")
WORDS = ARTICLE.split()
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


def paragraph(rng: random.Random) -> str:
    words = rng.sample(WORDS, rng.randint(12, 60))
    for _ in range(rng.randint(0, 3)):
        words.insert(rng.randrange(len(words) + 1), rng.choice(EXTRAS))
    return " ".join(words) + rng.choice([".", ".", "،", "!", ""])


def build(size_mb: float = 20.0, seed: int = 2024) -> str:
    """About ``size_mb`` megabytes of UTF-8 text, the same for the same seed."""
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
            text = paragraph(rng)
            recent = [*recent, text][-50:]
        out.append(text)
        if rng.random() < 0.2:
            out.append("")  # some documents separate paragraphs with blank lines
        size += len(text.encode("utf-8")) + 1
    return "\n".join(out) + "\n"
