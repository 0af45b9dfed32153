"""The mojibake filter: each misreading repaired, lost bytes put back, real text kept.

Broken inputs are made the way real programs make them (UTF-8 bytes decoded with the
wrong code page); the expected outputs are the original sentences, written by people.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from arclean import chars
from arclean.filters import Mojibake, fix_mojibake
from tests.conftest import CORPUS, FIXTURES, corpus_files, needs_corpus

# The article's six paragraphs: real news sentences.
PARAGRAPHS = (FIXTURES / "article.txt").read_text(encoding="utf-8").split("\n")[:6]


def _cp874_then_cp1252(text: str) -> str:
    """UTF-8 read as Thai Windows-874, with Windows-1252 for the bytes it lacks (as the
    page in the corpus was): byte 0x81 has no character in either and vanishes."""
    out = []
    for byte in text.encode("utf-8"):
        one = bytes([byte])
        out.append(one.decode("cp874", "ignore") or one.decode("cp1252", "ignore"))
    return "".join(out)


# How programs misread text: name -> (original text -> what the program showed).
MISREADINGS: dict[str, Callable[[str], str]] = {
    "utf8 as latin-1": lambda t: t.encode("utf-8").decode("latin-1"),
    "utf8 as cp1252, undefined bytes kept as C1": lambda t: "".join(
        bytes([b]).decode("cp1252", "ignore") or chr(b) for b in t.encode("utf-8")
    ),
    "utf8 as cp1252, undefined bytes dropped": lambda t: t.encode("utf-8").decode(
        "cp1252", "ignore"
    ),
    "utf8 as cp1252, undefined bytes replaced": lambda t: t.encode("utf-8").decode(
        "cp1252", "replace"
    ),
    "utf8 as cp1256": lambda t: t.encode("utf-8").decode("cp1256"),
    "cp1256 as latin-1": lambda t: t.encode("cp1256").decode("latin-1"),
    "cp1256 as cp1252": lambda t: t.encode("cp1256").decode("cp1252", "ignore"),
    "utf8 as cp874": _cp874_then_cp1252,
}
EXACT = ["utf8 as latin-1", "utf8 as cp1256", "cp1256 as latin-1"]  # no byte is lost


@pytest.mark.parametrize("misreading", MISREADINGS)
@pytest.mark.parametrize("paragraph", PARAGRAPHS, ids=range(6))
def test_article_paragraphs_round_trip(misreading: str, paragraph: str) -> None:
    broken = MISREADINGS[misreading](paragraph)
    assert broken != paragraph
    assert fix_mojibake(broken) == paragraph
    assert fix_mojibake(fix_mojibake(broken)) == paragraph


@pytest.mark.parametrize("misreading", MISREADINGS)
def test_every_misread_paragraph_shows_a_telltale(misreading: str) -> None:
    # The cheap pre-check must see each of these, or the filter would skip them.
    telltale = re.compile(
        chars.char_class(chars.MOJIBAKE_TELLTALES, chars.MOJIBAKE_TELLTALE_RANGES)
    )
    for paragraph in PARAGRAPHS:
        assert telltale.search(MISREADINGS[misreading](paragraph))
    assert not telltale.search("\n".join(PARAGRAPHS))


@pytest.mark.parametrize(
    "broken, repaired",
    [
        # the examples: العراق misread three ways
        ("Ø§Ù„Ø¹Ø±Ø§Ù‚", "العراق"),
        ("ط§ظ„ط¹ط±ط§ظ‚", "العراق"),
        ("ÇáÚÑÇÞ", "العراق"),
        ("ุงู„ุนุฑุงู‚", "العراق"),
        # only part of a line broken, next to real Arabic or French
        ("قال الوزير Ø§Ù„Ø¹Ø±Ø§Ù‚ ثم غادر", "قال الوزير العراق ثم غادر"),
        ("قال الوزير ط§ظ„ط¹ط±ط§ظ‚ ثم غادر", "قال الوزير العراق ثم غادر"),
        ("قال الوزير ÇáÚÑÇÞ ثم غادر", "قال الوزير العراق ثم غادر"),
        ("قال الوزير ุงู„ุนุฑุงู‚ ثم غادر", "قال الوزير العراق ثم غادر"),
        ("Paris : Ø§Ù„Ø¹Ø±Ø§Ù‚ et la France", "Paris : العراق et la France"),
        # ftfy's own test of French and Arabic mojibake on one line (its expected text
        # uncurls the apostrophe, which is not this filter's business)
        (
            "Ã€ tous mes frÃ¨res et soeurs dans la syriennetÃ© comme dans lâ€™humanitÃ©,"
            " je vous souhaite bonne fÃªte Ø¹ÙŠØ¯ Ø³Ø¹ÙŠØ¯.Que la paix",
            "À tous mes frères et soeurs dans la syrienneté comme dans l’humanité,"
            " je vous souhaite bonne fête عيد سعيد.Que la paix",
        ),
        # ftfy's known failure: the no-break space of ٠ (D9 A0) became a space
        ("أكثر Ù…Ù† Ù Ù Ù¡ Ø¨Ù„Ø¯", "أكثر من ٠٠١ بلد"),
        # Windows-1250 and Mac Roman, which ftfy decodes
        ("Ř±ŘłŘ§Ů„Ř©", "رسالة"),
        ("ÿ±ÿ≥ÿßŸÑÿ©", "رسالة"),
        # a comma or a quotation mark alone is repaired when its line proves mojibake
        ("Ø¯Ø§Ø¹Ø´ØŒ Ù†Ø¹Ù…", "داعش، نعم"),
        ("ط¯ط§ط¹ط´ طŒ ظ†ط¹ظ…", "داعش ، نعم"),
        ("ÏÇÚÔ ¡ äÚã", "داعش ، نعم"),
        # Latin letters glued to UTF-8 mojibake: "lcd،"
        ("ط´ط§ط´ط© lcdطŒ ظˆط§ظ„ط¬ظ‡ط§ط²", "شاشة lcd، والجهاز"),
        # an emoji inside Windows-1256 mojibake
        ("ظ‡ظ‡ظ‡ظ‡ ًںک‚", "هههه 😂"),
    ],
)
def test_repairs(broken: str, repaired: str) -> None:
    assert fix_mojibake(broken) == repaired
    assert fix_mojibake(repaired) == repaired


# --- bytes that the misreading lost ---------------------------------------------------


def _dropped(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", "ignore")


@pytest.mark.parametrize(
    "original",
    [
        "مصطفى الكاظمي رفض ذلك",  # ف is D9 81: 0x81 is undefined in Windows-1252
        "في الصف الأول",  # ف first, ف last, ف alone before a letter
        "لسه ف الكلية",  # ف as a word of its own (dialect for في)
        "كيف حالك يا صديقي",
        "زر حفظ التغييرات",  # ف between two whole letters
    ],
)
def test_lost_feh_is_put_back(original: str) -> None:
    broken = _dropped(original)
    assert "\x81" not in broken and broken.count("Ù") > 0
    assert fix_mojibake(broken) == original
    assert fix_mojibake(original.encode().decode("cp1252", "replace")) == original
    assert fix_mojibake(_cp874_then_cp1252(original)) == original


@pytest.mark.parametrize("misreading", MISREADINGS)
def test_persian_mojibake_round_trips(misreading: str) -> None:
    # Persian letters (ی, ک, گ) are UTF-8 lead bytes DA-DB; Windows-1256 lacks ی.
    original = "قدم زدن می خواهم و عکس‌های کوچک را نگاه می‌کنم"
    try:
        broken = MISREADINGS[misreading](original)
    except UnicodeEncodeError:
        pytest.skip("Windows-1256 has no Persian yeh")
    assert fix_mojibake(broken) == original


def test_lost_feh_is_counted() -> None:
    assert Mojibake().apply(_dropped("مصطفى الكاظمي"))[1] == {
        "utf8_as_cp1252": 1,
        "lost_bytes_guessed": 1,
    }


def test_stripped_soft_hyphen_of_hah_is_put_back() -> None:
    # ح is D8 AD, and AD is a soft hyphen, which HTML-to-text conversion strips.
    original = "الحكومة العراقية والحلف"
    broken = original.encode("utf-8").decode("latin-1").replace("\xad", "")
    assert fix_mojibake(broken) == original
    broken = original.encode("utf-8").decode("cp1256").replace("\xad", "")
    assert fix_mojibake(broken) == original


def test_lost_right_to_left_mark_and_closing_quote() -> None:
    # RLM is E2 80 8F and ” is E2 80 9D: both third bytes are undefined in Windows-1252.
    original = "قال \N{RIGHT-TO-LEFT MARK}السوريون “ممتاز”. ثم غادروا"
    assert fix_mojibake(_dropped(original)) == original


def test_lost_marks_of_vocalised_text_are_dropped_not_guessed_as_feh() -> None:
    # Damma (D9 8F) and kasra (D9 90) lose their second byte too. In vocalised text a
    # lone lead byte after a letter and before a letter is such a mark: it is dropped.
    original = "فِي قُلُوبِهِمْ مَرَضٌ فَزَادَهُمُ اللَّهُ مَرَضًا"
    expected = original.replace("\N{ARABIC DAMMA}", "").replace("\N{ARABIC KASRA}", "")
    assert fix_mojibake(_dropped(original)) == expected


# --- what must not change --------------------------------------------------------------

UNTOUCHED = [
    "Café crème à Zürich, ça coûte 5 €",
    "À bientôt ! Ça va ? L'été où j'ai vu Noël à Orléans, déjà. ÇA VA, ÉTÉ",
    "Größe und Übermaß: Müller aß Äpfel in der Straße. ÄÖÜ äöü ß",
    "Türkçe öğrenmek için İstanbul'da çalışıyorum; Şişli çok güzel.",
    "¡Hola! ¿Qué tal? Ésta es la ÚLTIMA canción de Óscar e Íñigo.",
    "São Paulo não é à toa a maior cidade; ações e opiniões.",
    "Jeg bor på Østerbro i København og vil gerne se Ærø. Ø å æ ø",
    "HÅØYA ER BLÅØYD",
    "Þórður og Ægir fóru til Ísafjarðar.",
    "Příliš žluťoučký kůň úpěl ďábelské ódy. ŘÍJEN",
    "TRANSFORMATORIŲ™",
    "التقى الوزير بنظيره الدنماركي Lars Løkke Rasmussen في جزيرة Ærø ومدينة Ørsted ثم Ø",
    "يقع مقر شركة Ørsted الدنماركية في Fredericia، وقال مديرها Ø إن الأرباح ارتفعت",
    "© 2022 جميع الحقوق محفوظة · الرئيسية › أخبار « العراق » 30° ± 2 × 3 ÷ 4",
    "فقط، ضغط، قطع، عطر",
    "عکس‌های زیبا از ایران، فقط برای شما",
    "میں نے کہا کہ وہ یہاں نہیں ہیں۔",
    "คุณสบายดีไหม ผมชื่อสมชาย ดูหนัง",
    "plain ASCII text, nothing to do.",
    "",
]


@pytest.mark.parametrize("text", UNTOUCHED)
def test_real_text_is_untouched(text: str) -> None:
    assert Mojibake().apply(text) == (text, {})


def test_clean_text_is_returned_without_a_copy() -> None:
    article = (FIXTURES / "article.txt").read_text(encoding="utf-8")
    assert Mojibake().apply(article)[0] is article


def test_counts_lines_per_misreading() -> None:
    article = (FIXTURES / "article.txt").read_text(encoding="utf-8")
    # Eleven of its twelve lines are Arabic; the placeholder line is ASCII.
    assert Mojibake().apply(article.encode().decode("latin-1"))[1] == {"utf8_as_cp1252": 11}
    assert Mojibake().apply(article.encode().decode("cp1256"))[1] == {"utf8_as_cp1256": 11}
    assert Mojibake().apply(article.encode("cp1256").decode("latin-1"))[1] == {
        "cp1256_as_latin1": 11
    }


def test_runs_first_in_default_and_not_in_safe() -> None:
    import arclean

    assert arclean.clean("Ø§Ù„Ø¹Ø±Ø§Ù‚ ,Ù†Ø¹Ù…") == "العراق، نعم\n"
    assert arclean.clean("Ø§Ù„Ø¹Ø±Ø§Ù‚", preset="safe") == "Ø§Ù„Ø¹Ø±Ø§Ù‚\n"


# --- the real-world corpus -------------------------------------------------------------

CP874_PAGE = CORPUS / "docs" / "p05_download_pdf_ebooks_mojibake_cp874_excerpt.txt"
DOCUMENTS = [p for p in corpus_files("docs", "hard_cases") if p != CP874_PAGE]


@needs_corpus
def test_thai_windows_874_page_becomes_readable_arabic() -> None:
    fixed, stats = Mojibake().apply(CP874_PAGE.read_text(encoding="utf-8"))
    lines = fixed.split("\n")
    # Read by a person: "a book of the prophets' stories for the young (Yusuf, peace
    # be upon him)"; every ف of the page had lost its second byte.
    assert lines[0].startswith("كتاب من قصص الأنبياء للصغار واليافعين ( يوسف عليه السلام )")
    assert lines[2] == "كتاب من قصص الأنبياء للصغار واليافعين ( يوسف عليه السلام )"
    assert "قصص الأنبياء هي مجموعة مختلفة من القصص التي تم ذكرها في القرآن الكريم" in fixed
    assert not re.search("[\u0e00-\u0e7f]", fixed)  # no Thai left
    assert stats["utf8_as_cp874"] == 3 and stats["lost_bytes_guessed"] > 0


@needs_corpus
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_corpus_documents_are_untouched(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert Mojibake().apply(text) == (text, {})


@needs_corpus
@pytest.mark.parametrize("misreading", EXACT)
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_corpus_documents_round_trip(path: Path, misreading: str) -> None:
    # Whole documents: news, tweets, raw HTML, Quran, poetry, Persian.
    text = path.read_text(encoding="utf-8")
    try:
        broken = MISREADINGS[misreading](text)
    except UnicodeEncodeError:
        pytest.skip("the document has characters that Windows-1256 lacks")
    assert fix_mojibake(broken) == text
