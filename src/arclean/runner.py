"""Run a pipeline over many inputs: find the files, clean them (in worker processes
when asked), and hand back each outcome in input order. Knows no terminal."""

from __future__ import annotations

import codecs
import collections
import concurrent.futures
import contextlib
import os
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol, TypeVar

from arclean import io
from arclean.errors import ArcleanError, InputError
from arclean.filters import Counts
from arclean.jsonl import RecordCleaner
from arclean.pipeline import Pipeline
from arclean.stream import StreamCleaner

_T = TypeVar("_T")
_R = TypeVar("_R")

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
    jsonl_field: str | None = None,
    strict: bool = False,
    executor: concurrent.futures.Executor | None = None,
) -> Outcome:
    """Clean one source; a large one as a stream into ``sink``, a small one whole.

    Either way the cleaned text goes to ``sink``; the outcome carries the texts only
    for a source cleaned whole. With ``jsonl_field`` the source is JSON Lines, and a
    large one streams a record at a time. A small source that fails writes nothing; a
    large one that fails late has written its first part (to a file, only in a
    temporary one that ``sink.abort`` removes). A large text is cleaned by the
    ``executor``'s workers too, if there is one (see :class:`StreamCleaner`).
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
                if jsonl_field is None:
                    report = pipeline.run(outcome.original, state=state)
                    outcome.cleaned, outcome.stats = report.text, report.stats
                else:
                    outcome.cleaned, outcome.passed_through, outcome.stats = _clean_records(
                        pipeline, outcome.original, 1, source.name, jsonl_field, strict, state
                    )
                sink.write(outcome.cleaned)
                sink.close(outcome.changed)
                return outcome
            outcome.streamed = True
            cleaner: StreamCleaner | RecordCleaner
            if jsonl_field is None:
                cleaner = StreamCleaner(pipeline, state=state, executor=executor)
            else:
                cleaner = RecordCleaner(
                    pipeline, source.name, jsonl_field, strict=strict, state=state
                )
            same = SameText()

            def emit(pieces: Iterable[str]) -> None:
                for out in pieces:
                    same.wrote(out)
                    sink.write(out)

            for piece in io.iter_decoded(handle, source.name, encoding, errors, head=head):
                same.read(piece)
                emit(_pieces(cleaner.feed(piece)))
            emit(_pieces(cleaner.finish()))
            outcome.stats = {name: dict(c) for name, c in cleaner.stats.items()}
            if isinstance(cleaner, RecordCleaner):
                outcome.passed_through = cleaner.passed_through
            outcome.streamed_changed = not same.finish()
            sink.close(outcome.streamed_changed)
    except ArcleanError as error:
        sink.abort()
        outcome.error = str(error)
    except BaseException:  # Ctrl-C: remove the unfinished temporary file, then stop
        sink.abort()
        raise
    return outcome


class SameText:
    """Whether a text streamed through a cleaner came out as it went in, compared as
    the pieces come: the side that is ahead (the input, mostly) keeps its unmatched
    text until the other catches up, and the first difference ends the comparison and
    frees it, so text that cleaning changes costs nothing more.

    >>> same = SameText()
    >>> same.read("قال "), same.read("هنا\\n"), same.wrote("قال هنا"), same.wrote("\\n")
    (None, None, None, None)
    >>> same.finish()
    True
    >>> other = SameText()
    >>> other.read("قال  هنا"), other.wrote("قال هنا")
    (None, None)
    >>> other.finish()
    False
    """

    def __init__(self) -> None:
        self.same = True
        self._waiting: collections.deque[str] = collections.deque()  # text not matched yet
        self._start = 0  # where the first waiting piece's unmatched part starts
        self._output_ahead = False  # whose text is waiting: the output's or the input's

    def read(self, piece: str) -> None:
        """The next piece of input."""
        self._take(piece, output=False)

    def wrote(self, piece: str) -> None:
        """The next piece of output."""
        self._take(piece, output=True)

    def finish(self) -> bool:
        """True when the output was the input, to the last character."""
        return self.same and not self._waiting

    def _take(self, piece: str, *, output: bool) -> None:
        done = 0
        while self.same and done < len(piece):
            if not self._waiting:  # this side is ahead now: the rest waits
                self._output_ahead = output
                self._waiting.append(piece[done:])
                return
            if self._output_ahead == output:  # ahead already: one more piece waits
                self._waiting.append(piece[done:])
                return
            head = self._waiting[0]
            size = min(len(head) - self._start, len(piece) - done)
            if head[self._start : self._start + size] != piece[done : done + size]:
                self.same = False
                self._waiting.clear()
                return
            done += size
            self._start += size
            if self._start == len(head):
                self._waiting.popleft()
                self._start = 0


def _pieces(cleaned: str | Iterable[str]) -> Iterable[str]:
    """What a cleaner gave back for a piece: a text (records) or the texts (a stream)."""
    return (cleaned,) if isinstance(cleaned, str) else cleaned


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
    cleaner = RecordCleaner(
        pipeline, name, field_path, strict=strict, state=state, first_number=first_number
    )
    cleaned = cleaner.feed(text) + cleaner.finish()
    return cleaned, cleaner.passed_through, cleaner.stats


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
    with Workers(jobs) as pool:
        if jsonl_field is None:
            tasks = [(pipeline, source, read, jsonl_field, strict) for source in sources]
            yield from pool.map(_work, tasks)
            return
        for source in sources:  # one file at a time, its records spread over the workers
            outcome = _clean_jsonl_in(
                JsonlParts(pool, jobs, pipeline, jsonl_field, strict, encoding), source
            )
            yield outcome or clean_source(
                pipeline, source, read, jsonl_field=jsonl_field, strict=strict
            )


class Workers(concurrent.futures.Executor):
    """Worker processes that stop on Ctrl-C or SIGTERM as this process does.

    A terminal's Ctrl-C, and a scheduler's SIGTERM, reach every process of the group.
    A worker stops the task it runs (a file it writes removes its temporary file) and
    ignores the signal when idle: a worker that died there would print a traceback and
    could leave the pool waiting on it for ever. Leaving the ``with`` block on an
    exception cancels the tasks not started, so the run ends once the running ones do.
    (A process pool inside, not a subclass of one: naming ProcessPoolExecutor imports
    multiprocessing, 18 ms of every start-up.)
    """

    def __init__(self, jobs: int) -> None:
        self._pool = concurrent.futures.ProcessPoolExecutor(
            max_workers=jobs, initializer=_ignore_interrupts
        )

    def submit(
        self, fn: Callable[..., _R], /, *args: Any, **kwargs: Any
    ) -> concurrent.futures.Future[_R]:
        return self._pool.submit(_interruptible, fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._pool.shutdown(wait=wait, cancel_futures=cancel_futures)

    def __exit__(self, kind: object, value: object, traceback: object) -> Literal[False]:
        self.shutdown(wait=True, cancel_futures=kind is not None)
        return False


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _interruptible(fn: Callable[..., _R], *args: Any, **kwargs: Any) -> _R:
    """Run one task in a worker, stopped by Ctrl-C or SIGTERM (see :class:`Workers`)."""
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        return fn(*args, **kwargs)
    finally:
        _ignore_interrupts()


JSONL_PART = 1 << 22  # at most this many bytes of JSON Lines records in one task

# A part's cleaned records: (text, whether it changed, records passed through, counts).
_Part = tuple[str, bool, int, dict[str, Counts]]


@dataclass(frozen=True)
class JsonlParts:
    """How the records of JSON Lines files are cleaned in parts over worker processes."""

    pool: concurrent.futures.Executor
    jobs: int
    pipeline: Pipeline
    field_path: str
    strict: bool = False
    encoding: str = "auto"
    errors: str = "strict"


def _clean_jsonl_in(parts: JsonlParts, source: Source) -> Outcome | None:
    """Clean a UTF-8 JSON Lines file in parts of whole lines over the workers, and join
    them in order; None when the file must be read whole (another encoding, a BOM, a
    NUL or a byte that is not UTF-8), which then decides how to decode or refuse it."""
    outcome = Outcome(source)
    try:
        found = _cleaned_parts(parts, source)
        done = None if found is None else list(found)
    except ArcleanError as error:
        outcome.error = str(error)
        return outcome
    cleaned = [part for part in done or () if not isinstance(part, str)]
    if done is None or len(cleaned) < len(done):
        return None
    _add_parts(outcome, parts.pipeline, cleaned)
    outcome.cleaned = "".join(text for text, *_ in cleaned)
    return outcome


def _stream_jsonl_in(parts: JsonlParts, source: Source, sinks: SinkFactory) -> Outcome:
    """Clean one JSON Lines file into its sink with its records spread over the workers.

    A large UTF-8 file streams: each part is written as it comes back, in order, with
    at most two parts a worker in flight, so memory stays bounded. A small one is
    written once all its records are clean, and any other file is cleaned in this
    process: either way, as with one job.
    """

    def in_this_process() -> Outcome:
        return _stream_one(
            parts.pipeline,
            source,
            sinks,
            parts.encoding,
            parts.errors,
            jsonl_field=parts.field_path,
            strict=parts.strict,
        )

    if source.is_stdin:
        return in_this_process()
    try:
        large = os.path.getsize(source.path) >= STREAM_ABOVE
    except OSError:
        large = False  # reading it says what is wrong
    if not large:
        outcome = _clean_jsonl_in(parts, source)
        return in_this_process() if outcome is None else write_outcome(outcome, sinks)
    outcome = Outcome(source, streamed=True)
    sink: Sink | None = None
    try:
        found = _cleaned_parts(parts, source)
        if found is None:
            return in_this_process()
        sink = sinks(source)
        for part in found:
            if isinstance(part, str):
                raise InputError(part)
            sink.write(part[0])
            _add_parts(outcome, parts.pipeline, [part])
        sink.close(outcome.streamed_changed)
    except ArcleanError as error:
        if sink is not None:
            sink.abort()
        outcome.error = str(error)
    except BaseException:  # Ctrl-C: remove the unfinished temporary file, then stop
        if sink is not None:
            sink.abort()
        raise
    return outcome


def write_outcome(outcome: Outcome, sinks: SinkFactory) -> Outcome:
    """Write an outcome cleaned whole to its sink; a failure to write becomes its error."""
    if outcome.error is not None:
        return outcome
    sink: Sink | None = None
    try:
        sink = sinks(outcome.source)
        sink.write(outcome.cleaned)
        sink.close(outcome.changed)
    except ArcleanError as error:
        if sink is not None:
            sink.abort()
        outcome.error = str(error)
    except BaseException:  # Ctrl-C: remove the unfinished temporary file
        if sink is not None:
            sink.abort()
        raise
    return outcome


def _add_parts(outcome: Outcome, pipeline: Pipeline, parts: Iterable[_Part]) -> None:
    """Add the flags and counts of cleaned parts to a streamed outcome."""
    outcome.streamed = True  # the text before is not kept: streamed_changed says
    if not outcome.stats:
        outcome.stats = {f.name: {} for f in pipeline.filters}
    for _, changed, passed_through, totals in parts:
        outcome.streamed_changed |= changed
        outcome.passed_through += passed_through
        for name, changes in totals.items():
            for kind, n in changes.items():
                outcome.stats[name][kind] = outcome.stats[name].get(kind, 0) + n


def _cleaned_parts(parts: JsonlParts, source: Source) -> Iterator[_Part | str] | None:
    """The records of a UTF-8 JSON Lines file cleaned by the workers in parts of whole
    lines, in order: each part's :data:`_Part`, or the error that refuses its bytes (a
    NUL, a byte that is not UTF-8). None when the file is in another encoding or starts
    with a BOM."""
    with io.open_binary(source.path) as handle:
        head = handle.read(JSONL_PART)
        size = os.fstat(handle.fileno()).st_size
    found = io.detect_encoding(head, source.name, parts.encoding)  # utf-8-sig: UTF-8 named
    if head.startswith(codecs.BOM_UTF8) or found not in ("utf-8", "utf-8-sig"):
        return None
    # Parts small enough that every worker gets several, so all finish together.
    part = max(1 << 16, min(JSONL_PART, size // (4 * parts.jobs)))
    tasks = (
        (parts.pipeline, source, start, end, number, parts.field_path, parts.strict, parts.errors)
        for start, end, number in _jsonl_parts(source.path, part)
    )
    return _in_order(parts.pool, _clean_jsonl_part, tasks, 2 * parts.jobs)


def _jsonl_parts(path: str, size: int) -> Iterator[tuple[int, int, int]]:
    """(start, end, number of the first line) of each part of a file: whole lines of
    about ``size`` bytes each. Only one part at a time is held.

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile(delete=False) as f: _ = f.write(b"ab\\ncd\\nef")
    >>> list(_jsonl_parts(f.name, 2)), os.unlink(f.name)
    ([(0, 3, 1), (3, 6, 2), (6, 8, 3)], None)
    """
    with io.open_binary(path) as handle:
        start, number = 0, 1
        while data := handle.read(size):
            if not data.endswith(b"\n"):
                data += handle.readline()  # to the end of the line
            yield start, start + len(data), number
            start += len(data)
            number += data.count(b"\n")


def _in_order(
    pool: concurrent.futures.Executor,
    function: Callable[[_T], _R],
    tasks: Iterable[_T],
    window: int,
) -> Iterator[_R]:
    """``pool.map`` that submits the tasks as it goes, at most ``window`` ahead of the
    result the caller waits for: a gigabyte of parts is never all in memory at once."""
    pending: collections.deque[concurrent.futures.Future[_R]] = collections.deque()
    try:
        for task in tasks:
            pending.append(pool.submit(function, task))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def _clean_jsonl_part(
    args: tuple[Pipeline, Source, int, int, int, str, bool, str],
) -> _Part | str:
    """Clean bytes ``start:end`` of a JSON Lines file (whole lines, first line number
    ``number``); the error instead when they hold a NUL or a byte that is not UTF-8."""
    pipeline, source, start, end, number, field_path, strict, errors = args
    with open(source.path, "rb") as handle:
        handle.seek(start)
        data = handle.read(end - start)
    try:
        text = io.decode_utf8_part(data, source.name, start, errors)
    except InputError as error:
        return str(error)
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
    jsonl_field: str | None = None,
    strict: bool = False,
) -> Iterator[Outcome]:
    """Clean every source into its own sink (large ones as streams) and yield the
    outcomes in input order.

    With ``jobs`` above 1 (0 means one per core) each worker process writes the
    files it cleans, so only counts come back: nothing waits on one process to
    carry and write every text. The outcomes then keep no text. JSON Lines files
    (``jsonl_field``) are taken one at a time instead, their records spread over the
    workers and written here, so stdout can take them too; so is one text file, or
    stdin, whose chunks (when it is large) the workers clean as far as repeats.
    """
    if jobs == 0:
        jobs = os.cpu_count() or 1
    state: dict[str, Any] = {}
    if jobs <= 1:
        for source in sources:
            yield _stream_one(pipeline, source, sinks, encoding, errors, state, jsonl_field, strict)
        return
    if jsonl_field is None and (len(sources) < 2 or any(s.is_stdin for s in sources)):
        # One at a time: the chunks of a large text go to the workers.
        with Workers(jobs) as pool:
            for source in sources:
                yield _stream_one(pipeline, source, sinks, encoding, errors, state, executor=pool)
        return
    if _remembers_across_documents(pipeline):
        raise InputError("repeats with scope=stream remembers across files: use --jobs 1")
    with Workers(jobs) as pool:
        if jsonl_field is not None:
            parts = JsonlParts(pool, jobs, pipeline, jsonl_field, strict, encoding, errors)
            for source in sources:
                yield _stream_jsonl_in(parts, source, sinks)
            return
        tasks = [(pipeline, source, sinks, encoding, errors) for source in sources]
        yield from pool.map(_stream_work, tasks)


def _stream_one(
    pipeline: Pipeline,
    source: Source,
    sinks: SinkFactory,
    encoding: str,
    errors: str,
    state: dict[str, Any] | None = None,
    jsonl_field: str | None = None,
    strict: bool = False,
    executor: concurrent.futures.Executor | None = None,
) -> Outcome:
    try:
        sink = sinks(source)
    except ArcleanError as error:  # an output that cannot be written
        return Outcome(source, error=str(error))
    return stream_source(
        pipeline,
        source,
        sink,
        encoding=encoding,
        errors=errors,
        state=state,
        jsonl_field=jsonl_field,
        strict=strict,
        executor=executor,
    )


def _stream_work(args: tuple[Pipeline, Source, SinkFactory, str, str]) -> Outcome:
    outcome = _stream_one(*args)
    # The text is written: send back only what the caller reports.
    changed = outcome.changed
    outcome.original = outcome.cleaned = ""
    outcome.streamed, outcome.streamed_changed = True, changed
    return outcome


def _remembers_across_documents(pipeline: Pipeline) -> bool:
    return any(getattr(f, "scope", "document") == "stream" for f in pipeline.filters)
