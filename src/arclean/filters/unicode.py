"""Unicode forms: presentation-form glyphs to letters, then NFC composition."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from arclean import chars
from arclean.filters.base import Counts, Filter, counts

if TYPE_CHECKING:
    import regex

_PRESENTATION_FORM = re.compile(chars.char_class(map(chr, chars.PRESENTATION_FORMS)))
# "[C][C]*", not "[C]+": re scans fast only for a pattern whose first item is a plain
# class (1.7 against 4.7 ms/MB measured).
_PRESENTATION_FORM_RUN = re.compile(_PRESENTATION_FORM.pattern * 2 + "*")
# Characters under which one class search finds the forms faster than _map_forms.
_SHORT_TEXT = 1000
# Bits 8-15 of every presentation form's code point (U+FB50-FDFF, U+FE70-FEFC). A regex
# class tests every character (2-3 ms/MB); encoding to UTF-16 costs 0.3, and bytes.find
# then jumps from one candidate to the next.
_FORM_HIGH_BYTES = frozenset(cp >> 8 for cp in chars.PRESENTATION_FORMS)
_FORM_FLAGS = bytes(1 if i in _FORM_HIGH_BYTES else 0 for i in range(256))
# Candidates looked at one by one before the rest of the text goes to one substitution:
# plenty for real text, a bounded cost on text made of candidates (emoji with U+FE0F).
_CANDIDATES_PER_CHAR = 1 / 1000
_MIN_CANDIDATES = 64
# Characters encoded at a time: buffers of 64 KB come from memory malloc reuses, where
# one buffer the size of the text comes from fresh pages (about 0.5 ms/MB of faults).
_CHUNK = 1 << 15
_EXPANSIONS = str.maketrans(chars.LIGATURE_PHRASES)
_LIGATURE = re.compile(chars.char_class(chars.LIGATURE_PHRASES))


@functools.cache
def _mark_storm() -> regex.Pattern[str]:
    """More combining marks in a row than any script stacks on one letter (a "mark
    storm"); compiled when first needed, as the regex module costs start-up time."""
    import regex

    return regex.compile(r"\p{M}{32,}")


def _sort_marks(match: regex.Match[str]) -> str:
    """A run of marks in canonical order: each mark decomposed, then sorted by combining
    class between the marks of class 0, as NFC orders them."""
    out: list[str] = []
    stack: list[str] = []
    for mark in match[0]:
        for part in unicodedata.normalize("NFD", mark):
            if unicodedata.combining(part):
                stack.append(part)
            else:
                out += sorted(stack, key=unicodedata.combining)
                out.append(part)
                stack = []
    out += sorted(stack, key=unicodedata.combining)
    return "".join(out)


def nfc(text: str) -> str:
    """``unicodedata.normalize("NFC", text)`` in linear time on a storm of marks.

    CPython orders a run of combining marks by insertion, in quadratic time: 100,000
    marks of two alternating classes take seconds, a megabyte minutes. Long runs are put
    in canonical order first with a sort (the result is canonically equivalent, so NFC
    gives the same text), which leaves CPython almost nothing to move.

    >>> nfc("\u0627\u0654") == "\u0623"
    True
    >>> storm = "\u0628" + "\u0651\u064e" * 20
    >>> nfc(storm) == unicodedata.normalize("NFC", storm)
    True
    >>> nfc(storm) == "\u0628" + "\u064e" * 20 + "\u0651" * 20
    True
    """
    storm = _mark_storm()
    if storm.search(text):
        text = storm.sub(_sort_marks, text)
    return unicodedata.normalize("NFC", text)


def _form_candidates(text: str) -> Iterator[int]:
    """The index of each character whose bits 8-15 are those of a presentation form,
    in order: every form, and a few other characters (U+FE0F, U+FB01 ...).

    >>> list(_form_candidates("ب\\ufe8d\\u00fe\\ufe0f"))
    [1, 3]
    """
    for base in range(0, len(text), _CHUNK):
        chunk = text[base : base + _CHUNK]
        # Byte 1 of each character's 2 bytes (UTF-16, when every character takes 2)
        # or 4 bytes (UTF-32) is bits 8-15 of its code point.
        data, size = chunk.encode("utf-16-le", "surrogatepass"), 2
        if len(data) != 2 * len(chunk):  # a character beyond U+FFFF takes 4 in UTF-16
            data, size = chunk.encode("utf-32-le", "surrogatepass"), 4
        present = [byte for byte in _FORM_HIGH_BYTES if byte in data]  # or as another byte
        if not present:
            continue
        if len(present) == 1:  # the common case: find that byte in the characters' bytes
            flags, flag, width = data, present[0], size
        else:  # one byte a character, 1 where it is a candidate
            flags, flag, width = data[1::size].translate(_FORM_FLAGS), 1, 1
        found = flags.find(flag)
        while found >= 0:
            position, byte = divmod(found, width)
            if width == 1 or byte == 1:  # not the low byte of some character
                yield base + position
            found = flags.find(flag, found + 1)


def _map_forms(text: str) -> tuple[str, int]:
    """``text`` with each run of presentation forms written as letters, and how many
    forms there were: what ``_PRESENTATION_FORM_RUN.sub`` with a translate of each run
    gives, found without a regex pass over the whole text.

    >>> _map_forms("\\ufef7\\ufee3\\ufee8\\ufef4\\ufe94 \\ufe0f ab\\ufe8d")
    ('لأمنية \\ufe0f abا', 6)
    """
    if len(text) < _SHORT_TEXT and not _PRESENTATION_FORM.search(text):
        return text, 0  # a short text (a tweet, a line): one search proves there is none
    pieces: list[str] = []
    done = forms = 0
    budget = _MIN_CANDIDATES + int(len(text) * _CANDIDATES_PER_CHAR)
    for position in _form_candidates(text):
        if position < done:  # inside a run already written
            continue
        budget -= 1
        if budget < 0:  # a text full of candidates: the rest in one substitution
            rest, more = _map_form_runs(text[done:])
            pieces.append(rest)
            return "".join(pieces), forms + more
        run = _PRESENTATION_FORM_RUN.match(text, position)
        if run is None:  # another character of those blocks (U+FE0F)
            continue
        pieces += (text[done:position], run[0].translate(chars.PRESENTATION_FORMS))
        forms += len(run[0])
        done = run.end()
    if not forms:
        return text, 0
    pieces.append(text[done:])
    return "".join(pieces), forms


def _map_form_runs(text: str) -> tuple[str, int]:
    forms = 0

    def letters(match: re.Match[str]) -> str:
        nonlocal forms
        forms += len(match[0])
        return match[0].translate(chars.PRESENTATION_FORMS)

    # Only the runs of forms are translated: str.translate is slow on long text.
    return _PRESENTATION_FORM_RUN.sub(letters, text), forms


def replace_presentation_forms(text: str) -> str:
    """Turn Arabic presentation-form glyphs into the letters they show.

    >>> replace_presentation_forms("\\ufef7\\ufee3\\ufee8\\ufef4\\ufe94")
    'لأمنية'
    """
    return _map_forms(text)[0]


@dataclass(frozen=True)
class Unicode(Filter):
    """Presentation forms (U+FB50-FDFF, U+FE70-FEFC) become standard letters, keeping
    hamza and madda (``ﻷ`` is ``لأ``); then the text is put in NFC, so an alef followed
    by a combining hamza becomes ``أ`` and decomposed PDF text recomposes.

    Word ligatures (``ﷺ ﷲ ﷻ ﷽``) stand for a phrase and are kept, unless
    ``ligatures="expand"`` writes the phrase out (``ﷺ`` is ``صلى الله عليه وسلم``).
    """

    ligatures: Literal["keep", "expand"] = "keep"

    name = "unicode"
    description = "Presentation forms to letters and NFC composition; ligature symbols kept."
    example = "\ufef7\ufee3\ufee8\ufef4\ufe94 \ufeed\ufed7\ufeee\ufe8d\ufe95"
    lossless = True

    def __post_init__(self) -> None:
        if self.ligatures not in ("keep", "expand"):
            raise ValueError(f"ligatures must be 'keep' or 'expand', not {self.ligatures!r}")

    def apply(self, text: str) -> tuple[str, Counts]:
        expanded = composed = 0
        text, forms = _map_forms(text)
        if self.ligatures == "expand" and _LIGATURE.search(text):
            expanded = len(_LIGATURE.findall(text))
            text = text.translate(_EXPANSIONS)
        if not unicodedata.is_normalized("NFC", text):
            before = len(text)
            text = nfc(text)
            composed = max(before - len(text), 1)  # reordering alone still counts once
        return text, counts(forms_mapped=forms, ligatures_expanded=expanded, composed=composed)
