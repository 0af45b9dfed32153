"""Simple inline tags (<b>, </SPAN>) go with one re.sub between the other tokens: the
markup filter must give what reading every token one by one gives, and so must
tighten_line, which skips a line no pair of which has a space or Arabic beside it."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arclean.filters import Markup, pairs
from arclean.filters import markup as mk

TAG_PIECES = [
    *("<b>", "</b>", "<B>", "</SPAN>", "<span>", "<Span>", "<b >", "<b/>", "<i x=1>", "<bi>"),
    *("<p>", "</p>", "<br>", "<td>", "<img>", "<xyz>", "<<b>", "<a", "<", ">", "</"),
    *("<!-- c -->", "<!--", "[b]", "[/b]", "{{x|y}}", "&amp;", "&lt;b&gt;"),
    *(" ", "  ", "\t", "\n", "\r\n", "\u00a0", "a", "قال", "\u200b"),
]
texts = st.lists(st.sampled_from(TAG_PIECES), max_size=25).map("".join)


@settings(max_examples=1500, deadline=None)
@given(texts)
def test_markup_gives_what_reading_every_token_gives(text: str) -> None:
    fast = Markup().apply(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mk, "_COMPLEX_TOKEN", mk._TOKEN)  # every tag through the loop
        plain = Markup().apply(text)
    assert fast == plain


@settings(max_examples=1000, deadline=None)
@given(texts)
def test_strip_tokens_gives_what_reading_every_token_gives(text: str) -> None:
    fast = mk._strip_tokens(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mk, "_COMPLEX_TOKEN", mk._TOKEN)
        assert mk._strip_tokens(text) == fast


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("ك<b>ل</b>مة", "كلمة"),
        ("<p>أ</p> <b>ب</b>", "أ \nب"),  # the line break is owed past the spaces
        ("<P>أ</P><SPAN>ب</SPAN>", "أ\nب"),
        ("<<b>b>", "<b>"),  # one pass leaves the <b> it joins; settle takes it next
    ],
)
def test_inline_tags(dirty: str, clean: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mk, "_COMPLEX_TOKEN", mk._TOKEN)
        plain = mk._strip_tokens(dirty)[0]
    assert mk._strip_tokens(dirty)[0] == plain == clean


@pytest.mark.parametrize("text", ["a < b", "<bx>", "<b x>", "<<quoted>>", "x <b", "</ b>"])
def test_not_simple_inline_tags(text: str) -> None:
    assert not re.compile(mk._SIMPLE_INLINE).search(text)


def test_the_trie_reads_exactly_the_names() -> None:
    names = mk._INLINE | {name.upper() for name in mk._INLINE}
    trie = re.compile(mk._trie(names))
    assert all(trie.fullmatch(name) for name in names)
    near = {name[:-1] for name in names} | {name + "x" for name in names} | {"Span", "bI"}
    assert not [word for word in near - names if trie.fullmatch(word)]


def test_a_megabyte_of_nested_inline_tags_is_quick() -> None:
    text = "<<b>" * 100_000
    start = time.perf_counter()
    assert Markup()(text) == "<" * 100_000
    assert time.perf_counter() - start < 0.5  # about 40 ms; a Python step a tag is 100


PAIR_PIECES = ['"', "(", ")", "«", "»", "“", "”", " ", "\u00a0", "أ", "ب", "x", "=", "<", "1"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PAIR_PIECES), max_size=30).map("".join))
def test_tighten_line_skips_only_lines_it_would_not_change(line: str) -> None:
    fast = pairs.tighten_line(line)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pairs, "_MAY_EDIT", re.compile(""))  # every line paired
        assert pairs.tighten_line(line) == fast
    if not pairs.may_tighten(line):
        assert fast == (line, 0, 0)


@pytest.mark.parametrize("line", ['<a x="<a x="', "(x=1)", '"a"="b"', "«1»"])
def test_lines_no_pair_of_which_can_change(line: str) -> None:
    assert not pairs.may_tighten(line)
    assert pairs.tighten_line(line) == (line, 0, 0)
