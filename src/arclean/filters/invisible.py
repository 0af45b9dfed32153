"""Remove invisible characters that carry no text: zero-width spaces, bidi controls,
stray BOMs, control characters, and zero-width non-joiners inside Arabic paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from arclean import chars
from arclean.filters.base import Counts, Filter, counts
from arclean.filters.language import DECISIONS, Decisions, map_arabic_paragraphs
from arclean.filters.templates import remove_templates

_INVISIBLE = re.compile(chars.char_class(chars.INVISIBLE, chars.INVISIBLE_RANGES))


def remove_invisible(text: str) -> str:
    """Remove zero-width spaces, word joiners, BOMs, soft hyphens, bidi and C0/C1
    controls; a ZWNJ goes from Arabic paragraphs and stays in Persian ones.

    >>> remove_invisible("نمو 5.\\u200f2")
    'نمو 5.2'
    """
    return Invisible().apply(text)[0]


def _drop_zwnj(line: str) -> str:
    return line.replace(chars.ZERO_WIDTH_NON_JOINER, "")


@dataclass(frozen=True)
class Invisible(Filter):
    """Remove invisible marks (ZWSP, LRM/RLM/ALM, bidi embeddings and isolates, BOM,
    soft hyphen, C0/C1 controls but tab and line breaks, U+206A-206F).

    A zero-width non-joiner is removed only from paragraphs judged Arabic: it spells
    Persian and Urdu words. A zero-width joiner always stays (emoji, Indic scripts).
    """

    name = "invisible"
    description = "Remove zero-width spaces, bidi marks, controls, stray BOMs and soft hyphens."
    example = "نمو 5.\u200f2 مليون\u200b"
    lossless = True

    def apply(self, text: str) -> tuple[str, Counts]:
        return self.apply_in(text, {})

    def apply_in(self, text: str, state: dict[str, Any]) -> tuple[str, Counts]:
        """Remove the marks; the language decisions go to ``state`` for the filters
        after this one (lookalikes asks about the same lines of a Persian text)."""
        text, n = _INVISIBLE.subn("", text)
        zwnj = 0
        if chars.ZERO_WIDTH_NON_JOINER in text:
            before = len(text)
            memory = state.setdefault(DECISIONS, Decisions())
            # Dropping a character keeps each line a line: all the lines in one call.
            # Each line is judged without its template placeholders, which the
            # templates filter removes after this one: "${x}\u200cال{% if a %}ي" is
            # judged as "\u200cالي", the line a second run would see.
            text = map_arabic_paragraphs(
                text,
                chars.ZERO_WIDTH_NON_JOINER,
                _drop_zwnj,
                together=True,
                memory=memory,
                judge=remove_templates,
            )[0]
            zwnj = before - len(text)
        return text, counts(chars_removed=n + zwnj)
