"""The keys that say when two paragraphs are repeats, for the repeats filter.

The exact key of a paragraph folds its whitespace; the near key also drops what a
reader would not call a difference (marks, tatweel, invisible characters, punctuation)
and folds letter variants and digit systems.

>>> near_key("السلام عليكُم، ورحمة اللـه!") == near_key("السلام عليكم ورحمه الله")
True
"""

from __future__ import annotations

import re

import regex

from arclean import chars
from arclean.scan import RARE_LINE_BREAKS, contains_any, crlf_lines

# Split on every line break the whitespace filter knows, keeping the breaks, so a
# dropped line takes its own break with it and other line ends are left as they were.
_LINES = re.compile(f"(\\r\\n|{chars.char_class(chars.LINE_BREAKS)})")

# What a reader would not call a difference: marks, tatweel, invisible characters and
# punctuation vanish from the key; letter variants and digit systems fold to one.
# Unicode punctuation (general category P) of the Basic Multilingual Plane, which holds
# all the punctuation scraped text carries; the regex module lists it in a millisecond.
_PUNCTUATION = "".join(regex.findall(r"\p{P}", "".join(map(chr, range(0x10000)))))
_NOISE = re.compile(
    chars.char_class(
        set(_PUNCTUATION)
        | chars.INVISIBLE
        | {chars.TATWEEL, chars.ZERO_WIDTH_NON_JOINER, chars.ZERO_WIDTH_JOINER},
        chars.ARABIC_MARK_RANGES,
    )
)
FOLDS = {
    **dict.fromkeys(chars.ALEF_VARIANTS, chars.ALEF),
    **{c: chars.YEH for c in (chars.ALEF_MAKSURA, chars.FARSI_YEH, chars.YEH_BARREE)},
    chars.YEH_HAMZA_ABOVE: chars.YEH,
    chars.WAW_HAMZA_ABOVE: chars.WAW,
    **dict.fromkeys((chars.TEH_MARBUTA, chars.TEH_MARBUTA_GOAL, chars.HEH_YEH_ABOVE), chars.HEH),
    **dict.fromkeys((chars.HEH_DOACHASHMEE, chars.HEH_GOAL, chars.AE), chars.HEH),
    chars.KEHEH: chars.KAF,
    chars.SWASH_KAF: chars.KAF,
    **dict(zip(chars.ARABIC_INDIC_DIGITS, chars.LATIN_DIGITS, strict=True)),
    **dict(zip(chars.EXTENDED_ARABIC_INDIC_DIGITS, chars.LATIN_DIGITS, strict=True)),
}
# A chain of str.replace runs far faster than str.translate on non-ASCII text.
_FOLD_PAIRS = tuple(FOLDS.items())


def fold(text: str) -> str:
    """Remove what a reader ignores and fold letter and digit variants (keeps lines)."""
    text = _NOISE.sub("", text)
    for variant, letter in _FOLD_PAIRS:
        if variant in text:
            text = text.replace(variant, letter)
    return text.lower()


_SPACE_RUN = re.compile("  +")


def trim_spaces(text: str) -> str:
    """Runs of spaces made one, and none at the start or end of a line (``text`` holds
    no other whitespace than spaces and LF): each line as " ".join(line.split()).

    >>> trim_spaces(" قال  إنه \\n  جاء ")
    'قال إنه\\nجاء'
    """
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    return text.replace(" \n", "\n").replace("\n ", "\n").strip(" ")


def split_lines(text: str) -> tuple[list[str], list[str]]:
    """The lines of ``text`` and the break after each ("" after the last)."""
    if contains_any(text, RARE_LINE_BREAKS):  # else str.split("\n") is enough
        if crlf_lines(text):
            lines = text.split("\r\n")
            return lines, ["\r\n"] * (len(lines) - 1) + [""]
        parts = _LINES.split(text)
        return parts[0::2], [*parts[1::2], ""]
    lines = text.split("\n")
    return lines, ["\n"] * (len(lines) - 1) + [""]


def exact_key(paragraph: str) -> str:
    """The paragraph with its whitespace folded: what an exact repeat must match.

    >>> exact_key("  قال  إنه\\t جاء ")
    'قال إنه جاء'
    """
    return " ".join(paragraph.split())


def near_key(paragraph: str) -> str:
    """The paragraph as a reader compares it: no marks, tatweel, invisible characters or
    punctuation; one alef, yeh, heh and kaf; Latin digits; lower case; folded spaces.

    >>> near_key("السلام عليكُم، ورحمة اللـه!") == near_key("السلام عليكم ورحمه الله")
    True
    """
    return " ".join(fold(paragraph).split())


# The marks that end a sentence inside a paragraph (for repeated sentences).
SEGMENT_MARKS = ".!?؟…"
