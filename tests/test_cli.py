"""The arclean command through click's CliRunner, plus real runs of the installed command."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

import arclean
import arclean.filters
from tests.conftest import FIXTURES, invoke

ARTICLE = FIXTURES / "article.txt"
EXPECTED = (FIXTURES / "article.clean.txt").read_bytes()


run = invoke


def test_file_to_stdout() -> None:
    code, out, err = run([str(ARTICLE)])
    assert (code, out, err) == (0, EXPECTED, "")


def test_stdin_when_no_file_and_dash() -> None:
    for args in ([], ["-"]):
        code, out, _ = run(args, ARTICLE.read_bytes())
        assert (code, out) == (0, EXPECTED)


def test_crlf_repeat_with_odd_spacing_is_one_line() -> None:
    code, out, _ = run([], "قال،  إنه   جاء\r\nقال، إنه جاء\r\n".encode())
    assert (code, out.decode()) == (0, "قال، إنه جاء\n")


def test_english_passes_unchanged() -> None:
    assert run([], b"hello, world; ok?\n")[1] == b"hello, world; ok?\n"


def test_utf8_bom_is_dropped() -> None:
    assert run([], "\ufeffنص".encode())[1] == "نص\n".encode()


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "clean.txt"
    code, out, _ = run(["-o", str(target), str(ARTICLE)])
    assert (code, out) == (0, b"")
    assert target.read_bytes() == EXPECTED


def test_output_refuses_its_own_input(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(ARTICLE.read_bytes())
    code, out, err = run(["-o", str(source), str(source)])
    assert code == 2 and out == b""
    assert "refusing to overwrite an input" in err
    assert source.read_bytes() == ARTICLE.read_bytes()


def test_several_files_need_a_destination(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("أول\n", encoding="utf-8")
    b.write_text("ثان\n", encoding="utf-8")
    code, out, err = run([str(a), str(b)])
    assert code == 2 and out == b"" and "--concat" in err
    assert run(["--concat", str(a), str(b)])[1] == "أول\nثان\n".encode()


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("نص", encoding="utf-8")
    code, out, err = run(["--concat", str(tmp_path / "missing.txt"), str(good)])
    assert code == 2 and out == "نص\n".encode()
    assert err.count("\n") == 1


def test_fail_fast_stops_at_the_first_bad_file(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("نص", encoding="utf-8")
    code, out, _ = run(["--concat", "--fail-fast", str(tmp_path / "missing.txt"), str(good)])
    assert code == 2 and out == b""


@pytest.mark.parametrize(
    "args, stdin, message",
    [
        (["missing.txt"], None, "missing.txt: no such file"),
        (["/"], None, "/ is a folder: choose -o DIR, --in-place, --check, or --concat"),
        ([], b"\x89PNG\r\n\x1a\n\x00\x00", "binary input"),
        ([], b"caf\xe9\n", "not valid UTF-8 (byte 0xe9 at offset 3)"),
        (["--preset", "nope", "x.txt"], None, "unknown preset 'nope'"),
        (["--select", "tatweel,nope"], b"", "unknown filter 'nope'"),
        (["--ignore", "nope"], b"", "unknown filter 'nope'"),
        (["--no-such-flag"], b"", "No such option"),
        (["--option", "repeats.nope=1"], b"", "unknown option 'nope' of repeats"),
        (["--option", "repeats.min_words=many"], b"", "expected a whole number"),
        (["--option", "digits.to=roman"], b"", "'roman' is not one of"),
        (["--option", "repeats"], b"", "expected NAME.KEY=VALUE"),
        (["--explain", "nope"], None, "unknown filter 'nope'"),
        (["--config", "missing.toml"], b"", "missing.toml: cannot read"),
        (["-i"], b"x", "--in-place needs files"),
    ],
)
def test_user_errors_are_one_line_exit_2(
    args: list[str], stdin: bytes | None, message: str
) -> None:
    code, out, err = run(args, stdin)
    assert code == 2
    assert out == b""
    assert err.startswith("arclean: error: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    "args, stdin, message",
    [
        (["--encoding", "nope"], b"x", "unknown encoding 'nope'"),
        (["--output-encoding", "rot13"], b"x", "unknown encoding 'rot13'"),
        (["--errors", "ignore"], b"x", "Invalid value for '--errors'"),
        ([], b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)), "<stdin>: binary input"),
        ([], "Größe, Straße".encode("latin-1"), "nor Arabic text in Windows-1256"),
        (["--encoding", "utf-8"], b"caf\xe9", "<stdin>: not valid utf-8 (byte 0xe9"),
        (["--output-encoding", "latin-1"], "نص".encode(), "<stdin>: cannot write 'ن'"),
    ],
)
def test_encoding_errors_are_one_line_exit_2(args: list[str], stdin: bytes, message: str) -> None:
    code, out, err = run(args, stdin)
    assert (code, out) == (2, b"")
    assert err.startswith("arclean: error: ") and message in err
    assert err.count("\n") == 1


ARTICLE_TEXT = ARTICLE.read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["cp1256", "iso-8859-6", "utf-16", "utf-16-le", "utf-32"])
def test_input_encodings_are_found(encoding: str) -> None:
    assert run([], ARTICLE_TEXT.encode(encoding)) == (0, EXPECTED, "")
    assert run(["--encoding", encoding], ARTICLE_TEXT.encode(encoding)) == (0, EXPECTED, "")


@pytest.mark.parametrize("wrong", ["latin-1", "cp1256"])
def test_mojibake_is_repaired(wrong: str) -> None:
    # UTF-8 that some program decoded with the wrong code page, then saved as UTF-8.
    broken = ARTICLE_TEXT.encode("utf-8").decode(wrong).encode("utf-8")
    assert run([], broken) == (0, EXPECTED, "")


def test_latin1_text_passes_unchanged() -> None:
    line = "Café crème à Zürich, ça coûte 5 €\n".encode()
    assert run([], line) == (0, line, "")
    assert run(["--encoding", "latin-1"], b"caf\xe9\n") == (0, "café\n".encode(), "")


def test_errors_replace() -> None:
    assert run(["--errors", "replace"], b"caf\xe9\n")[:2] == (0, "caf\ufffd\n".encode())
    code, out, _ = run(["--output-encoding", "latin-1", "--errors", "replace"], "é نص".encode())
    assert (code, out) == (0, b"\xe9 ??\n")


def test_output_encoding(tmp_path: Path) -> None:
    code, out, _ = run(["--output-encoding", "cp1256", str(ARTICLE)])
    assert (code, out) == (0, EXPECTED.decode().encode("cp1256"))
    # Several files to one UTF-16 stream: one BOM at the start, not one per file.
    code, data, _ = run(["--output-encoding", "utf-16", "--concat", str(ARTICLE), str(ARTICLE)])
    assert code == 0 and data.decode("utf-16") == (EXPECTED * 2).decode()
    assert data.count(b"\xff\xfe") + data.count(b"\xfe\xff") == 1
    # Files written apart each start with their own BOM.
    out = tmp_path / "out"
    assert run(["--output-encoding", "utf-16", "-o", str(out), str(ARTICLE), str(ARTICLE)])[0] == 0
    assert (out / "article.txt").read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")


def test_output_not_written_when_a_character_cannot_be_encoded(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    code, _, err = run(["--output-encoding", "ascii", "-o", str(target), str(ARTICLE)])
    assert code == 2 and f"{ARTICLE}: cannot write" in err
    assert not target.exists()


def test_preset_safe_keeps_punctuation_and_letters() -> None:
    text = "قال ,إنه\u200f اللـه\n"
    assert run(["--preset", "safe"], text.encode())[1] == "قال ,إنه اللـه\n".encode()
    assert run([], text.encode())[1] == "قال، إنه الله\n".encode()


def test_select_and_ignore_comma_separated_and_repeated() -> None:
    text = "قال ,إنه  اللـه".encode()
    assert run(["--select", "tatweel,whitespace"], text)[1] == "قال ,إنه الله\n".encode()
    assert run(["--select", "tatweel", "--select", "whitespace"], text)[1] == (
        "قال ,إنه الله\n".encode()
    )
    assert run(["--ignore", "tatweel", "--ignore", "punctuation"], text)[1] == (
        "قال ,إنه اللـه\n".encode()
    )


def test_list_filters_names_every_filter_and_preset() -> None:
    code, out, _ = run(["--list-filters"])
    text = out.decode()
    assert code == 0
    for f in arclean.Pipeline.from_preset().filters:
        assert f.name in text
    assert "safe" in text and "lossless" in text


def test_version_and_help() -> None:
    assert run(["--version"])[1].decode().strip() == f"arclean, version {arclean.__version__}"
    code, out, _ = run(["--help"])
    assert code == 0 and b"Examples:" in out and b"--preset" in out


def _installed_command() -> str:
    found = shutil.which("arclean", path=sysconfig.get_path("scripts"))
    assert found, "the arclean console script is not installed (pip install -e .)"
    return found


@pytest.mark.parametrize("command", [[_installed_command()], [sys.executable, "-m", "arclean"]])
def test_real_process(command: list[str]) -> None:
    done = subprocess.run([*command, str(ARTICLE)], capture_output=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, EXPECTED, b"")
    bad = subprocess.run([*command, "missing.txt"], capture_output=True, timeout=60)
    assert bad.returncode == 2 and bad.stdout == b""
    assert bad.stderr.decode().strip() == "arclean: error: missing.txt: no such file"


def test_real_process_is_idempotent_through_a_pipe() -> None:
    first = subprocess.run([_installed_command(), str(ARTICLE)], capture_output=True, timeout=60)
    second = subprocess.run(
        [_installed_command()], input=first.stdout, capture_output=True, timeout=60
    )
    assert second.stdout == first.stdout == EXPECTED


def test_closed_pipe_is_quiet() -> None:
    # `arclean big | head -c 1`: the reader goes away; no traceback on stderr.
    big = ARTICLE.read_bytes() * 2000
    proc = subprocess.Popen(
        [_installed_command(), "--select", "whitespace"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout and proc.stdin and proc.stderr
    proc.stdin.write(big)
    proc.stdin.close()
    proc.stdout.read(1)
    proc.stdout.close()
    proc.wait(timeout=60)
    assert b"Traceback" not in proc.stderr.read()
    if os.name == "posix":
        assert proc.returncode in (0, -13)


def test_stats_table_on_stderr_counts_the_article_artifacts() -> None:
    code, out, err = run(["--stats", str(ARTICLE)])
    assert (code, out) == (0, EXPECTED)  # stdout stays clean text
    assert "placeholders removed" in err
    assert re.search(r"dropped exact\s*│\s*5", err)


def test_stats_json() -> None:
    code, out, err = run([str(ARTICLE), "--stats=json"])
    assert (code, out) == (0, EXPECTED)
    stats = json.loads(err)
    assert stats["templates"]["placeholders_removed"] == 1
    assert stats["repeats"]["dropped_exact"] == 5


def test_stats_does_not_swallow_a_file_name() -> None:
    # `--stats FILE` must read FILE, not take it as the stats format.
    code, out, _ = run(["--stats", str(ARTICLE)])
    assert code == 0 and out == EXPECTED


def test_explain_shows_description_options_and_example() -> None:
    code, out, _ = run(["--explain", "repeats"])
    text = out.decode()
    assert code == 0
    assert text.startswith("repeats: Drop paragraphs")
    assert "repeats.min_words = 5  (int)" in text and "repeats.scope = 'document'" in text
    assert "before:" in text and "after:" in text


@pytest.mark.parametrize("name", [f.name for f in arclean.filters.FILTERS])
def test_every_filter_has_an_example_that_it_changes(name: str) -> None:
    cls = arclean.filters.FILTERS_BY_NAME[name]
    flt = cls(to="latin") if name == "digits" else cls()  # type: ignore[call-arg]
    assert cls.example and flt(cls.example) != cls.example


def test_list_presets() -> None:
    code, out, _ = run(["--list-presets"])
    assert code == 0 and b"search" in out and b"digits.to=latin" in out


def test_real_process_refuses_a_binary_file() -> None:
    # `head -c 2000 /bin/ls | arclean`, with the Python interpreter as the binary.
    head = Path(sys.executable).read_bytes()[:2000]
    if b"\x00" not in head:
        pytest.skip("the interpreter is not a binary file here")
    done = subprocess.run([_installed_command()], input=head, capture_output=True, timeout=60)
    assert done.returncode == 2 and done.stdout == b""
    message = done.stderr.decode()
    assert message.startswith("arclean: error: <stdin>: binary input") and message.count("\n") == 1
