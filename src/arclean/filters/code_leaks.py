"""Remove CSS and JavaScript that a page widget leaked into the text.

A line goes when, outside its string literals, it holds no Arabic letter and it shows
the shape of widget code: a CSS rule or declaration, ``jQuery(...)``, ``function(``,
``var x =``, ``document.write(``, ``});``. A line of Arabic prose that mentions code
(``استخدم jQuery(document).ready``) stays. Inside a line of prose, only a long stretch of
dense widget code goes (two hundred characters and four signs of code at least), such
as a voting widget's stylesheet and script glued after an article's last sentence.

Generic code is not a widget: ``for (i = 0; i < n; i++) { x[i] = y; }`` stays.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from arclean import chars
from arclean.filters.base import Counts, Filter, counts


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """A pattern compiled on first use: importing arclean compiles none of these."""
    return re.compile(pattern)


_ARABIC_LETTER = chars.char_class(ranges=chars.ARABIC_LETTER_RANGES)
# A stretch inside a line of prose is removed only with this much code in it.
_MIN_SPAN_CHARS = 200
_MIN_SPAN_SIGNALS = 4
# Runs long enough to hold such a stretch, with no Arabic-script character at all
# (letters, digits, ، ؟ ...). A run is only tried from its start: linear time.
_NOT_ARABIC = "[^" + chars.char_class(ranges=chars.ARABIC_SCRIPT_RANGES)[1:]
_LONG_RUN = f"(?<!{_NOT_ARABIC}){_NOT_ARABIC}{{{_MIN_SPAN_CHARS},}}"
_LINE_BREAK = f"\\r\\n|{chars.char_class(chars.LINE_BREAKS)}"
# Every kind of space reads as a plain one (NBSP too), so a line is judged as the
# whitespace filter will leave it.
_HSPACE = "".join(chars.HORIZONTAL_SPACES)
_ODD_SPACE = chars.char_class(chars.HORIZONTAL_SPACES - {" "})

# A string literal where code expects a value: html('انتظر'), x = "نص", ['a', 'b'].
# Prose quotes ("قال "نص"") follow a word, not one of these.
_CODE_STRING = r"""([(,=:+\[][ \t]*)('[^'\n]*'|"[^"\n]*")"""

# Signs of widget code. Every pattern is linear: no nested open repeats. Each branch
# starts with a literal character, the word boundary before it written as a lookbehind
# after it (j(?<![\w$]j) is (?<![\w$])j): re then scans for those characters alone
# instead of trying every branch at every position (a line of "{a: ;" ran at 2 MB/s).
_SIGNAL = r"""(?x)
      j(?<![\w$]j)Query[ \t]*[(.]                      # jQuery(...), jQuery.noConflict
    | \$(?<![\w$]\$)[ \t]*\([ \t]*['"]                 # $('#id')
    | \$(?<![\w$]\$)\.[A-Za-z]+\(                      # $.ajax(
    | f(?<!\wf)unction\b[ \t]*[\w$]*[ \t]*\(           # function(...), function name(
    | v(?<!\wv)ar[ \t]+[A-Za-z_$][\w$]*[ \t]*=         # var x =
    | c(?<!\wc)onst[ \t]+[A-Za-z_$][\w$]*[ \t]*=
    | d(?<!\wd)ocument\.[A-Za-z_$][\w$]*[ \t]*[(=.]    # document.write(
    | w(?<!\ww)indow\.[A-Za-z_$][\w$]*[ \t]*[(=.]      # window.x =
    | \.(?:html|attr|val|css|ready|submit|click|ajax|post|append|each|hide|show|bind|on)\(
    | _(?<!\w_)ga[qt]\b[ \t]*[.(]                      # _gaq.push(, _gat.
    | g(?<!\wg)(?:oogletag|tag)\b[ \t]*[.(]            # googletag.cmd, gtag(
    | d(?<!\wd)ataLayer\b[ \t]*[.(]
    | f(?<!\wf)bq\b[ \t]*[.(]
    | t(?<!\wt)wttr\b[ \t]*[.(]
    | F(?<!\wF)B\b[ \t]*[.(]
    | \}[ \t]*\)(?:[ \t]*\([^()\n]*\))?[ \t]*;         # }); and })();
    | =>[ \t]*\{                                       # arrow function body
    | @(?:media|import|font-face|keyframes|charset)\b  # CSS at-rules
    # A CSS block with a declaration: { padding: 0; } { color: #fff }
    | \{[ \t]*-?[A-Za-z][-A-Za-z]*[ \t]*:(?=[^{}\n]*?(?:;|\d|\#[0-9A-Fa-f]{3}))[^{}\n]*+\}
    """
# Lines that are code by their shape alone, once they hold no Arabic.
_CODE_LINE = r"""(?x)
      (?=[^}\n]*\})[{}()\[\];, \t]++                  # }  });  };
    # a CSS declaration: font-size: 12px;  color: #ccc;  display: none;
    | [ \t]*-?[a-z]+(?:-[a-z]+)+[ \t]*:[^;{}\n]*;[ \t]*
    | [ \t]*[a-z]+[ \t]*:[ \t]*(?:[-\d.]+(?:px|em|rem|pt|%)?|\#[0-9A-Fa-f]{3,8}
        |none|auto|inherit|bold|normal|hidden|block|inline|solid|transparent)[^;{}\n]*;[ \t]*
    # a CSS selector opening a block: #vote ul {   .box_vote h4 {   body {
    | [ \t]*(?=[^{}\n]*(?:[#.][A-Za-z_]|:[a-z]|@|\*|\b(?:html|body|div|span|p|a|ul|ol|li|table
        |tr|td|img|h[1-6]|input|form)\b))[#.A-Za-z_*@:\[][-\w#.:*\[\]="'>+~, \t]*\{[ \t]*
    """
# Every line the filter removes or cuts holds one of these: the start of a sign of code
# (_SIGNAL), or what a line of code (_CODE_LINE) holds: a brace opening a CSS block or
# ending the line, a "}" on a line of brackets alone, a ";" ending the line. Reading the
# line with its strings masked never makes one: masking writes only spaces, and runs of
# "x" that follow an opener ("(", ",", "=", ...), never ".aja" or a brace. Each branch
# starts with a literal character, so the regex engine skips straight from one
# candidate to the next.
_SPACES = chars.char_class(chars.HORIZONTAL_SPACES)[1:-1]
_BREAKS = chars.char_class(chars.LINE_BREAKS)[1:-1]
_LINE_END = f"[{_SPACES}]*(?:[{_BREAKS}]|\\Z)"
_BRACKETS = r"{}()\[\];,"
_MAY_BE_CODE = (
    f"\\{{(?=[{_SPACES}]*(?:-?[A-Za-z]|[{_BREAKS}]|\\Z))"
    f"|\\}}(?:[{_SPACES}]*\\)|(?<![^{_BRACKETS}{_SPACES}{_BREAKS}]\\}})"
    f"(?=[{_BRACKETS}{_SPACES}]*(?:[{_BREAKS}]|\\Z)))"
    f"|;(?={_LINE_END})"
    f"|jQuery|\\$|function|var[{_SPACES}]|const[{_SPACES}]|document\\.|window\\.|=>"
    r"|\.(?:html|attr|val|css|ready|submit|click|ajax|post|append|each|hide|show|bind|on)\("
    r"|_ga[qt]|googletag|dataLayer|gtag|fbq|twttr|FB|@(?:media|import|font-face|keyframes|charset)"
)
# Characters that may end the prose before a code stretch, or close the code after it.
_LEAD = " \t.,;:!?»\"')-"
_TRAIL = " \t;,)}]"


def remove_code_leaks(text: str) -> str:
    """Remove lines of leaked CSS/JavaScript, and long code stretches inside prose lines.

    >>> remove_code_leaks("نص\\njQuery(document).ready(function(){\\n});\\nنص آخر")
    'نص\\nنص آخر'
    """
    return CodeLeaks().apply(text)[0]


def _mask_strings(line: str) -> str:
    """The line as the patterns read it, same length: odd spaces become spaces, and code
    string literals are blanked out, since Arabic in a widget's strings (html('انتظر'))
    is part of the widget, not of the prose around it."""
    line = _compiled(_ODD_SPACE).sub(" ", line)
    if "'" not in line and '"' not in line:
        return line
    return _compiled(_CODE_STRING).sub(lambda m: m[1] + "x" * len(m[2]), line)


def _code_spans(masked: str) -> list[tuple[int, int]]:
    """Long, dense stretches of widget code between the Arabic words of a line."""
    spans = []
    for run in _compiled(_LONG_RUN).finditer(masked):
        signals = list(_compiled(_SIGNAL).finditer(masked, run.start(), run.end()))
        if len(signals) < _MIN_SPAN_SIGNALS:
            continue
        # Start at the code, not at the full stop that ended the sentence before it.
        start = run.start()
        while start < signals[0].start() and masked[start] in _LEAD:
            if masked[start] == "." and masked[start + 1 : start + 2].isalpha():
                break  # .box_vote is a class selector
            start += 1
        end = signals[-1].end()
        while end < run.end() and masked[end] in _TRAIL:
            end += 1
        spans.append((start, end))
    return spans


def _clean_line(line: str) -> tuple[str | None, int]:
    """The line without its code (None when the whole line is code), and spans cut."""
    if not line.strip():
        return line, 0
    masked = _mask_strings(line)
    if not _compiled(_ARABIC_LETTER).search(masked):
        if _compiled(_SIGNAL).search(masked) or _compiled(_CODE_LINE).fullmatch(masked):
            return None, 0
        return line, 0
    spans = _code_spans(masked) if len(line) >= _MIN_SPAN_CHARS else []
    if not spans:
        return line, 0
    parts, pos = [], 0
    for start, end in spans:
        parts.append(line[pos:start])
        pos = end
    parts.append(line[pos:])
    # The code stood between two blocks of the page: they stay on lines of their own.
    kept = [part.strip(_HSPACE) for part in parts]
    return "\n".join(part for part in kept if part), len(spans)


@dataclass(frozen=True)
class CodeLeaks(Filter):
    """Remove CSS and JavaScript leaked from page widgets; keep prose that mentions code."""

    name = "code-leaks"
    example = "نص المقال\n#box ul { padding: 0; }\njQuery(document).ready(function(){\n});"
    description = "Remove lines of CSS/JavaScript leaked from page widgets (jQuery, var x =)."
    lossless = True

    def apply(self, text: str) -> tuple[str, Counts]:
        if not any(c in text for c in "{}();"):
            return text, {}
        # Only the lines with a sign of code are read, each found from the sign.
        breaks = [b for b in chars.LINE_BREAKS if b in text]
        parts: list[str] = []
        copied = pos = lines = spans = 0
        while (sign := _compiled(_MAY_BE_CODE).search(text, pos)) is not None:
            start = max([pos - 1, *(text.rfind(b, pos, sign.start()) for b in breaks)]) + 1
            line_break = _compiled(_LINE_BREAK).search(text, sign.end())
            end, pos = line_break.span() if line_break else (len(text), len(text))
            new, cut = _clean_line(text[start:end])
            if new is None:  # the line goes with its line break
                parts.append(text[copied:start])
                copied = pos
                lines += 1
            elif cut:
                parts.append(text[copied:start])
                parts.append(new)
                copied = end
                spans += cut
        if not lines and not spans:
            return text, {}
        parts.append(text[copied:])
        return "".join(parts), counts(lines_removed=lines, spans_removed=spans)
