"""Persian and Urdu look-alike letters in Arabic paragraphs become the Arabic letters."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from arclean import chars, wordlists
from arclean.filters.base import Counts, Filter, counts
from arclean.filters.language import DECISIONS, Decisions, map_arabic_paragraphs
from arclean.filters.unicode import nfc

_SUSPECTS = "".join(sorted(set(chars.LOOKALIKES) | {chars.FARSI_YEH}))
_MARKS = chars.char_class(ranges=chars.ARABIC_MARK_RANGES)
_LETTER = chars.char_class(ranges=chars.ARABIC_LETTER_RANGES)
# A Farsi yeh at the end of a word (marks may follow): it may be an alef maksura. The
# word is a run of letters and marks; its start is found by walking back from the yeh.
_WORD_CHAR = chars.char_class(ranges=chars.ARABIC_LETTER_RANGES + chars.ARABIC_MARK_RANGES)
_WORD_CHARS = frozenset(
    chr(c)
    for low, high in chars.ARABIC_LETTER_RANGES + chars.ARABIC_MARK_RANGES
    for c in range(ord(low), ord(high) + 1)
)
_FINAL_YEH = re.compile(f"{chars.FARSI_YEH}{_MARKS}*(?!{_WORD_CHAR})")
_STRIP_MARKS = re.compile(_MARKS)
_LETTER_PAIRS = tuple(chars.LOOKALIKES.items())


def ends_in_alef_maksura(word: str) -> bool:
    """Whether ``word`` (Arabic letters, final yeh in any form) is a listed ى-word,
    possibly after a proclitic.

    >>> ends_in_alef_maksura("والمستوی"), ends_in_alef_maksura("الإیرانی")
    (True, False)
    """
    bare = _STRIP_MARKS.sub("", word)[:-1] + chars.ALEF_MAKSURA
    bare = bare.replace(chars.FARSI_YEH, chars.YEH)
    if bare in wordlists.ALEF_MAKSURA_WORDS:
        return True
    return any(
        bare.startswith(p) and bare[len(p) :] in wordlists.ALEF_MAKSURA_WORDS
        for p in wordlists.PROCLITICS
    )


def _fix_yehs(line: str) -> str:
    """ی becomes ى at the end of the words Arabic spells with alef maksura, else ي."""
    pieces: list[str] = []
    done = 0
    for match in _FINAL_YEH.finditer(line):
        start = match.start()
        while start and line[start - 1] in _WORD_CHARS:
            start -= 1
        if ends_in_alef_maksura(line[start : match.end()]):
            pieces += (line[done : match.start()], chars.ALEF_MAKSURA)
            done = match.start() + 1
    if pieces:
        line = "".join(pieces) + line[done:]
    return line.replace(chars.FARSI_YEH, chars.YEH)


def _fix_line(line: str) -> str:
    for lookalike, letter in _LETTER_PAIRS:
        if lookalike in line:
            line = line.replace(lookalike, letter)
    if chars.FARSI_YEH in line:
        line = _fix_yehs(line)
    # A mark that no precomposed character joins to the look-alike may join the Arabic
    # letter (ی + hamza above is ئ): compose as the unicode filter before this one did.
    return line if unicodedata.is_normalized("NFC", line) else nfc(line)


def fix_lookalikes(text: str) -> str:
    """Write Arabic letters for Persian/Urdu look-alikes in Arabic paragraphs.

    >>> fix_lookalikes("وزیر الخارجیة الإیرانی علی الحدود")
    'وزير الخارجية الإيراني على الحدود'
    >>> fix_lookalikes("این یک کتاب خوب است")
    'این یک کتاب خوب است'
    """
    return Lookalikes().apply(text)[0]


@dataclass(frozen=True)
class Lookalikes(Filter):
    """In paragraphs judged Arabic: ک ڪ to ك; ی to ي, or to ى at the end of the words
    Arabic spells with alef maksura (على إلى حتى مستوى ...: a documented list in
    :mod:`arclean.wordlists`); ھ ہ ە to ه; ۀ ۃ to ة; ے to ي. Alef wasla stays.

    A paragraph written in Persian, Urdu or Kurdish, or one the evidence cannot decide,
    is left exactly as it is.
    """

    name = "lookalikes"
    description = "Persian/Urdu look-alike letters (ی ک ھ ۀ ...) to Arabic ones, in Arabic text."
    example = "وزیر الخارجیة الإیرانی علی الحدود"
    lossless = True

    def apply(self, text: str) -> tuple[str, Counts]:
        return self.apply_in(text, {})

    def apply_in(self, text: str, state: dict[str, Any]) -> tuple[str, Counts]:
        """Map the letters; the language decisions are shared through ``state`` with
        the other filters of the run (invisible has made most of a Persian text's)."""
        present = "".join(c for c in _SUSPECTS if c in text)
        if not present:
            return text, {}
        mapped = 0

        def fix(lines: str) -> str:
            nonlocal mapped
            mapped += sum(map(lines.count, present))  # every one of them is mapped
            return _fix_line(lines)

        # _fix_line works word by word and keeps each line a line: it can take all the
        # Arabic lines in one call, joined by LF.
        memory = state.setdefault(DECISIONS, Decisions())
        text = map_arabic_paragraphs(text, present, fix, together=True, memory=memory)[0]
        return text, counts(letters_mapped=mapped)
