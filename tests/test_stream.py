"""Streaming: pieces in, pieces out, the same text as cleaning it whole."""

from __future__ import annotations

import itertools
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arclean
from arclean import Pipeline, StreamCleaner, clean_stream
from tests.conftest import FIXTURES, corpus_files, needs_corpus
from tests.test_properties import texts

ARTICLE = (FIXTURES / "article.txt").read_text(encoding="utf-8")


def _pieces(text: str, cuts: list[int]) -> list[str]:
    points = sorted({0, len(text), *(c % (len(text) + 1) for c in cuts)})
    return [text[a:b] for a, b in itertools.pairwise(points)]


@given(texts, st.lists(st.integers(min_value=0, max_value=10_000), max_size=8))
def test_any_chunking_gives_the_whole_text_result(text: str, cuts: list[int]) -> None:
    assert "".join(clean_stream(_pieces(text, cuts))) == arclean.clean(text)


@pytest.mark.parametrize("preset", sorted(arclean.PRESETS))
@pytest.mark.parametrize("chunk_size", [1, 40, 300, 1 << 20])
def test_article_in_small_chunks(preset: str, chunk_size: int) -> None:
    pieces = ARTICLE.splitlines(keepends=True)
    out = "".join(clean_stream(pieces, preset, chunk_size=chunk_size))
    assert out == arclean.clean(ARTICLE, preset)


def test_blank_lines_between_chunks_are_laid_out_as_whole() -> None:
    text = "\n\nأول فقرة هنا.\n\n\n\nثانية  هنا.\n \n\t\nثالثة.\n\n"
    for size in range(1, len(text) + 2):
        assert "".join(clean_stream([text], chunk_size=size)) == arclean.clean(text), size


def test_repeats_remembered_across_chunks_in_bounded_memory() -> None:
    line = "قال الوزير إن الحكومة ستعمل على تحسين الخدمات في المدينة.\n"
    text = "".join(f"فقرة رقم {i} عن موضوع مختلف تماما هنا.\n{line}" for i in range(200))
    cleaner = StreamCleaner(Pipeline.from_preset(), chunk_size=100)
    out = "".join([*cleaner.feed(text), *cleaner.finish()])
    assert out.count(line) == 1 and out == arclean.clean(text)
    assert cleaner.stats["repeats"]["dropped_exact"] == 199


def test_a_file_object_streams_line_by_line() -> None:
    path = FIXTURES / "article.txt"
    with path.open(encoding="utf-8") as handle:
        assert "".join(clean_stream(handle, chunk_size=64)) == arclean.clean(ARTICLE)


@needs_corpus
@pytest.mark.parametrize("path", corpus_files("docs", "hard_cases"), ids=lambda p: p.name)
def test_corpus_documents_stream_like_whole(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    whole = arclean.clean(text)
    assert "".join(clean_stream([text])) == whole  # under the chunk size: identical


def _stream(text: str, preset: str, chunk_size: int, **options: Any) -> tuple[str, dict[str, Any]]:
    cleaner = StreamCleaner(Pipeline.from_preset(preset), chunk_size=chunk_size, **options)
    out = "".join([*cleaner.feed(text), *cleaner.finish()])
    return out, {name: dict(changes) for name, changes in cleaner.stats.items()}


@pytest.mark.parametrize("preset", sorted(arclean.PRESETS))
def test_chunks_cleaned_by_workers_come_out_as_in_one_process(preset: str) -> None:
    # Many chunks, several in flight at once: order, repeats across chunks and counts
    # must be those of one process.
    text = "\n\n".join(f"{i % 7} {ARTICLE}" for i in range(6))
    alone = _stream(text, preset, 300)
    assert alone[1]["repeats"]["dropped_exact"] > 0  # later copies of the article go
    with ThreadPoolExecutor(2) as threads:
        assert _stream(text, preset, 300, executor=threads, ahead=3) == alone
    with ProcessPoolExecutor(2) as processes:  # the filters and their counts pickle
        assert _stream(text, preset, 3000, executor=processes) == _stream(text, preset, 3000)


def test_without_a_filter_before_repeats_no_chunk_leaves_the_process() -> None:
    class Refuses(ThreadPoolExecutor):
        def submit(self, *args: Any, **kwargs: Any) -> Future[Any]:
            raise AssertionError("nothing to clean before repeats")

    pipeline = Pipeline.from_preset(select=["repeats", "whitespace"])
    cleaner = StreamCleaner(pipeline, chunk_size=100, executor=Refuses())
    text = ARTICLE * 2
    assert "".join([*cleaner.feed(text), *cleaner.finish()]) == pipeline(text)
