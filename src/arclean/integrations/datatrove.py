"""A datatrove pipeline step that cleans ``document.text`` with arclean.

Install with ``pip install 'arclean[datatrove]'``; the same step then runs on
datatrove's local, Slurm or Ray executors::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from arclean.integrations.datatrove import ArcleanFormatter

    LocalPipelineExecutor(
        pipeline=[
            JsonlReader("raw/"),
            ArcleanFormatter(preset="default"),
            JsonlWriter("clean/"),
        ],
        tasks=2,
    ).run()

Each filter's counts land in datatrove's stats as ``arclean/<filter>/<change>``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.formatters.base import BaseFormatter

from arclean.pipeline import Pipeline


class ArcleanFormatter(BaseFormatter):  # type: ignore[misc]
    """Clean every document's text with an arclean preset or a given Pipeline."""

    name = "🧹 arclean"

    def __init__(
        self,
        preset: str = "default",
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        options: Mapping[str, Mapping[str, Any]] | None = None,
        pipeline: Pipeline | None = None,
    ) -> None:
        super().__init__()
        self.pipeline = pipeline or Pipeline.from_preset(
            preset, select=select, ignore=ignore, options=options
        )

    def format(self, text: str) -> str:
        """The cleaned text (what :meth:`run` stores back in the document)."""
        return self.pipeline(text)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        state: dict[str, Any] = {}  # shared by the documents of this task (stream scope)
        for document in data:
            self.stat_update("total")
            with self.track_time():
                report = self.pipeline.run(document.text, state=state)
            for filter_name, changes in report.stats.items():
                for kind, count in changes.items():
                    self.stat_update(f"arclean/{filter_name}/{kind}", value=count)
            if report.text != document.text:
                self.stat_update("changed")
            document.text = report.text
            yield document
