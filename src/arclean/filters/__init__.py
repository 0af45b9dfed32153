"""Every built-in filter, and the registry that lists them in canonical order.

>>> [f.name for f in FILTERS][:3]
['mojibake', 'invisible', 'templates']
"""

from __future__ import annotations

from arclean.filters.base import Counts, Filter
from arclean.filters.diacritics import Diacritics, remove_diacritics
from arclean.filters.digits import Digits
from arclean.filters.folding import Alef, AlefMaksura, Elongation, HamzaSeats, TehMarbuta
from arclean.filters.invisible import Invisible, remove_invisible
from arclean.filters.lookalikes import Lookalikes, fix_lookalikes
from arclean.filters.mojibake import Mojibake, fix_mojibake
from arclean.filters.punctuation import Punctuation, fix_punctuation
from arclean.filters.repeats import Repeats, drop_repeats
from arclean.filters.tatweel import Tatweel, remove_tatweel
from arclean.filters.templates import Templates, remove_templates
from arclean.filters.unicode import Unicode, replace_presentation_forms
from arclean.filters.whitespace import Whitespace, fix_whitespace

# The canonical order. Mojibake goes first: every other filter reads Arabic letters,
# which mojibake hides (and its Windows-1256 form uses soft hyphens and ZWNJ that the
# invisible filter would strip). Invisible marks go next so nothing hides a placeholder,
# a repeat or a composable mark from the later filters; placeholders go next, so the
# letter filters see the words a removal joins; letters are settled (lossless, then the
# lossy folds) before punctuation and repeats compare text; whitespace lays out the
# final text last.
FILTERS: tuple[type[Filter], ...] = (
    Mojibake,
    Invisible,
    Templates,
    Unicode,
    Tatweel,
    Lookalikes,
    Diacritics,
    Alef,
    AlefMaksura,
    TehMarbuta,
    HamzaSeats,
    Digits,
    Elongation,
    Punctuation,
    Repeats,
    Whitespace,
)
FILTERS_BY_NAME: dict[str, type[Filter]] = {f.name: f for f in FILTERS}

__all__ = [
    "FILTERS",
    "FILTERS_BY_NAME",
    "Alef",
    "AlefMaksura",
    "Counts",
    "Diacritics",
    "Digits",
    "Elongation",
    "Filter",
    "HamzaSeats",
    "Invisible",
    "Lookalikes",
    "Mojibake",
    "Punctuation",
    "Repeats",
    "Tatweel",
    "TehMarbuta",
    "Templates",
    "Unicode",
    "Whitespace",
    "drop_repeats",
    "fix_lookalikes",
    "fix_mojibake",
    "fix_punctuation",
    "fix_whitespace",
    "remove_diacritics",
    "remove_invisible",
    "remove_tatweel",
    "remove_templates",
    "replace_presentation_forms",
]
