"""Bytes in and out: reading files and stdin, decoding, atomic writes. Knows no Arabic."""

from __future__ import annotations

import codecs
import contextlib
import os
import tempfile
from pathlib import Path

from arclean.errors import InputError

# Byte-order marks, longest first: UTF-32's LE mark starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a whole file, turning OS errors into one-line :class:`InputError`.

    >>> read_bytes("no/such/file.txt")
    Traceback (most recent call last):
    ...
    arclean.errors.InputError: no/such/file.txt: no such file
    """
    name = os.fspath(path)
    try:
        return Path(name).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read ({error.strerror or error})") from None


def decode(data: bytes, source: str = "<stdin>") -> str:
    """Decode UTF-8 (a BOM is dropped) or BOM-marked UTF-16/32; refuse binary input.

    >>> decode("سلام".encode("utf-8-sig"))
    'سلام'
    >>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00", "logo.png")
    Traceback (most recent call last):
    ...
    arclean.errors.InputError: logo.png: binary input (NUL byte at offset 8), not text
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"{source}: not valid {encoding} ({error.reason})") from None
    nul = data.find(b"\x00")
    if nul != -1:
        raise InputError(f"{source}: binary input (NUL byte at offset {nul}), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = data[error.start]
        raise InputError(
            f"{source}: not valid UTF-8 (byte 0x{bad:02x} at offset {error.start})"
        ) from None


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    The bytes go to a temporary file in the same folder, are flushed to disk, and the
    temporary file is renamed over the target. An existing target keeps its permissions.
    """
    target = Path(os.fspath(path))
    folder = target.parent
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise InputError(f"{target}: cannot write ({error.strerror or error})") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(error, OSError):
            raise InputError(f"{target}: cannot write ({error.strerror or error})") from None
        raise
