"""The fast paths of markup, templates, code-leaks, boilerplate and elongation change
nothing: each pre-check only skips text the full path would leave as it is.

Each filter is compared with its full path, written here the slow way (every line, every
pattern), on random text built from the characters its patterns look at, so that the
pieces often meet; and each pre-check has cases it must find and cases it must not.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from arclean import chars
from arclean.filters import (
    Boilerplate,
    CodeLeaks,
    Elongation,
    Markup,
    Templates,
    boilerplate,
    code_leaks,
    markup,
    templates,
)
from arclean.filters.base import Counts, settle
from arclean.filters.boilerplate import phrase_key

_LINES = re.compile(f"(\\r\\n|{chars.char_class(chars.LINE_BREAKS)})")
SPACES = [" ", "  ", "\t", "\u00a0", "\u2009"]
BREAKS = ["\n", "\n", "\r\n", "\r", "\u2028", "\x85"]
# Every character but the surrogates, to check a claim about characters exhaustively.
EVERY_CHARACTER = "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp < 0xE000)


def texts_of(pieces: list[str], max_size: int = 60) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


# --- markup ---------------------------------------------------------------------------

# Pieces of markup, split where the patterns split them, and what may stand near them.
MARKUP_PIECES = [
    *"< > / ! ? [ ] { } {{ }} & # ; = \" ' - -- | : * % a b p s i x A B 1 ١ h ب نص".split(),
    *"script style amp; quot; #38; #x26; !-- --> CDATA[ ]]> img url quote b] [/b]".split(),
    *"[[ ]] #if: Name| xml ?> <% http://x //x checked v-x AMP; Eacute;".split(),
    *["\u017f", "\u0130", "\u0131", "\u212a", "\u200b", "\u064e", "\u200c", "\x07", " href="],
    *SPACES,
    *BREAKS,
]
markup_texts = texts_of(MARKUP_PIECES)


def unhide_reference(text: str) -> tuple[str, int]:
    """Remove each whole run of hidden marks that has a printable ASCII character or a
    digit on both sides (horizontal spaces, and what the invisible filter removes, may
    come before the second), one run at a time."""
    removed = 0

    def syntax(char: str) -> bool:
        return "!" <= char <= "~" or char.isdecimal()

    def skipped(char: str) -> bool:
        return (
            char in chars.HORIZONTAL_SPACES
            or char in chars.INVISIBLE
            or char == chars.ZERO_WIDTH_NON_JOINER
            or any(low <= char <= high for low, high in chars.INVISIBLE_RANGES)
        )

    def unhide(match: re.Match[str]) -> str:
        nonlocal removed
        before = match.string[match.start() - 1 : match.start()]
        rest = match.string[match.end() :]
        after = next((c for c in rest if not skipped(c)), "")
        if syntax(before) and syntax(after):
            removed += len(match[0])
            return ""
        return match[0]

    return re.sub(markup._HIDDEN + "+", unhide, text), removed


def markup_reference(text: str) -> tuple[str, Counts]:
    if not any(token in text for token in ("<", "&", "[", "{{")):
        return text, {}
    return settle(markup._remove_once, text)


@given(markup_texts)
def test_markup_matches_its_full_path(text: str) -> None:
    assert Markup().apply(text) == markup_reference(text)


@given(markup_texts)
def test_markup_precheck_never_skips_a_change(text: str) -> None:
    if not markup._may_change(text):
        assert markup._remove_once(text)[0] == text


@given(markup_texts)
@example('<a x="<a x="')
@example("نص </s")  # a closing tag cut off at the end of a page: no ">"
@example("<b [b]")
def test_markup_tokens_need_what_the_precheck_looks_for(text: str) -> None:
    if not markup._may_hold_token(text):
        assert markup._strip_tokens(text) == (text, 0, 0, 0)
    if text == "نص </s":
        assert markup._strip_tokens(text)[1] == 1  # the case the check must let through


@given(markup_texts)
@example("<\u200b \u200b<")  # a space and a ZWSP before the second "<": the first goes
def test_markup_unhides_as_before(text: str) -> None:
    assert markup._unhide(text) == unhide_reference(text)
    if text == "<\u200b \u200b<":
        assert unhide_reference(text) == ("< \u200b<", 1)


@pytest.mark.parametrize(
    "text",
    [
        "<p>",
        "</p>",
        "</s",
        "<!DOCTYPE html>",
        "<!-- x -->",
        "<?xml?>",
        "<![CDATA[x]]>",
        "<\u017fcript>x</script>",  # (?i:script) reads the long s as an s
        "[b]x[/b]",
        "[*]",
        "[/quote]",
        "[\u0130mg]x[/img]",
        "[[x]]",
        "[http://x y]",
        "{{Name|x}}",
        "{{#if:x}}",
        "&amp;",
        "&AMP;",
        "&Eacute;",
        "&#1575;",
        "&#x627;",
        "a\u200bb",
        "<\u200bp>",
        "1\u064e2",
    ],
)
def test_markup_precheck_finds(text: str) -> None:
    assert markup._may_change(text)


@pytest.mark.parametrize(
    "text",
    [
        "a < b",
        "x > 3",
        "<< >>",
        "<عاجل>",
        "[1]",
        "[الحسنى]",
        "{{ x }}",
        "{{{",
        "& y",
        "&&",
        "مُحَمَّدٌ",  # marks between letters, not between syntax characters
        "a\u200b ب",
        "",
    ],
)
def test_markup_precheck_lets_pass(text: str) -> None:
    assert not markup._may_change(text)
    assert Markup().apply(text) == (text, {})


def test_markup_letters_stand_for_every_case_insensitive_match() -> None:
    loose = set(re.findall("(?i:[a-z])", EVERY_CHARACTER))
    for letter in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        assert set(re.findall(f"(?i:{letter})", EVERY_CHARACTER)) <= loose


def test_markup_syntax_characters_are_never_hidden() -> None:
    digits = re.findall(r"\d", EVERY_CHARACTER)
    assert digits == [c for c in EVERY_CHARACTER if c.isdecimal()]
    syntax = re.findall(markup._SYNTAX, EVERY_CHARACTER)
    assert not set(syntax) & set(re.findall(markup._HIDDEN, EVERY_CHARACTER))


def line_start_reference(line_start: bool, text: str) -> bool:
    breaks = [i for i in (text.rfind(b) for b in chars.LINE_BREAKS) if i >= 0]
    tail = text[max(breaks) + 1 :] if breaks else text
    return (bool(breaks) or line_start) and not tail.strip("".join(chars.HORIZONTAL_SPACES))


@given(st.booleans(), texts_of(["a", "ب", *SPACES, *BREAKS], max_size=8).filter(bool))
def test_markup_writer_knows_where_a_line_starts(line_start: bool, text: str) -> None:
    writer = markup._Writer()
    writer.line_start = line_start
    writer.write(text)
    assert writer.line_start == line_start_reference(line_start, text)


# --- templates ------------------------------------------------------------------------

TEMPLATE_PIECES = [
    *"{ } {{ }} {% %} {# #} {$ $ ${ {* *} % <% %> <?= ?> [% %] < [ ( ) x if /if s d".split(),
    *"1 50 ب نص &am <b [b # - | . =".split(),
    *["<?php ", "\ufe70"],
    *SPACES,
    *BREAKS,
]
ALL_GROUPS = tuple(range(len(templates._ENGINE_GROUPS)))


def templates_reference(text: str) -> tuple[str, Counts]:
    """Every engine's pattern on the whole text, whatever it holds."""
    placeholder, run = templates._patterns(ALL_GROUPS)
    return settle(lambda t: templates._remove_runs(t, placeholder, run), text)


def test_templates_reference_uses_every_engine() -> None:
    assert templates._patterns(ALL_GROUPS)[0].pattern == templates.PLACEHOLDER


@given(texts_of(TEMPLATE_PIECES))
def test_templates_match_their_full_path(text: str) -> None:
    assert Templates().apply(text) == templates_reference(text)


@pytest.mark.parametrize(
    "text", ["{{ x }}", "{% if a %}", "${x}", "${{ y }}", "<%= u %>", "<?php x ?>", "[% x %]"]
)
def test_templates_precheck_finds(text: str) -> None:
    assert Templates().apply(f"قال {text} إن")[0] == "قال إن"


@pytest.mark.parametrize(
    "text", ["50%", "{ x }", "{إِنَّكَ مَيِّتٌ}", "a < b", "[1]", "{{ قال }}", "{{{{", "$5"]
)
def test_templates_precheck_lets_pass(text: str) -> None:
    assert not any(templates._patterns((g,))[0].search(text) for g in ALL_GROUPS)
    assert Templates().apply(text) == (text, {})


# --- code-leaks -----------------------------------------------------------------------

CODE_PIECES = [
    *"jQuery ( ) { } [ ] ; : , = => $ . ' \" x a function document window .html( .ajax(".split(),
    *".aja FB _gaq _gat @media color - -moz-box #fff 12px 0 body ul + * نص قال انتظر ،".split(),
    *["var ", "const ", "#box ", "\u0640", "{ padding: 0; }", "a" * 120, "(" * 50],
    "jQuery(document).ready(function(){ $('#v').html('x'); }); " * 3,
    *SPACES,
    *BREAKS,
]


def code_leaks_reference(text: str) -> tuple[str, Counts]:
    """Every line judged, the way the filter first did it."""
    if not any(c in text for c in "{}();"):
        return text, {}
    parts = _LINES.split(text)
    kept: list[str] = []
    lines = spans = 0
    for i in range(0, len(parts), 2):
        new, cut = code_leaks._clean_line(parts[i])
        if new is None:
            lines += 1
            continue
        spans += cut
        kept += [new, parts[i + 1] if i + 1 < len(parts) else ""]
    if not lines and not spans:
        return text, {}
    return "".join(kept), {
        k: v for k, v in {"lines_removed": lines, "spans_removed": spans}.items() if v
    }


@given(texts_of(CODE_PIECES, max_size=80))
def test_code_leaks_match_their_full_path(text: str) -> None:
    assert CodeLeaks().apply(text) == code_leaks_reference(text)


@given(texts_of([p for p in CODE_PIECES if p not in BREAKS], max_size=80))
def test_code_leaks_precheck_never_skips_a_line(line: str) -> None:
    if not code_leaks._compiled(code_leaks._MAY_BE_CODE).search(line):
        assert code_leaks._clean_line(line) == (line, 0)


@pytest.mark.parametrize(
    "line",
    [
        "jQuery(x)",
        "$.ajax(",
        "function f(",
        "var x =",
        "var\u00a0x\u2009= 1",
        "document.write(",
        "x.ajax(",
        "_gaq.push(",
        "_gat.x(",
        "});",
        "} \u00a0);",
        "=> {",
        "@media print",
        "{ color: #fff }",
        "{-moz-box: 0}",
        "#box ul {",
        "}",
        " ) } ",
        "font-size: 12px;",
    ],
)
def test_code_leaks_precheck_finds(line: str) -> None:
    masked = code_leaks._mask_strings(line)  # as the full path reads the line
    signal = code_leaks._compiled(code_leaks._SIGNAL).search(masked)
    assert signal or code_leaks._compiled(code_leaks._CODE_LINE).fullmatch(masked)
    assert code_leaks._compiled(code_leaks._MAY_BE_CODE).search(line)


@pytest.mark.parametrize(
    "line",
    [
        "قال {{ الوزير }} إن",
        "(ناتو) نص",
        "نص {مقتبس} هنا",
        "a; b",
        "50% (1)",
        "{ 1, 2 } نص",
        "various (documented) constants",
    ],
)
def test_code_leaks_precheck_lets_pass(line: str) -> None:
    assert not code_leaks._compiled(code_leaks._MAY_BE_CODE).search(line)
    assert CodeLeaks().apply(line) == (line, {})


# --- boilerplate ----------------------------------------------------------------------

BOILERPLATE_PIECES = [
    *["اقرأ أيضاً:", "إقرأ", "أيضا", "شارك", "تابعونا على فيسبوك", "جميع الحقوق محفوظة"],
    *["اتصل بنا", "من نحن", "Share", "READ MORE", "privacy policy", "\u017fhare", "© 2024"],
    *"| » « • ‹ › · ¦ © #ixzz73TU https://x.y/z - . : ... 2024 ™ ① ß نص المقال x ( ) * _ !".split(),
    *["\ufdfa", "\ufefb", "\u064e", "\u0640", "\x1c", "\x1e"],  # \x1c: no line break
    *SPACES,
    *BREAKS,
]


def boilerplate_reference(filter_: Boilerplate, text: str) -> tuple[str, Counts]:
    """Every line judged, the way the filter first did it."""
    parts = _LINES.split(text)
    kept: list[str] = []
    dropped = 0
    for i in range(0, len(parts), 2):
        if filter_.is_boilerplate(parts[i]):
            dropped += 1
            continue
        kept += [parts[i], parts[i + 1] if i + 1 < len(parts) else ""]
    if not dropped:
        return text, {}
    return "".join(kept), {"lines_removed": dropped}


@given(texts_of(BOILERPLATE_PIECES))
def test_boilerplate_matches_its_full_path(text: str) -> None:
    assert Boilerplate().apply(text) == boilerplate_reference(Boilerplate(), text)


def test_boilerplate_judges_a_line_once_and_drops_every_copy() -> None:
    text = "شارك\nنص\nشارك\r\nنص\u2028شارك"
    assert Boilerplate().apply(text) == ("نص\nنص\u2028", {"lines_removed": 3})
    assert Boilerplate().apply(text) == boilerplate_reference(Boilerplate(), text)


def test_boilerplate_with_a_phrase_file_matches_its_full_path(tmp_path: Path) -> None:
    phrases = tmp_path / "phrases.txt"
    phrases.write_text("« خاص »\n™ x\nزوروا ...\n", encoding="utf-8")
    filter_ = Boilerplate(phrase_file=str(phrases), builtin=False)
    text = "« خاص »\nنص\n™ x\nTM X\nزوروا موقعنا\n  «  زوروا\n"
    assert filter_.apply(text) == boilerplate_reference(filter_, text)
    assert filter_.apply(text)[0] == "نص\n"


@given(texts_of([p for p in BOILERPLATE_PIECES if p not in BREAKS], max_size=12))
def test_boilerplate_reads_a_line_first_word_from_its_first_token(line: str) -> None:
    lead = re.match(boilerplate._LEAD, line)
    assert lead is not None
    word = boilerplate._first_word(lead[1])
    if word != boilerplate._UNKNOWN:
        assert word == phrase_key(line).split(" ", 1)[0]


@pytest.mark.parametrize(
    "text",
    ["نص المقال\nقال الوزير", "من أجل الوطن ومن أجل الناس جميعا في كل مكان وزمان", "\n\n", ""],
)
def test_boilerplate_precheck_lets_pass(text: str) -> None:
    assert Boilerplate().apply(text) == (text, {})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نص\n« اقرأ أيضاً:\nنص", "نص\nنص"),  # the first token has no word
        ("نص\n-- شارك --\n", "نص\n"),
        ("نص\r\n©2024 الموقع\r\nنص", "نص\r\nنص"),  # a copyright sign glued to the year
        ("نص\u2028| |\u2028نص", "نص\u2028نص"),
    ],
)
def test_boilerplate_precheck_finds(text: str, expected: str) -> None:
    assert Boilerplate().apply(text)[0] == expected


@pytest.mark.parametrize(
    "line",
    [
        "» »",
        "‹",
        "- » -",
        "|",
        "•",
        "\u00a0»\u2009»",
        "رياضة » فن » اتصل بنا",  # a menu of breadcrumbs
        "رياضة »» فن »» اتصل بنا",
        "رياضة • فن • اتصل بنا",
        "رياضة ¦ فن ¦ اتصل بنا",
        "رياضة · فن · اتصل بنا",
        "رياضة | تويتر | اتصل بنا",  # a menu whose first item is no phrase
        "اتصل بنا • من نحن",
        "«اقرأ أيضا»",
    ],
)
def test_boilerplate_precheck_finds_separators_and_menus(line: str) -> None:
    text = f"نص\n{line}\nنص"
    assert Boilerplate().apply(text) == ("نص\nنص", {"lines_removed": 1})


@pytest.mark.parametrize(
    "text",
    ["قال «نعم» ثم مضى", "الرئيسية ‹ أخبار", "«» نص", "نص » نص طويل جدا في الخبر", "x|y"],
)
def test_boilerplate_separators_in_prose_stay(text: str) -> None:
    assert Boilerplate().apply(text) == (text, {})


# --- elongation -----------------------------------------------------------------------

_STRETCHED = re.compile(f"({chars.char_class(ranges=chars.ARABIC_LETTER_RANGES)})\\1{{2,}}")
ELONGATION_PIECES = ["ا", "ب", "ه", "ٱ", "ۿ", "ء", ".", "-", " ", "\n", "a", "١", "\u064e"]


def elongation_reference(text: str) -> tuple[str, Counts]:
    text, n = _STRETCHED.subn(r"\1", text)
    return text, {"runs_shortened": n} if n else {}


@given(texts_of(ELONGATION_PIECES, max_size=120))
def test_elongation_matches_its_full_path(text: str) -> None:
    assert Elongation().apply(text) == elongation_reference(text)


@pytest.mark.parametrize(
    "text",
    [
        "...a" * 200 + "مرحباااا" + "---" * 100 + "جدااا",  # more triples than it reads one by one
        "ااا " * 500,
        "ا" * 1000,
        "مرحبا...جدااا",
        "...ااا",
        "١١١ببب---هههه",
        "--- ااا ...",
    ],
)
def test_elongation_on_many_triples_matches_its_full_path(text: str) -> None:
    assert Elongation().apply(text) == elongation_reference(text)


@pytest.mark.parametrize("text", ["مرحبا", "...", "١١١", "ـــ", "\u064e\u064e\u064e", "aaa", ""])
def test_elongation_lets_pass(text: str) -> None:
    assert Elongation().apply(text) == (text, {})
