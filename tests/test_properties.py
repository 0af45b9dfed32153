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
