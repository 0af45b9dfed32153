"""Remove whole lines of site furniture: share buttons, related-link headers, footers.

Only whole lines go, never words inside a sentence. A line is furniture when, after
normalisation (case, diacritics, tatweel, hamza on alef, punctuation and spacing set
aside), it is one of the phrases of the list (``شارك``, ``اقرأ أيضا:``), or starts with
one marked as a prefix and goes on for a few words (``تابعونا على فيسبوك``); when it is
a menu of short items with such a phrase among them (``اتصل بنا | سياسة الخصوصية``);
when it holds only menu separators (``| |``, ``»``); when it is a copyright line
(``© 2022 ...``) or a copy-paste tracking footer (``رابط الموضوع: https://...#ixzz73TU``).

The phrase list ships in ``arclean/data/boilerplate.txt``; a file of the same format
extends it (``phrase_file``) or replaces it (``builtin=False``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from arclean import chars, io
from arclean.filters.base import Counts, Filter, counts

# A line that starts with a prefix phrase may go on for this many words more.
MAX_WORDS_AFTER_PREFIX = 20
# Items of a menu line are short; a line with longer items is prose with bars in it.
MAX_MENU_ITEM_WORDS = 6
# A copyright line or a tracking footer is a short line, not a paragraph.
MAX_FOOTER_WORDS = 25


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """A pattern compiled on first use: importing arclean compiles none of these."""
    return re.compile(pattern)


# After NFKD, hamza and madda on a letter, harakat and Latin accents are marks.
_MARKS = (
    chars.char_class({chars.TATWEEL}, (*chars.ARABIC_MARK_RANGES, chars.LATIN_COMBINING_RANGE))
    + "+"
)
_WORD = r"[^\W_]+"
# A line break, "\r\n" as one. The class comes first: the regex engine skips straight
# from one break to the next.
_LINES = f"({chars.char_class(chars.LINE_BREAKS)}(?:(?<=\\r)\\n)?)"
_OTHER_BREAKS = tuple(sorted(chars.LINE_BREAKS - {"\n"}))
_BREADCRUMB = chars.char_class(chars.BREADCRUMB_SEPARATORS)
_MENU_SPLIT = f"{chars.char_class(chars.MENU_SEPARATORS)}+|\\s{_BREADCRUMB}+\\s"
_NAV_SEPARATOR = chars.char_class(chars.NAV_SEPARATORS)
_SEPARATOR_LINE_CHARS = "".join(chars.NAV_SEPARATORS | chars.HORIZONTAL_SPACES) + "-"
_TRACKING = r"#ixzz[0-9A-Za-z]{4,}"
_URL = r"\S*://\S*|www\.\S*"
_PREFIX_MARKS = ("...", "\N{HORIZONTAL ELLIPSIS}")
# What a line's first word may follow: spaces and ASCII punctuation, which no phrase key
# holds. The word is read from the token after them.
_LEAD = r"[\s!-/:-@\[-`{-~]*(\S*)"
# The first word of a token with no word in its key, unknown: " " is no phrase's first
# word, so the line is always read.
_UNKNOWN = " "
# Signs of a footer, wherever they stand in a line: the copyright sign (a line may start
# with one glued to a word: "©2024"), the tracking footer's anchor.
_FOOTER_SIGNS = (chars.COPYRIGHT_SIGN, "#ixzz")
# Where _MENU_SPLIT may split a line, starting with the separator itself so the regex
# engine skips from one separator to the next. A menu has two items at least, so a line
# without one is no menu.
_MENU_POINT = (
    f"{chars.char_class(chars.NAV_SEPARATORS)}(?:(?<={chars.char_class(chars.MENU_SEPARATORS)})"
    f"|(?<=\\s{_BREADCRUMB}){_BREADCRUMB}*\\s)"
)


def phrase_key(text: str) -> str:
    """The form in which lines and phrases are compared.

    >>> phrase_key("  إقرأ أيضاً :") == phrase_key("اقرا ايضا")
    True
    """
    folded = _compiled(_MARKS).sub("", unicodedata.normalize("NFKD", text)).casefold()
    return " ".join(_compiled(_WORD).findall(folded))


@functools.lru_cache(maxsize=1 << 14)
def _first_word(token: str) -> str:
    """The first word of a token's phrase key; "" for no token, :data:`_UNKNOWN` for a
    token whose key has no word, when the line's first word is in a later token.

    Keys are made character by character (NFKD, marks, case) and words never cross a
    space, so the first word of a line's key is that of its first token with a word.

    >>> _first_word("«إقرأ"), _first_word("»"), _first_word(""), _first_word("READ")
    ('اقرا', ' ', '', 'read')
    """
    if token.isascii() and token.isalnum():  # a plain word or number (a table's cells)
        return token.lower()  # is its own key, in lower case
    word = phrase_key(token).split(" ", 1)[0]
    return word if word or not token else _UNKNOWN


def _lines(text: str) -> list[str]:
    """The lines of the text, without their line breaks."""
    if any(other in text for other in _OTHER_BREAKS):
        return _compiled(_LINES).split(text)[::2]
    return text.split("\n")  # the same lines, many times faster


@dataclass(frozen=True)
class PhraseList:
    """Normalised phrases: ``whole`` match whole lines, ``prefixes`` line starts."""

    whole: frozenset[str] = frozenset()
    prefixes: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, text: str) -> PhraseList:
        """Read the phrase-file format: one phrase a line, ``...`` marks a prefix.

        >>> PhraseList.parse("# comment\\nشارك\\nتابعونا على ...\\n").prefixes
        frozenset({'تابعونا على'})
        """
        whole: set[str] = set()
        prefixes: set[str] = set()
        for raw in text.splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            is_prefix = line.endswith(_PREFIX_MARKS)
            key = phrase_key(line.removesuffix("...").rstrip("\N{HORIZONTAL ELLIPSIS}"))
            if key:
                (prefixes if is_prefix else whole).add(key)
        return cls(frozenset(whole), frozenset(prefixes))

    def __or__(self, other: PhraseList) -> PhraseList:
        return PhraseList(self.whole | other.whole, self.prefixes | other.prefixes)

    @functools.cached_property
    def longest_prefix(self) -> int:
        return max((len(p.split()) for p in self.prefixes), default=0)

    @functools.cached_property
    def first_words(self) -> frozenset[str]:
        """The first word of every phrase: a line's key starts with one to match."""
        return frozenset(phrase.split(" ", 1)[0] for phrase in self.whole | self.prefixes)

    def matches(self, key: str, *, words_after_prefix: int = MAX_WORDS_AFTER_PREFIX) -> bool:
        """Whether a normalised line is one of the phrases, or starts with a prefix."""
        if key in self.whole:
            return True
        words = key.split()
        for n in range(1, min(len(words), self.longest_prefix) + 1):
            if len(words) - n <= words_after_prefix and " ".join(words[:n]) in self.prefixes:
                return True
        return False


@functools.cache
def builtin_phrases() -> PhraseList:
    """The phrase list shipped with arclean (``arclean/data/boilerplate.txt``)."""
    data = resources.files("arclean").joinpath("data", "boilerplate.txt")
    return PhraseList.parse(data.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=16)
def load_phrases(phrase_file: str = "", builtin: bool = True) -> PhraseList:
    """The built-in phrases (unless ``builtin`` is false) and those of ``phrase_file``.

    Read once per process for each file; a file that cannot be read raises
    :class:`arclean.InputError`.
    """
    phrases = builtin_phrases() if builtin else PhraseList()
    if phrase_file:
        phrases = phrases | PhraseList.parse(io.decode(io.read_bytes(phrase_file), phrase_file))
    return phrases


def remove_boilerplate(text: str) -> str:
    """Remove whole lines of site furniture.

    >>> remove_boilerplate("نص المقال\\nاقرأ أيضاً:\\nشارك الرئيس في القمة\\nشارك\\n")
    'نص المقال\\nشارك الرئيس في القمة\\n'
    """
    return Boilerplate().apply(text)[0]


@dataclass(frozen=True)
class Boilerplate(Filter):
    """Remove whole lines that are site furniture; never words inside a sentence.

    ``phrase_file`` names a file of phrases that extends the built-in list, or
    replaces it when ``builtin`` is false. A file that cannot be read raises
    :class:`arclean.InputError` when the filter is made; a file is read once per process.
    """

    phrase_file: str = ""
    builtin: bool = True

    name = "boilerplate"
    description = "Remove whole lines of site furniture: share, read-also, follow-us, copyright."
    example = "نص المقال\nاقرأ أيضاً:\nشارك\nجميع الحقوق محفوظة © 2024"
    lossless = True

    def __post_init__(self) -> None:
        load_phrases(self.phrase_file, self.builtin)  # a bad path fails here, not later

    @property
    def phrases(self) -> PhraseList:
        """The phrases this filter removes lines of."""
        return load_phrases(self.phrase_file, self.builtin)

    def is_boilerplate(self, line: str) -> bool:
        """Whether one line (without its line break) is site furniture."""
        text = line.strip()
        if not text:
            return False
        if not text.strip(_SEPARATOR_LINE_CHARS):
            return bool(_compiled(_NAV_SEPARATOR).search(text))
        # A line this long is a paragraph (or a menu): no phrase or footer is. Words are
        # runs of letters and digits, which the punctuation filter's spacing (it takes
        # the space before a mark) does not change: a second run judges the same.
        words = len(_compiled(_WORD).findall(text)) if len(text) <= 1000 else 1000
        if words <= MAX_FOOTER_WORDS:
            if text.startswith(chars.COPYRIGHT_SIGN):
                return True
            if "#ixzz" in text and _compiled(_TRACKING).search(text):
                return len(_compiled(_WORD).findall(_compiled(_URL).sub(" ", text))) <= 5
        limit = self.phrases.longest_prefix + MAX_WORDS_AFTER_PREFIX
        if words <= max(limit, 8) and self.phrases.matches(phrase_key(text)):
            return True
        return self._is_menu(text)

    def _is_menu(self, text: str) -> bool:
        if not _compiled(_NAV_SEPARATOR).search(text):
            return False
        items = [key for key in map(phrase_key, _compiled(_MENU_SPLIT).split(text)) if key]
        if len(items) < 2:
            return False
        known = sum(self.phrases.matches(item, words_after_prefix=3) for item in items)
        if len(items) == 2:
            return known == 2
        short = sum(len(item.split()) <= MAX_MENU_ITEM_WORDS for item in items)
        return known >= 1 and short >= 0.8 * len(items)

    def apply(self, text: str) -> tuple[str, Counts]:
        lines = _lines(text)
        # Each line is judged once, however often it comes (a page of "|" lines); the
        # lines of prose, few for their length, are not worth hashing to find copies.
        distinct = list(dict.fromkeys(lines)) if len(lines) * 64 > len(text) else lines
        # Only these lines can be furniture: those that start with a phrase's first word
        # (or may: see _first_word), those with a footer's sign, and menus. A line of
        # separators alone has no word, or a menu separator.
        tokens = [match[1] for match in map(_compiled(_LEAD).match, distinct) if match]
        words = list(map(_first_word, tokens))
        starts = self.phrases.first_words.union([_UNKNOWN]).intersection(words)
        candidates = {line for line, word in zip(distinct, words, strict=True) if word in starts}
        for sign in _FOOTER_SIGNS:
            if sign in text:
                candidates.update(line for line in distinct if sign in line)
        menu_point = _compiled(_MENU_POINT).search
        if menu_point(text):
            candidates.update(line for line in distinct if menu_point(line))
        dropped = {line for line in candidates if self.is_boilerplate(line)}
        if not dropped:
            return text, {}
        parts = _compiled(_LINES).split(text)  # [line, break, line, break, ..., line]
        # A line goes with its break: part i belongs to the line at i - i % 2.
        kept = [part for i, part in enumerate(parts) if parts[i - i % 2] not in dropped]
        return "".join(kept), counts(lines_removed=sum(map(dropped.__contains__, lines)))
