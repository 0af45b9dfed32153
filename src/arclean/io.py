"""Bytes in and out: reading files and stdin, decoding, encoding, atomic writes.

This layer knows files and encodings, not Arabic text. It does know which script each
legacy code page it detects was made for (Windows-1256 and ISO-8859-6 encode Arabic), as
that is how it tells a code page that fits the bytes from one that merely decodes them.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from arclean.errors import InputError, OutputError, UnknownNameError

if TYPE_CHECKING:
    import regex

AUTO = "auto"
ERRORS = ("strict", "replace")

# Byte-order marks, longest first: UTF-32's LE mark starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Legacy code pages tried, in order of preference, when the bytes are not UTF-8, and the
# script each one encodes. Windows-1256 decodes any byte sequence at all, so a code page
# is chosen only when the text it gives is made of that script (see _fits).
_LEGACY = (("cp1256", "Arabic"), ("iso8859-6", "Arabic"))
_LEGACY_NAMES = "Windows-1256 or ISO-8859-6"

# Decisions are taken on the first bytes only; the whole input is decoded afterwards.
_SAMPLE = 1 << 16

# C0 controls that never occur in text (tab, line feed, vertical tab, form feed and
# carriage return do; ESC is left out too, as coloured terminal output is text).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


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
    except OSError as error:
        raise _read_error(name, error) from None


def _read_error(name: str, error: OSError) -> InputError:
    """One line that says why ``name`` cannot be read."""
    if isinstance(error, FileNotFoundError):
        return InputError(f"{name}: no such file")
    if isinstance(error, IsADirectoryError):
        return InputError(f"{name}: is a directory")
    if isinstance(error, PermissionError):
        return InputError(f"{name}: permission denied")
    return InputError(f"{name}: cannot read ({error.strerror or error})")


def check_encoding(name: str, *, allow_auto: bool = True) -> str:
    """Return the canonical name of a text encoding, or raise :class:`UnknownNameError`.

    >>> check_encoding("Windows-1256"), check_encoding("auto")
    ('cp1256', 'auto')
    >>> check_encoding("rot13")
    Traceback (most recent call last):
    ...
    arclean.errors.UnknownNameError: unknown encoding 'rot13'
    """
    if allow_auto and name.lower() == AUTO:
        return AUTO
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise UnknownNameError(f"unknown encoding {name!r}") from None
    if not getattr(info, "_is_text_encoding", True):  # rot13, base64, hex...
        raise UnknownNameError(f"unknown encoding {name!r}")
    return info.name


def _check_errors(errors: str) -> None:
    if errors not in ERRORS:
        raise UnknownNameError(f"unknown errors mode {errors!r} (choose from: strict, replace)")


def decode(
    data: bytes, source: str = "<stdin>", encoding: str = AUTO, errors: str = "strict"
) -> str:
    """Decode bytes to text; with ``encoding="auto"``, find out which encoding they are in.

    Auto accepts UTF-8 (a leading BOM is dropped) and UTF-16/32 with a BOM; bytes that are
    not UTF-8 are tried as UTF-16 without a BOM, then as Windows-1256 and ISO-8859-6.
    ``errors="replace"`` turns undecodable bytes into U+FFFD instead of refusing them.
    Binary input is always refused.

    >>> decode("سلام".encode("utf-8-sig"))
    'سلام'
    >>> decode("سلام عليكم".encode("cp1256"))
    'سلام عليكم'
    >>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00", "logo.png")
    Traceback (most recent call last):
    ...
    arclean.errors.InputError: logo.png: binary input (NUL byte at offset 8), not text
    """
    _check_errors(errors)
    encoding = check_encoding(encoding)
    if encoding != AUTO:
        return _decode_as(data, source, encoding, errors)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, source, name, errors)
    if b"\x00" in data:  # UTF-16 without a BOM, or binary
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError(_nul_message(data, source))
        return _decode_as(data, source, utf16, errors)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        where = f"byte 0x{data[error.start]:02x} at offset {error.start}"
    else:
        # Arabic in UTF-16 with no ASCII character has no NUL byte and is valid UTF-8,
        # made of control characters; real UTF-8 text has none.
        if _CONTROL.search(text[:_SAMPLE]):
            utf16 = _utf16_without_bom(data)
            if utf16 is not None:
                return _decode_as(data, source, utf16, errors)
        return text
    sample = data[:_SAMPLE]
    if not _mostly_utf8(sample):
        legacy = _legacy_code_page(sample)
        if legacy is not None:
            return _decode_as(data, source, legacy, errors)
        controls = len(_CONTROL.findall(sample.decode("latin-1"))) / len(sample)
        if controls > 0.02:
            raise InputError(f"{source}: binary input ({controls:.0%} control bytes), not text")
        if errors == "strict":
            raise InputError(
                f"{source}: not valid UTF-8 ({where}), nor Arabic text in {_LEGACY_NAMES};"
                " name its encoding"
            )
    elif errors == "strict":
        raise InputError(f"{source}: not valid UTF-8 ({where})")
    return data.decode("utf-8", "replace")


def _decode_as(data: bytes, source: str, encoding: str, errors: str) -> str:
    unicode = encoding.startswith(("utf-16", "utf-32"))
    if not unicode and b"\x00" in data:
        raise InputError(_nul_message(data, source))
    try:
        # A UTF-8 BOM is a signature, not text.
        text = data.decode("utf-8-sig" if encoding == "utf-8" else encoding, errors)
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex()
        raise InputError(
            f"{source}: not valid {encoding} (byte 0x{bad} at offset {error.start})"
        ) from None
    return text[1:] if unicode and text.startswith("\ufeff") else text


def decode_utf8_part(data: bytes, source: str, start: int, errors: str = "strict") -> str:
    """Decode bytes ``start:`` of a UTF-8 input cut at line feeds, refusing binary input
    and undecodable bytes as :func:`iter_decoded` refuses them in a stream of it.

    >>> decode_utf8_part(b"ab\\xff", "x.jsonl", 100)
    Traceback (most recent call last):
    ...
    arclean.errors.InputError: x.jsonl: not valid utf-8 (byte 0xff at offset 102)
    """
    if b"\x00" in data:
        raise InputError(_nul_message(data, source, start))
    try:
        return data.decode("utf-8", errors)
    except UnicodeDecodeError as error:
        where = start + error.start
        raise InputError(_undecodable(source, "utf-8", data[error.start], where)) from None


def _undecodable(source: str, encoding: str, byte: int, offset: int) -> str:
    return f"{source}: not valid {encoding} (byte 0x{byte:02x} at offset {offset})"


def _nul_message(data: bytes, source: str, start: int = 0) -> str:
    """``start``: the offset of ``data`` in the whole input (a block of a stream)."""
    return f"{source}: binary input (NUL byte at offset {start + data.find(0)}), not text"


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: in text, the high byte of each pair takes two values or so
    (00 for ASCII, 06 for Arabic) and so the NUL bytes fall only on that side, and the
    text decodes without control characters."""
    if len(data) % 2:
        return None
    sample = data[:_SAMPLE]
    for encoding, high, low in (
        ("utf-16-le", sample[1::2], sample[0::2]),
        ("utf-16-be", sample[0::2], sample[1::2]),
    ):
        common = sum(n for _, n in Counter(high).most_common(2))
        if 0 in low or common * 4 < len(high) * 3:
            continue
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _CONTROL.search(text):
            return encoding
    return None


def _mostly_utf8(sample: bytes) -> bool:
    """True when most non-ASCII characters decode as UTF-8: damaged UTF-8, not a code page.

    A code page's letters almost never form valid UTF-8 sequences, so nearly each of its
    non-ASCII bytes is an error; UTF-8 with a few bad bytes has far more good characters.
    """
    text = sample.decode("utf-8", "replace")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return text.count("\ufffd") * 2 < non_ascii


def _legacy_code_page(sample: bytes) -> str | None:
    """The legacy code page whose decoding of ``sample`` is most plausibly its script.

    Ties go to the first in :data:`_LEGACY`: Windows-1256 is far more common on the web.
    """
    best: tuple[float, str] | None = None
    for encoding, script in _LEGACY:
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = _script_share(text, script)
        if share is not None and (best is None or share > best[0]):
            best = (share, encoding)
    return best[1] if best is not None else None


@functools.cache
def _script_patterns(script: str) -> tuple[regex.Pattern[str], ...]:
    import regex  # only for legacy encodings: it costs start-up time

    letter = rf"[\p{{scx={script}}}&&[\p{{L}}\p{{M}}]]"
    return (
        regex.compile(rf"(?V1){letter}"),
        regex.compile(rf"(?V1)[[\p{{L}}\p{{M}}]--[\x00-\x7f]--\p{{scx={script}}}]"),
        regex.compile(rf"(?V1)[A-Za-z]{letter}|{letter}[A-Za-z]"),
    )


def _script_share(text: str, script: str) -> float | None:
    """The share of non-ASCII letters and marks that belong to ``script``, or None when
    the text is not plausibly that script: control characters, fewer than nine letters in
    ten of the script, or its letters glued to ASCII letters (German read through an
    Arabic code page gives ``Gr\u0650\u0643e`` for Größe)."""
    if _CONTROL.search(text):
        return None
    letter, other, glued = _script_patterns(script)
    ours = len(letter.findall(text))
    theirs = len(other.findall(text))
    if not ours or theirs * 10 > ours or len(glued.findall(text)) * 4 > ours:
        return None
    return ours / (ours + theirs)


def read_text(
    source: str | os.PathLike[str] | bytes | bytearray,
    encoding: str = AUTO,
    errors: str = "strict",
) -> str:
    """Read a file (by path) or bytes as text, finding the encoding as :func:`decode` does.

    >>> read_text("جيد".encode("utf-16-le"))
    'جيد'
    >>> read_text(b"caf\\xe9", encoding="latin-1")
    'café'
    """
    if isinstance(source, bytes | bytearray):
        return decode(bytes(source), "<bytes>", encoding, errors)
    return decode(read_bytes(source), os.fspath(source), encoding, errors)


class Encoder:
    """Encode successive texts to one output stream (a BOM, if any, comes once).

    >>> encode = Encoder("cp1256")
    >>> encode("نص") + encode("آخر")
    b'\\xe4\\xd5\\xc2\\xce\\xd1'
    >>> Encoder("latin-1")("نص", "in.txt")
    Traceback (most recent call last):
    ...
    arclean.errors.OutputError: in.txt: cannot write 'ن' (U+0646) at offset 0 as iso8859-1
    """

    def __init__(self, encoding: str = "utf-8", errors: str = "strict") -> None:
        _check_errors(errors)
        self.encoding = check_encoding(encoding, allow_auto=False)
        self._encoder = codecs.getincrementalencoder(self.encoding)(errors)

    def __call__(self, text: str, source: str = "<stdin>") -> bytes:
        try:
            return self._encoder.encode(text)
        except UnicodeEncodeError as error:
            char = text[error.start]
            raise OutputError(
                f"{source}: cannot write {char!r} (U+{ord(char):04X}) at offset {error.start}"
                f" as {self.encoding}"
            ) from None


class AtomicWriter:
    """Write a file piece by piece so that readers see the old file or the new one.

    The pieces go to a temporary file in the same folder; :meth:`commit` flushes it to
    disk and renames it over the target (keeping an existing target's permissions);
    :meth:`discard`, or any exception inside a ``with`` block, removes it.

    A symlink is written through: the file it points at is replaced and the link stays.
    A target the user may not write (a read-only file) is refused, as ``open`` would
    refuse it, rather than replaced through its writable folder. With ``must_exist``
    (rewriting a file in place), a target deleted meanwhile is not brought back.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with AtomicWriter(folder / "out.txt") as out:
    ...     out.write(b"new")
    >>> (folder / "out.txt").read_bytes()
    b'new'
    """

    def __init__(self, path: str | os.PathLike[str], *, must_exist: bool = False) -> None:
        self.name = os.fspath(path)  # as the user wrote it, for messages
        self.target = Path(os.path.realpath(self.name))
        self.must_exist = must_exist
        self._owner: tuple[int, int] | None = None
        try:
            info = self.target.stat()
            self._mode = info.st_mode & 0o7777
            self._owner = (info.st_uid, info.st_gid)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            self._mode = 0o666 & ~umask
        except OSError as error:  # a symlink loop, a path through a file
            raise self._error(error) from None
        try:
            fd, self._temp = tempfile.mkstemp(
                prefix=f".{self.target.name}.", suffix=".tmp", dir=self.target.parent
            )
        except OSError as error:
            raise self._error(error) from None
        self._file = os.fdopen(fd, "wb")

    def _error(self, error: OSError | str) -> InputError:
        reason = error if isinstance(error, str) else error.strerror or error
        return InputError(f"{self.name}: cannot write ({reason})")

    def write(self, data: bytes) -> None:
        try:
            self._file.write(data)
        except OSError as error:
            self.discard()
            raise self._error(error) from None

    def commit(self) -> None:
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            exists = self.target.exists()
            if self.must_exist and not exists:
                raise self._error("it was deleted while being cleaned")
            if exists and not _writable(self.target):
                raise self._error("read-only file")
            if self._owner is not None and hasattr(os, "chown"):
                # root rewriting a user's file gives it back to the user; others keep
                # what they may (a group they belong to), or the file becomes theirs.
                with contextlib.suppress(PermissionError):
                    os.chown(self._temp, *self._owner)
            os.chmod(self._temp, self._mode)
            os.replace(self._temp, self.target)
        except OSError as error:
            self.discard()
            raise self._error(error) from None
        except InputError:
            self.discard()
            raise

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self._file.close()
        with contextlib.suppress(OSError):
            os.unlink(self._temp)

    def __enter__(self) -> AtomicWriter:
        return self

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def _writable(path: Path) -> bool:
    """Whether this process may write ``path`` (root may write any file)."""
    return os.access(path, os.W_OK, effective_ids=os.access in os.supports_effective_ids)


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    The bytes go to a temporary file in the same folder, are flushed to disk, and the
    temporary file is renamed over the target. An existing target keeps its permissions.
    """
    with AtomicWriter(path) as out:
        out.write(data)


def open_binary(source: str) -> BinaryIO:
    """Open a file (or stdin for ``-``) for reading bytes, with one-line errors."""
    if source == "-":
        return sys.stdin.buffer
    try:
        return open(source, "rb")
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{source}: is a directory") from None
    except PermissionError:
        raise InputError(f"{source}: permission denied") from None
    except OSError as error:
        raise InputError(f"{source}: cannot read ({error.strerror or error})") from None


def detect_encoding(head: bytes, source: str, encoding: str = AUTO, errors: str = "strict") -> str:
    """The encoding of a stream, decided from its first bytes as :func:`decode` decides
    for a whole text (a UTF-8 BOM gives ``utf-8-sig``, which drops it).

    >>> detect_encoding("سلام".encode("cp1256") * 100, "x")
    'cp1256'
    """
    encoding = check_encoding(encoding)
    if encoding != AUTO:
        return "utf-8-sig" if encoding == "utf-8" else encoding
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        if utf16 is None:
            raise InputError(_nul_message(head, source))
        return utf16
    sample = head[:_SAMPLE]
    text = codecs.getincrementaldecoder("utf-8")("replace").decode(sample)
    if "\ufffd" not in text:
        if _CONTROL.search(text):
            utf16 = _utf16_without_bom(head)
            if utf16 is not None:
                return utf16
        return "utf-8"
    if not _mostly_utf8(sample):
        legacy = _legacy_code_page(sample)
        if legacy is not None:
            return legacy
    return "utf-8"  # decoding reports the first bad byte, or replaces it


def iter_decoded(
    handle: BinaryIO,
    source: str,
    encoding: str = AUTO,
    errors: str = "strict",
    *,
    head: bytes = b"",
    block: int = 1 << 20,
) -> Iterator[str]:
    """Decode a byte stream in blocks, in bounded memory; ``head`` is bytes already read.

    Refuses NUL bytes outside UTF-16/32 and undecodable bytes (unless ``errors="replace"``)
    with a one-line :class:`InputError` naming the offset, as :func:`decode` does.
    """
    head = head or handle.read(block)
    name = detect_encoding(head, source, encoding, errors)
    decoder = codecs.getincrementaldecoder(name)(errors)
    wide = name.startswith(("utf-16", "utf-32"))
    offset, first = 0, True
    data = head
    while True:
        if not data:
            data = handle.read(block)
        final = not data
        if not wide and b"\x00" in data:
            raise InputError(_nul_message(data, source, offset))
        try:
            text = decoder.decode(data, final)
        except UnicodeDecodeError as error:
            # The decoder read the bytes of a character cut by the last block before
            # this one (and, at the end, those alone): offsets count from them.
            carried = len(error.object) - len(data)
            where = offset - carried + error.start
            raise InputError(_undecodable(source, name, error.object[error.start], where)) from None
        offset += len(data)
        if first and wide and text.startswith("\ufeff"):
            text = text[1:]
        first = first and not text
        if text:
            yield text
        if final:
            return
        data = b""
