"""The markup filter's speed-ups for adversarial input change nothing it finds.

Runs of "[" (``[[[[``) once tried every BBCode tag name at every bracket, and every
unclosed ``<!--`` or ``<script>`` sent the block scan round a Python loop. Each
rewritten piece is compared here with the plain form it stands for, on random text made
of the characters that matter to it, and on explicit cases.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arclean.filters import markup
from arclean.filters.markup import Markup

# The checks before the BBCode and wiki-link branches of the token pattern: a BBCode tag
# starts with a letter, "/" or "*", a wiki link with "[" and a character of its target,
# or a URL.
GUARD = "(?=[*/]|(?i:[a-z]))"
WIKI_GUARD = r"(?=\[(?:[^\[\]\n|]|\[%)|h|/)"
# The token pattern as it was: one class for the first character, and a lookbehind
# choosing the kinds it may begin.
PLAIN_TOKEN = re.compile(
    r"[<\[{](?:"
    f"(?<=<)(?:(?P<tag>{markup._TAG})|(?P<decl>{markup._DECLARATION})|(?P<cut>{markup._CUT_TAG}))"
    f"|(?<=\\[)(?:(?P<bbcode>{markup._BBCODE})|(?P<wiki>{markup._WIKI_LINK}))"
    f"|(?<=\\{{)(?P<template>{markup._WIKI_TEMPLATE})"
    ")"
)
TOKEN = re.compile(markup._TOKEN)


def tokens(
    pattern: re.Pattern[str], text: str
) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_the_guard_is_in_the_pattern() -> None:
    assert markup._TOKEN.count(GUARD) == 1
    assert markup._TOKEN.count(WIKI_GUARD) == 1


PIECES = (
    "[", "[", "]", "]", "/", "*", "b", "B", "i", "url", "img", "quote", "h1", "=x", "|",
    "ſ", "K", "İ", "ı", "%", "[%", "%]", "http://x ", "//x ", "ar:", "نص", " ", "\n",
    "<", ">", "{", "}", "{{", "}}", "h", "https://x y", "[[%x%]|y]]",
)  # fmt: skip


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_token_pattern_finds_what_the_plain_one_finds(text: str) -> None:
    assert tokens(TOKEN, text) == tokens(PLAIN_TOKEN, text)


@pytest.mark.parametrize(
    "text",
    [
        "[[[[",
        "[b]نص[/b]",
        "[[مصر|المصرية]]",
        "[[[b]x[/b]]]",
        "[/quote]",
        "[*]بند",
        "[ſize=3]x",  # U+017F long s reads as "s" case-insensitively
        "[Kolor]x",  # U+212A Kelvin sign reads as "k"
        "[URL=http://x]y[/URL]",
        "[http://example.com رابط]",
        "[//example.com رابط]",
        "[1] [الحسنى]",
    ],
)
def test_token_pattern_cases(text: str) -> None:
    assert tokens(TOKEN, text) == tokens(PLAIN_TOKEN, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[" * 50, "[" * 50),
        ("[[[[b]نص[/b]", "[[[نص"),
        ("[[[مصر|المصرية]]", "[المصرية"),
        ("[1] [الحسنى]", "[1] [الحسنى]"),
    ],
)
def test_brackets_clean_as_before(text: str, expected: str) -> None:
    assert Markup().apply(text)[0] == expected


# --- Comments, scripts, styles and CDATA: the block scan as it was --------------------

PLAIN_BLOCK_OPEN = re.compile(r"<!--|<(?P<element>(?i:script|style))\b[^<>]*>|<!\[CDATA\[")
BLOCK_CLOSE = {
    "--": re.compile("-->"),
    "script": re.compile(r"(?i)</script\s*>"),
    "style": re.compile(r"(?i)</style\s*>"),
    "cdata": re.compile(r"\]\]>"),
}


def plain_remove_blocks(text: str) -> tuple[str, int, int]:
    """The block scan as it was: every opener found, the unclosed ones passed over."""
    out: list[str] = []
    pos = removed = unwrapped = 0
    unclosed: set[str] = set()
    while (opener := PLAIN_BLOCK_OPEN.search(text, pos)) is not None:
        element = (opener["element"] or "").lower()
        kind = element or ("--" if opener[0] == "<!--" else "cdata")
        if element and opener[0].endswith("/>"):
            out.append(text[pos : opener.start()])
            pos = opener.end()
            removed += 1
            continue
        closer = None
        if kind not in unclosed:
            start = opener.start() + 2 if kind == "--" else opener.end()
            closer = BLOCK_CLOSE[kind].search(text, start)
        if closer is None:
            unclosed.add(kind)
            out.append(text[pos : opener.end()])
            pos = opener.end()
            continue
        out.append(text[pos : opener.start()])
        if kind == "cdata":
            out.append(text[opener.end() : closer.start()])
            unwrapped += 1
        else:
            removed += 1
        pos = closer.end()
    out.append(text[pos:])
    return "".join(out), removed, unwrapped


BLOCK_PIECES = (
    "<!--", "-->", "<!-->", "<!-", "--", ">", "<", "<script>", "</script>", "<SCRIPT a=1>",
    "</script >", "<script src=x/>", "<script/>", "<style>", "</style>", "<Style x>",
    "<scripts>", "<![CDATA[", "]]>", "]]", "x", "نص", " ", "\n", "/", "/>",
)  # fmt: skip


@given(st.lists(st.sampled_from(BLOCK_PIECES), max_size=30).map("".join))
def test_blocks_removed_as_by_the_plain_scan(text: str) -> None:
    assert markup._remove_blocks(text) == plain_remove_blocks(text)


@pytest.mark.parametrize(
    "text",
    [
        "<!--" * 20,
        "<script>" * 20,
        "<!-- a <script>x</script> <style>y</style> <![CDATA[z]]> -->",
        "<!-- a <script>x</script> b",  # an unclosed comment; the script still goes
        "<script>x <script src=a/> <!-- b --> <style>c</style>",
        "<script>x<script/>y</script>",
        "<![CDATA[ <!--x--> <![CDATA[ y",
        "<!-->a<!-- b",
        "<STYLE>x</style ><style>",
    ],
)
def test_block_cases(text: str) -> None:
    assert markup._remove_blocks(text) == plain_remove_blocks(text)


def test_unclosed_comment_keeps_what_follows() -> None:
    assert Markup().apply("<!-- نص <b>x</b>") == ("<!-- نص x", {"tags_removed": 2})


# --- The writer: an inline tag's debt of nothing, and text written with no debt ------

HSPACE = " \t\u00a0"
WHITE = HSPACE + "\n\r"


class PlainWriter:
    """The writer as it was: every call reads the text for a debt to pay."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.owed = ""
        self.line_start = True
        self.last = ""

    def owe(self, separator: str) -> None:
        if separator == "\n" or not self.owed:
            self.owed = separator

    def write(self, text: str) -> None:
        if not text:
            return
        head = text.lstrip(markup._HSPACE)
        if head:
            if (
                self.owed == "\n"
                and not self.line_start
                and head[0] not in markup.chars.LINE_BREAKS
            ):
                self.parts.append("\n")
            elif (
                self.owed == " "
                and self.last
                and self.last not in markup._WHITE
                and text[0] not in markup._WHITE
            ):
                self.parts.append(" ")
            self.owed = ""
        self.parts.append(text)
        self.last = text[-1]
        ending = text.rstrip(markup._HSPACE)
        if ending:
            self.line_start = ending[-1] in markup.chars.LINE_BREAKS


STEPS = st.lists(
    st.one_of(
        st.sampled_from(("", " ", "\n")).map(lambda s: ("owe", s)),
        st.text(alphabet="ab \t\u00a0\n\r\u2028\x85", max_size=4).map(lambda s: ("write", s)),
    ),
    max_size=30,
)


@given(STEPS)
def test_writer_joins_as_the_plain_one(steps: list[tuple[str, str]]) -> None:
    writer, plain = markup._Writer(), PlainWriter()
    skipped = markup._Writer()  # an inline tag's debt of nothing is never written down
    for action, value in steps:
        getattr(writer, action)(value)
        getattr(plain, action)(value)
        if (action, value) != ("owe", ""):
            getattr(skipped, action)(value)
    assert writer.parts == plain.parts == skipped.parts
    assert (writer.owed, writer.line_start, writer.last) == (
        plain.owed,
        plain.line_start,
        plain.last,
    )
    assert (skipped.owed, skipped.line_start, skipped.last) == (
        plain.owed,
        plain.line_start,
        plain.last,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<<b>" * 3, "<<<"),
        ("أ<b>ب</b>ج", "أبج"),
        ("<td>أ</td><b></b><td>ب</td>", "أ ب"),  # an inline tag keeps the debt of a cell
        ("<p>أ</p><b></b><p>ب</p>", "أ\nب"),  # and of a block
        ("<p>أ</p> <i>ب</i>", "أ \nب"),  # spaces alone pay no debt
    ],
)
def test_inline_tags_owe_nothing(text: str, expected: str) -> None:
    assert Markup().apply(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "<\u017fcript>x</script>",  # U+017F long s, which (?i) reads as "s"
        "<scr\u0130pt>x",  # U+0130 capital I with dot above
        "<scr\u0131pt>x</script>",  # U+0131 dotless i
        "<\u017ftyle>x</style>",
    ],
)
def test_script_and_style_need_ascii_letters(text: str) -> None:
    """Such openers once raised KeyError; they are no element, and stay as text."""
    cleaned, _ = Markup().apply(text)
    assert cleaned.startswith(text[:8])
    assert Markup().apply(cleaned)[0] == cleaned
    assert markup._remove_blocks(text) == (text, 0, 0)
