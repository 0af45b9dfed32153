"""Each filter on its own: what it must change, and what it must leave alone."""

from __future__ import annotations

import pickle

import pytest

from arclean.filters import (
    FILTERS,
    Filter,
    Punctuation,
    Templates,
    Whitespace,
    fix_punctuation,
    fix_whitespace,
    remove_templates,
)

# Text no filter may change: English, numbers, URLs, code, already clean Arabic.
UNTOUCHABLE = [
    "hello, world; ok?",
    "Pi is 3.14, a thousand is 1,000; the time is 10:30!",
    "https://example.com/a,b?c=1&d=2#top",
    "user@example.com, admin@example.org",
    "for (i = 0; i < n; i++) { x[i] = y; }",
    "def f(x): return {'a': x}",
    "قال إنه جاء، ثم ذهب؛ فهل عاد؟",
    "ارتفع بنسبة 2،5 في المئة إلى 1,250 دولار",
    "٣٫١٤ و ٢٬٥٠٠",
    "قال تعالى {إِنَّكَ مَيِّتٌ} صدق الله",
    "***",
    "عام 1437هـ",
    "وزير الخارجية الإيراني",
    "این یک کتاب خوب است که پدرم به من داد",
    "می\N{ZERO WIDTH NON-JOINER}خواهم",
    "👨\N{ZERO WIDTH JOINER}👩\N{ZERO WIDTH JOINER}👧",
    "ﷺ ﷲ ﷽",
]


def _line_filters() -> list[Filter]:
    """Lossless filters, whose output on a clean line is that line (whitespace adds \\n)."""
    return [f() for f in FILTERS if f.lossless and f is not Whitespace]


@pytest.mark.parametrize("text", UNTOUCHABLE)
@pytest.mark.parametrize("flt", _line_filters(), ids=lambda f: f.name)
def test_filters_leave_clean_text_alone(flt: Filter, text: str) -> None:
    new, changes = flt.apply(text)
    assert new == text
    assert {kind: n for kind, n in changes.items() if not kind.endswith("_seen")} == {}


@pytest.mark.parametrize("text", UNTOUCHABLE)
def test_whitespace_leaves_clean_lines_alone_but_the_final_newline(text: str) -> None:
    assert Whitespace()(text) == text + "\n"


@pytest.mark.parametrize("cls", FILTERS, ids=lambda c: c.name)
def test_filter_metadata(cls: type[Filter]) -> None:
    assert cls.name == cls.name.lower() and " " not in cls.name and "_" not in cls.name
    assert cls.description and "\n" not in cls.description
    assert isinstance(cls.lossless, bool)


@pytest.mark.parametrize("cls", FILTERS, ids=lambda c: c.name)
def test_filters_are_frozen_hashable_and_picklable(cls: type[Filter]) -> None:
    flt = cls()
    assert pickle.loads(pickle.dumps(flt)) == flt
    assert hash(flt) == hash(cls())
    with pytest.raises(AttributeError):
        flt.name = "other"  # type: ignore[misc]


# --- templates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("قال {{ author.name }} إن", "قال إن"),
        ("a\n{{ article.visit_count }}\nb", "a\nb"),
        ("a\r\n  {% if x %}  \r\nb", "a\r\nb"),
        ("a\n{# comment #}", "a\n"),
        ("{{ x }}", ""),
        ("{{x}}{{y}} نص", "نص"),
        ("نص {{ x|upper }}", "نص"),
        ("a{{x}}b", "ab"),
        ("قال {{ a }} {{ b }} إن", "قال إن"),
        ("a\n\n{{ x }}\n\nb", "a\n\n\nb"),
    ],
)
def test_templates_removed(dirty: str, clean: str) -> None:
    assert remove_templates(dirty) == clean


@pytest.mark.parametrize(
    "text",
    [
        "قال تعالى {إِنَّكَ مَيِّتٌ وَإِنَّهُمْ مَيِّتُونَ}",
        "{{ اسم الكاتب }}",  # Arabic inside: prose, not a variable
        "{ x }",
        "{{{{{{{{",
        "}}}}",
        "{{{{ x }}}}",
        "{{ a\nb }}",  # a placeholder never spans lines
        "set = {1, 2}",
        "{% unclosed",
    ],
)
def test_templates_kept(text: str) -> None:
    assert remove_templates(text) == text


def test_templates_counts() -> None:
    got = Templates().apply("a\n{{ x }} {{ y }}\nقال {% z %} إن")[1]
    assert got == {"placeholders_removed": 3, "lines_removed": 1}


# --- punctuation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("قال ,إنه جاء ?", "قال، إنه جاء؟"),
        ("قال، إنه   ;ثم", "قال، إنه؛ ثم"),
        ('"داعش",كذا', '"داعش"، كذا'),
        ("قال،إنه", "قال، إنه"),
        ("قال ، إنه", "قال، إنه"),
        ("غدا !!!! هل", "غدا!!! هل"),
        ("جاء .", "جاء."),
        ("قال:نعم", "قال: نعم"),
        ("قال.ثم", "قال. ثم"),
        ("شكراً,", "شكراً،"),
        ("ماذا??", "ماذا؟؟"),
    ],
)
def test_punctuation_fixed_in_arabic_context(dirty: str, clean: str) -> None:
    assert fix_punctuation(dirty) == clean


@pytest.mark.parametrize(
    "text",
    [
        "hello , world",  # Latin context: spacing is not ours to fix
        "NATO, الذي",  # the word before the comma is Latin
        "د.محمد",  # abbreviation
        "أ.د.",
        "2،5",
        "الساعة 10:30",
        "رقم 5 , 6",
        ", بداية",
    ],
)
def test_punctuation_kept(text: str) -> None:
    assert fix_punctuation(text) == text


def test_punctuation_counts() -> None:
    got = Punctuation().apply("قال ,إنه")[1]
    assert got == {"marks_mapped": 1, "spaces_removed": 1, "spaces_added": 1}


# --- whitespace ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("قال  إنه\tجاء", "قال إنه جاء\n"),
        ("قال\u00a0إنه\u2009جاء\u3000هنا", "قال إنه جاء هنا\n"),
        ("  سطر  \n", "سطر\n"),
        ("a\r\nb\rc\u2028d", "a\nb\nc\nd\n"),
        ("a\n\n\n\nb", "a\n\nb\n"),
        ("\n\n a \n\n", "a\n"),
        ("", ""),
        (" \n\t\n", ""),
        ("a\n \n \nb", "a\n\nb\n"),
    ],
)
def test_whitespace(dirty: str, clean: str) -> None:
    assert fix_whitespace(dirty) == clean


def test_whitespace_max_blank_lines_option() -> None:
    assert Whitespace(max_blank_lines=0)("a\n\n\nb") == "a\nb\n"
    assert Whitespace(max_blank_lines=2)("a\n\n\n\n\nb") == "a\n\n\nb\n"
    with pytest.raises(ValueError, match="max_blank_lines"):
        Whitespace(max_blank_lines=-1)


def test_whitespace_options_are_keyword_typed_fields() -> None:
    assert Whitespace(max_blank_lines=3) != Whitespace()
