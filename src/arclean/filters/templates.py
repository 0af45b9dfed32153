"""Remove template placeholders that a site's templating engine left in the text.

A placeholder is recognised by its shape, not by its delimiters alone: inside the
engine's delimiters there must be an identifier or an expression on one line, with no
Arabic letter and no brace. Arabic inside braces is prose quoted with braces
(``{إِنَّكَ مَيِّتٌ}``) and stays; so do ``{ x }``, ``a < b``, ``50%`` and ``{1, 2}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from arclean import chars
from arclean.filters.base import Counts, Filter, counts, settle

_SPACE = chars.char_class(chars.HORIZONTAL_SPACES)
_BREAK = chars.char_class(chars.LINE_BREAKS)
_NOT_BREAK = "[^" + chars.char_class(chars.LINE_BREAKS)[1:]
# What no placeholder body holds: a line break or an Arabic letter (then it is prose).
_NOT_TEXT = chars.char_class(chars.LINE_BREAKS, chars.ARABIC_SCRIPT_RANGES)[1:-1]


def _body(also_not: str) -> str:
    """A placeholder body: no line break, no Arabic, none of ``also_not``.

    Each body refuses the first character of its own opening delimiter, so a scan that
    starts at one opener stops at the next: matching stays linear on ``{{{{``, ``<%<%``.
    """
    return f"[^{re.escape(also_not)}{_NOT_TEXT}]*"


_BRACES = _body("{}")
# Smarty's built-in tags; `{if x}` is a tag, `{ x }` and `{word}` are not.
_SMARTY_WORDS = (
    "if|elseif|else|foreach|foreachelse|section|sectionelse|include|assign|capture|"
    "block|extends|function|call|literal|strip|while|for|ldelim|rdelim|nocache|append"
)
_ENGINES = [
    # Handlebars/Mustache triple braces first, so `{{{ x }}}` goes whole.
    f"\\{{\\{{\\{{{_BRACES}\\}}\\}}\\}}",
    # Jinja, Django, Nunjucks, Liquid, Twig, Mustache, Handlebars ({{#each}}, {{/if}}, {{> p}}).
    f"\\{{\\{{{_BRACES}\\}}\\}}",
    f"\\{{%{_BRACES}%\\}}",
    f"\\{{#{_BRACES}#\\}}",
    # Smarty: {$var|escape}, {if $x}, {/if}, {* comment *}.
    f"\\{{\\$[A-Za-z_]{_BRACES}\\}}",
    f"\\{{/?(?:{_SMARTY_WORDS})(?:[ \\t]{_BRACES})?\\}}",
    f"\\{{\\*{_BRACES}\\*\\}}",
    # GitHub Actions ${{ secrets.X }}; JavaScript template literals and shell ${user.name}.
    f"\\$\\{{\\{{{_BRACES}\\}}\\}}",
    f"\\$\\{{{_BRACES}\\}}",
    # ERB, EJS, ASP: <% %>, <%= %>, <%- %>, <%# %>, <%@ %>.
    f"<%{_body('%')}%>",
    # PHP: <?php ... ?> and <?= ... ?>.
    f"<\\?(?:php\\b|=){_body('?')}\\?>",
    # Template Toolkit: [% ... %].
    f"\\[%{_body('%[]')}%\\]",
    # printf leftovers: %(name)s always; %s, %d, %1$s only standing apart from words and
    # numbers, so 50%, %D8%A7 (a percent-encoded URL) and 100%s stay.
    "%\\([A-Za-z_][A-Za-z0-9_]*\\)[sdifr]",
    "(?<![\\w%])%(?:[1-9]\\$)?[sdif](?![\\w%])",
]
# No brace just outside: nested braces stay whole, and `{{{{ x }}}}` is not a placeholder.
PLACEHOLDER = "(?<!\\{)(?:" + "|".join(_ENGINES) + ")(?!\\})"

_PLACEHOLDER = re.compile(PLACEHOLDER)
# A line made only of placeholders goes with its line break.
_PLACEHOLDER_LINE = re.compile(
    f"(?<!{_NOT_BREAK}){_SPACE}*(?:{PLACEHOLDER}{_SPACE}*)+(?:\\r\\n|{_BREAK}|\\Z)"
)
_INLINE = re.compile(f"{_SPACE}*(?:{PLACEHOLDER}{_SPACE}*)+")
# Every placeholder holds one of these; text with none of them is left at once.
_OPENERS = ("{", "<%", "<?", "[%", "%")


def remove_templates(text: str) -> str:
    """Remove template placeholders of the common engines, inline or as whole lines.

    >>> remove_templates("قال {{ author.name }} إن\\n{% if x %}\\nنص <%= y %> هنا")
    'قال إن\\nنص هنا'
    """
    return Templates().apply(text)[0]


def _remove_once(text: str) -> tuple[str, Counts]:
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
        spaced = match[0][0] in chars.HORIZONTAL_SPACES or match[0][-1] in chars.HORIZONTAL_SPACES
        return " " if spaced and not at_edge else ""

    text, lines = _PLACEHOLDER_LINE.subn(drop_line, text)
    text = _INLINE.sub(drop_inline, text)
    return text, counts(placeholders_removed=removed, lines_removed=lines)


@dataclass(frozen=True)
class Templates(Filter):
    """Remove template placeholders, inline or as whole lines.

    Engines: Jinja, Django, Nunjucks, Liquid and Twig (``{{ }}``, ``{% %}``, ``{# #}``),
    Mustache and Handlebars (``{{{ }}}``, ``{{#each}}``, ``{{/if}}``), ERB, EJS and ASP
    (``<% %>``), PHP (``<?php ?>``, ``<?= ?>``), Smarty (``{$var}``, ``{if}``), template
    literals (``${x}``), Template Toolkit (``[% %]``) and printf (``%(name)s``, ``%s``).
    A line left empty by the removal disappears; inline, the gap closes to one space.
    """

    name = "templates"
    description = "Remove template placeholders such as {{ article.visit_count }} and {% if %}."
    lossless = True

    def apply(self, text: str) -> tuple[str, Counts]:
        if not any(opener in text for opener in _OPENERS):
            return text, {}
        # Cutting one placeholder out can join its neighbours into another: settle.
        return settle(_remove_once, text)
