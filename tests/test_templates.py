"""The templates filter, engine by engine: placeholders go, text shaped otherwise stays.

The first cases (Jinja's three delimiters) are in test_filters.py with the other filters.
"""

from __future__ import annotations

import pytest

from arclean.filters import Templates, remove_templates


@pytest.mark.parametrize(
    "dirty, clean",
    [
        # Jinja, Django, Nunjucks, Liquid, Twig: filters, pipes and whitespace control.
        ("قال {{ author.name|title }} إن", "قال إن"),
        ("قال {{- x | default('y') -}} إن", "قال إن"),
        ("{%- for a in b -%}\nنص\n{%- endfor %}", "نص\n"),
        ("{% trans %}\nنص", "نص"),
        # Mustache and Handlebars.
        ("قال {{{ body }}} إن", "قال إن"),
        ("{{#each items}}\nنص\n{{/each}}", "نص\n"),
        ("{{#if x}}نص{{else}}آخر{{/if}}", "نصآخر"),
        ("{{> header}}\nنص", "نص"),
        ("{{! a comment }}نص", "نص"),
        ("{{^ empty }}نص{{/ empty }}", "نص"),
        # ERB, EJS, ASP.
        ("قال <%= @user.name %> إن", "قال إن"),
        ("<% if x %>\nنص\n<% end %>", "نص\n"),
        ("قال <%- include('x') %> إن", "قال إن"),
        ("<%# comment %>نص", "نص"),
        ('<%@ Page Language="C#" %>\nنص', "نص"),
        # PHP.
        ("قال <?php echo $name; ?> إن", "قال إن"),
        ("قال <?= $name ?> إن", "قال إن"),
        # Smarty.
        ("قال {$user.name} إن", "قال إن"),
        ("قال {$title|escape} إن", "قال إن"),
        ("{if $x}نص{/if}", "نص"),
        ("{foreach $items as $i}\nنص\n{/foreach}", "نص\n"),
        ("{* comment *}نص", "نص"),
        ('{include file="header.tpl"}\nنص', "نص"),
        # JavaScript template literals, shell, GitHub Actions.
        ("قال ${user.name} إن", "قال إن"),
        ("قال ${ a + b } إن", "قال إن"),
        ("قال ${{ secrets.TOKEN }} إن", "قال إن"),
        # Template Toolkit.
        ("قال [% user.name %] إن", "قال إن"),
        ("[% IF x %]\nنص\n[% END %]", "نص\n"),
        # printf leftovers.
        ("قال %(name)s إن", "قال إن"),
        ("تم حذف %d رسالة", "تم حذف رسالة"),
        ("قال %s إن %s", "قال إن"),
        ("قال %1$s إن", "قال إن"),
        ("(%s)", "()"),
        # Several engines on one line, and a line made only of placeholders.
        ("قال {{ a }} <%= b %> ${c} إن", "قال إن"),
        ("أ\n  {% if x %} <%= y %>  \nب", "أ\nب"),
    ],
)
def test_placeholders_removed(dirty: str, clean: str) -> None:
    assert remove_templates(dirty) == clean


@pytest.mark.parametrize(
    "text",
    [
        # Braces as quotation marks, sets, dictionaries, code.
        "قال تعالى {إِنَّكَ مَيِّتٌ وَإِنَّهُمْ مَيِّتُونَ}",
        "{ بِسْمِ اللَّهِ } أي: أبتدئ",
        "{{ اسم الكاتب }}",  # Arabic inside: prose
        "{{ x\ny }}",  # a placeholder never spans lines
        "{ x } و {x} و {word}",
        "{iffy} {ifelse}",  # not Smarty keywords
        "set = {1, 2}",
        "def f(x): return {'a': x}",
        "{{{{ x }}}}",
        "{{{{",
        "{%{%{%",
        "{% unclosed",
        "${",
        "$5 و ${ و $x",
        # Percent signs: numbers, URLs, prose.
        "ارتفع بنسبة 50% و 5 %",
        "100%s",
        "https://ar.wikipedia.org/wiki/%D9%85%D8%B5%D8%B1",
        "%d8%a7%d9%84",
        "%sإن",  # glued to a word
        "50%%",
        "%(",
        "%(name)",  # no conversion letter
        # Angle brackets and square brackets.
        "a < b و x > 3",
        "<% unclosed",
        "5 <% 10",
        "<?xml version='1.0'?>",  # an XML declaration is markup, not PHP
        "[%",
        "[1] و [الحسنى]",
    ],
)
def test_text_that_is_not_a_placeholder_stays(text: str) -> None:
    assert remove_templates(text) == text
    assert Templates().apply(text)[1] == {}


def test_counts_every_engine() -> None:
    text = "{{ a }} <%= b %> <?= c ?> {$d} ${e} [% f %] %(g)s\nقال %s إن"
    assert Templates().apply(text)[1] == {"placeholders_removed": 8, "lines_removed": 1}


@pytest.mark.parametrize(
    "text",
    [
        "{{<%= x %>{ y }}",  # cutting the inner one makes {{{ y }}
        "{<%= x %>{ y }}",  # ... or {{ y }}
        "<{{ x }}%= y %>",
        "[{{ x }}% y %]",
    ],
)
def test_removal_that_makes_another_placeholder_settles(text: str) -> None:
    once = remove_templates(text)
    assert remove_templates(once) == once


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("&am{{ x }}p;", "&am p;"),  # not &amp;
        ("<b{{ x }}r>", "<b r>"),  # not <br>
        ("[ur{{ x }}l]", "[ur l]"),  # not [url]
        ("a{{ x }}b", "ab"),  # a word split by a placeholder joins again
    ],
)
def test_a_cut_never_completes_markup(dirty: str, clean: str) -> None:
    assert remove_templates(dirty) == clean


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("قال {{ x\u064b }} إن", "قال إن"),  # a mark is not a letter: still a placeholder
        ("قال %\u0661$s إن", "قال إن"),  # %1$s once the digits filter has run
        ("قال %(n\u0663)s إن", "قال إن"),
        ("\ufe70%s", "\ufe70"),  # a haraka form stands apart like the mark it becomes
    ],
)
def test_what_later_filters_would_change_is_read_as_they_would(dirty: str, clean: str) -> None:
    assert remove_templates(dirty) == clean
