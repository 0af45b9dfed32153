"""Remove HTML, XML, BBCode and MediaWiki markup, keeping the text it wraps.

What goes: tags, comments, CDATA markers, ``<!DOCTYPE>`` and ``<?xml?>``, the contents
of ``<script>`` and ``<style>``, BBCode tags (``[b]``, ``[rtl]``, ``[url=...]``) and the
URLs inside ``[img]``, MediaWiki templates (``{{DISPLAYTITLE:...}}``) and the brackets
of links (``[[target|label]]`` keeps ``label``). Named and numeric entities are decoded
(``&quot;`` -> ``"``, ``&#1575;`` -> ``ا``); the characters they decode to meet the
filters that handle them (``&#8203;`` the invisible filter, ``&nbsp;`` whitespace).

What stays: anything that is not shaped like markup. A tag starts with ``<`` and an ASCII
name right after it, so ``a < b``, ``x > 3``, ``<<quoted>>``, ``<user@example.com>`` and
``<عاجل>`` are text; square brackets hold BBCode only with a known tag name, so
``[الحسنى]`` and ``[1]`` are text.

Tags go before entities are decoded, so an entity inside an attribute value
(``content="بـ&quot;الجيش الحر&quot;"``) cannot break the tag it sits in. Markup
escaped twice by a CMS (``&lt;b&gt;``) decodes to a tag, and the filter runs again until
nothing changes, so it goes like ``<b>``: leaving it would make a second run remove it,
and the filter would not be idempotent. Template placeholders inside markup belong to
it, for the same reason across filters.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from arclean import chars
from arclean.filters.base import Counts, Filter, counts, settle


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """A pattern compiled on first use: most texts hold no markup, and a short run of the
    command line should not pay for the patterns at import."""
    return re.compile(pattern)


# --- Elements and how their tags separate the text around them ------------------------


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Tags of these elements end a line: paragraphs and list items stay apart.
_BLOCK = _names(
    "address article aside blockquote body br caption center dd details dialog dir div "
    "dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head "
    "header hgroup hr html legend li link main menu meta nav noscript ol optgroup option "
    "p pre script section style summary table tbody template tfoot thead title tr ul"
)
# These stand for a box or a cell: a space keeps the words on both sides apart.
_SPACED = _names(
    "audio button canvas embed iframe img input label map math object picture select "
    "source svg td textarea th track video"
)
# Inline elements: the text on both sides joins, as a browser shows it (ك<b>ل</b>مة).
_INLINE = _names(
    "a abbr acronym b bdi bdo big blink cite code data del dfn em font i ins kbd mark "
    "nobr q rp rt ruby s samp small span strike strong sub sup time tt u var wbr"
)
_KNOWN = _BLOCK | _SPACED | _INLINE
# Attributes written without a value (<input disabled>). Any other bare word makes the
# run text, not a tag: "if a<b and c>d" is prose.
_BOOLEAN_ATTRIBUTES = _names(
    "allowfullscreen async autofocus autoplay checked compact controls default defer "
    "disabled download formnovalidate hidden inert ismap itemscope loop multiple muted "
    "nohref noresize noshade novalidate nowrap open playsinline readonly required "
    "reversed selected"
)

# BBCode tags (forum posts) and which of them wrap a block.
_BB_BLOCK = _names(
    "quote code list * center left right justify align rtl ltr table tr hr h1 h2 h3 h4 h5 h6 indent"
)
_BB_INLINE = _names("sub sup color colour size font url email highlight spoiler li td th")
# BBCode whose content is a URL or an id, never text: the content goes too.
_BB_MEDIA = "img|youtube|video|media|flash|audio"

# MediaWiki link namespaces whose links are files or page metadata, not text.
_WIKI_HIDDEN = _names("file image media category ملف صورة وسائط ميديا تصنيف")
# Interlanguage links ([[en:Title]]) name another wiki's page, not text of this one.
_INTERWIKI = r"[a-z]{2,3}(?:-[a-z]+)?"

# --- Patterns -------------------------------------------------------------------------

# Digits of any system (\d): the digits filter may turn <h١> into <h1>, and a tag must
# not appear when it does.
_NAME = r"[A-Za-z](?:[A-Za-z]|\d)*(?:[:_.-](?:[A-Za-z]|\d)+)*"
_ATTR_NAME = r"[A-Za-z_:@](?:[A-Za-z_:.@-]|\d)*"
# Template placeholders inside markup (<input {% if c %}checked{% endif %}>,
# <a href="<%= url %>">, [[x|[% label %]]]) belong to it: reading one as the end of the
# markup would leave what the templates filter later completes into markup, for a
# second run to find. Deliberately loose: anything a template engine could close.
_BRACE_ATOM = r"\$?\{\{?\{?[^{}<>\n]*\}\}?\}?"
_ANGLE_ATOM = r"<%[^%\n]*%>|<\?(?:php\b|=)[^?\n]*\?>"
_BRACKET_ATOM = r"\[%[^%\[\]\n]*%\]"
_ATOM = f"{_BRACE_ATOM}|{_ANGLE_ATOM}|{_BRACKET_ATOM}"
# A quoted value stops at a "<" that opens no placeholder, so a scan from one "<" ends
# at the next: linear time.
_VALUE = (
    rf"""(?:"(?:[^"<]++|{_ANGLE_ATOM})*+"|'(?:[^'<]++|{_ANGLE_ATOM})*+'|{_ATOM}|[^\s"'<>=`]+)"""
)
# Text inside brackets or braces, with the placeholders it may hold.
_IN_BRACKETS = rf"(?:[^\[\]\n]++|{_BRACKET_ATOM})"
_IN_BRACES = rf"(?:[^{{}}\n]++|{_BRACE_ATOM})"
# Each kind of token is written without its first character, which _TOKEN matches once
# for all the kinds that share it, instead of trying every kind at every character.
_TAG = (
    rf"(?P<close>/?)(?P<name>{_NAME})"
    rf"(?P<attrs>(?:(?:\s+|(?<=[}}>\]]))(?:{_ATTR_NAME}(?:\s*=\s*{_VALUE})?|{_ATOM})"
    rf"|{_ATOM})*+)\s*/?>"
)
_DECLARATION = (
    r"![A-Za-z][^<>]*>"  # <!DOCTYPE html>
    r"|\?xml(?:-[a-z]+)?(?:\s[^<>?]*)?\?>"  # <?xml version="1.0"?>
    r"|!\[(?:end)?if\b[^<>\]\n]*\]>"  # <![endif]> outside a comment
)
# What is left of a closing tag cut off (`</s` at the end of a truncated page). Prose
# never writes "</" before a letter.
_CUT_TAG = r"/[A-Za-z][A-Za-z0-9]*(?![A-Za-z0-9:_.-])"
_BB_NAMES = "|".join(
    re.escape(n).replace(n[-1], r"\d") if n[-1].isdigit() else re.escape(n)
    for n in sorted(_BB_BLOCK | _BB_INLINE, key=len, reverse=True)
)
_BBCODE = (
    rf"(?P<bbmedia>(?i:{_BB_MEDIA}))(?:={_IN_BRACKETS}*+)?\]{_IN_BRACKETS}*+\[/(?P=bbmedia)\]"
    # [b], [i], [u], [s] count only in pairs on one line: x[i] indexes an array. Other
    # brackets may sit inside ([b][url=x]y[/url][/b]); the same tag may not.
    rf"|(?P<bbpair>[BIUSbius])\](?P<bbtext>(?:[^\[\n]++|\[(?!/?(?P=bbpair)\]))*+)"
    rf"\[/(?P=bbpair)\]"
    rf"|/?(?P<bb>(?i:{_BB_NAMES}))(?:={_IN_BRACKETS}*+)?\]"
)
_WIKI_LINK = (
    # [[target]], [[target|label]]
    rf"\[(?P<target>(?:[^\[\]\n|]++|{_BRACKET_ATOM})++)(?:\|(?P<label>{_IN_BRACKETS}*+))?\]\]"
    # [https://example.com label]
    rf"|(?:https?:)?//[^\s\[\]]+[ \t]+(?P<extlabel>{_IN_BRACKETS}++)\]"
)
# What a wiki link may start with: its first branch needs "[" and a character of the
# target (or a placeholder), its second a URL.
_WIKI_LINK_START = r"(?=\[(?:[^\[\]\n|]|\[%)|h|/)"
# {{Name:...}}, {{Name|...}} with an ASCII name; {{#if:...}}
_WIKI_TEMPLATE = rf"\{{#?[A-Za-z][A-Za-z0-9 _-]*[:|]{_IN_BRACES}*+\}}\}}"

# Three branches, each starting with its literal character: re skips straight from
# one "<", "[" or "{" to the next, and reads at each only the kinds it can begin.
_AFTER_ANGLE = f"(?:(?P<tag>{_TAG})|(?P<decl>{_DECLARATION})|(?P<cut>{_CUT_TAG}))"
_BRACKET_OR_BRACE_TOKEN = (
    # Every BBCode tag starts with a letter, "/" or "*", and every wiki link with "[" and
    # a character of its target, or a URL: the checks spare "[[[[" a failed try at each
    # of the many tag names and at every kind of link.
    f"\\[(?:(?=[*/]|(?i:[a-z]))(?P<bbcode>{_BBCODE})"
    f"|{_WIKI_LINK_START}(?P<wiki>{_WIKI_LINK}))"
    f"|\\{{(?P<template>{_WIKI_TEMPLATE})"
)
_TOKEN = f"<{_AFTER_ANGLE}|{_BRACKET_OR_BRACE_TOKEN}"


def _trie(words: Iterable[str]) -> str:
    """A pattern for exactly ``words``, letter by letter: re tries an alternation of
    ninety names one after the other, and this reads each letter once.

    >>> _trie(["b", "big", "i"])
    '(?:b(?:ig)?|i)'
    """
    heads: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda word: (word[0].isupper(), word)):  # a-z first
        heads.setdefault(word[0], []).append(word[1:])
    branches = []
    for head, tails in heads.items():
        rest = [tail for tail in tails if tail]
        branch = re.escape(head)
        if rest:
            more = _trie(rest) if len(rest) > 1 else f"(?:{re.escape(rest[0])})"
            branch += more + ("?" if "" in tails else "")
        branches.append(branch)
    return "(?:" + "|".join(branches) + ")"


# An inline tag as markup mostly writes it: <b>, </SPAN>, no attribute. It owes the
# text around it nothing, so _strip_tokens removes a run of them with one re.sub
# instead of a Python step each (a megabyte of <<b> is 250,000 of them). Where it
# matches, _TOKEN's tag branch matches the same characters, and no token can start
# inside one: _COMPLEX_TOKEN is _TOKEN but for these, and the text between two of its
# matches holds only these tokens. (A letter first: "<!--" and "<<" fail at once, not
# after forty letters each.)
_SIMPLE_INLINE_REST = f"/?(?=[A-Za-z]){_trie(_INLINE | {name.upper() for name in _INLINE})}>"
_SIMPLE_INLINE = "<" + _SIMPLE_INLINE_REST
_COMPLEX_TOKEN = f"<(?!{_SIMPLE_INLINE_REST}){_AFTER_ANGLE}|{_BRACKET_OR_BRACE_TOKEN}"
# Attributes with a value, and placeholders: what is left are the bare attributes.
_VALUED_ATTRIBUTE = rf"{_ATTR_NAME}\s*=\s*{_VALUE}|{_ATOM}"


def _is_tag(name: str, attributes: str) -> bool:
    """Whether a run shaped like a tag is one, by its bare attributes.

    HTML elements take boolean attributes (<input disabled>) and framework ones with a
    dash (<div v-cloak>); an XML element (a name HTML does not know) takes none. Any
    other bare word means prose: "if a<b and c>d" and "a<x and y>b" stay.
    """
    bare = _compiled(_VALUED_ATTRIBUTE).sub(" ", attributes).split()
    if not bare:
        return True
    if name not in _KNOWN:
        return False
    return all(word.lower() in _BOOLEAN_ATTRIBUTES or "-" in word for word in bare)


_BLOCK_CLOSE = {
    "--": "-->",
    "script": r"(?i)</script\s*>",
    "style": r"(?i)</style\s*>",
    "cdata": r"\]\]>",
}
# Ampersands escaped again and again (&amp;amp;lt;) fold to one in a single step.
_AMPERSANDS = r"&(?:amp;|AMP;|#0*38;|#[xX]0*26;)+"
# Numeric entities in any digits (&#٣٨; is &#38; once the digits filter has run).
_ENTITY = (
    r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#(?P<decimal>\d{1,7})|#[xX](?P<hex>(?:[0-9A-Fa-f]|\d){1,6}));"
)

# What the invisible filter removes (and ZWNJ, which it removes from Arabic paragraphs).
# and Arabic marks, which the diacritics filter removes.
_HIDDEN_CHARS = chars.INVISIBLE | {chars.ZERO_WIDTH_NON_JOINER, chars.SUPERSCRIPT_ALEF}
_HIDDEN_RANGES = (*chars.INVISIBLE_RANGES, *chars.ARABIC_COMBINING_RANGES)
_HIDDEN = chars.char_class(_HIDDEN_CHARS | chars.HARAKAT, _HIDDEN_RANGES)
# A tatweel among the marks goes with them: the tatweel filter may take it out from
# between two marks ("%ّـۖ<"), and a second run would find the marks between "%" and "<".
_HIDDEN_OR_TATWEEL = chars.char_class(
    _HIDDEN_CHARS | chars.HARAKAT | {chars.TATWEEL}, _HIDDEN_RANGES
)
# A printable ASCII character, or a digit of any system that the digits filter may make
# one (\d is str.isdecimal). No hidden mark is one of these.
_SYNTAX = r"[!-~\d]"
# A whole run of hidden marks (and the tatweels among them) with a syntax character on
# both sides. Spaces and the marks the invisible filter removes may come before the
# second: the filters after this one take them out or fold them ("}}ٌ\t\u200b4" is
# "}}ٌ 4" once invisible and whitespace have run, and the punctuation filter takes the
# spaces before a mark, "}ْ :" becomes "}ْ:"), and a second run would then find the
# mark. (Vowel marks stay: in '"ِ ْ ِ"' the first is no more between two syntax
# characters than the others.) It starts with a character of the run, so the regex
# engine skips straight to the next.
_SPACE_OR_INVISIBLE = chars.char_class(
    chars.HORIZONTAL_SPACES | chars.INVISIBLE | {chars.ZERO_WIDTH_NON_JOINER},
    chars.INVISIBLE_RANGES,
)
_HIDDEN_BETWEEN_SYNTAX = (
    f"{_HIDDEN_OR_TATWEEL}(?<={_SYNTAX}{_HIDDEN_OR_TATWEEL})"
    f"(?:(?<={_HIDDEN})|(?={_HIDDEN_OR_TATWEEL}*?{_HIDDEN}))"  # a mark in the run
    f"{_HIDDEN_OR_TATWEEL}*(?={_SPACE_OR_INVISIBLE}*{_SYNTAX})"
)
# Every kind of markup holds one of these; text with none of them is left at once.
_TRIGGERS = ("<", "&", "[", "{{")
# How every token, block and entity begins, by the character it starts with, loosened:
# an ASCII letter here stands for any character one matches case-insensitively
# ("(?i:script)" also reads "ſcript"). Each pattern starts with one literal character,
# which the regex engine finds fastest (and twice as fast as two: "{" then "{" ahead).
_MARKUP_STARTS = (
    ("<", r"<(?:[!/?]|(?i:[a-z]))"),
    ("[", r"\[(?:[*/\[]|(?i:[a-z]))"),
    ("{{", r"\{(?=\{#?(?i:[a-z]))"),
    ("&", r"&(?:#|(?i:[a-z]))"),
)
_HSPACE = "".join(chars.HORIZONTAL_SPACES)
_WHITE = chars.HORIZONTAL_SPACES | chars.LINE_BREAKS


def remove_markup(text: str) -> str:
    """Remove tags, comments, scripts, BBCode and wiki markup; decode entities.

    >>> remove_markup("<p>نص &quot;مقتبس&quot;</p><p>[b]ثان[/b] [[مصر|المصرية]]</p>")
    'نص "مقتبس"\\nثان المصرية'
    """
    return Markup().apply(text)[0]


_MARKED_OPENERS = {"--": "<!--", "cdata": r"<!\[CDATA\["}


@functools.cache
def _block_opener(unclosed: frozenset[str]) -> re.Pattern[str]:
    """How a comment, a script or style element or a CDATA section opens, but for the
    openers that can change nothing: those of a kind known to have no closer left
    (bar a self-closed ``<script .../>``, which goes anyway).
    No opener holds a "<" after its first character, so leaving one out lets no other
    start inside it.
    """
    openers = [opener for kind, opener in _MARKED_OPENERS.items() if kind not in unclosed]
    elements = [
        # ASCII letters only: "ſcript" (U+017F) is no script element, and no closer
        # is looked up for it.
        f"(?ai:{name})" + (r"(?=\b[^<>]*/>)" if name in unclosed else "")
        for name in ("script", "style")
    ]
    openers.append(rf"<(?P<element>{'|'.join(elements)})\b[^<>]*>")
    return re.compile("|".join(openers))


def _remove_blocks(text: str) -> tuple[str, int, int]:
    """Cut comments and script/style elements out, and unwrap CDATA sections.

    An opener without a closer after it is left alone, and so is every later opener
    of its kind: nothing after it can close, and not looking again keeps this linear.
    The search stops looking for those openers at all, so a megabyte of unclosed
    ``<!--`` is read once, not opener by opener.
    """
    out: list[str] = []
    pos = removed = unwrapped = 0
    unclosed: set[str] = set()
    opener_pattern = _block_opener(frozenset())
    while (opener := opener_pattern.search(text, pos)) is not None:
        element = (opener["element"] or "").lower()
        kind = element or ("--" if opener[0] == "<!--" else "cdata")
        if element and opener[0].endswith("/>"):  # <script src="..."/>: nothing inside
            out.append(text[pos : opener.start()])
            pos = opener.end()
            removed += 1
            continue
        # `<!-->` is a whole comment, so the closer may overlap the opener.
        start = opener.start() + 2 if kind == "--" else opener.end()
        closer = _compiled(_BLOCK_CLOSE[kind]).search(text, start)
        if closer is None:
            unclosed.add(kind)
            opener_pattern = _block_opener(frozenset(unclosed))
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


def _decode_entities(text: str) -> tuple[str, int]:
    decoded = 0

    def decode(match: re.Match[str]) -> str:
        nonlocal decoded
        entity = match[0]
        if match["decimal"]:
            entity = f"&#{int(match['decimal'])};"
        elif match["hex"]:
            entity = f"&#{int(match['hex'], 16)};"
        char = html.unescape(entity)
        if char == entity:
            return match[0]
        decoded += 1
        return char

    text, ampersands = _compiled(_AMPERSANDS).subn("&", text)
    text = _compiled(_ENTITY).sub(decode, text)
    return text, decoded + ampersands


class _Writer:
    """Join the text between removed tokens, owing each gap a separator.

    A gap owes nothing (inline tags: the words join), a space (cells, images) or a
    line break (block tags). A line break is not written at the start of a line or
    before one, so ``<p>a</p>\\n<p>b</p>`` becomes two lines, not four.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.owed = ""
        # What line_start says when no part from _line_start_from on holds more than
        # spaces.
        self._line_start_before = True
        self._line_start_from = 0

    def owe(self, separator: str) -> None:
        if separator == "\n" or not self.owed:
            self.owed = separator

    def write(self, text: str) -> None:
        if not text:
            return
        if self.owed and (head := text.lstrip(_HSPACE)):
            # A run of spaces alone pays no debt: the next text decides.
            if self.owed == "\n" and not self.line_start and head[0] not in chars.LINE_BREAKS:
                self.parts.append("\n")
            elif (
                self.owed == " " and self.last and self.last not in _WHITE and text[0] not in _WHITE
            ):
                self.parts.append(" ")
            self.owed = ""
        self.parts.append(text)

    @property
    def last(self) -> str:
        """The last character written, "" before any: a separator paid is always
        followed by text, so it is the last of the last part."""
        return self.parts[-1][-1] if self.parts else ""

    @property
    def line_start(self) -> bool:
        """Whether the text written so far ends a line: it ends in a line break and
        spaces. Text of spaces alone leaves the line as it was, so the parts are read
        back to the last that holds more. Only a debt being paid asks, and text that
        holds more than spaces follows, so no part is read back over twice."""
        for i in range(len(self.parts) - 1, self._line_start_from - 1, -1):
            ending = self.parts[i].rstrip(_HSPACE)
            if ending:
                return ending[-1] in chars.LINE_BREAKS
        return self._line_start_before

    @line_start.setter
    def line_start(self, value: bool) -> None:
        """Take the line as starting (or not) whatever was written before."""
        self._line_start_before, self._line_start_from = value, len(self.parts)


def _in_double_angles(text: str, start: int, end: int) -> bool:
    """Whether the tag ``text[start:end]`` stands between ``<`` and ``>`` (``<<x>>``):
    written so, a name HTML does not know is a quoted word, not an XML element."""
    return text[start - 1 : start] == "<" and text[end : end + 1] == ">"


def _strip_tokens(text: str) -> tuple[str, int, int, int]:
    tags = bbcode = wiki = 0
    writer = _Writer()
    pos = 0
    simple = _compiled(_SIMPLE_INLINE)

    def write_between(between: str) -> int:
        """Write the text between two tokens of _COMPLEX_TOKEN, without the simple
        inline tags it holds; return how many. With nothing owed, writing the pieces
        one by one is appending them: one re.sub does it."""
        if "<" not in between or ">" not in between:
            writer.write(between)
            return 0
        if not writer.owed:
            between, removed = simple.subn("", between)
            writer.write(between)
            return removed
        pieces = simple.split(between)
        for piece in pieces:
            writer.write(piece)
        return len(pieces) - 1

    for match in _compiled(_COMPLEX_TOKEN).finditer(text):
        start, end = match.span()
        if start > pos:
            tags += write_between(text[pos:start])
        pos = end
        if (name := match["name"]) is not None:  # a tag: every tag has a name
            name = name.lower()
            if (attributes := match["attrs"]) and not _is_tag(name, attributes):
                writer.write(match[0])  # prose after all
                continue
            if name not in _KNOWN and _in_double_angles(text, start, end):
                writer.write(match[0])  # <<quoted>>: a word in double angle quotes
                continue
            tags += 1
            if name in _BLOCK:
                writer.owe("\n")
            elif name not in _INLINE:
                writer.owe(" ")
            # An inline tag owes nothing, and leaves a debt owed before it as it is.
        elif match["decl"] is not None:
            tags += 1
            writer.owe("\n")
        elif match["bbcode"] is not None:
            bbcode += 1
            name = (match["bb"] or "").lower()
            writer.owe("\n" if name in _BB_BLOCK else "")
            if match["bbtext"] is not None:
                writer.write(match["bbtext"])
        elif match["wiki"] is not None:
            wiki += 1
            target, label = match["target"], match["label"]
            if target is not None:
                namespace = target.split(":", 1)[0].strip().lower() if ":" in target else ""
                if namespace not in _WIKI_HIDDEN and not _compiled(_INTERWIKI).fullmatch(namespace):
                    writer.write(label if label and label.strip() else target)
            elif match["extlabel"] is not None:
                writer.write(match["extlabel"])
        elif match["template"] is not None:
            wiki += 1
        else:
            tags += 1
    tags += write_between(text[pos:])
    return "".join(writer.parts), tags, bbcode, wiki


def _unhide(text: str) -> tuple[str, int]:
    """Remove the invisible marks that sit between two printable ASCII characters.

    There they can only be junk, and they would hide a tag (<\u200bp>) or an entity
    from this filter until the invisible filter, which runs later, took them out: a
    second run would then find the tag.
    """
    unhidden = _compiled(_HIDDEN_BETWEEN_SYNTAX).sub("", text)
    return unhidden, len(text) - len(unhidden)


def _may_hold_token(text: str) -> bool:
    """Whether a token of _COMPLEX_TOKEN may be in ``text``: every one after "<" ends
    with ">" but a cut closing tag ("</s"), and the others start with "[" or "{{".
    (A megabyte of unclosed `<a x="` would otherwise try the tag pattern at each "<".)

    >>> _may_hold_token('<a x="<a x="'), _may_hold_token("<b"), _may_hold_token("</s")
    (False, False, True)
    """
    return ("<" in text and (">" in text or "</" in text)) or "[" in text or "{{" in text


def _remove_once(text: str) -> tuple[str, Counts]:
    blocks = unwrapped = entities = tags = bbcode = wiki = hidden = 0
    text, hidden = _unhide(text)
    if "<" in text:
        text, blocks, unwrapped = _remove_blocks(text)
    if _may_hold_token(text):
        text, tags, bbcode, wiki = _strip_tokens(text)
    if "&" in text:
        text, entities = _decode_entities(text)
    return text, counts(
        blocks_removed=blocks,
        entities_decoded=entities,
        tags_removed=tags + unwrapped,
        bbcode_removed=bbcode,
        wiki_markup_removed=wiki,
        hidden_marks_removed=hidden,
    )


def _may_change(text: str) -> bool:
    """Whether :func:`_remove_once` could change the text: a token, block or entity may
    start in it, or a hidden mark sits between two syntax characters. When not, the
    text is markup-free as it stands.

    >>> _may_change("a < b, [1] {{ x }} & y"), _may_change("<p>"), _may_change("a\u200bb")
    (False, True, True)
    """
    return any(
        opener in text and _compiled(start).search(text) for opener, start in _MARKUP_STARTS
    ) or bool(_compiled(_HIDDEN_BETWEEN_SYNTAX).search(text))


def _remove_if_any(text: str) -> tuple[str, Counts]:
    """:func:`_remove_once`, skipped when :func:`_may_change` proves it would do nothing."""
    return _remove_once(text) if _may_change(text) else (text, {})


@dataclass(frozen=True)
class Markup(Filter):
    """Remove HTML/XML tags, comments, scripts and styles, BBCode and wiki markup.

    Block-level tags (``<p>``, ``<br>``, ``<div>``, ``<li>``, ``<h1>``, ``<tr>``) end a
    line, so paragraphs stay apart; inline tags (``<b>``, ``<a>``, ``<span>``) join the
    text on both sides as a browser shows it. Entities are decoded.
    """

    name = "markup"
    example = "<p>قال <b>الوزير</b> &quot;نعم&quot;</p><script>x()</script>[b]شكرا[/b]"
    description = (
        "Remove HTML/XML tags, comments, scripts, BBCode and wiki markup; decode entities."
    )
    lossless = True

    def apply(self, text: str) -> tuple[str, Counts]:
        if not any(token in text for token in _TRIGGERS):
            return text, {}
        # The pre-check also ends settle's last pass, the one that finds nothing left.
        return settle(_remove_if_any, text)
