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

# After NFKD, hamza and madda on a letter, harakat and Latin accents are marks.
_MARKS = re.compile(
    chars.char_class({chars.TATWEEL}, (*chars.ARABIC_MARK_RANGES, chars.LATIN_COMBINING_RANGE))
    + "+"
)
_WORD = re.compile(r"[^\W_]+")
_LINES = re.compile(f"(\\r\\n|{chars.char_class(chars.LINE_BREAKS)})")
_MENU_SPLIT = re.compile(
    f"{chars.char_class(chars.MENU_SEPARATORS)}+|\\s{chars.char_class(chars.BREADCRUMB_SEPARATORS)}+\\s"
)
_NAV_SEPARATOR = re.compile(chars.char_class(chars.NAV_SEPARATORS))
_SEPARATOR_LINE_CHARS = "".join(chars.NAV_SEPARATORS | chars.HORIZONTAL_SPACES) + "-"
_TRACKING = re.compile(r"#ixzz[0-9A-Za-z]{4,}")
_URL = re.compile(r"\S*://\S*|www\.\S*")
_PREFIX_MARKS = ("...", "\N{HORIZONTAL ELLIPSIS}")


def phrase_key(text: str) -> str:
    """The form in which lines and phrases are compared.

    >>> phrase_key("  إقرأ أيضاً :") == phrase_key("اقرا ايضا")
    True
    """
    folded = _MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold()
    return " ".join(_WORD.findall(folded))


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
            return bool(_NAV_SEPARATOR.search(text))
        # A line this long is a paragraph (or a menu): no phrase or footer is.
        words = len(text.split()) if len(text) <= 1000 else 1000
        if words <= MAX_FOOTER_WORDS:
            if text.startswith(chars.COPYRIGHT_SIGN):
                return True
            if "#ixzz" in text and _TRACKING.search(text):
                return len(_URL.sub(" ", text).split()) <= 5
        limit = self.phrases.longest_prefix + MAX_WORDS_AFTER_PREFIX
        if words <= max(limit, 8) and self.phrases.matches(phrase_key(text)):
            return True
        return self._is_menu(text)

    def _is_menu(self, text: str) -> bool:
        if not _NAV_SEPARATOR.search(text):
            return False
        items = [key for key in map(phrase_key, _MENU_SPLIT.split(text)) if key]
        if len(items) < 2:
            return False
        known = sum(self.phrases.matches(item, words_after_prefix=3) for item in items)
        if len(items) == 2:
            return known == 2
        short = sum(len(item.split()) <= MAX_MENU_ITEM_WORDS for item in items)
        return known >= 1 and short >= 0.8 * len(items)

    def apply(self, text: str) -> tuple[str, Counts]:
        parts = _LINES.split(text)  # [line, break, line, break, ..., line]
        kept: list[str] = []
        dropped = 0
        for i in range(0, len(parts), 2):
            if self.is_boilerplate(parts[i]):
                dropped += 1
                continue
            kept.append(parts[i])
            kept.append(parts[i + 1] if i + 1 < len(parts) else "")
        if not dropped:
            return text, {}
        return "".join(kept), counts(lines_removed=dropped)
