"""Files under stress: read-only files, files that vanish mid-run, symlinks, a full disk
and permission errors. Each gives one line on stderr and exit code 2, never a traceback,
and leaves every input as it was (and no temporary file behind).

Permission tests need a user whom file modes bind. root may write any file, so when the
tests run as root they drop the effective user id to ``nobody`` around the command (the
command runs in this process through CliRunner, with its modules already imported) and
give it back afterwards; where that is not possible they are skipped. The other failures
(a full disk, a file deleted at a chosen moment) are simulated in-process.
"""

from __future__ import annotations

import contextlib
import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import arclean
from arclean import io as arclean_io
from arclean import runner
from arclean.cli import cli

DIRTY = "قال  {{ user.name }} إن\u200f السلام ,عليكم\n"
CLEAN = arclean.clean(DIRTY)
OTHER = "وأضاف  الوزير ,أن الخطة تشمل المدارس\n"
OTHER_CLEAN = arclean.clean(OTHER)
NOBODY = 65534
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes and signals")


def invoke(args: list[str]) -> Result:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def assert_error(result: Result, *needles: str) -> None:
    """Exit code 2 and only one-line messages, each naming what went wrong."""
    assert result.exit_code == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith("arclean: error: ") for line in lines), lines
    for needle in needles:
        assert needle in result.stderr


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- users whom file modes bind --------------------------------------------------------


@pytest.fixture
def folder() -> Iterator[Path]:
    """A folder that an unprivileged user can reach (pytest's own is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="arclean-files-"))
    path.chmod(0o777)
    try:
        yield path
    finally:
        for inner in [path, *path.rglob("*")]:
            with contextlib.suppress(OSError):
                if not inner.is_symlink():
                    inner.chmod(0o777 if inner.is_dir() else 0o666)
        shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def unprivileged(folder: Path) -> Iterator[None]:
    """Run the body as a user whom file modes bind: ourselves, or ``nobody`` for root."""
    if os.geteuid() != 0:
        yield
        return
    invoke(["--version"])  # import lazily loaded modules while we may still read them
    for path in [folder, *folder.rglob("*")]:
        os.chown(path, NOBODY, -1, follow_symlinks=False)
    try:
        os.seteuid(NOBODY)
    except OSError:
        pytest.skip("root here cannot drop privileges to test file modes")
    try:
        yield
    finally:
        os.seteuid(0)


needs_modes = pytest.mark.skipif(
    os.name != "posix" or not hasattr(os, "seteuid"), reason="POSIX file modes"
)


@needs_modes
def test_read_only_file_is_refused_in_place_and_the_others_are_cleaned(folder: Path) -> None:
    locked, free = folder / "locked.txt", folder / "free.txt"
    locked.write_text(DIRTY, encoding="utf-8")
    free.write_text(OTHER, encoding="utf-8")
    locked.chmod(0o444)
    with unprivileged(folder):
        result = invoke(["-i", locked, free])
    assert_error(result, f"{locked}: cannot write (read-only file)")
    assert locked.read_text(encoding="utf-8") == DIRTY
    assert free.read_text(encoding="utf-8") == OTHER_CLEAN
    assert files_in(folder) == ["free.txt", "locked.txt"]


@needs_modes
def test_read_only_file_that_needs_no_change_is_no_error(folder: Path) -> None:
    # -i rewrites only files that change, so a clean read-only file is simply left alone.
    locked = folder / "locked.txt"
    locked.write_text(CLEAN, encoding="utf-8")
    locked.chmod(0o444)
    with unprivileged(folder):
        result = invoke(["-i", locked])
    assert (result.exit_code, result.stderr) == (0, "")


@needs_modes
def test_read_only_output_file_is_refused(folder: Path) -> None:
    source, target = folder / "in.txt", folder / "out.txt"
    source.write_text(DIRTY, encoding="utf-8")
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o444)
    with unprivileged(folder):
        result = invoke(["-o", target, source])
    assert_error(result, "out.txt: cannot write (read-only file)")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert files_in(folder) == ["in.txt", "out.txt"]


@needs_modes
def test_unwritable_folder_in_place(folder: Path) -> None:
    inner = folder / "locked"
    inner.mkdir()
    source = inner / "a.txt"
    source.write_text(DIRTY, encoding="utf-8")
    inner.chmod(0o555)
    with unprivileged(folder):
        result = invoke(["-i", source])
    assert_error(result, "a.txt: cannot write (Permission denied)")
    assert source.read_text(encoding="utf-8") == DIRTY
    assert files_in(inner) == ["a.txt"]


@needs_modes
def test_unreadable_file_is_named_and_the_others_are_cleaned(folder: Path) -> None:
    secret, free = folder / "secret.txt", folder / "free.txt"
    secret.write_text(DIRTY, encoding="utf-8")
    free.write_text(OTHER, encoding="utf-8")
    secret.chmod(0o000)
    with unprivileged(folder):
        result = invoke(["-i", folder])
    assert_error(result, "secret.txt: permission denied")
    secret.chmod(0o644)
    assert secret.read_text(encoding="utf-8") == DIRTY
    assert free.read_text(encoding="utf-8") == OTHER_CLEAN


@needs_modes
def test_unwritable_output_folder(folder: Path) -> None:
    source, out = folder / "a.txt", folder / "out"
    source.write_text(DIRTY, encoding="utf-8")
    out.mkdir()
    out.chmod(0o555)
    with unprivileged(folder):
        result = invoke(["-o", out / "a.txt", source])
    assert_error(result, "cannot write (Permission denied)")
    assert files_in(out) == []


def test_root_rewriting_a_users_file_gives_it_back(tmp_path: Path) -> None:
    # An atomic rewrite is a new file: without care it would belong to whoever ran it.
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    source = tmp_path / "a.txt"
    source.write_text(DIRTY, encoding="utf-8")
    os.chown(source, NOBODY, NOBODY)
    source.chmod(0o640)
    assert invoke(["-i", source]).exit_code == 0
    info = source.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (NOBODY, NOBODY, 0o640)
    assert source.read_text(encoding="utf-8") == CLEAN


# --- permission errors, simulated (any user) -----------------------------------------


def _raiser(code: int) -> Callable[..., Any]:
    def fail(*_: object, **__: object) -> Any:
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize(
    "where, code, message",
    [
        ("tempfile.mkstemp", errno.EACCES, "Permission denied"),
        ("os.replace", errno.EACCES, "Permission denied"),
        ("os.replace", errno.EROFS, "Read-only file system"),
        ("os.fsync", errno.ENOSPC, "No space left on device"),
        ("os.fsync", errno.EIO, "Input/output error"),
    ],
)
@pytest.mark.parametrize("streamed", [False, True], ids=["whole", "streamed"])
def test_write_failures_leave_the_input_intact(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    code: int,
    message: str,
    streamed: bool,
) -> None:
    if streamed:
        monkeypatch.setattr(runner, "STREAM_ABOVE", 64)
    source = tmp_path / "a.txt"
    source.write_text(DIRTY * 20, encoding="utf-8")
    module, name = where.split(".")
    monkeypatch.setattr({"os": os, "tempfile": tempfile}[module], name, _raiser(code))
    assert_error(invoke(["-i", source]), f"{source}: cannot write ({message})")
    assert source.read_text(encoding="utf-8") == DIRTY * 20
    assert files_in(tmp_path) == ["a.txt"]


class _FullDisk:
    """A file object that takes ``room`` bytes, then fails as a full disk does."""

    def __init__(self, inner: Any, room: int) -> None:
        self.inner, self.room = inner, room

    def write(self, data: bytes) -> int:
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= len(data)
        return int(self.inner.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@pytest.mark.parametrize("room", [0, 100, 5000])
@pytest.mark.parametrize("mode", ["-i", "-o"])
def test_full_disk_in_the_middle_of_a_streamed_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, room: int, mode: str
) -> None:
    monkeypatch.setattr(runner, "STREAM_ABOVE", 64)
    real_fdopen = os.fdopen
    monkeypatch.setattr(
        arclean_io.os, "fdopen", lambda *a, **k: _FullDisk(real_fdopen(*a, **k), room)
    )
    source = tmp_path / "a.txt"
    big = "".join(f"{i} {DIRTY}" for i in range(3000))  # streamed in several chunks
    source.write_text(big, encoding="utf-8")
    target = source if mode == "-i" else tmp_path / "out.txt"
    args = ["-i", source] if mode == "-i" else ["-o", target, source]
    assert_error(invoke(args), "cannot write (No space left on device)")
    assert source.read_text(encoding="utf-8") == big
    assert files_in(tmp_path) == ["a.txt"]  # no temporary file, no half output


@posix_only
def test_full_disk_behind_stdout_is_one_line() -> None:
    # `arclean a.txt > /dev/full`: a real process, a real ENOSPC.
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "arclean"],
            input=DIRTY.encode() * 1000,
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "arclean: error: <stdout>: cannot write (No space left on device)\n"
    )


# --- files that vanish -----------------------------------------------------------------


def test_file_deleted_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, gone, last = (tmp_path / f"{n}.txt" for n in ("a", "b", "c"))
    for path in (first, gone, last):
        path.write_text(DIRTY, encoding="utf-8")
    real = runner.io.open_binary

    def open_after_deleting(path: str) -> Any:
        if path == str(gone):
            gone.unlink()
        return real(path)

    monkeypatch.setattr(runner.io, "open_binary", open_after_deleting)
    assert_error(invoke(["-i", tmp_path]), f"{gone}: no such file")
    assert files_in(tmp_path) == ["a.txt", "c.txt"]
    assert first.read_text(encoding="utf-8") == last.read_text(encoding="utf-8") == CLEAN


@pytest.mark.parametrize("streamed", [False, True], ids=["whole", "streamed"])
def test_file_deleted_while_it_is_cleaned_stays_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, streamed: bool
) -> None:
    # Read, then deleted before the cleaned text replaces it: bringing it back would
    # undo the user's deletion.
    if streamed:
        monkeypatch.setattr(runner, "STREAM_ABOVE", 64)
    source = tmp_path / "a.txt"
    source.write_text(DIRTY * 20, encoding="utf-8")
    real_commit = arclean_io.AtomicWriter.commit

    def commit_after_deletion(self: arclean_io.AtomicWriter) -> None:
        source.unlink()
        real_commit(self)

    monkeypatch.setattr(arclean_io.AtomicWriter, "commit", commit_after_deletion)
    assert_error(invoke(["-i", source]), f"{source}: cannot write (it was deleted while")
    assert files_in(tmp_path) == []


def test_folder_emptied_during_a_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Every listed file is gone by the time it is opened: one line each, exit 2.
    names = [tmp_path / f"{n}.txt" for n in range(3)]
    for path in names:
        path.write_text(DIRTY, encoding="utf-8")
    real_find = runner.find_sources

    def find_then_delete(*args: Any, **kwargs: Any) -> list[runner.Source]:
        found = real_find(*args, **kwargs)
        for path in names:
            path.unlink()
        return found

    monkeypatch.setattr("arclean.cli.find_sources", find_then_delete)
    result = invoke(["-i", tmp_path])
    assert_error(result, *(f"{path}: no such file" for path in names))
    assert len(result.stderr.splitlines()) == 3
    assert files_in(tmp_path) == []


# --- symlinks --------------------------------------------------------------------------


symlinks = pytest.mark.skipif(not hasattr(os, "symlink") or os.name != "posix", reason="POSIX")


@symlinks
def test_symlink_is_followed_for_reading(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to("real.txt")
    result = invoke([tmp_path / "link.txt"])
    assert (result.exit_code, result.stdout) == (0, CLEAN)


@symlinks
@pytest.mark.parametrize("streamed", [False, True], ids=["whole", "streamed"])
def test_in_place_keeps_the_link_and_rewrites_its_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, streamed: bool
) -> None:
    if streamed:
        monkeypatch.setattr(runner, "STREAM_ABOVE", 64)
    (tmp_path / "data").mkdir()
    real = tmp_path / "data" / "real.txt"
    real.write_text(DIRTY, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(Path("data") / "real.txt")
    assert invoke(["-i", link]).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(Path("data") / "real.txt")
    assert real.read_text(encoding="utf-8") == CLEAN
    assert files_in(tmp_path) == ["data", "link.txt"]
    assert files_in(tmp_path / "data") == ["real.txt"]


@symlinks
def test_in_place_over_a_folder_with_a_link_to_a_file_in_it(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "alias.txt").symlink_to("real.txt")
    assert invoke(["-i", tmp_path]).exit_code == 0
    assert (tmp_path / "alias.txt").is_symlink()
    assert (tmp_path / "real.txt").read_text(encoding="utf-8") == CLEAN


@symlinks
def test_output_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text(DIRTY, encoding="utf-8")
    (tmp_path / "target.txt").write_text("old\n", encoding="utf-8")
    (tmp_path / "out.txt").symlink_to("target.txt")
    assert invoke(["-o", tmp_path / "out.txt", source]).exit_code == 0
    assert (tmp_path / "out.txt").is_symlink()
    assert (tmp_path / "target.txt").read_text(encoding="utf-8") == CLEAN


@symlinks
def test_output_symlink_to_the_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text(DIRTY, encoding="utf-8")
    (tmp_path / "out.txt").symlink_to("in.txt")
    assert_error(invoke(["-o", tmp_path / "out.txt", source]), "refusing to overwrite")
    assert source.read_text(encoding="utf-8") == DIRTY


@symlinks
def test_dangling_and_looping_symlinks_are_one_line_errors(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to("nowhere.txt")
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    assert_error(invoke([tmp_path / "dangling.txt"]), "dangling.txt: no such file")
    assert_error(invoke([tmp_path / "loop.txt"]), "loop.txt: cannot read")
    # In place, the loop is found when arclean prepares to write; the next file is
    # still cleaned (one bad file does not stop the others).
    (tmp_path / "next.txt").write_text(DIRTY, encoding="utf-8")
    result = invoke(["-i", tmp_path / "loop.txt", tmp_path / "next.txt"])
    assert_error(result, "loop.txt: cannot write (Too many levels of symbolic links)")
    assert (tmp_path / "loop.txt").is_symlink()
    assert (tmp_path / "next.txt").read_text(encoding="utf-8") == CLEAN
    assert files_in(tmp_path) == ["dangling.txt", "loop.txt", "next.txt"]


@needs_modes
@symlinks
def test_in_place_through_a_link_to_a_read_only_file(folder: Path) -> None:
    real = folder / "real.txt"
    real.write_text(DIRTY, encoding="utf-8")
    real.chmod(0o444)
    (folder / "link.txt").symlink_to("real.txt")
    with unprivileged(folder):
        result = invoke(["-i", folder / "link.txt"])
    assert_error(result, "link.txt: cannot write (read-only file)")
    assert real.read_text(encoding="utf-8") == DIRTY
    assert (folder / "link.txt").is_symlink()


# --- killed at random moments --------------------------------------------------------

LONG = os.environ.get("ARCLEAN_LONG") == "1"
# The command with a low streaming threshold, so that large files go through the
# streamed path (many writes to the temporary file) and small ones are cleaned whole.
LOW_THRESHOLD = (
    "import sys, arclean.runner as r; r.STREAM_ABOVE = 1 << 16; "
    "from arclean.cli import main; main(sys.argv[1:])"
)


def _corpus_of_files(folder: Path) -> dict[Path, bytes]:
    article = (Path(__file__).parent.parent / "fixtures" / "article.txt").read_text("utf-8")
    lines = article.split("\n")
    sizes = {"big1.txt": 900, "big2.txt": 600, "small.txt": 3, "mid.txt": 60}
    originals = {}
    for name, copies in sizes.items():
        text = "\n".join(f"{i} {line}" for i in range(copies) for line in lines)
        originals[folder / name] = text.encode()
    originals[folder / "clean.txt"] = CLEAN.encode()
    return originals


@posix_only
def test_in_place_run_killed_again_and_again_leaves_every_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    originals = _corpus_of_files(tmp_path)
    for path, data in originals.items():
        path.write_bytes(data)
    # The complete result, from an uninterrupted run of the same code in this process.
    monkeypatch.setattr(runner, "STREAM_ABOVE", 1 << 16)
    reference = tmp_path / "reference"
    assert invoke(["-o", reference, tmp_path]).exit_code == 0
    expected = {path: (reference / path.name).read_bytes() for path in originals}
    shutil.rmtree(reference)
    assert all(expected[p] != originals[p] for p in originals if p.name != "clean.txt")

    rng = random.Random(10)
    signals = [signal.SIGKILL] * 5 + [signal.SIGINT, signal.SIGTERM]
    for attempt in range(40 if LONG else len(signals)):
        finished = all(path.read_bytes() == expected[path] for path in originals)
        if finished or rng.random() < 0.5:  # start over, or resume the last run's work
            for path, data in originals.items():
                path.write_bytes(data)
        sent = signals[attempt % len(signals)]
        process = subprocess.Popen(
            [sys.executable, "-c", LOW_THRESHOLD, "-i", str(tmp_path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        time.sleep(rng.uniform(0.05, 1.0))
        process.send_signal(sent)
        _, stderr = process.communicate(timeout=60)
        for path in originals:
            assert path.read_bytes() in (originals[path], expected[path]), (attempt, path)
        leftovers = set(files_in(tmp_path)) - {p.name for p in originals}
        # SIGKILL leaves its temporary file (hidden, so never taken as an input);
        # Ctrl-C and SIGTERM remove it and say so in one line.
        assert all(n.startswith(".") and n.endswith(".tmp") for n in leftovers), leftovers
        # Finished, cleaned up after Ctrl-C or SIGTERM, or killed before Python could
        # handle the signal (at start-up).
        assert process.returncode in (0, 130, -sent), stderr
        if process.returncode == 130:
            assert stderr == b"arclean: interrupted\n"
            assert not leftovers
        for name in leftovers:
            (tmp_path / name).unlink()
    done = subprocess.run([sys.executable, "-c", LOW_THRESHOLD, "-i", str(tmp_path)], timeout=120)
    assert done.returncode == 0
    assert {p: p.read_bytes() for p in originals} == expected
