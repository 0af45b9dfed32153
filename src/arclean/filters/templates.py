"""Remove template placeholders that a site's templating engine left in the text.

A placeholder is recognised by its shape, not by its delimiters alone: inside the
engine's delimiters there must be an identifier or an expression on one line, with no
Arabic letter and no brace. Arabic inside braces is prose quoted with braces
(``{إِنَّكَ مَيِّتٌ}``) and stays; so do ``{ x }``, ``a < b``, ``50%`` and ``{1, 2}``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from arclean import chars
from arclean.filters.base import Counts, Filter, counts, settle

_SPACE = chars.char_class(chars.HORIZONTAL_SPACES)
# What no placeholder body holds: a line break or an Arabic letter (then it is prose).
# Arabic marks, digits and punctuation may: later filters change those (the diacritics
# filter removes marks), and a placeholder must not appear when they do.
_NOT_TEXT = chars.char_class(
    chars.LINE_BREAKS, (*chars.ARABIC_LETTER_RANGES, *chars.LETTER_FORM_RANGES)
)[1:-1]


# Harakat in presentation form: letters to Unicode, marks once the unicode filter has
# run. Like marks, they never make %s part of a word.
_HARAKAT_FORMS = chars.char_class(ranges=[chars.HARAKAT_FORM_RANGE])


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
# Each engine's pattern starts with its first delimiter character and only then looks
# behind it, so the regex engine can skip straight to the candidates: no brace just
# before (nested braces stay whole, and `{{{{ x }}}}` is not a placeholder). Engines
# come in groups by that first character, each with the text that must be present for
# one of its placeholders to start.
_ENGINE_GROUPS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (
        ("{",),
        # Handlebars/Mustache triple braces first, so `{{{ x }}}` goes whole; then Jinja,
        # Django, Nunjucks, Liquid, Twig, Mustache, Handlebars ({{#each}}, {{/if}},
        # {{> p}}); then Smarty: {$var|escape}, {if $x}, {/if}, {* comment *}.
        (
            "\\{(?<!\\{\\{)(?:"
            f"\\{{\\{{{_BRACES}\\}}\\}}\\}}"
            f"|\\{{{_BRACES}\\}}\\}}"
            f"|%{_BRACES}%\\}}"
            f"|#{_BRACES}#\\}}"
            f"|\\$[A-Za-z_]{_BRACES}\\}}"
            f"|/?(?:{_SMARTY_WORDS})(?:[ \\t]{_BRACES})?\\}}"
            f"|\\*{_BRACES}\\*\\}}"
            ")",
        ),
    ),
    # GitHub Actions ${{ secrets.X }}; JavaScript template literals and shell ${user.name}.
    (("${",), (f"\\$(?<!\\{{\\$)\\{{(?:\\{{{_BRACES}\\}}|{_BRACES})\\}}",)),
    # ERB, EJS, ASP: <% %>, <%= %>, <%- %>, <%# %>, <%@ %>; PHP: <?php ?> and <?= ?>.
    (("<%", "<?"), (f"<(?<!\\{{<)(?:%{_body('%')}%>|\\?(?:php\\b|=){_body('?')}\\?>)",)),
    # Template Toolkit: [% ... %].
    (("[%",), (f"\\[(?<!\\{{\\[)%{_body('%[]')}%\\]",)),
    (
        ("%",),
        # printf leftovers: %(name)s always; %s, %d, %1$s only standing apart from words
        # and numbers, so 50%, %D8%A7 (a percent-encoded URL) and 100%s stay.
        (
            "%(?<!\\{%)\\([A-Za-z_](?:[A-Za-z_]|\\d)*\\)[sdifr]",
            f"%(?:(?<![\\w%{{]%)|(?<={_HARAKAT_FORMS}%))(?:\\d\\$)?[sdif]"
            f"(?:(?![\\w%])|(?={_HARAKAT_FORMS}))",
        ),
    ),
)


def _placeholder(engines: tuple[str, ...]) -> str:
    return "(?:" + "|".join(engines) + ")(?!\\})"


PLACEHOLDER = _placeholder(tuple(e for _, engines in _ENGINE_GROUPS for e in engines))


@functools.cache
def _patterns(groups: tuple[int, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A placeholder, and a run of them, of the engine groups given by index.

    On text where no other group's placeholder can start, these find exactly what the
    patterns of every engine find, and faster: one engine's pattern starts with one
    literal character, which the regex engine finds fastest. Compiled on first use, to
    keep them out of the import.
    """
    placeholder = _placeholder(tuple(e for g in groups for e in _ENGINE_GROUPS[g][1]))
    # Placeholders one after the other, with only spaces between: they go together.
    # (Group 1 holds the placeholders after the first: engines' patterns have no group.)
    run = f"{placeholder}((?:{_SPACE}*{placeholder})+)?"
    return re.compile(placeholder), re.compile(run)


def _groups_present(text: str) -> tuple[int, ...]:
    """The engine groups whose placeholders may start in the text.

    A single character is found many times faster than two: look for it first. In a
    short text (a tweet), one search for every sign's first character comes first.
    """
    if len(text) < _SHORT_TEXT and not _SIGN_START.search(text):
        return ()
    return tuple(
        i
        for i, (signs, _) in enumerate(_ENGINE_GROUPS)
        if any(sign[0] in text and sign in text for sign in signs)
    )


# The characters a sign starts with ($ % < [ {), and the length of text under which a
# search for all of them costs less than the tests of each sign.
_SIGN_START = re.compile(
    chars.char_class({sign[0] for signs, _ in _ENGINE_GROUPS for sign in signs})
)
_SHORT_TEXT = 1000
_HSPACE = "".join(chars.HORIZONTAL_SPACES)
# The start of an entity, a tag or a BBCode tag, cut short by a placeholder glued into
# it (&am{{x}}p;): closing the gap would complete it, and the markup filter would remove
# it on a second run. A space keeps the pieces apart.
_OPEN_MARKUP = re.compile(r"(?:&[#A-Za-z\d]*|<[/!?]?(?:[-A-Za-z:_.]|\d)*|\[/?[A-Za-z\d*]*)\Z")


def remove_templates(text: str) -> str:
    """Remove template placeholders of the common engines, inline or as whole lines.

    >>> remove_templates("قال {{ author.name }} إن\\n{% if x %}\\nنص <%= y %> هنا")
    'قال إن\\nنص هنا'
    """
    return Templates().apply(text)[0]


def _remove_once(text: str) -> tuple[str, Counts]:
    groups = _groups_present(text)
    # One search per group is the cheap proof that there is nothing to do.
    if not any(_patterns((group,))[0].search(text) for group in groups):
        return text, {}
    return _remove_runs(text, *_patterns(groups))


def _remove_runs(
    text: str, placeholder: re.Pattern[str], run_pattern: re.Pattern[str]
) -> tuple[str, Counts]:
    parts: list[str] = []
    pos = removed = lines = 0
    size = len(text)
    spaces, breaks = _HSPACE, chars.LINE_BREAKS
    for run in run_pattern.finditer(text):
        # A run of one placeholder (group 1 unmatched) needs no count.
        removed += 1 if run.group(1) is None else len(placeholder.findall(run[0]))
        # Take the spaces on both sides with the run.
        run_start, run_end = start, end = run.span()
        while start > pos and text[start - 1] in spaces:
            start -= 1
        while end < size and text[end] in spaces:
            end += 1
        at_start = start == 0 or text[start - 1] in breaks
        at_end = end == size or text[end] in breaks
        parts.append(text[pos:start])
        if at_start and at_end:
            # A line made only of placeholders goes with its line break.
            end += 2 if text.startswith("\r\n", end) else 1
            lines += 1
        elif not (at_start or at_end) and (
            start < run_start or end > run_end or _OPEN_MARKUP.search(text, start - 40, start)
        ):
            # Between two words the gap closes to one space; at a line's edge, or with no
            # space around it (a{{x}}b), to none.
            parts.append(" ")
        pos = min(end, size)
    parts.append(text[pos:])
    return "".join(parts), counts(placeholders_removed=removed, lines_removed=lines)


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
    example = "قال {{ author.name }} إن"
    lossless = True

    def apply(self, text: str) -> tuple[str, Counts]:
        # Cutting one placeholder out can join its neighbours into another: settle.
        return settle(_remove_once, text)
