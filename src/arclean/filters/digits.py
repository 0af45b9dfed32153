"""Digits in one chosen system (lossy): Latin, Arabic-Indic, or as written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from arclean import chars
from arclean.filters.base import Counts, Filter, counts

_TO_LATIN = str.maketrans(
    chars.ARABIC_INDIC_DIGITS + chars.EXTENDED_ARABIC_INDIC_DIGITS, chars.LATIN_DIGITS * 2
)
_TO_ARABIC_INDIC = str.maketrans(
    chars.LATIN_DIGITS + chars.EXTENDED_ARABIC_INDIC_DIGITS, chars.ARABIC_INDIC_DIGITS * 2
)
# Each Eastern digit and its Latin digit: a chain of `in` tests and str.replace costs
# far less than a class scan (about 0.01 ms/MB for each digit absent, 0.2 for each one
# present, against 2 to 3 for one regex pass over the text).
_EASTERN_TO_LATIN = tuple(
    zip(
        chars.ARABIC_INDIC_DIGITS + chars.EXTENDED_ARABIC_INDIC_DIGITS,
        chars.LATIN_DIGITS * 2,
        strict=True,
    )
)
# Past this many distinct digits present, the replaces cost more than one regex pass
# (measured: equal at about 16).
_MOST_REPLACES = 12
# A run of Eastern digits, written "[D][D]*" so that re scans fast for its first item.
_EASTERN = re.compile(
    chars.char_class(chars.ARABIC_INDIC_DIGITS + chars.EXTENDED_ARABIC_INDIC_DIGITS) * 2 + "*"
)
_NON_ARABIC_INDIC = re.compile(
    chars.char_class(chars.EXTENDED_ARABIC_INDIC_DIGITS)
    # Latin digits standing in Latin text, a URL or code (COVID-19, v2, a/2021/x) keep.
    + r"|(?<![A-Za-z0-9_/:.@#-])[0-9]+(?:[.,][0-9]+)*(?![A-Za-z0-9_/@-])"
)


# How many of one digit are counted one find at a time, for each character of the text:
# a find costs about 0.12 us, str.count 0.15 ms/MB whatever it finds.
_FINDS_PER_CHAR = 1 / 1000


def _count(text: str, digit: str) -> int:
    """``text.count(digit)``, jumping from one to the next while they are few.

    >>> _count("٢٠٢٤", "٢"), _count("2024", "٢")
    (2, 0)
    """
    n = 0
    budget = int(len(text) * _FINDS_PER_CHAR)
    position = text.find(digit)
    while position >= 0:
        n += 1
        if n > budget:  # many of them: count the rest in one pass
            return n + text.count(digit, position + 1)
        position = text.find(digit, position + 1)
    return n


@dataclass(frozen=True)
class Digits(Filter):
    """Write every digit in one system: ``to="latin"`` (٣ and ۳ become 3),
    ``to="arabic-indic"`` (3 and ۳ become ٣, except digits inside Latin words, URLs and
    code), or ``to="keep"`` (the default: change nothing).

    >>> Digits(to="latin")("عام ٢٠٢٤ و۳")
    'عام 2024 و3'
    >>> Digits(to="arabic-indic")("عام 2024 في COVID-19")
    'عام ٢٠٢٤ في COVID-19'
    """

    to: Literal["keep", "latin", "arabic-indic"] = "keep"

    name = "digits"
    description = "Write digits as Latin or Arabic-Indic (option `to`; keep by default)."
    example = "عام ٢٠٢٤ و۱۴۰۳"
    lossless = False

    def __post_init__(self) -> None:
        if self.to not in ("keep", "latin", "arabic-indic"):
            raise ValueError(f"to must be 'keep', 'latin' or 'arabic-indic', not {self.to!r}")

    def apply(self, text: str) -> tuple[str, Counts]:
        if self.to == "latin":
            present = [pair for pair in _EASTERN_TO_LATIN if pair[0] in text]
            n = 0
            if len(present) > _MOST_REPLACES:
                # Text holding nearly every digit of both systems: one pass is cheaper.
                def latin(match: re.Match[str]) -> str:
                    nonlocal n
                    n += len(match[0])
                    return match[0].translate(_TO_LATIN)

                # Runs of digits only: str.translate is slow on long text.
                return _EASTERN.sub(latin, text), counts(digits_mapped=n)
            for eastern, latin_digit in present:
                n += _count(text, eastern)
                text = text.replace(eastern, latin_digit)
            return text, counts(digits_mapped=n)
        if self.to == "arabic-indic":
            n = 0

            def convert(match: re.Match[str]) -> str:
                nonlocal n
                n += sum(c.isdigit() for c in match[0])
                return match[0].translate(_TO_ARABIC_INDIC)

            return _NON_ARABIC_INDIC.sub(convert, text), counts(digits_mapped=n)
        return text, {}
