"""Fast whole-text scans: whether rare characters occur, and the lines that hold them.

CPython finds one character with ``in`` or ``str.find`` at memory speed (about 0.04 ms
a megabyte when it is absent), while a regular expression that starts with a character
class tests every character (about 2 ms a megabyte). For a few rare characters, a few
finds win.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable

from arclean import chars

# Line breaks other than LF: text without them splits on "\n" alone.
RARE_LINE_BREAKS = "".join(sorted(chars.LINE_BREAKS - {"\n"}))
_LINE_BREAK = re.compile(f"\\r\\n|{chars.char_class(chars.LINE_BREAKS)}")


def contains_any(text: str, characters: str) -> bool:
    """Whether ``text`` holds any of ``characters``, each looked for by :func:`finder`
    (in a short text, one search for all of them costs less than a call for each).

    >>> contains_any("قال", "یک"), contains_any("وزیر", "یک"), contains_any("ب", "\\u2028")
    (False, True, False)
    """
    if len(text) < ONE_SEARCH_BELOW and characters:
        return any_of(characters).search(text) is not None
    return any(finder(c)(text) for c in characters)


# Characters below which one class search is cheaper than a find for each character.
ONE_SEARCH_BELOW = 1000


@functools.cache
def any_of(characters: str) -> re.Pattern[str]:
    """A pattern for any one of ``characters``, compiled once."""
    return re.compile(chars.char_class(characters))


@functools.cache
def finder(char: str) -> Callable[[str], object]:
    """The faster whole-text test for one character: ``in``, or re's literal scan.

    In text stored two bytes a character (Arabic), ``in`` looks for the character's
    low byte with memchr and checks each hit: at memory speed when that byte is rare,
    slower than re's plain scan when ASCII text or Arabic letters share it (U+2028 and
    ب, U+2029 and ة), or when it is 00 or 06 (no memchr; the high byte of Arabic).

    >>> bool(finder("\\u2028")("قال\\u2028")), bool(finder("\\u2028")("ب"))
    (True, False)
    """
    low = ord(char) & 0xFF
    if low in (0x00, 0x06) or 0x20 <= low <= 0x4A or 0x61 <= low <= 0x7A:
        return re.compile(re.escape(char)).search

    def contains(text: str) -> bool:
        return char in text

    return contains


def crlf_lines(text: str) -> bool:
    """Whether every line of ``text`` ends with CRLF (Windows files): then it is cut
    into lines by ``str.split("\\r\\n")``. True for a text without line breaks.

    >>> crlf_lines("قال\\r\\nهنا\\r\\n"), crlf_lines("قال\\r\\nهنا\\n"), crlf_lines("قال\\rهنا")
    (True, False, False)
    """
    crlf = text.count("\r\n")
    return text.count("\r") == crlf == text.count("\n") and not contains_any(text, _BREAKS_BUT_CR)


_BREAKS_BUT_CR = RARE_LINE_BREAKS.replace("\r", "")


def lines_holding(text: str, characters: str) -> list[tuple[int, int]] | None:
    """The ``(start, end)`` of each line of ``text`` that holds any of ``characters``,
    in order, without its line break. Lines end at every break the whitespace filter
    knows (LF, CR, CRLF, VT, FF, NEL, U+2028, U+2029).

    The lines are found at LF, jumping from one holding line to the next; the other
    breaks are looked for only in those lines (over the whole text the test would cost
    0.5 ms/MB: two of them share a byte with common Arabic letters).

    None when the lines that hold one come close together and the text has no break
    but LF: most lines hold one, and ``text.split("\\n")`` costs less than a span each
    (a megabyte of "ی\\n" is 333,333 lines).

    >>> lines_holding("قال\\nوزیر\\nکتاب\\rیک", "یک")
    [(4, 8), (9, 13), (14, 16)]
    >>> lines_holding("ی\\n" * 300, "ی") is None
    True
    """
    present = "".join(c for c in characters if finder(c)(text))
    spans = _lines_found_by_jumps(text, present)
    if spans is None:
        if not contains_any(text, RARE_LINE_BREAKS):
            return None
        found = _lines_holding_densely(text, present)
    else:
        found = sorted(spans.items())
    if not contains_any("\n".join(text[start:end] for start, end in found), RARE_LINE_BREAKS):
        return found
    cut: list[tuple[int, int]] = []
    for start, end in found:
        line = text[start:end]
        if line[-1:] == "\r":  # the CR of a CRLF (or of the text's end): a break
            line = line[:-1]
            if not contains_any(line, RARE_LINE_BREAKS):
                cut.append((start, end - 1))
                continue
        if contains_any(line, RARE_LINE_BREAKS):  # cut it at the other breaks too
            cut += (
                (start + low, start + high)
                for low, high in _line_spans(line)
                if contains_any(line[low:high], present)
            )
        else:
            cut.append((start, end))
    return cut


# After this many lines found, lines that average fewer characters than _DENSE_LINE
# apart are tested one by one, not jumped to (a jump costs a few finds a line).
_DENSE_AFTER = 256
_DENSE_LINE = 64


def _lines_found_by_jumps(text: str, characters: str) -> dict[int, int] | None:
    """The lines between line feeds (start: end) that hold any of ``characters``,
    found by jumping from one to the next; None as soon as many lines close together
    are found: then most lines hold one, and a test of every line costs less."""
    spans: dict[int, int] = {}
    for character in characters:
        position = text.find(character)
        while position >= 0:
            start = text.rfind("\n", 0, position) + 1
            end = text.find("\n", position)
            if end < 0:
                end = len(text)
            spans[start] = end
            if len(spans) == _DENSE_AFTER and end < _DENSE_AFTER * _DENSE_LINE:
                return None
            position = text.find(character, end)
    return spans


def _lines_holding_densely(text: str, characters: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each line between line feeds that holds any of
    ``characters``, by one split and a class search a line.

    >>> _lines_holding_densely("ی\\nقال\\nکی\\n", "یک")
    [(0, 1), (6, 8)]
    """
    lines = text.split("\n")
    starts = itertools.accumulate(map((1).__add__, map(len, lines)), initial=0)
    spans = zip(starts, map(len, lines), strict=False)  # one start more than lines
    holding = itertools.compress(spans, map(any_of(characters).search, lines))
    return [(start, start + length) for start, length in holding]


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _LINE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans
