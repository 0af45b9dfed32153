"""One JSON Lines file under --jobs: its records are cut in parts for the workers, and
everything comes out as with one job: records, order, counts, errors and their lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import invoke

# About 400 kB: several parts of at least 64 kB each for two workers.
PARAGRAPHS = [
    "قال الوزير إن الحكومة ستعمل على تحسين الخدمات  , وأضاف أن الخطة تشمل المدارس !!",
    "وزیر الخارجیة الإیرانی علی الحدود .",
    "{{ article.visit_count }} اللــه أكبر",
    "نص نظيف لا يتغير.",
]


def records(n: int = 3000) -> list[dict[str, object]]:
    return [
        {"id": i, "text": PARAGRAPHS[i % 4] + "\n" + PARAGRAPHS[i % 3], "n": [i, 2.50]}
        for i in range(n)
    ]


def write(path: Path, rows: list[dict[str, object]], extra: dict[int, str] | None = None) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    for number, line in (extra or {}).items():
        lines[number - 1] = line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def both(args: list[str]) -> tuple[tuple[int, bytes, str], tuple[int, bytes, str]]:
    return invoke(["-j", "1", *args]), invoke(["-j", "2", *args])


def test_a_file_cut_in_parts_cleans_as_one(tmp_path: Path) -> None:
    source = write(tmp_path / "in.jsonl", records())
    assert source.stat().st_size > 4 * 65536
    (code1, out1, err1), (code2, out2, err2) = both(["--jsonl", "--stats=json", str(source)])
    assert code1 == code2 == 0
    assert out2 == out1
    assert json.loads(err2) == json.loads(err1)
    # work was done: paragraph 2 comes first in 3000/4 records and second in 3000/3
    assert json.loads(err1)["templates"]["placeholders_removed"] == 750 + 1000
    lines = out2.decode("utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == list(range(3000))  # in order


def test_check_exit_code_is_the_same(tmp_path: Path) -> None:
    clean_rows = [{"id": i, "text": "نص نظيف لا يتغير.\n"} for i in range(3000)]
    clean = write(tmp_path / "clean.jsonl", clean_rows)
    dirty = write(tmp_path / "dirty.jsonl", records())
    assert invoke(["-j", "2", "--jsonl", "--check", str(clean)])[0] == 0
    assert invoke(["-j", "2", "--jsonl", "--check", str(dirty)])[0] == 1


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("{not json", "in.jsonl:2900"),  # an error in a late part names its own line
        ('{"id": 1, "text": 5}', "in.jsonl:2900"),  # --strict: a field that is not text
    ],
)
def test_late_records_are_judged_as_with_one_job(
    tmp_path: Path, line: str, expected: str | None
) -> None:
    source = write(tmp_path / "in.jsonl", records(), {2900: line})
    (code1, out1, err1), (code2, out2, err2) = both(["--jsonl", "--strict", str(source)])
    assert (code1, out1, err1) == (code2, out2, err2)
    assert code2 == 2 and expected in err2
    # without --strict the record that is not text passes through, and the rest is cleaned
    if "text" in line:
        (code1, out1, err1), (code2, out2, err2) = both(["--jsonl", str(source)])
        assert (code1, out1, err1) == (code2, out2, err2) and code2 == 0
        assert out2.decode("utf-8").splitlines()[2899] == line


def test_files_read_whole_when_not_plain_utf8(tmp_path: Path) -> None:
    # Windows-1256 has no Persian yeh: leave that paragraph out.
    rows = [{"id": i, "text": PARAGRAPHS[0] + "\n" + PARAGRAPHS[2]} for i in range(2000)]
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n"
    legacy = tmp_path / "cp1256.jsonl"
    legacy.write_bytes(text.encode("cp1256"))
    bom = tmp_path / "bom.jsonl"
    bom.write_bytes(text.encode("utf-8-sig"))
    late_nul = tmp_path / "nul.jsonl"
    late_nul.write_bytes(text.encode("utf-8") + b'{"id": 0, "text": "\x00"}\n')
    for source in (legacy, bom, late_nul):
        assert both(["--jsonl", str(source)])[0] == both(["--jsonl", str(source)])[1]
    code, _, err = invoke(["-j", "2", "--jsonl", str(late_nul)])
    assert code == 2 and "NUL byte" in err


def test_plain_utf8_is_cut_in_parts_and_the_rest_read_whole(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from arclean import runner
    from arclean.pipeline import Pipeline

    pipeline = Pipeline.from_preset("default")
    utf8 = write(tmp_path / "in.jsonl", records())
    legacy = tmp_path / "cp1256.jsonl"
    legacy.write_bytes('{"text": "نص"}\n'.encode("cp1256") * 100)
    with ThreadPoolExecutor(2) as pool:
        way = runner.JsonlParts(pool, 2, pipeline, "text")
        parts = runner._clean_jsonl_in(way, runner.Source(str(utf8), Path("in.jsonl")))
        whole = runner._clean_jsonl_in(way, runner.Source(str(legacy), Path("x")))
    assert parts is not None and parts.error is None and parts.changed
    assert len(parts.cleaned.splitlines()) == 3000
    assert whole is None
