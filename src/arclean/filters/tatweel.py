"""Tatweel (kashida, U+0640): gone inside words, a dash between words."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from arclean import chars
from arclean.filters.base import Counts, Filter, counts

_WORD_CHAR = chars.char_class(ranges=chars.ARABIC_LETTER_RANGES + chars.ARABIC_MARK_RANGES)
_SPACE = chars.char_class(chars.HORIZONTAL_SPACES)
# A kashida run counts as "inside a word" when a letter or mark stands on both sides.
_IN_WORD = re.compile(f"(?<={_WORD_CHAR}){chars.TATWEEL}+(?={_WORD_CHAR})")
# A run standing alone between two words on one line is a dash: واشنطن ـ سبأنت.
# A run at a word's edge (the Hijri year abbreviation هـ) and a line made only of
# tatweel (a drawn separator) are not touched.
_WORD_END = "[^\\W_\N{ARABIC TATWEEL}]"  # a letter or digit, not a tatweel
_AS_DASH = re.compile(f"(?<={_WORD_END}{_SPACE}){chars.TATWEEL}+(?={_SPACE}+{_WORD_END})")


def remove_tatweel(text: str) -> str:
    """Remove kashida between letters and write a free-standing one as a dash.

    >>> remove_tatweel("الســـلام عليكم، واشنطن ـ سبأنت")
    'السلام عليكم، واشنطن - سبأنت'
    """
    return Tatweel().apply(text)[0]


@dataclass(frozen=True)
class Tatweel(Filter):
    """Remove tatweel inside words (``اللـــه`` becomes ``الله``); a tatweel standing
    alone between two words becomes ``-``; ``هـ`` after a year stays."""

    name = "tatweel"
    description = "Remove tatweel (kashida) inside words; a lone tatweel between words is a dash."
    example = "الســـلام عليكم، واشنطن ـ سبأنت"
    lossless = True

    def apply(self, text: str) -> tuple[str, Counts]:
        if chars.TATWEEL not in text:  # the common case costs one scan
            return text, {}
        removed = 0

        def drop(match: re.Match[str]) -> str:
            nonlocal removed
            removed += len(match[0])
            return ""

        text = _IN_WORD.sub(drop, text)
        if removed and not unicodedata.is_normalized("NFC", text):
            # Marks that a removed tatweel kept apart now stand together; put them in
            # canonical order, as the unicode filter before this one did.
            text = unicodedata.normalize("NFC", text)
        text, dashes = _AS_DASH.subn("-", text)
        return text, counts(chars_removed=removed, dashes=dashes)
