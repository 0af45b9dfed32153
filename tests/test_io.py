"""Decoding and atomic writing."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest

from arclean import InputError, OutputError, UnknownNameError, io, read_text
from tests.conftest import CORPUS, FIXTURES, needs_corpus

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


# --- encodings: auto-detection -------------------------------------------------------

ARTICLE = (FIXTURES / "article.txt").read_text(encoding="utf-8")
PARAGRAPHS = ARTICLE.split("\n")[:6]


@pytest.mark.parametrize(
    "encoding",
    [
        "utf-8",
        "utf-8-sig",
        "utf-16",  # BOM
        "utf-32",  # BOM
        "utf-16-le",  # no BOM
        "utf-16-be",  # no BOM
        "cp1256",
        "iso-8859-6",
    ],
)
def test_auto_reads_the_article_in_each_encoding(encoding: str) -> None:
    data = ARTICLE.encode(encoding)
    assert io.decode(data, "in.txt") == ARTICLE
    assert io.decode(data, "in.txt", encoding=encoding) == ARTICLE


@pytest.mark.parametrize("encoding", ["cp1256", "iso-8859-6", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("paragraph", PARAGRAPHS, ids=range(6))
def test_auto_reads_each_paragraph(encoding: str, paragraph: str) -> None:
    assert io.decode(paragraph.encode(encoding)) == paragraph


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_or_any_ascii_character(encoding: str) -> None:
    # No space, so no NUL byte: the bytes are valid UTF-8 made of control characters.
    assert io.decode("جيد".encode(encoding)) == "جيد"


def test_a_control_character_in_utf8_is_not_taken_for_utf16() -> None:
    assert io.decode(b"a\x01bcd\n") == "a\x01bcd\n"


@needs_corpus
def test_utf16_original_decodes_to_its_text_twin() -> None:
    raw = CORPUS / "docs" / "d05_hard_hotel_reviews_utf16.raw"
    twin = (CORPUS / "docs" / "d05_hard_hotel_reviews_utf16.txt").read_text(encoding="utf-8")
    assert read_text(raw) == twin
    assert raw.read_bytes().startswith(codecs.BOM_UTF16_LE)
    assert read_text(raw.read_bytes()[2:]) == twin  # the same without its BOM


@pytest.mark.parametrize(
    "data, encoding",
    [
        ("Café crème à Zürich, ça coûte 5 €, déjà vu.".encode("cp1252"), "cp1252"),
        ("Größe und Übermaß: Müller aß Äpfel. Straße".encode("latin-1"), "latin-1"),
        ("Türkçe öğrenmek için çalışıyorum. Şişli".encode("cp1254"), "cp1254"),
    ],
)
def test_latin_code_pages_are_not_read_as_arabic(data: bytes, encoding: str) -> None:
    with pytest.raises(InputError, match="nor Arabic text in Windows-1256 or ISO-8859-6"):
        io.decode(data, "in.txt")
    assert io.decode(data, "in.txt", encoding=encoding) == data.decode(encoding)


def test_damaged_utf8_is_refused_or_replaced() -> None:
    data = ("السلام عليكم " * 20).encode()[:-1] + b"\xff" + "نص".encode()
    with pytest.raises(InputError, match=r"^in\.txt: not valid UTF-8 \(byte 0xff at offset 479\)$"):
        io.decode(data, "in.txt")
    assert io.decode(data, errors="replace").endswith("عليكم\ufffdنص")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4, "binary input (NUL byte at offset 7)"),
        (bytes(range(1, 256)) * 8, "binary input (10% control bytes)"),
    ],
)
@pytest.mark.parametrize("errors", ["strict", "replace"])
def test_binary_input_is_always_refused(data: bytes, message: str, errors: str) -> None:
    with pytest.raises(InputError, match=r"^x\.bin: ") as caught:
        io.decode(data, "x.bin", errors=errors)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_forced_encoding() -> None:
    assert io.decode("\ufeffنص".encode(), encoding="UTF-8") == "نص"  # BOM dropped
    assert io.decode("نص".encode("utf-16-le"), encoding="utf_16_le") == "نص"
    assert io.decode(b"caf\xe9", encoding="latin-1") == "café"
    with pytest.raises(InputError, match=r"^in: not valid utf-8 \(byte 0xe9 at offset 3\)$"):
        io.decode(b"caf\xe9", "in", encoding="utf-8")
    assert io.decode(b"caf\xe9", encoding="utf-8", errors="replace") == "caf\ufffd"
    with pytest.raises(InputError, match="binary input"):
        io.decode(b"a\x00b", encoding="latin-1")


@pytest.mark.parametrize("name", ["nope", "rot13", "base64", ""])
def test_unknown_encoding_and_errors_mode(name: str) -> None:
    with pytest.raises(UnknownNameError, match="unknown encoding"):
        io.decode(b"x", encoding=name)
    with pytest.raises(UnknownNameError, match="unknown encoding"):
        io.Encoder(name)
    with pytest.raises(UnknownNameError, match="unknown errors mode"):
        io.decode(b"x", errors="ignore")


def test_read_text_takes_a_path_or_bytes(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(ARTICLE.encode("cp1256"))
    assert read_text(path) == read_text(str(path)) == ARTICLE
    assert read_text(bytearray(ARTICLE.encode("utf-16"))) == ARTICLE
    with pytest.raises(InputError, match=r"old2\.txt: no such file"):
        read_text(tmp_path / "old2.txt")
    with pytest.raises(InputError, match=r"^<bytes>: binary input"):
        read_text(b"\x00\x01\x02")


# --- output encodings -----------------------------------------------------------------


def test_encoder_writes_a_bom_once_for_several_texts() -> None:
    encode = io.Encoder("utf-16")
    data = encode("نص\n") + encode("آخر\n")
    assert data.count(codecs.BOM_UTF16_LE) + data.count(codecs.BOM_UTF16_BE) == 1
    assert data.decode("utf-16") == "نص\nآخر\n"


def test_encoder_refuses_or_replaces_missing_characters() -> None:
    with pytest.raises(OutputError, match=r"^a\.txt: cannot write 'ن' \(U\+0646\) at offset 2"):
        io.Encoder("latin-1")("a ن", "a.txt")
    assert io.Encoder("latin-1", "replace")("café نص") == b"caf\xe9 ??"
    assert io.Encoder("cp1256")("نص") == "نص".encode("cp1256")
