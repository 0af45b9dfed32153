"""Tell an Arabic paragraph from a Persian, Urdu or Kurdish one written in Arabic script.

The look-alike letters (ی ک ھ ...) are errors in Arabic and correct spelling in
Persian and Urdu, so the letter filters only act where a paragraph is Arabic. The
decision counts evidence on both sides and abstains on a tie: when unsure, keep.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable

from arclean import chars, wordlists
from arclean.filters.diacritics import remove_diacritics
from arclean.filters.folding import Alef, AlefMaksura, HamzaSeats, TehMarbuta
from arclean.filters.unicode import nfc, replace_presentation_forms
from arclean.scan import any_of, lines_holding

# A word: a run of letters ("[L][L]*" rather than "[L]+": re scans fast only when the
# first item is a plain class). The decision finds only the words that are function
# words (_function_word); tests check it against this definition.
_LETTER_RUN = re.compile(chars.char_class(ranges=chars.ARABIC_LETTER_RANGES) * 2 + "*")
_NOISE = re.compile(
    chars.char_class(
        chars.INVISIBLE | {chars.TATWEEL, chars.ZERO_WIDTH_JOINER}, chars.ARABIC_MARK_RANGES
    )
)
_PRESENTATION_FORM = re.compile(chars.char_class(map(chr, chars.PRESENTATION_FORMS)))
# Fold what the letter filters may change (look-alikes, and every pair the search
# preset's folds map: alef variants, alef maksura, hamza seats, teh marbuta and the
# Urdu ۃ), so the decision is the same before and after any of them: cleaning stays
# idempotent. (No pair maps to a letter another pair maps from: the order is free.)
_FOLD = (
    (chars.FARSI_YEH, chars.YEH),
    (chars.KEHEH, chars.KAF),
    *(pair for fold in (AlefMaksura, HamzaSeats, Alef, TehMarbuta) for pair in fold.FOLDS),
)
_NON_ARABIC = "".join(sorted(chars.NON_ARABIC_LETTERS))
# A ZWNJ between two letters; the lookbehind after it, so re jumps from one to the next.
_JOINED_ZWNJ = re.compile(
    f"{chars.ZERO_WIDTH_NON_JOINER}(?<=\\w{chars.ZERO_WIDTH_NON_JOINER})(?=\\w)"
)
_DEFINITE = "\N{ARABIC LETTER ALEF}\N{ARABIC LETTER LAM}"  # U+0627 U+0644 the article ال
# A word of four letters or more that begins with the article.
_LETTER = chars.char_class(ranges=chars.ARABIC_LETTER_RANGES)
# Written to start with the article itself, so re jumps from one ال to the next:
# (?<!L)الLL, with the lookbehind moved after the article (measured 1.6 against 4.0 us
# a paragraph).
_DEFINITE_WORD = re.compile(f"{_DEFINITE}(?<!{_LETTER}{_DEFINITE}){_LETTER}{{2}}")
# Each function word's weight in the decision: Arabic ones count for, Persian ones
# against, so one pass over the words gives both sides (the lists share no word, and
# a word in both would weigh nothing, as it adds 3 to each side).
_WORD_WEIGHTS = {
    word: 3 * (word in wordlists.ARABIC_FUNCTION_WORDS)
    - 3 * (word in wordlists.PERSIAN_FUNCTION_WORDS)
    for word in wordlists.ARABIC_FUNCTION_WORDS | wordlists.PERSIAN_FUNCTION_WORDS
}


def _trie(words: Iterable[str], depth: int = 0) -> str:
    """A pattern for ``words`` (which share their first ``depth`` letters) whose
    alternatives branch letter by letter, as re tries the alternatives of a group one
    after the other; the longer word first, so that backtracking finds the shorter.

    >>> _trie(["قد", "قال", "قالت"])
    'ق(?:ال(?:ت|)|د)'
    """
    rests: dict[str, list[str]] = {}
    whole = False
    for word in words:
        if len(word) == depth:
            whole = True
        else:
            rests.setdefault(word[depth], []).append(word)
    branches = [re.escape(c) + _trie(rest, depth + 1) for c, rest in sorted(rests.items())]
    if whole:
        branches.append("")
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


@functools.cache
def _function_word() -> re.Pattern[str]:
    """A character other than a letter, then a function word that is a whole run of
    letters: in " " + text, the words of ``_LETTER_RUN`` that are function words, found
    without making a string of every word (measured 4.3 against 6.1 us a paragraph).
    Compiled when first needed, to keep import time short."""
    return re.compile(f"[^{_LETTER[1:-1]}]({_trie(_WORD_WEIGHTS)})(?!{_LETTER})")


@functools.cache
def _persian_word() -> re.Pattern[str]:
    """Like ``_function_word``, for the Persian function words alone: with half the
    first letters to try at each word, a search costs 2.8 against 4.2 us a paragraph."""
    trie = _trie(wordlists.PERSIAN_FUNCTION_WORDS)
    return re.compile(f"[^{_LETTER[1:-1]}]{trie}(?!{_LETTER})")


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
        text = text.translate(chars.PRESENTATION_FORMS)  # a line: translate is fine
    if not unicodedata.is_normalized("NFC", text):
        text = nfc(text)
    return _NOISE.sub("", text).replace(chars.ZERO_WIDTH_NON_JOINER, " ")


def _folded_words(paragraph: str, bare: str) -> str:
    """The paragraph's skeleton (``bare``) with the search folds that can make or unmake
    a word of the lists: dagger alefs resolved as the diacritics filter does, ة as ه."""
    if chars.SUPERSCRIPT_ALEF in paragraph:
        bare = skeleton(remove_diacritics(paragraph))
    return _fold(bare)


def _fold(bare: str) -> str:
    for variant, letter in _FOLD:  # str.translate is slow on Arabic text
        if variant in bare:
            bare = bare.replace(variant, letter)
    return bare


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
    bare = skeleton(paragraph)
    # Words as the search preset's folds leave them too (a dagger alef written out,
    # ة as ه): a word those folds turn into a function word (ذٰ ... هذٰا, هذة) counts
    # already, so that cleaning the folded text again decides as the first time did.
    return _decide(paragraph, bare, _folded_words(paragraph, bare))


def _languages(paragraphs: list[str], memory: Decisions | None = None) -> list[Language]:
    """``paragraph_language`` of each paragraph (none holding a LF), with the skeletons
    and folds made in one go over all of them: a few calls over the joined paragraphs
    cost less than a dozen calls for each (every step leaves a LF alone, and none
    reaches across one).

    A paragraph that comes again is decided once, here or, with ``memory``, in an
    earlier call (a text of short repeated lines costs no more than its distinct lines).

    >>> [x.value for x in _languages(["وزیر الخارجیة", "این یک کتاب است", "کتاب"])]
    ['arabic', 'other', 'unsure']
    """
    distinct = dict.fromkeys(paragraphs)
    known = {} if memory is None else memory.known
    # (get, not a test and an index: a run's state may be shared by threads)
    decided = {p: language for p in distinct if (language := known.get(p)) is not None}
    new = [p for p in distinct if p not in decided]
    if new:
        fresh = dict(zip(new, _decide_all(new), strict=True))
        decided.update(fresh)
        if memory is not None:
            memory.remember(fresh)
    return [decided[paragraph] for paragraph in paragraphs]


# The key of a run's Decisions in the state a pipeline passes its filters.
DECISIONS = "language-decisions"


class Decisions:
    """Decisions already made, by paragraph, for the filters of one run to share.

    invisible and lookalikes ask about the same lines of a Persian text (a ZWNJ and a
    ی in each), and a decision costs microseconds a line: the second asks for free.
    Only short paragraphs (``longest`` characters or fewer) are kept, where that cost
    counts, and the memory starts over when it would hold more than ``characters``:
    a few megabytes at most, and a text gets the same decisions as without it.

    >>> memory = Decisions()
    >>> [x.value for x in _languages(["في", "اين از"], memory)]
    ['arabic', 'other']
    >>> sorted(memory.known) == ["اين از", "في"]
    True
    """

    def __init__(self, longest: int = 200, characters: int = 1 << 20) -> None:
        self.known: dict[str, Language] = {}
        self.longest = longest
        self.characters = characters
        self.held = 0  # characters of the paragraphs known

    def remember(self, fresh: dict[str, Language]) -> None:
        """Keep the decisions on the short paragraphs of ``fresh``, as many as fit,
        after starting over if they would not all fit."""
        short = {p: language for p, language in fresh.items() if len(p) <= self.longest}
        if self.held + sum(map(len, short)) > self.characters:
            self.known.clear()
            self.held = 0
        for paragraph, language in short.items():
            if self.held + len(paragraph) <= self.characters:
                self.known[paragraph] = language
                self.held += len(paragraph)


def _decide_all(paragraphs: list[str]) -> list[Language]:
    """``paragraph_language`` of each of the distinct ``paragraphs``, in one go."""
    joined = "\n".join(paragraphs)
    bare = replace_presentation_forms(joined)
    if not unicodedata.is_normalized("NFC", bare):
        bare = nfc(bare)
    bare = _NOISE.sub("", bare).replace(chars.ZERO_WIDTH_NON_JOINER, " ")
    non_arabic = "".join(letter for letter in _NON_ARABIC if letter in bare)
    bares = bare.split("\n")
    folds = _fold(bare).split("\n")
    if not len(bares) == len(folds) == len(paragraphs):  # a paragraph held a LF after all
        return [paragraph_language(paragraph) for paragraph in paragraphs]
    return [
        _decide(
            paragraph,
            bare,
            _folded_words(paragraph, bare) if chars.SUPERSCRIPT_ALEF in paragraph else folded,
            non_arabic,
        )
        for paragraph, bare, folded in zip(paragraphs, bares, folds, strict=True)
    ]


def _decide(paragraph: str, bare: str, folded: str, non_arabic: str = _NON_ARABIC) -> Language:
    """The decision on a paragraph, its skeleton and its folded skeleton; the letters
    Arabic lacks are looked for among ``non_arabic`` only."""
    against = (
        len(_JOINED_ZWNJ.findall(paragraph)) if chars.ZERO_WIDTH_NON_JOINER in paragraph else 0
    )
    for letter in non_arabic:  # an `in` for each rare letter beats a regex pass
        if letter in bare:
            against += 2 * bare.count(letter)
    teh_marbuta = 2 * bare.count(chars.TEH_MARBUTA)
    if teh_marbuta and not against and _persian_word().search(" " + folded) is None:
        return Language.ARABIC  # evidence for and none against: the rest would only add
    # The Arabic evidence less the other: its sign decides.
    score = teh_marbuta - against
    score += sum(map(_WORD_WEIGHTS.__getitem__, _function_word().findall(" " + folded)))
    if score > 0:  # decided already: article words would only add to it
        return Language.ARABIC
    score += len(_DEFINITE_WORD.findall(folded))
    if score > 0:
        return Language.ARABIC
    if score < 0:
        return Language.OTHER
    return Language.UNSURE


def map_arabic_paragraphs(
    text: str,
    needs: str,
    change: Callable[[str], str],
    *,
    together: bool = False,
    memory: Decisions | None = None,
    judge: Callable[[str], str] | None = None,
) -> tuple[str, int]:
    """Apply ``change`` to each paragraph (line) that holds any of the characters
    ``needs`` and that is judged Arabic; return the text and how many paragraphs changed.

    A paragraph is a line at every break the whitespace filter knows, so a decision never
    changes when whitespace turns a CR into a LF.

    With ``together``, ``change`` gets all those paragraphs at once, joined by LF: one
    call instead of one a paragraph, for a change that works within each line and
    never adds or removes a LF. ``memory`` keeps decisions for the other filters of
    the same run (see :class:`Decisions`). With ``judge``, each paragraph is judged as
    ``judge`` leaves it (as the filters after the caller will: a placeholder inside a
    word goes, and the word it joins may decide), and changed as it is.

    >>> map_arabic_paragraphs("قال إن الوزير\\rکتاب", "یک", str.upper)
    ('قال إن الوزير\\rکتاب', 0)
    >>> map_arabic_paragraphs("x\\nوزیر الخارجیة", "ی", lambda s: s.replace("ی", "ي"))
    ('x\\nوزير الخارجية', 1)
    """
    spans = lines_holding(text, needs)
    if spans is None:  # most lines hold one, and every break is a LF
        return _map_arabic_lines(text, needs, change, together, memory, judge)
    lines = [text[start:end] for start, end in spans]
    chosen = [
        (span, line)
        for span, line, language in zip(spans, lines, _judged(lines, memory, judge), strict=True)
        if language is Language.ARABIC
    ]
    if not chosen:
        return text, 0
    changed = _changed([line for _, line in chosen], change, together)
    out: list[str] = []
    done = 0
    for ((start, end), _), new in zip(chosen, changed, strict=True):
        out += (text[done:start], new)
        done = end
    out.append(text[done:])
    return "".join(out), len(chosen)


def _map_arabic_lines(
    text: str,
    needs: str,
    change: Callable[[str], str],
    together: bool,
    memory: Decisions | None,
    judge: Callable[[str], str] | None = None,
) -> tuple[str, int]:
    """:func:`map_arabic_paragraphs` for a text whose only break is LF and whose lines
    mostly hold one of ``needs``: each distinct line is searched, judged and changed
    once, and the text rebuilt line for line (a megabyte of "ی\\n" costs a split and a
    join, not a span, a slice and a look-up for each of its 333,333 lines).

    >>> fix = lambda s: s.replace("ی", "ي")
    >>> _map_arabic_lines("في علی\\nx\\nفي علی", "ی", fix, True, None)
    ('في علي\\nx\\nفي علي', 2)
    """
    lines = text.split("\n")
    holding = list(filter(any_of(needs).search, dict.fromkeys(lines)))
    arabic = [
        line
        for line, language in zip(holding, _judged(holding, memory, judge), strict=True)
        if language is Language.ARABIC
    ]
    if not arabic:
        return text, 0
    new = dict(zip(arabic, _changed(arabic, change, together), strict=True))
    return "\n".join(map(new.get, lines, lines)), sum(map(new.__contains__, lines))


def _judged(
    lines: list[str], memory: Decisions | None, judge: Callable[[str], str] | None
) -> list[Language]:
    """The language of each of ``lines``, judged as ``judge`` leaves it, if given."""
    return _languages(lines if judge is None else _changed(lines, judge, True), memory)


def _changed(lines: list[str], change: Callable[[str], str], together: bool) -> list[str]:
    """``change`` applied to each of ``lines``: with ``together``, in one call on the
    lines joined by LF, unless the change made or removed a LF."""
    if together:
        changed = change("\n".join(lines)).split("\n")
        if len(changed) == len(lines):
            return changed
    return [change(line) for line in lines]
