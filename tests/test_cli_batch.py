"""The command line over many files: folders, in place, -o DIR, check, diff, jobs."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, invoke

ARTICLE = (FIXTURES / "article.txt").read_bytes()
EXPECTED = (FIXTURES / "article.clean.txt").read_bytes()
CLEAN = "نص نظيف تماما.\n".encode()


run = invoke


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """corpus/ with a dirty article, a clean file, a nested file and things to skip."""
    root = tmp_path / "corpus"
    (root / "news" / "2024").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.txt").write_bytes(ARTICLE)
    (root / "clean.txt").write_bytes(CLEAN)
    (root / "news" / "2024" / "b.txt").write_bytes(ARTICLE)
    (root / "notes.md").write_bytes(ARTICLE)  # not *.txt
    (root / ".git" / "c.txt").write_bytes(ARTICLE)  # hidden folder
    return root


def test_check_lists_files_that_would_change(tree: Path) -> None:
    code, out, err = run(["--check", str(tree)])
    assert code == 1 and out == b""
    assert f"would clean {tree / 'a.txt'}" in err
    assert f"would clean {tree / 'news' / '2024' / 'b.txt'}" in err
    assert "clean.txt" not in err.replace("would be cleaned", "")
    assert ".git" not in err and "notes.md" not in err
    assert (tree / "a.txt").read_bytes() == ARTICLE  # nothing written


def test_check_passes_on_clean_files(tree: Path) -> None:
    assert run(["--check", str(tree / "clean.txt")])[0] == 0


def test_in_place_then_check_is_clean(tree: Path) -> None:
    os.chmod(tree / "a.txt", 0o640)
    before = (tree / "clean.txt").stat().st_mtime_ns
    assert run(["-i", str(tree)])[0] == 0
    assert (tree / "a.txt").read_bytes() == EXPECTED
    assert (tree / "news" / "2024" / "b.txt").read_bytes() == EXPECTED
    assert stat.S_IMODE((tree / "a.txt").stat().st_mode) == 0o640
    assert (tree / "clean.txt").stat().st_mtime_ns == before  # unchanged file not rewritten
    assert (tree / "notes.md").read_bytes() == ARTICLE
    assert run(["--check", str(tree)])[0] == 0
    assert not list(tree.rglob("*.tmp"))


def test_in_place_writes_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(ARTICLE)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert run(["-i", str(link)])[0] == 0
    assert link.is_symlink() and real.read_bytes() == EXPECTED


def test_glob_chooses_files(tree: Path) -> None:
    code, _, err = run(["--check", "--glob", "*.md", str(tree)])
    assert code == 1 and "notes.md" in err and "a.txt" not in err


def test_output_folder_mirrors_the_tree(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(["-o", str(out), str(tree)])[0] == 0
    assert (out / "a.txt").read_bytes() == EXPECTED
    assert (out / "news" / "2024" / "b.txt").read_bytes() == EXPECTED
    assert (out / "clean.txt").read_bytes() == CLEAN
    assert (tree / "a.txt").read_bytes() == ARTICLE


def test_output_folder_for_several_files(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(["-o", str(out), str(tree / "a.txt"), str(tree / "clean.txt")])[0] == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "clean.txt"]


def test_diff_shows_removed_lines(tree: Path) -> None:
    code, out, _ = run(["--diff", str(tree / "a.txt")])
    diff = out.decode()
    assert code == 0
    assert diff.startswith(f"--- a/{tree / 'a.txt'}\n+++ b/{tree / 'a.txt'}\n")
    assert "-{{ article.visit_count }}\n" in diff
    removed = [
        line for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")
    ]
    assert len(removed) == 6  # the placeholder and the five repeats
    assert (tree / "a.txt").read_bytes() == ARTICLE


def test_check_and_diff_together(tree: Path) -> None:
    code, out, err = run(["--check", "--diff", str(tree / "a.txt")])
    assert code == 1 and b"{{ article.visit_count }}" in out and "would clean" in err


def test_in_place_and_output_exclude_each_other(tree: Path) -> None:
    code, _, err = run(["-i", "-o", "x", str(tree)])
    assert code == 2 and "exclude each other" in err


def test_jobs_give_the_same_output(tree: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert run(["-o", str(one), str(tree)])[0] == 0
    assert run(["-j", "2", "-o", str(two), str(tree)])[0] == 0
    for path in one.rglob("*.txt"):
        assert (two / path.relative_to(one)).read_bytes() == path.read_bytes()


def test_stream_scope_needs_one_job(tree: Path) -> None:
    code, _, err = run(["-j", "2", "--option", "repeats.scope=stream", "--check", str(tree)])
    assert code == 2 and "--jobs 1" in err


def test_stream_scope_drops_repeats_across_files(tmp_path: Path) -> None:
    line = "قال الوزير إن الحكومة ستعمل على تحسين الخدمات.\n"
    (tmp_path / "a.txt").write_text(line, encoding="utf-8")
    (tmp_path / "b.txt").write_text(line + "وأضاف أن الخطة جديدة.\n", encoding="utf-8")
    args = ["--concat", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert run(args)[1].decode() == line + line + "وأضاف أن الخطة جديدة.\n"
    stream = run(["--option", "repeats.scope=stream", *args])[1].decode()
    assert stream == line + "وأضاف أن الخطة جديدة.\n"


def test_stats_verbose_json_reports_each_file(tree: Path, tmp_path: Path) -> None:
    import json

    code, _, err = run(["--stats=json", "-v", "-o", str(tmp_path / "o"), str(tree)])
    data = json.loads(err)
    assert code == 0
    assert data["total"]["repeats"]["dropped_exact"] == 10
    assert data["files"][str(tree / "a.txt")]["repeats"]["dropped_exact"] == 5


def test_start_up_imports_no_process_pool() -> None:
    # A tiny file must start and finish in well under 150 ms: multiprocessing (about
    # 18 ms) is imported only when -j asks for workers.
    import subprocess
    import sys

    probe = (
        "import sys; from arclean.cli import main; import arclean; arclean.clean('نص.');"
        "print('multiprocessing' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False"]
