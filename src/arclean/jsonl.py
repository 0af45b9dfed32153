"""Clean one text field of each JSON Lines record, keeping the rest of the record."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from arclean.errors import InputError


@dataclass(frozen=True)
class Record:
    """One JSON Lines record after cleaning: its output line and whether it was cleaned."""

    line: str
    cleaned: bool  # False when the field was missing or not a string (passed through)
    changed: bool


def _get(record: Any, path: list[str]) -> Any:
    for key in path:
        if not isinstance(record, dict) or key not in record:
            return None
        record = record[key]
    return record


def _set(record: dict[str, Any], path: list[str], value: str) -> None:
    for key in path[:-1]:
        record = record[key]
    record[path[-1]] = value


def clean_record(
    line: str, clean: Callable[[str], str], field: str, *, where: str, strict: bool = False
) -> Record:
    """Clean ``field`` (a dotted path such as ``meta.body``) of one JSON Lines record.

    Every other field, and the order of keys, is kept. A record whose field is missing
    or not a string passes through unchanged, or is an error with ``strict``.

    >>> clean_record('{"id": 1, "text": "a  b"}', lambda t: " ".join(t.split()), "text", where="x")
    Record(line='{"id": 1, "text": "a b"}', cleaned=True, changed=True)
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: invalid JSON ({error.msg} at column {error.colno})") from None
    path = field.split(".")
    value = _get(record, path)
    if not isinstance(value, str):
        if strict:
            what = "missing" if value is None else f"a {type(value).__name__}, not a string"
            raise InputError(f"{where}: field {field!r} is {what}")
        return Record(line, cleaned=False, changed=False)
    new = clean(value)
    if new == value:
        return Record(line, cleaned=True, changed=False)
    _set(record, path, new)
    # Keep the record's own style: compact (`{"a":1}`) or spaced (`{"a": 1}`).
    separators = (", ", ": ") if '": ' in line else (",", ":")
    out = json.dumps(record, ensure_ascii=False, separators=separators)
    return Record(out, cleaned=True, changed=True)
