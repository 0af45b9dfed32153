"""Brackets, guillemets and double quotes, paired along a line, and the spaces inside them.

Edited Arabic puts no space after an opening bracket or quote and none before a closing
one, and sets a word that follows a closing one apart by a space. Pairs are found one
line at a time: brackets and guillemets by their shape, double quotes by their order
(their shape is unreliable in scraped Arabic). Only a pair around Arabic is touched; a
line whose pairs cross, or whose quotes cannot be paired, is left as it is.

>>> tighten_pairs('قال ( هذا ) و « ذلك »')
('قال (هذا) و «ذلك»', 4, 0)
>>> unify_quotes('قال “هذا” و "ذلك"', "«»")
('قال «هذا» و «ذلك»', 4)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import pairwise

from arclean import chars

Pair = tuple[int, int]

_OPENER_OF = {closer: opener for opener, closer in chars.BRACKET_PAIRS.items()}
_STRAIGHT = chars.STRAIGHT_DOUBLE_QUOTES
_STRAIGHT_OR_PRIME = chars.STRAIGHT_DOUBLE_QUOTES | {chars.DOUBLE_PRIME}
_CURLY = chars.CURLY_DOUBLE_QUOTES
_QUOTES = _STRAIGHT_OR_PRIME | _CURLY
_QUOTE = re.compile(chars.char_class(_QUOTES))
_PAIR_CHAR = re.compile(chars.char_class(chars.BRACKET_PAIRS.keys() | _OPENER_OF.keys() | _QUOTES))
# Curly quotes that open, in the English convention and in the reversed one that
# Arabic keyboards produce (”نص“).
_CURLY_OPENERS = (
    chars.CURLY_OPENING_QUOTES,
    chars.CURLY_OPENING_QUOTES - {chars.LEFT_DOUBLE_QUOTATION_MARK}
    | {chars.RIGHT_DOUBLE_QUOTATION_MARK},
)
_SPACES = chars.HORIZONTAL_SPACES
# Arabic next to a bracket or quote: a word starts with a letter or a digit, and ends
# with one or with a mark (harakat, tanween) on its last letter.
_ARABIC_DIGITS = chars.ARABIC_INDIC_DIGITS + chars.EXTENDED_ARABIC_INDIC_DIGITS
_ARABIC_END = re.compile(
    chars.char_class(_ARABIC_DIGITS, ranges=chars.ARABIC_LETTER_RANGES + chars.ARABIC_MARK_RANGES)
)
_ARABIC_LETTER = re.compile(chars.char_class(ranges=chars.ARABIC_LETTER_RANGES))
_ARABIC_START = re.compile(chars.char_class(_ARABIC_DIGITS, ranges=chars.ARABIC_LETTER_RANGES))
# What may stand between the last word inside a pair and the closer: (هل جاء ؟ )
# (قال...) (قال ,). The punctuation filter later maps , and removes the space before
# ؟, and the pair must be judged the same before and after it does.
_TRAILING_MARKS = (
    chars.ARABIC_CLOSING_MARKS
    | chars.LATIN_CLOSING_MARKS
    | chars.LATIN_TO_ARABIC_PUNCTUATION.keys()
    | {chars.HORIZONTAL_ELLIPSIS}
    | _SPACES
)

_S = chars.char_class(_SPACES)
_OPEN = chars.char_class(chars.BRACKET_PAIRS.keys())
_CLOSE = chars.char_class(_OPENER_OF.keys())
_PAIRED = chars.char_class(chars.BRACKET_PAIRS.keys() | _OPENER_OF.keys() | _STRAIGHT | _CURLY)
# Lines that may need tightening: a space inside a bracket, a closing bracket glued to
# an Arabic word, or any double quote (which side a quote is on is only known once the
# line's quotes are paired). Other lines are skipped without pairing anything.
_MAY_NEED_WORK = re.compile(
    f"{_PAIRED}(?:(?<={_OPEN})(?={_S})|(?<={_S}{_CLOSE})|(?<={_CLOSE})(?={_ARABIC_LETTER.pattern})"
    f"|(?<={chars.char_class(_STRAIGHT | _CURLY)}))"
)
_LINE_BREAK = re.compile(chars.char_class(chars.LINE_BREAKS))
_OTHER_LINE_BREAK = re.compile(chars.char_class(chars.LINE_BREAKS - {"\n"}))


def _sequential(positions: list[int], line: str) -> list[Pair] | None:
    """Pair quotes first with second, third with fourth; None when that is a guess.

    An odd count, two quotes side by side (CSV escaping: ``""``) or an "opening" quote
    right after a digit (inches: ``5"``) means the quotes are not simple pairs.
    """
    if len(positions) % 2:
        return None
    for before, after in pairwise(positions):
        if after == before + 1:
            return None
    opening = positions[::2]
    if any(o and line[o - 1].isdigit() for o in opening):
        return None
    return list(zip(opening, positions[1::2], strict=True))


def _nested(positions: list[int], line: str, openers: frozenset[str]) -> list[Pair] | None:
    """Pair quotes by their shape, as brackets; None unless every quote finds its pair."""
    stack: list[int] = []
    pairs: list[Pair] = []
    for i in positions:
        if line[i] in openers:
            stack.append(i)
        elif stack:
            pairs.append((stack.pop(), i))
        else:
            return None
    return pairs if not stack else None


def _bracket_pairs(brackets: list[tuple[str, int]]) -> list[Pair] | None:
    """Pair brackets and guillemets by shape. A closer with no opener (a list marker
    ``1)``) and an opener never closed are ignored; crossed brackets give None."""
    stack: list[tuple[str, int]] = []
    open_count: Counter[str] = Counter()
    pairs: list[Pair] = []
    for char, i in brackets:
        opener = _OPENER_OF.get(char)
        if opener is None:
            stack.append((char, i))
            open_count[char] += 1
        elif stack and stack[-1][0] == opener:
            pairs.append((stack.pop()[1], i))
            open_count[opener] -= 1
        elif open_count[opener]:
            return None
    return pairs


def _nest(pairs: Iterable[Pair]) -> bool:
    """True when no two pairs cross (each is inside, or apart from, every other)."""
    events = sorted((i, kind, o) for o, c in pairs for i, kind in ((o, 1), (c, 0)))
    stack: list[int] = []
    for i, kind, o in events:
        if kind:
            stack.append(i)
        elif not stack or stack.pop() != o:
            return False
    return True


def line_pairs(line: str, *, primes: bool = False) -> list[Pair]:
    """Every bracket and quote pair of one line, or [] when they cannot be trusted.

    ``primes`` counts ″ as a straight quote (only the quotes option does).

    >>> line_pairs('(أ) ”ب” "ج"')
    [(0, 2), (4, 6), (8, 10)]
    """
    brackets: list[tuple[str, int]] = []
    straight: list[int] = []
    curly: list[int] = []
    straight_set = _STRAIGHT_OR_PRIME if primes else _STRAIGHT
    for match in _PAIR_CHAR.finditer(line):
        char, i = match[0], match.start()
        if char in straight_set:
            straight.append(i)
        elif char in _CURLY:
            curly.append(i)
        elif char != chars.DOUBLE_PRIME:
            brackets.append((char, i))
    families: list[list[Pair] | None] = []
    if brackets:
        families.append(_bracket_pairs(brackets))
    if straight:
        families.append(_sequential(straight, line))
    if curly:
        found = _nested(curly, line, _CURLY_OPENERS[0])
        found = found if found is not None else _nested(curly, line, _CURLY_OPENERS[1])
        families.append(found if found is not None else _sequential(curly, line))
    pairs: list[Pair] = []
    for family in families:
        if family is None:
            return []
        pairs += family
    # Each family nests by construction; pairs of different families may cross.
    if len(families) > 1 and not _nest(pairs):
        return []
    return sorted(pairs)


def _inner_start(line: str, o: int) -> int:
    """The first position after opener ``o`` that is not a space."""
    end = o + 1
    while line[end] in _SPACES:
        end += 1
    return end


def _inner_end(line: str, c: int) -> int:
    """The position after the last character before closer ``c`` that is not a space."""
    start = c
    while line[start - 1] in _SPACES:
        start -= 1
    return start


def _arabic_after(line: str, i: int) -> bool:
    """Does an Arabic word (a letter or a digit, not a lone mark) start at ``i``?"""
    return _ARABIC_START.match(line, i) is not None


def _arabic_before(line: str, i: int, lower: int) -> bool:
    """Is the word ending at ``i``, past marks and spaces (``جاء ؟``), Arabic?"""
    i -= 1
    while i > lower and line[i] in _TRAILING_MARKS:
        i -= 1
    return _ARABIC_END.match(line, i) is not None


def _around_arabic(line: str, o: int, c: int) -> bool:
    """Is the first or the last word inside the pair ``(o, c)`` Arabic?"""
    return _arabic_after(line, _inner_start(line, o)) or _arabic_before(
        line, _inner_end(line, c), o
    )


def _tighten_line(line: str) -> tuple[str, int, int]:
    cuts: dict[int, int] = {}
    inserts: set[int] = set()
    for o, c in line_pairs(line):
        # No space after the opener before an Arabic word, none before the closer
        # after one, and one after the closer when an Arabic word is glued to it.
        end = _inner_start(line, o)
        if end > o + 1 and _arabic_after(line, end):
            cuts[o + 1] = max(end, cuts.get(o + 1, end))
        start = _inner_end(line, c)
        if start < c and _arabic_before(line, start, o):
            cuts[start] = max(c, cuts.get(start, c))
        if c + 1 < len(line) and _ARABIC_LETTER.match(line, c + 1):
            inserts.add(c + 1)
    if not cuts and not inserts:
        return line, 0, 0
    pieces: list[str] = []
    position = 0
    for i in sorted(cuts.keys() | inserts):
        if i < position:
            continue  # inside a cut already made
        pieces.append(line[position:i])
        if i in inserts:
            pieces.append(" ")
        position = max(i, cuts.get(i, i))
    pieces.append(line[position:])
    return "".join(pieces), len(cuts), len(inserts)


def _lines_with(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    """Start and end (before its line break) of each line in which ``pattern`` matches.

    A line ends at any of chars.LINE_BREAKS, the breaks the whitespace filter turns
    into LF, so a line is the same line before and after that filter runs.
    """
    only_lf = _OTHER_LINE_BREAK.search(text) is None
    position = 0
    while match := pattern.search(text, position):
        if only_lf:  # the common case: plain str methods find the line's ends
            start = text.rfind("\n", position, match.start()) + 1 or position
            end = text.find("\n", match.end())
        else:
            start = position
            for line_break in _LINE_BREAK.finditer(text, position, match.start()):
                start = line_break.end()
            found = _LINE_BREAK.search(text, match.end())
            end = found.start() if found else -1
        end = len(text) if end < 0 else end
        yield start, end
        position = end


def _by_line(
    text: str, needs_work: re.Pattern[str], fix: Callable[[str], tuple[str, int, int]]
) -> tuple[str, int, int]:
    """Apply ``fix`` to each line where ``needs_work`` matches; add up its two counts."""
    pieces: list[str] = []
    first = second = position = 0
    for start, end in _lines_with(needs_work, text):
        new, a, b = fix(text[start:end])
        pieces += (text[position:start], new)
        first, second, position = first + a, second + b, end
    if not pieces:
        return text, 0, 0
    pieces.append(text[position:])
    return "".join(pieces), first, second


def tighten_pairs(text: str) -> tuple[str, int, int]:
    """Remove spaces inside pairs around Arabic and add one after them before a word.

    Returns the text, the number of space runs removed and of spaces added.
    """
    return _by_line(text, _MAY_NEED_WORK, _tighten_line)


def _unify_line(line: str, style: str) -> tuple[str, int, int]:
    opening, closing = style[0], style[1]
    pairs = [(o, c) for o, c in line_pairs(line, primes=True) if line[o] in _QUOTES]
    if style == '""':
        # Curly pairs may turn straight only where that cannot change how the line's
        # quotes pair next time: no straight quote on the line, no pair inside another.
        has_straight = any(line[o] in _STRAIGHT_OR_PRIME for o, _ in pairs)
        nested = any(a[1] > b[0] for a, b in pairwise(pairs))
        if has_straight or nested:
            pairs = [(o, c) for o, c in pairs if line[o] == chars.DOUBLE_PRIME]
    chars_of_line = list(line)
    changed = 0
    for o, c in pairs:
        if not _around_arabic(line, o, c):
            continue
        for i, new in ((o, opening), (c, closing)):
            if chars_of_line[i] != new:
                chars_of_line[i] = new
                changed += 1
    return ("".join(chars_of_line), changed, 0) if changed else (line, 0, 0)


def unify_quotes(text: str, style: str) -> tuple[str, int]:
    """Write the double quotes of each pair around Arabic in one ``style``: ``«»`` or ``""``.

    Only quotes that pair up are changed, both of a pair at once, so pairs stay
    balanced; a line whose quotes cannot be paired keeps them as they are.
    """
    text, changed, _ = _by_line(text, _QUOTE, lambda line: _unify_line(line, style))
    return text, changed
