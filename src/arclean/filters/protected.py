"""Spans punctuation rules must not touch: URLs, e-mails, hashtags, @mentions, paths, code.

A protected span keeps every character. While the punctuation filter works, each span
is stood in for by one placeholder (a Unicode noncharacter), so no rule sees inside a
span and a mark next to one is never taken for Arabic prose.

>>> masked = mask("زوروا https://ar.wikipedia.org/wiki/مصر?x=1, الآن")
>>> masked.text
'زوروا \\ufdd0, الآن'
>>> masked.restore(masked.text.replace(",", "،"))
'زوروا https://ar.wikipedia.org/wiki/مصر?x=1، الآن'
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from itertools import chain

from arclean import chars

_LO, _HI = chars.SPAN_PLACEHOLDER_RANGE
PLACEHOLDERS = tuple(chr(cp) for cp in range(ord(_LO), ord(_HI) + 1))

_URL_BODY = r"[^\s<>\"«»“”]+"  # up to a space, a bracket of markup or a quote
_PATH_START = r"[A-Za-z0-9_.~+-]"  # the first segment of a path is Latin: /usr, ./src
_PATH_MORE = r"(?:/[\w.~+-]*)*"  # later segments may be in any script
# Inline code and tags end with their line: any of the breaks the whitespace filter
# turns into LF, so that a span is the same span before and after it does.
_BREAKS = "".join(re.escape(c) for c in sorted(chars.LINE_BREAKS))
_LOCAL_PART = frozenset(string.ascii_letters + string.digits + "._%+-")  # before the @
_MAX_LOCAL_PART = 64  # RFC 5321: an e-mail address has at most 64 characters before @


# One pattern for every kind, each alternative starting with a fixed character (h f w
# @ # / ~ . ` < : ;), so that re skips ahead to the next candidate at C speed; a
# lookbehind placed after that character checks what stands before it, and _span then
# tells the kinds apart by that character. No alternative can start inside a run it
# would scan again from the next character, so the search stays linear.
_SPAN = re.compile(
    "|".join(
        [
            # URLs
            f"https?://{_URL_BODY}",
            f"ftp://{_URL_BODY}",
            f"www\\.{_URL_BODY}",
            # An e-mail address, found by its @ (_span walks back to its start), an
            # @mention, and a hashtag (not after &: &#8220; is an HTML entity). Not a
            # mention after "." nor after "…": the ellipsis option turns one into the
            # other, and "…@م" must be what "...@م" is.
            r"@(?<=[A-Za-z0-9._%+-]@)[\w-]+(?:\.[\w-]+)+",
            r"@(?<![\w@.%+…-]@)\w+",
            r"#(?<![\w&#]#)\w+",
            # Paths: /usr/bin, ~/notes, ./src, ../up; not 08/ديسمبر/2009 nor و/أو. And
            # C:\Users\name, found by its colon (_span starts it one character earlier).
            f"/(?<![\\w/\\\\.~<]/){_PATH_START}+{_PATH_MORE}",
            f"~(?<!\\w~)/{_PATH_START}+{_PATH_MORE}",
            f"\\.(?<![\\w./\\\\]\\.)\\.?/{_PATH_START}+{_PATH_MORE}",
            r":(?<=(?<!\w)[A-Za-z]:)\\[\w.~+$\\-]*",
            # Code: a fenced block (any lines), or inline code on one line.
            "```[^`]*(?:`(?!``)[^`]*)*```",
            f"`[^`{_BREAKS}]+`",
            # An element whose content is code, or any one tag. An unclosed element
            # stops at the next element of its kind, so the search stays linear.
            r"<(?P<element>(?i:script|style|code|pre))\b[^<>]*>"
            r"[^<]*(?:<(?!/?(?P=element)\b)[^<]*)*</(?P=element)\s*>",
            f"</?[A-Za-z!?][^<>{_BREAKS}]*>",
            # ASCII emoticons after a space or at a line start: جميل :) and ;-) and :D.
            # Glued to a word they are a colon or a semicolon and a bracket (قال:(هذا)),
            # and no rule adds or removes a space before one: an emoticon stays one.
            r":(?<![^\s]:)['-]?[()\[\]DPp|/\\*]",
            r";(?<![^\s];)['-]?[()\[\]DPp|/\\*]",
        ]
    )
)
# Marks that end a sentence after a URL or a path rather than belong to it.
_TRAILING = frozenset(".,;:!?'*") | chars.CLOSERS | chars.ARABIC_CLOSING_MARKS | {"…"}


def _trimmed_end(text: str, start: int, end: int) -> int:
    """Move ``end`` back over trailing punctuation; a ``)`` that closes a ``(`` of the
    span stays (Wikipedia URLs end in one)."""
    if text[end - 1] not in _TRAILING:
        return end
    opened = text.count("(", start, end)
    closed = text.count(")", start, end)
    while end > start + 1 and text[end - 1] in _TRAILING:
        if text[end - 1] == ")":
            if opened >= closed:
                break
            closed -= 1
        end -= 1
    return end


def _span(text: str, match: re.Match[str]) -> tuple[int, int]:
    """The span a match of _SPAN protects, told apart by its first character."""
    start, end = match.span()
    first = text[start]
    if first == "@" and start and text[start - 1] in _LOCAL_PART:  # an e-mail address
        at = start
        while start > at - _MAX_LOCAL_PART and start and text[start - 1] in _LOCAL_PART:
            start -= 1
    elif first == ":" and text[start + 1] == "\\" and text[start - 1 : start].isalpha():
        start -= 1  # the drive letter of C:\
        end = _trimmed_end(text, start, end)
    elif first in "hfw/~.":  # a URL or a path
        end = _trimmed_end(text, start, end)
    return start, end


def find_spans(text: str) -> list[tuple[int, int]]:
    """Protected spans of ``text`` as sorted ``(start, end)`` pairs, apart from each other.

    >>> find_spans("راسلنا على info@example.com أو #وسم")
    [(11, 27), (31, 35)]
    """
    found = [_span(text, match) for match in _SPAN.finditer(text)]
    if not found:
        return found
    # Overlapping or touching spans (a path inside a URL, tags side by side) become one.
    found.sort()
    spans: list[tuple[int, int]] = []
    span_start, span_end = found[0]
    for start, end in found:
        if start > span_end:
            spans.append((span_start, span_end))
            span_start = start
        span_end = max(span_end, end)
    spans.append((span_start, span_end))
    return spans


@dataclass(frozen=True)
class Masked:
    """A text with each protected span replaced by one ``placeholder`` character."""

    text: str
    spans: tuple[str, ...] = ()
    placeholder: str = ""

    def restore(self, text: str) -> str:
        """Put the spans back into ``text`` (the masked text after the rules ran)."""
        if not self.spans:
            return text
        pieces = text.split(self.placeholder)
        return "".join(chain.from_iterable(zip(pieces, (*self.spans, ""), strict=True)))


def mask(text: str) -> Masked | None:
    """Replace each protected span of ``text`` by a placeholder character.

    Returns None in the one case where this cannot be done safely: the text already
    holds every placeholder character (all 32 noncharacters U+FDD0..U+FDEF).
    """
    spans = find_spans(text)
    if not spans:
        return Masked(text)
    placeholder = next((p for p in PLACEHOLDERS if p not in text), None)
    if placeholder is None:
        return None
    pieces: list[str] = []
    kept: list[str] = []
    position = 0
    for start, end in spans:
        pieces.append(text[position:start])
        kept.append(text[start:end])
        position = end
    pieces.append(text[position:])
    return Masked(placeholder.join(pieces), tuple(kept), placeholder)
