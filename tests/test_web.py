"""The web preset's filters: leaked CSS/JavaScript and site boilerplate, whole lines only."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

import arclean
from arclean import InputError
from arclean.cli import cli
from arclean.filters import Boilerplate, CodeLeaks, remove_boilerplate, remove_code_leaks
from arclean.filters.boilerplate import PhraseList, builtin_phrases, phrase_key

# --- code leaks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "#vote_area2 ul { padding: 0; margin: 0; }",
        ".box_vote h4 { background:url(/css/h3.png) right no-repeat; padding:10px 5px; }",
        ".a{color:#fff}",
        "@media screen and (max-width: 600px) {",
        "#vote_area2 ul {",
        "body {",
        "  font-size: 12px;",
        "color: #7b7a7a;",
        "display: none;",
        "}",
        "});",
        "})();",
        "jQuery.noConflict();",
        "jQuery(document).ready(function(){",
        "$('#vote_form2').submit(function() {",
        "$.ajax({url: u});",
        "var plot1 = jQuery.jqplot('pie1', [[ ['a1870',1254] ]]);",
        "const x = 1;",
        "document.write('<div>');",
        "window.fbAsyncInit = function () {",
        "googletag.cmd.push(function() { googletag.display('ad'); });",
        "jQuery('#vote_area2').html('انتظر لحظات…');",  # Arabic only inside a string
        "  \u00a0var x = 1;",
    ],
)
def test_code_lines_removed(line: str) -> None:
    assert remove_code_leaks(f"قبل\n{line}\nبعد") == "قبل\nبعد"


@pytest.mark.parametrize(
    "text",
    [
        # Prose that mentions code, in Arabic.
        "استخدم jQuery(document).ready لتشغيل الكود بعد تحميل الصفحة",
        "تعرف الدالة باستخدام function() ثم var x = 1; في جافاسكربت",
        "قال تعالى {إِنَّكَ مَيِّتٌ وَإِنَّهُمْ مَيِّتُونَ}",
        # Code that is not a page widget, and prose in Latin letters.
        "for (i = 0; i < n; i++) { x[i] = y; }",
        "def f(x): return {'a': x}",
        "if x {",
        "{",
        "Note: see below;",
        "document.pdf",
        "Pi is 3.14, a thousand is 1,000; the time is 10:30!",
        "set = {1, 2}",
        "***",
        "(1)",
        "",
    ],
)
def test_prose_and_other_code_stay(text: str) -> None:
    assert remove_code_leaks(text) == text
    assert CodeLeaks().apply(text)[1] == {}


WIDGET = (
    "#vote_area2 ul { padding: 0; margin: 0; } .box_vote { padding:18px; margin-bottom:10px; "
    "overflow: hidden; } .box_vote li { list-style: none; margin: 5px; } jQuery.noConflict(); "
    "jQuery(document).ready(function(){ jQuery('#vote_form2').submit(function() { "
    "jQuery('#vote_area2').html('انتظر لحظات…'); return false; }); });"
)


def test_code_glued_inside_a_prose_line_goes_and_the_prose_stays() -> None:
    line = f"ولا تستطيع إنكاره؟. {WIDGET} كيف تتناول إفطارك في رمضان؟"
    got, changes = CodeLeaks().apply(line)
    assert got == "ولا تستطيع إنكاره؟.\nكيف تتناول إفطارك في رمضان؟"
    assert changes == {"spans_removed": 1}


def test_short_code_inside_a_prose_line_stays() -> None:
    line = "الكود jQuery(document).ready(function(){ x(); }); يعمل بعد التحميل"
    assert remove_code_leaks(line) == line


def test_code_leaks_counts_lines() -> None:
    assert CodeLeaks().apply("نص\n});\nvar x = 1;\n")[1] == {"lines_removed": 2}


# --- boilerplate -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "اقرأ أيضا",
        "اقرأ أيضاً:",
        "إقرأ ايضا",
        "اقرأ أيضا: الكونجرس يطالب بدعم اليمن",  # a prefix phrase and a few more words
        "اقرأ المزيد »",
        "شارك",
        "شارك الخبر",
        "مشاركة",
        "تابعونا على",
        "تابعونا على فيسبوك وتويتر",
        "تابعونا علي تويتر",
        "جميع الحقوق محفوظة © 2020",
        'جميع الحقوق © محفوظة لـ "دار الصباح" - و يحظر نشر أو توزيع أو طبع أي مادة',
        "© 2013 Cable News Network. All Rights Reserved.",
        "للتواصل أرسل sms إلى 88548",
        "رابط الموضوع: https://www.alukah.net/sharia/0/42599/#ixzz73TU1wWcB",
        "Read more: http://example.com/a#ixzz2AbCdE",
        "|",
        "| | |",
        "»",
        " » » ",
        "||--",
        "• · •",
        "اتصل بنا | من نحن",
        "اتصل بنا | الملكية الفكرية DCMA | سياسة الخصوصية | Privacy Policy | قيوم المستخدم",
        "الرئيسية » أخبار » محلية",
        "Invision | منتدى مجاني | منتدى مجاني للدعم و المساعدة | إتصل بنا | التبليغ عن محتوى مخالف",
        "السطـر الأخـير | اتصل بنا | طباعة",
        "  Share  ",
        "READ MORE",
    ],
)
def test_boilerplate_lines_removed(line: str) -> None:
    assert remove_boilerplate(f"قبل\n{line}\nبعد\n") == "قبل\nبعد\n"


@pytest.mark.parametrize(
    "line",
    [
        "شارك الرئيس في القمة العربية التي عقدت أمس",  # a sentence that starts with a phrase
        "وقال إن المواطنين مدعوون إلى أن يقرؤوا أيضا ما كتبه",
        "قرأ المزيد من الكتب",
        "ثم قال: اقرأ أيضا ما كتبه فلان عن الموضوع",  # the phrase inside a sentence
        "اقرأ أيضا " + "كلمة " * 25,  # a prefix phrase followed by a paragraph
        "***",
        "******",
        "---",
        "- - -",
        "«نص» و «نص آخر»",
        "قال «اتصل بنا» ثم ذهب",
        "تابع",
        "السطر الأخير",
        "1 | 2 | 3",
        "الاسم | العمر | المدينة",  # a table row with no boilerplate item
        "تُعرَّف الدوال باستخدام الكلمة المفتاحية def يتبعها اسم الدالة | تُعرَّف الدوال",
        "#ixzz في نص عادي طويل يتحدث عن رموز التتبع في الروابط وما تعنيه للقراء والناشرين",
        "",
    ],
)
def test_lines_that_are_not_boilerplate_stay(line: str) -> None:
    assert remove_boilerplate(line) == line
    assert Boilerplate().apply(line)[1] == {}


@pytest.mark.parametrize(
    "text",
    [
        # Found by fuzz/fuzz_clean.py: punctuation took the thin space before ".", which
        # made six whitespace-separated words five, and a second run removed the line.
        "؛%ؤ\u2009.b { color: #fff; }#ixzz1AbCٱ#ixzz1AbCت{$x}",
        "قال ، وأضاف : نعم . #ixzz1AbCdE ثم ذهب",
    ],
)
def test_footers_are_judged_the_same_after_punctuation_spacing(text: str) -> None:
    once = arclean.clean(text, "web")
    assert arclean.clean(once, "web") == once


def test_boilerplate_keeps_line_breaks_of_other_lines() -> None:
    assert remove_boilerplate("أ\r\nشارك\r\nب\r\n") == "أ\r\nب\r\n"
    assert Boilerplate().apply("أ\nشارك\n|\nب")[1] == {"lines_removed": 2}


def test_phrase_key_folds_what_does_not_matter() -> None:
    assert phrase_key("  إقرأ أيضاً :") == phrase_key("اقرا ايضا") == "اقرا ايضا"
    assert phrase_key("السطـر الأخـير") == "السطر الاخير"
    assert phrase_key("READ  More!") == "read more"
    assert phrase_key("محفوظة") != phrase_key("محفوظه")  # a spelling, not a mark


def test_phrase_file_format() -> None:
    phrases = PhraseList.parse("# comment\n\nشارك\nتابعونا على ...\nاقرأ أيضاً…\n")
    assert phrases.whole == {"شارك"}
    assert phrases.prefixes == {"تابعونا على", "اقرا ايضا"}


def test_builtin_list_ships_with_the_package() -> None:
    phrases = builtin_phrases()
    assert "شارك" in phrases.whole and "تابعونا على" in phrases.prefixes
    assert len(phrases.whole) + len(phrases.prefixes) > 50


def test_own_phrase_file_extends_or_replaces(tmp_path: Path) -> None:
    own = tmp_path / "mine.txt"
    own.write_text("# my site\nخاص بموقعي\n", encoding="utf-8")
    text = "نص\nشارك\nخاص بموقعي\n"
    assert Boilerplate(phrase_file=str(own))(text) == "نص\n"
    assert Boilerplate(phrase_file=str(own), builtin=False)(text) == "نص\nشارك\n"
    assert Boilerplate(builtin=False)(text) == text


def test_missing_phrase_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        Boilerplate(phrase_file=str(tmp_path / "missing.txt"))


def test_boilerplate_filter_pickles_with_its_phrases(tmp_path: Path) -> None:
    own = tmp_path / "mine.txt"
    own.write_text("خاص بموقعي\n", encoding="utf-8")
    flt = Boilerplate(phrase_file=str(own))
    copy = pickle.loads(pickle.dumps(flt))
    assert copy == flt and copy("خاص بموقعي\n") == ""


# --- the web preset and its command-line flags -------------------------------------------


def run(args: list[str], stdin: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, args, input=stdin.encode())
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout_bytes.decode(), result.stderr


def test_web_preset_is_default_plus_code_and_boilerplate() -> None:
    text = "<p>نص {{ x }}</p>\nشارك\njQuery(document).ready(f);\n"
    assert arclean.clean(text, "web") == "نص\n"
    assert arclean.clean(text) == "نص\nشارك\njQuery(document).ready(f);\n"


def test_cli_boilerplate_file(tmp_path: Path) -> None:
    own = tmp_path / "mine.txt"
    own.write_text("خاص بموقعي\n", encoding="utf-8")
    text = "نص\nشارك\nخاص بموقعي\n"
    assert run(["--preset", "web", "--boilerplate-file", str(own)], text) == (0, "نص\n", "")
    assert run(
        ["--preset", "web", "--boilerplate-file", str(own), "--no-builtin-boilerplate"], text
    ) == (0, "نص\nشارك\n", "")
    assert run(["--select", "boilerplate,whitespace", "--boilerplate-file", str(own)], text)[1] == (
        "نص\n"
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (["--preset", "web", "--boilerplate-file", "missing.txt"], "missing.txt: no such file"),
        (["--preset", "web", "--boilerplate-file", "/"], "/: is a directory"),
        (["--boilerplate-file", "x.txt"], "need the boilerplate filter"),
        (["--no-builtin-boilerplate"], "need the boilerplate filter"),
    ],
)
def test_cli_boilerplate_file_errors_are_one_line(args: list[str], message: str) -> None:
    code, out, err = run(args, "نص\n")
    assert (code, out) == (2, "")
    assert err.startswith("arclean: error: ") and message in err
    assert err.count("\n") == 1
