"""Remove template placeholders that a site's templating engine left in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from arclean import chars
from arclean.filters.base import Counts, Filter, counts

_SPACE = chars.char_class(chars.HORIZONTAL_SPACES)
_BREAK = chars.char_class(chars.LINE_BREAKS)
_NOT_BREAK = "[^" + chars.char_class(chars.LINE_BREAKS)[1:]
# A placeholder holds an identifier or expression: no braces, no line break and no
# Arabic letter. Arabic inside braces is prose quoted with braces ({إِنَّكَ مَيِّتٌ}),
# and must stay. Excluding "{" and "}" also keeps matching linear on "{{{{{{...", and
# refusing a brace just outside keeps nested braces whole, so a second run finds nothing.
_BODY = "[^{}" + chars.char_class(chars.LINE_BREAKS, chars.ARABIC_SCRIPT_RANGES)[1:-1] + "]*?"
PLACEHOLDER = f"(?<!\\{{)(?:\\{{\\{{{_BODY}\\}}\\}}|\\{{%{_BODY}%\\}}|\\{{#{_BODY}#\\}})(?!\\}})"

_PLACEHOLDER = re.compile(PLACEHOLDER)
# A line made only of placeholders goes with its line break.
_PLACEHOLDER_LINE = re.compile(
    f"(?<!{_NOT_BREAK}){_SPACE}*(?:{PLACEHOLDER}{_SPACE}*)+(?:\\r\\n|{_BREAK}|\\Z)"
)
# A match starts only where a run of spaces starts: tried from inside a long run that
# no placeholder follows, the leading spaces would be read again at each position.
_INLINE = re.compile(f"(?<!{_SPACE}){_SPACE}*(?:{PLACEHOLDER}{_SPACE}*)+")


def remove_templates(text: str) -> str:
    """Remove ``{{ ... }}``, ``{% ... %}`` and ``{# ... #}`` placeholders.

    >>> remove_templates("قال {{ author.name }} إن\\n{% if x %}\\nنص")
    'قال إن\\nنص'
    """
    return Templates().apply(text)[0]


@dataclass(frozen=True)
class Templates(Filter):
    """Remove template placeholders, inline or as whole lines.

    A line left empty by the removal disappears; inline, the gap closes to one space.
    """

    name = "templates"
    description = "Remove template placeholders such as {{ article.visit_count }} and {% if %}."
    example = "قال {{ author.name }} إن"
    lossless = True

    def apply(self, text: str) -> tuple[str, Counts]:
        # Removing a placeholder nested in another ({%{%%}%}, {{ {%x%} }}) makes the
        # outer one whole: run again until nothing changes. Text that has not settled
        # after a few passes is contrived nesting, and is kept as it is, so a second
        # call changes nothing either way and the work stays linear.
        total: Counts = {}
        current = text
        for _ in range(5):
            new, changed = self._remove(current)
            if new == current:
                return current, total
            for kind, n in changed.items():
                total[kind] = total.get(kind, 0) + n
            current = new
        return text, {}

    def _remove(self, text: str) -> tuple[str, Counts]:
        if "{" not in text:
            return text, {}
        removed = 0

        def drop_line(match: re.Match[str]) -> str:
            nonlocal removed
            removed += len(_PLACEHOLDER.findall(match[0]))
            return ""

        def drop_inline(match: re.Match[str]) -> str:
            nonlocal removed
            removed += len(_PLACEHOLDER.findall(match[0]))
            # Between two words the gap closes to one space; at a line's edge, to none.
            before = match.string[match.start() - 1 : match.start()] or "\n"
            after = match.string[match.end() : match.end() + 1] or "\n"
            at_edge = before in chars.LINE_BREAKS or after in chars.LINE_BREAKS
            spaced = (
                match[0][0] in chars.HORIZONTAL_SPACES or match[0][-1] in chars.HORIZONTAL_SPACES
            )
            return " " if spaced and not at_edge else ""

        text, lines = _PLACEHOLDER_LINE.subn(drop_line, text)
        text = _INLINE.sub(drop_inline, text)
        return text, counts(placeholders_removed=removed, lines_removed=lines)
