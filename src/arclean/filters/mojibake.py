"""The mojibake filter: a cheap test for telltale characters, then the repair.

How misread text is recognised and repaired is in :mod:`arclean.filters.mojibake_repair`,
which builds its code-page tables when first needed: text without any telltale
character (:data:`arclean.chars.MOJIBAKE_TELLTALES`) pays one scan, and a run of arclean
on clean text does not pay for building them at start-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from arclean import chars
from arclean.filters.base import Counts, Filter

TELLTALE = re.compile(chars.char_class(chars.MOJIBAKE_TELLTALES, chars.MOJIBAKE_TELLTALE_RANGES))


def fix_mojibake(text: str) -> str:
    """Repair Arabic text that was decoded with the wrong code page.

    >>> fix_mojibake("Ø§Ù„Ø¹Ø±Ø§Ù‚")  # UTF-8 read as Windows-1252
    'العراق'
    >>> fix_mojibake("ط§ظ„ط¹ط±ط§ظ‚")  # UTF-8 read as Windows-1256
    'العراق'
    >>> fix_mojibake("ÇáÚÑÇÞ")  # Windows-1256 read as Latin-1
    'العراق'
    >>> fix_mojibake("Café crème à Zürich")
    'Café crème à Zürich'
    """
    return Mojibake().apply(text)[0]


@dataclass(frozen=True)
class Mojibake(Filter):
    """Repair Arabic mojibake: UTF-8 read as Windows-1252/Latin-1, Windows-1256 or Thai
    Windows-874, and Windows-1256 read as Latin-1.

    Counts are lines repaired per misreading, and bytes put back by guess.

    >>> Mojibake().apply("قال ط§ظ„ظˆط²ظٹط± ثم")
    ('قال الوزير ثم', {'utf8_as_cp1256': 1})
    """

    name = "mojibake"
    description = "Repair Arabic text decoded with the wrong code page (mojibake)."
    example = "Ø§Ù„Ø¹Ø±Ø§Ù‚ Ùˆ ط§ظ„ط¹ط±ط§ظ‚"
    lossless = True

    def apply(self, text: str) -> tuple[str, Counts]:
        if TELLTALE.search(text) is None:
            return text, {}
        from arclean.filters.mojibake_repair import repair  # its tables cost start-up time

        return repair(text)
