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
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
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

# A Latin , ; ? whose nearest word before it may be Arabic: right after an Arabic
# character, after one and then one or two closing quotes, brackets or spaces, or after
# three of those (then _latin_mark_to_arabic walks back further). A lookbehind has a
# fixed width, so there is one for each distance (the "." in each is the mark itself).
# Marks after anything else (`{a: ;;;`, `1,000`) are never matched: no Python runs.
_CS = chars.char_class(_CLOSER_OR_SPACE)
_AFTER_ARABIC_WORD = f"(?:(?<={_A}.)|(?<={_A}{_CS}.)|(?<={_A}{_CS}{_CS}.)|(?<={_CS}{_CS}{_CS}.))"
_LATIN_MARKS = re.compile(f"[,;?]{_AFTER_ARABIC_WORD}[,;?]*")
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


# --- Which lines may need fixing -----------------------------------------------------
# Every rule fires only at a mark, a bracket or a quote standing in a few ways, and
# looks along its own line only. So apply first finds the lines where a rule may
# fire, with one pattern per character that is in the text (re skips to a single
# character at C speed, and several times slower to any of a class), and runs the
# rules on those lines only. The patterns look at the text before protected spans
# are masked: each asks only for characters that the masked text would show in the
# same places, and a placeholder is none of them. Spans that may hide a straight
# quote (inline code, tags) change how a line's quotes pair once masked, so a line
# with one is always fixed; code that may run over several lines (fenced, or in
# <script> and the like) sends the whole text through every rule.
_CODE_ELEMENT = re.compile(r"<(?i:script|style|code|pre)\b")
_MAY_HIDE_QUOTES = ("`", "<")
_MARKS = (",", ";", "?", *sorted(chars.ARABIC_CLOSING_MARKS), ".", ":", "!", _ELLIPSIS)
_SPACE_BEFORE = f"(?<={_S}.)"  # _MARK_AFTER_SPACE
_LATIN_MARK_AFTER = _AFTER_ARABIC_WORD
Line = tuple[int, int]
_COUNTS = (
    "marks_mapped",
    "spaces_removed",
    "spaces_added",
    "runs_shortened",
    "ellipses_written",
    "percent_signs_mapped",
    "quotes_unified",
)


@cache
def _mark_trigger(mark: str, max_run: int, ellipsis: bool) -> pairs.Trigger:
    """Where a rule of the marks may fire at ``mark``, for these options (compiled on
    first use): after a space (_MARK_AFTER_SPACE), before a word (_GLUED_AFTER_MARK),
    Latin after an Arabic word (_LATIN_MARKS), in a run too long (_RUN,
    _LONG_DOTS), or as an ellipsis to write (_ANY_ELLIPSIS).

    Tightening pairs cannot make one of these hold where it did not: it removes runs
    of spaces that end at an Arabic word or at a closer, and adds a space between a
    closer and an Arabic letter. So what stands before a mark never changes, no two
    marks come together, and what follows a mark can only become a closer: a line
    with none of these needs its pairs tightened and nothing more.
    """
    m = re.escape(mark)
    if mark in chars.LATIN_TO_ARABIC_PUNCTUATION:
        where = [_LATIN_MARK_AFTER]
    elif mark in chars.ARABIC_CLOSING_MARKS:
        where = [_SPACE_BEFORE, f"(?=[^\\W\\d_{chars.TATWEEL}])"]
    else:
        where = [_SPACE_BEFORE, f"(?={_LETTER})"]
    if mark in chars.REPEATABLE_MARKS:
        where.append(f"{m}{{{max_run}}}")
    if mark == ".":
        where.append("\\." if ellipsis else "\\.{3}")
    elif mark == _ELLIPSIS and ellipsis:
        where.append("")
    return pairs.Trigger(re.compile(f"{m}(?:{'|'.join(where)})"))


def _pair_lines(text: str, others: tuple[str, ...] | None) -> set[Line]:
    """The lines where pairs may need tightening, with those where a straight quote may
    hide in a span that masking protects ("`", "<"); ``others`` as pairs.lines_where."""
    quote_triggers: list[pairs.Trigger] = []
    if any(quote in text for quote in chars.STRAIGHT_DOUBLE_QUOTES):
        quote_triggers += [_anywhere(char) for char in _MAY_HIDE_QUOTES if char in text]
    return {*pairs.lines_to_tighten(text, others), *pairs.lines_where(text, quote_triggers, others)}


def _fixed_whole(text: str) -> bool:
    """Whether ``text`` is fixed as a whole, not line by line: a placeholder may be
    missing, or a protected span may run over lines.
    (One character is found far faster than several: "`" before "```".)"""
    return (
        _PLACEHOLDER_RANGE[0] in text
        or ("`" in text and "```" in text)
        or ("<" in text and _CODE_ELEMENT.search(text) is not None)
    )


# Characters below which a text is first checked for a rule that may fire anywhere.
_SHORT = 1000


def _anywhere(char: str) -> pairs.Trigger:
    return pairs.Trigger(pairs.literal(char))


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
        if len(text) < _SHORT and self._no_rule_fires(text):
            return text, {}
        found = self._lines_to_fix(text)
        if found is None:
            return self._fix(text)
        # The rules look along one line only, so the lines that need them are joined,
        # fixed together and put back each in its place.
        changed: list[tuple[int, int, str]] = []
        total: Counter[str] = Counter()
        for lines, marks in zip(found, (True, False), strict=True):
            if not lines:
                continue
            joined = "\n".join([text[start:end] for start, end in lines])
            fixed, fixed_counts = self._fix(joined, marks=marks, every_line=not marks)
            total.update(fixed_counts)
            if fixed != joined:
                changed += [
                    (start, end, new)
                    for (start, end), new in zip(lines, fixed.split("\n"), strict=True)
                    if new != text[start:end]
                ]
        found_counts = counts(**{kind: total[kind] for kind in _COUNTS})
        if not changed:
            return text, found_counts
        changed.sort()
        pieces: list[str] = []
        position = 0
        for start, end, new in changed:
            pieces += (text[position:start], new)
            position = end
        pieces.append(text[position:])
        return "".join(pieces), found_counts

    def _lines_to_fix(self, text: str) -> tuple[list[Line], list[Line]] | None:
        """The lines (start, end, in order) where a rule of the marks may fire, and
        the other lines where pairs may need tightening: every line apply_everywhere
        changes is in one of them. None: fix the text as a whole."""
        if _fixed_whole(text):
            return None
        others = pairs.UNKNOWN_BREAKS  # looked for in the lines found, not everywhere
        ellipsis = self.ellipsis != "keep"
        triggers = [_mark_trigger(mark, self.max_run, ellipsis) for mark in _MARKS if mark in text]
        if self.arabic_percent and "%" in text:
            triggers.append(_anywhere("%"))
        if self.quotes != "keep":
            # unify_quotes rewrites every quoted line, and a quote it turns into a closing
            # one («قال″, becomes «قال», which puts the comma in Arabic context) changes
            # what the mark rules see: those lines get every rule.
            triggers += [_anywhere(quote) for quote in sorted(pairs.QUOTES) if quote in text]
        mark_lines = pairs.lines_where(text, triggers, others)
        if mark_lines == [(0, len(text))]:
            return mark_lines, []  # one line, fixed whole: no other line is left
        return mark_lines, sorted(_pair_lines(text, others).difference(mark_lines))

    def _no_rule_fires(self, text: str) -> bool:
        """Whether no rule can change ``text``, for a short one (a tweet, a record): no
        mark's trigger matches anywhere and no line's pairs may need tightening. A
        search for each mark it holds is cheaper there than finding the lines of each.

        >>> Punctuation()._no_rule_fires("قال: نعم، هنا 3.5 كيلو.")
        True
        >>> [Punctuation()._no_rule_fires(t) for t in ("قال ,نعم", "( هذا)", "قال,")]
        [False, False, False]
        """
        if self.quotes != "keep" or (self.arabic_percent and "%" in text) or _fixed_whole(text):
            return False  # each is left to _lines_to_fix
        ellipsis = self.ellipsis != "keep"
        for mark in _MARKS:  # each trigger is compiled on first use: a short run pays for few
            if mark in text and _mark_trigger(mark, self.max_run, ellipsis).pattern.search(text):
                return False
        return not pairs.may_tighten(text) or not _pair_lines(text, pairs.UNKNOWN_BREAKS)

    def apply_everywhere(self, text: str) -> tuple[str, Counts]:
        """Like :meth:`apply`, without looking first for the lines that need a rule:
        every rule runs over the whole text, and pairs are tightened on every line.
        Much slower; apply gives the same result.

        >>> Punctuation().apply_everywhere("قال ( هذا ) !")
        ('قال (هذا)!', {'spaces_removed': 3})
        """
        return self._fix(text, every_line=True)

    def _fix(
        self, text: str, *, marks: bool = True, every_line: bool = False
    ) -> tuple[str, Counts]:
        """Run the rules over the whole text: all, or (``marks`` False) only those
        for quotes and pairs. ``every_line``: tighten the pairs of every line, not
        only of those pairs.lines_to_tighten finds."""
        if not marks and self.quotes == "keep" and not pairs.may_tighten(text):
            return text, {}  # only pairs to tighten, and none could be: spare the masking
        masked = protected.mask(text)
        if masked is None:  # every placeholder is taken: leave this odd text alone
            return text, {}
        text = masked.text
        unified = 0
        if self.quotes != "keep":
            text, unified = pairs.unify_quotes(text, self.quotes)
        # Pairs first: the rules below then see `(هذا) !`, not `( هذا ) !`.
        text, unspaced_pairs, spaced_pairs = pairs.tighten_pairs(text, every_line=every_line)
        mapped = unspaced = shortened = long_dots = ellipses = percent = spaced = 0
        if marks:
            text, mapped = _sub_where(_LATIN_MARKS, _latin_mark_to_arabic, text)
            text, unspaced = _drop_spaces_before_marks(text)
            text, shortened = self._shorten_runs(text)
            text, long_dots = _LONG_DOTS.subn("...", text)
            if self.ellipsis != "keep":
                text, ellipses = self._write_ellipses(text, self.ellipsis)
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
