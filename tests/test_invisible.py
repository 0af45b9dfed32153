"""The invisible filter: what it removes, and the joiners it keeps."""

from __future__ import annotations

import pytest

from arclean.filters import Invisible, remove_invisible

ZWNJ, ZWJ = "\u200c", "\u200d"


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("نمو\u200f 5", "نمو 5"),
        ("نمو 5.\u200f2 مليون", "نمو 5.2 مليون"),  # a mark inside a number
        ("\ufeffبداية", "بداية"),
        ("كل\u200bمة", "كلمة"),
        ("\u202bنص\u202c", "نص"),
        ("\u2067نص\u2069 \u2066text\u2069", "نص text"),
        ("\u061cعربي\u200e", "عربي"),
        ("Zucker\u00adwatte", "Zuckerwatte"),
        ("a\u2060b", "ab"),
        ("a\x00b\x07c\x1bd\x7fe", "abcde"),  # C0 controls and DEL
        ("a\x80b\x9fc", "abc"),  # C1 controls
        ("a\u206ab\u206fc", "abc"),  # deprecated format characters
        (f"قال{ZWNJ} إن الوزير", "قال إن الوزير"),  # ZWNJ in an Arabic paragraph
    ],
)
def test_invisible_removes(dirty: str, clean: str) -> None:
    assert remove_invisible(dirty) == clean
    assert Invisible().apply(dirty)[1]["chars_removed"] == len(dirty) - len(clean)


@pytest.mark.parametrize(
    "text",
    [
        "a\tb\nc",  # tab and newline are text layout
        "a\rb\x0bc\x0cd\x85e",  # line breaks: the whitespace filter's business
        f"می{ZWNJ}خواهم این کتاب را بخوانم",  # Persian: ZWNJ is spelling
        f"کتاب{ZWNJ}ها",  # unsure (no evidence either way): keep
        f"👨{ZWJ}👩{ZWJ}👧",
        f"क्{ZWNJ}ष",  # Devanagari: not Arabic, not ours
    ],
)
def test_invisible_keeps(text: str) -> None:
    assert remove_invisible(text) == text


def test_zwnj_decided_per_paragraph() -> None:
    text = f"قال{ZWNJ} إن الوزير في الحكومة\nمی{ZWNJ}خواهم این کتاب را بخوانم"
    assert remove_invisible(text) == f"قال إن الوزير في الحكومة\nمی{ZWNJ}خواهم این کتاب را بخوانم"
