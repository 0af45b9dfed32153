"""Run a pipeline over many inputs: find the files, clean them (in worker processes
when asked), and hand back each outcome in input order. Knows no terminal."""

from __future__ import annotations

import codecs
import concurrent.futures
import contextlib
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from arclean import io
from arclean.errors import ArcleanError, InputError
from arclean.filters import Counts
from arclean.jsonl import clean_record
from arclean.pipeline import Pipeline
from arclean.stream import StreamCleaner

Reader = Callable[[str], str]
"""Turns a source ("-" for stdin, or a path) into text, raising ArcleanError."""


@dataclass(frozen=True)
class Source:
    """An input file, and its path relative to the folder it was found in (for -o DIR)."""

    path: str
    relative: Path

    @property
    def is_stdin(self) -> bool:
        return self.path == "-"

    @property
    def name(self) -> str:
        """How messages name it."""
        return "<stdin>" if self.is_stdin else self.path


def find_sources(arguments: Sequence[str], pattern: str = "*.txt") -> list[Source]:
    """Expand files and folders into sources, in a stable order.

    A folder is searched recursively for files matching ``pattern``, skipping hidden
    files and folders (``.git``); a file named on the command line is always taken.
    """
    sources: list[Source] = []
    for argument in arguments or ["-"]:
        path = Path(argument)
        if argument != "-" and path.is_dir():
            found = sorted(
                p
                for p in path.rglob(pattern)
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            sources += [Source(str(p), p.relative_to(path)) for p in found]
        else:
            sources.append(Source(argument, Path(path.name)))
    return sources


@dataclass
class Outcome:
    """What cleaning one source gave: the text before and after, counts, or an error.

    A streamed source keeps neither text: it was written as it was cleaned (or by a
    worker process), and ``streamed_changed`` says whether the output differs from the
    input.
    """

    source: Source
    original: str = ""
    cleaned: str = ""
    stats: dict[str, Counts] = field(default_factory=dict)
    error: str | None = None
    passed_through: int = 0  # JSON Lines records whose field was missing or not text
    streamed: bool = False
    streamed_changed: bool = False

    @property
    def changed(self) -> bool:
        if self.streamed:
            return self.error is None and self.streamed_changed
        return self.error is None and self.cleaned != self.original


class Sink(Protocol):
    """Where a streamed source's cleaned text goes, piece by piece."""

    def write(self, text: str) -> None: ...

    def close(self, changed: bool) -> None:
        """The text is complete (``changed``: it differs from the input)."""

    def abort(self) -> None:
        """The source failed: drop what was written, if that can be done."""


STREAM_ABOVE = 8 << 20  # bytes: a larger input is cleaned as a stream, in bounded memory


def stream_source(
    pipeline: Pipeline,
    source: Source,
    sink: Sink,
    *,
    encoding: str = "auto",
    errors: str = "strict",
    state: dict[str, Any] | None = None,
    threshold: int | None = None,
) -> Outcome:
    """Clean one source; a large one as a stream into ``sink``, a small one whole.

    Either way the cleaned text goes to ``sink``; the outcome carries the texts only
    for a source cleaned whole.
    """
    outcome = Outcome(source)
    try:
        with contextlib.ExitStack() as stack:
            handle = io.open_binary(source.path)
            if not source.is_stdin:
                stack.enter_context(handle)
            limit = STREAM_ABOVE if threshold is None else threshold
            head = handle.read(limit)
            if len(head) < limit:
                outcome.original = io.decode(head, source.name, encoding, errors)
                report = pipeline.run(outcome.original, state=state)
                outcome.cleaned, outcome.stats = report.text, report.stats
                sink.write(outcome.cleaned)
                sink.close(outcome.changed)
                return outcome
            outcome.streamed = True
            cleaner = StreamCleaner(pipeline, state=state)
            before, after = hashlib.blake2b(), hashlib.blake2b()

            def emit(pieces: Iterable[str]) -> None:
                for out in pieces:
                    after.update(out.encode("utf-8", "surrogatepass"))
                    sink.write(out)

            for piece in io.iter_decoded(handle, source.name, encoding, errors, head=head):
                before.update(piece.encode("utf-8", "surrogatepass"))
                emit(cleaner.feed(piece))
            emit(cleaner.finish())
            outcome.stats = {name: dict(c) for name, c in cleaner.stats.items()}
            outcome.streamed_changed = before.digest() != after.digest()
            sink.close(outcome.streamed_changed)
    except ArcleanError as error:
        sink.abort()
        outcome.error = str(error)
    except BaseException:  # Ctrl-C: remove the unfinished temporary file, then stop
        sink.abort()
        raise
    return outcome


def clean_source(
    pipeline: Pipeline,
    source: Source,
    read: Reader,
    *,
    jsonl_field: str | None = None,
    strict: bool = False,
    state: dict[str, Any] | None = None,
) -> Outcome:
    """Read and clean one source; an :class:`ArcleanError` becomes the outcome's error."""
    outcome = Outcome(source)
    try:
        outcome.original = read(source.path)
        if jsonl_field is None:
            report = pipeline.run(outcome.original, state=state)
            outcome.cleaned, outcome.stats = report.text, report.stats
        else:
            _clean_jsonl(pipeline, outcome, jsonl_field, strict, state)
    except ArcleanError as error:
        outcome.error = str(error)
    return outcome


def _clean_jsonl(
    pipeline: Pipeline,
    outcome: Outcome,
    field_path: str,
    strict: bool,
    state: dict[str, Any] | None,
) -> None:
    outcome.cleaned, outcome.passed_through, outcome.stats = _clean_records(
        pipeline, outcome.original, 1, outcome.source.name, field_path, strict, state
    )


def _clean_records(
    pipeline: Pipeline,
    text: str,
    first_number: int,
    name: str,
    field_path: str,
    strict: bool,
    state: dict[str, Any] | None,
) -> tuple[str, int, dict[str, Counts]]:
    """Clean the JSON Lines records of ``text``, whose first line is line
    ``first_number`` of ``name``: (cleaned text, records passed through, counts)."""
    totals: dict[str, Counts] = {f.name: {} for f in pipeline.filters}
    shared_state = {} if state is None else state

    def clean(text: str) -> str:
        report = pipeline.run(text, state=shared_state)
        for filter_name, changes in report.stats.items():
            for kind, n in changes.items():
                totals[filter_name][kind] = totals[filter_name].get(kind, 0) + n
        return report.text

    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    out = []
    passed_through = 0
    for number, line in enumerate(lines, first_number):
        if not line.strip():
            continue
        record = clean_record(line, clean, field_path, where=f"{name}:{number}", strict=strict)
        passed_through += not record.cleaned
        out.append(record.line + "\n")
    return "".join(out), passed_through, totals


def _work(
    args: tuple[Pipeline, Source, Reader, str | None, bool],
) -> Outcome:
    pipeline, source, read, jsonl_field, strict = args
    return clean_source(pipeline, source, read, jsonl_field=jsonl_field, strict=strict)


def clean_sources(
    pipeline: Pipeline,
    sources: Iterable[Source],
    read: Reader,
    *,
    jobs: int = 1,
    jsonl_field: str | None = None,
    strict: bool = False,
    encoding: str = "auto",
) -> Iterator[Outcome]:
    """Clean every source and yield the outcomes in input order.

    With ``jobs`` above 1 (0 means one per core) files are cleaned in worker
    processes, and the records of a JSON Lines file are spread over them in parts;
    the output is the same. A run with state shared across documents (``repeats``
    with ``scope="stream"``) must use one job. ``encoding`` is the one ``read``
    decodes with.
    """
    if jobs == 0:
        jobs = os.cpu_count() or 1
    sources = list(sources)
    few = len(sources) < 2 and jsonl_field is None  # one JSON Lines file is cut in parts
    if jobs <= 1 or few or any(s.is_stdin for s in sources):
        state: dict[str, Any] = {}
        for source in sources:
            yield clean_source(
                pipeline, source, read, jsonl_field=jsonl_field, strict=strict, state=state
            )
        return
    if _remembers_across_documents(pipeline):
        raise InputError("repeats with scope=stream remembers across files: use --jobs 1")
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as pool:
        if jsonl_field is None:
            tasks = [(pipeline, source, read, jsonl_field, strict) for source in sources]
            yield from pool.map(_work, tasks)
            return
        for source in sources:  # one file at a time, its records spread over the workers
            outcome = _clean_jsonl_in(pool, jobs, pipeline, source, jsonl_field, strict, encoding)
            yield outcome or clean_source(
                pipeline, source, read, jsonl_field=jsonl_field, strict=strict
            )


JSONL_PART = 1 << 22  # at most this many bytes of JSON Lines records in one task


def _clean_jsonl_in(
    pool: concurrent.futures.Executor,
    jobs: int,
    pipeline: Pipeline,
    source: Source,
    field_path: str,
    strict: bool,
    encoding: str,
) -> Outcome | None:
    """Clean a UTF-8 JSON Lines file in parts of whole lines, one task per part, and
    join them in order; None when the file must be read whole (another encoding, a
    BOM, a byte that is not UTF-8), which then decides how to decode or refuse it."""
    outcome = Outcome(source)
    try:
        data = io.read_bytes(source.path)
        head = data[:JSONL_PART]
        if data.startswith(codecs.BOM_UTF8) or io.detect_encoding(
            head, source.name, encoding
        ) not in ("utf-8", "utf-8-sig"):
            return None
        # Parts small enough that every worker gets several, so all finish together.
        size = max(1 << 16, min(JSONL_PART, len(data) // (4 * jobs)))
        tasks, start, number = [], 0, 1
        while start < len(data):
            end = data.find(b"\n", start + size)
            end = len(data) if end < 0 else end + 1
            tasks.append((pipeline, source, start, end, number, field_path, strict))
            number += data.count(b"\n", start, end)
            start = end
        del data, head
        parts = list(pool.map(_clean_jsonl_part, tasks))
    except ArcleanError as error:
        outcome.error = str(error)
        return outcome
    if any(part is None for part in parts):
        return None
    outcome.stats = {f.name: {} for f in pipeline.filters}
    pieces = []
    for text, changed, passed_through, totals in filter(None, parts):
        pieces.append(text)
        outcome.streamed_changed |= changed
        outcome.passed_through += passed_through
        for name, changes in totals.items():
            for kind, n in changes.items():
                outcome.stats[name][kind] = outcome.stats[name].get(kind, 0) + n
    outcome.cleaned = "".join(pieces)
    outcome.streamed = True  # the text before is not kept: streamed_changed says
    return outcome


def _clean_jsonl_part(
    args: tuple[Pipeline, Source, int, int, int, str, bool],
) -> tuple[str, bool, int, dict[str, Counts]] | None:
    """Clean bytes ``start:end`` of a JSON Lines file (whole lines, first line number
    ``number``); None when they hold a NUL or a byte that is not UTF-8."""
    pipeline, source, start, end, number, field_path, strict = args
    with open(source.path, "rb") as handle:
        handle.seek(start)
        data = handle.read(end - start)
    if b"\x00" in data:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    cleaned, passed_through, totals = _clean_records(
        pipeline, text, number, source.name, field_path, strict, None
    )
    return cleaned, cleaned != text, passed_through, totals


SinkFactory = Callable[[Source], Sink]
"""Where each source's cleaned text goes; for worker processes it must be picklable."""


def stream_sources(
    pipeline: Pipeline,
    sources: Sequence[Source],
    sinks: SinkFactory,
    *,
    jobs: int = 1,
    encoding: str = "auto",
    errors: str = "strict",
) -> Iterator[Outcome]:
    """Clean every source into its own sink (large ones as streams) and yield the
    outcomes in input order.

    With ``jobs`` above 1 (0 means one per core) each worker process writes the
    files it cleans, so only counts come back: nothing waits on one process to
    carry and write every text. The outcomes then keep no text.
    """
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs <= 1 or len(sources) < 2 or any(s.is_stdin for s in sources):
        state: dict[str, Any] = {}
        for source in sources:
            yield _stream_one(pipeline, source, sinks, encoding, errors, state)
        return
    if _remembers_across_documents(pipeline):
        raise InputError("repeats with scope=stream remembers across files: use --jobs 1")
    tasks = [(pipeline, source, sinks, encoding, errors) for source in sources]
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_stream_work, tasks)


def _stream_one(
    pipeline: Pipeline,
    source: Source,
    sinks: SinkFactory,
    encoding: str,
    errors: str,
    state: dict[str, Any] | None = None,
) -> Outcome:
    try:
        sink = sinks(source)
    except ArcleanError as error:  # an output that cannot be written
        return Outcome(source, error=str(error))
    return stream_source(pipeline, source, sink, encoding=encoding, errors=errors, state=state)


def _stream_work(args: tuple[Pipeline, Source, SinkFactory, str, str]) -> Outcome:
    outcome = _stream_one(*args)
    # The text is written: send back only what the caller reports.
    changed = outcome.changed
    outcome.original = outcome.cleaned = ""
    outcome.streamed, outcome.streamed_changed = True, changed
    return outcome


def _remembers_across_documents(pipeline: Pipeline) -> bool:
    return any(getattr(f, "scope", "document") == "stream" for f in pipeline.filters)
