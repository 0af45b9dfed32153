"""Compose filters, count what each one changed, and name the presets."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from arclean.errors import UnknownNameError
from arclean.filters import FILTERS, FILTERS_BY_NAME, Counts, Filter


@dataclass(frozen=True)
class Report:
    """The cleaned text and, per filter in the order they ran, the counts of its changes.

    >>> report = Pipeline.from_preset("safe").run("نص\\u200f  هنا")
    >>> report.text, report.stats["invisible"]
    ('نص هنا\\n', {'chars_removed': 1})
    """

    text: str
    stats: dict[str, Counts] = field(default_factory=dict)

    @property
    def changes(self) -> int:
        """The total of every count except the informational ``*_seen`` ones."""
        return sum(
            n for c in self.stats.values() for kind, n in c.items() if not kind.endswith("_seen")
        )


class Pipeline:
    """Run filters in the given order over a text.

    >>> from arclean.filters import Tatweel, Whitespace
    >>> Pipeline([Tatweel(), Whitespace()])("اللـه  أكبر")
    'الله أكبر\\n'
    """

    def __init__(self, filters: Iterable[Filter]) -> None:
        self.filters: tuple[Filter, ...] = tuple(filters)

    @classmethod
    def from_preset(
        cls,
        preset: str = "default",
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
    ) -> Pipeline:
        """Build the pipeline a preset names, in canonical order.

        ``select`` replaces the preset's set with exactly these filters; ``ignore``
        takes filters away. Both accept any iterable of names.
        """
        return _cached_pipeline(
            preset,
            None if select is None else tuple(select),
            () if ignore is None else tuple(ignore),
        )

    def run(self, text: str) -> Report:
        """Clean ``text`` and return it with each filter's counts."""
        if not isinstance(text, str):
            raise TypeError(f"arclean cleans str, not {type(text).__name__}")
        stats: dict[str, Counts] = {}
        for f in self.filters:
            text, stats[f.name] = f.apply(text)
        return Report(text, stats)

    def __call__(self, text: str) -> str:
        return self.run(text).text

    def __repr__(self) -> str:
        return f"Pipeline({list(self.filters)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pipeline) and self.filters == other.filters

    def __hash__(self) -> int:
        return hash(self.filters)


@dataclass(frozen=True)
class Preset:
    """A named set of filters."""

    name: str
    description: str
    filters: tuple[str, ...]


_ALL = tuple(f.name for f in FILTERS)
# Judged by the shape of whole lines: right for scraped web pages, not for every text.
_WEB_ONLY = ("code-leaks", "boilerplate")
PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "default",
            "Every lossless fix: artifacts, repeats, letters, punctuation.",
            tuple(name for name in _ALL if name not in _WEB_ONLY),
        ),
        Preset(
            "safe",
            "Remove artifacts and repeats only; no letter or punctuation changes.",
            ("markup", "invisible", "templates", "repeats", "whitespace"),
        ),
        Preset("web", "default, plus leaked CSS/JavaScript and site boilerplate lines.", _ALL),
    )
}


def _check_names(names: Sequence[str], known: Iterable[str], kind: str) -> None:
    known = list(known)
    for name in names:
        if name not in known:
            raise UnknownNameError(f"unknown {kind} {name!r} (choose from: {', '.join(known)})")


@functools.lru_cache(maxsize=64)
def _cached_pipeline(
    preset: str, select: tuple[str, ...] | None, ignore: tuple[str, ...]
) -> Pipeline:
    _check_names([preset], PRESETS, "preset")
    _check_names(select or (), FILTERS_BY_NAME, "filter")
    _check_names(ignore, FILTERS_BY_NAME, "filter")
    chosen = set(PRESETS[preset].filters if select is None else select) - set(ignore)
    return Pipeline(f() for f in FILTERS if f.name in chosen)
