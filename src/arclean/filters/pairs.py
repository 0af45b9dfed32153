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
from collections.abc import Callable, Iterable
from functools import cache
from itertools import accumulate, compress, pairwise, repeat
from typing import NamedTuple

from arclean import chars
from arclean.scan import RARE_LINE_BREAKS, finder

Pair = tuple[int, int]

_OPENER_OF = {closer: opener for opener, closer in chars.BRACKET_PAIRS.items()}
_STRAIGHT = chars.STRAIGHT_DOUBLE_QUOTES
_PLUS_ONE = (1).__add__
_STRAIGHT_OR_PRIME = chars.STRAIGHT_DOUBLE_QUOTES | {chars.DOUBLE_PRIME}
_CURLY = chars.CURLY_DOUBLE_QUOTES
QUOTES = _STRAIGHT_OR_PRIME | _CURLY  # every double quote the filter knows
# A line whose straight quotes pair as _sequential pairs them (an even count, none
# side by side), and each pair of them.
_QUOTE = chars.char_class(_STRAIGHT)
# The straight quote, for lines_matching to try only the lines holding it; "" (try
# every line) should the table ever hold more than one.
_ONE_STRAIGHT = "".join(_STRAIGHT) if len(_STRAIGHT) == 1 else ""
_NOT_QUOTE = "[^" + _QUOTE[1:]
_QUOTES_IN_PAIRS = re.compile(
    f"{_NOT_QUOTE}*+(?:{_QUOTE}{_NOT_QUOTE}++{_QUOTE}(?:{_NOT_QUOTE}++|\\Z))*+\\Z"
)
_QUOTE_PAIR = re.compile(f"{_QUOTE}{_NOT_QUOTE}++{_QUOTE}")
_PAIR_CHAR = re.compile(chars.char_class(chars.BRACKET_PAIRS.keys() | _OPENER_OF.keys() | QUOTES))
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
_starts_arabic_letter = _ARABIC_LETTER.match
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

# --- Which lines may need tightening -------------------------------------------------
# A pair changes its line only when (a) spaces follow its opener and then an Arabic
# word starts, (b) a space stands before its closer and, past it and any more spaces
# and marks, an Arabic word ends, or (c) an Arabic letter is glued after its closer.
# The patterns below find every line where that may happen, and few others, without
# pairing anything in Python, and only those lines are then paired. A bracket's shape
# says which side it is on, and a curly quote may stand on either: one pattern per
# such character in the text, which re skips to at C speed (several times faster than
# to any character of a class). Straight quotes take turns along a line: one pattern,
# matched against every line at C speed, follows their order.
_AFTER_OPENER = f"{_S}++{_ARABIC_START.pattern}"  # (a)
_TRAILING = chars.char_class(_TRAILING_MARKS)
_ARABIC_END_OR_TRAILING = chars.char_class(
    _TRAILING_MARKS | set(_ARABIC_DIGITS),
    ranges=chars.ARABIC_LETTER_RANGES + chars.ARABIC_MARK_RANGES,
)
# (b) seen from just after the closer, at most three characters back: an Arabic word
# end and a space, or a word end, mark or space, then a mark or space, then a space.
# Where (b) holds one of them does ((قال ؟ ) and (قال... ) the second), and where it
# does not they rarely do.
_BEFORE_CLOSER = (
    f"{_ARABIC_END.pattern}{_S}.",
    f"{_ARABIC_END_OR_TRAILING}{_TRAILING}{_S}.",
)
_OPENING_TRIGGER = f"(?={_AFTER_OPENER})"
_CLOSING_TRIGGER = "|".join(
    [*(f"(?<={before})" for before in _BEFORE_CLOSER), f"(?={_ARABIC_LETTER.pattern})"]
)


class Trigger(NamedTuple):
    """A pattern that marks a line for work, if ``before`` (a character) also stands
    before the match on its line and ``after`` after it; "" asks for nothing."""

    pattern: re.Pattern[str]
    before: str = ""
    after: str = ""


@cache
def _bracket_trigger(char: str) -> Trigger:
    """Where a bracket or curly quote ``char`` may need tightening (compiled on first use).

    A bracket pairs only with its partner on the same line: an opener with no closer
    after it, or a closer with no opener before it, needs nothing.
    """
    if char in chars.BRACKET_PAIRS:
        where, before, after = _OPENING_TRIGGER, "", chars.BRACKET_PAIRS[char]
    elif char in _OPENER_OF:
        where, before, after = _CLOSING_TRIGGER, _OPENER_OF[char], ""
    else:
        where, before, after = f"{_OPENING_TRIGGER}|{_CLOSING_TRIGGER}", "", ""
    return Trigger(re.compile(f"{re.escape(char)}(?:{where})"), before, after)


_BRACKETS_AND_CURLY = tuple(sorted(chars.BRACKET_PAIRS.keys() | _OPENER_OF.keys() | _CURLY))


@cache
def _straight_quotes_to_check() -> re.Pattern[str]:
    """A whole line whose straight quotes pair (see _sequential) and one pair of which
    has (a), (b) or (c), as tighten_line sees them (compiled on first use).

    Besides the quotes' order it checks two things _sequential checks: an even count
    and no two quotes side by side. (Not the digit before an opener: the punctuation
    filter looks for these lines before it masks protected spans, and a span ending
    in a digit, such as @user1, may stand before an opener.)
    """
    quote, other = _QUOTE, _NOT_QUOTE  # one character: much faster to skip than a class
    text = f"{other}++"  # some text, up to a quote or the line's end
    not_closing = "".join(f"(?<!{before})" for before in _BEFORE_CLOSER)
    fine = f"{quote}(?!{_AFTER_OPENER}){text}{quote}{not_closing}(?!{_ARABIC_LETTER.pattern})"
    to_check = f"{quote}(?:(?={_AFTER_OPENER}){text}{quote}|{text}{quote}(?:{_CLOSING_TRIGGER}))"
    any_pair = f"{quote}{text}{quote}"
    return re.compile(f"{other}*+(?:{fine}{text})*+{to_check}(?:{text}{any_pair})*+{other}*+\\Z")


_LINE_BREAK = re.compile(chars.char_class(chars.LINE_BREAKS))
_ANY = re.compile("")


@cache
def literal(char: str) -> re.Pattern[str]:
    """A pattern for ``char`` (compiled on first use)."""
    return re.compile(re.escape(char))


# For ``others`` below: every rare line break may be in the text; the functions look
# for them in the lines they work on rather than in the whole text.
UNKNOWN_BREAKS = tuple(RARE_LINE_BREAKS)


def other_line_breaks(text: str) -> tuple[str, ...]:
    """The line breaks other than LF in ``text`` (rare), for lines_where and lines_matching."""
    return tuple(line_break for line_break in RARE_LINE_BREAKS if finder(line_break)(text))


def lines_where(
    text: str, triggers: Iterable[Trigger], others: tuple[str, ...] | None = None
) -> list[tuple[int, int]]:
    """Start and end (before its line break) of each line, in order, in which one of
    ``triggers`` matches.

    A line ends at any of chars.LINE_BREAKS, the breaks the whitespace filter turns
    into LF, so a line is the same line before and after that filter runs. Each
    pattern is searched for once along the text, from each line it finds to the next.
    ``others``: the line breaks other than LF in the text, None to find them first, or
    UNKNOWN_BREAKS to look for every one inside each line found.

    >>> lines_where("ab\\ncd\\rab", [Trigger(re.compile("b"))])
    [(0, 2), (6, 8)]
    >>> lines_where("(a\\n(b)", [Trigger(re.compile("[(]"), after=")")])
    [(3, 6)]
    """
    others = other_line_breaks(text) if others is None else others
    found: dict[int, int] = {}
    start = end = -1  # the line last looked at

    def look_at_line_of(i: int) -> None:
        nonlocal start, end
        if start <= i < end:
            return
        start = text.rfind("\n", 0, i) + 1
        end = text.find("\n", i)
        end = len(text) if end < 0 else end
        for line_break in others:  # rare: look for them inside the LF line only
            start = max(start, text.rfind(line_break, start, i) + 1)
            found_end = text.find(line_break, i, end)
            end = end if found_end < 0 else found_end

    for pattern, before, after in triggers:
        position = no_before_up_to = 0
        start = end = -1
        while match := pattern.search(text, position):
            look_at_line_of(match.start())
            position = end
            if before and text.rfind(before, max(start, no_before_up_to), match.start()) < 0:
                position = no_before_up_to = match.start() + 1  # the next match may have one
            elif not after or text.find(after, match.end(), end) >= 0:
                found[start] = end
    return sorted(found.items())


def _lines_holding_matching(
    text: str, pattern: re.Pattern[str], char: str
) -> list[tuple[int, int]]:
    """lines_matching for text whose only line break is LF, trying only the lines that
    hold ``char``: found with str.find, one after the other, without cutting the text.
    (A match from the line's start up to its end sees what it sees in the line alone:
    the line break before it is no character the patterns look back for.)"""
    found: list[tuple[int, int]] = []
    find, rfind, match = text.find, text.rfind, pattern.match
    position = find(char)
    while position >= 0:
        start = rfind("\n", 0, position) + 1
        end = find("\n", position)
        if end < 0:
            end = len(text)
        if match(text, start, end):
            found.append((start, end))
        position = find(char, end)
    return found


def _holding(lines: list[str], char: str) -> list[int]:
    """The numbers of the lines that hold ``char``."""
    return list(compress(range(len(lines)), map(str.__contains__, lines, repeat(char))))


def lines_matching(
    text: str,
    pattern: re.Pattern[str],
    others: tuple[str, ...] | None = None,
    holding: str = "",
) -> list[tuple[int, int]]:
    """Start and end of each line, in order, that ``pattern`` matches from its start.

    Lines end as in lines_where. The text is cut into lines and the pattern matched
    against each at C speed: no Python runs per line. With ``holding`` (a character
    that every line the pattern matches holds), only the lines that hold it are tried.
    UNKNOWN_BREAKS for ``others`` is None here.

    >>> lines_matching("ab\\ncd\\u2028ab", re.compile("a"))
    [(0, 2), (6, 8)]
    >>> lines_matching('a"b\\nab\\n"', re.compile('.*"'), holding='"')
    [(0, 3), (7, 8)]
    >>> lines_matching('a"b\\u2028"', re.compile('.*"'), UNKNOWN_BREAKS, holding='"')
    [(0, 3), (4, 5)]
    """
    if others is None or others is UNKNOWN_BREAKS:
        others = other_line_breaks(text)
    if holding and not others:
        return _lines_holding_matching(text, pattern, holding)
    width = 1  # of each line break
    if not others:
        lines = text.split("\n")
    elif (
        holding and others == ("\r",) and text.count("\r") == text.count("\r\n") == text.count("\n")
    ):  # Windows lines, CRLF and no other break: cut at CRLF. The empty line between CR
        # and LF is left out, and holds no ``holding`` to be matched.
        lines, width = text.split("\r\n"), 2
    else:
        lines = _LINE_BREAK.split(text)
    if holding:  # `in` is far cheaper than a match that reads the whole line
        matched = [i for i in _holding(lines, holding) if pattern.match(lines[i])]
    else:
        matched = list(compress(range(len(lines)), map(pattern.match, lines)))
    if len(matched) * 20 > len(lines):  # many: add up every line's length at once
        starts = list(accumulate(map(width.__add__, map(len, lines)), initial=0))
        return [(starts[i], starts[i + 1] - width) for i in matched]
    found: list[tuple[int, int]] = []
    start = done = 0  # where line number ``done`` starts
    for i in matched:
        start += sum(map(len, lines[done:i])) + (i - done) * width
        found.append((start, start + len(lines[i])))
        done = i
    return found


def lines_to_tighten(text: str, others: tuple[str, ...] | None = None) -> list[tuple[int, int]]:
    """The lines of ``text`` (start, end) in which tighten_pairs may change something.

    Every line it changes is among them; few lines whose pairs need nothing are.

    >>> lines_to_tighten('قال "هذا" ثم\\nقال "هذا "ثم\\n( أ )')
    [(13, 25), (26, 31)]
    """
    triggers = [_bracket_trigger(char) for char in _BRACKETS_AND_CURLY if char in text]
    others = other_line_breaks(text) if others is None else others
    lines = lines_where(text, triggers, others)
    if any(quote in text for quote in _STRAIGHT):
        quoted = lines_matching(text, _straight_quotes_to_check(), others, _ONE_STRAIGHT)
        lines = sorted({*lines, *quoted})
    return lines


def _sequential(positions: list[int], line: str) -> list[Pair] | None:
    """Pair quotes first with second, third with fourth; None when that is a guess.

    An odd count, two quotes side by side (CSV escaping: ``""``) or an "opening" quote
    right after a digit (inches: ``5"``) means the quotes are not simple pairs.
    """
    if len(positions) % 2 or not _one_after(positions).isdisjoint(positions):
        return None
    opening = positions[::2]
    if any(map(str.isdigit, [line[o - 1] for o in opening if o])):
        return None
    return list(zip(opening, positions[1::2], strict=True))


def _one_after(positions: list[int]) -> set[int]:
    """The positions right after ``positions``."""
    return set(map(_PLUS_ONE, positions))


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
    open_count: dict[str, int] = {}
    pairs: list[Pair] = []
    for char, i in brackets:
        opener = _OPENER_OF.get(char)
        if opener is None:
            stack.append((char, i))
            open_count[char] = open_count.get(char, 0) + 1
        elif stack and stack[-1][0] == opener:
            pairs.append((stack.pop()[1], i))
            open_count[opener] -= 1
        elif open_count.get(opener):
            return None
    return pairs


def _in_order_if_nested(pairs: list[Pair]) -> list[Pair] | None:
    """The pairs in order, or None when two cross (one is neither inside nor apart
    from the other)."""
    pairs.sort()
    closers: list[int] = []  # of the pairs around the current one, innermost last
    for o, c in pairs:
        while closers and closers[-1] < o:
            closers.pop()
        if closers and closers[-1] < c:
            return None
        closers.append(c)
    return pairs


def line_pairs(line: str, *, primes: bool = False) -> list[Pair]:
    """Every bracket and quote pair of one line, in order, or [] when they cannot be
    trusted.

    ``primes`` counts ″ as a straight quote (only the quotes option does).

    >>> line_pairs('(أ) ”ب” "ج"')
    [(0, 2), (4, 6), (8, 10)]
    """
    if not primes and not any(map(line.__contains__, _BRACKETS_AND_CURLY)):
        return _straight_pairs(line)  # the common case, without a loop over characters
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
    return _in_order_if_nested(pairs) or []


def _straight_pairs(line: str) -> list[Pair]:
    """line_pairs for a line whose only pair characters are straight quotes: what
    _sequential gives, found by patterns rather than a loop over the quotes."""
    if not _QUOTES_IN_PAIRS.match(line):
        return []
    found = [match.span() for match in _QUOTE_PAIR.finditer(line)]
    if any(map(str.isdigit, [line[o - 1] for o, _ in found if o])):
        return []
    return [(o, c - 1) for o, c in found]


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


# Where tighten_line may edit: a bracket or quote with a space after or before it, or
# an Arabic letter after it. A line without one (<a x="<a x="...) needs no pairing.
_PAIR_CLASS = chars.char_class(chars.BRACKET_PAIRS.keys() | _OPENER_OF.keys() | QUOTES)
_MAY_EDIT = re.compile(f"{_PAIR_CLASS}(?:{_S}|{_ARABIC_LETTER.pattern})|{_S}{_PAIR_CLASS}")


def may_tighten(text: str) -> bool:
    """Whether tighten_pairs could change ``text``: False when no bracket or quote has
    a space or an Arabic letter next to it as tighten_line looks. Masking protected
    spans leaves two characters side by side only if they were, so it holds for the
    masked text too.

    >>> may_tighten('<a x="<a x="'), may_tighten("( أ)")
    (False, True)
    """
    return _MAY_EDIT.search(text) is not None


def tighten_line(line: str) -> tuple[str, int, int]:
    """Tighten the pairs of one line; return it and the spaces removed and added.

    >>> tighten_line('قال "هذا "ثم')
    ('قال "هذا" ثم', 1, 1)
    """
    if not _MAY_EDIT.search(line):
        return line, 0, 0  # no pair needs pairing: no edit could be made
    # Each edit removes one run of spaces, or adds one space (start == end). Runs
    # are whole runs, so no two edits overlap.
    edits: list[tuple[int, int]] = []
    last = len(line) - 1
    for o, c in line_pairs(line):
        # No space after the opener before an Arabic word, none before the closer
        # after one, and one after the closer when an Arabic word is glued to it.
        # (The tests for a space first are only quicker ways to the same answer.)
        if line[o + 1] in _SPACES:
            end = _inner_start(line, o)
            if _arabic_after(line, end):
                edits.append((o + 1, end))
        if line[c - 1] in _SPACES:
            start = _inner_end(line, c)
            if _arabic_before(line, start, o):
                edits.append((start, c))
        if c < last and _starts_arabic_letter(line, c + 1):
            edits.append((c + 1, c + 1))
    if not edits:
        return line, 0, 0
    edits.sort()
    pieces: list[str] = []
    position = removed = 0
    for start, end in edits:
        pieces.append(line[position:start])
        if start == end:
            pieces.append(" ")
        else:
            removed += 1
        position = end
    pieces.append(line[position:])
    return "".join(pieces), removed, len(edits) - removed


def _fix_lines(
    text: str, lines: Iterable[tuple[int, int]], fix: Callable[[str], tuple[str, int, int]]
) -> tuple[str, int, int]:
    """Apply ``fix`` to each of ``lines`` (start, end, in order); add up its two counts."""
    pieces: list[str] = []
    first = second = position = 0
    for start, end in lines:
        new, a, b = fix(text[start:end])
        pieces += (text[position:start], new)
        first, second, position = first + a, second + b, end
    if not pieces:
        return text, 0, 0
    pieces.append(text[position:])
    return "".join(pieces), first, second


def tighten_pairs(text: str, *, every_line: bool = False) -> tuple[str, int, int]:
    """Remove spaces inside pairs around Arabic and add one after them before a word.

    Returns the text, the number of space runs removed and of spaces added. Only the
    lines lines_to_tighten finds are paired, unless ``every_line`` (slower, and the
    same result).
    """
    if not every_line:
        return _fix_lines(text, lines_to_tighten(text), tighten_line)
    if other_line_breaks(text):
        return _fix_lines(text, lines_matching(text, _ANY), tighten_line)
    tightened = list(map(tighten_line, text.split("\n")))
    removed = sum(removed for _, removed, _ in tightened)
    added = sum(added for _, _, added in tightened)
    if not removed and not added:
        return text, 0, 0
    return "\n".join([line for line, _, _ in tightened]), removed, added


def _unify_line(line: str, style: str) -> tuple[str, int, int]:
    opening, closing = style[0], style[1]
    pairs = [(o, c) for o, c in line_pairs(line, primes=True) if line[o] in QUOTES]
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
    triggers = [Trigger(literal(quote)) for quote in sorted(QUOTES) if quote in text]
    lines = lines_where(text, triggers)
    text, changed, _ = _fix_lines(text, lines, lambda line: _unify_line(line, style))
    return text, changed
