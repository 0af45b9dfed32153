"""Spaces and line layout: one space between words, trimmed lines, one final newline."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from arclean import chars
from arclean.filters.base import Counts, Filter, counts
from arclean.scan import ONE_SEARCH_BELOW, RARE_LINE_BREAKS, contains_any

# Each step is one pass that re or str runs at C speed (a pattern that starts with a
# fixed character lets re skip to it), and is skipped when a cheaper check finds
# nothing for it. After the first two steps the only space left is the ASCII one.
_ODD_BREAKS = RARE_LINE_BREAKS
_ODD_BREAK = re.compile(chars.char_class(_ODD_BREAKS))
# Tabs, NBSP and the other Unicode spaces, each to an ASCII space.
_ODD_SPACES = "".join(sorted(chars.HORIZONTAL_SPACES - {" "}))
_ODD_SPACE = re.compile(chars.char_class(_ODD_SPACES))
_ODD_BREAKS_OR_SPACES = _ODD_BREAKS + _ODD_SPACES
_SPACE_RUN = re.compile("  +")
_TRAILING_SPACE = re.compile(" \n")
_LEADING_SPACE = re.compile("\n ")
# A line that ends or starts with a space, found by its line break (rarer than a space).
_SPACE_AT_LINE_EDGE = re.compile("\n(?:(?<= \n)| )")


@lru_cache(maxsize=8)
def _blank_run(max_blank_lines: int) -> re.Pattern[str]:
    """More line breaks in a row than ``max_blank_lines`` blank lines need, written to
    start with one plain line break (re scans for a lone literal twice as fast as for
    several, and from a repeated one, \\n{3,}, not fast at all)."""
    return re.compile(f"\\n(?=\\n{{{max_blank_lines + 1}}})\\n+")


def fix_whitespace(text: str) -> str:
    """Fold spaces, trim lines, keep at most one blank line, end with one newline.

    >>> fix_whitespace("  قال\\u00a0\\u00a0إنه \\r\\n\\r\\n\\r\\nجاء\\tهنا ")
    'قال إنه\\n\\nجاء هنا\\n'
    """
    return Whitespace().apply(text)[0]


@dataclass(frozen=True)
class Whitespace(Filter):
    """Normalise spaces and line ends; paragraphs keep their breaks.

    CRLF, CR and the Unicode line separators become LF; tabs, NBSP and every other
    Unicode space inside a line become one space, and runs of spaces one; lines lose
    their leading and trailing spaces; runs of blank lines shrink to
    ``max_blank_lines``; the text ends with exactly one newline (an empty text, or
    one of spaces only, becomes empty).
    """

    max_blank_lines: int = 1

    name = "whitespace"
    description = "Fold spaces and tabs, trim lines, collapse blank lines, end with one newline."
    example = "  قال  إنه\t\u00a0جاء  \r\n\r\n\r\nثم ذهب"
    lossless = True

    def __post_init__(self) -> None:
        if isinstance(self.max_blank_lines, bool) or not isinstance(self.max_blank_lines, int):
            raise ValueError(
                f"max_blank_lines must be a whole number, not {self.max_blank_lines!r}"
            )
        if self.max_blank_lines < 0:
            raise ValueError("max_blank_lines must be 0 or more")

    def apply(self, text: str) -> tuple[str, Counts]:
        breaks = replaced = folded = blank_runs = 0
        # A short text (a record) is searched once for both kinds: most have neither.
        odd = len(text) >= ONE_SEARCH_BELOW or contains_any(text, _ODD_BREAKS_OR_SPACES)
        if odd and contains_any(text, _ODD_BREAKS):  # each alone: faster than a class
            # CRLF first, at C speed (Windows files: a match a line costs far more), then
            # the other breaks, a CR that was not before a LF among them.
            breaks = text.count("\r\n")
            if breaks:
                text = text.replace("\r\n", "\n")
            if contains_any(text, _ODD_BREAKS):
                text, others = _ODD_BREAK.subn("\n", text)
                breaks += others
        if odd and contains_any(text, _ODD_SPACES):
            text, replaced = _ODD_SPACE.subn(" ", text)
        if "  " in text:
            text, folded = _SPACE_RUN.subn(" ", text)
        # Spaces are single now: a line ends in at most one, and starts with at most one.
        trimmed = 0
        if _SPACE_AT_LINE_EDGE.search(text):
            if " \n" in text:
                text, trimmed = _TRAILING_SPACE.subn("\n", text)
            if "\n " in text:
                text, leading = _LEADING_SPACE.subn("\n", text)
                trimmed += leading
        if text.startswith(" "):
            text, trimmed = text[1:], trimmed + 1
        if text.endswith(" "):
            text, trimmed = text[:-1], trimmed + 1
        if "\n" * (self.max_blank_lines + 2) in text:
            text, blank_runs = _blank_run(self.max_blank_lines).subn(
                "\n" * (self.max_blank_lines + 1), text
            )
        if text.endswith("\n") and not text.endswith("\n\n") and not text.startswith("\n"):
            ends = text  # the common case, without copying the text twice
        else:
            body = text.strip("\n")
            ends = body + "\n" if body else ""
        return ends, counts(
            line_breaks_normalized=breaks,
            spaces_replaced=replaced,
            spaces_folded=folded,
            lines_trimmed=trimmed,
            blank_runs_collapsed=blank_runs,
            edges_fixed=int(ends != text),
        )
