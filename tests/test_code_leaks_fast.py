"""The code-leaks filter's signs of code, rewritten for speed, match what they matched.

Each branch of the pattern for a sign of code now starts with a literal character (the
word boundary before it written as a lookbehind after it), so re scans for those
characters instead of trying every branch at every position. The pattern as it was is
kept here and compared with the new one on random text made of the pieces of code it
looks for, at random start and end positions, as the filter searches it.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arclean.filters import code_leaks
from arclean.filters.code_leaks import CodeLeaks

PLAIN_SIGNAL = re.compile(
    r"""(?x)
      (?<![\w$])jQuery[ \t]*[(.]                       # jQuery(...), jQuery.noConflict
    | (?<![\w$])\$[ \t]*\([ \t]*['"]                   # $('#id')
    | (?<![\w$])\$\.[A-Za-z]+\(                        # $.ajax(
    | \bfunction\b[ \t]*[\w$]*[ \t]*\(                 # function(...), function name(
    | \b(?:var|const)[ \t]+[A-Za-z_$][\w$]*[ \t]*=     # var x =
    | \b(?:document|window)\.[A-Za-z_$][\w$]*[ \t]*[(=.]   # document.write(, window.x =
    | \.(?:html|attr|val|css|ready|submit|click|ajax|post|append|each|hide|show|bind|on)\(
    | \b(?:_gaq|_gat|googletag|dataLayer|gtag|fbq|twttr|FB)\b[ \t]*[.(]
    | \}[ \t]*\)(?:[ \t]*\([^()\n]*\))?[ \t]*;         # }); and })();
    | =>[ \t]*\{                                       # arrow function body
    | @(?:media|import|font-face|keyframes|charset)\b  # CSS at-rules
    # A CSS block with a declaration: { padding: 0; } { color: #fff }
    | \{[ \t]*-?[A-Za-z][-A-Za-z]*[ \t]*:(?=[^{}\n]*?(?:;|\d|\#[0-9A-Fa-f]{3}))[^{}\n]*+\}
    """
)
SIGNAL = re.compile(code_leaks._SIGNAL)

WORDS = (
    "jQuery", "$", "function", "var", "const", "document", "window", "dataLayer", "_gaq",
    "_gat", "googletag", "gtag", "fbq", "twttr", "FB", "html", "ready", "media", "import",
    "x", "a", "_", "1", "نص", "ـ", "é",
)  # fmt: skip
SIGNS = (" ", " ", "\t", "\n", ".", "(", ")", "{", "}", ";", ":", "=", "=>", "@", "'", '"', "#fff")
PIECES = WORDS + SIGNS


def spans(pattern: re.Pattern[str], text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, pos, endpos)]


@given(
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    st.integers(0, 200),
    st.integers(0, 200),
)
def test_signal_matches_what_the_plain_pattern_matched(text: str, pos: int, endpos: int) -> None:
    assert spans(SIGNAL, text, 0, len(text)) == spans(PLAIN_SIGNAL, text, 0, len(text))
    assert spans(SIGNAL, text, pos, endpos) == spans(PLAIN_SIGNAL, text, pos, endpos)


@pytest.mark.parametrize(
    "text",
    [
        "jQuery(document).ready(function(){",
        "xjQuery(1)",  # a word before: no sign
        "$jQuery(1)",
        "$('#id') $$('#id') a$.ajax(",
        "var x = 1; avar y = 2; const z=3",
        "document.write( window.x = _document.x(",
        "_gaq.push( a_gaq.push( gtag( googletag.cmd( dataLayer.push( fbq( twttr. FB.",
        "FBx( gtagx(",
        "}); })(); } ) ( a ) ;",
        "x => { @media screen @mediax",
        "{ color: #fff } {a: ;} {a: ;",
        "نص jQuery(x) نص",
    ],
)
def test_signal_cases(text: str) -> None:
    assert spans(SIGNAL, text, 0, len(text)) == spans(PLAIN_SIGNAL, text, 0, len(text))
    for pos in range(len(text)):
        assert spans(SIGNAL, text, pos, len(text)) == spans(PLAIN_SIGNAL, text, pos, len(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نص\njQuery(document).ready(function(){\n});\nنص آخر", "نص\nنص آخر"),
        ("نص\nxgtag(1)\nنص", "نص\nxgtag(1)\nنص"),  # not a sign of code: kept
        ("نص\n" + "{a: ;" * 50 + "\nنص", "نص\n" + "{a: ;" * 50 + "\nنص"),
        ("استخدم jQuery(document).ready في الصفحة", "استخدم jQuery(document).ready في الصفحة"),
    ],
)
def test_filter_cases(text: str, expected: str) -> None:
    assert CodeLeaks().apply(text)[0] == expected
