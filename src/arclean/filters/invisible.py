"""Remove invisible characters that carry no text: zero-width spaces, bidi controls, stray BOMs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from arclean import chars
from arclean.filters.base import Counts, Filter, counts

_INVISIBLE = re.compile(chars.char_class(chars.INVISIBLE))


def remove_invisible(text: str) -> str:
    """Remove zero-width spaces, word joiners, BOMs, soft hyphens and bidi controls.

    >>> remove_invisible("نمو\\u200f 5")
    'نمو 5'
    """
    return _INVISIBLE.sub("", text)


@dataclass(frozen=True)
class Invisible(Filter):
    """Remove invisible marks (ZWSP, LRM/RLM/ALM, bidi embeddings and isolates, BOM, SHY).

    Zero-width joiner and non-joiner are kept: they spell Persian words and emoji.
    """

    name = "invisible"
    description = "Remove zero-width spaces, bidi marks and controls, stray BOMs and soft hyphens."
    lossless = True

    def apply(self, text: str) -> tuple[str, Counts]:
        new, n = _INVISIBLE.subn("", text)
        return new, counts(chars_removed=n)
