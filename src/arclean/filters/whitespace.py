"""Spaces and line layout: one space between words, trimmed lines, one final newline."""

from __future__ import annotations

import re
from dataclasses import dataclass

from arclean import chars
from arclean.filters.base import Counts, Filter, counts

_BREAK = re.compile(f"\\r\\n|{chars.char_class(chars.LINE_BREAKS - {chr(10)})}")
_ODD_SPACE = chars.char_class(chars.HORIZONTAL_SPACES - {" "})
_SPACE = chars.char_class(chars.HORIZONTAL_SPACES)
# A run of spaces that is not already a single ASCII space.
_SPACE_RUN = re.compile(f"{_SPACE}*{_ODD_SPACE}{_SPACE}*| {{2,}}")
_EDGE_SPACE = re.compile("^ +| +$", re.MULTILINE)


def fix_whitespace(text: str) -> str:
    """Fold spaces, trim lines, keep at most one blank line, end with one newline.

    >>> fix_whitespace("  قال\\u00a0\\u00a0إنه \\r\\n\\r\\n\\r\\nجاء")
    'قال إنه\\n\\nجاء\\n'
    """
    return Whitespace().apply(text)[0]


@dataclass(frozen=True)
class Whitespace(Filter):
    """Normalise spaces and line ends; paragraphs keep their breaks.

    CRLF, CR and the Unicode line separators become LF; tabs, NBSP and other Unicode
    spaces inside a line become one space; lines are trimmed; runs of blank lines
    shrink to ``max_blank_lines``; the text ends with exactly one newline (an empty
    text stays empty).
    """

    max_blank_lines: int = 1

    name = "whitespace"
    description = "Fold spaces and tabs, trim lines, collapse blank lines, end with one newline."
    example = "  قال  إنه\t\u00a0جاء  \r\n\r\n\r\nثم ذهب"
    lossless = True

    def __post_init__(self) -> None:
        if self.max_blank_lines < 0:
            raise ValueError("max_blank_lines must be 0 or more")

    def apply(self, text: str) -> tuple[str, Counts]:
        text, breaks = _BREAK.subn("\n", text)
        text, spaces = _SPACE_RUN.subn(" ", text)
        text, trimmed = _EDGE_SPACE.subn("", text)
        too_many = "\n" * (self.max_blank_lines + 2)
        blank_runs = 0
        if too_many in text:
            text, blank_runs = re.subn(
                f"\n{{{self.max_blank_lines + 2},}}", "\n" * (self.max_blank_lines + 1), text
            )
        body = text.strip("\n")
        ends = body + "\n" if body else ""
        return ends, counts(
            line_breaks_normalized=breaks,
            spaces_folded=spaces,
            lines_trimmed=trimmed,
            blank_runs_collapsed=blank_runs,
            edges_fixed=int(ends != text),
        )
