"""Remove diacritics (lossy): harakat, tanween, shadda, sukun and Quranic marks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from arclean import chars, wordlists
from arclean.filters.base import Counts, Filter, counts

_LETTER = chars.char_class(ranges=chars.ARABIC_LETTER_RANGES)
_DIACRITIC = re.compile(
    chars.char_class(chars.HARAKAT, (*chars.OTHER_MARK_RANGES, *chars.QURANIC_MARK_RANGES))
)
# Each mark _DIACRITIC removes, the harakat first. A text holds few of them, so an `in`
# test for each (0.01 ms/MB when absent) and a replace for each one present cost less
# than one regex pass that removes them (measured 1.9 against 3.3 ms/MB).
_MARKS = (
    *sorted(chars.HARAKAT),
    *(
        chr(c)
        for low, high in (*chars.OTHER_MARK_RANGES, *chars.QURANIC_MARK_RANGES)
        for c in range(ord(low), ord(high) + 1)
    ),
)
# More than half the marks (the 61 of U+08xx) share their high byte, 08, which hardly
# any text holds: one look for that byte in the UTF-16 bytes (0.3 ms/MB) stands for
# their 61 tests (0.6).
_RARE_BLOCK = 0x08
_CHUNK = 1 << 15
# Past this many distinct marks present, one regex pass costs less than the replaces
# (measured: equal at about 40, the regex 1.7 times faster with all 114).
_MOST_REPLACES = 24
# "[M][M]*", not "[M]+": re scans fast only for a pattern whose first item is plain.
_DIACRITIC_RUN = re.compile(_DIACRITIC.pattern * 2 + "*")
_COMMON_MARKS = tuple(mark for mark in _MARKS if ord(mark) >> 8 != _RARE_BLOCK)
_HAS_MARK = re.compile(
    chars.char_class(
        chars.HARAKAT | {chars.SUPERSCRIPT_ALEF},
        (*chars.OTHER_MARK_RANGES, *chars.QURANIC_MARK_RANGES),
    )
)
_DAGGER = chars.SUPERSCRIPT_ALEF
# A tatweel that only carries marks, standing as a word of its own: the medial forms of
# PDF text (U+FE71 and U+FE77 are a tatweel with a fathatan, with a fatha).
# Written to start with the tatweel itself, so re jumps from one tatweel to the next:
# (?<!\S)(?:ـ+M+)+(?!\S), with the lookbehind moved after the first tatweel.
_MARK_CARRIER = re.compile(
    f"{chars.TATWEEL}(?<!\\S{chars.TATWEEL}){chars.TATWEEL}*{_HAS_MARK.pattern}+"
    f"(?:{chars.TATWEEL}+{_HAS_MARK.pattern}+)*(?!\\S)"
)
_DAGGER_WORD = re.compile(f"{_LETTER}+{_DAGGER}(?:{_LETTER}|{_DAGGER})*")
_FOLD_ALEFS = str.maketrans(dict.fromkeys(chars.ALEF_VARIANTS, chars.ALEF))
# The dagger alef after these letters only marks a long vowel already written: على، موسىٰ.
_SILENT_AFTER = frozenset({chars.ALEF, chars.ALEF_MAKSURA})
# Quranic spelling writes the long a of صلاة، زكاة، حياة as a waw with a dagger alef.
_WAW_AS_ALEF = (
    chars.WAW + chars.SUPERSCRIPT_ALEF + chars.TEH_MARBUTA,
    chars.ALEF + chars.TEH_MARBUTA,
)
_VOCATIVE_YA = chars.YEH + chars.SUPERSCRIPT_ALEF  # يٰقوم: the vocative يا joined to a noun
_VOCATIVE_HA = chars.HEH + chars.SUPERSCRIPT_ALEF  # هٰأنتم: the particle ها joined to a pronoun
_HAMZA_ALEFS = frozenset({chars.ALEF_HAMZA_ABOVE, chars.ALEF_HAMZA_BELOW, chars.ALEF})


def _stem_is_silent(word: str) -> bool:
    """Whether the dagger-less ``word`` is a listed word, with proclitics and enclitics."""
    key = word.translate(_FOLD_ALEFS)
    stems = {key} | {key[len(p) :] for p in wordlists.PROCLITICS if key.startswith(p)}
    stems |= {s[: -len(e)] for s in stems for e in wordlists.ENCLITICS if s.endswith(e)}
    return bool(stems & wordlists.SILENT_DAGGER_ALEF_WORDS)


def _resolve_dagger(match: re.Match[str]) -> str:
    word = match[0]
    if _stem_is_silent(word.replace(_DAGGER, "")):
        return word.replace(_DAGGER, "")
    rest = word[2:]
    if (word.startswith(_VOCATIVE_YA) and len(rest) > 1) or (
        word.startswith(_VOCATIVE_HA) and rest[:1] in _HAMZA_ALEFS
    ):
        return word[0] + chars.ALEF + " " + _dagger_to_alef(rest)
    return _dagger_to_alef(word)


def _dagger_to_alef(word: str) -> str:
    if _DAGGER not in word:
        return word
    if _stem_is_silent(word.replace(_DAGGER, "")):
        return word.replace(_DAGGER, "")
    word = word.replace(*_WAW_AS_ALEF)
    out = []
    for i, ch in enumerate(word):
        if ch != _DAGGER:
            out.append(ch)
        elif not (i and word[i - 1] in _SILENT_AFTER):
            out.append(chars.ALEF)
    return "".join(out)


def _remove_marks(text: str) -> tuple[str, int]:
    """``_DIACRITIC.subn("", text)``, by replaces: every mark present is written as the
    first one found (a replace that keeps the length is cheap), then that one goes.

    >>> _remove_marks("مُحَمَّدٌ")
    ('محمد', 5)
    """
    marks = _MARKS
    if not any(  # a chunk at a time: small buffers come from memory malloc reuses
        _RARE_BLOCK in text[start : start + _CHUNK].encode("utf-16-le", "surrogatepass")
        for start in range(0, len(text), _CHUNK)
    ):
        marks = _COMMON_MARKS
    present = [mark for mark in marks if mark in text]
    if not present:
        return text, 0
    before = len(text)
    if len(present) > _MOST_REPLACES:  # Quranic text with marks of every kind
        text = _DIACRITIC_RUN.sub("", text)
        return text, before - len(text)
    first = present[0]
    for mark in present[1:]:
        text = text.replace(mark, first)
    text = text.replace(first, "")
    return text, before - len(text)


def remove_diacritics(text: str) -> str:
    """Remove harakat, tanween, shadda, sukun and Quranic marks; write the dagger alef
    as the alef standard spelling has, or drop it where standard spelling has none.

    >>> remove_diacritics("مُحَمَّدٌ رَسُولُ اللَّهِ")
    'محمد رسول الله'
    >>> remove_diacritics("ٱلْعَٰلَمِينَ هٰذا ذٰلِكَ عَلَىٰ")
    'ٱلعالمين هذا ذلك على'
    """
    return Diacritics().apply(text)[0]


@dataclass(frozen=True)
class Diacritics(Filter):
    """Remove diacritics (lossy, for search and matching).

    Harakat and tanween (U+064B-0652), the other Arabic combining marks (U+0653-065F)
    and Quranic annotation marks (U+0610-061A, U+06D6-06ED, U+0898-089F, U+08CA-08FF)
    go, but not the signs among them (end of ayah, rub el hizb, sajdah). The
    superscript alef (U+0670) becomes ``ا`` where standard spelling writes one
    (ٱلْعَٰلَمِينَ is العالمين) and goes in the words standard spelling writes without
    it (هٰذا ذٰلك لٰكن الرحمٰن), listed in :mod:`arclean.wordlists`. A tatweel standing
    as a word of its own only to carry marks (``ـً``, the PDF form ``ﹱ``) goes with them.
    """

    name = "diacritics"
    description = "Remove harakat, tanween, shadda, sukun and Quranic marks (lossy)."
    example = "مُحَمَّدٌ رَسُولُ ٱللَّهِ، هٰذا"
    lossless = False

    def apply(self, text: str) -> tuple[str, Counts]:
        if not _HAS_MARK.search(text):
            return text, {}
        # A tatweel that carried only marks goes with them: left bare between two
        # words, the tatweel filter would make a dash of it when cleaned again.
        carriers = 0
        if chars.TATWEEL in text:
            text, carriers = _MARK_CARRIER.subn("", text)
        text, removed = _remove_marks(text)
        daggers = text.count(_DAGGER)
        if daggers:
            text = _DAGGER_WORD.sub(_resolve_dagger, text)
            # A dagger alef left outside any word (after a digit, say) carries nothing.
            text = text.replace(_DAGGER, "")
        return text, counts(marks_removed=removed, dagger_alefs=daggers, carriers_removed=carriers)
