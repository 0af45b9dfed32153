"""Decoding and atomic writing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from arclean import InputError, io

ARABIC = "السلام عليكم"


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "utf-16", "utf-32"],  # utf-16/32 write a BOM
)
def test_decode_accepts_utf8_and_bom_marked_unicode(encoding: str) -> None:
    assert io.decode(ARABIC.encode(encoding)) == ARABIC


def test_decode_keeps_a_bom_that_is_not_at_the_start() -> None:
    # Only a leading BOM is an encoding signature; the invisible filter handles the rest.
    assert io.decode("a\ufeffb".encode()) == "a\ufeffb"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary input (NUL byte at offset 8)"),
        (b"abc\xff", "not valid UTF-8 (byte 0xff at offset 3)"),
        (b"\xff\xfe\x00", "not valid utf-16"),
    ],
)
def test_decode_refuses_with_one_line(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=r"^in\.txt: ") as caught:
        io.decode(data, "in.txt")
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_read_bytes_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        io.read_bytes(tmp_path / "missing")
    with pytest.raises(InputError, match="is a directory"):
        io.read_bytes(tmp_path)


def test_atomic_write_replaces_and_keeps_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    io.atomic_write(target, "جديد".encode())
    assert target.read_bytes() == "جديد".encode()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary left


def test_atomic_write_to_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot write"):
        io.atomic_write(tmp_path / "no" / "such" / "out.txt", b"x")


def test_atomic_write_leaves_original_when_the_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"original")

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(InputError, match="No space left"):
        io.atomic_write(target, b"new")
    assert target.read_bytes() == b"original"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
