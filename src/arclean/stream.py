"""Clean text that arrives in pieces, paragraph by paragraph, in bounded memory.

The text is cut into chunks of about ``chunk_size`` characters at paragraph
boundaries (after a blank line when there is one, else after a line break); every
filter but ``whitespace`` cleans each chunk with one shared ``state``, so ``repeats``
remembers the paragraphs of earlier chunks as 8-byte fingerprints; ``whitespace``
then joins the chunks exactly as it would lay out the whole text.

The output equals ``pipeline(text)`` for any text up to ``chunk_size``, however the
pieces are cut. Longer texts can differ only where a filter looks across a chunk
boundary: a teaser whose full paragraph lies in another chunk, a back-to-back repeat or
verse block cut by a boundary that has no blank line, mojibake evidence that another
chunk would give, or markup that spans a boundary.

>>> line = "قال الوزير إن الحكومة ستعمل على تحسين الخدمات.\\n"
>>> "".join(clean_stream([line, line[:14], line[14:]]))
'قال الوزير إن الحكومة ستعمل على تحسين الخدمات.\\n'
"""

from __future__ import annotations

import collections
import concurrent.futures
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from arclean import chars
from arclean.filters import Repeats, Whitespace
from arclean.filters.repeats import STREAMED_DOCUMENT
from arclean.pipeline import Pipeline, Report

CHUNK_SIZE = 1 << 20  # characters: a few MB of working memory per chunk
DOCUMENT_MEMORY = STREAMED_DOCUMENT

_BREAK = re.compile(f"\\r\\n|{chars.char_class(chars.LINE_BREAKS)}")
_SPACE_OR_BREAK = chars.HORIZONTAL_SPACES | chars.LINE_BREAKS
_CONTENT = re.compile("[^" + chars.char_class(chars.HORIZONTAL_SPACES | chars.LINE_BREAKS)[1:])


class StreamCleaner:
    """Feed text in pieces, get cleaned text back in pieces; counts in :attr:`stats`.

    With an ``executor`` (a process pool), the filters before repeats clean up to
    ``ahead`` chunks at once in its workers; the output and counts are the same.

    >>> cleaner = StreamCleaner(Pipeline.from_preset())
    >>> "".join([*cleaner.feed("نص  أول\\n\\n"), *cleaner.feed("نص ثان"), *cleaner.finish()])
    'نص أول\\n\\nنص ثان\\n'
    """

    def __init__(
        self,
        pipeline: Pipeline,
        chunk_size: int = CHUNK_SIZE,
        state: dict[str, Any] | None = None,
        executor: concurrent.futures.Executor | None = None,
        ahead: int = 4,
    ) -> None:
        filters = list(pipeline.filters)
        last = filters[-1] if filters else None
        self._layout = last if isinstance(last, Whitespace) else None
        if self._layout is not None:
            filters.pop()
        # The filters before repeats remember nothing from one chunk to the next (the
        # language decisions they share are a cache): with an executor they clean chunks
        # there, while repeats and the rest clean each chunk here, in order.
        split = next((i for i, f in enumerate(filters) if isinstance(f, Repeats)), len(filters))
        self._first, self._rest = Pipeline(filters[:split]), Pipeline(filters[split:])
        self._executor = executor if split else None
        self._ahead = ahead
        self._pending: collections.deque[concurrent.futures.Future[Report]] = collections.deque()
        self._chunk_size = chunk_size
        self._buffer: list[str] = []
        self._buffered = 0
        # The run's state (memory across documents) with this document's own memory.
        self._state = {} if state is None else state
        self._state[DOCUMENT_MEMORY] = {}
        self._pending_newlines = 0  # line breaks after the last text written
        self._wrote = False
        self.stats: dict[str, Counter[str]] = {f.name: Counter() for f in pipeline.filters}

    def feed(self, piece: str) -> Iterator[str]:
        """Take the next piece of text; yield what can already be cleaned."""
        self._buffer.append(piece)
        self._buffered += len(piece)
        if self._buffered < self._chunk_size:
            return
        text = "".join(self._buffer)
        cut = _cut(text, self._chunk_size)
        if cut:
            self._buffer, self._buffered = [text[cut:]], len(text) - cut
            yield from self._clean(text[:cut])
        else:  # one line longer than a chunk: it waits for its line break
            self._buffer = [text]

    def finish(self) -> Iterator[str]:
        """Clean what is left; the last piece ends the text."""
        text = "".join(self._buffer)
        self._buffer, self._buffered = [], 0
        if text:
            yield from self._clean(text)
        while self._pending:
            yield from self._clean_rest(self._pending.popleft().result())
        self._state.pop(DOCUMENT_MEMORY, None)

    def _clean(self, chunk: str) -> Iterator[str]:
        if self._executor is None:
            yield from self._clean_rest(self._first.run(chunk, state=self._state))
            return
        self._pending.append(self._executor.submit(self._first.run, chunk))
        while len(self._pending) > self._ahead:
            yield from self._clean_rest(self._pending.popleft().result())

    def _clean_rest(self, first: Report) -> Iterator[str]:
        """Clean a chunk that the filters before repeats have cleaned (``first``)."""
        report = self._rest.run(first.text, state=self._state)
        for name, changes in (*first.stats.items(), *report.stats.items()):
            self.stats[name].update(changes)
        text = report.text
        if self._layout is None:
            if text:
                yield text
            return
        laid_out, changes = self._layout.apply(text)
        self.stats[self._layout.name].update(changes)
        if not laid_out:  # nothing but blank lines: they join the gap
            self._pending_newlines += len(_BREAK.findall(text))
            return
        lead = _leading_newlines(text)
        if self._wrote:
            gap = self._pending_newlines + lead - 1  # blank lines between the two texts
            yield "\n" * min(max(gap, 0), self._layout.max_blank_lines)
        yield laid_out
        self._wrote = True
        self._pending_newlines = _trailing_newlines(text)


def _cut(text: str, size: int) -> int:
    """Where to end a chunk: after the last blank line, else after the last line break,
    in the first ``size`` characters or beyond; 0 when there is no line break at all."""
    for mark in ("\n\n", "\n\r\n", "\n", "\r"):
        index = text.rfind(mark, 0, size)
        if index == -1:
            index = text.find(mark, size)
        if index != -1:
            return index + len(mark)
    return 0


def _leading_newlines(text: str) -> int:
    """Line breaks before the first character that is not a space or a line break."""
    first = _CONTENT.search(text)
    head = text[: first.start()] if first else text
    return len(_BREAK.findall(head))


def _trailing_newlines(text: str) -> int:
    """Line breaks after the last character that is not a space or a line break."""
    index = len(text)
    while index and (
        text[index - 1] in chars.HORIZONTAL_SPACES or text[index - 1] in chars.LINE_BREAKS
    ):
        index -= 1
    return len(_BREAK.findall(text[index:]))


def clean_stream(
    pieces: Iterable[str],
    preset: str = "default",
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    pipeline: Pipeline | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[str]:
    """Clean text that comes in pieces (a file's lines, network chunks) in bounded memory.

    Yields the cleaned text in pieces; joined, they equal ``arclean.clean(text)`` for
    texts up to ``chunk_size`` characters (see the module notes for longer ones).
    """
    pipeline = pipeline or Pipeline.from_preset(
        preset, select=select, ignore=ignore, options=options
    )
    cleaner = StreamCleaner(pipeline, chunk_size)
    for piece in pieces:
        yield from cleaner.feed(piece)
    yield from cleaner.finish()
