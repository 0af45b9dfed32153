"""Character tables for arclean: named constants, sets and the patterns built from them.

This module holds data, not logic. Every character is written as a ``\\N{...}`` escape
with its code point and the reason it is here; ``tests/test_chars.py`` checks each
constant against :func:`unicodedata.name`. Sets are frozensets; patterns are character
classes built from them (see :func:`char_class`).

>>> TATWEEL == "\\u0640"
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# --- Arabic letters and marks -------------------------------------------------------

TATWEEL = "\N{ARABIC TATWEEL}"  # U+0640 kashida: stretches a word, carries no meaning

# Ranges of Arabic-script letters (not digits, marks or punctuation). Used to decide
# whether a mark sits in Arabic context.
ARABIC_LETTER_RANGES = (
    (
        "\N{ARABIC LETTER KASHMIRI YEH}",  # U+0620
        "\N{ARABIC LETTER FARSI YEH WITH THREE DOTS ABOVE}",  # U+063F
    ),
    # U+0640 is tatweel
    (
        "\N{ARABIC LETTER FEH}",  # U+0641
        "\N{ARABIC LETTER YEH}",  # U+064A
    ),
    (
        "\N{ARABIC LETTER DOTLESS BEH}",  # U+066E
        "\N{ARABIC LETTER DOTLESS QAF}",  # U+066F
    ),
    (
        "\N{ARABIC LETTER ALEF WASLA}",  # U+0671
        "\N{ARABIC LETTER YEH BARREE WITH HAMZA ABOVE}",  # U+06D3
    ),
    # Uighur, Kazakh
    (
        "\N{ARABIC LETTER AE}",  # U+06D5
        "\N{ARABIC LETTER AE}",  # U+06D5
    ),
    (
        "\N{ARABIC LETTER DAL WITH INVERTED V}",  # U+06EE
        "\N{ARABIC LETTER REH WITH INVERTED V}",  # U+06EF
    ),
    (
        "\N{ARABIC LETTER SHEEN WITH DOT BELOW}",  # U+06FA
        "\N{ARABIC LETTER GHAIN WITH DOT BELOW}",  # U+06FC
    ),
    (
        "\N{ARABIC LETTER HEH WITH INVERTED V}",  # U+06FF
        "\N{ARABIC LETTER HEH WITH INVERTED V}",  # U+06FF
    ),
    # supplement
    (
        "\N{ARABIC LETTER BEH WITH THREE DOTS HORIZONTALLY BELOW}",  # U+0750
        "\N{ARABIC LETTER KAF WITH TWO DOTS ABOVE}",  # U+077F
    ),
    # extended-A
    (
        "\N{ARABIC LETTER BEH WITH SMALL V BELOW}",  # U+08A0
        "\N{ARABIC LETTER GRAF}",  # U+08C8
    ),
)

# Whole Arabic-script blocks, for "does this stretch contain Arabic at all" checks.
ARABIC_SCRIPT_RANGES = (
    # Arabic
    (
        "\N{ARABIC NUMBER SIGN}",  # U+0600
        "\N{ARABIC LETTER HEH WITH INVERTED V}",  # U+06FF
    ),
    (
        "\N{ARABIC LETTER BEH WITH THREE DOTS HORIZONTALLY BELOW}",  # U+0750
        "\N{ARABIC LETTER KAF WITH TWO DOTS ABOVE}",  # U+077F
    ),
    # Extended-A
    (
        "\N{ARABIC LETTER BEH WITH SMALL V BELOW}",  # U+08A0
        "\N{ARABIC MARK SIDEWAYS NOON GHUNNA}",  # U+08FF
    ),
    (
        "\N{ARABIC LETTER ALEF WASLA ISOLATED FORM}",  # U+FB50
        "\N{ARABIC LIGATURE AZZA WA JALL}",  # U+FDFF
    ),
    (
        "\N{ARABIC FATHATAN ISOLATED FORM}",  # U+FE70
        "\N{ARABIC LIGATURE LAM WITH ALEF FINAL FORM}",  # U+FEFC
    ),
)

# Combining marks of the Arabic block: harakat, tanween, shadda, sukun, maddah and
# hamza above/below, the superscript (dagger) alef and the Quranic annotation signs.
# A tatweel followed by one of these still belongs to the word.
ARABIC_MARK_RANGES = (
    # Quranic
    (
        "\N{ARABIC SIGN SALLALLAHOU ALAYHE WASSALLAM}",  # U+0610
        "\N{ARABIC SMALL KASRA}",  # U+061A
    ),
    # harakat and others
    (
        "\N{ARABIC FATHATAN}",  # U+064B
        "\N{ARABIC WAVY HAMZA BELOW}",  # U+065F
    ),
    # dagger alef
    (
        "\N{ARABIC LETTER SUPERSCRIPT ALEF}",  # U+0670
        "\N{ARABIC LETTER SUPERSCRIPT ALEF}",  # U+0670
    ),
    (
        "\N{ARABIC SMALL HIGH LIGATURE SAD WITH LAM WITH ALEF MAKSURA}",  # U+06D6
        "\N{ARABIC SMALL HIGH SEEN}",  # U+06DC
    ),
    # 06E5-06E6 small waw/yeh included
    (
        "\N{ARABIC SMALL HIGH ROUNDED ZERO}",  # U+06DF
        "\N{ARABIC SMALL HIGH NOON}",  # U+06E8
    ),
    (
        "\N{ARABIC EMPTY CENTRE LOW STOP}",  # U+06EA
        "\N{ARABIC SMALL LOW MEEM}",  # U+06ED
    ),
)

# --- Punctuation ---------------------------------------------------------------------

ARABIC_COMMA = "\N{ARABIC COMMA}"  # U+060C the Arabic comma, written reversed
ARABIC_SEMICOLON = "\N{ARABIC SEMICOLON}"  # U+061B
ARABIC_QUESTION_MARK = "\N{ARABIC QUESTION MARK}"  # U+061F

# Latin marks that Arabic prose writes with their Arabic shapes.
LATIN_TO_ARABIC_PUNCTUATION = {
    ",": ARABIC_COMMA,  # U+002C
    ";": ARABIC_SEMICOLON,  # U+003B
    "?": ARABIC_QUESTION_MARK,  # U+003F
}

# Marks that take no space before them and one space after them in Arabic prose.
# "." and ":" are here too; the punctuation filter only moves them in Arabic context,
# so 3.14, 10:30 and URLs are never touched.
ARABIC_CLOSING_MARKS = frozenset({ARABIC_COMMA, ARABIC_SEMICOLON, ARABIC_QUESTION_MARK})
LATIN_CLOSING_MARKS = frozenset({".", ":", "!"})

# Closing quotes and brackets that may stand between a word and its mark: `"داعش",`.
CLOSERS = frozenset(
    {
        '"',  # U+0022 straight quote, closing or opening by context
        "'",  # U+0027
        ")",  # U+0029
        "]",  # U+005D
        "}",  # U+007D
        "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}",  # U+00BB »
        "\N{RIGHT DOUBLE QUOTATION MARK}",  # U+201D ”
        "\N{RIGHT SINGLE QUOTATION MARK}",  # U+2019 ’
    }
)

# --- Invisible characters ------------------------------------------------------------

# Removed by the `invisible` filter: they carry no text, break tokenizers, and make
# identical words compare unequal.
ZERO_WIDTH_SPACE = "\N{ZERO WIDTH SPACE}"  # U+200B
WORD_JOINER = "\N{WORD JOINER}"  # U+2060
ZERO_WIDTH_NO_BREAK_SPACE = "\N{ZERO WIDTH NO-BREAK SPACE}"  # U+FEFF BOM, stray inside text
SOFT_HYPHEN = "\N{SOFT HYPHEN}"  # U+00AD invisible hyphenation hint
LEFT_TO_RIGHT_MARK = "\N{LEFT-TO-RIGHT MARK}"  # U+200E LRM
RIGHT_TO_LEFT_MARK = "\N{RIGHT-TO-LEFT MARK}"  # U+200F RLM
ARABIC_LETTER_MARK = "\N{ARABIC LETTER MARK}"  # U+061C ALM
BIDI_EMBEDDINGS = frozenset(
    {
        "\N{LEFT-TO-RIGHT EMBEDDING}",  # U+202A LRE
        "\N{RIGHT-TO-LEFT EMBEDDING}",  # U+202B RLE
        "\N{POP DIRECTIONAL FORMATTING}",  # U+202C PDF
        "\N{LEFT-TO-RIGHT OVERRIDE}",  # U+202D LRO
        "\N{RIGHT-TO-LEFT OVERRIDE}",  # U+202E RLO
    }
)
BIDI_ISOLATES = frozenset(
    {
        "\N{LEFT-TO-RIGHT ISOLATE}",  # U+2066 LRI
        "\N{RIGHT-TO-LEFT ISOLATE}",  # U+2067 RLI
        "\N{FIRST STRONG ISOLATE}",  # U+2068 FSI
        "\N{POP DIRECTIONAL ISOLATE}",  # U+2069 PDI
    }
)
INVISIBLE = (
    frozenset(
        {
            ZERO_WIDTH_SPACE,
            WORD_JOINER,
            ZERO_WIDTH_NO_BREAK_SPACE,
            SOFT_HYPHEN,
            LEFT_TO_RIGHT_MARK,
            RIGHT_TO_LEFT_MARK,
            ARABIC_LETTER_MARK,
        }
    )
    | BIDI_EMBEDDINGS
    | BIDI_ISOLATES
)
# Deliberately kept: ZERO WIDTH NON-JOINER (U+200C) spells Persian and Urdu words
# (می‌خواهم) and ZERO WIDTH JOINER (U+200D) builds emoji sequences; removing either
# changes text. They are only dropped where they provably do nothing (a later filter).

# --- Whitespace ----------------------------------------------------------------------

# Horizontal spaces that fold to one ASCII space. Tab is here: inside a line it is a gap.
HORIZONTAL_SPACES = frozenset(
    {
        "\N{CHARACTER TABULATION}",  # U+0009
        "\N{SPACE}",  # U+0020
        "\N{NO-BREAK SPACE}",  # U+00A0 NBSP, common in scraped HTML (&nbsp;)
        "\N{OGHAM SPACE MARK}",  # U+1680
        "\N{EN QUAD}",  # U+2000
        "\N{EM QUAD}",  # U+2001
        "\N{EN SPACE}",  # U+2002
        "\N{EM SPACE}",  # U+2003
        "\N{THREE-PER-EM SPACE}",  # U+2004
        "\N{FOUR-PER-EM SPACE}",  # U+2005
        "\N{SIX-PER-EM SPACE}",  # U+2006
        "\N{FIGURE SPACE}",  # U+2007
        "\N{PUNCTUATION SPACE}",  # U+2008
        "\N{THIN SPACE}",  # U+2009
        "\N{HAIR SPACE}",  # U+200A
        "\N{NARROW NO-BREAK SPACE}",  # U+202F
        "\N{MEDIUM MATHEMATICAL SPACE}",  # U+205F
        "\N{IDEOGRAPHIC SPACE}",  # U+3000
    }
)

# Line breaks that become "\n". CRLF is matched as a pair before these single ones.
LINE_BREAKS = frozenset(
    {
        "\N{LINE FEED}",  # U+000A
        "\N{LINE TABULATION}",  # U+000B vertical tab, a line break in PDF extractions
        "\N{FORM FEED}",  # U+000C page break in PDF extractions
        "\N{CARRIAGE RETURN}",  # U+000D old Mac line end, half of CRLF
        "\N{NEXT LINE}",  # U+0085 NEL, from EBCDIC and some Windows tools
        "\N{LINE SEPARATOR}",  # U+2028
        "\N{PARAGRAPH SEPARATOR}",  # U+2029
    }
)

# --- Presentation forms --------------------------------------------------------------

# Contextual glyph forms that PDF extraction and old software leave in text. They
# render like letters but do not compare, search or tokenize like them.
PRESENTATION_FORM_RANGES = (
    # A block
    (
        "\N{ARABIC LETTER ALEF WASLA ISOLATED FORM}",  # U+FB50
        "\N{ARABIC LIGATURE AZZA WA JALL}",  # U+FDFF
    ),
    # B block
    (
        "\N{ARABIC FATHATAN ISOLATED FORM}",  # U+FE70
        "\N{ARABIC LIGATURE LAM WITH ALEF FINAL FORM}",  # U+FEFC
    ),
)

# Word ligatures and symbols kept as they are: they stand for a whole phrase (ﷺ is
# "صلى الله عليه وسلم"), and expanding them is an editorial choice, not a fix.
KEPT_LIGATURE_RANGE = (
    "\N{ARABIC LIGATURE SALLA USED AS KORANIC STOP SIGN ISOLATED FORM}",  # U+FDF0
    "\N{ARABIC LIGATURE AZZA WA JALL}",  # U+FDFF
)


def char_class(chars: Iterable[str] = (), ranges: Iterable[tuple[str, str]] = ()) -> str:
    """Build a regular-expression character class from characters and ranges.

    >>> char_class(",;", [("a", "c")])
    '[,;a-c]'
    """
    parts = [re.escape(c) for c in sorted(chars)]
    parts += [f"{re.escape(lo)}-{re.escape(hi)}" for lo, hi in ranges]
    return "[" + "".join(parts) + "]"


def _in_ranges(ch: str, ranges: Iterable[tuple[str, str]]) -> bool:
    return any(lo <= ch <= hi for lo, hi in ranges)


def _presentation_form_table() -> dict[int, str]:
    """Map each presentation form to the letters it shows (NFKC), keeping hamza and
    madda, dropping the placeholder space that isolated mark forms carry."""
    table: dict[int, str] = {}
    for lo, hi in PRESENTATION_FORM_RANGES:
        for cp in range(ord(lo), ord(hi) + 1):
            ch = chr(cp)
            if _in_ranges(ch, [KEPT_LIGATURE_RANGE]):
                continue
            decomposition = unicodedata.decomposition(ch)
            if not decomposition.startswith("<"):
                continue  # unassigned, or not a compatibility form (e.g. ornate parens)
            letters = unicodedata.normalize("NFKC", ch)
            # U+FE70 "FATHATAN ISOLATED FORM" is SPACE + FATHATAN: the mark alone is meant.
            if letters.startswith(" ") and letters.strip():
                letters = letters.lstrip(" ")
            table[cp] = letters
    return table


# Built once at import from the Unicode database.
PRESENTATION_FORMS: dict[int, str] = _presentation_form_table()


# --- Web leftovers -------------------------------------------------------------------

# Separators of navigation menus and footers flattened into text ("اتصل بنا | سياسة
# الخصوصية"). Deliberately absent: "*", "-" and "=", which also draw the section
# separators of articles and poems ("***"), and those stay.
MENU_SEPARATORS = frozenset(
    {
        "\N{VERTICAL LINE}",  # U+007C
        "\N{BROKEN BAR}",  # U+00A6
        "\N{MIDDLE DOT}",  # U+00B7
        "\N{BULLET}",  # U+2022
    }
)
# Breadcrumb arrows ("الرئيسية » أخبار"). They are quotation marks too («نص»), so they
# separate menu items only with a space on both sides.
BREADCRUMB_SEPARATORS = frozenset(
    {
        "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}",  # U+00AB «
        "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}",  # U+00BB »
        "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}",  # U+2039 ‹
        "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}",  # U+203A ›
    }
)
# A line made only of these (and spaces or dashes) is site furniture.
NAV_SEPARATORS = MENU_SEPARATORS | BREADCRUMB_SEPARATORS
COPYRIGHT_SIGN = "\N{COPYRIGHT SIGN}"  # U+00A9 opens copyright footers
# Latin accents as NFKD splits them off (é -> e + U+0301). With the Arabic marks, which
# NFKD splits off hamza and madda (أ -> ا + U+0654), they are set aside when lines are
# compared with the boilerplate phrases (the text itself keeps them), and they count as
# part of a word when a printf placeholder must stand apart from words (ً%s).
LATIN_COMBINING_RANGE = (
    "\N{COMBINING GRAVE ACCENT}",  # U+0300
    "\N{COMBINING LATIN SMALL LETTER X}",  # U+036F
)
