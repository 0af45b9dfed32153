"""Arabic punctuation and the spaces around it, in Arabic context only.

A mark is in Arabic context when the nearest word before it (past spaces and closing
quotes or brackets) is Arabic. There, Latin ``, ; ?`` become ``، ؛ ؟``, spaces before
marks go, one space follows a mark glued to the next word, and runs of marks shorten.
Brackets and quotes hug the Arabic they enclose (pairs.py). Everything else keeps
every character: English, numbers (1,000 3.14 2،5 ٣٫١٤), times (10:30), and the
protected spans of protected.py (URLs, e-mails, hashtags, @mentions, paths, code).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from arclean import chars
from arclean.filters import pairs, protected
from arclean.filters.base import Counts, Filter, counts

EllipsisStyle = Literal["keep", "...", "…"]
QuoteStyle = Literal["keep", "«»", '""']
ELLIPSIS_STYLES: tuple[str, ...] = ("keep", "...", "…")
QUOTE_STYLES: tuple[str, ...] = ("keep", "«»", '""')

_ARABIC_RANGES = chars.ARABIC_LETTER_RANGES + chars.ARABIC_MARK_RANGES
_A = chars.char_class(ranges=_ARABIC_RANGES)
# A word starts with a letter: a mark after a mark is an ornament (..ٌ::ٌ::), not a word.
_LETTER = chars.char_class(ranges=chars.ARABIC_LETTER_RANGES)
_S = chars.char_class(chars.HORIZONTAL_SPACES)
_C = chars.char_class(chars.CLOSERS)
_ELLIPSIS = chars.HORIZONTAL_ELLIPSIS
_QUESTION = chars.ARABIC_QUESTION_MARK
_ARABIC = frozenset(chr(c) for lo, hi in _ARABIC_RANGES for c in range(ord(lo), ord(hi) + 1))
_CLOSER_OR_SPACE = chars.CLOSERS | chars.HORIZONTAL_SPACES
_PLACEHOLDER_RANGE = chars.SPAN_PLACEHOLDER_RANGE
_TO_ARABIC = str.maketrans(chars.LATIN_TO_ARABIC_PUNCTUATION)

# Each pattern starts with the character it is about, so that re skips to candidates
# at C speed; a lookbehind placed after that character, or a small function, then
# checks what stands before it.

# A Latin , ; ? right after an Arabic letter, a closing quote or bracket, or a space.
# Whether the nearest word before it is Arabic is settled by _latin_mark_to_arabic.
_LATIN_MARKS = re.compile(
    f"[,;?](?<={chars.char_class(_CLOSER_OR_SPACE, ranges=_ARABIC_RANGES)}[,;?])[,;?]*"
)
# A mark with a space before it. (Searching for the mark, not the spaces, skips the
# spaces between words at C speed; _drop_spaces_before_marks walks back over the run.)
_MARK_AFTER_SPACE = re.compile(f"[،؛؟.:!{_ELLIPSIS}](?<={_S}.)")
# Marks carrying a harakah or tanween are an ornament, not punctuation: العرب ::ٌ::ٌ..
_ORNAMENT = re.compile(f"[.:!{_ELLIPSIS}]+{chars.char_class(ranges=chars.ARABIC_MARK_RANGES)}")
# A run of one mark: ؟؟؟؟ ،،،، !!!!
_RUN = re.compile(f"({chars.char_class(chars.REPEATABLE_MARKS)})\\1+")
# Four full stops or more after an Arabic word: an ellipsis written long.
_LONG_DOTS = re.compile(f"\\.(?:(?<={_A}\\.)|(?<={_A}{_C}\\.))\\.{{3,}}")
# Any ellipsis after an Arabic word: two full stops or more, or the … character.
_ANY_ELLIPSIS = re.compile(
    f"[.{_ELLIPSIS}](?:(?<={_A}[.{_ELLIPSIS}])|(?<={_A}{_C}[.{_ELLIPSIS}]))[.{_ELLIPSIS}]*"
)
# % after Arabic-Indic digits: ٢٥%.
_PERCENT = re.compile(
    f"({chars.char_class(chars.ARABIC_INDIC_DIGITS + chars.EXTENDED_ARABIC_INDIC_DIGITS)}{_S}*)%"
)
# A word glued after a mark: `قال،إنه`, `قال:نعم`, `غدا!!!هل`, `قال...ثم`. Digits after
# ، stay glued (2،5 is a number); a one-letter word before "." is an abbreviation
# (د.محمد) and stays glued too; so does a tatweel (a space would make it a dash).
_GLUED_AFTER_MARK = re.compile(
    f"[{chars.ARABIC_COMMA}{chars.ARABIC_SEMICOLON}{_QUESTION}:!.{_ELLIPSIS}](?:"
    f"(?<=[{chars.ARABIC_COMMA}{chars.ARABIC_SEMICOLON}{_QUESTION}])(?=[^\\W\\d_{chars.TATWEEL}])"
    f"|(?:(?<={_A}[:!])|(?<=[!{_QUESTION}]!)|(?<={_A}{_A}\\.)"
    f"|(?<=[.{_ELLIPSIS}][.{_ELLIPSIS}])|(?<={_A}{_ELLIPSIS}))(?={_LETTER})"
    ")"
)


def _after_arabic_word(text: str, i: int) -> bool:
    """Is the nearest word before position ``i``, past spaces and closing quotes or
    brackets, Arabic? ``قال ,`` and ``"داعش",`` yes; ``1,`` ``NATO,`` ``, `` no."""
    i -= 1
    while i >= 0 and text[i] in _CLOSER_OR_SPACE:
        i -= 1
    return i >= 0 and text[i] in _ARABIC


def _latin_mark_to_arabic(match: re.Match[str]) -> str | None:
    """`, ; ?` become `، ؛ ؟` after an Arabic word; after a digit or a Latin word they
    stay, so 1,000, 3.14 and English sentences keep every character."""
    if not _after_arabic_word(match.string, match.start()):
        return None
    return match[0].translate(_TO_ARABIC)


def _drop_spaces_before_marks(text: str) -> tuple[str, int]:
    """No space before ، ؛ ؟ (after anything but a line start or a protected span:
    `قال ، إنه`), nor before . : ! … after an Arabic word or a closing quote or
    bracket right after one (`غدا !`, `"داعش" .`), unless they are an ornament.

    Returns the text and the number of runs of spaces removed.
    """
    pieces: list[str] = []
    position = 0
    for match in _MARK_AFTER_SPACE.finditer(text):
        end = match.start()
        start = end - 1
        while start > position and text[start - 1] in chars.HORIZONTAL_SPACES:
            start -= 1
        if start == 0:
            continue
        before = text[start - 1]
        if match[0] in chars.ARABIC_CLOSING_MARKS:
            placeholder = _PLACEHOLDER_RANGE[0] <= before <= _PLACEHOLDER_RANGE[1]
            if before.isspace() or placeholder:
                continue
        elif not (
            before in _ARABIC
            or (before in chars.CLOSERS and start >= 2 and text[start - 2] in _ARABIC)
        ) or _ORNAMENT.match(text, end):
            continue
        pieces += (text[position:start],)
        position = end
    if not pieces:
        return text, 0
    return "".join(pieces) + text[position:], len(pieces)


def _sub_where(
    pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str | None], text: str
) -> tuple[str, int]:
    """``pattern.subn`` where ``replace`` may return None to keep a match as it is;
    only real replacements are counted."""
    changed = 0

    def substitute(match: re.Match[str]) -> str:
        nonlocal changed
        new = replace(match)
        if new is None:
            return match[0]
        changed += 1
        return new

    return pattern.sub(substitute, text), changed


def fix_punctuation(text: str) -> str:
    """Write Arabic marks in Arabic prose and space them as an editor would.

    >>> fix_punctuation("قال ,إنه جاء ?")
    'قال، إنه جاء؟'
    >>> fix_punctuation("زر https://example.com/بحث?q=1 أمس ( قبل الظهر ) !!!!")
    'زر https://example.com/بحث?q=1 أمس (قبل الظهر)!!!'

    With options, use the filter itself:

    >>> Punctuation(max_run=1, ellipsis="…", quotes="«»")('قال "لا"!!! ثم...')
    'قال «لا»! ثم…'
    """
    return Punctuation().apply(text)[0]


@dataclass(frozen=True)
class Punctuation(Filter):
    """In Arabic context, use Arabic ``، ؛ ؟`` and space marks, brackets and quotes.

    A mark is in Arabic context when the nearest word before it is Arabic; a bracket
    or quote pair when the word next to it inside is. URLs, e-mails, hashtags,
    @mentions, paths and code keep every character, and a mark right after one of
    them is left as it is. Ellipses are kept as written unless ``ellipsis`` says.

    - ``max_run``: a run of one mark (``!!!!``, ``؟؟؟؟``, ``،،``) longer than this
      is shortened to it; ``?!`` and ``؟!`` are not runs. Four full stops or more
      become ``...`` whatever ``max_run`` is: an ellipsis stays an ellipsis.
    - ``ellipsis``: ``"keep"``, or write every ellipsis after an Arabic word
      (``..``, ``...``, ``....``, ``…``) as ``"..."`` or as ``"…"``.
    - ``arabic_percent``: write ``%`` after Arabic-Indic digits as ``٪``.
    - ``quotes``: ``"keep"``, or write each pair of double quotes around Arabic
      (``" "``, ``“ ”``, ``” ”``, ``„ “``, ``″ ″``) as ``«»`` or as ``""``.
    """

    max_run: int = 3
    ellipsis: EllipsisStyle = "keep"
    arabic_percent: bool = False
    quotes: QuoteStyle = "keep"

    name = "punctuation"
    description = "Arabic ، ؛ ؟ in Arabic prose; spaces around marks, brackets and quotes."
    example = "قال ,إنه ( هنا ) جاء ?!!!!"
    lossless = True

    def __post_init__(self) -> None:
        if isinstance(self.max_run, bool) or not isinstance(self.max_run, int):
            raise ValueError(f"max_run must be a whole number, not {self.max_run!r}")
        if self.max_run < 1:
            raise ValueError(f"max_run must be 1 or more, not {self.max_run}")
        if self.ellipsis not in ELLIPSIS_STYLES:
            raise ValueError(
                f"ellipsis must be one of {', '.join(ELLIPSIS_STYLES)}, not {self.ellipsis!r}"
            )
        if not isinstance(self.arabic_percent, bool):
            raise ValueError(f"arabic_percent must be True or False, not {self.arabic_percent!r}")
        if self.quotes not in QUOTE_STYLES:
            raise ValueError(
                f"quotes must be one of {', '.join(QUOTE_STYLES)}, not {self.quotes!r}"
            )

    def apply(self, text: str) -> tuple[str, Counts]:
        masked = protected.mask(text)
        if masked is None:  # every placeholder is taken: leave this odd text alone
            return text, {}
        text = masked.text
        unified = 0
        if self.quotes != "keep":
            text, unified = pairs.unify_quotes(text, self.quotes)
        # Pairs first: the rules below then see `(هذا) !`, not `( هذا ) !`.
        text, unspaced_pairs, spaced_pairs = pairs.tighten_pairs(text)
        text, mapped = _sub_where(_LATIN_MARKS, _latin_mark_to_arabic, text)
        text, unspaced = _drop_spaces_before_marks(text)
        text, shortened = self._shorten_runs(text)
        text, long_dots = _LONG_DOTS.subn("...", text)
        ellipses = 0
        if self.ellipsis != "keep":
            text, ellipses = self._write_ellipses(text, self.ellipsis)
        percent = 0
        if self.arabic_percent:
            text, percent = _PERCENT.subn(f"\\1{chars.ARABIC_PERCENT_SIGN}", text)
        text, spaced = _GLUED_AFTER_MARK.subn("\\g<0> ", text)
        return masked.restore(text), counts(
            marks_mapped=mapped,
            spaces_removed=unspaced + unspaced_pairs,
            spaces_added=spaced + spaced_pairs,
            runs_shortened=shortened + long_dots,
            ellipses_written=ellipses,
            percent_signs_mapped=percent,
            quotes_unified=unified,
        )

    def _shorten_runs(self, text: str) -> tuple[str, int]:
        def shorten(match: re.Match[str]) -> str | None:
            run = match[0]
            if len(run) <= self.max_run:
                return None
            # A run of ! is shortened only after an Arabic word or ؟ (as in ؟!!!!).
            string, start = match.string, match.start()
            after_question = start > 0 and string[start - 1] == _QUESTION
            if run[0] == "!" and not (after_question or _after_arabic_word(string, start)):
                return None
            return run[0] * self.max_run

        return _sub_where(_RUN, shorten, text)

    @staticmethod
    def _write_ellipses(text: str, style: str) -> tuple[str, int]:
        def write(match: re.Match[str]) -> str | None:
            run = match[0]
            return None if run == "." or run == style else style

        return _sub_where(_ANY_ELLIPSIS, write, text)
