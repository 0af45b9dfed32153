"""The character tables say what they mean: names, code points and comments agree."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from arclean import chars

SOURCE = Path(chars.__file__).read_text(encoding="utf-8")
# A line naming a character and then, in its comment, its code point.
ESCAPED_LINE = re.compile(r'"\\N\{([^}]+)\}",?\)?\s*#\s*U\+([0-9A-F]{4,5})\b')
ANY_ESCAPE = re.compile(r"\\N\{[^}]+\}")


def _documented_lines() -> list[tuple[str, str]]:
    return [(m[1], m[2]) for m in ESCAPED_LINE.finditer(SOURCE)]


def test_every_escape_in_code_has_a_code_point_comment() -> None:
    code_lines = [line for line in SOURCE.splitlines() if ANY_ESCAPE.search(line)]
    code_lines = [line for line in code_lines if not line.lstrip().startswith(("#", "This"))]
    assert len(code_lines) == len(_documented_lines()) > 50


@pytest.mark.parametrize("name, code_point", _documented_lines())
def test_comment_code_points_match_names(name: str, code_point: str) -> None:
    assert ord(unicodedata.lookup(name)) == int(code_point, 16)


def _single_char_constants() -> list[tuple[str, str]]:
    return [
        (name, value)
        for name, value in vars(chars).items()
        if name.isupper() and isinstance(value, str) and len(value) == 1
    ]


@pytest.mark.parametrize("constant, value", _single_char_constants())
def test_constant_names_follow_unicode_names(constant: str, value: str) -> None:
    official = unicodedata.name(value)
    candidates = {official}
    for prefix in ("ARABIC LETTER ", "ARABIC "):
        if official.startswith(prefix):
            candidates.add(official.removeprefix(prefix))
    candidates |= {c.replace(" WITH ", " ") for c in candidates}  # ALEF_HAMZA_ABOVE
    assert constant in {re.sub(r"[ -]", "_", c) for c in candidates}


def test_sets_hold_single_characters() -> None:
    names = ["INVISIBLE", "HORIZONTAL_SPACES", "LINE_BREAKS", "CLOSERS", "HARAKAT"]
    names += ["NON_ARABIC_LETTERS", "ALEF_VARIANTS", "LOOKALIKES"]
    for name in names:
        assert all(len(c) == 1 for c in getattr(chars, name)), name


def test_joiners_are_deliberately_not_invisible() -> None:
    # ZWNJ spells Persian words; ZWJ builds emoji. Neither is an artifact by itself.
    assert "\N{ZERO WIDTH NON-JOINER}" not in chars.INVISIBLE
    assert "\N{ZERO WIDTH JOINER}" not in chars.INVISIBLE


@pytest.mark.parametrize(
    "form, letters",
    [
        ("\N{ARABIC LIGATURE LAM WITH ALEF WITH HAMZA ABOVE ISOLATED FORM}", "لأ"),
        ("\N{ARABIC LIGATURE LAM WITH ALEF WITH MADDA ABOVE FINAL FORM}", "لآ"),
        ("\N{ARABIC LETTER ALEF WITH HAMZA BELOW FINAL FORM}", "إ"),
        ("\N{ARABIC LETTER TEH MARBUTA FINAL FORM}", "ة"),
        ("\N{ARABIC FATHATAN ISOLATED FORM}", "\N{ARABIC FATHATAN}"),
        ("\N{ARABIC LETTER KEHEH ISOLATED FORM}", "\N{ARABIC LETTER KEHEH}"),
    ],
)
def test_presentation_form_table(form: str, letters: str) -> None:
    assert chars.PRESENTATION_FORMS[ord(form)] == letters


@pytest.mark.parametrize(
    "kept",
    [
        "\N{ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM}",
        "\N{ARABIC LIGATURE ALLAH ISOLATED FORM}",
        "\N{ARABIC LIGATURE BISMILLAH AR-RAHMAN AR-RAHEEM}",
        "\N{RIAL SIGN}",
        "\N{ORNATE LEFT PARENTHESIS}",
    ],
)
def test_word_ligatures_and_symbols_are_not_expanded(kept: str) -> None:
    assert ord(kept) not in chars.PRESENTATION_FORMS


def test_no_presentation_form_maps_to_a_space() -> None:
    assert not [v for v in chars.PRESENTATION_FORMS.values() if " " in v or not v]


def test_char_class_escapes_specials() -> None:
    assert re.fullmatch(chars.char_class("]-^\\"), "^")
    assert not re.fullmatch(chars.char_class("]-"), "a")


def test_digit_tables() -> None:
    assert [unicodedata.digit(c) for c in chars.ARABIC_INDIC_DIGITS] == list(range(10))
    assert [unicodedata.digit(c) for c in chars.EXTENDED_ARABIC_INDIC_DIGITS] == list(range(10))


def test_mark_ranges_hold_only_marks_and_small_letters() -> None:
    for lo, hi in chars.ARABIC_MARK_RANGES:
        for cp in range(ord(lo), ord(hi) + 1):
            category = unicodedata.category(chr(cp))
            # Small waw and small yeh (U+06E5-06E6) are modifier letters used as marks.
            assert category in {"Mn", "Lm"}, hex(cp)


def test_lookalikes_map_to_arabic_letters() -> None:
    for source, target in chars.LOOKALIKES.items():
        assert unicodedata.name(target).startswith("ARABIC LETTER")
        assert ord(target) < 0x0660 < ord(source)
