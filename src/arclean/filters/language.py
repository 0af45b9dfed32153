"""Tell an Arabic paragraph from a Persian, Urdu or Kurdish one written in Arabic script.

The look-alike letters (ی ک ھ ...) are errors in Arabic and correct spelling in
Persian and Urdu, so the letter filters only act where a paragraph is Arabic. The
decision counts evidence on both sides and abstains on a tie: when unsure, keep.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable

from arclean import chars, wordlists

_LETTER_RUN = re.compile(chars.char_class(ranges=chars.ARABIC_LETTER_RANGES) + "+")
_NOISE = re.compile(
    chars.char_class(
        chars.INVISIBLE | {chars.TATWEEL, chars.ZERO_WIDTH_JOINER}, chars.ARABIC_MARK_RANGES
    )
)
_PRESENTATION_FORM = re.compile(chars.char_class(map(chr, chars.PRESENTATION_FORMS)))
# Fold what the letter filters may change (look-alikes, alef variants, hamza seats), so
# the decision is the same before and after any of them: cleaning stays idempotent.
_FOLD = str.maketrans(
    {
        chars.FARSI_YEH: chars.YEH,
        chars.ALEF_MAKSURA: chars.YEH,
        chars.KEHEH: chars.KAF,
        chars.YEH_HAMZA_ABOVE: chars.YEH,
        chars.WAW_HAMZA_ABOVE: chars.WAW,
        **dict.fromkeys(chars.ALEF_VARIANTS, chars.ALEF),
    }
)
_NON_ARABIC = re.compile(chars.char_class(chars.NON_ARABIC_LETTERS))
_DEFINITE = "\N{ARABIC LETTER ALEF}\N{ARABIC LETTER LAM}"  # U+0627 U+0644 the article ال


# Every line break the whitespace filter knows: a paragraph here is a line there, so a
# decision never changes when whitespace turns a CR into a LF.
_LINE_BREAK = re.compile(f"(\\r\\n|{chars.char_class(chars.LINE_BREAKS)})")


class Language(enum.Enum):
    """What a paragraph is written in, as far as the letter filters care."""

    ARABIC = "arabic"
    OTHER = "other"  # Persian, Urdu, Kurdish, ... in Arabic script
    UNSURE = "unsure"


def skeleton(text: str) -> str:
    """The bare letters the decision looks at: forms mapped, NFC, no marks or tatweel.

    >>> skeleton("عَلَىٰ")
    'على'
    """
    if _PRESENTATION_FORM.search(text):
        text = text.translate(chars.PRESENTATION_FORMS)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _NOISE.sub("", text).replace(chars.ZERO_WIDTH_NON_JOINER, " ")


def paragraph_language(paragraph: str) -> Language:
    """Weigh Arabic against Persian/Urdu evidence in one paragraph.

    Arabic: its function words (3 each), teh marbuta (2), words with the article ال (1).
    Other: Persian function words (3 each), letters Arabic lacks such as پ چ ژ گ (2),
    zero-width non-joiners between letters (1). A tie, including no evidence at all, is
    UNSURE.

    >>> paragraph_language("وزیر الخارجیة الإیرانی").value
    'arabic'
    >>> paragraph_language("این یک کتاب خوب است که پدرم به من داد").value
    'other'
    >>> paragraph_language("کتاب").value
    'unsure'
    """
    zwnj = len(re.findall(r"(?<=\w)\u200c(?=\w)", paragraph))
    bare = skeleton(paragraph)
    words = _LETTER_RUN.findall(bare.translate(_FOLD))
    arabic = 3 * sum(w in wordlists.ARABIC_FUNCTION_WORDS for w in words)
    arabic += 2 * bare.count(chars.TEH_MARBUTA)
    arabic += sum(len(w) > 3 and w.startswith(_DEFINITE) for w in words)
    other = 3 * sum(w in wordlists.PERSIAN_FUNCTION_WORDS for w in words)
    other += 2 * len(_NON_ARABIC.findall(bare)) + zwnj
    if arabic > other:
        return Language.ARABIC
    if other > arabic:
        return Language.OTHER
    return Language.UNSURE


def map_arabic_paragraphs(
    text: str, needs: re.Pattern[str], change: Callable[[str], str]
) -> tuple[str, int]:
    """Apply ``change`` to each paragraph (line) that ``needs`` finds something in and
    that is judged Arabic; return the text and how many paragraphs changed.

    >>> map_arabic_paragraphs("قال إن الوزير\\rکتاب", re.compile("ی|ک"), str.upper)
    ('قال إن الوزير\\rکتاب', 0)
    """
    parts = _LINE_BREAK.split(text)  # [line, break, line, break, ..., line]
    changed = 0
    for i in range(0, len(parts), 2):
        line = parts[i]
        if needs.search(line) and paragraph_language(line) is Language.ARABIC:
            parts[i] = change(line)
            changed += 1
    return "".join(parts), changed
