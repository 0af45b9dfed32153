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

# Letters by name. "WITH" is dropped from the Unicode names (ALEF_HAMZA_ABOVE).
HAMZA = "\N{ARABIC LETTER HAMZA}"  # U+0621 hamza on the line, no seat
ALEF_MADDA_ABOVE = "\N{ARABIC LETTER ALEF WITH MADDA ABOVE}"  # U+0622 آ
ALEF_HAMZA_ABOVE = "\N{ARABIC LETTER ALEF WITH HAMZA ABOVE}"  # U+0623 أ
WAW_HAMZA_ABOVE = "\N{ARABIC LETTER WAW WITH HAMZA ABOVE}"  # U+0624 ؤ hamza on a waw seat
ALEF_HAMZA_BELOW = "\N{ARABIC LETTER ALEF WITH HAMZA BELOW}"  # U+0625 إ
YEH_HAMZA_ABOVE = "\N{ARABIC LETTER YEH WITH HAMZA ABOVE}"  # U+0626 ئ hamza on a yeh seat
ALEF = "\N{ARABIC LETTER ALEF}"  # U+0627
TEH_MARBUTA = "\N{ARABIC LETTER TEH MARBUTA}"  # U+0629 ة
KAF = "\N{ARABIC LETTER KAF}"  # U+0643
HEH = "\N{ARABIC LETTER HEH}"  # U+0647
WAW = "\N{ARABIC LETTER WAW}"  # U+0648
ALEF_MAKSURA = "\N{ARABIC LETTER ALEF MAKSURA}"  # U+0649 ى dotless final yeh of على
YEH = "\N{ARABIC LETTER YEH}"  # U+064A
ALEF_WASLA = "\N{ARABIC LETTER ALEF WASLA}"  # U+0671 ٱ Quranic; kept by the lossless filters
ALEF_WAVY_HAMZA_ABOVE = "\N{ARABIC LETTER ALEF WITH WAVY HAMZA ABOVE}"  # U+0672 ٲ rare
ALEF_WAVY_HAMZA_BELOW = "\N{ARABIC LETTER ALEF WITH WAVY HAMZA BELOW}"  # U+0673 ٳ rare
HIGH_HAMZA_ALEF = "\N{ARABIC LETTER HIGH HAMZA ALEF}"  # U+0675 ٵ rare (Kazakh)

# Persian and Urdu look-alikes: typed on Persian or Urdu keyboards into Arabic text,
# they render like the Arabic letters but break search and tokenizers.
FARSI_YEH = "\N{ARABIC LETTER FARSI YEH}"  # U+06CC ی dotless in every position
KEHEH = "\N{ARABIC LETTER KEHEH}"  # U+06A9 ک Persian kaf
SWASH_KAF = "\N{ARABIC LETTER SWASH KAF}"  # U+06AA ڪ decorative kaf in forum titles
HEH_DOACHASHMEE = "\N{ARABIC LETTER HEH DOACHASHMEE}"  # U+06BE ھ Urdu two-eyed heh
HEH_GOAL = "\N{ARABIC LETTER HEH GOAL}"  # U+06C1 ہ Urdu heh
AE = "\N{ARABIC LETTER AE}"  # U+06D5 ە Kurdish ae, typed for heh
HEH_YEH_ABOVE = "\N{ARABIC LETTER HEH WITH YEH ABOVE}"  # U+06C0 ۀ Persian ezafe on heh
TEH_MARBUTA_GOAL = "\N{ARABIC LETTER TEH MARBUTA GOAL}"  # U+06C3 ۃ Urdu teh marbuta
YEH_BARREE = "\N{ARABIC LETTER YEH BARREE}"  # U+06D2 ے Urdu final yeh

# Letters Arabic does not use but Persian, Urdu and Kurdish do: evidence that a
# paragraph is not Arabic, so its look-alikes and ZWNJs are left alone.
PEH = "\N{ARABIC LETTER PEH}"  # U+067E پ
TCHEH = "\N{ARABIC LETTER TCHEH}"  # U+0686 چ
JEH = "\N{ARABIC LETTER JEH}"  # U+0698 ژ
GAF = "\N{ARABIC LETTER GAF}"  # U+06AF گ
VEH = "\N{ARABIC LETTER VEH}"  # U+06A4 ڤ (also Arabic V in names: weak evidence)
TTEH = "\N{ARABIC LETTER TTEH}"  # U+0679 ٹ Urdu
DDAL = "\N{ARABIC LETTER DDAL}"  # U+0688 ڈ Urdu
RREH = "\N{ARABIC LETTER RREH}"  # U+0691 ڑ Urdu
NOON_GHUNNA = "\N{ARABIC LETTER NOON GHUNNA}"  # U+06BA ں Urdu
NON_ARABIC_LETTERS = frozenset({PEH, TCHEH, JEH, GAF, VEH, TTEH, DDAL, RREH, NOON_GHUNNA})

# Look-alike -> Arabic letter, applied only in paragraphs judged Arabic. Farsi yeh is
# handled apart: at the end of a word it may stand for alef maksura.
LOOKALIKES = {
    KEHEH: KAF,
    SWASH_KAF: KAF,
    HEH_DOACHASHMEE: HEH,
    HEH_GOAL: HEH,
    AE: HEH,
    HEH_YEH_ABOVE: TEH_MARBUTA,
    TEH_MARBUTA_GOAL: TEH_MARBUTA,
    YEH_BARREE: YEH,
}

ALEF_VARIANTS = frozenset(
    {
        ALEF_MADDA_ABOVE,
        ALEF_HAMZA_ABOVE,
        ALEF_HAMZA_BELOW,
        ALEF_WASLA,
        ALEF_WAVY_HAMZA_ABOVE,
        ALEF_WAVY_HAMZA_BELOW,
        HIGH_HAMZA_ALEF,
    }
)

# --- Diacritics ----------------------------------------------------------------------

FATHATAN = "\N{ARABIC FATHATAN}"  # U+064B tanween
DAMMATAN = "\N{ARABIC DAMMATAN}"  # U+064C tanween
KASRATAN = "\N{ARABIC KASRATAN}"  # U+064D tanween
FATHA = "\N{ARABIC FATHA}"  # U+064E haraka
DAMMA = "\N{ARABIC DAMMA}"  # U+064F haraka
KASRA = "\N{ARABIC KASRA}"  # U+0650 haraka
SHADDA = "\N{ARABIC SHADDA}"  # U+0651 gemination
SUKUN = "\N{ARABIC SUKUN}"  # U+0652 no vowel
HARAKAT = frozenset({FATHATAN, DAMMATAN, KASRATAN, FATHA, DAMMA, KASRA, SHADDA, SUKUN})
SUPERSCRIPT_ALEF = "\N{ARABIC LETTER SUPERSCRIPT ALEF}"  # U+0670 dagger alef: a long a

# Other combining marks of the Arabic block (maddah, hamza above/below, Kashmiri and
# African vowel signs) and the Quranic annotation signs. Ranges, end points named.
OTHER_MARK_RANGES = (
    (
        "\N{ARABIC MADDAH ABOVE}",  # U+0653
        "\N{ARABIC WAVY HAMZA BELOW}",  # U+065F
    ),
)
QURANIC_MARK_RANGES = (
    (
        "\N{ARABIC SIGN SALLALLAHOU ALAYHE WASSALLAM}",  # U+0610
        "\N{ARABIC SMALL KASRA}",  # U+061A
    ),
    (
        "\N{ARABIC SMALL HIGH LIGATURE SAD WITH LAM WITH ALEF MAKSURA}",  # U+06D6
        "\N{ARABIC SMALL HIGH SEEN}",  # U+06DC
    ),
    # U+06DD END OF AYAH and U+06DE RUB EL HIZB are signs, not marks: they stay.
    (
        "\N{ARABIC SMALL HIGH ROUNDED ZERO}",  # U+06DF
        "\N{ARABIC SMALL HIGH NOON}",  # U+06E8 (small waw and yeh included)
    ),
    # U+06E9 PLACE OF SAJDAH is a sign and stays.
    (
        "\N{ARABIC EMPTY CENTRE LOW STOP}",  # U+06EA
        "\N{ARABIC SMALL LOW MEEM}",  # U+06ED
    ),
    (
        "\N{ARABIC SMALL HIGH WORD AL-JUZ}",  # U+0898
        "\N{ARABIC HALF MADDA OVER MADDA}",  # U+089F
    ),
    (
        "\N{ARABIC SMALL HIGH FARSI YEH}",  # U+08CA
        "\N{ARABIC SMALL HIGH SIGN SAFHA}",  # U+08E1
    ),
    # U+08E2 DISPUTED END OF AYAH is a format sign and stays.
    (
        "\N{ARABIC TURNED DAMMA BELOW}",  # U+08E3
        "\N{ARABIC MARK SIDEWAYS NOON GHUNNA}",  # U+08FF
    ),
)

# Every combining mark above: a tatweel or mark next to one of these is inside a word.
ARABIC_MARK_RANGES = (
    (
        "\N{ARABIC FATHATAN}",  # U+064B
        "\N{ARABIC SUKUN}",  # U+0652
    ),
    (
        "\N{ARABIC LETTER SUPERSCRIPT ALEF}",  # U+0670
        "\N{ARABIC LETTER SUPERSCRIPT ALEF}",  # U+0670
    ),
    *OTHER_MARK_RANGES,
    *QURANIC_MARK_RANGES,
)

# --- Digits --------------------------------------------------------------------------

# Arabic-Indic digits are the Arabic world's; the extended ones are Persian and Urdu.
ARABIC_INDIC_DIGITS = (
    "\N{ARABIC-INDIC DIGIT ZERO}"  # U+0660
    "\N{ARABIC-INDIC DIGIT ONE}"  # U+0661
    "\N{ARABIC-INDIC DIGIT TWO}"  # U+0662
    "\N{ARABIC-INDIC DIGIT THREE}"  # U+0663
    "\N{ARABIC-INDIC DIGIT FOUR}"  # U+0664
    "\N{ARABIC-INDIC DIGIT FIVE}"  # U+0665
    "\N{ARABIC-INDIC DIGIT SIX}"  # U+0666
    "\N{ARABIC-INDIC DIGIT SEVEN}"  # U+0667
    "\N{ARABIC-INDIC DIGIT EIGHT}"  # U+0668
    "\N{ARABIC-INDIC DIGIT NINE}"  # U+0669
)
EXTENDED_ARABIC_INDIC_DIGITS = (
    "\N{EXTENDED ARABIC-INDIC DIGIT ZERO}"  # U+06F0
    "\N{EXTENDED ARABIC-INDIC DIGIT ONE}"  # U+06F1
    "\N{EXTENDED ARABIC-INDIC DIGIT TWO}"  # U+06F2
    "\N{EXTENDED ARABIC-INDIC DIGIT THREE}"  # U+06F3
    "\N{EXTENDED ARABIC-INDIC DIGIT FOUR}"  # U+06F4
    "\N{EXTENDED ARABIC-INDIC DIGIT FIVE}"  # U+06F5
    "\N{EXTENDED ARABIC-INDIC DIGIT SIX}"  # U+06F6
    "\N{EXTENDED ARABIC-INDIC DIGIT SEVEN}"  # U+06F7
    "\N{EXTENDED ARABIC-INDIC DIGIT EIGHT}"  # U+06F8
    "\N{EXTENDED ARABIC-INDIC DIGIT NINE}"  # U+06F9
)
LATIN_DIGITS = "0123456789"

# --- Ligature symbols ----------------------------------------------------------------

# Kept by default: each stands for a phrase. The unicode filter can expand them.
LIGATURE_ALLAH_ISOLATED_FORM = "\N{ARABIC LIGATURE ALLAH ISOLATED FORM}"  # U+FDF2 ﷲ
LIGATURE_SALLALLAHOU_ALAYHE_WASALLAM = "\N{ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM}"  # U+FDFA ﷺ
LIGATURE_JALLAJALALOUHOU = "\N{ARABIC LIGATURE JALLAJALALOUHOU}"  # U+FDFB ﷻ
LIGATURE_BISMILLAH_AR_RAHMAN_AR_RAHEEM = (
    "\N{ARABIC LIGATURE BISMILLAH AR-RAHMAN AR-RAHEEM}"  # U+FDFD ﷽
)
# The phrase each symbol stands for (U+FDFD has no Unicode decomposition, so all four
# are written out here).
LIGATURE_PHRASES = {
    LIGATURE_ALLAH_ISOLATED_FORM: "الله",
    LIGATURE_SALLALLAHOU_ALAYHE_WASALLAM: "صلى الله عليه وسلم",
    LIGATURE_JALLAJALALOUHOU: "جل جلاله",
    LIGATURE_BISMILLAH_AR_RAHMAN_AR_RAHEEM: "بسم الله الرحمن الرحيم",
}

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
# C0 and C1 control characters. Tab, LF, VT, FF, CR and NEL are not here: they are
# spacing and line breaks that the whitespace filter turns into spaces and newlines.
CONTROL_RANGES = (
    (
        "\N{NULL}",  # U+0000
        "\N{BACKSPACE}",  # U+0008
    ),
    (
        "\N{SHIFT OUT}",  # U+000E
        "\N{INFORMATION SEPARATOR ONE}",  # U+001F
    ),
    (
        "\N{DELETE}",  # U+007F
        "\N{INDEX}",  # U+0084
    ),
    (
        "\N{START OF SELECTED AREA}",  # U+0086
        "\N{APPLICATION PROGRAM COMMAND}",  # U+009F
    ),
)
# Deprecated format characters (symmetric swapping, Arabic form shaping, digit shapes):
# invisible, ignored by renderers, and only ever noise in text.
DEPRECATED_FORMAT_RANGE = (
    "\N{INHIBIT SYMMETRIC SWAPPING}",  # U+206A
    "\N{NOMINAL DIGIT SHAPES}",  # U+206F
)
# The ranges the invisible filter removes, besides the characters of INVISIBLE.
INVISIBLE_RANGES = (*CONTROL_RANGES, DEPRECATED_FORMAT_RANGE)
# Zero-width non-joiner spells Persian and Urdu words (می‌خواهم); in an Arabic
# paragraph it is a keyboard artifact and goes. Zero-width joiner builds emoji
# sequences and Indic conjuncts; it always stays.
ZERO_WIDTH_NON_JOINER = "\N{ZERO WIDTH NON-JOINER}"  # U+200C
ZERO_WIDTH_JOINER = "\N{ZERO WIDTH JOINER}"  # U+200D

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

# --- Mojibake ------------------------------------------------------------------------

# UTF-8 writes each letter of the Arabic block (U+0600-U+06FF) as a lead byte D8-DB and a
# continuation byte 80-BF. A program that decodes those bytes with a single-byte code
# page shows each letter as two characters of that code page; Windows-1256 text decoded
# as Latin-1 shows each letter as one Latin-1 letter. Every such misreading shows some of
# the characters below, which clean Arabic text almost never holds: finding none of them
# proves that a text has no mojibake without looking further. (The code-page tables that
# undo a misreading come from Python's codecs: see arclean.filters.mojibake.)
MOJIBAKE_TELLTALE_RANGES = (
    # C1 controls: bytes 80-9F decoded as Latin-1
    (
        "\N{PADDING CHARACTER}",  # U+0080
        "\N{APPLICATION PROGRAM COMMAND}",  # U+009F
    ),
    # Latin-1 symbols: continuation bytes A2-BF read as Windows-1252 or Windows-1256
    # ("ط§" for alef); NBSP, the inverted exclamation mark, guillemets, and the copyright,
    # registered, degree and middle-dot signs of web page footers and menus are left out
    (
        "\N{CENT SIGN}",  # U+00A2
        "\N{DIAERESIS}",  # U+00A8
    ),
    (
        "\N{FEMININE ORDINAL INDICATOR}",  # U+00AA
        "\N{FEMININE ORDINAL INDICATOR}",  # U+00AA
    ),
    (
        "\N{NOT SIGN}",  # U+00AC
        "\N{SOFT HYPHEN}",  # U+00AD
    ),
    (
        "\N{MACRON}",  # U+00AF
        "\N{MACRON}",  # U+00AF
    ),
    (
        "\N{PLUS-MINUS SIGN}",  # U+00B1
        "\N{PILCROW SIGN}",  # U+00B6
    ),
    (
        "\N{CEDILLA}",  # U+00B8
        "\N{MASCULINE ORDINAL INDICATOR}",  # U+00BA
    ),
    (
        "\N{VULGAR FRACTION ONE QUARTER}",  # U+00BC
        "\N{INVERTED QUESTION MARK}",  # U+00BF
    ),
    # Latin-1 letters: lead bytes D8-DB read as Windows-1252 ("Ø§" for alef), and
    # Windows-1256 letters read as Latin-1 ("Çá" for alef lam); x and division signs
    # are left out
    (
        "\N{LATIN CAPITAL LETTER A WITH GRAVE}",  # U+00C0
        "\N{LATIN CAPITAL LETTER O WITH DIAERESIS}",  # U+00D6
    ),
    (
        "\N{LATIN CAPITAL LETTER O WITH STROKE}",  # U+00D8
        "\N{LATIN SMALL LETTER O WITH DIAERESIS}",  # U+00F6
    ),
    (
        "\N{LATIN SMALL LETTER O WITH STROKE}",  # U+00F8
        "\N{LATIN SMALL LETTER Y WITH DIAERESIS}",  # U+00FF
    ),
    # Thai: lead bytes D8 and D9 read as Windows-874 ("ุง" for alef)
    (
        "\N{THAI CHARACTER SARA U}",  # U+0E38
        "\N{THAI CHARACTER SARA UU}",  # U+0E39
    ),
)
# Windows-1252's own characters for bytes 80-9F, and Windows-1250's for lead bytes D8
# and D9; the quotation marks, dashes, bullet, ellipsis and single angle quotation marks
# are left out, as Arabic text and breadcrumb menus use them.
MOJIBAKE_TELLTALES = frozenset(
    {
        "\N{EURO SIGN}",  # U+20AC byte 80
        "\N{SINGLE LOW-9 QUOTATION MARK}",  # U+201A byte 82
        "\N{LATIN SMALL LETTER F WITH HOOK}",  # U+0192 byte 83
        "\N{DOUBLE LOW-9 QUOTATION MARK}",  # U+201E byte 84, second byte of lam
        "\N{DAGGER}",  # U+2020 byte 86
        "\N{DOUBLE DAGGER}",  # U+2021 byte 87
        "\N{MODIFIER LETTER CIRCUMFLEX ACCENT}",  # U+02C6 byte 88
        "\N{PER MILLE SIGN}",  # U+2030 byte 89
        "\N{LATIN CAPITAL LETTER S WITH CARON}",  # U+0160 byte 8A
        "\N{LATIN CAPITAL LIGATURE OE}",  # U+0152 byte 8C
        "\N{LATIN CAPITAL LETTER Z WITH CARON}",  # U+017D byte 8E
        "\N{SMALL TILDE}",  # U+02DC byte 98
        "\N{TRADE MARK SIGN}",  # U+2122 byte 99
        "\N{LATIN SMALL LETTER S WITH CARON}",  # U+0161 byte 9A
        "\N{LATIN SMALL LIGATURE OE}",  # U+0153 byte 9C
        "\N{LATIN SMALL LETTER Z WITH CARON}",  # U+017E byte 9E
        "\N{LATIN CAPITAL LETTER Y WITH DIAERESIS}",  # U+0178 byte 9F; D9 in Mac Roman
        "\N{LATIN CAPITAL LETTER R WITH CARON}",  # U+0158 byte D8 in Windows-1250
        "\N{LATIN CAPITAL LETTER U WITH RING ABOVE}",  # U+016E byte D9 in Windows-1250
    }
)

# --- Punctuation in Arabic prose: brackets, quotes, runs, protected spans ----------------
# Used by filters/punctuation.py and its helpers (pairs.py, protected.py).

ARABIC_PERCENT_SIGN = "\N{ARABIC PERCENT SIGN}"  # U+066A written after Arabic-Indic digits
HORIZONTAL_ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"  # U+2026 one-character ellipsis

# Guillemets, the quotation marks of edited Arabic: « opens, » closes.
LEFT_POINTING_DOUBLE_ANGLE_QUOTATION_MARK = (
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"  # U+00AB «
)
RIGHT_POINTING_DOUBLE_ANGLE_QUOTATION_MARK = (
    "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"  # U+00BB »
)

# Brackets and guillemets, opener to closer. Their shape says which side they are on
# (in right-to-left text too: the renderer mirrors them), so they pair like brackets.
BRACKET_PAIRS = {
    "(": ")",  # U+0028 U+0029
    "[": "]",  # U+005B U+005D
    "{": "}",  # U+007B U+007D
    LEFT_POINTING_DOUBLE_ANGLE_QUOTATION_MARK: RIGHT_POINTING_DOUBLE_ANGLE_QUOTATION_MARK,
}

# Double quotes whose shape does not reliably say which side they are on: the straight
# quote opens and closes, and scraped Arabic writes the curly ones reversed (”نص“) or
# mismatched (“نص“). Straight quotes pair by their order along a line; curly ones by
# their shape when it nests, in either direction, and by their order otherwise.
STRAIGHT_DOUBLE_QUOTES = frozenset(
    {
        '"',  # U+0022
    }
)
LEFT_DOUBLE_QUOTATION_MARK = "\N{LEFT DOUBLE QUOTATION MARK}"  # U+201C “ opens in English
RIGHT_DOUBLE_QUOTATION_MARK = "\N{RIGHT DOUBLE QUOTATION MARK}"  # U+201D ” closes in English
CURLY_OPENING_QUOTES = frozenset(
    {
        LEFT_DOUBLE_QUOTATION_MARK,
        "\N{DOUBLE LOW-9 QUOTATION MARK}",  # U+201E „ opens in German and Polish
        "\N{DOUBLE HIGH-REVERSED-9 QUOTATION MARK}",  # U+201F ‟ opens, rare
    }
)
CURLY_DOUBLE_QUOTES = CURLY_OPENING_QUOTES | {RIGHT_DOUBLE_QUOTATION_MARK}
# Written for a quote by some keyboards and PDFs, but also the sign for inches and
# seconds (5″): only the `quotes` option touches it, and only in pairs around Arabic.
DOUBLE_PRIME = "\N{DOUBLE PRIME}"  # U+2033 ″

# Marks whose runs the punctuation filter shortens (the full stop has its own rule:
# a run of four or more is an ellipsis of three).
REPEATABLE_MARKS = frozenset({"!", ARABIC_QUESTION_MARK, ARABIC_COMMA})

# Unicode noncharacters, reserved for a program's internal use and never assigned:
# the punctuation filter stands one of them in for each protected span (a URL, an
# e-mail, code) while it works, so no rule can see inside one. Noncharacters have no
# names, so the range is written with code points.
SPAN_PLACEHOLDER_RANGE = ("\ufdd0", "\ufdef")  # U+FDD0..U+FDEF

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
# compared with the boilerplate phrases; the text itself keeps them.
LATIN_COMBINING_RANGE = (
    "\N{COMBINING GRAVE ACCENT}",  # U+0300
    "\N{COMBINING LATIN SMALL LETTER X}",  # U+036F
)
# Harakat written as presentation forms. They are letters to Unicode, but the unicode
# filter turns them into marks, which are not: a placeholder standing apart from words
# (%s) treats both the same, so that cleaning twice gives what cleaning once gives.
HARAKAT_FORM_RANGE = (
    "\N{ARABIC FATHATAN ISOLATED FORM}",  # U+FE70
    "\N{ARABIC SUKUN MEDIAL FORM}",  # U+FE7F
)
# Arabic letters in presentation form (the harakat forms above left out): a template
# placeholder holds none of them, nor any other Arabic letter. Marks, digits and
# punctuation of the Arabic block may sit in one, since the later filters change those.
LETTER_FORM_RANGES = (
    PRESENTATION_FORM_RANGES[0],
    (
        "\N{ARABIC LETTER HAMZA ISOLATED FORM}",  # U+FE80
        "\N{ARABIC LIGATURE LAM WITH ALEF FINAL FORM}",  # U+FEFC
    ),
)
# Marks the filters after markup may remove (diacritics) or make (unicode): between two
# ASCII characters they can only hide a tag or an entity.
ARABIC_COMBINING_RANGES = (
    *ARABIC_MARK_RANGES,
    *OTHER_MARK_RANGES,
    *QURANIC_MARK_RANGES,
    HARAKAT_FORM_RANGE,
)
