"""Other projects' documented normalisations, run through arclean's matching filter.

Each peer case (../shared/corpus/peer_cases, skipped when absent) must come out of
arclean the same, unless it is listed below with arclean's own answer and the reason
arclean differs on purpose.
"""

from __future__ import annotations

import json

import pytest

import arclean
from tests.conftest import CORPUS

# Peer operation -> the arclean filter that does the same job.
MATCHING_FILTER = {
    "pyarabic.araby.strip_tashkeel": "diacritics",
    "pyarabic.normalize.strip_tashkeel": "diacritics",
    "pyarabic.araby.strip_tashkeel (oracle pinned in araclean tests)": "diacritics",
    "pyarabic.araby.strip_diacritics": "diacritics",
    "pyarabic.araby.strip_small": "diacritics",
    "pyarabic.araby.strip_tatweel": "tatweel",
    "pyarabic.normalize.strip_tatweel": "tatweel",
    "pyarabic.araby.normalize_teh": "teh-marbuta",
    "pyarabic.araby.normalize_alef": "alef",
    "pyarabic.araby.normalize_alef (oracle pinned in araclean tests)": "alef",
    "camel_tools.utils.normalize.remove_elongation_ar": "elongation",
    "camel_tools.utils.normalize.normalize_alef_ar": "alef",
    "camel_tools.utils.normalize.normalize_alef_maksura_ar": "alef-maksura",
    "camel_tools.utils.normalize.normalize_teh_marbuta_ar": "teh-marbuta",
    "camel_tools.utils.dediac.dediac_ar": "diacritics",
    "araclean.RemoveTatweel()": "tatweel",
    "araclean.FoldAlef()": "alef",
    "araclean.fold_alef": "alef",
    "araclean.FoldAlefMaqsura()": "alef-maksura",
    "araclean.FoldTehMarbuta()": "teh-marbuta",
    "araclean.ReduceElongation()": "elongation",
    "araclean.StripBidi()": "invisible",
    "araclean.FoldPresentationForms()": "unicode",
    "araclean.UnifyLookalikes()": "lookalikes",
    "araclean.RemoveTashkeel()": "diacritics",
    "maha.cleaners.functions.normalize_small_alef": "diacritics",
    "maha.cleaners.functions.normalize_lam_alef": "unicode",
}

# (operation, input) -> (arclean's output, why arclean differs on purpose).
DIFFERS = {
    ("pyarabic.araby.strip_tashkeel (oracle pinned in araclean tests)", "بٰ"): (
        "با",
        "the dagger alef is a long a: standard spelling writes it as alef",
    ),
    ("pyarabic.araby.strip_tashkeel (oracle pinned in araclean tests)", "بۖ"): (
        "ب",
        "Quranic pause marks are diacritics too; leaving them breaks search",
    ),
    ("pyarabic.araby.strip_tashkeel (oracle pinned in araclean tests)", "بٓ"): (
        "ب",
        "a combining maddah is a mark",
    ),
    ("pyarabic.araby.normalize_alef (oracle pinned in araclean tests)", "ٳ"): (
        "ا",
        "the rare alefs with wavy hamza are alef variants",
    ),
    ("pyarabic.araby.normalize_alef (oracle pinned in araclean tests)", "ٲ"): (
        "ا",
        "the rare alefs with wavy hamza are alef variants",
    ),
    ("pyarabic.araby.normalize_alef (oracle pinned in araclean tests)", "ى"): (
        "ى",
        "alef maksura is a yeh, not an alef: إلى must not become الا",
    ),
    ("pyarabic.araby.normalize_alef", "بِٱلْهُدَىٰ"): (
        "بِالْهُدَىٰ",
        "alef maksura is a yeh, not an alef",
    ),
    (
        "maha.cleaners.functions.normalize_small_alef",
        "\u0648\u064e\u0671\u0644\u0635\u0651\u064e\u0670\u0653\u0641\u0651\u064e\u0670\u062a\u0650",
    ): (
        "وٱلصافات",
        "the diacritics filter removes every mark, then writes the dagger alef as alef",
    ),
    ("maha.cleaners.functions.normalize_small_alef", "الْأَعْلَىٰ"): (
        "الأعلى",
        "a dagger alef after alef maksura marks a vowel already written",
    ),
    ("maha.cleaners.functions.normalize_small_alef", "ٱلأعلىٰ وَيُقذَفُونَ"): (
        "ٱلأعلى ويقذفون",
        "a dagger alef after alef maksura marks a vowel already written",
    ),
    ("maha.cleaners.functions.normalize_small_alef", "إِلَٰهَكُم لَوَٰحِد"): (
        "إلهكم لواحد",
        "standard spelling writes إله without an alef",
    ),
    ("maha.cleaners.functions.normalize_lam_alef", "اﻷحد"): (
        "الأحد",
        "presentation forms keep their hamza; folding alefs is the lossy alef filter's job",
    ),
    ("maha.cleaners.functions.normalize_lam_alef", "اﻵن"): (
        "الآن",
        "presentation forms keep their madda",
    ),
    ("araclean.UnifyLookalikes()", "ە"): ("ە", "a lone letter gives no evidence of Arabic"),
    ("araclean.UnifyLookalikes()", "ی"): ("ی", "a lone letter gives no evidence of Arabic"),
    ("araclean.UnifyLookalikes()", "ہ"): ("ہ", "a lone letter gives no evidence of Arabic"),
    ("araclean.UnifyLookalikes()", "ھ"): ("ھ", "a lone letter gives no evidence of Arabic"),
    ("araclean.UnifyLookalikes()", "ک"): ("ک", "a lone letter gives no evidence of Arabic"),
    ("araclean.UnifyLookalikes()", "علی"): ("على", "على is on the alef-maksura word list"),
    ("araclean.StripBidi()", "👨\u200dم"): ("👨\u200dم", "ZWJ builds emoji sequences"),
    ("araclean.StripBidi()", "م\u200dح"): ("م\u200dح", "ZWJ forces a joining form on purpose"),
    ("araclean.StripBidi()", "ا\u200dب"): ("ا\u200dب", "ZWJ forces a joining form on purpose"),
    ("araclean.StripBidi()", "ا\u200cب"): (
        "ا\u200cب",
        "a ZWNJ with no Arabic evidence may be Persian",
    ),
    ("araclean.StripBidi()", "\ufeffا\u200fب\u200d\u200cت"): (
        "اب\u200d\u200cت",
        "joiners stay unless the paragraph is provably Arabic",
    ),
    ("araclean.RemoveTashkeel()", "كَتًبّوٓهٰنْسؘصࣰق࢜"): (
        "كتبوهانسصق",
        "the dagger alef is written as alef",
    ),
    ("araclean.FoldPresentationForms()", "\ufe90\u0651\u064e"): (
        "\u0628\u064e\u0651",
        "NFC puts fatha before shadda; the same text in canonical order",
    ),
}


def _cases() -> list[tuple[str, str, str]]:
    cases = []
    for path in sorted((CORPUS / "peer_cases").glob("*.jsonl")):
        for line in filter(None, path.read_text(encoding="utf-8").split("\n")):
            case = json.loads(line)
            if case["op"] in MATCHING_FILTER:
                cases.append((case["op"], case["input"], case["expected"]))
    return cases


CASES = _cases()


@pytest.mark.skipif(not CASES, reason="the shared corpus is not beside this checkout")
@pytest.mark.parametrize("op, given, expected", CASES)
def test_peer_case(op: str, given: str, expected: str) -> None:
    if (op, given) in DIFFERS:
        expected = DIFFERS[op, given][0]
    got = arclean.clean(given, select=[MATCHING_FILTER[op]])
    assert got == expected


def test_every_listed_difference_is_still_a_peer_case() -> None:
    if not CASES:
        pytest.skip("the shared corpus is not beside this checkout")
    present = {(op, given) for op, given, _ in CASES}
    assert set(DIFFERS) <= present
