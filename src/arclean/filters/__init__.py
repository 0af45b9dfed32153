"""Every built-in filter, and the registry that lists them in canonical order.

>>> [f.name for f in FILTERS][:3]
['invisible', 'markup', 'templates']
"""

from __future__ import annotations

from arclean.filters.base import Counts, Filter
from arclean.filters.boilerplate import Boilerplate, remove_boilerplate
from arclean.filters.code_leaks import CodeLeaks, remove_code_leaks
from arclean.filters.invisible import Invisible, remove_invisible
from arclean.filters.letters import (
    PresentationForms,
    Tatweel,
    remove_tatweel,
    replace_presentation_forms,
)
from arclean.filters.markup import Markup, remove_markup
from arclean.filters.punctuation import Punctuation, fix_punctuation
from arclean.filters.repeats import Repeats, drop_repeats
from arclean.filters.templates import Templates, remove_templates
from arclean.filters.whitespace import Whitespace, fix_whitespace

# The canonical order. Invisible marks go first, so none of them hides a tag, a
# placeholder or a repeat from the later filters (<\u200bp> is a tag); markup decodes
# the entities of invisible marks (&#8203;) to nothing itself. Placeholders go after
# markup, which decodes &#123;&#123; x &#125;&#125;, and before letters are fixed:
# cutting one out of "اللـ{{ x }}ه" joins a tatweel to a letter, and the tatweel filter
# must see that join in the same run. Code leaks and boilerplate are judged on whole
# lines once placeholders are gone, and before punctuation rewrites the commas of a
# line of code. Letters and punctuation are settled before repeats compares
# paragraphs; whitespace lays out the final text last.
FILTERS: tuple[type[Filter], ...] = (
    Invisible,
    Markup,
    Templates,
    PresentationForms,
    Tatweel,
    CodeLeaks,
    Boilerplate,
    Punctuation,
    Repeats,
    Whitespace,
)
FILTERS_BY_NAME: dict[str, type[Filter]] = {f.name: f for f in FILTERS}

__all__ = [
    "FILTERS",
    "FILTERS_BY_NAME",
    "Boilerplate",
    "CodeLeaks",
    "Counts",
    "Filter",
    "Invisible",
    "Markup",
    "PresentationForms",
    "Punctuation",
    "Repeats",
    "Tatweel",
    "Templates",
    "Whitespace",
    "drop_repeats",
    "fix_punctuation",
    "fix_whitespace",
    "remove_boilerplate",
    "remove_code_leaks",
    "remove_invisible",
    "remove_markup",
    "remove_tatweel",
    "remove_templates",
    "replace_presentation_forms",
]
