"""Lossy letter folding for search and matching: alef, alef maksura, teh marbuta, hamza
seats, and letters stretched by repetition."""

from __future__ import annotations

import re
from dataclasses import dataclass

from arclean import chars
from arclean.filters.base import Counts, Filter, counts

_ALEFS = re.compile(chars.char_class(chars.ALEF_VARIANTS))
_HAMZA_PAIRS = ((chars.WAW_HAMZA_ABOVE, chars.WAW), (chars.YEH_HAMZA_ABOVE, chars.YEH))
_STRETCHED = re.compile(f"({chars.char_class(ranges=chars.ARABIC_LETTER_RANGES)})\\1{{2,}}")


@dataclass(frozen=True)
class Alef(Filter):
    """``أ إ آ ٱ`` and the rare ``ٲ ٳ ٵ`` become a bare ``ا``.

    >>> Alef()("أحمد إلى آخر ٱلكتاب")
    'احمد الى اخر الكتاب'
    """

    name = "alef"
    description = "Fold alef variants (أ إ آ ٱ) to a bare alef (lossy)."
    example = "أحمد إلى آخر ٱلكتاب"
    lossless = False

    def apply(self, text: str) -> tuple[str, Counts]:
        text, n = _ALEFS.subn(chars.ALEF, text)
        return text, counts(letters_mapped=n)


@dataclass(frozen=True)
class AlefMaksura(Filter):
    """``ى`` becomes ``ي``.

    >>> AlefMaksura()("على مستوى")
    'علي مستوي'
    """

    name = "alef-maksura"
    description = "Fold alef maksura (ى) to yeh (ي) (lossy)."
    example = "على مستوى"
    lossless = False

    def apply(self, text: str) -> tuple[str, Counts]:
        n = text.count(chars.ALEF_MAKSURA)
        return text.replace(chars.ALEF_MAKSURA, chars.YEH) if n else text, counts(letters_mapped=n)


@dataclass(frozen=True)
class TehMarbuta(Filter):
    """``ة`` (and Urdu ``ۃ``) becomes ``ه``.

    >>> TehMarbuta()("مدرسة")
    'مدرسه'
    """

    name = "teh-marbuta"
    description = "Fold teh marbuta (ة) to heh (ه) (lossy)."
    example = "مدرسة جميلة"
    lossless = False

    def apply(self, text: str) -> tuple[str, Counts]:
        n = 0
        for letter in (chars.TEH_MARBUTA, chars.TEH_MARBUTA_GOAL):
            found = text.count(letter)
            if found:
                n += found
                text = text.replace(letter, chars.HEH)
        return text, counts(letters_mapped=n)


@dataclass(frozen=True)
class HamzaSeats(Filter):
    """Hamza on a seat loses it: ``ؤ`` becomes ``و``, ``ئ`` becomes ``ي``. A hamza on
    the line (``ء``) and hamza on alef (see ``alef``) are not touched here.

    >>> HamzaSeats()("مسؤول رئيس")
    'مسوول رييس'
    """

    name = "hamza"
    description = "Fold hamza seats: ؤ to و, ئ to ي (lossy)."
    example = "مسؤول رئيس"
    lossless = False

    def apply(self, text: str) -> tuple[str, Counts]:
        n = 0
        for seat, letter in _HAMZA_PAIRS:
            found = text.count(seat)
            if found:
                n += found
                text = text.replace(seat, letter)
        return text, counts(letters_mapped=n)


@dataclass(frozen=True)
class Elongation(Filter):
    """An Arabic letter written three or more times in a row is written once:
    ``مرحباااا`` becomes ``مرحبا``. No Arabic word has a letter three times in a row.

    >>> Elongation()("مرحباااا جدااا")
    'مرحبا جدا'
    """

    name = "elongation"
    description = "Shorten a letter repeated three or more times (مرحباااا) to one (lossy)."
    example = "مرحباااا جدااا"
    lossless = False

    def apply(self, text: str) -> tuple[str, Counts]:
        text, n = _STRETCHED.subn(r"\1", text)
        return text, counts(runs_shortened=n)
