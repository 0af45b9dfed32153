"""The repeats filter's shortcuts for one document: skeletons, keys computed only for the
lines that may repeat another, sentence heads. Whatever they skip, the result must be
the careful way's (every key of every line), which the stream scopes use."""

from __future__ import annotations

import itertools
import sys
import unicodedata
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arclean import chars
from arclean.filters import Repeats
from arclean.filters.codepage import (
    CODEPAGE_CHARS,
    WIDE_SPACES,
    encode,
    line_skeleton,
    lines_with_twin_sentences,
    near_keys,
    plain_image,
    skeleton_digits,
)
from arclean.filters.paragraph_keys import (
    FOLDS,
    SEGMENT_MARKS,
    exact_key,
    fold,
    near_key,
    split_lines,
    trim_spaces,
)
from arclean.filters.repeats import (
    _apply_carefully,
    _apply_sparsely,
    _Document,
    _drop,
    _SparseDocument,
)

OPTIONS: list[dict[str, Any]] = [{}, {"near": False}, {"min_words": 1}, {"min_words": 3}]

LONG = "قال الوزير إن الحكومة ستعمل على تحسين الخدمات"
SHORT = "قال الوزير إن الحكومة ستعمل"  # five words: compared across the document
SHORT2 = "وأضاف أن الخطة تشمل المدارس"
VERSE = "يا ليل الصب متى غده\nأقيام الساعة موعده\nرقد السمار فأرقه\n"
OTHER = "وأضاف أن الخطة تشمل بناء مدارس جديدة في المدينة"
TEASER = "قال الوزير إن الحكومة ستعمل"  # LONG's first five words


class _EveryLine(_Document):
    """The careful way without its copy shortcuts: the walk looks at every line."""

    def copies(self, index: int) -> int:
        return 0

    def block_copies(self, index: int, size: int) -> int:
        return 0


def _same_as_careful(text: str, **options: Any) -> tuple[str, dict[str, int]]:
    """The document scope's result with its shortcuts (short text or not), after
    checking it against the careful way's, and that against a walk of every line."""
    repeats = Repeats(**options)
    fast = _apply_sparsely(repeats, text)
    assert fast == _apply_carefully(repeats, text) == repeats.apply(text)
    assert fast == _drop(text, _EveryLine(text, repeats, set()))
    return fast


# --- Random documents from a small alphabet: every rule fires often ------------------

# Words with the variants the near key folds (marks, tatweel, letter forms, digit
# systems, case, ZWNJ), words without Arabic letters, and the characters the code page
# lacks (an emoji, a lone surrogate, VEH...).
WORDS = [
    "قال",
    "قالَ",
    "الوزير",
    "الوزیر",
    "إن",
    "ان",
    "أن",
    "الحكومة",
    "الحكومه",
    "الحکومة",
    "على",
    "علي",
    "ســتعمل",
    "٢٠٢٤",
    "2024",
    "Hello",
    "HELLO",
    "ب",
    "في",
    "\u200cمن",
    "İs",
    "Σ",
    "😀",
    "\udc80",
    "ڤ",
    "ٱ",
    "ۃ",
    "۱۲",
    "x",
]
MARKS = ["", "", ".", "!", "?", "؟", "…", "...", "،", ":", "]", " [...]", "..", " .", " |", " ||"]
SPACES = [" ", " ", " ", " ", "  ", "\t", "\xa0", " \t ", "\x1f"]
BREAKS = ["\n", "\n", "\n", "\n\n", "\r\n", "\n \n", "\u2028", "\r", "\n\t\n"]

words = st.sampled_from(WORDS)
spaces = st.sampled_from(SPACES)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    parts = draw(st.lists(words, min_size=1, max_size=7))
    text = parts[0]
    for part in parts[1:]:
        text += draw(spaces) + part
    return text + draw(st.sampled_from(MARKS))


@st.composite
def lines(draw: st.DrawFn, pool: list[str]) -> str:
    kind = draw(st.sampled_from(["pool", "pool", "teaser", "doubled", "odd", "new", "new"]))
    if kind == "pool" and pool:
        line = draw(st.sampled_from(pool))
        if draw(st.booleans()):
            line = line.replace("ي", "ى").replace("ة", "ه")
        if draw(st.booleans()):
            line = draw(spaces) + line + draw(spaces)
        return line
    if kind == "teaser" and pool:
        cut = draw(st.sampled_from(pool)).split()
        cut = cut[: max(1, len(cut) - draw(st.integers(0, 3)))]
        return " ".join(cut) + draw(st.sampled_from(["...", "…", " [...]", " […]"]))
    if kind == "doubled":  # "X. X." and "X | X" inside a line
        sentence = draw(sentences())
        separator = draw(st.sampled_from([" ", "  ", " | ", " || ", "\t", ". "]))
        return sentence + separator + sentence + draw(st.sampled_from(["", ".", "..", "!"]))
    if kind == "odd":
        return draw(st.sampled_from(["***", "* * *", "", " ", "...", ". . .", "x. . . y", "| |"]))
    return " ".join(draw(st.lists(sentences(), min_size=1, max_size=3)))


@st.composite
def documents(draw: st.DrawFn) -> str:
    pool: list[str] = []
    out: list[str] = []
    for _ in range(draw(st.integers(1, 20))):
        kind = draw(st.sampled_from(["line", "line", "line", "verse", "block"]))
        if kind == "verse":  # four or more short lines without sentence punctuation
            for _ in range(draw(st.integers(3, 5))):
                out.append(" ".join(draw(st.lists(words, min_size=3, max_size=5))))
        elif kind == "block" and out:  # the last lines again, back to back, and again
            out += out[-draw(st.integers(1, min(4, len(out)))) :] * draw(st.integers(1, 3))
        else:
            line = draw(lines(pool))
            out.append(line)
            if draw(st.booleans()):
                pool.append(line)
    return "".join(line + draw(st.sampled_from(BREAKS)) for line in out)


@given(documents())
def test_shortcuts_give_the_careful_result(text: str) -> None:
    for options in OPTIONS:
        _same_as_careful(text, **options)


@given(st.text(alphabet=st.sampled_from("بتل اوي.!… |\n\t\xa0"), max_size=60))
def test_shortcuts_give_the_careful_result_on_tiny_alphabets(text: str) -> None:
    for options in OPTIONS:
        _same_as_careful(text, **options)


# --- Skeletons: every kind of repeat keeps them --------------------------------------

one_line = st.text(
    alphabet=st.characters(blacklist_characters=sorted(chars.LINE_BREAKS | {"\n"})),
    max_size=40,
)
arabic_line = st.text(
    alphabet=st.sampled_from("".join(WORDS) + "ًٌٍَُِّْـ.،؛؟!… \t\xa0\u200b\u200f"), max_size=40
)


def _letters_and_digits(key: str, digits: bool) -> str:
    """What a skeleton keeps of a near key, written out by hand."""
    return "".join(
        c
        for c in key
        if unicodedata.category(c) == "Lo" or "a" <= c <= "z" or (digits and "0" <= c <= "9")
    )


@given(st.one_of(one_line, arabic_line))
def test_equal_keys_have_equal_skeletons(line: str) -> None:
    # A document chooses once whether its skeletons keep digits; so does this test.
    digits = skeleton_digits(encode(line))
    skeleton = line_skeleton(line, digits)
    assert line_skeleton(_letters_and_digits(near_key(line), digits), digits) == skeleton
    assert line_skeleton(exact_key(line), digits) == skeleton


@given(st.one_of(one_line, arabic_line), st.one_of(one_line, arabic_line))
def test_the_skeleton_of_a_beginning_begins_the_skeleton(head: str, tail: str) -> None:
    # So a teaser's skeleton begins the skeleton of a paragraph its near key begins.
    digits = skeleton_digits(encode(head + tail))
    assert line_skeleton(head + tail, digits) == (
        line_skeleton(head, digits) + line_skeleton(tail, digits)
    )


@pytest.mark.parametrize("digits", [False, True])
def test_every_character_keeps_its_skeleton_through_the_near_key(digits: bool) -> None:
    # Every code point but the line breaks, one a line, folded as the careful way folds
    # a document: what holds for each character holds for any text of them. Digits are
    # kept only in a text without references, so only of the code page's characters.
    breaks = chars.LINE_BREAKS | {"\n"}
    every = [chr(c) for c in range(sys.maxunicode + 1) if chr(c) not in breaks]
    if digits:
        every = [c for c in every if c in CODEPAGE_CHARS]
    folded = [" ".join(f.split()) for f in fold("\n".join(every)).split("\n")]
    assert folded[every.index("A")] == near_key("A") == "a"
    skeletons = line_skeleton("\n".join(every), digits).split(b"\n")
    kept = [_letters_and_digits(f, digits) for f in folded]
    assert line_skeleton("\n".join(kept), digits).split(b"\n") == skeletons
    # At most one letter or digit each: Arabic ones, a to z, 0 to 9.
    assert all(len(s) <= 1 for s in skeletons)
    assert all(k for s, k in zip(skeletons, kept, strict=True) if s)
    if digits:  # a character the page lacks is a reference, and has no skeleton
        assert all(s for s, k in zip(skeletons, kept, strict=True) if k)
    assert sum(map(bool, kept)) > 60
    assert line_skeleton("A.b 123", digits) == (b"ab123" if digits else b"ab")
    assert line_skeleton("A.b 123 é") == b"ab"  # é is a reference: letters only


def test_a_reference_keeps_its_digits_out_of_the_skeletons() -> None:
    # "&#1;" is how the code page writes a character it lacks: not the digit 1.
    assert line_skeleton("باب 1") == encode("باب1")
    assert line_skeleton("باب 1 😀") == line_skeleton("باب 1 &#1;") == encode("باب")
    text = "1\n2\n3\n1\n"
    doc = _SparseDocument.of(text, Repeats(min_words=1))
    assert doc is not None and doc.candidates == [0, 3]  # only the two lines "1"
    assert _same_as_careful(text, min_words=1)[0] == "1\n2\n3\n"


def test_every_space_is_a_plain_one_a_line_break_or_a_wide_space() -> None:
    # A space the code page lacks must be found (the sentence heads read plain spaces).
    spaces = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert spaces - set(CODEPAGE_CHARS) <= set(WIDE_SPACES) | chars.LINE_BREAKS
    for space in WIDE_SPACES:
        assert _SparseDocument.of(f"{LONG}{space}{OTHER}", Repeats()) is None


def test_code_page_holds_each_character_once_and_every_fold() -> None:
    assert len(set(CODEPAGE_CHARS)) == 256
    for c in (*FOLDS, *FOLDS.values(), *SEGMENT_MARKS, "|", "]", "\n", "\xa0", "\t"):
        assert len(encode(c)) == 1, c
    assert encode("٢٠٢٤ ی") == bytes(CODEPAGE_CHARS.index(c) for c in "٢٠٢٤ ی")
    assert encode("😀") == b"&#128512;"


# --- What the shortcuts skip ----------------------------------------------------------


def test_lines_that_share_no_skeleton_get_no_key() -> None:
    text = "\n".join(f"{LONG} {word} نهاية." for word in ("بحر", "جبل", "سهل", "نهر")) + "\n"
    doc = _SparseDocument.of(text, Repeats())
    assert doc is not None
    assert doc.candidates == [] and doc.blanks == [4]
    assert len(doc.exact) == len(doc.near) == 0  # nothing was computed per line
    assert _same_as_careful(text) == (text, {"paragraphs_seen": 4})


def test_only_the_lines_that_share_a_skeleton_are_candidates() -> None:
    text = f"{LONG}\n{OTHER}\n\n{LONG.replace('ي', 'ى')}.\n***\nنص آخر\n***\n"
    doc = _SparseDocument.of(text, Repeats())
    assert doc is not None
    assert doc.candidates == [0, 3, 4, 6] and doc.blanks == [2, 7]
    assert _same_as_careful(text)[0] == f"{LONG}\n{OTHER}\n\n***\nنص آخر\n***\n"


@pytest.mark.parametrize(
    "text",
    [
        f"{LONG}\u2009{OTHER}\n{LONG}\u2009{OTHER}\n",  # a wide space: the careful way
        f"{LONG} &#8192; {OTHER}\n{LONG}\n",  # text that reads like one
    ],
)
def test_a_wide_space_takes_the_careful_way(text: str) -> None:
    assert _SparseDocument.of(text, Repeats()) is None
    _same_as_careful(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"{LONG}\r\n{OTHER}\r\n{LONG}\r\n", f"{LONG}\r\n{OTHER}\r\n"),
        (f"{LONG}\u2028{OTHER}\u2029{LONG}\u2028", f"{LONG}\u2028{OTHER}\u2029"),
        (f"{LONG}\x85{LONG}\x0b{OTHER}", f"{LONG}\x85{OTHER}"),
        (f"{LONG} &#133; x\n{LONG} &#133; x", f"{LONG} &#133; x\n"),  # not a break
    ],
)
def test_other_line_breaks(text: str, expected: str) -> None:
    assert _SparseDocument.of(text, Repeats()) is not None
    assert _same_as_careful(text)[0] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the first sentence of a line, or one in the middle, said twice
        (f"{LONG}. {LONG}.\n{OTHER}", f"{LONG}.\n{OTHER}"),
        (f"{OTHER}. {LONG}. {LONG}. آخر", f"{OTHER}. {LONG}. آخر"),
        # with spaces and tabs between and around (the second goes with its "!", not
        # with the spaces after it: they end an empty last sentence)
        (f"  {LONG}.\t {LONG.replace(' ', '  ')}!  \n", f"  {LONG}.  \n"),
        # other marks (the first sentence keeps its own), and table cells
        (f"{LONG}؟ {LONG}…", f"{LONG}؟"),
        (f"{LONG} | {LONG} | آخر", f"{LONG} | آخر"),
    ],
)
def test_sentences_said_twice_in_a_line(text: str, expected: str) -> None:
    assert _same_as_careful(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        f"{LONG}. {OTHER}. {LONG}.",  # not in a row
        f"{LONG}. {LONG} أيضا.",  # the same beginning only
        f"{LONG}.\n{LONG}.",  # lines are not sentences of one line (back to back: kept)
        f"{LONG}.{LONG}.",  # no space: one sentence
        f"{LONG}.\xa0{LONG}.",  # nor a no-break space
        "قال. قال. قال.",  # too short
    ],
)
def test_sentences_that_are_not_said_twice(text: str) -> None:
    if "\n" not in text:
        assert _same_as_careful(text)[0] == text
    else:
        _same_as_careful(text)


def test_sentences_of_marks_only() -> None:
    for text in ("x. . . y", "أ ب. . .. ج", ". . x", "x. .\n. . y"):
        for options in OPTIONS:
            _same_as_careful(text, **options)


def test_many_different_sentences_said_twice() -> None:
    # More pairs than one pattern looks for at once: the sentences are found again.
    rows = [f"جملة {a}{b} ثانية ثالثة رابعة خامسة" for a, b in itertools.product("بتثجح", "دذرزسش")]
    text = "".join(f"{row}. {row}.\n" for row in rows)
    assert _same_as_careful(text) == (
        "".join(f"{row}.\n" for row in rows),
        {"paragraphs_seen": 30, "segments_collapsed": 30},
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        # the teaser's near key begins a longer line, before or after it
        (f"{TEASER}...\n{OTHER}\n{LONG}.", f"{OTHER}\n{LONG}."),
        (f"{LONG}.\n{OTHER}\n{TEASER} […]", f"{LONG}.\n{OTHER}\n"),
        # the same letters, but a word between them: the near key differs
        ("قال X الوزير إن الحكومة...\nقال Y الوزير إن الحكومة ستعمل", None),
        # a teaser in Latin letters
        ("one two three four five...\none two three four five six", "one two three four five six"),
        # nor a letter at all
        ("1 2 3 4 5...\n1 2 3 4 5 6", "1 2 3 4 5 6"),
        # a teaser of a teaser; the same teaser twice is a repeat, not a teaser
        (f"{TEASER}...\n{TEASER} على...\n{LONG}", LONG),
        (f"{TEASER}...\n{TEASER}...", f"{TEASER}...\n"),
        # too short to be a teaser
        (f"قال الوزير...\n{LONG}", None),
    ],
)
def test_teasers(text: str, expected: str | None) -> None:
    assert _same_as_careful(text)[0] == (text if expected is None else expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a line without Arabic letters, repeated: their skeletons are all empty
        ("one two three four five\nx\none two three four five\n", "one two three four five\nx\n"),
        ("***\n1 2 3 4 5\n***\n1 2 3 4 5", "***\n1 2 3 4 5\n***\n"),
        # a block doubled after lines kept without a look (full stops: not a verse)
        (
            f"نص أول\nنص ثان\n{LONG}.\n{OTHER}.\n{LONG}.\n{OTHER}.\n",
            f"نص أول\nنص ثان\n{LONG}.\n{OTHER}.\n",
        ),
        # four lines without a full stop are a verse block: kept, repeats and all
        (f"{LONG}\n{OTHER}\n{LONG}\n{OTHER}\n", None),
        # a line collapsed to the text of the next, which a verse block holds: the
        # collapsed line goes as a repeat of the first, its copy stays as verse
        (
            f"{SHORT}\n{SHORT} | {SHORT}\n{SHORT}\n{VERSE}",
            f"{SHORT}\n{SHORT}\n{VERSE}",
        ),
        # the same with a block: its copies after it are a verse block, and stay
        (
            f"{SHORT}\n{SHORT2}\n{SHORT} | {SHORT}\n{SHORT2} | {SHORT2}\n"
            + f"{SHORT}\n{SHORT2}\n" * 2,
            f"{SHORT}\n{SHORT2}\n" * 3,
        ),
        # a refrain inside a verse block, beside a repeated prose paragraph
        (
            "يا ليل الصب متى غده\nأقيام الساعة موعده\nرقد السمار فأرقه\nيا ليل الصب متى غده\n"
            f"\n{LONG}.\n{LONG}.\n",
            "يا ليل الصب متى غده\nأقيام الساعة موعده\nرقد السمار فأرقه\nيا ليل الصب متى غده\n"
            f"\n{LONG}.\n",
        ),
    ],
)
def test_lines_that_share_a_skeleton(text: str, expected: str | None) -> None:
    assert _same_as_careful(text)[0] == (text if expected is None else expected)


@given(documents(), st.booleans())
def test_a_windows_file_is_cleaned_as_its_lines_are(text: str, crlf_end: bool) -> None:
    # Every line ends with CRLF: the same lines go as with LF, and each keeps its CRLF.
    lines = split_lines(text)[0]
    windows = "\r\n".join(lines) + ("\r\n" if crlf_end else "")
    plain = "\n".join(lines) + ("\n" if crlf_end else "")
    for options in OPTIONS:
        cleaned, found = _same_as_careful(windows, **options)
        assert (cleaned, found) == (
            _same_as_careful(plain, **options)[0].replace("\n", "\r\n"),
            _same_as_careful(plain, **options)[1],
        )


def test_one_long_paragraph_is_kept_without_the_machinery(monkeypatch: pytest.MonkeyPatch) -> None:
    line = " ".join(f"{LONG} رقم {n}." for n in range(20))  # no sentence said twice
    assert len(line) > 400
    said_twice = f"{LONG}. {LONG}. {line}"
    assert _same_as_careful(said_twice)[1]["segments_collapsed"] == 1
    two_lines = f"{line}\n{line}\n"
    assert _same_as_careful(two_lines) == (f"{line}\n", {"paragraphs_seen": 2, "dropped_exact": 1})
    for text in (line, f"\n{line}\n\n"):
        assert _same_as_careful(text) == (text, {"paragraphs_seen": 1})

    def no_sketch(text: str, options: Repeats) -> None:
        raise AssertionError("one paragraph needs no sketch")

    monkeypatch.setattr(_SparseDocument, "of", no_sketch)
    assert Repeats().apply(line) == (line, {"paragraphs_seen": 1})


def test_a_short_post_of_unlike_paragraphs_is_kept_without_the_machinery(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    post = f"{LONG}.\n\n{OTHER}\n{SHORT2}\n"
    assert _same_as_careful(post) == (post, {"paragraphs_seen": 3})
    # Each of these may drop a line: the shortcut must leave it to the walk.
    may_drop = [
        f"{LONG}\n{LONG.replace('ي', 'ى')}\n",  # alike lines (near)
        f"{SHORT}\n{SHORT}\n",  # a short line back to back
        f"{TEASER} ...\n{LONG}\n",  # a teaser
        f"{TEASER}…\n{LONG}\n",
        f"{TEASER} [...]\n{LONG}\n",
        f"{LONG}. {LONG}.\n{OTHER}\n",  # a sentence said twice
        f"{LONG}\r{LONG}\n",  # a line break other than LF
        f"{LONG}\u2028{LONG}\n",
        "Σ Σ Σ Σ Σ\nΣ Σ Σ Σ Σ\n",  # no letter of the code page: empty skeletons
    ]
    for text in may_drop:
        assert len(text) < 400
        assert _same_as_careful(text)[0] != text, text

    def no_document(*args: object) -> None:
        raise AssertionError("unlike paragraphs need no keys")

    monkeypatch.setattr(_Document, "__init__", no_document)
    assert Repeats().apply(post) == (post, {"paragraphs_seen": 3})
    assert Repeats().apply("\n \n") == ("\n \n", {})  # no paragraph: nothing counted


WHITESPACE = sorted(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())


@given(st.lists(st.sampled_from(["قال", "إنه", "x", " ", " ", "\n", *WHITESPACE]), max_size=12))
def test_a_plain_image_is_a_text_whose_lines_are_their_exact_keys(pieces: list[str]) -> None:

    text = "".join(pieces)
    lines = text.split("\n")
    plain = all(" ".join(line.split()) == line for line in lines)
    if not any(c in chars.LINE_BREAKS for c in text):  # the documents split on them first
        assert plain_image(encode(text)) == plain


@given(st.lists(st.sampled_from(["قال", "إنه", " ", "  ", "\n", "،", "\u064e", "."]), max_size=30))
def test_plain_space_keys_equal_split_keys(pieces: list[str]) -> None:

    text = "".join(pieces)
    plain = plain_image(encode(text))
    if plain:
        assert [" ".join(line.split()) for line in text.split("\n")] == text.split("\n")
    folded = fold(text)
    if plain:
        trimmed = trim_spaces(folded).split("\n")
        assert trimmed == [" ".join(line.split()) for line in folded.split("\n")]


SEPARATORS = [". ", "! ", ".. ", " . ", ".  ", "\n", " \n", ".\n", "؟ ", "… ", "\t", "  ", ". . "]


@given(
    st.lists(st.sampled_from([LONG, OTHER, "ب ت ث ج ح", "", " "]), min_size=1, max_size=6),
    st.lists(st.sampled_from(SEPARATORS), min_size=6, max_size=6),
)
def test_sentences_said_twice_whatever_the_marks_and_spaces_between(
    sentences: list[str], separators: list[str]
) -> None:
    # Twin sentences are found on bytes with spaces and marks folded: every pair the
    # careful way collapses must be among them.
    text = "".join(s + separator for s, separator in zip(sentences, separators, strict=False))
    for options in OPTIONS:
        _same_as_careful(text, **options)


def _twin_lines_by_splitting(exact_keys: list[str]) -> set[int]:
    """The lines where a sentence or cell repeats the one before it, found the plain
    way the careful document first did: split every key on marks and line ends."""
    from arclean.filters.repeats import _SEGMENT_OR_LINE

    parts = _SEGMENT_OR_LINE.split("\n".join(exact_keys))
    keys = [p.rstrip(SEGMENT_MARKS) for p in parts[0::2]]
    line, flagged = 0, set()
    for i, separator in enumerate(parts[1::2]):
        if separator == "\n":
            line += 1
        elif keys[i] == keys[i + 1]:
            flagged.add(line)
    return flagged


@given(documents())
def test_every_line_with_twin_sentences_is_found(text: str) -> None:

    exact = [" ".join(line.split()) for line in split_lines(text)[0]]
    found = lines_with_twin_sentences(encode("\n".join(exact)))
    assert _twin_lines_by_splitting(exact) <= set(found)
    assert found == sorted(set(found))


@given(
    st.text(
        alphabet=st.sampled_from(
            [*CODEPAGE_CHARS, *"\n\n  &#", "Σ", "ß", "\u2003", "\u0670", "ﻻ", "😀"]
        ),
        max_size=40,
    )
)
def test_near_keys_of_a_whole_text_are_those_of_each_line(text: str) -> None:

    lines = split_lines(text)[0]
    keys = near_keys(encode("\n".join(lines)))
    assert keys is None or keys == [near_key(line) for line in lines]


def test_near_keys_of_arabic_and_ascii_text_need_no_reference() -> None:

    text = "قالَ الوزيرُ، اليوم: «نعم» 2024\n\tHello, World! — ٣٤ كيلو\n"
    assert near_keys(encode(text)) == [near_key(line) for line in text.split("\n")]
    assert near_keys(encode("ok &#1234; ok")) is None


def _segments_one_by_one(text: str) -> tuple[list[str], list[str]]:
    """The sentences and cells of a line, found match by match (the first way)."""
    from arclean.filters.repeats import _SEGMENT_BREAK

    pieces, separators, start = [], [], 0
    for match in _SEGMENT_BREAK.finditer(text):
        end = match.start() + (match[0][0] in SEGMENT_MARKS)
        pieces.append(text[start:end])
        separators.append(text[end : match.end()])
        start = match.end()
    pieces.append(text[start:])
    return pieces, separators


@given(st.text(alphabet=st.sampled_from("بت .!?؟…\t\xa0|"), max_size=40))
def test_segments_split_as_found_one_by_one(text: str) -> None:
    from arclean.filters.repeats import _segments

    assert _segments(text) == _segments_one_by_one(text)
