"""Large inputs stream through the command in bounded memory (threshold lowered here)."""

from __future__ import annotations

from pathlib import Path

import pytest

import arclean
from arclean import runner
from tests.conftest import FIXTURES, invoke

ARTICLE = (FIXTURES / "article.txt").read_text(encoding="utf-8")
BIG = "\n".join(f"{i} {line}" for i in range(40) for line in ARTICLE.split("\n"))


@pytest.fixture(autouse=True)
def small_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "STREAM_ABOVE", 512)


run = invoke


def test_streamed_file_and_stdin_match_the_library(tmp_path: Path) -> None:
    source = tmp_path / "big.txt"
    source.write_text(BIG, encoding="utf-8")
    expected = arclean.clean(BIG).encode()
    assert run([str(source)])[1] == expected
    assert run([], BIG.encode())[1] == expected


def test_streamed_in_place_and_check(tmp_path: Path) -> None:
    source = tmp_path / "big.txt"
    source.write_text(BIG, encoding="utf-8")
    assert run(["--check", str(source)])[0] == 1
    assert run(["-i", str(source)])[0] == 0
    assert source.read_text(encoding="utf-8") == arclean.clean(BIG)
    before = source.stat().st_mtime_ns
    assert run(["--check", str(source)])[0] == 0
    assert run(["-i", str(source)])[0] == 0 and source.stat().st_mtime_ns == before


def test_streamed_stats_count_like_whole(tmp_path: Path) -> None:
    import json

    source = tmp_path / "big.txt"
    source.write_text(BIG, encoding="utf-8")
    stats = json.loads(run(["--stats=json", str(source)])[2])
    assert stats["repeats"] == arclean.clean_report(BIG).stats["repeats"]


def test_a_bad_byte_late_in_a_stream_writes_no_file(tmp_path: Path) -> None:
    source = tmp_path / "big.txt"
    source.write_bytes(BIG.encode() + b"\xff tail")
    target = tmp_path / "out.txt"
    code, _, err = run(["-o", str(target), str(source)])
    assert code == 2 and "not valid utf-8" in err and err.count("\n") == 1
    assert not target.exists() and not list(tmp_path.glob("*.tmp"))


def test_streamed_other_encodings(tmp_path: Path) -> None:
    for encoding in ("cp1256", "utf-16"):
        source = tmp_path / f"{encoding}.txt"
        source.write_bytes(BIG.encode(encoding))
        assert run([str(source)])[1] == arclean.clean(BIG).encode(), encoding


def test_one_streamed_input_with_jobs_matches_the_library(tmp_path: Path) -> None:
    # One file, or stdin: its chunks go to the workers as far as repeats.
    source = tmp_path / "big.txt"
    source.write_text(BIG, encoding="utf-8")
    expected = arclean.clean(BIG).encode()
    assert run(["-j", "2", str(source)])[1] == expected
    assert run(["-j", "2"], BIG.encode())[1] == expected
    target = tmp_path / "out.txt"
    assert run(["-j", "2", "-o", str(target), str(source)])[0] == 0
    assert target.read_bytes() == expected
