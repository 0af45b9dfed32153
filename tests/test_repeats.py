"""The repeats filter: exact, near, teaser and back-to-back repeats; what must stay."""

from __future__ import annotations

import pytest

from arclean import Pipeline
from arclean.filters import Repeats, drop_repeats
from arclean.filters.paragraph_keys import near_key

LONG = "قال الوزير إن الحكومة ستعمل على تحسين الخدمات."  # eight words of prose
OTHER = "وأضاف أن الخطة تشمل بناء مدارس جديدة في المدينة."


@pytest.mark.parametrize(
    "dirty, clean",
    [
        # exact: whitespace differences only
        (f"{LONG}\n{OTHER}\n{LONG}\n", f"{LONG}\n{OTHER}\n"),
        (f"{LONG}\n{OTHER}\n  {LONG.replace(' ', '   ')}\t\n", f"{LONG}\n{OTHER}\n"),
        (f"{LONG}\r\n{OTHER}\r\n{LONG}\r\n", f"{LONG}\r\n{OTHER}\r\n"),
        # blocks separated by blank lines
        (f"{LONG}\n\n{OTHER}\n\n{LONG}\n\nنهاية", f"{LONG}\n\n{OTHER}\n\n\nنهاية"),
        # the first occurrence stays where it was
        (f"{OTHER}\n{LONG}\n{OTHER}\nنهاية\n{LONG}", f"{OTHER}\n{LONG}\nنهاية\n"),
    ],
)
def test_exact_repeats(dirty: str, clean: str) -> None:
    assert drop_repeats(dirty) == clean


@pytest.mark.parametrize(
    "variant",
    [
        "قَالَ الوَزِيرُ إنّ الحُكومَةَ سَتعمَلُ عَلَى تحسِينِ الخدمات",  # diacritics
        "قال الوزيــر إن الحكومـة ستعمل على تحسين الخدمات",  # tatweel
        "قال الوزير إن الحكومة ستعمل علي تحسين الخدمات.",  # ى / ي
        "قال الوزير ان الحكومه ستعمل على تحسين الخدمات",  # hamza, teh marbuta
        "قال الوزير، إن الحكومة ستعمل على تحسين الخدمات.",  # punctuation
        "قال الوزير , إن الحكومة ستعمل على تحسين الخدمات",  # Latin comma
        "قال الوزير\u200f إن الحكومة\u200b ستعمل على تحسين الخدمات",  # invisible marks
        "قال الوزیر إن الحکومة ستعمل علی تحسین الخدمات",  # Persian look-alikes
    ],
)
def test_near_repeats(variant: str) -> None:
    text = f"{LONG}\n{OTHER}\n{variant}\n"
    assert drop_repeats(text) == f"{LONG}\n{OTHER}\n"
    assert Repeats().apply(text)[1]["dropped_near"] == 1


def test_near_repeats_can_be_turned_off() -> None:
    text = f"{LONG}\n{OTHER}\nقال الوزير إن الحكومة ستعمل علي تحسين الخدمات\n"
    assert Repeats(near=False)(text) == text


def test_digit_systems_fold() -> None:
    a = "بلغ عدد السكان في المدينة 2500 نسمة هذا العام."
    b = "بلغ عدد السكان في المدينة ٢٥٠٠ نسمة هذا العام."
    assert drop_repeats(f"{a}\n{OTHER}\n{b}") == f"{a}\n{OTHER}\n"


@pytest.mark.parametrize("ellipsis", ["...", "…", " [...]", " […]"])
def test_teaser_before_full_paragraph(ellipsis: str) -> None:
    teaser = "قصة طويلة عن المدينة القديمة وأسواقها" + ellipsis
    full = "قصة طويلة عن المدينة القديمة وأسواقها وناسها في الصيف."
    assert drop_repeats(f"{teaser}\n\n{full}\n") == f"\n{full}\n"


def test_teaser_after_full_paragraph() -> None:
    full = "قصة طويلة عن المدينة القديمة وأسواقها وناسها في الصيف."
    teaser = "قصة طويلة عن المدينة القديمة..."
    assert drop_repeats(f"{full}\n{teaser}\n") == f"{full}\n"


def test_back_to_back_short_lines_collapse() -> None:
    assert drop_repeats("قال،  إنه   جاء\r\nقال، إنه جاء\r\n") == "قال،  إنه   جاء\r\n"
    assert drop_repeats("نعم\nنعم\nنعم\nلا") == "نعم\nلا"


def test_back_to_back_sentences_collapse() -> None:
    sentence = "أنشأ المحرر الصفحة الجديدة عن تعريف الدوال."
    assert drop_repeats(f"{sentence} {sentence}") == sentence
    cell = "تعرف الدوال باستخدام الكلمة المفتاحية def يتبعها اسم الدالة"
    assert drop_repeats(f"{cell} | {cell} | ||") == f"{cell} | ||"


@pytest.mark.parametrize(
    "text",
    [
        # separators and short lines, repeated across the document
        "الفصل الأول\n***\nنص أول طويل بما يكفي ليكون فقرة كاملة هنا\n***\n"
        "نص ثان مختلف تماما عن النص الأول في كل شيء\n",
        "* * *\nفقرة أولى طويلة بما يكفي لتكون فقرة كاملة\n* * *\nفقرة ثانية مختلفة تماما عنها",
        "نقول فيها الصور الآتية:\nالأولى أن نكتب الرقم\nنقول فيها الصور الآتية:\nالثانية",
        "***\n***",  # no letter: never collapsed, even back to back
        # two different paragraphs that share their first half
        f"{LONG} في الشمال\n{LONG} في الجنوب",
        # a teaser-looking line that begins nothing else
        "قصة طويلة عن المدينة القديمة وأسواقها...\nشيء آخر تماما لا علاقة له بها",
        # a short ellipsis line is not a teaser
        "قال...\nقال إنه سيأتي غدا إلى المدينة",
        # blank lines are not paragraphs
        "a\n\n\nb\n\n",
    ],
)
def test_kept(text: str) -> None:
    assert drop_repeats(text) == text


def test_verse_block_keeps_its_refrain() -> None:
    poem = (
        "يا ليل الصب متى غده\n"
        "أقيام الساعة موعده\n"
        "رقد السمار فأرقه\n"
        "يا ليل الصب متى غده\n"
        "أسف للبين يردده\n"
        "يا ليل الصب متى غده\n"
    )
    assert drop_repeats(poem) == poem
    # Two back-to-back refrains inside a verse block stay too.
    assert drop_repeats(poem + "يا ليل الصب متى غده\n") == poem + "يا ليل الصب متى غده\n"


def test_min_words_option() -> None:
    text = "قال إنه جاء.\nوذهب\nقال إنه جاء.\n"
    assert drop_repeats(text) == text
    assert Repeats(min_words=3)(text) == "قال إنه جاء.\nوذهب\n"
    with pytest.raises(ValueError, match="min_words"):
        Repeats(min_words=0)


def test_stream_scope_remembers_across_documents() -> None:
    pipeline = Pipeline([Repeats(scope="stream")])
    state: dict[str, object] = {}
    assert pipeline.run(f"{LONG}\n", state=state).text == f"{LONG}\n"
    assert pipeline.run(f"{OTHER}\n{LONG}\n", state=state).text == f"{OTHER}\n"
    # document scope forgets between documents, even with a shared state
    doc = Pipeline([Repeats()])
    assert doc.run(f"{LONG}\n", state=state).text == f"{LONG}\n"
    assert doc.run(f"{LONG}\n", state=state).text == f"{LONG}\n"


def test_stream_memory_holds_fixed_size_fingerprints() -> None:
    from arclean.fingerprints import FingerprintSet

    state: dict[str, object] = {}
    Repeats(scope="stream").apply_in(f"{LONG}\n{OTHER}\n" * 3, state)
    memory = state["repeats"]
    assert isinstance(memory, FingerprintSet)
    assert len(memory) == 4  # exact and near fingerprints of two paragraphs


def test_counts() -> None:
    teaser = "قصة طويلة عن المدينة القديمة وأسواقها..."
    full = "قصة طويلة عن المدينة القديمة وأسواقها وناسها في الصيف."
    text = (
        f"{teaser}\n{LONG}\n{OTHER}\n{LONG}\nقال الوزير إن الحكومة ستعمل علي تحسين الخدمات\n{full}"
    )
    assert Repeats().apply(text)[1] == {
        "paragraphs_seen": 6,
        "dropped_exact": 1,
        "dropped_near": 1,
        "dropped_teasers": 1,
    }


def test_near_key_folds_what_readers_ignore() -> None:
    assert near_key("إلى المدرسة، ٢٠٢٤!") == near_key("الي المدرسه 2024")
    assert near_key("قال") != near_key("قالت")


def test_back_to_back_blocks_collapse() -> None:
    # A masthead printed twice, once with ى and once with ي.
    text = (
        "رئيس مجلسى الإدارة والتحرير\nعبدالرحيم علي\nرئيس مجلسي الإدارة والتحرير\nعبدالرحيم علي\n"
    )
    assert drop_repeats(text) == "رئيس مجلسى الإدارة والتحرير\nعبدالرحيم علي\n"
    # A block repeated three times, and a doubled line before a doubled pair.
    assert drop_repeats("أ ب\nج د\n" * 3) == "أ ب\nج د\n"
    assert drop_repeats("أ ب\nج د\nج د\nأ ب\nج د\n") == "أ ب\nج د\n"


def test_blocks_apart_are_not_back_to_back() -> None:
    text = "الاسم\nالعنوان\n\nالاسم\nالعنوان\n"
    assert drop_repeats(text) == text


@pytest.mark.parametrize("separator", ["* * * * *", "- - - - - -", "***", "• • • • •"])
@pytest.mark.parametrize("min_words", [1, 5])
def test_separators_without_letters_survive_across_the_document(
    separator: str, min_words: int
) -> None:
    lines = ["قال الوزير إن الخطة جاهزة.", separator, "وأضاف أن العمل يبدأ غدا.", separator]
    text = "\n".join([*lines, "ثم انتهى."]) + "\n"
    assert Repeats(min_words=min_words).apply(text) == (
        text,
        {"paragraphs_seen": 5},
    )
