"""Properties that must hold for any text: no crash, idempotence, safe keeps letters."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

import arclean
from arclean import chars
from arclean.filters import FILTERS

# Arabic-heavy text with the things arclean touches: marks, tatweel, presentation
# forms, invisible marks, spaces of every kind, punctuation, braces and line breaks.
ARABIC_ALPHABET = (
    [chr(c) for c in range(0x0621, 0x064B)]
    + [chr(c) for c in range(0x064B, 0x0653)]
    + ["\u0640", "\u0670", "\u06cc", "\u06a9", "٣", "٫"]
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


@settings(max_examples=300)
@given(texts, st.sampled_from(PRESETS))
def test_presets_are_idempotent(text: str, preset: str) -> None:
    once = arclean.clean(text, preset)
    assert arclean.clean(once, preset) == once


@settings(max_examples=150)
@given(texts, st.sampled_from([f.name for f in FILTERS]))
def test_each_filter_is_idempotent(text: str, name: str) -> None:
    once = arclean.clean(text, select=[name])
    assert arclean.clean(once, select=[name]) == once


def _letters(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c)[0] in "LN"]


@settings(max_examples=300)
@given(arabic_text)
def test_safe_never_changes_a_letter_without_placeholders_or_repeats(text: str) -> None:
    # Without placeholders, markup or repeated lines, safe may only remove marks and
    # spaces; every character that opens one becomes a plain parenthesis.
    for opener in "{<&[%$":
        text = text.replace(opener, "(")
    visible = "".join(c for c in text if c not in chars.INVISIBLE)
    lines = [" ".join(line.split()) for line in visible.splitlines()]
    if len([x for x in lines if x]) != len({x for x in lines if x}):
        return
    assert _letters(arclean.clean(text, "safe")) == _letters(text)


@settings(max_examples=300)
@given(texts)
def test_output_is_valid_text(text: str) -> None:
    out = arclean.clean(text)
    out.encode("utf-8", "surrogatepass")
    assert out == "" or out.endswith("\n")
    assert "\r" not in out
