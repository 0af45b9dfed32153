"""Adversarial inputs, each cleaned by every preset within a time limit.

Every case runs in a forked child process that is killed when it overruns its limit, so
a quadratic regular expression or a runaway loop fails the test instead of hanging the
suite. The sizes here are chosen so that the whole file runs in seconds while anything
quadratic would take minutes; ``ARCLEAN_LONG=1`` runs them at full size (a 50 MB line,
50 MB of marks, ...) with a longer limit.

What arclean does with lone surrogates (which no decoder produces, but a library
caller may pass): they are not text it knows, so every filter leaves them where they
are and the output holds them unchanged; encoding that output to UTF-8 needs
``errors="surrogatepass"``. The command line never meets them: its decoders refuse
or replace undecodable bytes.
"""

from __future__ import annotations

import codecs
import io as stdio
import multiprocessing
import os
import re
import time
import traceback
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import arclean
from arclean import io, runner
from arclean.cli import cli
from arclean.filters import FILTERS
from arclean.filters.paragraph_keys import near_key

LONG = os.environ.get("ARCLEAN_LONG") == "1"
MB = 1 << 20
SIZE = 50 * MB if LONG else MB // 16  # characters of the large cases
LIMIT = 300.0 if LONG else 20.0  # seconds for each case, all presets together
PRESETS = sorted(arclean.PRESETS)
FATHA = "\u064e"
SENTENCE = "قال الوزير إن الحكومة ستعمل على تحسين الخدمات في المدينة"


def within(limit: float, check: Callable[[], Any]) -> Any:
    """Run ``check`` in a forked child; fail when it takes longer than ``limit`` seconds
    or raises (with the child's traceback). Returns what ``check`` returned."""
    if not hasattr(os, "fork"):
        return check()
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        try:
            send.send(("ok", check()))
        except BaseException:
            send.send(("error", traceback.format_exc()))

    process = context.Process(target=child, daemon=True)
    process.start()
    send.close()
    if not receive.poll(limit):
        process.kill()
        process.join()
        pytest.fail(f"took longer than {limit:.0f} s")
    kind, value = receive.recv()
    process.join()
    if kind == "error":
        pytest.fail(value, pytrace=False)
    return value


Expect = Callable[[str, str, str], None]  # (preset, input, output): assert something


def _check_every_preset(text: str, expect: Expect | None = None) -> None:
    """Clean ``text`` with every preset: valid text, idempotent, and what ``expect`` says."""
    controls = {c for c in text if unicodedata.category(c) == "Cc"}
    for preset in PRESETS:
        out = arclean.clean(text, preset)
        out.encode("utf-8", "surrogatepass" if _has_surrogate(text) else "strict")
        new = {c for c in out if unicodedata.category(c) == "Cc"} - controls - {"\n"}
        assert not new, (preset, sorted(new))
        assert arclean.clean(out, preset) == out, preset
        if expect is not None:
            expect(preset, text, out)


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text)


def _empty(preset: str, text: str, out: str) -> None:
    assert out == ""


def _marks(text: str) -> list[str]:
    return sorted(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) == "Mn")


def _cleaned(make: Callable[[], str], expect: Expect | None = None) -> None:
    """Build the input and clean it with every preset, in a child, within the limit."""
    within(LIMIT, lambda: _check_every_preset(make(), expect))


# --- nested and unclosed delimiters ------------------------------------------------------

# Each shape is a function of the size in characters (roughly).
NESTED: dict[str, Callable[[int], str]] = {
    "braces": lambda n: "{" * (n // 2) + "}" * (n // 2),
    "double braces": lambda n: "{{" * (n // 4) + " x " + "}}" * (n // 4),
    "template tags": lambda n: "{%" * (n // 4) + "%}" * (n // 4),
    "spaced template tags": lambda n: "{{ " * (n // 6) + "x" + " }}" * (n // 6),
    "angle brackets": lambda n: "<" * (n // 2) + ">" * (n // 2),
    "html elements": lambda n: "<div><b>" * (n // 16) + SENTENCE + "</b></div>" * (n // 18),
    "comments": lambda n: "<!--" * (n // 8) + "-->" * (n // 6),
    "parentheses": lambda n: "(" * (n // 2) + SENTENCE + ")" * (n // 2),
    "arabic in parentheses": lambda n: (SENTENCE + " (") * (n // 60) + ")" * (n // 60),
    "wiki links": lambda n: "[[" * (n // 4) + "]]" * (n // 4),
    "guillemets": lambda n: "«" * (n // 2) + "»" * (n // 2),
    "quotes": lambda n: '"' * n,
    "arabic in quotes": lambda n: ('"' + SENTENCE + " ") * (n // 60),
    "backticks": lambda n: "`" * n,
    "code fences": lambda n: "```\n" * (n // 16),
}
UNCLOSED: dict[str, Callable[[int], str]] = {
    "double braces": lambda n: "{{ a " * (n // 5),
    "brace then spaces": lambda n: "{" + " " * n + "x",
    "brace then tabs": lambda n: "{" + "\t" * n + "x",
    "template tag": lambda n: "{% " * (n // 3),
    "comment": lambda n: "{# " * (n // 3),
    "tags": lambda n: "<a href=" * (n // 8),
    "html comment": lambda n: "<!-- " + SENTENCE * (n // 60),
    "script": lambda n: "<script>" + SENTENCE * (n // 60),
    "url": lambda n: "http://" + "a" * n,
    "url of commas": lambda n: "قال http://" + "a," * (n // 2),
    "email-like": lambda n: "a@" * (n // 2),
    "mentions": lambda n: "@" * n,
    "hashtags": lambda n: "#" * n,
    "paths": lambda n: "/" * n,
    "colons": lambda n: ":" * n,
    "dots": lambda n: "." * n,
    "arabic commas": lambda n: "قال ," * (n // 5),
    "pipes": lambda n: "قال | " * (n // 6),
}
# Shapes that tempt a filter to compare every line with every other, or to rescan.
MANY_LINES: dict[str, Callable[[int], str]] = {
    "teasers": lambda n: "".join(
        f"{SENTENCE} رقم {i} في التقرير السنوي\n{SENTENCE} رقم {i} في ...\n"
        for i in range(n // 120)
    ),
    "same teaser": lambda n: f"{SENTENCE} ...\n" * (n // 60),
    "near repeats": lambda n: "".join(
        SENTENCE + FATHA * (i % 3) + f" {i % 50}\n" for i in range(n // 60)
    ),
    "sentences repeated in a line": lambda n: (SENTENCE + ". ") * (n // 60),
    "table cells": lambda n: (SENTENCE + " | ") * (n // 60),
    "verse": lambda n: "قال الشاعر في الليل\n" * (n // 20),
    "mark storm": lambda n: "ب" + "\u0651\u064e" * (n // 2),
    "line breaks of every kind": lambda n: "\r\n\r\u2028\u2029\x0b\x0c\x85" * (n // 8),
    "persian and arabic lines": lambda n: "این یک کتاب است\nقال الوزير في المدينة\n" * (n // 40),
    "mojibake lines": lambda n: "Ø§Ù„Ø¹Ø±Ø§Ù‚ ÇáÚÑÇÞ\n" * (n // 24),
}
SHAPES = {
    **{f"nested {k}": v for k, v in NESTED.items()},
    **{f"unclosed {k}": v for k, v in UNCLOSED.items()},
    **MANY_LINES,
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_adversarial_shape(name: str) -> None:
    _cleaned(lambda: SHAPES[name](SIZE))


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        arclean.clean(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_cleaning_time_grows_linearly(name: str) -> None:
    # Sixteen times the text may take sixteen times as long, not 256: a quadratic step
    # shows here at sizes far below those where the time limit would catch it.
    small, large = 8 * 1024, 128 * 1024

    def ratio() -> tuple[float, float]:
        return _seconds(SHAPES[name](small)), _seconds(SHAPES[name](large))

    little, big = within(LIMIT, ratio)
    assert big < 0.05 or big < 48 * little, f"{little:.4f} s, then {big:.4f} s for 16x"


OPENERS = [
    "{{",
    "{%",
    "{#",
    "{",
    "<",
    '<a href="',
    "<!--",
    "<script>",
    "[[",
    "`",
    "```",
    '"',
    "(",
    "«",
]


@pytest.mark.parametrize("opener", OPENERS)
def test_an_unclosed_delimiter_loses_no_word_after_it(opener: str) -> None:
    # When unsure, keep: a delimiter that is never closed is no artifact, and the words
    # after it, on its line and on the next, stay.
    text = f"{SENTENCE} {opener} {SENTENCE} الثاني\nوأضاف أن الخطة تشمل المدارس\n"
    for preset in PRESETS:
        kept = set(near_key(arclean.clean(text, preset)).split())
        assert set(near_key(text.replace(opener, " ")).split()) <= kept, preset


# --- many lines, long lines ---------------------------------------------------------------


def test_a_million_newlines() -> None:
    _cleaned(lambda: "\n" * 1_000_000, _empty)


def test_many_short_lines() -> None:
    # Back-to-back repeats of a one-letter line collapse; alternating lines stay.
    def one_line(preset: str, text: str, out: str) -> None:
        assert out == "ب\n"

    def two_lines(preset: str, text: str, out: str) -> None:
        assert out == "ب\nت\n"

    _cleaned(lambda: "ب\n" * (SIZE // 2), one_line)
    _cleaned(lambda: "ب\nت\n" * (SIZE // 4), two_lines)


def test_teasers_go_and_full_paragraphs_stay() -> None:
    lines = SIZE // 120

    def full_paragraphs_only(preset: str, text: str, out: str) -> None:
        assert out.count("\n") == lines and "..." not in out

    _cleaned(lambda: MANY_LINES["teasers"](SIZE), full_paragraphs_only)


def test_a_long_line_of_words() -> None:
    _cleaned(lambda: (SENTENCE + "، ") * (SIZE // 60))


def test_a_long_line_without_a_space() -> None:
    def whole(preset: str, text: str, out: str) -> None:
        assert out == text + "\n"

    _cleaned(lambda: "ب" * SIZE, whole)


def test_a_long_line_of_mixed_scripts_and_marks() -> None:
    _cleaned(lambda: ("قال: «hello» ٣٫١٤ 3.14 ـ اللـه ،" + "\u200f\u064e") * (SIZE // 40))


# --- every code point of the Arabic blocks ---------------------------------------------

ARABIC_BLOCKS = [
    (0x0600, 0x06FF),  # Arabic
    (0x0750, 0x077F),  # Arabic Supplement
    (0x0870, 0x089F),  # Arabic Extended-B
    (0x08A0, 0x08FF),  # Arabic Extended-A
    (0xFB50, 0xFDFF),  # Arabic Presentation Forms-A
    (0xFE70, 0xFEFF),  # Arabic Presentation Forms-B
    (0x10E60, 0x10E7F),  # Rumi Numeral Symbols
    (0x10EC0, 0x10EFF),  # Arabic Extended-C
    (0x1EC70, 0x1ECBF),  # Indic Siyaq Numbers
    (0x1ED00, 0x1ED4F),  # Ottoman Siyaq Numbers
    (0x1EE00, 0x1EEFF),  # Arabic Mathematical Alphabetic Symbols
]
EVERY_ARABIC = [chr(c) for low, high in ARABIC_BLOCKS for c in range(low, high + 1)]


@pytest.mark.parametrize(
    "layout",
    ["one string", "one per word", "inside words", "one per line", "after each letter"],
)
def test_every_code_point_of_the_arabic_blocks(layout: str) -> None:
    text = {
        "one string": "".join(EVERY_ARABIC),
        "one per word": " ".join(EVERY_ARABIC),
        "inside words": " ".join(f"ب{c}ت" for c in EVERY_ARABIC),
        "one per line": "\n".join(f"قال {c} إن" for c in EVERY_ARABIC),
        "after each letter": "".join(f"{c}ب" for c in EVERY_ARABIC),
    }[layout]
    _cleaned(lambda: text)


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: f.name)
def test_every_code_point_of_the_arabic_blocks_through_each_filter(flt: Any) -> None:
    text = " ".join(f"ب{c}ت {c}" for c in EVERY_ARABIC)

    def check() -> None:
        once = arclean.clean(text, select=[flt.name])
        assert arclean.clean(once, select=[flt.name]) == once

    within(LIMIT, check)


def test_safe_keeps_every_arabic_letter_and_digit() -> None:
    # safe changes no letter: every letter and digit of the blocks comes through.
    text = " ".join(EVERY_ARABIC)
    kept = arclean.clean(text, "safe")
    for c in EVERY_ARABIC:
        if unicodedata.category(c)[0] in "LN":
            assert c in kept, f"U+{ord(c):04X}"


# --- combining-mark storms ----------------------------------------------------------------


def test_a_letter_with_500_marks() -> None:
    text = "ب" + "\u064e" * 500

    def marks_kept_unless_folded(preset: str, text: str, out: str) -> None:
        if "diacritics" in arclean.PRESETS[preset].filters:
            assert out == "ب\n"  # search folds diacritics away
        else:
            assert out == text + "\n"  # every mark kept

    _cleaned(lambda: text, marks_kept_unless_folded)


def test_a_letter_with_500_marks_of_every_kind() -> None:
    marks = [c for c in EVERY_ARABIC if unicodedata.category(c) == "Mn"]
    text = " ".join("ب" + "".join(marks[i : i + 500]) for i in range(0, len(marks), 7))

    def marks_kept_unless_folded(preset: str, text: str, out: str) -> None:
        # A lossless preset may put marks in canonical order or compose them with
        # their letter (alef + hamza above is أ), never drop one.
        if "diacritics" not in arclean.PRESETS[preset].filters:
            assert _marks(out) == _marks(text)

    _cleaned(lambda: text, marks_kept_unless_folded)


@pytest.mark.parametrize("marks", ["\u0651\u064e", "\u064e\u0651", "\u0301\u0316", "\u0670\u0654"])
def test_a_megabyte_storm_of_marks_in_linear_time(marks: str) -> None:
    # CPython orders combining marks by insertion (quadratic); arclean sorts long runs
    # first, so a storm of alternating classes takes a fraction of a second.
    def marks_kept_unless_folded(preset: str, text: str, out: str) -> None:
        if "diacritics" not in arclean.PRESETS[preset].filters:
            assert len(out) == len(text) + 1

    _cleaned(lambda: "ب" + marks * (SIZE // 2), marks_kept_unless_folded)


def test_many_letters_each_with_many_marks() -> None:
    _cleaned(lambda: ("ب" + "\u0651\u064e\u0650" * 20 + " ") * (SIZE // 62))


# --- bidi override bombs --------------------------------------------------------------------

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


@pytest.mark.parametrize(
    "make",
    [
        lambda: "\u202e" * SIZE,
        lambda: "\u202d\u202e" * (SIZE // 2),
        lambda: (BIDI + SENTENCE) * (SIZE // 80),
        lambda: (SENTENCE.replace(" ", " \u202e\u2067")) * (SIZE // 100),
        lambda: "\u2066" * (SIZE // 2) + SENTENCE + "\u2069" * (SIZE // 2),
    ],
    ids=["RLO", "LRO and RLO", "every control around words", "inside sentences", "isolates"],
)
def test_bidi_override_bombs_leave_no_control_and_every_word(make: Callable[[], str]) -> None:
    def no_control_every_word(preset: str, text: str, out: str) -> None:
        assert not set(out) & set(BIDI)
        if SENTENCE in text.translate(dict.fromkeys(map(ord, BIDI))):
            assert set(near_key(SENTENCE).split()) <= set(near_key(out).split())

    _cleaned(make, no_control_every_word)


# --- NUL bytes, lone surrogates ---------------------------------------------------------


def test_nul_characters_in_the_library() -> None:
    def no_nul(preset: str, text: str, out: str) -> None:
        assert "\x00" not in out and near_key("قال إن") in near_key(out)

    _cleaned(lambda: ("قال\x00 إن\x00\x00 " + SENTENCE + "\x00\n") * (SIZE // 80), no_nul)


def test_nul_bytes_on_the_command_line_are_refused_in_one_line() -> None:
    for data in (b"\x00" * 1000, "قال\x00إن".encode(), SENTENCE.encode() * 100 + b"\x00"):
        result = CliRunner().invoke(cli, [], input=data)
        assert result.exit_code == 2 and result.stdout_bytes == b""
        assert re.fullmatch(r"arclean: error: <stdin>: binary input .*\n", result.stderr)


SURROGATES = ["\ud800", "\udfff", "\ud83d", "قال \udc00 إن", "\udfff\ud800" * 10, "ب\ud800\u064e"]


@pytest.mark.parametrize("text", SURROGATES, ids=repr)
def test_lone_surrogates_pass_through_the_library_unchanged(text: str) -> None:
    for run in [*(("preset", p) for p in PRESETS), *(("filter", f.name) for f in FILTERS)]:
        kind, name = run
        out = arclean.clean(text, name) if kind == "preset" else arclean.clean(text, select=[name])
        surrogates = [c for c in text if "\ud800" <= c <= "\udfff"]
        assert [c for c in out if "\ud800" <= c <= "\udfff"] == surrogates, run
        out.encode("utf-8", "surrogatepass")
    assert "".join(arclean.clean_stream([text[:1], text[1:]])) == arclean.clean(text)


def test_a_megabyte_of_lone_surrogates() -> None:
    _cleaned(lambda: "\ud800\udc00\udfff" * (SIZE // 3))  # "\ud800\udc00" is a pair in str


# --- invalid UTF-8 at a chunk boundary ------------------------------------------------------

ARABIC_BYTES = "سلام عليكم".encode()


def _decode_in_blocks(data: bytes, block: int, **kwargs: Any) -> str:
    return "".join(io.iter_decoded(stdio.BytesIO(data), "x", block=block, **kwargs))


def _where(message: str) -> tuple[str, str]:
    found = re.search(r"byte (0x[0-9a-f]{2}) at offset (\d+)", message)
    assert found, message
    return found[1], found[2]


@pytest.mark.parametrize("block", [1, 2, 3, 4, 5, 7, 64])
@pytest.mark.parametrize(
    "data",
    [
        ARABIC_BYTES + b"\xd8",  # cut at the end
        ARABIC_BYTES[:3] + b"a" + ARABIC_BYTES[3:],  # a lead byte before ASCII
        ARABIC_BYTES[:4] + b"\xff" + ARABIC_BYTES[4:],
        ARABIC_BYTES[:5] + b"\x80\x80" + ARABIC_BYTES[5:],  # continuation bytes alone
        b"abc\xd8" + b"abcd" * 3,
        b"abcdabcd\xe2\x80",  # a three-byte sequence cut at the end
    ],
    ids=[
        "cut at end",
        "lead then ascii",
        "0xff",
        "lone continuations",
        "lead at boundary",
        "cut 3-byte",
    ],
)
def test_invalid_utf8_at_a_block_boundary_names_the_byte_and_offset(
    data: bytes, block: int
) -> None:
    with pytest.raises(arclean.InputError) as whole:
        io.decode(data, "x", "utf-8")
    with pytest.raises(arclean.InputError) as streamed:
        _decode_in_blocks(data, block, encoding="utf-8")
    assert _where(str(streamed.value)) == _where(str(whole.value))
    assert "\n" not in str(streamed.value)


@pytest.mark.parametrize("block", [1, 2, 3, 5, 8])
def test_replacing_undecodable_bytes_in_blocks_matches_decoding_whole(block: int) -> None:
    data = ARABIC_BYTES + b"\xd8 x \xff\xfe" + ARABIC_BYTES[:5] + b"a" + ARABIC_BYTES + b"\xe2\x80"
    streamed = _decode_in_blocks(data, block, encoding="utf-8", errors="replace")
    assert streamed == data.decode("utf-8", "replace")


@pytest.mark.parametrize("block", [1, 2, 3, 4, 5])
def test_nul_and_utf16_cut_at_a_block_boundary(block: int) -> None:
    with pytest.raises(arclean.InputError, match="NUL byte at offset 8"):
        _decode_in_blocks(b"abcdabcd\x00efgh", block, encoding="utf-8")
    odd = "سلا".encode("utf-16-le") + b"\x00"
    with pytest.raises(arclean.InputError, match="at offset 6"):
        _decode_in_blocks(odd, block, encoding="utf-16-le")


def test_a_streamed_file_cut_inside_a_character_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Above the streaming threshold a file is decoded block by block; it used to end
    # with an IndexError traceback when its last character was cut.
    monkeypatch.setattr(runner, "STREAM_ABOVE", 64)
    path = tmp_path / "cut.txt"
    data = (SENTENCE + "\n").encode() * 50 + "م".encode()[:1]
    path.write_bytes(data)
    streamed = CliRunner().invoke(cli, [str(path)])
    monkeypatch.setattr(runner, "STREAM_ABOVE", 8 * MB)
    whole = CliRunner().invoke(cli, [str(path)])
    for result in (streamed, whole):
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.startswith(f"arclean: error: {path}: not valid ")
        assert result.stderr.count("\n") == 1
        assert _where(result.stderr) == ("0xd9", str(len(data) - 1))


# --- a BOM in the middle -------------------------------------------------------------------------


def test_a_bom_in_the_middle_is_removed_by_every_preset() -> None:
    text = "\ufeff" + SENTENCE + "\ufeff\n" + "نص\ufeffآخر\n" + "\ufeff" * 1000 + "\n"

    def no_bom(preset: str, text: str, out: str) -> None:
        assert "\ufeff" not in out and near_key("نصآخر") in near_key(out)

    _cleaned(lambda: text, no_bom)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le", "utf-32"])
@pytest.mark.parametrize("threshold", [64, 8 * MB], ids=["streamed", "whole"])
def test_a_bom_in_the_middle_of_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str, threshold: int
) -> None:
    # Only a leading BOM is a signature; one in the middle is an invisible character,
    # which the default removes, wherever a block boundary falls.
    monkeypatch.setattr(runner, "STREAM_ABOVE", threshold)
    text = "".join(f"{SENTENCE} {i}\ufeff\n" for i in range(40))
    data = text.encode(encoding)
    if encoding == "utf-8":
        data = codecs.BOM_UTF8 + data
    path = tmp_path / "bom.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["--encoding", encoding, str(path)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == arclean.clean(text)
    assert "\ufeff" not in result.stdout


def test_the_command_line_under_a_time_limit() -> None:
    # The large cases through the CLI too (streamed above 8 MB with ARCLEAN_LONG=1).
    def check() -> int:
        data = ("{" + " " * (SIZE // 4) + "\n" + "«" * (SIZE // 4) + "\n").encode()
        return CliRunner().invoke(cli, [], input=data).exit_code

    assert within(LIMIT, check) == 0
