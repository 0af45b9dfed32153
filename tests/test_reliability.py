"""The command line agrees with the library byte for byte, and real scraped text loses
nothing: every document of ../shared/corpus cleaned with every preset keeps its words,
separators, braces, decimal numbers and Persian letters.

The word-keep rate per preset is printed by ``pytest -s -k word_keep tests/test_reliability.py``
(the corpus must be beside the checkout, or named by ``ARCLEAN_CORPUS``).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path
from unittest import mock

import pytest
from click.testing import CliRunner
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import arclean
from arclean import runner
from arclean.cli import cli
from arclean.filters import FILTERS, FILTERS_BY_NAME
from arclean.filters.paragraph_keys import near_key
from tests.conftest import corpus_files, needs_corpus
from tests.test_properties import documents, texts

PRESETS = sorted(arclean.PRESETS)
# Each run of the command costs more than a call: a share of the profile's budget
# (tests/conftest.py: 300 examples in CI, fifty times more with HYPOTHESIS_PROFILE=long).
BUDGET = settings.default.max_examples


def share(fraction: float) -> settings:
    return settings(max_examples=max(4, int(BUDGET * fraction)))


any_texts = st.one_of(texts, documents().map(lambda d: d[0]))


def _command(args: list[str], data: bytes) -> bytes:
    result = CliRunner().invoke(cli, ["--isolated", *args], input=data)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


# --- the command line and the library agree ---------------------------------------------
#
# Bytes the command refuses are left out: a NUL is binary input (test_adversarial_inputs),
# and a leading BOM is a signature that decoding drops (then only a filter that removes
# invisible characters would give the same text).


@share(1 / 2)
@given(any_texts, st.sampled_from(PRESETS))
def test_command_and_library_agree_for_every_preset(text: str, preset: str) -> None:
    assume("\x00" not in text)
    expected = arclean.clean(text, preset).encode()
    assert _command(["--encoding", "utf-8", "-p", preset], text.encode()) == expected


@share(1 / 3)
@given(any_texts, st.sampled_from([f.name for f in FILTERS]))
def test_command_and_library_agree_for_every_filter_alone(text: str, name: str) -> None:
    assume("\x00" not in text and not text.startswith("\ufeff"))
    expected = arclean.clean(text, select=[name]).encode()
    assert _command(["--encoding", "utf-8", "--select", name], text.encode()) == expected


@share(1 / 4)
@given(documents(), st.sampled_from(PRESETS))
def test_command_with_encoding_detection_agrees(
    document: tuple[str, list[object]], preset: str
) -> None:
    text = document[0]  # Arabic, Latin and digits: detected as UTF-8
    assert _command(["-p", preset], text.encode()) == arclean.clean(text, preset).encode()


@share(1 / 5)
@given(any_texts, st.sampled_from(PRESETS))
def test_streamed_command_agrees_with_the_library(text: str, preset: str) -> None:
    # Every input streamed, as a file above runner.STREAM_ABOVE is.
    assume("\x00" not in text)
    with mock.patch.object(runner, "STREAM_ABOVE", 1):
        out = _command(["--encoding", "utf-8", "-p", preset], text.encode())
    assert out == arclean.clean(text, preset).encode()


@share(1 / 8)
@given(documents(), st.sampled_from(PRESETS), st.sampled_from(["-o", "-i", "--jsonl"]))
def test_files_in_place_and_json_lines_agree_with_the_library(
    document: tuple[str, list[object]], preset: str, mode: str
) -> None:
    text = document[0]
    expected = arclean.clean(text, preset)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.txt"
        if mode == "--jsonl":
            source.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
            out = _command(["-p", preset, "--jsonl", str(source)], b"")
            assert json.loads(out)["text"] == expected
            return
        source.write_bytes(text.encode())
        target = source if mode == "-i" else Path(folder) / "out.txt"
        args = ["-i"] if mode == "-i" else ["-o", str(target)]
        assert _command(["-p", preset, *args, str(source)], b"") == b""
        assert target.read_bytes() == expected.encode()


@settings(max_examples=max(4, BUDGET // 75), deadline=None)
@given(any_texts, st.sampled_from(PRESETS))
def test_real_process_agrees_with_the_library(text: str, preset: str) -> None:
    assume("\x00" not in text)
    done = subprocess.run(
        [sys.executable, "-m", "arclean", "--isolated", "--encoding", "utf-8", "-p", preset],
        input=text.encode(),
        capture_output=True,
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout == arclean.clean(text, preset).encode()


HARD = (
    "\ufeffقال {{ user.name }} إن\u200f  السلام ,عليكم\r\n"
    "اللـــه أكبر ﻷمنية ٣٫١٤ و3.14 و1,000\n\n\n"
    "قال الوزير إن الحكومة ستعمل على تحسين الخدمات.\n"
    "قال الوزير إن الحكومةَ ستعمل علي تحسين الخدمات.\n"
    "این یک کتاب خوب است\n***\n{إِنَّكَ مَيِّتٌ}\tÙ…Ø±Ø­Ø¨Ø§\n"
)


@pytest.mark.parametrize("preset", PRESETS)
def test_real_process_on_a_text_with_a_bit_of_everything(preset: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "arclean", "--isolated", "-p", preset],
        input=HARD.encode(),
        capture_output=True,
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    # The command drops the leading BOM as a signature; every preset drops it anyway.
    assert done.stdout == arclean.clean(HARD, preset).encode()


# --- real-world regression over the corpus --------------------------------------------

DOCUMENTS = corpus_files("docs", "hard_cases")
HARD_CASES = corpus_files("hard_cases")
ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
DECIMAL = re.compile(r"\d+[.,\u066b\u060c]\d+")
SEPARATOR = re.compile(r"[^\W_]")  # a line with none of these is a separator (***)
BRACKETS = "{}[]()«»"
PERSIAN = "پچژگیکۀ"  # letters and look-alikes that spell Persian
TO_LATIN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def _fold(text: str) -> str:
    """As repeats compares words, after NFKC (presentation forms) without tatweel."""
    return near_key(unicodedata.normalize("NFKC", text.replace("\u0640", "")))


@needs_corpus
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_corpus_document_streams_in_small_chunks_without_loss(path: Path) -> None:
    # Streamed in chunks far smaller than the document, the result may keep what only
    # the whole text shows to be a repeat or markup (a <script> cut by a chunk boundary;
    # see arclean.stream), but it is valid text that loses no word.
    text = _read(path)
    for preset in PRESETS:
        out = "".join(arclean.clean_stream([text], preset, chunk_size=2000))
        whole = arclean.clean(text, preset)
        out.encode("utf-8")
        assert set(ARABIC_WORD.findall(_fold(whole))) <= set(ARABIC_WORD.findall(_fold(out)))


def _separators(text: str) -> Counter[str]:
    return Counter(line for line in text.split("\n") if line and not SEPARATOR.search(line))


@needs_corpus
@pytest.mark.parametrize("path", HARD_CASES, ids=lambda p: p.name)
@pytest.mark.parametrize("preset", PRESETS)
def test_hard_case_keeps_separators_brackets_decimals_and_persian_letters(
    path: Path, preset: str
) -> None:
    # Compared with what safe (artifacts and repeats only) keeps of the document.
    text = _read(path)
    safe, out = arclean.clean(text, "safe"), arclean.clean(text, preset)
    assert _separators(out) == _separators(safe)
    for c in BRACKETS + PERSIAN:
        assert out.count(c) == safe.count(c), c
    to_digits = "digits" in arclean.PRESETS[preset].filters
    for number in DECIMAL.findall(safe):
        assert (number.translate(TO_LATIN) if to_digits else number) in out


# The words a reader sees: the text without markup (where a markup filter exists) and
# invisible marks. Words inside tags, scripts and comments are not text.
SEEN = [name for name in ("markup", "invisible") if name in FILTERS_BY_NAME]


def _word_keep(preset: str) -> tuple[int, int, int, list[str]]:
    """(words kept exactly, words kept once split at punctuation, words, lost words):
    Arabic words of the corpus, each occurrence counted, compared as repeats folds them."""
    exact = split = total = 0
    lost: list[str] = []
    for path in DOCUMENTS:
        text = _read(path)
        words = ARABIC_WORD.findall(_fold(arclean.clean(text, select=SEEN)))
        folded = _fold(arclean.clean(text, preset))
        kept = set(ARABIC_WORD.findall(folded))
        for word in set(words) - kept:
            # "كل يوم،أما" becomes "كل يوم، أما": the glued word is two words now.
            spaced = " ?".join(map(re.escape, word))
            if not re.search(f"(?<![\u0621-\u064a]){spaced}(?![\u0621-\u064a])", folded):
                lost.append(f"{path.name}: {word}")
        total += len(words)
        exact += sum(w in kept for w in words)
        split += len(words) - sum(f"{path.name}: {w}" in lost for w in words)
    return exact, split, total, lost


# Filters that change words or spacing, never remove text that is not an artifact or a
# repeat; the web preset also removes whole lines it judges site furniture (menus,
# "اقرأ أيضا", leaked CSS), whose words count as lost here.
WORD_KEEPING = set(arclean.PRESETS["default"].filters) | set(arclean.PRESETS["search"].filters)


@needs_corpus
def test_word_keep_rate_per_preset() -> None:
    print("\nArabic words of the corpus kept by each preset (occurrences, folded as repeats):")
    for preset in PRESETS:
        exact, split, total, lost = _word_keep(preset)
        print(
            f"  {preset:8} {exact / total:8.3%} exactly, {split / total:8.3%} counting words"
            f" split at punctuation ({total} words, {len(DOCUMENTS)} documents)"
        )
        if set(arclean.PRESETS[preset].filters) <= WORD_KEEPING:
            assert not lost, lost[:10]
        if not (set(arclean.PRESETS[preset].filters) - set(arclean.PRESETS["safe"].filters)):
            assert exact == total  # artifacts and repeats only: every word as it was


# --- regressions: inputs the properties, the fuzz target and the adversarial cases found ---

FOUND = [
    # (text, how it is cleaned, what comes out when a person can say it)
    ("\x83ÀÀÀ", "default", None),  # a C1 control spoilt a mojibake run until removed
    ("ì\xadìì", "default", None),  # a soft hyphen split it
    ("ìì\u200bì", "default", None),  # a zero-width space split it
    ("ÂÍÿÀê\x85ÑÎýÉ", "default", None),  # NEL: a line break to whitespace, byte 85 here
    ("Ø§Ù„\x80Ù×\x80Ø§Ù„", "mojibake", None),  # a lost byte put back, left as a C1 control
    ("{%{%%}%}", "templates", ""),  # nested placeholders lost a layer per run
    ("قال {{ {%x%} }} إن", "default", "قال إن\n"),
    ("قال ﹱ إن", "search", "قال ان\n"),  # a tatweel left bare by diacritics
    ("كتبَ ـ قال", "default", "كتبَ - قال\n"),  # a lone tatweel after a vowelled word
    ("كتبَ ـ قال", "search", "كتب - قال\n"),
    ("یٔة", "default", "\u0626\u0629\n"),  # ی + hamza above composes once ی is ي
    ("ةذٰ\tچھ", "search", "هذا چه\n"),  # a function word made by the search folds
    ("سەےذؤبھ وۃئ چ", "search", None),  # ۃ folded to ه makes وهي a function word
    ("کتاب وۃی", "search", "كتاب وهي\n"),  # and so an Arabic line
    ("على ْـ يـ", "search", "علي - يـ\n"),  # a mark on a lone tatweel hid the dash
    ("على ْـ يـ", "default", "على ْ- يـ\n"),
    ("قال ـْ بعد", "search", "قال بعد\n"),  # a tatweel that carries a vowel: no dash
    ("ط¤ًط", "search", "وح\n"),  # a mark on a misread byte hid the mojibake
    ("ط¤ًط", "default", "ؤح\n"),
    ("ط§ًظ„ظˆط²ظٹط±", "default", "الوزير\n"),
    ("Café¤ً crème", "default", "Café¤ً crème\n"),  # no mojibake: the mark stays
    ("قال الوزير\nالخبر\nقال الوزير\nقال الوزير\nالخبر\n", "safe", "قال الوزير\nالخبر\n"),
    # marks between syntax characters with a tatweel among them: the tatweel filter took
    # it out, and a second run found the marks between "%" and "<"
    ("%ّـۖ%s&lt;.b", "default", "%%s<.b\n"),
    ("%ّـۖ<b", "default", "%<b\n"),
    ("قال <ّـp> نعم", "default", "قال\nنعم\n"),  # as <ّp>: the tag goes
    ("1ـ2 &amp; 3", "default", "1ـ2 & 3\n"),  # a tatweel with no mark stays
    # a mark between syntax characters with a space and a hidden mark before the second:
    # invisible and whitespace made it "}} 4", and a second run found the mark
    ("}}ٌ\t\u200b{$x}4 &amp;", "default", "}} 4 &\n"),
    (
        "'</script>\u2009هfunction(تابعونا علىعلى ن}}ٌ\t\u200b{$x}4\u2009&amp;]]",
        "default",
        "'\nهfunction(تابعونا علىعلى ن}} 4 &]]\n",
    ),
    ("}ٌ\u200bب", "default", "}ٌب\n"),  # a letter after them, no syntax: the mark stays
    # vowel marks spaced out between quotes (a test file's harakat) all stay: the first
    # is no more between two syntax characters than the others
    ('{"expected": "ِ ْ ِ"} &amp;', "default", '{"expected": "ِ ْ ِ"} &\n'),
    # a ZWNJ judged in a line with placeholders that templates removes later, joining
    # ال and ي into الي: the second run judged the line Arabic and took the ZWNJ
    ("${x}\u200cال{% if a %}ي&nbsp;ؽْشارك<", "default", "الي ؽْشارك<\n"),
    ("می\u200cخواهم {{x}} این کتاب را", "default", "می\u200cخواهم این کتاب را\n"),  # Persian
]


@pytest.mark.parametrize("text, run, expected", FOUND, ids=repr)
def test_found_inputs_clean_idempotently(text: str, run: str, expected: str | None) -> None:
    options = {"preset": run} if run in arclean.PRESETS else {"select": [run]}
    once = arclean.clean(text, **options)  # type: ignore[arg-type]
    assert arclean.clean(once, **options) == once  # type: ignore[arg-type]
    assert not {c for c in once if unicodedata.category(c) == "Cc"} - set(text) - {"\n"}
    if expected is not None:
        assert once == expected
