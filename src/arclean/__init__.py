"""arclean: turn scraped Arabic text into clean text.

>>> import arclean
>>> arclean.clean("قال {{ author.name }} إن  السلام ,عليكم\\n")
'قال إن السلام، عليكم\\n'
>>> arclean.read_text("نص".encode("cp1256"))  # bytes or a path, encoding found out
'نص'
"""

from __future__ import annotations

from collections.abc import Iterable

from arclean.errors import ArcleanError, InputError, OutputError, UnknownNameError
from arclean.io import read_text
from arclean.pipeline import PRESETS, Pipeline, Report
from arclean.stream import StreamCleaner, clean_stream

__version__ = "0.1.0"


def clean_report(
    text: str,
    preset: str = "default",
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> Report:
    """Clean ``text`` and return a :class:`Report` with each filter's counts.

    >>> clean_report("اللـه", select=["tatweel"]).stats
    {'tatweel': {'chars_removed': 1}}
    """
    return Pipeline.from_preset(preset, select=select, ignore=ignore).run(text)


def clean(
    text: str,
    preset: str = "default",
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> str:
    """Clean ``text`` with a preset (``default``, ``safe``, ``search`` or ``web``).

    ``select`` runs exactly the named filters (in canonical order) instead of the
    preset's; ``ignore`` leaves the named filters out.

    >>> clean("مرحبا\\u200b  بكم")
    'مرحبا بكم\\n'
    """
    return clean_report(text, preset, select, ignore).text


__all__ = [
    "PRESETS",
    "ArcleanError",
    "InputError",
    "OutputError",
    "Pipeline",
    "Report",
    "StreamCleaner",
    "UnknownNameError",
    "__version__",
    "clean",
    "clean_report",
    "clean_stream",
    "read_text",
]
