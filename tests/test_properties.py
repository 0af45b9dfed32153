"""Properties that must hold for any text: no crash, idempotence, safe keeps letters."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

import arclean
from arclean.filters import FILTERS, Filter, Punctuation, Whitespace

# Arabic-heavy text with the things arclean touches: marks, tatweel, presentation
# forms, invisible marks, spaces of every kind, punctuation, braces and line breaks.
ARABIC_ALPHABET = (
    [chr(c) for c in range(0x0621, 0x064B)]
    + [chr(c) for c in range(0x064B, 0x0653)]
    + ["\u0640", "\u0670", "\u06cc", "\u06a9", "٣", "۳", "٫", "ٱ", "ى", "ة", "ؤ", "ئ"]
    + ["ھ", "ۀ", "ۃ", "ے", "پ", "گ", "\u06d6", "\u08f0", "\u0654", "\u0653"]
    + ["في ", "على ", "است ", "که ", "ال", "ییی", "اااا"]
    + ["\ufefb", "\ufef7", "\ufe8d", "\ufe70", "\ufdfa"]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u202b", "\u2067"]
    + [" ", "  ", "\t", "\u00a0", "\u2009", "\n", "\n\n", "\r\n", "\r", "\u2028"]
    + list(",;?!.:،؛؟\"'()«»{}%#*-")
    + list("abcxyz0123456789")
    + ["{{ x }}", "{% if a %}", "{# c #}", "{{", "}}"]
    # Markup, placeholders and web leftovers, whole and in pieces, so that removing one
    # can join its neighbours into another.
    + ["<p>", "</p>", "<b>", "</b>", "<br>", "<a href='x'>", "<", ">", "/", "!", "-"]
    + ["<!--", "-->", "<script>", "</script>", "<![CDATA[", "]]>", "<?php", "?>"]
    + ["&amp;", "&lt;", "&gt;", "&quot;", "&#1575;", "&#8203;", "&nbsp;", "&", "amp;", "#"]
    + ["[b]", "[/b]", "[rtl]", "[", "]", "[[", "]]", "|", "{{DISPLAYTITLE:x}}", "=="]
    + ["<%= x %>", "<%", "%>", "${x}", "$", "{$x}", "[% x %]", "%s", "%(x)s", "{if}"]
    + ["var x = 1;", "jQuery(x);", "});", ".b { color: #fff; }", "function(", "\n}\n"]
    + ["اقرأ أيضا", "شارك", "تابعونا على", "\n|\n", "©", "#ixzz1AbC", "»"]
)
arabic_text = st.lists(st.sampled_from(ARABIC_ALPHABET), max_size=80).map("".join)
any_text = st.text(max_size=200)
texts = st.one_of(arabic_text, any_text)
PRESETS = sorted(arclean.PRESETS)


@given(texts, st.sampled_from(PRESETS))
def test_presets_are_idempotent(text: str, preset: str) -> None:
    once = arclean.clean(text, preset)
    assert arclean.clean(once, preset) == once


@given(texts, st.sampled_from([f.name for f in FILTERS]))
def test_each_filter_is_idempotent(text: str, name: str) -> None:
    once = arclean.clean(text, select=[name])
    assert arclean.clean(once, select=[name]) == once


@given(arabic_text)
def test_safe_keeps_every_kept_line_letter_for_letter(text: str) -> None:
    # Without placeholders or markup, safe only removes invisible marks, spacing and
    # whole repeated lines: every line it prints is an input line, every letter in
    # place. Every character that opens a placeholder or markup becomes a parenthesis.
    for opener in "{<&[%$":
        text = text.replace(opener, "(")
    visible = arclean.clean(text, select=["invisible"])
    inputs = {
        " ".join(line.split()) for line in re.split(r"\r\n|[\n\r\v\f\x85\u2028\u2029]", visible)
    }
    for line in arclean.clean(text, "safe").split("\n"):
        assert not line or line in inputs


@given(texts)
def test_output_is_valid_text(text: str) -> None:
    out = arclean.clean(text)
    out.encode("utf-8", "surrogatepass")
    assert out == "" or out.endswith("\n")
    assert "\r" not in out


def _letters_and_digits(text: str) -> Counter[str]:
    return Counter(c for c in text if unicodedata.category(c)[0] in "LN")


@given(
    texts,
    st.sampled_from(
        [
            Punctuation(),
            Punctuation(max_run=1, ellipsis="…", arabic_percent=True, quotes="«»"),
            Punctuation(ellipsis="...", quotes='""'),
            Whitespace(),
            Whitespace(max_blank_lines=0),
        ]
    ),
)
def test_punctuation_and_whitespace_never_change_a_letter_or_digit(text: str, flt: Filter) -> None:
    # They move, add and remove spaces and swap marks; letters and digits stay, all of them.
    assert _letters_and_digits(flt(text)) == _letters_and_digits(text)


# --- Issue 10: every preset and every filter alone, on any text -----------------------
#
# Names run in each property: every preset and every filter on its own, as the
# registries list them (a filter or preset added later is covered without a change here).

from hypothesis import assume  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402

from arclean.filters.paragraph_keys import near_key  # noqa: E402

RUNS = [("preset", p) for p in sorted(arclean.PRESETS)] + [("filter", f.name) for f in FILTERS]
run_names = st.sampled_from(RUNS)


def _clean(text: str, run: tuple[str, str]) -> str:
    kind, name = run
    return arclean.clean(text, name) if kind == "preset" else arclean.clean(text, select=[name])


def _controls(text: str) -> set[str]:
    return {c for c in text if unicodedata.category(c) == "Cc"}


def _assert_valid(text: str, out: str) -> None:
    out.encode("utf-8")  # strict: a lone surrogate raises
    assert _controls(out) <= _controls(text) | {"\n"}, sorted(_controls(out) - _controls(text))


@given(texts, run_names)
def test_any_text_gives_valid_text_for_every_preset_and_filter(
    text: str, run: tuple[str, str]
) -> None:
    # No exception; no lone surrogate; no control character the input did not have
    # (a final line feed aside).
    _assert_valid(text, _clean(text, run))


# Documents built from parts whose fate is known: real words (Arabic with marks, tatweel
# and Persian look-alikes, Persian, Latin, digits of three systems), punctuation, and
# artifacts kept apart from the words (placeholders, markup tags, invisible marks), so
# a test can tell a lost word from a removed artifact. Paragraphs repeat, exactly and
# with small variations, as page layouts repeat them.
ARABIC_LETTERS = [chr(c) for c in [*range(0x0621, 0x063B), *range(0x0641, 0x064B)]]
LETTERS = ARABIC_LETTERS * 3 + list("یکھۀۃےڪہەپچژگ")
MARKS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670", "\u0654", "\u0640"]


@st.composite
def arabic_words(draw: st.DrawFn) -> str:
    letters = draw(st.lists(st.sampled_from(LETTERS), min_size=1, max_size=7))
    word = []
    for letter in letters:
        word.append(letter)
        word += draw(st.lists(st.sampled_from(MARKS), max_size=2))
    return "".join(word)


words = st.one_of(
    arabic_words(),
    arabic_words(),
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8),
    st.text("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴", min_size=1, max_size=4),
)
PUNCTUATION = [*list(',;?!.:،؛؟()«»"-*%'), "...", "…", "***", "(", ")"]
ARTIFACTS = [
    "{{ article.title }}",
    "{% if user.is_admin %}",
    "{# layout note #}",
    "\u200b",
    "\u200e",
    "\u200f",
    "\u202b",
    "\u202c",
    "\u2066",
    "\ufeff",
    "\u00ad",
    "\u2060",
]
# Markup is an artifact only for a pipeline with a markup filter; without one, a tag is
# text like any other.
TAGS = ["<b>", "</b>", "<br/>", "<span class='x'>", "</span>", "<p>"]
SPACES = st.sampled_from([" ", " ", "  ", "\t", "\u00a0", "\u2009"])
Token = tuple[str, str]  # (kind, text): word, mark, artifact or tag
Paragraph = tuple[str, list[Token]]


@st.composite
def paragraphs(draw: st.DrawFn) -> Paragraph:
    """A paragraph: its text and the tokens it is made of."""
    tokens = draw(
        st.lists(
            st.one_of(
                words.map(lambda w: ("word", w)),
                words.map(lambda w: ("word", w)),
                st.sampled_from(PUNCTUATION).map(lambda p: ("mark", p)),
                st.sampled_from(ARTIFACTS).map(lambda a: ("artifact", a)),
                st.sampled_from(TAGS).map(lambda t: ("tag", t)),
            ),
            min_size=1,
            max_size=14,
        )
    )
    text = ""
    for i, (_, token) in enumerate(tokens):
        text += (draw(SPACES) if i else "") + token
    return text, tokens


def _real_words(tokens: list[Token]) -> list[str]:
    return [t for kind, t in tokens if kind == "word"]


def _letters_kept(tokens: list[Token], preset: str) -> str:
    """The letters of a paragraph once ``preset`` has removed its artifacts."""
    removed = {"artifact"} | ({"tag"} if "markup" in arclean.PRESETS[preset].filters else set())
    return "".join(
        c
        for kind, t in tokens
        if kind not in removed
        for c in t
        if unicodedata.category(c)[0] == "L"
    )


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[Paragraph]]:
    """A document and its paragraphs in order, some of them repeats of earlier ones."""
    pool = draw(st.lists(paragraphs(), min_size=1, max_size=8))
    order = draw(st.lists(st.integers(0, len(pool) - 1), min_size=1, max_size=12))
    layout = [pool[i] for i in order]
    breaks = st.sampled_from(["\n", "\n", "\n\n", "\r\n", "\n \n\n"])
    text = "".join(p[0] + draw(breaks) for p in layout)
    return text, layout


def _fold(text: str) -> str:
    """Words as repeats compares them (marks, tatweel, invisible characters and
    punctuation gone; letter variants and digit systems folded), after NFKC without
    tatweel (a letter and a hamza that a kashida kept apart compose once it goes)."""
    return near_key(unicodedata.normalize("NFKC", text.replace("\u0640", "")))


def _unique(keys: list[str], key: str) -> bool:
    """Not a repeat (whose first occurrence may be the one kept), not a teaser."""
    return keys.count(key) == 1 and not any(k != key and k.startswith(key) for k in keys)


Document = tuple[str, list[Paragraph]]


# A markup filter ends the line at a block tag, as a browser would.
BLOCK_TAGS = frozenset({"<br/>", "<p>"})


def _lines(layout: list[Paragraph], preset: str) -> list[list[Token]]:
    """The paragraphs as lines of tokens, as ``preset`` lays them out."""
    splits = "markup" in arclean.PRESETS[preset].filters
    lines = []
    for _, tokens in layout:
        line: list[Token] = []
        for kind, token in tokens:
            if splits and kind == "tag" and token in BLOCK_TAGS:
                lines.append(line)
                line = []
            else:
                line.append((kind, token))
        lines.append(line)
    return lines


def _key(line: list[Token]) -> str:
    return _fold(" ".join(token for kind, token in line if kind in ("word", "mark")))


@given(documents())
def test_default_keeps_every_word_of_a_paragraph_that_is_not_a_repeat(document: Document) -> None:
    text, layout = document
    lines = _lines(layout, "default")
    keys = [_key(line) for line in lines]
    kept = set(_fold(arclean.clean(text)).split())
    for line, key in zip(lines, keys, strict=True):
        if _unique(keys, key):
            for word in _real_words(line):
                assert all(part in kept for part in _fold(word).split()), (word, line)


@given(documents())
def test_safe_keeps_each_paragraph_letter_for_letter_or_drops_it_as_a_repeat(
    document: Document,
) -> None:
    # Each line safe prints has exactly the letters of one input paragraph once its
    # artifacts are gone, in order; a paragraph that is not a repeat is printed.
    text, layout = document
    report = arclean.clean_report(text, "safe")
    assume(not report.stats["repeats"].get("segments_collapsed"))  # "X. X." inside a line
    printed = [
        "".join(c for c in line if unicodedata.category(c)[0] == "L")
        for line in report.text.split("\n")
    ]
    lines = _lines(layout, "safe")
    expected = {_letters_kept(line, "safe") for line in lines}
    for letters in printed:
        assert not letters or letters in expected
    keys = [_key(line) for line in lines]
    for line, key in zip(lines, keys, strict=True):
        letters = _letters_kept(line, "safe")
        if _unique(keys, key) and letters:
            assert letters in printed


@given(texts)
def test_safe_never_adds_a_letter(text: str) -> None:
    # Any text: every letter safe prints was in the input (or in an HTML entity of it,
    # which a markup filter may decode).
    import html

    def letters(t: str) -> Counter[str]:
        return Counter(c for c in t if unicodedata.category(c)[0] == "L")

    assert letters(arclean.clean(text, "safe")) <= letters(text) + letters(html.unescape(text))


@given(documents(), run_names)
def test_documents_are_cleaned_idempotently_by_every_preset_and_filter(
    document: Document, run: tuple[str, str]
) -> None:
    once = _clean(document[0], run)
    assert _clean(once, run) == once
    _assert_valid(document[0], once)


@given(
    st.one_of(texts, documents().map(lambda d: d[0])),
    run_names,
    st.lists(st.integers(min_value=0, max_value=10_000), max_size=8),
)
def test_streaming_equals_cleaning_whole_for_every_preset_and_filter(
    text: str, run: tuple[str, str], cuts: list[int]
) -> None:
    import itertools

    points = sorted({0, len(text), *(c % (len(text) + 1) for c in cuts)})
    pieces = [text[a:b] for a, b in itertools.pairwise(points)]
    kind, name = run
    chosen = {"preset": name} if kind == "preset" else {"select": [name]}
    assert "".join(arclean.clean_stream(pieces, **chosen)) == _clean(text, run)  # type: ignore[arg-type]


@hypothesis_settings(max_examples=max(10, hypothesis_settings.default.max_examples // 6))
@given(documents(), st.sampled_from(sorted(arclean.PRESETS)), st.integers(1, 200))
def test_streaming_in_chunks_smaller_than_the_text_gives_valid_text(
    document: Document, preset: str, chunk_size: int
) -> None:
    # Chunks smaller than the text may give another result than cleaning it whole (a
    # repeat in another chunk, see arclean.stream), but never a crash or invalid text,
    # and never a line that cleaning the whole text would not print.
    text = document[0]
    out = "".join(arclean.clean_stream([text], preset, chunk_size=chunk_size))
    _assert_valid(text, out)
    whole = set(arclean.clean(text, preset).split("\n"))
    assert set(out.split("\n")) <= whole | {""}


# Paragraphs whose fate the rules fix exactly: sentences of five words or more that end
# with a full stop (no verse, no teaser, one sentence each), apart from each other by
# blank lines (nothing back to back). Repeats, exact or with a mark added, must go and
# the first occurrence must stay, in its place.
sentence_words = st.lists(
    st.text(alphabet="".join(ARABIC_LETTERS), min_size=2, max_size=7), min_size=5, max_size=9
)


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A text of paragraphs, some repeated or nearly repeated, and the paragraphs that a
    reader keeps: the first of each, in order."""
    pool = draw(st.lists(sentence_words.map(lambda w: " ".join(w) + "."), min_size=1, max_size=5))
    paragraphs = []
    for i in draw(st.lists(st.integers(0, len(pool) - 1), min_size=1, max_size=10)):
        paragraph = pool[i]
        if draw(st.booleans()):  # a near repeat: a fatha on its first letter
            paragraph = paragraph[0] + "\u064e" + paragraph[1:]
        paragraphs.append(paragraph)
    kept, seen = [], set()
    for paragraph in paragraphs:
        if near_key(paragraph) not in seen:
            seen.add(near_key(paragraph))
            kept.append(paragraph)
    return "\n\n".join(paragraphs) + "\n", kept


@given(articles())
def test_repeats_keep_the_first_occurrence_in_its_place(article: tuple[str, list[str]]) -> None:
    text, kept = article
    assert arclean.clean(text, "safe") == "\n\n".join(kept) + "\n"
