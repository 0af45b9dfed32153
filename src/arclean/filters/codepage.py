"""A text as one byte a character, and what whole-text byte operations read from it.

Most lines of a document repeat nothing, and proving that should not cost a key per
line. The *skeleton* of a line is its near key with only its letters, Arabic or a to z,
and its digits (as code-page bytes): lines with equal exact or near keys have equal
skeletons, and a line whose near key begins another's has a skeleton that begins the
other's. So the repeats filter keeps a line whose skeleton no other non-blank line
shares without a look, and only the lines that share a skeleton (and the teaser
candidates) get keys.

Skeletons come from one encoding of the text to a one-byte code page and one
bytes.translate that folds letters and deletes every byte but a letter's: the cheapest
full passes over a text there are. The same image tells whether a text's lines are
their own exact keys, gives every near key at once, and finds sentences said twice.

>>> skeletons(encode("قالَ الوزير: ٢٠٢٤\\nقال الوزیر 2024")) == [encode("قالالوزير2024")] * 2
True
"""

from __future__ import annotations

import codecs
import functools
import itertools
import operator
import re
import unicodedata
from collections.abc import Iterable

from arclean import chars
from arclean.filters.paragraph_keys import FOLDS, SEGMENT_MARKS, fold, near_key

# The code page: Windows Arabic (cp1256) with its Latin letters and symbols, rare in
# Arabic text, swapped for what it lacks: every character the folds turn into an
# Arabic letter (ٱ, ی, ۃ ...) and the Arabic-Indic digits (a character outside the page
# becomes an "&#N;" reference, about a microsecond each), the characters that lower
# case turns into a to z, then a few invisible marks.
_CP1256 = bytes(range(256)).decode("cp1256")
# İ and the Kelvin sign, the only ones outside ASCII (a test checks every code point).
_LOWER_TO_ASCII = [
    c
    for c in map(chr, itertools.chain(range(0x80, 0x250), range(0x2100, 0x2150)))
    if any("a" <= x <= "z" for x in c.lower())
]
_ROOM = [
    b
    for b, c in enumerate(_CP1256)
    if b >= 0x80 and unicodedata.category(c)[0] in "LSN" and not "\u0600" <= c <= "\u06ff"
]
_WANTED = [
    c
    for c in dict.fromkeys(
        (
            *sorted(FOLDS),
            *_LOWER_TO_ASCII,
            *sorted(chars.NON_ARABIC_LETTERS),
            *sorted(chars.BIDI_EMBEDDINGS | chars.BIDI_ISOLATES),
        )
    )
    if c not in _CP1256
]
CODEPAGE_CHARS = "".join(
    {**dict(enumerate(_CP1256)), **dict(zip(_ROOM, _WANTED, strict=False))}.values()
)
_CODEPAGE = codecs.charmap_build(CODEPAGE_CHARS)


def encode(text: str) -> bytes:
    """``text`` in the code page, one byte a character, others as "&#N;" references."""
    return codecs.charmap_encode(text, "xmlcharrefreplace", _CODEPAGE)[0]


def _skeleton_table(digits: bool) -> tuple[bytes, bytes]:
    """The bytes.translate table and deleted bytes that turn a line into its skeleton:
    each byte becomes the letter (or, with ``digits``, the digit) its near key folds
    to, or goes."""
    table, deleted = bytearray(range(256)), bytearray()
    for b, c in enumerate(CODEPAGE_CHARS):
        if c == "\n":
            continue
        kept = [
            f
            for f in near_key(c)
            if unicodedata.category(f) == "Lo" or "a" <= f <= "z" or (digits and "0" <= f <= "9")
        ]
        if kept:
            (letter,) = kept
            table[b] = CODEPAGE_CHARS.index(letter)
        else:
            deleted.append(b)
    return bytes(table), bytes(deleted)


# Digits tell apart the lines of a table of numbers, which would otherwise all share
# the empty skeleton and each cost the walk a look. A "&#N;" reference is a character
# outside the page, and its digits are none of the text's: a text that holds one (or
# "&#" itself) keeps letters only.
_SKELETON_TABLES = {digits: _skeleton_table(digits) for digits in (True, False)}


def skeleton_digits(image: bytes) -> bool:
    """Whether the skeletons of this code-page text keep its digits: it has no reference.
    (A lone byte is found at memory speed, "&#" itself no faster than by re.)"""
    return b"&" not in image or not _REFERENCE.search(image)


# Whitespace of the code page other than a space and a line feed, and the references
# of the whitespace it lacks: the sentence heads below read a text whose every space
# is a plain one (a text with a wide space takes the careful way).
OTHER_SPACES = bytes(b for b, c in enumerate(CODEPAGE_CHARS) if c.isspace() and c not in " \n")
TO_PLAIN_SPACE = bytes.maketrans(OTHER_SPACES, b" " * len(OTHER_SPACES))
WIDE_SPACES = sorted(chars.HORIZONTAL_SPACES - set(CODEPAGE_CHARS))
_WIDE_BREAKS = sorted(chars.LINE_BREAKS - set(CODEPAGE_CHARS))
# Line breaks other than a line feed: bytes of the code page, and references.
BREAK_BYTES = bytes(b for b, c in enumerate(CODEPAGE_CHARS) if c in chars.LINE_BREAKS - {"\n"})


def _references(characters: Iterable[str]) -> re.Pattern[bytes]:
    """A pattern for the "&#N;" references of ``characters``."""
    return re.compile(b"&#(?:%s);" % b"|".join(str(ord(c)).encode() for c in characters))


WIDE_SPACE, WIDE_BREAK = _references(WIDE_SPACES), _references(_WIDE_BREAKS)
# A space before or after a line feed: found from the line feeds, rarer than spaces.
_SPACE_AT_LINE_EDGE = re.compile(rb"\n(?: |(?<= \n))")
_SPACE_RUN_BYTES = re.compile(b"  +")
_REFERENCE = re.compile(b"&#")  # a character outside the page, or "&#" itself
WIDE_SPACE_OR_BREAK = _references(WIDE_SPACES + _WIDE_BREAKS)
_BREAK_BYTES_BUT_CR = BREAK_BYTES.replace(b"\r", b"")


def crlf_image(image: bytes) -> bool:
    """Whether every line of a code-page text ends with CRLF (as scan.crlf_lines).

    >>> crlf_image(encode("قال\\r\\nهنا")), crlf_image(encode("قال\\r\\nهنا\\u2028"))
    (True, False)
    """
    crlf = image.count(b"\r\n")
    return (
        image.count(b"\r") == crlf == image.count(b"\n")
        and not has_any(image, _BREAK_BYTES_BUT_CR)
        and not WIDE_BREAK.search(image)
    )


_OTHER_MARKS = [encode(m) for m in SEGMENT_MARKS if m != "."]
_CELL = re.compile(rb"\|")
# The first word of a sentence, after a mark and spaces; after a line's last sentence,
# its line feed (see lines_with_twin_sentences).
_SENTENCE_HEAD = re.compile(rb"\. ++(\n?[^ .\n]*+)")
_LINE_HEAD = b"\n"


def _line_numbers(text: bytes, positions: Iterable[int]) -> list[int]:
    """The line of each of the positions (in order) in ``text``.

    >>> _line_numbers(b"a\\nb\\n\\nc", [0, 2, 5])
    [0, 1, 3]
    """
    lines, line, start = [], 0, 0
    for position in positions:
        line += text.count(b"\n", start, position)
        start = position
        lines.append(line)
    return lines


def lines_with_twin_sentences(image: bytes) -> list[int]:
    """The lines of ``image`` (a code-page text whose only spaces are plain ones) where
    a sentence may repeat the one just before it, and the lines with a table cell.

    Two sentences in a row with equal keys begin with the same word, so the first word
    of every sentence (after a mark and spaces) is listed in one pass, every mark made
    a full stop. Each line break is listed too, as a word no sentence begins with (a
    line feed), which also says on which line each sentence is.

    >>> lines_with_twin_sentences(b"a b. c d\\n a  b!! a b.\\nx | y\\nx. x")
    [1, 2, 3]
    """
    heads = image
    for mark in _OTHER_MARKS:
        if mark in heads:
            heads = heads.replace(mark, b".")
    cells = b"|" in heads
    if b". " not in heads and not cells:
        return []  # one sentence a line, no cell: nothing can repeat within a line
    heads = b". " + heads.replace(b"\n", b". \n. ")
    found = _SENTENCE_HEAD.findall(heads)
    twins = list(itertools.compress(range(1, len(found)), map(operator.eq, found, found[1:])))
    lines: set[int] = set()
    if twins:
        line, done = 0, 0
        for k in twins:
            if found[k] != _LINE_HEAD:
                line += found[done:k].count(_LINE_HEAD)
                done = k
                lines.add(line)
    if cells:
        lines.update(_line_numbers(heads, (m.start() for m in _CELL.finditer(heads))))
    return sorted(lines)


@functools.cache
def _near_table() -> tuple[bytes, bytes, bytes]:
    """The bytes.translate table and deleted bytes that turn a code-page text into its
    near keys but for spacing, and the bytes whose near key is no one byte of the page.
    Built from near_key itself, character by character (the fold reads no neighbour)."""
    table, deleted, other = bytearray(range(256)), bytearray(), bytearray()
    for b, c in enumerate(CODEPAGE_CHARS):
        if c == "\n":
            continue
        folded = fold(c)
        if not folded:
            deleted.append(b)
        elif folded.isspace():
            table[b] = ord(" ")  # what str.split() splits on
        elif len(folded) == 1 and folded in CODEPAGE_CHARS:
            table[b] = CODEPAGE_CHARS.index(folded)
        else:  # İ: "i" and a combining dot
            other.append(b)
    return bytes(table), bytes(deleted), bytes(other)


def near_keys(image: bytes) -> list[str] | None:
    """The near key of each line of a code-page text by whole-text byte operations, or
    None when it holds a character outside the page (a reference) or one of the few
    whose key takes more than a byte.

    >>> near_keys(encode("قالَ  الوزيرُ: نعم\\n HELLO ... ")), near_keys(encode("Σ"))
    (['قال الوزير نعم', 'hello'], None)
    """
    table, deleted, other = _near_table()
    if _REFERENCE.search(image) or has_any(image, other):
        return None
    near = image.translate(table, deleted)
    if b"  " in near:
        near = _SPACE_RUN_BYTES.sub(b" ", near)
    near = near.replace(b" \n", b"\n").replace(b"\n ", b"\n").strip(b" ")
    return codecs.charmap_decode(near, "strict", CODEPAGE_CHARS)[0].split("\n")


def plain_image(image: bytes) -> bool:
    """Whether the lines of a text (joined by LF; ``image`` is it in the code page) are
    already their own exact keys: no whitespace but single spaces between words.

    >>> [plain_image(encode(t)) for t in ("قال إنه\\nجاء", "قال  إنه", "قال \\nجاء", "قال\\t")]
    [True, False, False, False]
    """
    return not (
        b"  " in image
        or _SPACE_AT_LINE_EDGE.search(image)
        or image[:1] == b" "
        or image[-1:] == b" "
        or has_any(image, OTHER_SPACES)
        or WIDE_SPACE.search(image)
    )


def has_any(data: bytes, single: bytes) -> bool:
    """Whether ``data`` holds any of the bytes of ``single`` (each found by memchr)."""
    return any(single[i : i + 1] in data for i in range(len(single)))


def skeletons(image: bytes) -> list[bytes]:
    """The skeleton of each line of a code-page text (see :func:`skeleton_digits`)."""
    return image.translate(*_SKELETON_TABLES[skeleton_digits(image)]).split(b"\n")


def line_skeleton(text: str, digits: bool | None = None) -> bytes:
    """The letters and digits of the near key of ``text`` (Arabic, a to z, 0 to 9), as
    code-page bytes; ``digits`` False keeps letters only, None chooses as
    :func:`skeletons` would.

    >>> line_skeleton("قالَ الوزير: ٢٠٢٤") == line_skeleton("قال الوزیر 2024")
    True
    >>> line_skeleton("قال الوزیر 2024") == encode("قالالوزير2024")
    True
    >>> line_skeleton("قال الوزير 2024 &#1;") == encode("قالالوزير")
    True
    """
    image = encode(text)
    return image.translate(*_SKELETON_TABLES[skeleton_digits(image) if digits is None else digits])
