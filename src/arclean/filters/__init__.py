"""Every built-in filter, and the registry that lists them in canonical order.

>>> [f.name for f in FILTERS][:4]
['markup', 'mojibake', 'invisible', 'templates']
"""

from __future__ import annotations

from arclean.filters.base import Counts, Filter
from arclean.filters.boilerplate import Boilerplate, remove_boilerplate
from arclean.filters.code_leaks import CodeLeaks, remove_code_leaks
from arclean.filters.diacritics import Diacritics, remove_diacritics
from arclean.filters.digits import Digits
from arclean.filters.folding import Alef, AlefMaksura, Elongation, HamzaSeats, TehMarbuta
from arclean.filters.invisible import Invisible, remove_invisible
from arclean.filters.lookalikes import Lookalikes, fix_lookalikes
from arclean.filters.markup import Markup, remove_markup
from arclean.filters.mojibake import Mojibake, fix_mojibake
from arclean.filters.punctuation import Punctuation, fix_punctuation
from arclean.filters.repeats import Repeats, drop_repeats
from arclean.filters.tatweel import Tatweel, remove_tatweel
from arclean.filters.templates import Templates, remove_templates
from arclean.filters.unicode import Unicode, replace_presentation_forms
from arclean.filters.whitespace import Whitespace, fix_whitespace

# The canonical order. Markup goes first: its tags are ASCII, which mojibake never
# touches, and the entities it decodes may spell mojibake (&#216;&#167; is "Ø§", UTF-8
# of ا read as Latin-1), invisible marks (&#8203;) or spaces (&nbsp;) that the later
# filters handle; the invisible filter also judges a paragraph's language by its
# letters, which must not include those of tags. Mojibake goes next: every other filter
# reads Arabic letters, which mojibake hides (and its Windows-1256 form uses soft hyphens
# and ZWNJ that the invisible filter would strip). Invisible marks go next so nothing
# hides a placeholder, a repeat or a composable mark from the later filters.
# Placeholders go after markup, which decodes &#123;&#123; x &#125;&#125;, and before the
# letter filters, so those see the words a removal joins ("اللـ{{ x }}ه"). Code leaks
# and boilerplate are judged on whole lines once placeholders are gone and letters are
# standard (a presentation-form haraka glued to "var" hides it), before the lossy folds
# and before punctuation rewrites the commas of a line of code. Letters are settled
# (lossless, then the lossy folds) before punctuation and repeats compare text;
# whitespace lays out the final text last.
FILTERS: tuple[type[Filter], ...] = (
    Markup,
    Mojibake,
    Invisible,
    Templates,
    Unicode,
    Tatweel,
    Lookalikes,
    CodeLeaks,
    Boilerplate,
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
    "Boilerplate",
    "CodeLeaks",
    "Counts",
    "Diacritics",
    "Digits",
    "Elongation",
    "Filter",
    "HamzaSeats",
    "Invisible",
    "Lookalikes",
    "Markup",
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
    "remove_boilerplate",
    "remove_code_leaks",
    "remove_diacritics",
    "remove_invisible",
    "remove_markup",
    "remove_tatweel",
    "remove_templates",
    "replace_presentation_forms",
]
