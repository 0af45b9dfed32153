"""Clean one text field of each JSON Lines record, keeping the rest of the record."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from arclean.errors import InputError
from arclean.filters import Counts
from arclean.pipeline import Pipeline


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


class RecordCleaner:
    """Clean the records of a JSON Lines text that arrives in pieces, a line at a time:
    each piece gives back the records whose line it ends, each record on one line. Blank
    lines are left out; errors name the line (``name:number``). Counts add up in
    :attr:`stats`, records whose field is missing or not text in :attr:`passed_through`.

    >>> from arclean.pipeline import Pipeline
    >>> cleaner = RecordCleaner(Pipeline.from_preset(), "data.jsonl", "text")
    >>> cleaner.feed('{"text": "نص  هنا"}\\n\\n{"te') + cleaner.feed('xt": 5}') + cleaner.finish()
    '{"text": "نص هنا\\\\n"}\\n{"text": 5}\\n'
    >>> cleaner.passed_through, cleaner.stats["whitespace"]
    (1, {'spaces_folded': 1, 'edges_fixed': 1})
    """

    def __init__(
        self,
        pipeline: Pipeline,
        name: str,
        field: str,
        *,
        strict: bool = False,
        state: dict[str, Any] | None = None,
        first_number: int = 1,
    ) -> None:
        self.stats: dict[str, Counts] = {f.name: {} for f in pipeline.filters}
        self.passed_through = 0
        self._pipeline, self._name, self._field, self._strict = pipeline, name, field, strict
        self._state = {} if state is None else state  # one run's memory (scope="stream")
        self._number = first_number  # of the next line
        self._unended: list[str] = []  # the pieces of a line not yet ended

    def feed(self, piece: str) -> str:
        """Take the next piece; give back the records of the lines it ends."""
        if "\n" not in piece:
            self._unended.append(piece)
            return ""
        cut = piece.rindex("\n")
        text = "".join([*self._unended, piece[:cut]])
        self._unended = [piece[cut + 1 :]]
        return self._clean(text.split("\n"))

    def finish(self) -> str:
        """The record of a last line without a line feed, if there is one."""
        rest = "".join(self._unended)
        self._unended = []
        return self._clean([rest]) if rest else ""

    def _clean(self, lines: list[str]) -> str:
        out = []
        for number, line in enumerate(lines, self._number):
            if not line.strip():
                continue
            where = f"{self._name}:{number}"
            record = clean_record(line, self._run, self._field, where=where, strict=self._strict)
            self.passed_through += not record.cleaned
            out.append(record.line + "\n")
        self._number += len(lines)
        return "".join(out)

    def _run(self, text: str) -> str:
        report = self._pipeline.run(text, state=self._state)
        for filter_name, changes in report.stats.items():
            totals = self.stats[filter_name]
            for kind, n in changes.items():
                totals[kind] = totals.get(kind, 0) + n
        return report.text
