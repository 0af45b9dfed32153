"""Letter-level fixes that change no spelling: tatweel and presentation forms."""

from __future__ import annotations

import re
from dataclasses import dataclass

from arclean import chars
from arclean.filters.base import Counts, Filter, counts

_WORD_CHAR = chars.char_class(ranges=chars.ARABIC_LETTER_RANGES + chars.ARABIC_MARK_RANGES)
# A kashida run counts as "inside a word" when a letter or mark stands on both sides;
# a tatweel standing alone between spaces is used as a dash and is left in place.
_TATWEEL_IN_WORD = re.compile(f"(?<={_WORD_CHAR}){chars.TATWEEL}+(?={_WORD_CHAR})")

_PRESENTATION_FORM = re.compile(chars.char_class(map(chr, chars.PRESENTATION_FORMS)))


def remove_tatweel(text: str) -> str:
    """Remove kashida (U+0640) between letters.

    >>> remove_tatweel("الســـلام عليكم")
    'السلام عليكم'
    """
    return Tatweel().apply(text)[0]


def replace_presentation_forms(text: str) -> str:
    """Turn Arabic presentation-form glyphs into the letters they show.

    >>> replace_presentation_forms("\\ufef7\\ufee3\\ufee8\\ufef4\\ufe94")
    'لأمنية'
    """
    return PresentationForms().apply(text)[0]


@dataclass(frozen=True)
class Tatweel(Filter):
    """Remove tatweel (kashida) between letters: ``اللـــه`` becomes ``الله``."""

    name = "tatweel"
    description = "Remove tatweel (kashida, U+0640) stretching a word."
    lossless = True

    def apply(self, text: str) -> tuple[str, Counts]:
        if chars.TATWEEL not in text:  # the common case costs one scan
            return text, {}
        removed = 0

        def drop(match: re.Match[str]) -> str:
            nonlocal removed
            removed += len(match[0])
            return ""

        return _TATWEEL_IN_WORD.sub(drop, text), counts(chars_removed=removed)


@dataclass(frozen=True)
class PresentationForms(Filter):
    """Replace presentation forms (U+FB50-FDFF, U+FE70-FEFC) by standard letters.

    Hamza and madda survive (``ﻷ`` becomes ``لأ``). Word ligatures such as ``ﷺ`` and
    ``ﷲ`` stand for a phrase and are kept.
    """

    name = "presentation-forms"
    description = "Turn presentation-form glyphs from PDFs into standard Arabic letters."
    lossless = True

    def apply(self, text: str) -> tuple[str, Counts]:
        if not _PRESENTATION_FORM.search(text):
            return text, {}
        mapped = len(_PRESENTATION_FORM.findall(text))
        return text.translate(chars.PRESENTATION_FORMS), counts(chars_mapped=mapped)
