"""Real pages from ../shared/corpus: every artifact gone, every word of the real text kept.

Skipped when the corpus is not beside the checkout. What each document holds is
described in the corpus's SOURCES.tsv; the expectations below were read off the
documents by a person, not produced by arclean.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import arclean
from tests.conftest import CORPUS, corpus_files, needs_corpus

DOCUMENTS = corpus_files("docs", "hard_cases")
PRESETS = ["safe", "default", "web"]
ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")

# What must not survive cleaning, written independently of the filters' own patterns.
LEFTOVERS = {
    "tag": re.compile(r"<[A-Za-z/!?][^<>\n]*>"),
    "entity": re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);"),
    "bbcode": re.compile(r"\[/?(?:b|i|u|rtl|ltr|url|img|quote|color|size|center)(?:=[^\]\n]*)?\]"),
    "placeholder": re.compile(r"\{\{|\}\}|\{%|%\}|<%|%>|\[%|%\]"),
    "wiki link": re.compile(r"\[\[[^\[\]\n]*\]\]"),
}
CODE = {
    "script": re.compile(r"jQuery|\bfunction\s*\(|\bvar \w+ =|document\.\w+\(|\$\("),
    "css rule": re.compile(r"\{[^{}\n]*:[^{}\n]*;[^{}\n]*\}|\b[a-z-]+\s*:\s*\d+px;"),
}


def _read(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8", errors="replace")


def _words(text: str) -> set[str]:
    return set(ARABIC_WORD.findall(text))


def _missing(expected: set[str], cleaned: str) -> list[str]:
    # A word split by an inline tag (كل<b>مة</b>) comes out whole: look for it inside.
    return sorted(w for w in expected - _words(cleaned) if w not in cleaned)


@needs_corpus
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
@pytest.mark.parametrize("preset", PRESETS)
def test_no_markup_or_placeholder_survives(path: Path, preset: str) -> None:
    cleaned = arclean.clean(path.read_text(encoding="utf-8", errors="replace"), preset)
    found = {kind: rx.findall(cleaned)[:3] for kind, rx in LEFTOVERS.items()}
    assert not {kind: hits for kind, hits in found.items() if hits}


@needs_corpus
@pytest.mark.parametrize(
    "name",
    [
        "docs/d16_saudinewsnet_alriyadh_2015-07-21_1393.txt",
        "docs/d32_cnn_arabic_2013_raw_html.txt",
        "docs/d33_assabah_tn_raw_html.txt",
    ],
)
def test_web_removes_scripts_and_css(name: str) -> None:
    cleaned = arclean.clean(_read(name), "web")
    found = {kind: rx.findall(cleaned)[:3] for kind, rx in CODE.items()}
    assert not {kind: hits for kind, hits in found.items() if hits}


class _Paragraphs(HTMLParser):
    """The text of each <p> element: the article, as the page marks it up."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.open = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "p":
            self.open += 1
            self.paragraphs.append("")
        elif tag == "br" and self.open:
            self.paragraphs[-1] += " "

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self.open:
            self.open -= 1

    def handle_data(self, data: str) -> None:
        if self.open:
            self.paragraphs[-1] += data


@needs_corpus
@pytest.mark.parametrize(
    "name",
    ["docs/d32_cnn_arabic_2013_raw_html.txt", "docs/d33_assabah_tn_raw_html.txt"],
)
@pytest.mark.parametrize("preset", PRESETS)
def test_raw_html_page_keeps_every_word_of_its_paragraphs(name: str, preset: str) -> None:
    html = _read(name)
    parser = _Paragraphs()
    parser.feed(html)
    parser.close()
    # The one paragraph that is site furniture: d33's copyright footer (web removes it).
    article = [p for p in parser.paragraphs if "جميع الحقوق" not in p]
    assert len(article) >= 7
    expected = _words(" ".join(article))
    assert not _missing(expected, arclean.clean(html, preset))


@needs_corpus
def test_raw_html_page_reads_as_text_in_web() -> None:
    cleaned = arclean.clean(_read("docs/d32_cnn_arabic_2013_raw_html.txt"), "web")
    lines = cleaned.splitlines()
    assert "معارضون يسيطرون على مخازن للصواريخ بريف دمشق" in lines  # the headline
    # The lead paragraph, its entities decoded, on a line of its own.
    lead = next(line for line in lines if line.startswith("دمشق، سوريا (CNN)"))
    assert 'وعلى صلة بـ"الجيش الحر" تمكنت' in lead
    # Navigation labels that were numeric entities are readable words.
    assert "الشرق الأوسط" in lines


@needs_corpus
def test_widget_code_glued_to_an_article_goes_and_the_article_stays() -> None:
    text = _read("docs/d16_saudinewsnet_alriyadh_2015-07-21_1393.txt")
    cleaned = arclean.clean(text, "web")
    # The widget's only Arabic words were a string in its script.
    assert not _missing(_words(text) - {"انتظر", "لحظات"}, cleaned)
    assert "انتظر لحظات" not in cleaned
    assert "ولا تستطيع إنكاره؟.\nكيف تتناول إفطارك في رمضان؟" in cleaned


@needs_corpus
@pytest.mark.parametrize("preset", PRESETS)
def test_forum_bbcode_goes_and_its_text_stays(preset: str) -> None:
    text = _read("docs/d01_oscar2019_ar_commoncrawl_forums.txt")
    cleaned = arclean.clean(text, preset)
    assert "[rtl]" not in cleaned and "[/rtl]" not in cleaned
    assert "· عند التصوير يقوم الالة بمسح الاصول مرة واحده" in cleaned
    # Every word outside the menu and footer lines (the lines with "|") stays.
    prose = [line for line in text.splitlines() if "|" not in line]
    assert not _missing(_words(arclean.clean("\n".join(prose), select=["tatweel"])), cleaned)


@needs_corpus
def test_forum_menus_and_footers_go_in_web() -> None:
    cleaned = arclean.clean(_read("docs/d01_oscar2019_ar_commoncrawl_forums.txt"), "web")
    assert "اختر منتدى" not in cleaned
    assert "منتدى مجاني للدعم" not in cleaned
    assert "|" not in cleaned


@needs_corpus
@pytest.mark.parametrize("preset", PRESETS)
def test_tafsir_braces_and_brackets_are_quotation_marks(preset: str) -> None:
    text = _read("hard_cases/p06_altafser_saadi_tafsir_braces_excerpt.txt")
    cleaned = arclean.clean(text, preset)
    # The punctuation filter may take the spaces inside the braces away: { اسم } -> {اسم}.
    for quoted in ["بِسْمِ اللَّهِ", "اسم", "اللَّهِ", "الرَّحْمَنِ الرَّحِيمِ"]:
        assert re.search(r"\{ ?" + quoted + r" ?\}", cleaned), quoted
    assert "[الحسنى]" in cleaned and "[به]" in cleaned
    assert cleaned.count("{") == text.count("{") and cleaned.count("}") == text.count("}")


@needs_corpus
def test_tafsir_footer_goes_in_web() -> None:
    cleaned = arclean.clean(_read("hard_cases/p06_altafser_saadi_tafsir_braces_excerpt.txt"), "web")
    assert "سياسة الخصوصية" not in cleaned and "© 2022" not in cleaned
    assert re.search(r"\{ ?بِسْمِ اللَّهِ ?\} أي: أبتدئ بكل اسم لله تعالى", cleaned)


@needs_corpus
@pytest.mark.parametrize(
    "name",
    [
        "docs/d17_saudinewsnet_aljazirah_2015-08-06_851.txt",
        "docs/d18_saudinewsnet_okaz_2015-08-06_2795.txt",
        "docs/p07_al_eman_tafsir_page_excerpt.txt",
    ],
)
@pytest.mark.parametrize("preset", PRESETS)
def test_quran_quotes_in_braces_keep_every_brace(name: str, preset: str) -> None:
    text = _read(name)
    assert "{" in text
    cleaned = arclean.clean(text, preset)
    assert cleaned.count("{") == text.count("{") and cleaned.count("}") == text.count("}")
    quotes = re.findall(r"\{[^{}\n]*[\u0621-\u064a][^{}\n]*\}", text)
    assert quotes
    for quote in quotes:
        # The letter filters of the preset may respell the verse (NFC orders its marks);
        # the braces and the verse stay, as in any text the preset cleans.
        kept = arclean.clean(quote, preset).strip()
        assert kept.startswith("{") and kept.endswith("}") and len(kept) > len(quote) // 2
        assert kept in cleaned


@needs_corpus
@pytest.mark.parametrize("preset", PRESETS)
def test_wiki_markup_goes_and_its_text_stays(preset: str) -> None:
    diff = arclean.clean(_read("docs/p10_wiki_hsoub_diff_page_wikitext_excerpt.txt"), preset)
    assert "<code>" not in diff and "<syntaxhighlight" not in diff and "</s" not in diff
    assert "ويطلق عليها أيضًا تسمية docstring" in diff  # [[...|docstring]] kept its label
    assert "في قسم سلاسل التوثيق النصية)." in diff
    page = arclean.clean(_read("docs/p11_wiki_hsoub_diff_9478_template_excerpt.txt"), preset)
    assert "DISPLAYTITLE" not in page and "noinclude" not in page


@needs_corpus
@pytest.mark.parametrize("preset", PRESETS)
def test_entities_and_xml_fields_become_text(preset: str) -> None:
    title = arclean.clean(_read("docs/d22_saudinewsnet_alweeam_2015-07-21_1595.txt"), preset)
    assert title.startswith("\u201cعيد القرينة يا زينة\u201d")
    record = arclean.clean(_read("docs/d02_abu_el_khair_sabanews_xml.txt"), preset)
    assert "الكونجرس الأمريكي يطالب المجتمع الدولي دعم اليمن" in record
    assert "<" not in record


@needs_corpus
def test_footers_of_news_columns_go_in_web() -> None:
    column = arclean.clean(_read("docs/d18_saudinewsnet_okaz_2015-08-06_2795.txt"), "web")
    assert "للتواصل أرسل" not in column
    assert "السطر الأخير" in column  # the column's own last section stays
    grammar = arclean.clean(_read("docs/d29_maha_sample_wiki_arnumbers.txt"), "web")
    assert "#ixzz" not in grammar and "نقول فيها الصور الآتية:" in grammar
