"""Large JSON Lines files stream in bounded memory: a record at a time with one job, in
parts over the workers with more (threshold lowered here). Records, counts and errors
come out as when the file is read whole; only a failure writes differently (see
runner.stream_source)."""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arclean
from arclean import runner
from arclean.jsonl import RecordCleaner
from arclean.pipeline import Pipeline
from tests.conftest import invoke
from tests.test_cli_jsonl_jobs import records, write


@pytest.fixture(autouse=True)
def small_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "STREAM_ABOVE", 512)


def expected_output(rows: list[dict[str, object]]) -> bytes:
    """Each record with its text cleaned by the library, written as the file was."""
    lines = [
        json.dumps({**r, "text": arclean.clean(str(r["text"]))}, ensure_ascii=False) for r in rows
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_a_large_file_streams_as_the_library_cleans_each_record(tmp_path: Path) -> None:
    rows = records()
    source = write(tmp_path / "in.jsonl", rows)
    assert source.stat().st_size > 4 * 65536  # several parts for two workers
    expected = expected_output(rows)
    for args in (["-j", "1", str(source)], ["-j", "2", str(source)], ["-j", "2", "-"]):
        stdin = source.read_bytes() if args[-1] == "-" else None
        code, out, err = invoke(["--jsonl", *args], stdin)
        assert (code, err) == (0, "") and out == expected, args
    target = tmp_path / "out.jsonl"
    assert invoke(["--jsonl", "-j", "2", "-o", str(target), str(source)])[0] == 0
    assert target.read_bytes() == expected


def test_streamed_counts_and_check_match_a_whole_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [*records(), {"id": "x"}]  # one record without text: passed through
    source = write(tmp_path / "in.jsonl", rows)
    streamed = [invoke(["--jsonl", "-j", j, "--stats=json", str(source)]) for j in ("1", "2")]
    monkeypatch.setattr(runner, "STREAM_ABOVE", 1 << 30)
    whole = invoke(["--jsonl", "--stats=json", str(source)])
    assert streamed[0] == streamed[1] == whole
    code, _, err = whole
    assert code == 0 and "1 record(s) without a text field 'text' passed through" in err
    stats = json.loads(err.splitlines()[-1])
    assert stats["templates"]["placeholders_removed"] == 750 + 1000  # work was done
    clean = write(tmp_path / "clean.jsonl", [{"text": "نص نظيف.\n"}] * 3000)
    monkeypatch.setattr(runner, "STREAM_ABOVE", 512)
    for j in ("1", "2"):
        assert invoke(["--jsonl", "-j", j, "--check", str(source)])[0] == 1
        assert invoke(["--jsonl", "-j", j, "--check", str(clean)])[0] == 0


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "in.jsonl:2900: invalid JSON"),
        ('{"id": 1, "text": 5}', "in.jsonl:2900: field 'text' is a int, not a string"),
    ],
)
def test_a_late_error_writes_no_file(tmp_path: Path, line: str, message: str) -> None:
    source = write(tmp_path / "in.jsonl", records(), {2900: line})
    target = tmp_path / "out.jsonl"
    for j in ("1", "2"):
        code, _, err = invoke(["--jsonl", "--strict", "-j", j, "-o", str(target), str(source)])
        assert code == 2 and message in err and err.count("\n") == 1, j
        assert not target.exists() and not list(tmp_path.glob("*.tmp"))


def test_a_late_bad_byte_is_named_as_with_one_job(tmp_path: Path) -> None:
    source = write(tmp_path / "in.jsonl", records())
    data = source.read_bytes()
    source.write_bytes(data + b'{"text": "\xff"}\n' + data)
    results = [invoke(["--jsonl", "-j", j, str(source)])[::2] for j in ("1", "2")]
    offset = len(data) + len(b'{"text": "')
    message = f"arclean: error: {source}: not valid utf-8 (byte 0xff at offset {offset})\n"
    assert results[0] == results[1] == (2, message)
    nul = tmp_path / "nul.jsonl"
    nul.write_bytes(data + b'{"text": "\x00"}\n')
    results = [invoke(["--jsonl", "-j", j, str(nul)])[::2] for j in ("1", "2")]
    assert results[0] == results[1] and "NUL byte" in results[0][1]


def test_parts_are_submitted_only_a_window_ahead() -> None:
    submitted = []
    lock = threading.Lock()

    def tasks() -> Iterator[int]:
        for n in range(100):
            with lock:
                submitted.append(n)
            yield n

    with ThreadPoolExecutor(2) as pool:
        for got in runner._in_order(pool, lambda n: n * n, tasks(), window=4):
            assert len(submitted) <= round(got**0.5) + 4  # never more than 4 ahead
            assert got == (len(submitted) - 4) ** 2 or len(submitted) == 100


@given(st.lists(st.integers(0, 60), max_size=8))
def test_records_come_out_the_same_however_the_text_is_cut(cuts: list[int]) -> None:
    text = '{"text": "نص  أول"}\n\n  \n{"id": 2}\n{"text": "ثان\u200f"}\n{"text": "ثالث"}'
    pipeline = Pipeline.from_preset()
    whole = RecordCleaner(pipeline, "x", "text")
    expected = whole.feed(text) + whole.finish()
    assert expected == (
        '{"text": "نص أول\\n"}\n{"id": 2}\n{"text": "ثان\\n"}\n{"text": "ثالث\\n"}\n'
    )
    cleaner = RecordCleaner(pipeline, "x", "text")
    bounds = [0, *sorted(cuts), len(text)]
    pieces = [text[a:b] for a, b in itertools.pairwise(bounds)]
    assert "".join(map(cleaner.feed, pieces)) + cleaner.finish() == expected
    assert (cleaner.passed_through, cleaner.stats) == (whole.passed_through, whole.stats)


def test_an_error_names_its_line_however_the_text_is_cut() -> None:
    cleaner = RecordCleaner(Pipeline.from_preset(), "x.jsonl", "text")
    cleaner.feed('{"text": "a"}\n\n{"te')
    with pytest.raises(arclean.errors.InputError, match=r"x\.jsonl:3: invalid JSON"):
        cleaner.feed('xt": }\n')


class _Pieces:
    """A sink that keeps the size of each piece written to it."""

    def __init__(self) -> None:
        self.sizes: list[int] = []
        self.closed = False

    def write(self, text: str) -> None:
        self.sizes.append(len(text))

    def close(self, changed: bool) -> None:
        self.closed = changed

    def abort(self) -> None:
        raise AssertionError("nothing failed")


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_large_file_is_written_a_part_at_a_time(tmp_path: Path, jobs: int) -> None:
    source = write(tmp_path / "in.jsonl", records(12_000))  # 2.3 MB: two blocks of 1 MiB
    sink = _Pieces()
    (outcome,) = runner.stream_sources(
        Pipeline.from_preset(),
        [runner.Source(str(source), Path("in.jsonl"))],
        lambda _: sink,
        jobs=jobs,
        jsonl_field="text",
    )
    assert outcome.error is None and outcome.streamed and sink.closed
    assert sum(sink.sizes) > 1_300_000  # characters
    assert max(sink.sizes) < sum(sink.sizes) / 2  # never the whole text at once
