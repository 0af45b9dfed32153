"""The punctuation filter's pre-checks: apply fixes only the lines they find, and must
give what running every rule over every line gives (apply_everywhere).

Also the pre-checks themselves: which lines pairs.lines_to_tighten finds, and which it
must not (a well-spaced line costs nothing), and that they take linear time.
"""

from __future__ import annotations

import time
from itertools import combinations, pairwise

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from arclean.filters import Punctuation
from arclean.filters.pairs import line_pairs, lines_to_tighten, tighten_line, tighten_pairs

# Words, spaces, brackets, quotes, marks and line breaks of every kind the rules know,
# and the starts of protected spans (a URL, a mention ending in a digit, inline code
# and a tag that hide a quote, an emoticon, a path), so that random lines hit every
# rule and every way a span changes what the rules see.
PIECES = [
    *("قال", "هذا", "ب", "أ", "ة", "٢٠", "۳", "\u064e", "\u0640"),
    *("x", "NATO", "5", "1,000", "3.14"),
    *(" ", "  ", "\xa0", "\t", "\u3000"),
    *("(", ")", "[", "]", "{", "}", "«", "»"),
    *('"', '"', '"', "“", "”", "„", "‟", "″", "'"),
    *(",", ";", "?", "،", "؛", "؟", ".", ":", "!", "…", "%"),
    *("....", "!!!!", "؟؟", "،،،،", ".."),
    *("\n", "\n", "\r", "\r\n", "\u2028", "\x0c"),
    *("https://x.com/a(b)", "@user1", "#وسم", '`x"`', '<b t=">', ":)", "./a", "a@b.co"),
]
OPTIONS = [
    {},
    {"max_run": 1},
    {"max_run": 1, "ellipsis": "…", "arabic_percent": True, "quotes": "«»"},
    {"ellipsis": "...", "quotes": '""'},
]
texts = st.lists(st.sampled_from(PIECES), max_size=50).map("".join)
# Fewer kinds, so that pairs and spaces meet more often.
PAIR_PIECES = [
    *("أ", "ب", "٢", "\u064e", "x", "5", "@u1"),
    *(" ", " ", '"', '"', "(", ")", "{", "}", "«", "»", "“", "”"),
    *("،", "؟", ".", "\n"),
]
pair_texts = st.lists(st.sampled_from(PAIR_PIECES), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(OPTIONS))
@example('قال `"` و "هذا "ثم', {})  # inline code hides a quote: the line pairs once masked
@example('قال <b t="> و "هذا "ثم', {})  # so does a tag
@example('@user1"هذا "ثم', {})  # a span that ends in a digit stands before an opener
@example('كود:\n```\nx = "قال" ;\n```\nقال ( هذا ) ,', {})  # fenced code: the whole text
@example("<pre>\n( أ )\n</pre>\nقال ( هذا )", {})
@example("\ufdd0 قال ( هذا ) , https://x.com", {})  # a placeholder already in the text
@example('"قال″,', {"quotes": "«»"})  # unified, the quote closes: the comma becomes Arabic
def test_apply_gives_what_every_rule_on_every_line_gives(text: str, options: dict) -> None:
    punctuation = Punctuation(**options)
    fast, careful = punctuation.apply(text), punctuation.apply_everywhere(text)
    assert fast == careful
    assert list(fast[1]) == list(careful[1])  # the counts in the same order too


@settings(max_examples=1000, deadline=None)
@given(pair_texts)
def test_tightening_only_the_lines_found_is_tightening_every_line(text: str) -> None:
    assert tighten_pairs(text) == tighten_pairs(text, every_line=True)


@settings(max_examples=1000, deadline=None)
@given(pair_texts)
def test_every_line_tightening_changes_is_found(text: str) -> None:
    found = {text[start:end] for start, end in lines_to_tighten(text)}
    for line in text.split("\n"):
        if tighten_line(line)[0] != line:
            assert line in found


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ('قال `"` و "هذا "ثم', 'قال `"` و "هذا" ثم'),
        ('قال <b t="> و "هذا "ثم', 'قال <b t="> و "هذا" ثم'),
        ('@user1"هذا "ثم', '@user1"هذا" ثم'),
        ('كود:\n```\nx = "قال" ;\n```\nقال ( هذا ) ,', 'كود:\n```\nx = "قال" ;\n```\nقال (هذا)،'),
        ("\ufdd0 قال ( هذا ) ,", "\ufdd0 قال (هذا)،"),
        ('قال "هذا "ثم\r\nقال ( هذا )\u2028" أ "', 'قال "هذا" ثم\r\nقال (هذا)\u2028"أ"'),
    ],
)
def test_lines_that_only_the_pre_checks_see_are_fixed(dirty: str, clean: str) -> None:
    assert Punctuation()(dirty) == clean


@pytest.mark.parametrize(
    "line",
    [
        "قال ( هذا ) ثم",  # (a) and (b), each bracket kind
        "قال [ هذا] ثم",
        "قال {هذا }ثم",
        "قال «هذا»ثم",  # (c)
        'قال " هذا" ثم',  # straight quotes, by their order
        'قال "هذا "ثم',
        'قال "هذا"ثم',
        'قال "أ" و "ب "',  # the second pair
        "(هل جاء ؟ )",  # (b) past a mark
        "من ” دكرنس ” ثم",  # curly quotes, either way round
        "صحيفة “لوفيغارو“ثم",
    ],
)
def test_lines_that_may_need_tightening_are_found(line: str) -> None:
    assert lines_to_tighten("ثم\n" + line + "\nثم") == [(3, 3 + len(line))]


@pytest.mark.parametrize(
    "line",
    [
        'قال "هذا" ثم "ذلك"، و(هنا) و«هناك».',  # well spaced
        'قال "هذا"، "ذلك". "هنا" و"هناك"',
        'قال " هذا',  # an odd count: the quotes do not pair
        'قال "هذا "ثم "',
        'قال ""هذا"" ثم',  # quotes side by side
        "قال ( هذا",  # an opener with no closer
        "قال هذا ) ثم",  # a closer with no opener
        "{{ x }}",
        "( NATO )",
        'He said " hello " to me',
        "قال هذا ثم",
    ],
)
def test_well_spaced_or_unpaired_lines_are_skipped(line: str) -> None:
    assert lines_to_tighten(line) == []
    assert tighten_line(line)[0] == line


@pytest.mark.parametrize(
    "unit",
    ['"أ ', '" ', "( أ", " )؟", "أ )", "{{ أ", '"(', "“ أ", "، ", "!", ' "x" ', "() ", "( ("],
)
def test_adversarial_lines_clean_in_linear_time(unit: str) -> None:
    text = unit * (200_000 // len(unit))
    start = time.process_time()
    Punctuation().apply(text)
    assert time.process_time() - start < 2.0


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(['"', '"', "أ", " ", "5", "x"]), max_size=30).map("".join))
def test_straight_quotes_pair_first_with_second_when_they_can(line: str) -> None:
    quotes = [i for i, char in enumerate(line) if char == '"']
    trusted = (
        len(quotes) % 2 == 0
        and all(after - before > 1 for before, after in pairwise(quotes))
        and not any(o and line[o - 1].isdigit() for o in quotes[::2])
    )
    pairs = list(zip(quotes[::2], quotes[1::2], strict=False))  # [] unless trusted
    assert line_pairs(line) == (pairs if trusted else [])


@settings(max_examples=1000, deadline=None)
@given(pair_texts)
def test_pairs_come_in_order_and_never_cross(text: str) -> None:
    for line in text.split("\n"):
        found = line_pairs(line)
        assert found == sorted(found)
        for (o, c), (inner_o, inner_c) in combinations(found, 2):
            assert not o < inner_o < c < inner_c
