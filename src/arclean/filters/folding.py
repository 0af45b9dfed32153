"""Lossy letter folding for search and matching: alef, alef maksura, teh marbuta, hamza
seats, and letters stretched by repetition."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from arclean import chars
from arclean.filters.base import Counts, Filter, counts

_STRETCHED = re.compile(f"({chars.char_class(ranges=chars.ARABIC_LETTER_RANGES)})\\1{{2,}}")
# Any character three times in a row. Found several times faster than a stretched letter
# (no class to test at every character), it is what elongation looks for first.
_TRIPLE = re.compile(r"(.)\1\1")
_LETTERS = frozenset(
    chr(cp) for lo, hi in chars.ARABIC_LETTER_RANGES for cp in range(ord(lo), ord(hi) + 1)
)
# How many triples are looked at one by one, before the rest of the text goes to
# _STRETCHED at once: plenty for real text, a bounded cost on text made of triples.
_TRIPLES_PER_CHAR = 1 / 1000
_MIN_TRIPLES = 64


class _LetterFold(Filter):
    """A fold that writes each letter of ``FOLDS`` as its plain letter (str.replace runs
    far faster than a regex or str.translate on Arabic text)."""

    FOLDS: ClassVar[tuple[tuple[str, str], ...]]
    lossless = False

    def apply(self, text: str) -> tuple[str, Counts]:
        n = 0
        # `in` stops at the first one or scans at memory speed (0.01 ms/MB); count walks
        # the whole text (0.15 to 0.3), so it runs once for each plain letter: the
        # variants present are first written as the first of them (a replace that
        # keeps the length costs 0.05 to 0.15), then counted and folded together.
        present = [(variant, letter) for variant, letter in self.FOLDS if variant in text]
        for letter in dict.fromkeys(letter for _, letter in present):
            variants = [variant for variant, plain in present if plain == letter]
            for variant in variants[1:]:
                text = text.replace(variant, variants[0])
            n += text.count(variants[0])
            text = text.replace(variants[0], letter)
        return text, counts(letters_mapped=n)


@dataclass(frozen=True)
class Alef(_LetterFold):
    """``أ إ آ ٱ`` and the rare ``ٲ ٳ ٵ`` become a bare ``ا``.

    >>> Alef()("أحمد إلى آخر ٱلكتاب")
    'احمد الى اخر الكتاب'
    """

    FOLDS = tuple((variant, chars.ALEF) for variant in sorted(chars.ALEF_VARIANTS))
    name = "alef"
    description = "Fold alef variants (أ إ آ ٱ) to a bare alef (lossy)."
    example = "أحمد إلى آخر ٱلكتاب"


@dataclass(frozen=True)
class AlefMaksura(_LetterFold):
    """``ى`` becomes ``ي``.

    >>> AlefMaksura()("على مستوى")
    'علي مستوي'
    """

    FOLDS = ((chars.ALEF_MAKSURA, chars.YEH),)
    name = "alef-maksura"
    description = "Fold alef maksura (ى) to yeh (ي) (lossy)."
    example = "على مستوى"


@dataclass(frozen=True)
class TehMarbuta(_LetterFold):
    """``ة`` (and Urdu ``ۃ``) becomes ``ه``.

    >>> TehMarbuta()("مدرسة")
    'مدرسه'
    """

    FOLDS = ((chars.TEH_MARBUTA, chars.HEH), (chars.TEH_MARBUTA_GOAL, chars.HEH))
    name = "teh-marbuta"
    description = "Fold teh marbuta (ة) to heh (ه) (lossy)."
    example = "مدرسة جميلة"


@dataclass(frozen=True)
class HamzaSeats(_LetterFold):
    """Hamza on a seat loses it: ``ؤ`` becomes ``و``, ``ئ`` becomes ``ي``. A hamza on
    the line (``ء``) and hamza on alef (see ``alef``) are not touched here.

    >>> HamzaSeats()("مسؤول رئيس")
    'مسوول رييس'
    """

    FOLDS = ((chars.WAW_HAMZA_ABOVE, chars.WAW), (chars.YEH_HAMZA_ABOVE, chars.YEH))
    name = "hamza"
    description = "Fold hamza seats: ؤ to و, ئ to ي (lossy)."
    example = "مسؤول رئيس"


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
        # A stretched letter is a triple: find the triples, and shorten those of letters.
        # Nothing before the first triple can be stretched, nor inside another triple.
        parts: list[str] = []
        pos = copied = n = 0
        budget = _MIN_TRIPLES + int(len(text) * _TRIPLES_PER_CHAR)
        while (triple := _TRIPLE.search(text, pos)) is not None:
            budget -= 1
            if budget < 0:  # text full of triples: the rest goes to _STRETCHED at once
                rest, more = _STRETCHED.subn(r"\1", text[pos:])
                parts += (text[copied:pos], rest)
                return "".join(parts), counts(runs_shortened=n + more)
            if triple[1] in _LETTERS and (run := _STRETCHED.match(text, pos=triple.start())):
                parts += (text[copied : run.start()], run[1])
                copied = pos = run.end()
                n += 1
            else:
                pos = triple.end()
        if not n:
            return text, {}
        parts.append(text[copied:])
        return "".join(parts), counts(runs_shortened=n)
