"""Pipelines, presets, the registry and the library API."""

from __future__ import annotations

import pickle

import pytest

import arclean
import arclean.filters
from arclean import PRESETS, Pipeline, UnknownNameError
from arclean.filters import FILTERS, Repeats, Tatweel, Whitespace


def test_registry_lists_every_filter_once_in_canonical_order() -> None:
    names = [f.name for f in FILTERS]
    assert len(names) == len(set(names))
    # Markup first: its entities may spell mojibake (&#216;&#167;), invisible marks or
    # spaces. Mojibake is repaired before any filter reads letters; invisible marks go
    # before placeholders can be seen; markup before placeholders (it decodes
    # &#123;&#123; x &#125;&#125;); code and boilerplate lines are judged before
    # punctuation rewrites their commas; whitespace lays out last.
    assert names[:3] == ["markup", "mojibake", "invisible"] and names[-1] == "whitespace"
    assert names.index("markup") < names.index("templates")
    # Cutting a placeholder out of "اللـ{{ x }}ه" joins a tatweel to a letter.
    assert names.index("templates") < names.index("tatweel")
    assert names.index("unicode") < names.index("code-leaks") < names.index("punctuation")
    assert names.index("unicode") < names.index("boilerplate") < names.index("punctuation")
    assert names.index("templates") < names.index("repeats")
    assert names.index("punctuation") < names.index("repeats")


def test_presets_name_known_filters() -> None:
    known = {f.name for f in FILTERS}
    for preset in PRESETS.values():
        assert set(preset.filters) <= known, preset.name


def test_presets_default_safe_search_and_web() -> None:
    lossless = {f.name for f in FILTERS if f.lossless}
    web_only = {"code-leaks", "boilerplate"}
    assert set(PRESETS["default"].filters) == lossless - web_only
    assert set(PRESETS["safe"].filters) == {
        "markup",
        "templates",
        "repeats",
        "invisible",
        "whitespace",
    }
    assert set(PRESETS["web"].filters) == set(PRESETS["default"].filters) | web_only
    assert not web_only & set(PRESETS["search"].filters)


def test_search_adds_the_lossy_folds_but_not_elongation() -> None:
    lossy = set(PRESETS["search"].filters) - set(PRESETS["default"].filters)
    assert lossy == {"diacritics", "alef", "alef-maksura", "teh-marbuta", "hamza", "digits"}
    assert all(not arclean.filters.FILTERS_BY_NAME[name].lossless for name in lossy)
    digits = next(f for f in Pipeline.from_preset("search").filters if f.name == "digits")
    assert digits == arclean.filters.Digits(to="latin")


def test_options_override_preset_options() -> None:
    assert arclean.clean("٣", "search") == "3\n"
    pipeline = Pipeline.from_preset("search", options={"digits": {"to": "keep"}})
    assert pipeline("٣") == "٣\n"
    assert Pipeline.from_preset(options={"whitespace": {"max_blank_lines": 0}})("a\n\nb") == (
        "a\nb\n"
    )


@pytest.mark.parametrize(
    "options, message",
    [
        ({"digits": {"too": "latin"}}, "unknown option digits.too"),
        ({"digits": {"to": "roman"}}, "bad option for digits"),
        ({"nope": {"x": 1}}, "unknown filter 'nope'"),
    ],
)
def test_bad_options_are_errors(options: dict[str, dict[str, str]], message: str) -> None:
    with pytest.raises(UnknownNameError, match=message):
        Pipeline.from_preset("search", options=options)


def test_from_preset_keeps_canonical_order() -> None:
    pipeline = Pipeline.from_preset(select=["whitespace", "tatweel", "repeats"])
    assert [f.name for f in pipeline.filters] == ["tatweel", "repeats", "whitespace"]


def test_ignore_removes_filters() -> None:
    pipeline = Pipeline.from_preset("default", ignore=["punctuation", "repeats"])
    assert "punctuation" not in [f.name for f in pipeline.filters]
    assert arclean.clean("قال ,إنه\nقال ,إنه", ignore=["punctuation", "repeats"]) == (
        "قال ,إنه\nقال ,إنه\n"
    )


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"preset": "nope"}, "unknown preset 'nope'"),
        ({"select": ["nope"]}, "unknown filter 'nope'"),
        ({"ignore": ["tatweel", "nope"]}, "unknown filter 'nope'"),
    ],
)
def test_unknown_names_are_errors(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(UnknownNameError, match=message):
        arclean.clean("x", **kwargs)  # type: ignore[arg-type]


def test_any_order_and_stats_per_filter() -> None:
    pipeline = Pipeline([Whitespace(), Tatweel()])
    report = pipeline.run("اللـه  أكبر")
    assert report.text == "الله أكبر\n"
    assert list(report.stats) == ["whitespace", "tatweel"]
    assert report.stats["tatweel"] == {"chars_removed": 1}
    assert report.changes == 3  # one space folded, the final newline, one tatweel


def test_report_counts_article_artifacts(article: str) -> None:
    report = arclean.clean_report(article)
    assert report.stats["templates"]["placeholders_removed"] == 1
    assert report.stats["repeats"] == {"paragraphs_seen": 11, "dropped_exact": 5}


def test_clean_rejects_bytes() -> None:
    with pytest.raises(TypeError, match="str"):
        arclean.clean(b"text")  # type: ignore[arg-type]


def test_pipeline_pickles_and_compares() -> None:
    pipeline = Pipeline.from_preset("safe")
    assert pickle.loads(pickle.dumps(pipeline)) == pipeline
    assert Pipeline([Repeats()]) != Pipeline([Tatweel()])


def test_select_accepts_any_iterable() -> None:
    assert arclean.clean("اللـه", select=iter(["tatweel"])) == "الله"
    assert arclean.clean("اللـه", select=("tatweel",)) == "الله"


def test_public_api() -> None:
    assert set(arclean.__all__) >= {"clean", "clean_report", "Pipeline", "PRESETS", "__version__"}
    assert arclean.__version__.count(".") == 2
