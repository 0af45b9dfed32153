"""The markup filter: HTML/XML, entities, BBCode and MediaWiki go; the text they wrap stays."""

from __future__ import annotations

import pytest

import arclean
from arclean.filters import Markup, remove_markup

# --- HTML and XML tags ---------------------------------------------------------------


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("<p>نص &quot;مقتبس&quot;</p>", 'نص "مقتبس"'),
        ("<b>عاجل</b>: خبر", "عاجل: خبر"),
        ("كل<b>مة</b>", "كلمة"),  # an inline tag inside a word: the word stays whole
        ('<a href="/x" title="رابط">النص</a>،', "النص،"),
        ('<span class="a">أ</span> <span>ب</span>', "أ ب"),
        ("<P>نص</P>", "نص"),  # tag names are case-insensitive
        ('<img src="x.jpg" alt="صورة"/>نص', "نص"),  # attribute text is not text
        ('<img\n  src="x.jpg"\n  alt="">نص', "نص"),  # a tag may span lines
        ('<a href="x" title="a>b">نص</a>', "نص"),  # ">" inside a quoted value
        ("<input disabled>نص", "نص"),  # a bare attribute on an HTML element
        ('<Headline id="1">عنوان</Headline>', "عنوان"),
        ("<x>أ</x><y>ب</y>", "أ ب"),  # XML elements: a space between, not a join
        ("<o:p></o:p>نص", "نص"),
        ("<br/>", ""),
        ("نص </s", "نص "),  # a closing tag cut off by truncation
        ('<meta content="بـ&quot;الجيش الحر&quot;"/>نص', "نص"),  # entity inside a value
        ("<input {% if c %}checked{% endif %}>نص", "نص"),  # placeholders inside a tag
        ('<a href="{{ url }}" {{ attrs }}>نص</a>', "نص"),
    ],
)
def test_tags_removed(dirty: str, clean: str) -> None:
    assert remove_markup(dirty) == clean


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("<p>أ</p><p>ب</p>", "أ\nب"),
        ("<div><p>أ</p></div>\n<div><p>ب</p></div>\n", "أ\nب\n"),
        ("أ<br>ب<br><br>ج", "أ\nب\nج"),
        ("<h1>عنوان</h1>نص", "عنوان\nنص"),
        ("<ul><li>أ</li><li>ب</li></ul>", "أ\nب"),
        ("<table><tr><td>أ</td><td>ب</td></tr><tr><td>ج</td></tr></table>", "أ ب\nج"),
        ("قبل<p>بعد", "قبل\nبعد"),
        ("  <p>نص</p>", "  نص"),  # already at a line start: no empty line
    ],
)
def test_block_tags_end_lines(dirty: str, clean: str) -> None:
    assert remove_markup(dirty) == clean


# --- comments, scripts, styles, CDATA, declarations ----------------------------------


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("أ<!-- تعليق -->ب", "أب"),
        ("أ <!--[if IE]><p>x</p><![endif]--> ب", "أ  ب"),
        ('<script>var s = "<p>نص</p>";</script>نص', "نص"),
        ("<SCRIPT type='text/javascript'>\nx = 1;\n</SCRIPT>\nنص", "\nنص"),
        ("<style>\np { color: red; }\n</style>نص", "نص"),
        ('<script src="a.js"/>نص<script>x()</script>', "نص"),  # self-closed script
        ("<![CDATA[نص]]>", "نص"),
        ("<![CDATA[<p>نص</p>]]>", "نص"),
        ('<?xml version="1.0" encoding="UTF-8"?>\n<doc>نص</doc>', "\nنص"),
        ("<!DOCTYPE html>\nنص", "\nنص"),
        ("أ<![endif]>ب", "أ\nب"),
        ("أ<!-->ب", "أب"),  # "<!-->" is a whole (empty) comment
    ],
)
def test_comments_scripts_and_declarations_removed(dirty: str, clean: str) -> None:
    assert remove_markup(dirty) == clean


# --- entities --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("&quot;نص&quot; &amp; &lt;3", '"نص" & <3'),
        ("&#8220;عيد القرينة&#8221;", "\u201cعيد القرينة\u201d"),
        ("&#1575;&#1604;&#1593;&#1585;&#1576;&#1610;&#1577;", "العربية"),
        ("&#x627;&#X644;", "ال"),
        ("&nbsp;نص&thinsp;°", "\u00a0نص\u2009°"),
        ("M&Eacute;XICO", "MÉXICO"),
        ("AT&amp;T", "AT&T"),
        ("&amp;amp;amp;", "&"),  # escaped again and again: still one ampersand
        ("&amp;quot;نص&amp;quot;", '"نص"'),
        ("&lt;b&gt;نص&lt;/b&gt;", "نص"),  # escaped markup goes like markup (see docs)
        ("&#8203;", "\u200b"),  # decoded here, removed by the invisible filter
        ("&zwnj;", "\u200c"),
    ],
)
def test_entities_decoded(dirty: str, clean: str) -> None:
    assert remove_markup(dirty) == clean


# --- BBCode and MediaWiki --------------------------------------------------------------


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("[rtl]· عند التصوير [/rtl]", "· عند التصوير "),
        ("[b]مهم[/b] و[i]مائل[/i]", "مهم ومائل"),
        ("[B]مهم[/B]", "مهم"),
        ("[url=http://example.com]الرابط[/url]", "الرابط"),
        ("[url]http://example.com[/url]", "http://example.com"),
        ("[color=red][size=4]نص[/size][/color]", "نص"),
        ("[quote=علي]نص[/quote]بعد", "نص\nبعد"),
        ("[img]http://example.com/a.jpg[/img]نص", "نص"),
        ("[youtube]dQw4w9WgXcQ[/youtube]", ""),
        ("[[مصر|المصرية]]", "المصرية"),
        ("[[القاهرة]]", "القاهرة"),
        ("[[Python/str|سلسلة نصّية]]", "سلسلة نصّية"),
        ("[[File:x.jpg|thumb|يسار|250px|شرح]]نص", "نص"),
        ("[[تصنيف:مدن مصرية]]", ""),
        ("[[en:Cairo]]", ""),
        ("{{DISPLAYTITLE:تعريف الدوال في بايثون}}", ""),
        ("{{cite web|url=x|title=عنوان}}نص", "نص"),
        ("{{#if:x|أ|ب}}", ""),
        ("[https://example.com الموقع]", "الموقع"),
    ],
)
def test_bbcode_and_wiki_markup_removed(dirty: str, clean: str) -> None:
    assert remove_markup(dirty) == clean


# --- what is not markup ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a < b و x > 3",
        "إذا كان س<5 و ص>3",
        "if a<b and c>d then",  # no ">" right after an attribute-shaped run
        "a<x and y>b",  # an unknown name with bare words is not an XML tag
        "<user@example.com>",
        "راسلني على <user@example.com>",
        "<https://example.com>",
        "<<نص بين علامتي تنصيص>>",
        "<عاجل> خبر",
        "<< >> <> < >",
        "قال تعالى [الحسنى] و[به]",
        "المرجع [1] و[12]",
        "x[i] = y[b] + z[s]",  # array indexing, not BBCode
        "[i] وحده",  # one half of a pair
        "[الرابط|النص]",
        "{{ اسم الكاتب }}",
        "{{ x }}",  # a template placeholder: the templates filter's job
        "قال تعالى {إِنَّكَ مَيِّتٌ وَإِنَّهُمْ مَيِّتُونَ}",
        "AT&T و a & b و &copy without semicolon",
        "&unknownentity; &#x; &#;",
        "50% و 3 < 4",
        "<!-- لم يغلق",
        "<![CDATA[ لم يغلق",
    ],
)
def test_text_that_is_not_markup_stays(text: str) -> None:
    assert remove_markup(text) == text
    assert Markup().apply(text)[1] == {}


def test_unclosed_script_keeps_text_after_it() -> None:
    # Nothing closes the script, so nothing after it is known to be code: only the tag goes.
    assert remove_markup("<script>\nنص بعده") == "\nنص بعده"
    assert remove_markup("أ<style>ب") == "أ\nب"


def test_counts() -> None:
    text = "<p>أ &amp; ب</p><!-- c --><script>x</script>[b]ج[/b] [[د|هـ]]"
    assert Markup().apply(text)[1] == {
        "tags_removed": 2,
        "entities_decoded": 1,
        "blocks_removed": 2,
        "bbcode_removed": 1,
        "wiki_markup_removed": 1,
    }


@pytest.mark.parametrize(
    "text",
    [
        "<<b>p>نص",  # removing <b> makes <p>: the filter runs again until nothing changes
        "&amp;lt;p&amp;gt;نص",
        "&lt;&lt;b&gt;p&gt;نص",
        "[[أ|[[ب]]]]",
        "{{a|{{b|x}}}}",
        "[b][i]نص[/i][/b]",
    ],
)
def test_removal_that_uncovers_markup_settles(text: str) -> None:
    once = remove_markup(text)
    assert remove_markup(once) == once
    assert "<" not in once and "[" not in once and "{" not in once


def test_contrived_nesting_comes_back_unchanged() -> None:
    # Deeper than any page nests, the text is kept as it is: still idempotent.
    text = "<" * 9 + "b>" * 9
    assert remove_markup(text) == text


def test_markup_then_the_rest_of_the_pipeline() -> None:
    # Entity-decoded invisible marks and spaces meet the filters that handle them.
    assert arclean.clean("<p>نص&#8203;هنا&nbsp;&nbsp;الآن</p>") == "نصهنا الآن\n"
    assert arclean.clean("<p>قال {{ author.name }} إن</p>") == "قال إن\n"


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("<\u200bp>نص</p>", "نص"),  # a zero-width space hiding a tag
        ("أ<b\u200er>نص", "أ\nنص"),
        ("&am\u200bp;", "&"),
        ("<p>a\u200bb نص\u200bهنا</p>", "ab نص\u200bهنا"),  # between letters: not ours
        ("<b>}\u0652 :ق</b>", "} :ق"),  # spaces before the second: punctuation takes them
        ("<b>}\u0652\n:ق</b>", "}\u0652\n:ق"),  # a line break stays a line break
        ("<b>ق\u0652 :</b>", "ق\u0652 :"),  # a mark on a letter is spelling
    ],
)
def test_invisible_marks_inside_ascii_syntax_go(dirty: str, clean: str) -> None:
    assert remove_markup(dirty) == clean


def test_a_mark_between_syntax_and_spaces_goes_in_the_first_run() -> None:
    # Found by fuzz/fuzz_clean.py: punctuation took the space in "}ْ :", and markup
    # then found the mark between "}" and ":" on a second run.
    text = "2بی<br>ءغ[b]ق}».b { color: #fff; }\u0652 :\u0653c\u064e\n}\n"
    once = arclean.clean(text)
    assert arclean.clean(once) == once


def test_mojibake_spelled_in_entities_is_repaired_in_one_run() -> None:
    # UTF-8 of العراق read as Windows-1252, then written as entities by a CMS.
    broken = "".join(f"&#{b};" for b in "العراق".encode())
    once = arclean.clean(f"<p>قال {broken} اليوم</p>")
    assert once == "قال العراق اليوم\n"
    assert arclean.clean(once) == once


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("&\u06d6amp;", "&"),  # a Quranic mark the diacritics filter would remove later
        ("<p\u064b>نص", "نص"),
        ("<\ufe70p>نص", "نص"),  # a haraka in presentation form, a mark once unicode runs
        ("&#\u0663\u0668;", "&"),  # &#38; once the digits filter has run
        ("&#x\u0666\u0662\u0667;", "\u0627"),
        ("<h\u0661>عنوان</h\u0661>", "عنوان"),
        ("[h\u0662]عنوان[/h\u0662]", "عنوان"),
    ],
)
def test_what_later_filters_would_change_is_read_as_they_would(dirty: str, clean: str) -> None:
    assert remove_markup(dirty) == clean


@pytest.mark.parametrize("preset", sorted(arclean.PRESETS))
@pytest.mark.parametrize(
    "text", ["&\u06d6amp;", "<?php\u064b?>", "<h\u0661>x", "&#\u0663\u0668;lt;"]
)
def test_marks_and_digits_inside_markup_settle_in_every_preset(text: str, preset: str) -> None:
    once = arclean.clean(text, preset)
    assert arclean.clean(once, preset) == once


def test_marks_between_syntax_and_any_digit_go() -> None:
    # {\u200c٣ becomes {\u200c3 under the digits filter: the mark goes either way.
    assert remove_markup("<p>{{\u200c\u0663</p>") == "{{\u0663"


@pytest.mark.parametrize(
    "text",
    [
        "a <<quoted>> b",  # a Latin word in double angle quotes
        "قال <<note>> ثم <<عنوان>>",
        "<<<x>>>",
    ],
)
def test_words_in_double_angle_quotes_stay(text: str) -> None:
    assert remove_markup(text) == text


def test_known_tags_in_double_angles_still_go() -> None:
    assert remove_markup("a <<b>> c") == "a <> c"  # <b> is HTML wherever it stands
    assert remove_markup("a <<quoted> c") == "a < c"  # not closed by a second >
