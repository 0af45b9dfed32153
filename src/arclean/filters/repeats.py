"""Drop paragraphs that repeat one already kept: exact, near and teaser repeats.

A paragraph is a non-blank line; blocks separated by blank lines work line by line.
Short lines and the lines of a verse block are never compared across the document, so
separators, headings, list labels and a poem's refrains survive.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any, Literal

import regex

from arclean import chars
from arclean.filters.base import Counts, Filter, counts
from arclean.fingerprints import FingerprintSet

# The state key of a streamed document's own memory (a dict by filter name, new for
# each document; see arclean.stream): repeats keeps fixed-size fingerprints there.
STREAMED_DOCUMENT = "stream-document"

# Split on every line break the whitespace filter knows, keeping the breaks, so a
# dropped line takes its own break with it and other line ends are left as they were.
_LINES = re.compile(f"(\\r\\n|{chars.char_class(chars.LINE_BREAKS)})")

# What a reader would not call a difference: marks, tatweel, invisible characters and
# punctuation vanish from the key; letter variants and digit systems fold to one.
# Unicode punctuation (general category P) of the Basic Multilingual Plane, which holds
# all the punctuation scraped text carries; the regex module lists it in a millisecond.
_PUNCTUATION = "".join(regex.findall(r"\p{P}", "".join(map(chr, range(0x10000)))))
_NOISE = re.compile(
    chars.char_class(
        set(_PUNCTUATION)
        | chars.INVISIBLE
        | {chars.TATWEEL, chars.ZERO_WIDTH_NON_JOINER, chars.ZERO_WIDTH_JOINER},
        chars.ARABIC_MARK_RANGES,
    )
)
_FOLDS = {
    **dict.fromkeys(chars.ALEF_VARIANTS, chars.ALEF),
    **{c: chars.YEH for c in (chars.ALEF_MAKSURA, chars.FARSI_YEH, chars.YEH_BARREE)},
    chars.YEH_HAMZA_ABOVE: chars.YEH,
    chars.WAW_HAMZA_ABOVE: chars.WAW,
    **dict.fromkeys((chars.TEH_MARBUTA, chars.TEH_MARBUTA_GOAL, chars.HEH_YEH_ABOVE), chars.HEH),
    **dict.fromkeys((chars.HEH_DOACHASHMEE, chars.HEH_GOAL, chars.AE), chars.HEH),
    chars.KEHEH: chars.KAF,
    chars.SWASH_KAF: chars.KAF,
    **dict(zip(chars.ARABIC_INDIC_DIGITS, chars.LATIN_DIGITS, strict=True)),
    **dict(zip(chars.EXTENDED_ARABIC_INDIC_DIGITS, chars.LATIN_DIGITS, strict=True)),
}
# A chain of str.replace runs far faster than str.translate on non-ASCII text.
_FOLD_PAIRS = tuple(_FOLDS.items())
# Line breaks other than LF: when a text has none, str.split("\n") is enough.
_RARE_BREAKS = re.compile(chars.char_class(chars.LINE_BREAKS - {"\n"}))


def _fold(text: str) -> str:
    """Remove what a reader ignores and fold letter and digit variants (keeps lines)."""
    text = _NOISE.sub("", text)
    for variant, letter in _FOLD_PAIRS:
        if variant in text:
            text = text.replace(variant, letter)
    return text.lower()


def _split_lines(text: str) -> tuple[list[str], list[str]]:
    """The lines of ``text`` and the break after each ("" after the last)."""
    if _RARE_BREAKS.search(text):
        parts = _LINES.split(text)
        return parts[0::2], [*parts[1::2], ""]
    lines = text.split("\n")
    return lines, ["\n"] * (len(lines) - 1) + [""]


_TEASER_END = re.compile(r"(?:\.\.\.|…|\[\s*(?:\.\.\.|…)\s*\])\s*$")
# Sentences and table cells inside one line, for back-to-back repeats: "X. X." and the
# "X | X" of a flattened diff table.
_SEGMENT_BREAK = re.compile(r"[.!?؟…][ \t]+|[ \t]+\|\|?[ \t]+")
_SEGMENT_MARKS = ".!?؟…"
_SEGMENT_OR_LINE = re.compile(r"([.!?؟…] |\n| \|\|? )")  # the same, on folded text
_HAS_WORD = re.compile(r"[^\W_]")
_PROSE_END = frozenset(".!?:;,\u060c\u061b\u061f")  # sentence ends: , ; ? in both scripts


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
    return " ".join(_fold(paragraph).split())


def drop_repeats(text: str) -> str:
    """Drop paragraphs that repeat an earlier one (with at least five words).

    >>> drop_repeats("قال الوزير إنه سيزور المدينة غدا\\nد\\nقال الوزير إنه سيزور المدينة غداً\\n")
    'قال الوزير إنه سيزور المدينة غدا\\nد\\n'
    """
    return Repeats().apply(text)[0]


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
      sentence or table cell that repeats the one just before it, word for word, in
      the same line.

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
        seen: set[str] | FingerprintSet
        if self.scope == "stream":  # every document of a run: fixed-size memory
            seen = state.setdefault(self.name, FingerprintSet())
        elif STREAMED_DOCUMENT in state:  # one document that arrives in chunks
            seen = state[STREAMED_DOCUMENT].setdefault(self.name, FingerprintSet())
        else:  # one document in memory: its own keys, compared exactly
            seen = set()
        doc = _Document(text, self)
        stats = dict.fromkeys(("exact", "near", "teasers"), 0)
        out: list[str] = []
        run: list[int] = []  # kept non-blank lines since the last blank line
        index, count = 0, len(doc.texts)
        while index < count:
            if not doc.words[index]:
                out += (doc.texts[index], doc.ends[index])
                run = []
                index += 1
                continue
            size, kind = doc.back_to_back(index, run)
            if size:
                stats[kind] += size
                index += size
                continue
            drop = None
            if doc.verse[index]:
                pass
            elif index in doc.teasers:
                drop = "teasers"
            elif doc.words[index] >= self.min_words:
                exact, near = doc.exact[index], doc.near[index]
                if exact in seen:
                    drop = "exact"
                elif self.near and near in seen:
                    drop = "near"
                else:
                    seen.add(exact)
                    if self.near:
                        seen.add(near)
            if drop:
                stats[drop] += 1
            else:
                out += (doc.texts[index], doc.ends[index])
                run.append(index)
            index += 1
        return "".join(out), counts(
            paragraphs_seen=sum(1 for n in doc.words if n),
            dropped_exact=stats["exact"],
            dropped_near=stats["near"],
            dropped_teasers=stats["teasers"],
            segments_collapsed=doc.segments_collapsed,
        )


class _Document:
    """A text split into lines, with every key the decisions need computed up front by
    whole-text operations, so the per-line work is a few comparisons."""

    def __init__(self, text: str, options: Repeats) -> None:
        self.options = options
        self.texts, self.ends = _split_lines(text)
        self.exact = [" ".join(t.split()) for t in self.texts]
        if options.near:
            # Folded as one text (one pass) joined by plain line feeds, so lines stay aligned.
            self.near = [" ".join(f.split()) for f in _fold("\n".join(self.texts)).split("\n")]
        else:
            self.near = self.exact
        self.words = [k.count(" ") + 1 if k else 0 for k in self.exact]
        self.verse = self._verse()
        self.segments_collapsed = self._collapse_segments()
        self.teasers = self._teasers()

    def _verse(self) -> list[bool]:
        """Flag runs of four or more verse-like lines in a row: three to ten words, and
        no sentence punctuation at the end (prose paragraphs end with a full stop)."""
        low, high = Repeats.VERSE_MIN_WORDS, Repeats.VERSE_MAX_WORDS
        like = [
            low <= n <= high and k[-1] not in _PROSE_END
            for n, k in zip(self.words, self.exact, strict=True)
        ]
        verse = [False] * len(like)
        start = 0
        for i, flag in enumerate([*like, False]):
            if not flag:
                if i - start >= Repeats.VERSE_MIN_LINES:
                    verse[start:i] = [True] * (i - start)
                start = i + 1
        return verse

    def _collapse_segments(self) -> int:
        """Drop sentences and cells that repeat the one just before them in a line,
        word for word. A first pass over the whole text finds the few lines to look at."""
        parts = _SEGMENT_OR_LINE.split("\n".join(self.exact))
        keys = [p.rstrip(_SEGMENT_MARKS) for p in parts[0::2]]
        separators = parts[1::2]
        if all(a != b for a, b in itertools.pairwise(keys)):
            return 0
        line, flagged = 0, set()
        for i, separator in enumerate(separators):
            if separator == "\n":
                line += 1
            elif keys[i] == keys[i + 1]:
                flagged.add(line)
        collapsed = 0
        minimum = self.options.min_words
        for i in sorted(flagged):
            if self.verse[i] or self.words[i] < 2 * minimum:
                continue
            new, n = _collapse_line(self.texts[i], minimum)
            if n:
                collapsed += n
                self.texts[i] = new
                self.exact[i] = " ".join(new.split())
                self.near[i] = near_key(new) if self.options.near else self.exact[i]
                self.words[i] = self.exact[i].count(" ") + 1
        return collapsed

    def _teasers(self) -> set[int]:
        """Indexes of teaser paragraphs whose text begins another paragraph."""
        found: set[int] = set()
        for i, exact in enumerate(self.exact):
            if self.words[i] < self.options.min_words or self.verse[i]:
                continue
            if not _TEASER_END.search(exact) or not self.near[i]:
                continue
            prefix = self.near[i]
            for j, other in enumerate(self.near):
                longer = len(other) > len(prefix) and other.startswith(prefix)
                if longer and j != i and j not in found:
                    found.add(i)
                    break
        return found

    def back_to_back(self, index: int, run: list[int]) -> tuple[int, str]:
        """How many lines from ``index`` repeat the lines kept just before them (a line,
        or a block of up to four: a doubled masthead), and whether exactly or nearly."""
        exact, near, use_near = self.exact, self.near, self.options.near
        first, first_near = exact[index], near[index]
        for kept in run[-Repeats.BLOCK_MAX_LINES :]:
            if exact[kept] == first or near[kept] == first_near:
                break
        else:
            return 0, ""  # no recent line is like this one: the common case
        for size in range(1, Repeats.BLOCK_MAX_LINES + 1):
            if len(run) < size or index + size > len(self.texts):
                return 0, ""
            block, before = range(index, index + size), run[-size:]
            if not all(
                exact[a] == exact[b] or (use_near and near[a] == near[b])
                for a, b in zip(block, before, strict=True)
            ):
                continue
            lines = [*block, *before]
            if any(self.verse[i] or not _HAS_WORD.search(exact[i]) for i in lines):
                continue
            same = all(exact[a] == exact[b] for a, b in zip(block, before, strict=True))
            return size, "exact" if same else "near"
        return 0, ""


def _collapse_line(text: str, min_words: int) -> tuple[str, int]:
    """Drop each sentence or cell of ``text`` that repeats the one just before it."""
    pieces, separators, start = [], [], 0
    for match in _SEGMENT_BREAK.finditer(text):
        end = match.start() + (match[0][0] in _SEGMENT_MARKS)  # a mark ends its piece
        pieces.append(text[start:end])
        separators.append(text[end : match.end()])
        start = match.end()
    pieces.append(text[start:])
    keys = [" ".join(p.split()).rstrip(_SEGMENT_MARKS) for p in pieces]
    out, last, collapsed = [pieces[0]], keys[0], 0
    for separator, piece, key in zip(separators, pieces[1:], keys[1:], strict=True):
        if key == last and len(piece.split()) >= min_words:
            collapsed += 1
            continue
        out += (separator, piece)
        last = key
    return ("".join(out), collapsed) if collapsed else (text, 0)
