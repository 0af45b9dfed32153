"""Every built-in filter, and the registry that lists them in canonical order.

>>> [f.name for f in FILTERS][:3]
['mojibake', 'invisible', 'presentation-forms']
"""

from __future__ import annotations

from arclean.filters.base import Counts, Filter
from arclean.filters.invisible import Invisible, remove_invisible
from arclean.filters.letters import (
    PresentationForms,
    Tatweel,
    remove_tatweel,
    replace_presentation_forms,
)
from arclean.filters.mojibake import Mojibake, fix_mojibake
from arclean.filters.punctuation import Punctuation, fix_punctuation
from arclean.filters.repeats import Repeats, drop_repeats
from arclean.filters.templates import Templates, remove_templates
from arclean.filters.whitespace import Whitespace, fix_whitespace

# The canonical order. Mojibake goes first: every other filter reads Arabic letters,
# which mojibake hides (and its Windows-1256 form uses soft hyphens and ZWNJ that the
# invisible filter would strip). Invisible marks go next so nothing hides a placeholder or a
# repeat from the later filters; letters and punctuation are settled before repeats
# compares paragraphs; whitespace lays out the final text last.
FILTERS: tuple[type[Filter], ...] = (
    Mojibake,
    Invisible,
    PresentationForms,
    Tatweel,
    Templates,
    Punctuation,
    Repeats,
    Whitespace,
)
FILTERS_BY_NAME: dict[str, type[Filter]] = {f.name: f for f in FILTERS}

__all__ = [
    "FILTERS",
    "FILTERS_BY_NAME",
    "Counts",
    "Filter",
    "Invisible",
    "Mojibake",
    "PresentationForms",
    "Punctuation",
    "Repeats",
    "Tatweel",
    "Templates",
    "Whitespace",
    "drop_repeats",
    "fix_mojibake",
    "fix_punctuation",
    "fix_whitespace",
    "remove_invisible",
    "remove_tatweel",
    "remove_templates",
    "replace_presentation_forms",
]
