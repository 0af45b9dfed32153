"""Every built-in filter, and the registry that lists them in canonical order.

>>> [f.name for f in FILTERS][:3]
['invisible', 'presentation-forms', 'tatweel']
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
from arclean.filters.punctuation import Punctuation, fix_punctuation
from arclean.filters.repeats import Repeats, drop_repeats
from arclean.filters.templates import Templates, remove_templates
from arclean.filters.whitespace import Whitespace, fix_whitespace

# The canonical order. Invisible marks go first so nothing hides a placeholder or a
# repeat from the later filters; letters and punctuation are settled before repeats
# compares paragraphs; whitespace lays out the final text last.
FILTERS: tuple[type[Filter], ...] = (
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
    "PresentationForms",
    "Punctuation",
    "Repeats",
    "Tatweel",
    "Templates",
    "Whitespace",
    "drop_repeats",
    "fix_punctuation",
    "fix_whitespace",
    "remove_invisible",
    "remove_tatweel",
    "remove_templates",
    "replace_presentation_forms",
]
