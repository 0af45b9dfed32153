"""Arabic punctuation and the spaces around it, in Arabic context only."""

from __future__ import annotations

import re
from dataclasses import dataclass

from arclean import chars
from arclean.filters.base import Counts, Filter, counts

_ARABIC = chars.char_class(ranges=chars.ARABIC_LETTER_RANGES + chars.ARABIC_MARK_RANGES)
_SPACE = chars.char_class(chars.HORIZONTAL_SPACES)
_LATIN_MARKS = chars.char_class(chars.LATIN_TO_ARABIC_PUNCTUATION)
_ARABIC_MARKS = chars.char_class(chars.ARABIC_CLOSING_MARKS)
_LATIN_CLOSING = chars.char_class(chars.LATIN_CLOSING_MARKS)
_CLOSER_OR_SPACE = chars.char_class(chars.CLOSERS | chars.HORIZONTAL_SPACES)

# A Latin , ; ? whose nearest word before it (past spaces and closing quotes) is Arabic:
# `قال ,إنه` and `"داعش",`. A mark after a digit or a Latin word is never touched, so
# 1,000, 3.14 and English sentences keep every character.
_LATIN_MARK_AFTER_ARABIC = re.compile(f"(?<={_ARABIC})({_CLOSER_OR_SPACE}*)({_LATIN_MARKS}+)")
# Spaces before an Arabic mark: `قال ، إنه`.
_SPACE_BEFORE_ARABIC_MARK = re.compile(f"(?<=[^\\s]){_SPACE}+(?={_ARABIC_MARKS})")
# Spaces between an Arabic word and . : ! : `غدا !`.
_SPACE_BEFORE_LATIN_MARK = re.compile(f"(?<={_ARABIC}){_SPACE}+(?={_LATIN_CLOSING})")
# A word glued after a mark: `قال،إنه`. Digits after the mark are a number (2،5) and
# stay glued; a one-letter word before "." is an abbreviation (د.محمد) and stays too.
_GLUED_AFTER_ARABIC_MARK = re.compile(f"(?<={_ARABIC_MARKS})(?=[^\\W\\d_\N{ARABIC TATWEEL}])")
_GLUED_AFTER_LATIN_MARK = re.compile(
    f"(?<={_ARABIC}[:!])(?={_ARABIC})|(?<={_ARABIC}{_ARABIC}\\.)(?={_ARABIC})"
)


def fix_punctuation(text: str) -> str:
    """Write Arabic marks in Arabic prose and space them as an editor would.

    >>> fix_punctuation("قال ,إنه جاء ?")
    'قال، إنه جاء؟'
    """
    return Punctuation().apply(text)[0]


def _to_arabic(match: re.Match[str]) -> str:
    marks = match[2]
    for latin, arabic in chars.LATIN_TO_ARABIC_PUNCTUATION.items():
        marks = marks.replace(latin, arabic)
    return match[1] + marks


@dataclass(frozen=True)
class Punctuation(Filter):
    """In Arabic context, use Arabic ``، ؛ ؟`` and put spaces after marks, not before."""

    name = "punctuation"
    description = "Use Arabic ، ؛ ؟ in Arabic prose; no space before marks, one after."
    example = "قال ,إنه جاء ?"
    lossless = True

    def apply(self, text: str) -> tuple[str, Counts]:
        text, mapped = _LATIN_MARK_AFTER_ARABIC.subn(_to_arabic, text)
        text, unspaced = _SPACE_BEFORE_ARABIC_MARK.subn("", text)
        text, unspaced_latin = _SPACE_BEFORE_LATIN_MARK.subn("", text)
        text, spaced = _GLUED_AFTER_ARABIC_MARK.subn(" ", text)
        text, spaced_latin = _GLUED_AFTER_LATIN_MARK.subn(" ", text)
        return text, counts(
            marks_mapped=mapped,
            spaces_removed=unspaced + unspaced_latin,
            spaces_added=spaced + spaced_latin,
        )
