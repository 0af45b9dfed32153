"""Drop paragraphs that repeat one already kept: exact, near and teaser repeats.

A paragraph is a non-blank line; blocks separated by blank lines work line by line.
Short lines and the lines of a verse block are never compared across the document, so
separators, headings, list labels and a poem's refrains survive.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal

from arclean import chars
from arclean.filters.base import Counts, Filter, counts

# Split on every line break the whitespace filter knows, keeping the breaks, so a
# dropped line takes its own break with it and other line ends are left as they were.
_LINES = re.compile(f"(\\r\\n|{chars.char_class(chars.LINE_BREAKS)})")

# What a reader would not call a difference: marks, tatweel, invisible characters and
# punctuation vanish from the key; letter variants and digit systems fold to one.
# (The Basic Multilingual Plane holds all the punctuation scraped text carries.)
_PUNCTUATION = "".join(chr(c) for c in range(0x10000) if unicodedata.category(chr(c))[0] == "P")
_NOISE = re.compile(
    chars.char_class(
        set(_PUNCTUATION)
        | chars.INVISIBLE
        | {chars.TATWEEL, chars.ZERO_WIDTH_NON_JOINER, chars.ZERO_WIDTH_JOINER},
        chars.ARABIC_MARK_RANGES,
    )
)
_FOLDS = str.maketrans(
    {
        **dict.fromkeys(chars.ALEF_VARIANTS, chars.ALEF),
        **{c: chars.YEH for c in (chars.ALEF_MAKSURA, chars.FARSI_YEH, chars.YEH_BARREE)},
        chars.YEH_HAMZA_ABOVE: chars.YEH,
        chars.WAW_HAMZA_ABOVE: chars.WAW,
        **dict.fromkeys(
            (chars.TEH_MARBUTA, chars.TEH_MARBUTA_GOAL, chars.HEH_YEH_ABOVE), chars.HEH
        ),
        **dict.fromkeys((chars.HEH_DOACHASHMEE, chars.HEH_GOAL, chars.AE), chars.HEH),
        chars.KEHEH: chars.KAF,
        chars.SWASH_KAF: chars.KAF,
        **dict(zip(chars.ARABIC_INDIC_DIGITS, chars.LATIN_DIGITS, strict=True)),
        **dict(zip(chars.EXTENDED_ARABIC_INDIC_DIGITS, chars.LATIN_DIGITS, strict=True)),
    }
)
_FOLDABLE = re.compile(chars.char_class(chr(c) for c in _FOLDS))

_TEASER_END = re.compile(r"(?:\.\.\.|…|\[\s*(?:\.\.\.|…)\s*\])\s*$")
# Sentences and table cells inside one line, for back-to-back repeats: "X. X." and the
# "X | X" of a flattened diff table.
_SEGMENT_BREAK = re.compile(r"(?<=[.!?؟…])\s+|\s+\|\|?\s+")
_HAS_WORD = re.compile(r"[^\W_]")
_PROSE_END = re.compile(r"[.!?:;\u060c\u061b\u061f,]\s*$")


def exact_key(paragraph: str) -> str:
    """The paragraph with its whitespace folded: what an exact repeat must match.

    >>> exact_key("  قال  إنه\\t جاء ")
    'قال إنه جاء'
    """
    return " ".join(paragraph.split())


def near_key(paragraph: str) -> str:
    """The paragraph as a reader compares it: no marks, tatweel, invisible characters or
    punctuation; one alef, yeh, heh and kaf; Latin digits; lower case; folded spaces.

    >>> near_key("السلام عليكُم، ورحمة اللـه!") == near_key("السلام عليكم ورحمه الله")
    True
    """
    folded = _NOISE.sub("", paragraph)
    if _FOLDABLE.search(folded):
        folded = folded.translate(_FOLDS)
    return " ".join(folded.lower().split())


def fingerprint(key: str) -> bytes:
    """Sixteen bytes of BLAKE2b: memory stays bounded however long the paragraphs are,
    and a collision between two different paragraphs is out of practical reach."""
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def paragraph_key(line: str) -> bytes:
    """The fingerprint of a paragraph's exact key.

    >>> paragraph_key("قال  إنه\\t جاء") == paragraph_key(" قال إنه جاء ")
    True
    """
    return fingerprint(exact_key(line))


def drop_repeats(text: str) -> str:
    """Drop paragraphs that repeat an earlier one (with at least five words).

    >>> drop_repeats("قال الوزير إنه سيزور المدينة غدا\\nد\\nقال الوزير إنه سيزور المدينة غداً\\n")
    'قال الوزير إنه سيزور المدينة غدا\\nد\\n'
    """
    return Repeats().apply(text)[0]


@dataclass
class _Line:
    text: str
    end: str  # the line break after it ("" for the last line)
    words: int = 0
    verse: bool = False
    near: str = ""
    exact: bool = True  # set by a back-to-back match: was it exact, or only near?


@dataclass(frozen=True)
class Repeats(Filter):
    """Keep the first occurrence of each paragraph and drop the repeats.

    - exact repeats: the same text once whitespace is folded;
    - near repeats (``near=True``): the same after folding diacritics, tatweel,
      invisible marks, punctuation, alef/yeh/teh-marbuta/hamza variants, Persian
      look-alikes and digit systems;
    - teasers: a paragraph ending in ``...``, ``…`` or ``[...]`` whose text begins
      another paragraph of the document, before or after it;
    - back-to-back repeats: a line, or a block of up to four lines, that repeats the
      lines just before it (a diff page's old/new lines, a doubled masthead), and a
      sentence or table cell that repeats the one just before it in the same line.

    Paragraphs of fewer than ``min_words`` words are only collapsed back to back, never
    across the document, and a line without a letter or digit (``***``) never is. A
    verse block (at least four lines in a row of three to ten words each, none ending
    in sentence punctuation) is never touched. ``scope="stream"`` remembers paragraphs across all
    documents cleaned with the same ``state`` (see :meth:`Pipeline.run`).
    """

    min_words: int = 5
    near: bool = True
    scope: Literal["document", "stream"] = "document"

    name = "repeats"
    description = "Drop paragraphs that repeat an earlier one (exact, near, teaser, back to back)."
    example = (
        "قال الوزير إن الحكومة ستعمل على تحسين الخدمات.\n"
        "وأضاف أن الخطة تشمل المدارس.\n"
        "قال الوزير إن الحكومةَ ستعمل علي تحسين الخدمات."
    )
    lossless = True

    VERSE_MIN_LINES = 4
    VERSE_MIN_WORDS = 3
    VERSE_MAX_WORDS = 10
    BLOCK_MAX_LINES = 4

    def __post_init__(self) -> None:
        if self.min_words < 1:
            raise ValueError("min_words must be 1 or more")
        if self.scope not in ("document", "stream"):
            raise ValueError(f"scope must be 'document' or 'stream', not {self.scope!r}")

    def apply(self, text: str) -> tuple[str, Counts]:
        return self.apply_in(text, {})

    def apply_in(self, text: str, state: dict[str, Any]) -> tuple[str, Counts]:
        """Drop repeats. With ``scope="stream"`` the fingerprints of kept paragraphs are
        remembered in ``state`` and so across every document cleaned with it."""
        seen: set[bytes] = state.setdefault(self.name, set()) if self.scope == "stream" else set()
        parts = _LINES.split(text)
        lines = [
            _Line(parts[i], parts[i + 1] if i + 1 < len(parts) else "")
            for i in range(0, len(parts), 2)
        ]
        stats = dict.fromkeys(("exact", "near", "teasers", "segments"), 0)
        paragraphs = 0
        for line in lines:
            if line.text and not line.text.isspace():
                paragraphs += 1
                line.words = len(line.text.split())
        self._mark_verse(lines)
        for line in lines:
            if line.words and not line.verse:
                line.text, collapsed = self._collapse_segments(line.text)
                stats["segments"] += collapsed
                line.words = len(line.text.split())
                line.near = near_key(line.text)
        teasers = self._teasers(lines)

        out: list[str] = []
        run: list[_Line] = []  # kept lines since the last blank line
        index = 0
        while index < len(lines):
            line = lines[index]
            if not line.words:
                out += (line.text, line.end)
                run = []
                index += 1
                continue
            block = self._back_to_back(lines, index, run)
            if block:
                kind = "exact" if all(x.exact for x in lines[index : index + block]) else "near"
                stats[kind] += block
                index += block
                continue
            drop = None
            if line.verse:
                pass
            elif index in teasers:
                drop = "teasers"
            elif line.words >= self.min_words:
                exact, near = fingerprint(exact_key(line.text)), fingerprint(line.near)
                if exact in seen:
                    drop = "exact"
                elif self.near and near in seen:
                    drop = "near"
                else:
                    seen.update((exact, near) if self.near else (exact,))
            if drop:
                stats[drop] += 1
            else:
                out += (line.text, line.end)
                run.append(line)
            index += 1

        return "".join(out), counts(
            paragraphs_seen=paragraphs,
            dropped_exact=stats["exact"],
            dropped_near=stats["near"],
            dropped_teasers=stats["teasers"],
            segments_collapsed=stats["segments"],
        )

    def _back_to_back(self, lines: list[_Line], index: int, run: list[_Line]) -> int:
        """How many lines from ``index`` repeat the last lines kept just before them
        (one to four lines: a doubled line, a doubled masthead block); 0 if none."""
        for size in range(1, self.BLOCK_MAX_LINES + 1):
            block = lines[index : index + size]
            before = run[-size:]
            if len(block) < size or len(before) < size:
                return 0
            if any(x.verse or not x.words or not _HAS_WORD.search(x.text) for x in block):
                continue
            if any(x.verse for x in before):
                continue
            if all(self._same(a, b) for a, b in zip(block, before, strict=True)):
                return size
        return 0

    def _same(self, line: _Line, other: _Line) -> bool:
        line.exact = exact_key(line.text) == exact_key(other.text)
        return line.exact or (self.near and line.near == other.near)

    def _mark_verse(self, lines: list[_Line]) -> None:
        """Flag runs of four or more verse-like lines in a row: three to ten words, and
        no sentence punctuation at the end (prose paragraphs end with a full stop)."""
        run: list[_Line] = []
        for line in [*lines, _Line("", "")]:
            verse_length = self.VERSE_MIN_WORDS <= line.words <= self.VERSE_MAX_WORDS
            if verse_length and not _PROSE_END.search(line.text):
                run.append(line)
                continue
            if len(run) >= self.VERSE_MIN_LINES:
                for x in run:
                    x.verse = True
            run = []

    def _collapse_segments(self, text: str) -> tuple[str, int]:
        """Drop a sentence or cell that repeats the one just before it in the line."""
        if len(text.split()) < 2 * self.min_words:
            return text, 0
        pieces = _SEGMENT_BREAK.split(text)
        if len(pieces) < 2:
            return text, 0
        separators = [m[0] for m in _SEGMENT_BREAK.finditer(text)]
        out = [pieces[0]]
        last = near_key(pieces[0])
        collapsed = 0
        for separator, piece in zip(separators, pieces[1:], strict=True):
            key = near_key(piece)
            if key == last and len(piece.split()) >= self.min_words:
                collapsed += 1
                continue
            out += (separator, piece)
            last = key
        return ("".join(out), collapsed) if collapsed else (text, 0)

    def _teasers(self, lines: list[_Line]) -> set[int]:
        """Indexes of teaser paragraphs whose text begins another paragraph."""
        found: set[int] = set()
        candidates = [
            i
            for i, line in enumerate(lines)
            if line.words >= self.min_words
            and not line.verse
            and _TEASER_END.search(line.text)
            and line.near
        ]
        for i in candidates:
            prefix = lines[i].near
            for j, other in enumerate(lines):
                longer = len(other.near) > len(prefix) and other.near.startswith(prefix)
                if j != i and j not in found and longer:
                    found.add(i)
                    break
        return found
