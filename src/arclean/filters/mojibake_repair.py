"""Repair Arabic mojibake (the work of the mojibake filter): text whose bytes some
program decoded with the wrong code page.

Four misreadings are repaired, alone or several in one text, including lines where only
part of the text is broken:

- UTF-8 read as Windows-1252 or Latin-1 (``Ø§Ù„Ø¹Ø±Ø§Ù‚``), and as Windows-1250 or
  Mac Roman: ftfy decodes these, which also mends Latin-script mojibake on the same line;
  this module first puts back the bytes such a decode drops (0x81 of ``ف``, the soft
  hyphen of ``ح``, the no-break space of ``٠``), which ftfy cannot guess;
- UTF-8 read as Windows-1256 (``ط§ظ„ط¹ط±ط§ظ‚``);
- Windows-1256 bytes read as Latin-1 or Windows-1252 (``ÇáÚÑÇÞ``);
- UTF-8 read as Thai Windows-874 (``ุงู„ุนุฑุงู‚``).

A run of characters is repaired only when turning it back into bytes and decoding those
correctly gives Arabic (or punctuation, symbols, emoji), the run is a whole word (no
letter glued to it), and its line holds at least one run that is certainly mojibake:
two Arabic letters or more (three for Windows-1256 read as Latin-1, which decodes any
bytes), and a character that Arabic text does not use. Once a line proves a misreading,
the whole document is taken to hold it, and its other lines may be repaired on less
evidence (a line with only a misread ``©`` or BOM). No Arabic, Persian, Urdu, French,
German, Turkish, Nordic or Thai text in the tests and the corpus meets these
conditions. Text without any telltale character (:data:`chars.MOJIBAKE_TELLTALES`) is
returned at once, so clean text pays one regular-expression scan.

Bytes that the misreading lost cannot always be told apart: a lone ``Ù`` is taken as
``ف`` (0x81 lost), except in vocalised text, where it is a lost damma or kasra. Lightly
vocalised text can get a ``ف`` where a damma was; the counts report every guess as
``lost_bytes_guessed``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from arclean import chars
from arclean.filters.base import Counts, counts
from arclean.filters.invisible import remove_invisible
from arclean.filters.mojibake import TELLTALE as _TELLTALE

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_C0_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")  # not tab or line breaks; not C1
# C1 controls, but not NEL (U+0085), a line break that the whitespace filter keeps.
_C1_CONTROL = re.compile("[\x80-\x84\x86-\x9f]")
# What the invisible filter removes (and a ZWNJ, which it may), the line breaks other
# than LF and the spaces other than the ASCII one, which the whitespace filter turns
# into LF and a space: see _settle_line.
_OTHER_BREAK = re.compile(f"(\r\n|{chars.char_class(chars.LINE_BREAKS - {chr(10)})})")
_ODD_SPACE = re.compile(chars.char_class(chars.HORIZONTAL_SPACES - {" "}))
_HIDDEN_CHARS = chars.INVISIBLE | {chars.ZERO_WIDTH_NON_JOINER} | (chars.HORIZONTAL_SPACES - {" "})
_HIDDEN_RANGES = chars.INVISIBLE_RANGES
_HIDDEN = re.compile(chars.char_class(_HIDDEN_CHARS, _HIDDEN_RANGES))
_SETTLE = re.compile(chars.char_class(_HIDDEN_CHARS | (chars.LINE_BREAKS - {"\n"}), _HIDDEN_RANGES))
# Arabic marks on a telltale character (ط¤ًط): the vowel of no word, and the search
# preset's diacritics filter removes them, after which the run would be repaired.
_MARK_ON_TELLTALE = re.compile(
    f"(?<={_TELLTALE.pattern}){chars.char_class(ranges=chars.ARABIC_MARK_RANGES)}+"
)
_ARABIC = regex.compile(r"\p{scx=Arabic}")
_ARABIC_LETTER = regex.compile(r"[\p{scx=Arabic}&&\p{Lo}]", regex.V1)  # not tatweel (Lm)
# A letter or mark of another script, or a control character: not in repaired Arabic.
_NOT_ARABIC = regex.compile(r"[[\p{L}\p{M}\p{Cc}]--\p{scx=Arabic}]", regex.V1)
# Any character outside the Arabic script and ASCII: what makes a run certainly
# mojibake rather than, say, a Persian word that the pattern matched by chance.
_FOREIGN = regex.compile(r"[^\p{scx=Arabic}\x00-\x7f]")

_CONTINUATION = range(0x80, 0xC0)
_LEADS_2 = (0xC2, 0xC3, 0xD8, 0xD9, 0xDA, 0xDB)  # Latin-1 symbols, Arabic, Persian
_LEADS_3 = (0xE2, 0xEF)  # punctuation such as “ ” – …, presentation forms, BOM
_LEADS_4 = (0xF0,)  # emoji


def _table(*codepages: str) -> dict[str, int]:
    """Map each character that ``codepages`` show for a byte back to the byte.

    A byte takes the character of the first code page that defines it. Latin-1 and the
    "sloppy" decoders show a byte 80-9F that a code page leaves undefined as the C1
    control of the same number, so those map back too.
    """
    table = {chr(byte): byte for byte in range(0x80, 0xA0)}
    for byte in range(256):
        for codepage in codepages:
            try:
                table[bytes([byte]).decode(codepage)] = byte
            except UnicodeDecodeError:
                continue
            break
    return table


def _class(table: dict[str, int], byte_values: Iterable[int]) -> str:
    wanted = set(byte_values)
    return chars.char_class(c for c, b in table.items() if b in wanted)


_LATIN = _table("cp1252")  # Latin-1 agrees with it on A0-FF; C1 controls cover 80-9F

# --- bytes that a misreading loses ------------------------------------------------------

# Some bytes of UTF-8 Arabic leave no character behind: 0x81 (second byte of ف), 0x8F
# and 0x90 (damma, kasra), 0x8F and 0x9D (third bytes of RLM and ”) are undefined in
# Windows-1252 and Windows-874, so decoders drop them or show U+FFFD; 0xAD (second byte
# of ح) is a soft hyphen, which copying and HTML rendering strip. Their lead bytes are
# left alone, not followed by a continuation byte.
_LONE_LEAD = re.compile(rb"[\xd8\xd9](?![\x80-\xbf])|\xe2\x80(?![\x80-\xbf])")
_LETTER_OR_MARK = re.compile(rb"[\xd8-\xdb][\x80-\xbf]")
_MARK = re.compile(rb"\xd9[\x8b-\x92]")  # fathatan to sukun
_VOCALISED = 8


def _vocalised(runs: Iterable[bytes]) -> bool:
    """True when marks survive on one letter in eight or more (Quran, poetry, hadith)."""
    data = b" ".join(runs)
    marks = len(_MARK.findall(data))
    return marks * _VOCALISED > len(_LETTER_OR_MARK.findall(data))


def _before_mark(after: bytes) -> bool:
    """Whether a lone D9 followed by ``after`` is a letter that carries a mark: a mark
    follows, or a lone D9 that is itself a lost mark (it is not before another mark)."""
    if after[:1] != b"\xd9":
        return False
    if len(after) < 2 or after[1] not in _CONTINUATION:
        return not _MARK.match(after, 1)
    return 0x8B <= after[1] <= 0x92


def _put_back(
    data: bytes, lost: frozenset[bytes], vocalised: bool, preceding: str = ""
) -> tuple[bytes, int]:
    """Put back the byte after each lone lead byte of ``lost``: (bytes, how many).

    A lone D9 is taken as ف, the only letter among its candidates, except in vocalised
    text right after a letter and not before a mark, where it is the lead byte of a
    lost damma or kasra and is dropped. A lone E2 80 is ” after a word or a mark such as
    a full stop, and a right-to-left mark after a space, markup or nothing (``preceding``
    is the character before the run). A lone D8 is ح, unless it is the whole run: "Ø"
    alone is a Danish word as often as a lost ح.

    >>> _put_back(b"\\xd9" + "ي".encode(), frozenset({b"\\xd9"}), False)  # ف lost its 0x81
    (b'\\xd9\\x81\\xd9\\x8a', 1)
    """
    if data == b"\xd8":
        return data, 0
    count = 0

    def repair(match: re.Match[bytes]) -> bytes:
        nonlocal count
        lead = match.group()
        if lead not in lost:
            return lead
        count += 1
        start, after = match.start(), data[match.end() : match.end() + 3]
        after_letter = (
            _LETTER_OR_MARK.fullmatch(data, max(start - 2, 0), start) is not None
            or data[start - 1 : start] == b"\xd9"  # a lone D9 before: a lost ف
        )
        if lead == b"\xd8":
            return b"\xd8\xad"  # ح
        if lead == b"\xe2\x80":
            closing = after_letter or (start == 0 and preceding not in ("", " ", "\t", ">"))
            return b"\xe2\x80\x9d" if closing else b"\xe2\x80\x8f"
        if vocalised and after_letter and not _before_mark(after):
            return b""
        return b"\xd9\x81"  # ف

    return _LONE_LEAD.sub(repair, data), count


# --- the misreadings this module undoes itself ---------------------------------------


@dataclass(frozen=True)
class _Misreading:
    """Bytes in ``encoding`` that a program decoded with the code page of ``table``."""

    key: str  # the count key
    table: dict[str, int]  # character shown -> the byte it stood for
    run: re.Pattern[str]  # a run of characters that may be such mojibake
    encoding: str  # what the bytes really are
    lost: frozenset[bytes] = frozenset()  # lead bytes whose lost byte is put back
    # UTF-8 decodes only the right bytes, so a run that decodes is exact; Windows-1256
    # decodes any bytes, so a run must also look like a word: at least three letters
    # to count as proof, and no mark first. The letters of a run are Latin ones, so a
    # run glued to an ASCII letter (in French or German words) is never a repair.
    exact: bool = True

    def fix(self, line: str, proven: bool = False) -> tuple[str, int, int]:
        """Repair this misreading in ``line``: (line, runs repaired, bytes put back).

        ``proven`` says that the document holds this misreading for certain, so that a
        run may be repaired on a line without proof of its own (a line holding only a
        misread ``©``, ``«`` or right-to-left mark).
        """
        runs = [m for m in self.run.finditer(line) if self._whole_word(line, *m.span())]
        raw = [bytes(self.table[c] for c in m.group()) for m in runs]
        vocalised = bool(self.lost) and _vocalised(raw)
        repairs: list[tuple[int, int, str]] = []
        strong = False
        put_back = 0
        for match, data in zip(runs, raw, strict=True):
            guessed = 0
            if self.lost:
                preceding = line[match.start() - 1 : match.start()]
                data, guessed = _put_back(data, self.lost, vocalised, preceding)
            try:
                decoded = data.decode(self.encoding)
            except UnicodeDecodeError:
                continue
            if not decoded or _NOT_ARABIC.search(decoded):
                continue
            letters = len(_ARABIC_LETTER.findall(decoded))
            # A word does not start with a mark, though a PDF text layer may split tanween
            # off its word (" ًا"): only a document proven to be mojibake may show one.
            starts_with_mark = _is_letter(decoded, 0, marks_only=True)
            if not (self.exact or proven) and letters and starts_with_mark:
                continue
            if letters >= (2 if self.exact else 3) and _FOREIGN.search(match.group()):
                strong = True
            repairs.append((*match.span(), decoded))
            put_back += guessed
        if not (strong or (proven and repairs)):
            return line, 0, 0
        pieces, last = [], 0
        for start, end, decoded in repairs:
            pieces += [line[last:start], decoded]
            last = end
        pieces.append(line[last:])
        return "".join(pieces), len(repairs), put_back

    def _whole_word(self, line: str, start: int, end: int) -> bool:
        """No letter glued to the run: it is not part of a real word such as فقط، or the
        Thai คุณ (an ASCII letter may touch UTF-8 mojibake: "lcdطŒ" is "lcd،")."""
        ascii_ok = self.exact
        return not (
            _is_letter(line, start - 1, ascii_ok=ascii_ok)
            or _is_letter(line, end, ascii_ok=ascii_ok)
        )


def _is_letter(text: str, index: int, *, ascii_ok: bool = False, marks_only: bool = False) -> bool:
    if not 0 <= index < len(text) or (ascii_ok and text[index].isascii()):
        return False
    category = unicodedata.category(text[index])
    return category == "Mn" if marks_only else category[0] in "LM"


def _utf8_run(table: dict[str, int], lost: frozenset[bytes]) -> re.Pattern[str]:
    """A run of UTF-8 sequences as ``table`` shows them, with lone ``lost`` leads."""
    cont = _class(table, _CONTINUATION)
    alternatives = [
        _class(table, _LEADS_2) + cont,
        _class(table, _LEADS_3) + cont + "{2}",
        _class(table, _LEADS_4) + cont + "{3}",
    ]
    for lead in sorted(lost):
        alternatives.append("".join(_class(table, [b]) for b in lead) + f"(?!{cont})")
    return re.compile("(?:" + "|".join(alternatives) + ")+")


def _utf8_misreading(key: str, table: dict[str, int], lost: frozenset[bytes]) -> _Misreading:
    return _Misreading(key, table, _utf8_run(table, lost), "utf-8", lost)


def _cp1256_as_latin1() -> _Misreading:
    # Bytes that are Arabic in Windows-1256 (letters, marks, punctuation, and the
    # joiners and direction marks of Arabic text), as Latin-1 or Windows-1252 show them,
    # and any C1 control (bytes 80-9F decoded as Latin-1, never real text).
    arabic = {b for b in range(0x80, 0x100) if _ARABIC.match(bytes([b]).decode("cp1256"))}
    arabic |= {0x9D, 0x9E, 0xFD, 0xFE}  # ZWNJ, ZWJ, LRM, RLM
    run_chars = {c for c, b in _LATIN.items() if b in arabic or "\x80" <= c <= "\x9f"}
    run = re.compile(chars.char_class(run_chars) + "+")
    return _Misreading("cp1256_as_latin1", _LATIN, run, "cp1256", exact=False)


_MISREADINGS = {
    m.key: m
    for m in (
        _utf8_misreading("utf8_as_cp1256", _table("cp1256"), frozenset({b"\xd8"})),
        _utf8_misreading(
            "utf8_as_cp874", _table("cp874", "cp1252"), frozenset({b"\xd9", b"\xe2\x80"})
        ),
        _cp1256_as_latin1(),
    )
}


# --- UTF-8 read as a Latin code page, which ftfy decodes -------------------------------

_LATIN_LOST = frozenset({b"\xd8", b"\xd9", b"\xe2\x80"})
_UTF8_AS_LATIN = _utf8_misreading("utf8_as_cp1252", _LATIN, _LATIN_LOST)
_LATIN_RUN = _UTF8_AS_LATIN.run
# A lead byte of the Arabic block followed by a continuation byte, in the code pages
# for which ftfy decodes Arabic (Windows-1252 and Latin-1, Windows-1250, Mac Roman).
_FTFY_TABLES = (_LATIN, _table("cp1250"), _table("mac_roman"))
_FTFY_GATE = re.compile(
    "|".join(_class(t, range(0xD8, 0xDC)) + _class(t, _CONTINUATION) for t in _FTFY_TABLES)
)
_U_GRAVE = "\N{LATIN CAPITAL LETTER U WITH GRAVE}"  # lead byte D9 in Windows-1252
# A lost byte that the decoder marked with U+FFFD: the lone lead decides what it was.
_O_STROKE = "\N{LATIN CAPITAL LETTER O WITH STROKE}"  # lead byte D8 in Windows-1252
_A_HAT_EURO = "\N{LATIN SMALL LETTER A WITH CIRCUMFLEX}\N{EURO SIGN}"  # E2 80
_MARKED_LOST = re.compile(
    f"(?:(?<=[{_O_STROKE}{_U_GRAVE}])|(?<={_A_HAT_EURO}))\N{REPLACEMENT CHARACTER}"
)
# Arabic-Indic digits are D9 A0-A9, so zero is D9 and a no-break space, which often
# becomes a plain space (ftfy lists "Ù Ù Ù¡" for ٠٠١ as a known failure). Only inside a
# run of digits that does not follow a letter.
_DIGIT_RUN = re.compile(
    f"(?<!{_class(_LATIN, _CONTINUATION)})(?:{_U_GRAVE}[\xa0-\xa9]|{_U_GRAVE} (?={_U_GRAVE}|\\s))+"
)
_DIGIT = re.compile(f"{_U_GRAVE}[\xa0-\xa9]")


def _prepare_for_ftfy(line: str) -> tuple[str, int]:
    """Put back the bytes that a Windows-1252 decode of UTF-8 Arabic lost, when the line
    holds a whole Arabic letter in that form: (line, bytes put back)."""
    raw = [bytes(_LATIN[c] for c in run) for run in _LATIN_RUN.findall(line)]
    if not any(len(_LETTER_OR_MARK.findall(data)) >= 2 for data in raw):
        return line, 0  # no whole word of mojibake: guess nothing
    vocalised = _vocalised(raw)
    guessed = 0

    def zeros(match: re.Match[str]) -> str:
        nonlocal guessed
        run = match.group()
        if not _DIGIT.search(run):
            return run
        guessed += run.count(f"{_U_GRAVE} ")
        return run.replace(f"{_U_GRAVE} ", f"{_U_GRAVE}\xa0")

    def lone_leads(match: re.Match[str]) -> str:
        nonlocal guessed
        data = bytes(_LATIN[c] for c in match.group())
        preceding = line[match.start() - 1 : match.start()]
        data, n = _put_back(data, _LATIN_LOST, vocalised, preceding)
        guessed += n
        return data.decode("latin-1")

    line = _DIGIT_RUN.sub(zeros, line)
    line = _MARKED_LOST.sub("", line)
    line = _LATIN_RUN.sub(lone_leads, line)
    return line, guessed


def _fix_with_ftfy(line: str, proven: bool = False) -> tuple[str, int, int]:
    """UTF-8 read as a Latin code page: (line, 1 if repaired, bytes put back). ftfy's
    repair is taken when it brings out two Arabic letters or more, or any repair when
    the document is ``proven`` to hold this misreading."""
    if not (proven or _FTFY_GATE.search(line)):
        return line, 0, 0
    import ftfy  # imported when first needed: it costs start-up time on clean text

    prepared, guessed = _prepare_for_ftfy(line)
    fixed = ftfy.fix_encoding(prepared)
    gained = len(_ARABIC_LETTER.findall(fixed)) - len(_ARABIC_LETTER.findall(line))
    if fixed == prepared or gained < (0 if proven else 2):
        # ftfy leaves alone short runs that are not Arabic, such as a misread ﷽ or BOM
        return _UTF8_AS_LATIN.fix(line, True) if proven else (line, 0, 0)
    return fixed, 1, guessed


_KEYS = ("utf8_as_cp874", "utf8_as_cp1252", "utf8_as_cp1256", "cp1256_as_latin1")


def _fix_line(line: str, tally: dict[str, int], proven: frozenset[str]) -> str:
    # Each pass undoes one layer of mojibake and makes the line shorter, so this ends;
    # repeating until nothing changes makes the filter idempotent. Windows-1256 read as
    # Latin-1 goes after ftfy: UTF-8 read as Windows-1252 is made of the same letters.
    for _ in range(4):
        before = line
        for key in _KEYS:
            if key == "utf8_as_cp1252":
                line, runs, guessed = _fix_with_ftfy(line, key in proven)
            else:
                line, runs, guessed = _MISREADINGS[key].fix(line, key in proven)
            if runs:
                tally[key] += 1
                tally["lost_bytes_guessed"] += guessed
        if line == before or not (proven or _TELLTALE.search(line)):
            break
    return line


def _fix_lines(
    text: str,
    tally: dict[str, int],
    proven: frozenset[str],
    lines: re.Pattern[str],
    *,
    settle: bool = False,
) -> str:
    """Repair each line in which ``lines`` finds something; leave the others alone.
    With ``settle``, repair it as :func:`_settle_line` does."""
    fix = _settle_line if settle else _fix_line
    match = lines.search(text)
    pieces: list[str] = []
    done = 0  # text[:done] is settled
    while match is not None:
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        end = len(text) if end == -1 else end
        pieces += [text[done:start], fix(text[start:end], tally, proven)]
        done = end
        match = lines.search(text, end)
    pieces.append(text[done:])
    return "".join(pieces)


def _settle_line(line: str, tally: dict[str, int], proven: frozenset[str]) -> str:
    """Finish a repaired line as a second cleaning would find it.

    A C1 control still here belongs to no repaired run (or is a lost byte put back in a
    run that did not decode): it is no text, so it goes. The invisible filter, which
    runs next, removes invisible characters too, and the whitespace filter makes every
    space an ASCII one: a soft hyphen or a C1 control between two runs, each too short
    to prove mojibake, or a no-break space (byte A0) glued to one, would otherwise leave
    a run for a second cleaning to repair (``ì\xadìì``, ``\x83ÀÀÀ``). So the line is
    repaired again without them, and taken so when that repairs something. The whitespace filter
    makes a line of each piece between other line breaks (NEL, which is also byte 85
    read as Latin-1), so each piece is settled on its own.
    """
    line = _settle_piece(line, tally, proven)
    if _OTHER_BREAK.search(line):
        parts = _OTHER_BREAK.split(line)
        repairable = _NON_ASCII if proven else _TELLTALE
        for i in range(0, len(parts), 2):
            if repairable.search(parts[i]):
                parts[i] = _settle_piece(_fix_line(parts[i], tally, proven), tally, proven)
        line = "".join(parts)
    return line


def _settle_piece(line: str, tally: dict[str, int], proven: frozenset[str]) -> str:
    marked = _MARK_ON_TELLTALE.search(line) is not None
    if not marked and not _HIDDEN.search(line):
        return line
    line, dropped = _C1_CONTROL.subn("", line)
    if dropped:
        tally["controls"] = tally.get("controls", 0) + dropped
        line = _fix_line(line, tally, proven)
    bare = _ODD_SPACE.sub(" ", remove_invisible(line))
    if marked:
        bare = _MARK_ON_TELLTALE.sub("", bare)
    if bare != line:
        found = dict.fromkeys(_KEYS, 0) | {"lost_bytes_guessed": 0}
        fixed = _fix_line(bare, found, proven)
        if fixed != bare:
            for key, n in found.items():
                tally[key] += n
            line = fixed
    line, dropped = _C1_CONTROL.subn("", line)  # lost bytes put back by that repair
    tally["controls"] = tally.get("controls", 0) + dropped
    return line


def repair(text: str) -> tuple[str, Counts]:
    """Repair the mojibake of ``text``, which holds a telltale character."""
    # C0 controls are never part of misread Arabic (its UTF-8 bytes are all above
    # 0x7F) and the invisible filter drops them anyway; dropped first, they cannot
    # split a misread run in two and leave it for a second run to find.
    text, controls = _C0_CONTROL.subn("", text)
    tally = dict.fromkeys((*_KEYS, "lost_bytes_guessed"), 0)
    text = _fix_lines(text, tally, frozenset(), _TELLTALE)
    # A misreading repaired on some line is proven for the whole document: repair
    # what is left of it on lines too short to prove it alone, which may hold no
    # telltale character (a misread BOM or copyright sign).
    proven = frozenset(key for key in _KEYS if tally[key])
    if proven:
        text = _fix_lines(text, tally, proven, _NON_ASCII)
    text = _fix_lines(text, tally, proven, _SETTLE, settle=True)
    if _MARK_ON_TELLTALE.search(text):
        text = _fix_lines(text, tally, proven, _MARK_ON_TELLTALE, settle=True)
    controls += tally.pop("controls", 0)
    return text, counts(**tally, controls_removed=controls)
