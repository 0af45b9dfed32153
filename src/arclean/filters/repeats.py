"""Drop paragraphs that repeat one already kept: exact, near and teaser repeats.

A paragraph is a non-blank line; blocks separated by blank lines work line by line.
Short lines and the lines of a verse block are never compared across the document, so
separators, headings, list labels and a poem's refrains survive.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any, Literal, Protocol, TypeVar

from arclean.filters.base import Counts, Filter, counts
from arclean.filters.codepage import (
    BREAK_BYTES,
    OTHER_SPACES,
    TO_PLAIN_SPACE,
    WIDE_BREAK,
    WIDE_SPACE,
    WIDE_SPACE_OR_BREAK,
    crlf_image,
    encode,
    has_any,
    line_skeleton,
    lines_with_twin_sentences,
    near_keys,
    plain_image,
    skeleton_digits,
    skeletons,
)
from arclean.filters.paragraph_keys import (
    SEGMENT_MARKS,
    exact_key,
    fold,
    near_key,
    split_lines,
    trim_spaces,
)
from arclean.fingerprints import FingerprintSet

# The state key of a streamed document's own memory (a dict by filter name, new for
# each document; see arclean.stream): repeats keeps fixed-size fingerprints there.
STREAMED_DOCUMENT = "stream-document"

_T = TypeVar("_T")
_T_co = TypeVar("_T_co", covariant=True)


# (The document scope's shortcuts look for these ends, marks and cells on their own:
# _TEASER_TAILS below and codepage.lines_with_twin_sentences must change with them.)
_TEASER_END = re.compile(r"(?:\.\.\.|…|\[\s*(?:\.\.\.|…)\s*\])\s*$")
# Sentences and table cells inside one line, for back-to-back repeats: "X. X." and the
# "X | X" of a flattened diff table.
_SEGMENT_BREAK = re.compile(r"[.!?؟…][ \t]+|[ \t]+\|\|?[ \t]+")
_SENTENCE_BREAK = re.compile(r"([.!?؟…])([ \t]+)")  # the same in a line without "|"
_SEGMENT_OR_LINE = re.compile(r"([.!?؟…] |\n| \|\|? )")  # the same, on folded text
_SENTENCE_END = re.compile(r"([.!?؟…] )")  # the same in one line without "|"
_HAS_WORD = re.compile(r"[^\W_]")
_OTHER_SPACE = re.compile(r"[^\S \n]")  # whitespace but a space or a line feed
_PROSE_END = frozenset(".!?:;,\u060c\u061b\u061f")  # sentence ends: , ; ? in both scripts


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
        doc: _Lines
        if self.scope == "stream":  # every document of a run: fixed-size memory
            doc = _Document(text, self, state.setdefault(self.name, FingerprintSet()))
        elif STREAMED_DOCUMENT in state:  # one document that arrives in chunks
            memory = state[STREAMED_DOCUMENT].setdefault(self.name, FingerprintSet())
            doc = _Document(text, self, memory)
        else:
            # A post of a few paragraphs (a tweet, a JSON record's text): most often no
            # paragraph is like another, and then only a sentence said twice can go.
            paragraphs = _all_unlike(text) if len(text) < _POST else None
            if paragraphs is not None:
                return text, counts(paragraphs_seen=paragraphs)
            # One paragraph has nothing to compare either.
            few_lines = len(text) < _SHORT or (len(text) < _LONE and text.count("\n") < 3)
            one = _one_paragraph(text) if few_lines else None
            if one is not None and not _twin_sentences(one):
                return text, counts(paragraphs_seen=int(bool(one)))
            if len(text) < _SHORT:  # a few lines: the shortcuts cost more than they save
                doc = _Document(text, self, set())
            else:  # one document in memory: keys only for the lines that may repeat
                doc = _SparseDocument.of(text, self) or _Document(text, self, set())
        return _drop(text, doc)


# Characters below which a document is cheaper to read line by line than to sketch.
_SHORT = 400
# Characters below which a text of one line is checked for being one paragraph first.
_LONE = 100_000
# Characters below which a text is checked first for paragraphs all unlike (a post):
# beyond, a page seldom has none alike, and the check costs most of the sketch.
_POST = 2000


def _apply_sparsely(options: Repeats, text: str) -> tuple[str, Counts]:
    """:meth:`Repeats.apply` on one document with its shortcuts, whatever its length."""
    return _drop(text, _SparseDocument.of(text, options) or _Document(text, options, set()))


def _apply_carefully(options: Repeats, text: str) -> tuple[str, Counts]:
    """:meth:`Repeats.apply` with every key of every line computed, as the stream scopes
    do: the reference that the document scope's shortcuts must agree with."""
    return _drop(text, _Document(text, options, set()))


def _drop(text: str, doc: _Lines) -> tuple[str, Counts]:
    """Walk the lines that may repeat another in order and drop the repeats; every other
    line is kept as it is (and only counts for the back-to-back blocks around it)."""
    stats = dict.fromkeys(("exact", "near", "teasers"), 0)
    dropped: list[int] = []
    copied: list[range] = []  # runs of copies, dropped at once
    run: list[int] = []  # kept non-blank lines since the last blank line
    index = 0  # the first line not yet walked
    blanks, min_words, teasers = doc.blanks, doc.options.min_words, doc.teasers
    verse, words, back_to_back, repeated_tail, copies = (
        doc.verse,
        doc.words,
        doc.back_to_back,
        doc.repeated_tail,
        doc.copies,
    )
    next_blank = 0  # the first of the blank lines not yet passed
    alone = doc.alone
    walked = doc.walked
    walk = iter(walked)

    def pass_to(i: int, end: int) -> int:
        """Pass the lines after line ``i`` and before ``end`` (copies of it, or of its
        block) without a look at each; ``end``."""
        position = bisect.bisect_left(walked, i)
        skip = bisect.bisect_left(walked, end, position) - position - 1
        next(itertools.islice(walk, skip, skip), None)
        return end

    for i in walk:
        if i < index:  # taken with a block already
            continue
        if index < i:  # lines kept without a look: a blank one ends the run
            last = -1
            while next_blank < len(blanks) and blanks[next_blank] < i:
                last = blanks[next_blank]
                next_blank += 1
            if last >= index:
                run = list(range(last + 1, i))
            else:
                run.extend(range(index, i))
        size, kind = (0, "") if i in alone else back_to_back(i, run)
        if size == 1 and (more := copies(i)):  # copies of the line go the same way
            stats[kind] += 1 + more
            copied.append(range(i, i + 1 + more))
            index = pass_to(i, i + 1 + more)
            continue
        if not size and verse[i] and (more := copies(i)):  # kept, copies and all: a
            run.extend(range(i, i + 1 + more))  # back-to-back block holds no verse line
            index = pass_to(i, i + 1 + more)
            continue
        if size:  # and the whole copies of the block that follow it go the same way
            end = i + size + (doc.block_copies(i, size) if size > 1 else 0)
            stats[kind] += end - i
            copied.append(range(i, end))
            index = pass_to(i, end)
            continue
        index = i + 1
        drop = None
        if verse[i]:
            pass
        elif i in teasers:
            drop = "teasers"
        elif words[i] >= min_words and _HAS_WORD.search(doc.texts[i]):  # not "* * * * *"
            drop = doc.repeat_of(i)
        if drop:
            stats[drop] += 1
            dropped.append(i)
        else:
            run.append(i)
            if i in alone:
                continue
            # Dropping lines may have put two equal blocks side by side ("A k A A k"
            # is "A k A k" once the second A goes): the kept lines never end in a
            # block that repeats the one before it, so a second run drops nothing.
            size, kind = repeated_tail(run)
            if size:
                stats[kind] += size
                dropped.extend(run[-size:])
                del run[-size:]
    if dropped or copied or doc.segments_collapsed:
        gone = [*(range(i, i + 1) for i in dropped), *copied]
        gone.sort(key=operator.attrgetter("start"))
        text = _joined_but(doc.texts, doc.ends, gone)
    return text, counts(
        paragraphs_seen=len(doc.texts) - len(blanks),
        dropped_exact=stats["exact"],
        dropped_near=stats["near"],
        dropped_teasers=stats["teasers"],
        segments_collapsed=doc.segments_collapsed,
    )


def _joined_but(texts: list[str], ends: list[str], gone: list[range]) -> str:
    """The lines with their ends, joined, but those in ``gone`` (ranges in order, none
    overlapping): the kept runs are joined as they are, so 100,000 copies dropped at
    once cost nothing a line.

    >>> _joined_but(["a", "b", "c", "d"], ["\\n"] * 4, [range(1, 3)])
    'a\\nd\\n'
    """
    kept, start = [], 0
    for lines in gone:
        kept.append(zip(texts[start : lines.start], ends[start : lines.start], strict=True))
        start = lines.stop
    kept.append(zip(texts[start:], ends[start:], strict=True))
    return "".join(itertools.chain.from_iterable(itertools.chain.from_iterable(kept)))


class _ByLine(Protocol[_T_co]):
    """A value for each line index: a list, or a mapping that computes it on first use."""

    def __getitem__(self, index: int, /) -> _T_co: ...


class _Lazy(dict[int, _T]):
    """Values by line index, each computed the first time it is asked for.

    >>> squares = _Lazy(lambda i: i * i)
    >>> squares[3], dict(squares)
    (9, {3: 9})
    """

    def __init__(self, compute: Callable[[int], _T]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, index: int) -> _T:
        value = self[index] = self._compute(index)
        return value


class _Lines:
    """What the walk in :func:`_drop` asks of a document, and the back-to-back rules."""

    options: Repeats
    texts: list[str]
    ends: list[str]
    exact: _ByLine[str]
    near: _ByLine[str]
    words: _ByLine[int]
    verse: _ByLine[bool]
    teasers: set[int]
    blanks: list[int]  # indexes of blank lines, in order
    candidates: list[int]  # indexes of the lines that may be dropped, in order
    segments_collapsed: int
    # A value that alike lines share (a near key, a skeleton): comparing it first rules
    # out at C speed most lines that are not alike.
    screen: _ByLine[str | bytes]
    # Lines whose screen no other line shares: like no other line, so in no back-to-back
    # block, and the walk asks no block question of them.
    alone: AbstractSet[int] = frozenset()

    def alike(self, a: int, b: int) -> bool:
        """Lines ``a`` and ``b`` are the same once whitespace (or, with ``near``,
        everything a reader ignores) is folded."""
        return self.screen[a] == self.screen[b] and (
            self.exact[a] == self.exact[b] or (self.options.near and self.near[a] == self.near[b])
        )

    def repeat_of(self, index: int) -> str | None:
        """Whether the paragraph at ``index`` repeats one kept before it ("exact" or
        "near"); None when it does not, and then it is remembered as kept."""
        raise NotImplementedError

    @property
    def walked(self) -> list[int]:
        """The candidates the walk looks at: it keeps the others without a look, as
        it keeps the lines that are no candidates."""
        return self.candidates

    def copies(self, index: int) -> int:
        """How many lines right after ``index`` go the way it goes when the walk drops
        it alone as a back-to-back repeat or keeps it as a verse line: those that have
        its text and its verse flag (up to the first that has not).

        Dropping a line alone leaves the kept lines as they were, and a copy has the
        same keys: it is dropped the same way. Keeping a verse line changes nothing the
        walk asks of the next, and a verse line is kept whatever it says.
        """
        texts = self.texts
        if index + 1 == len(texts) or texts[index + 1] != texts[index]:
            return 0  # the common case: no copy
        end = _copies_end(texts, index, 1)
        flag = self.verse[index]
        flags = [self.verse[j] for j in range(index + 1, end)]
        return flags.index(not flag) if (not flag) in flags else len(flags)

    def block_copies(self, index: int, size: int) -> int:
        """How many lines after the block of ``size`` lines at ``index``, which the walk
        drops as a back-to-back repeat, are whole copies of it, text for text, with no
        verse line among them.

        Dropping the block leaves the kept lines as they were, and a copy has the same
        keys: the walk would drop it the same way, and the copy after it. So a page of
        two lines repeated 50,000 times costs one look, not 50,000.

        >>> doc = _Document("أ ب ج.\\nد ه و.\\n" * 3 + "أ ب ج.\\n", Repeats(), set())
        >>> doc.block_copies(2, 2)
        2
        """
        start = index + size
        end = _copies_end(self.texts, index, size)
        end -= (end - start) % size
        verse = self.verse
        if self._may_hold_verse(range(index, start)) and any(
            map(verse.__getitem__, range(start, end))
        ):
            first = next(j for j in range(start, end) if verse[j])
            end = first - (first - start) % size
        return end - start

    def _may_hold_verse(self, block: range) -> bool:
        """Whether a copy of the lines of ``block`` may be a verse line: as far as this
        class knows, yes."""
        return True

    def back_to_back(self, index: int, run: list[int]) -> tuple[int, str]:
        """How many lines from ``index`` repeat the lines kept just before them (a line,
        or a block of up to four: a doubled masthead), and whether exactly or nearly."""
        screen = self.screen
        if screen[index] not in map(screen.__getitem__, run[-Repeats.BLOCK_MAX_LINES :]):
            return 0, ""  # no recent line can be like this one: the common case
        for kept in run[-Repeats.BLOCK_MAX_LINES :]:
            if self.alike(kept, index):
                break
        else:
            return 0, ""  # no recent line is like this one: the common case
        if self.verse[index]:
            return 0, ""  # every block holds this line, and a block holds no verse line
        for size in range(1, Repeats.BLOCK_MAX_LINES + 1):
            if len(run) < size or index + size > len(self.texts):
                return 0, ""
            kind = self._block_repeats(range(index, index + size), run[-size:])
            if kind:
                return size, kind
        return 0, ""

    def repeated_tail(self, run: list[int]) -> tuple[int, str]:
        """How many of the last kept lines repeat the lines kept just before them (up to
        a block of four), and whether exactly or nearly: 0 when none do."""
        last, screen, most = run[-1], self.screen, min(Repeats.BLOCK_MAX_LINES, len(run) // 2)
        if screen[last] not in map(screen.__getitem__, run[-1 - most : -1]):
            return 0, ""  # no block can end here: the common case
        if self.verse[last]:
            return 0, ""  # every block holds the last line, and a block holds no verse line
        sizes = [size for size in range(1, most + 1) if self.alike(run[-1 - size], last)]
        for size in sizes:
            kind = self._block_repeats(run[-size:], run[-2 * size : -size])
            if kind:
                return size, kind
        return 0, ""

    def _flagged(self, index: int) -> bool:
        """A sentence or cell of the line repeats the one just before it, word for word
        (the pieces' keys as :func:`_collapse_line` would compare them may still differ)."""
        return _twin_sentences(self.exact[index])

    def _block_repeats(self, block: Sequence[int], before: Sequence[int]) -> str:
        """ "exact" or "near" when the lines of ``block`` repeat those of ``before`` one
        for one, none of them verse or without a letter or digit; "" when they do not."""
        pairs = list(zip(block, before, strict=True))
        if not all(self.alike(a, b) for a, b in pairs):
            return ""
        if any(self.verse[i] or not _HAS_WORD.search(self.exact[i]) for i in (*block, *before)):
            return ""
        return "exact" if all(self.exact[a] == self.exact[b] for a, b in pairs) else "near"


class _Document(_Lines):
    """A text split into lines, with every key of every line computed up front by
    whole-text operations, so the per-line work is a few comparisons. Kept keys go to
    ``seen``: a set, or the fixed-size fingerprints of a stream."""

    exact: list[str]
    near: list[str]
    words: list[int]
    verse: list[bool]

    def __init__(self, text: str, options: Repeats, seen: set[str] | FingerprintSet) -> None:
        self.options = options
        self.seen = seen
        self.texts, self.ends = split_lines(text)
        joined = "\n".join(self.texts)
        image = raw = encode(joined)
        plain = plain_image(image)
        if plain:  # the exact keys are the lines themselves
            self.exact = exact = list(self.texts)
        else:
            self.exact = exact = [" ".join(t.split()) for t in self.texts]
            image = encode("\n".join(exact))
        if not options.near:
            self.near = exact
        elif (near := near_keys(raw)) is not None:
            self.near = near
        else:
            # Folded as one text (one pass) joined by plain line feeds, so lines stay aligned.
            folded = fold(joined)
            if plain:  # folding removes characters but adds no space: fold runs of spaces
                self.near = trim_spaces(folded).split("\n")
            else:
                self.near = [" ".join(f.split()) for f in folded.split("\n")]
        self.screen = self.near  # equal exact keys make equal near keys
        self.words = [k.count(" ") + 1 if k else 0 for k in exact]
        self.blanks = [i for i, n in enumerate(self.words) if not n]
        self.candidates = [i for i, n in enumerate(self.words) if n]
        self.verse = self._verse()
        self.segments_collapsed = self._collapse_segments(image)
        self.teasers = self._teasers()
        times = Counter(self.near)  # the near keys as collapsing left them
        once = map((1).__eq__, map(times.__getitem__, self.near))
        self.alone = set(itertools.compress(itertools.count(), once))

    def repeat_of(self, index: int) -> str | None:
        exact, near, seen = self.exact[index], self.near[index], self.seen
        if isinstance(seen, FingerprintSet):  # the same, in one call
            known = seen.first_known((exact, near) if self.options.near else (exact,))
            return None if known < 0 else ("exact", "near")[known]
        if exact in seen:
            return "exact"
        if self.options.near and near in seen:
            return "near"
        seen.add(exact)
        if self.options.near:
            seen.add(near)
        return None

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

    def _collapse_segments(self, image: bytes) -> int:
        """Drop sentences and cells that repeat the one just before them in a line,
        word for word. ``image`` is the exact keys in the code page: one pass over it
        finds the few lines to look at."""
        flagged = [i for i in lines_with_twin_sentences(image) if self._flagged(i)]
        collapsed = 0
        minimum = self.options.min_words
        for i in flagged:
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
        """Indexes of teaser paragraphs whose text begins another, longer paragraph.

        In sorted order the keys that begin with a prefix come right after it, so one
        binary search per teaser finds the first key that is longer and begins with it
        (a scan of every line per teaser would be quadratic on a page of teasers).
        """
        found: set[int] = set()
        ordered: list[str] | None = None
        for i, exact in enumerate(self.exact):
            if self.words[i] < self.options.min_words or self.verse[i]:
                continue
            # A key has no trailing space: a teaser's ends in one of the tails.
            if not exact.endswith(_TEASER_TAILS) or not _TEASER_END.search(exact):
                continue
            if not self.near[i]:
                continue
            if ordered is None:
                ordered = sorted(self.near)
            prefix = self.near[i]
            after = bisect.bisect_right(ordered, prefix)  # the first key above the prefix
            if after < len(ordered) and ordered[after].startswith(prefix):
                found.add(i)
        return found


_TEASER_TAILS = ("...", "…", "]")
_THREE_DOTS = re.compile(rb"\.\.\.")  # twice as fast as `in` on bytes
# Every byte of the code page but a line break other than LF, the last of a teaser's end
# (…, [...]) and the "&" of a wide space's reference: what deleting them leaves is notable.
_ALL_BUT_NOTABLE = bytes(sorted(set(range(256)).difference(BREAK_BYTES + b"\x85]&")))


def _end_of_prefix(keys: list[bytes], prefix: bytes) -> int:
    """Where the keys that begin with ``prefix`` end in the sorted ``keys``.

    >>> _end_of_prefix([b"a", b"ab", b"abc", b"b"], b"ab"), _end_of_prefix([b"\\xff"], b"")
    (3, 1)
    """
    stem = prefix.rstrip(b"\xff")
    if not stem:
        return len(keys)
    return bisect.bisect_left(keys, stem[:-1] + bytes((stem[-1] + 1,)))


class _SparseDocument(_Lines):
    """A document whose keys are computed only for the lines that share a skeleton with
    another line, the teaser candidates and the lines that may hold a repeated sentence.
    Kept keys are remembered by skeleton: a key can only equal keys of its skeleton."""

    exact: _Lazy[str]
    near: _Lazy[str]
    words: _Lazy[int]
    verse: _Lazy[bool]

    @classmethod
    def of(cls, text: str, options: Repeats) -> _SparseDocument | None:
        """The document, or None when a wide space (U+2000...) asks for the careful way."""
        image = encode(text)
        breaks = has_any(image, BREAK_BYTES)
        unusual = breaks or WIDE_SPACE_OR_BREAK.search(image)
        if unusual and (breaks or WIDE_BREAK.search(image)):
            if crlf_image(image):  # Windows lines: the image without their CRs
                texts = text.split("\r\n")
                ends = ["\r\n"] * (len(texts) - 1) + [""]
                image = image.replace(b"\r\n", b"\n")
            else:  # a line break other than a line feed
                texts, ends = split_lines(text)
                image = encode("\n".join(texts))
        else:
            texts = text.split("\n")
            ends = ["\n"] * (len(texts) - 1) + [""]
        if unusual and WIDE_SPACE.search(image):
            return None
        return cls(options, texts, ends, image)

    def __init__(self, options: Repeats, texts: list[str], ends: list[str], image: bytes) -> None:
        self.options = options
        self.texts = self._original = texts
        self.ends = ends
        # Only plain spaces in the text: most lines are their own exact key.
        self._plain = plain = not has_any(image, OTHER_SPACES)
        self.exact = _Lazy(self._exact_plain if plain else self._exact)
        self.near = _Lazy(self._near)
        self.words = _Lazy(self._words)
        self.verse = _Lazy(self._verse)
        self._like = _Lazy(self._verse_like)
        self._collapsed: dict[int, str] = {}  # line index: its exact key before collapsing
        self.skeleton = self.screen = skeletons(image)
        self._digits = skeleton_digits(image)  # a collapsed line's skeleton: the same way
        self.segments_collapsed = self._collapse_segments(image)
        self.teasers = self._teasers(image)
        self.blanks, self.candidates = self._candidates()
        self._groups: dict[bytes, _Group | int] = {}
        self._changes: list[int] | None = None  # see copies()
        self._walked = self._to_walk()
        if self._walked:
            self._prepare(plain)

    def _exact(self, index: int) -> str:
        return " ".join(self.texts[index].split())

    def _exact_plain(self, index: int) -> str:
        text = self.texts[index]
        if "  " in text or text[:1] == " " or text[-1:] == " ":
            return trim_spaces(text)  # its only whitespace is spaces
        return text

    def _near(self, index: int) -> str:
        return near_key(self.texts[index]) if self.options.near else self.exact[index]

    def _words(self, index: int) -> int:
        exact = self.exact[index]
        return exact.count(" ") + 1 if exact else 0

    def _verse_like(self, index: int) -> bool:
        """Three to ten words and no sentence punctuation at the end, before collapsing."""
        exact = self._collapsed.get(index)
        if exact is None:
            exact, words = self.exact[index], self.words[index]
        else:
            words = exact.count(" ") + 1
        return Repeats.VERSE_MIN_WORDS <= words <= Repeats.VERSE_MAX_WORDS and (
            exact[-1] not in _PROSE_END
        )

    def _verse(self, index: int) -> bool:
        """In a run of four or more verse-like lines in a row."""
        if not self._like[index]:
            return False
        found, count = 1, len(self.texts)
        for step in (-1, 1):
            i = index + step
            while found < Repeats.VERSE_MIN_LINES and 0 <= i < count and self._like[i]:
                found += 1
                i += step
        return found >= Repeats.VERSE_MIN_LINES

    def _may_hold_verse(self, block: range) -> bool:
        """A verse line is verse-like, and a copy of a line is as verse-like as the line
        (when no line was collapsed: a collapsed line is judged by its text before).
        So copies of a block without a verse-like line hold no verse line, and a page
        of "ب\\nت\\n" a million times over costs two flags, not a million."""
        return bool(self._collapsed) or any(map(self._like.__getitem__, block))

    def copies(self, index: int) -> int:
        """How many lines right after ``index`` have its text, before and after
        collapsing sentences (up to the first that has not).

        Dropping a line alone as a back-to-back repeat leaves the walk as it was (the
        same kept lines), and such a copy has the same keys and, next to it, the same
        verse flag: it is dropped the same way, and so is the copy after it. So
        100,000 lines that each repeat the one before cost two looks, not 100,000.
        And a copy of a verse line is a verse line, kept as it is.
        """
        texts = self._original
        if index + 1 == len(texts) or texts[index + 1] != texts[index]:
            return 0  # the common case: no copy
        if self._changes is None:
            # The lines that differ from the line before them. A copy is collapsed as
            # its line is, but a run never spans a collapsed line: nothing rests on it.
            changes = list(
                itertools.compress(
                    itertools.count(1), map(operator.ne, itertools.islice(texts, 1, None), texts)
                )
            )
            if self._collapsed:
                changes = sorted({*changes, *self._collapsed, *(i + 1 for i in self._collapsed)})
            self._changes = changes
        following = bisect.bisect_right(self._changes, index)
        end = self._changes[following] if following < len(self._changes) else len(self.texts)
        return end - index - 1

    def _prepare(self, plain: bool) -> None:
        """The exact keys, words and verse flags of the lines to walk, in one go (a
        call a line for each costs more than the keys). A line like one of the four
        before it is left to be computed if the walk asks for it: it seldom does, as
        the walk passes copies of a line or of a block without a look (see copies()
        and block_copies()), and "ب\\nت\\n" a million times over has two lines to key."""
        if self._collapsed:
            lines = [i for i in self._walked if i not in self._collapsed]
        else:
            lines = self._walked
        original = self._original
        for back in range(1, Repeats.BLOCK_MAX_LINES + 1):  # each pass on fewer lines
            before = map(original.__getitem__, map(operator.sub, lines, itertools.repeat(back)))
            lines = list(
                itertools.compress(
                    lines, map(operator.ne, map(original.__getitem__, lines), before)
                )
            )
        texts = map(self.texts.__getitem__, lines)
        if plain:
            exact = [
                trim_spaces(t) if "  " in t or t[:1] == " " or t[-1:] == " " else t for t in texts
            ]
        else:
            exact = [" ".join(t.split()) for t in texts]
        words = [k.count(" ") + 1 if k else 0 for k in exact]
        low, high = Repeats.VERSE_MIN_WORDS, Repeats.VERSE_MAX_WORDS
        like = [
            low <= n <= high and k[-1] not in _PROSE_END for n, k in zip(words, exact, strict=True)
        ]
        self.exact.update(zip(lines, exact, strict=True))
        self.words.update(zip(lines, words, strict=True))
        self._like.update(zip(lines, like, strict=True))
        self.verse.update((i, False) for i, flag in zip(lines, like, strict=True) if not flag)
        if self.options.near:
            self._prepare_near(lines, exact)

    def _prepare_near(self, lines: list[int], exact: list[str]) -> None:
        """The near keys of the lines whose skeleton comes with more than one exact key
        (the others are exact repeats, or alone), folded as one text in one go."""
        skeleton, mixed = self.skeleton, set()
        first: dict[bytes, str] = {}
        for i, key in zip(lines, exact, strict=True):
            if first.setdefault(skeleton[i], key) != key:
                mixed.add(skeleton[i])
        if not mixed:
            return
        needed = [i for i in lines if skeleton[i] in mixed]
        # Folded as one text joined by line feeds, as _Document folds the whole text.
        joined = "\n".join(map(self.texts.__getitem__, needed))
        near = near_keys(encode(joined))
        if near is None:
            near = [" ".join(f.split()) for f in fold(joined).split("\n")]
        self.near.update(zip(needed, near, strict=True))

    def repeat_of(self, index: int) -> str | None:
        skeleton = self.skeleton[index]
        group = self._groups.get(skeleton)
        if group is None:  # the first of its skeleton: nothing to compare yet
            self._groups[skeleton] = index
            return None
        if isinstance(group, int):
            group = self._groups[skeleton] = _Group(self, group)
        return group.repeat_of(index)

    def _collapse_segments(self, image: bytes) -> int:
        """:meth:`_Document._collapse_segments` for the lines that may need it: two
        sentences in a row that begin with the same word, and lines with a table cell.
        Each such line is then judged as the careful way judges it."""
        lines = lines_with_twin_sentences(image if self._plain else image.translate(TO_PLAIN_SPACE))
        if not lines:
            return 0
        collapsed = 0
        minimum = self.options.min_words
        for i in lines:
            if not self._flagged(i) or self.verse[i] or self.words[i] < 2 * minimum:
                continue
            new, n = _collapse_line(self.texts[i], minimum)
            if n:
                collapsed += n
                if self.texts is self._original:
                    self.texts = list(self._original)
                self._collapsed[i] = self.exact[i]
                self.texts[i] = new
                for keys in (self.exact, self.near, self.words):
                    keys.pop(i, None)
                self.skeleton[i] = line_skeleton(new, self._digits)
        return collapsed

    def _teasers(self, image: bytes) -> set[int]:
        """:meth:`_Document._teasers`, with the near keys of the lines whose skeleton
        begins with a teaser's only: a longer key that begins with the teaser's is one
        of them, and is as near the teaser's among them in sorted order as among all."""
        if b"\x85" in image or b"]" in image or _THREE_DOTS.search(image):
            lines: Iterable[int] = (
                i for i, t in enumerate(self.texts) if t.rstrip().endswith(_TEASER_TAILS)
            )
        else:  # only a collapsed line may end otherwise than it did
            lines = sorted(
                i for i in self._collapsed if self.texts[i].rstrip().endswith(_TEASER_TAILS)
            )
        teasers = [
            i
            for i in lines
            if self.words[i] >= self.options.min_words
            and not self.verse[i]
            and _TEASER_END.search(self.exact[i])
            and self.near[i]
        ]
        if not teasers:
            return set()
        order = sorted(range(len(self.texts)), key=self.skeleton.__getitem__)
        keys = [self.skeleton[j] for j in order]
        others: set[int] = set()
        end = 0  # the spans of lines whose skeleton begins with a teaser's, merged
        for low, high in sorted(
            (bisect.bisect_left(keys, start), _end_of_prefix(keys, start))
            for start in {self.skeleton[i] for i in teasers}
        ):
            others.update(order[max(low, end) : high])
            end = max(end, high)
        ordered = sorted(self.near[j] for j in others)
        found = set()
        for i in teasers:
            prefix = self.near[i]
            after = bisect.bisect_right(ordered, prefix)  # the first key above the prefix
            if after < len(ordered) and ordered[after].startswith(prefix):
                found.add(i)
        return found

    def _candidates(self) -> tuple[list[int], list[int]]:
        """The blank lines, and the lines that share their skeleton with another
        non-blank line or are teasers."""
        skeleton, texts = self.skeleton, self.texts
        times = Counter(skeleton)
        shared = {k for k, n in times.items() if n > 1}
        # Blank lines have no letters (and on a page of "ـ" lines, no line has one).
        if times[b""] == len(skeleton):
            empty, empty_texts = list(range(len(skeleton))), iter(texts)
        else:
            empty = list(itertools.compress(itertools.count(), map(operator.not_, skeleton)))
            empty_texts = map(texts.__getitem__, empty)
        self._empty = empty
        # Blank: nothing but whitespace. Each text is judged once (a page of "***" or
        # of "ـ" lines has one), and the lines are told apart only when some are blank
        # and some not.
        self._empty_texts = kinds = dict.fromkeys(empty_texts)
        blank = {t for t in kinds if not t.strip()}
        if len(blank) == len(kinds):
            blanks = empty
        elif not blank:
            blanks = []
        elif blank == {""}:  # found by list.index, in C from one to the next
            blanks = _indexes(texts, "")
        else:
            blanks = list(
                itertools.compress(empty, map(blank.__contains__, map(texts.__getitem__, empty)))
            )
        if len(empty) - len(blanks) < 2:
            shared.discard(b"")
        if not shared:
            return blanks, sorted(set(self.teasers).difference(blanks))
        sharing: Iterable[int] = itertools.compress(
            itertools.count(), map(shared.__contains__, skeleton)
        )
        if b"" in shared and blanks:  # the blank lines have that skeleton too
            sharing = itertools.filterfalse(set(blanks).__contains__, sharing)
        if not self.teasers:  # in order already
            return blanks, list(sharing)
        return blanks, sorted(set(self.teasers).union(sharing))  # no teaser is blank

    @property
    def walked(self) -> list[int]:
        return self._walked

    def _to_walk(self) -> list[int]:
        """The candidates but those the walk keeps whatever comes: lines without a
        letter or digit, and lines between blank lines, too short to be compared
        across the document (with no kept line before them, they repeat none)."""
        walked = self.candidates
        if walked and len(self._empty) > len(self.blanks):
            never = self._never_dropped()
            if never:
                walked = list(itertools.filterfalse(never.__contains__, walked))
        # At most one line more than blank lines is between two: worth looking for
        # only when blank lines are many.
        if walked and len(self.blanks) * 4 >= len(walked):
            blank = {-1, *self.blanks, len(self.texts)}
            one = itertools.repeat(1)
            lonely = itertools.compress(
                walked,
                map(
                    operator.and_,
                    map(blank.__contains__, map(operator.sub, walked, one)),
                    map(blank.__contains__, map(operator.add, walked, one)),
                ),
            )
            lines, texts, minimum = list(lonely), self.texts, self.options.min_words
            short = {t: len(t.split()) < minimum for t in set(map(texts.__getitem__, lines))}
            alone = set(
                itertools.compress(lines, map(short.__getitem__, map(texts.__getitem__, lines)))
            )
            if alone:
                walked = [i for i in walked if i not in alone]
        return walked

    def _never_dropped(self) -> set[int]:
        """The lines with an empty skeleton but without a letter or digit ("***") and
        of fewer words than a paragraph compared across the document: the walk keeps
        them whatever comes (a back-to-back block holds none), as it keeps the lines it
        does not look at. (Blank lines are no candidates: they are left out.) Each
        text is judged once: a page of 100,000 "***" lines has one."""
        texts, minimum, lines = self.texts, self.options.min_words, self._empty
        never = {
            text
            for text in self._empty_texts
            if not _HAS_WORD.search(text) and 0 < len(text.split()) < minimum
        }
        if not never:
            return set()
        return set(
            itertools.compress(lines, map(never.__contains__, map(texts.__getitem__, lines)))
        )


class _Group:
    """The kept paragraphs of one skeleton, with their keys computed when first needed:
    most repeats are exact, and then no near key is needed at all."""

    def __init__(self, doc: _SparseDocument, index: int) -> None:
        self.doc = doc
        self.kept = [index]
        self.exact = {doc.exact[index]}
        self.near: set[str] | None = None

    def repeat_of(self, index: int) -> str | None:
        """:meth:`_Document.repeat_of` among the paragraphs of this skeleton."""
        doc = self.doc
        exact = doc.exact[index]
        if exact in self.exact:
            return "exact"
        if doc.options.near:
            if self.near is None:
                self.near = {doc.near[i] for i in self.kept}
            if exact in self.near:
                return "exact"
            near = doc.near[index]
            if near in self.exact or near in self.near:
                return "near"
            self.near.add(near)
        self.exact.add(exact)
        self.kept.append(index)
        return None


def _indexes(items: list[str], value: str) -> list[int]:
    """The indexes of ``value`` in ``items``, in order.

    >>> _indexes(["", "a", "", ""], "")
    [0, 2, 3]
    """
    found: list[int] = []
    index = -1
    with contextlib.suppress(ValueError):
        while True:
            index = items.index(value, index + 1)
            found.append(index)
    return found


def _copies_end(texts: list[str], index: int, size: int) -> int:
    """The first line from ``index + size`` on whose text is not that of the line
    ``size`` before it: where the copies of the block of ``size`` lines at ``index``
    end. Slices of doubling length are compared, so the time is linear in the copies.

    >>> _copies_end(["a", "b", "a", "b", "a", "c"], 0, 2), _copies_end(["a", "b"], 0, 1)
    (5, 1)
    """
    end, step = index + size, size
    while end < len(texts):
        ahead = texts[end : end + step]
        before = texts[end - size : end - size + len(ahead)]
        if ahead != before:
            differs = map(operator.ne, ahead, before)
            return end + next(itertools.compress(itertools.count(), differs))
        end += len(ahead)
        step *= 2
    return end


def _one_paragraph(text: str) -> str | None:
    """The exact key of the only non-blank line of ``text`` ("" when it has none), or
    None when it has more than one.

    >>> _one_paragraph("\\n  قال  إنه \\n\\n"), _one_paragraph(" \\n"), _one_paragraph("أ\\nب")
    ('قال إنه', '', None)
    """
    keys = [key for key in map(exact_key, split_lines(text)[0]) if key]
    return None if len(keys) > 1 else "".join(keys)


def _all_unlike(text: str) -> int | None:
    """The number of paragraphs of ``text`` when the walk would drop none of its lines:
    no two non-blank lines share a skeleton (alike lines would), no line may be a teaser
    or say a sentence twice. None when one might, or when a line break other than LF or
    a wide space asks for the careful way. For a short post of a few paragraphs, one
    encoding is far cheaper than every key of every line.

    >>> _all_unlike("قال الوزير\\n\\nثم ذهب\\n"), _all_unlike("قال الوزير\\nقال الوزیر")
    (2, None)
    """
    image = encode(text)
    notable = image.translate(None, _ALL_BUT_NOTABLE)
    if notable.strip(b"&") or b"..." in image:
        return None
    if notable and WIDE_SPACE_OR_BREAK.search(image):
        return None
    if lines_with_twin_sentences(image.translate(TO_PLAIN_SPACE)):
        return None
    if "\n" not in text:  # one line (a tweet): no other to be like
        return int(bool(text.strip()))
    kept = list(itertools.compress(skeletons(image), map(str.strip, text.split("\n"))))
    return len(kept) if len(set(kept)) == len(kept) else None


def _twin_sentences(key: str) -> bool:
    """Whether two sentences or cells in a row of the exact key ``key`` are the same
    (what :meth:`_Lines._flagged` asks of a line)."""
    parts = (_SEGMENT_OR_LINE if "|" in key else _SENTENCE_END).split(key)
    keys = list(map(str.rstrip, parts[0::2], itertools.repeat(SEGMENT_MARKS)))
    return any(map(operator.eq, keys, keys[1:]))


def _exact_keys(lines: list[str]) -> list[str]:
    """:func:`exact_key` of each of ``lines`` (which hold no line break), by whole-text
    operations on them joined: a line of a million sentences is no million calls.

    >>> _exact_keys([" a  b\\t", "", "c\\xa0 d"])
    ['a b', '', 'c d']
    """
    joined = "\n".join(lines)
    if _OTHER_SPACE.search(joined):
        joined = _OTHER_SPACE.sub(" ", joined)
    return trim_spaces(joined).split("\n")


def _segments(text: str) -> tuple[list[str], list[str]]:
    """The sentences and cells of a line, each with its mark, and what is between them.

    >>> _segments("أ ب. ج د!\\tه | و")
    (['أ ب.', 'ج د!', 'ه', 'و'], [' ', '\\t', ' | '])
    """
    if "|" not in text:  # one split at C speed; it skips from mark to mark
        parts = _SENTENCE_BREAK.split(text)
        pieces = list(map(operator.add, parts[0:-1:3], parts[1::3]))
        pieces.append(parts[-1])
        return pieces, parts[2::3]
    pieces, separators, start = [], [], 0
    for match in _SEGMENT_BREAK.finditer(text):
        end = match.start() + (match[0][0] in SEGMENT_MARKS)  # a mark ends its piece
        pieces.append(text[start:end])
        separators.append(text[end : match.end()])
        start = match.end()
    pieces.append(text[start:])
    return pieces, separators


def _collapse_line(text: str, min_words: int) -> tuple[str, int]:
    """Drop each sentence or cell of ``text`` that repeats the one just before it.

    >>> _collapse_line("قال الوزير إنه سيزور المدينة. قال الوزير إنه سيزور المدينة!", 5)
    ('قال الوزير إنه سيزور المدينة.', 1)
    """
    pieces, separators = _segments(text)
    keys = list(map(str.rstrip, _exact_keys(pieces), itertools.repeat(SEGMENT_MARKS)))
    out, last, collapsed = [pieces[0]], keys[0], 0
    for separator, piece, key in zip(separators, pieces[1:], keys[1:], strict=True):
        if key == last and len(piece.split()) >= min_words:
            collapsed += 1
            continue
        out += (separator, piece)
        last = key
    return ("".join(out), collapsed) if collapsed else (text, 0)
