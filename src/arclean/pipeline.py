"""Compose filters, count what each one changed, and name the presets."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

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
        options: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> Pipeline:
        """Build the pipeline a preset names, in canonical order.

        ``select`` replaces the preset's set with exactly these filters; ``ignore``
        takes filters away. ``options`` sets filter options by filter name, over the
        preset's own (``{"digits": {"to": "latin"}}``).

        >>> [f.name for f in Pipeline.from_preset("safe").filters]
        ['markup', 'invisible', 'templates', 'repeats', 'whitespace']
        """
        frozen_options = tuple(
            (name, tuple(sorted(values.items()))) for name, values in (options or {}).items()
        )
        return _cached_pipeline(
            preset,
            None if select is None else tuple(select),
            () if ignore is None else tuple(ignore),
            frozen_options,
        )

    def run(self, text: str, *, state: dict[str, Any] | None = None) -> Report:
        """Clean ``text`` and return it with each filter's counts.

        ``state`` is where filters that remember across documents keep what they saw
        (``repeats`` with ``scope="stream"``): pass the same dict for every document
        of one run. Without it each text is cleaned on its own.
        """
        if not isinstance(text, str):
            raise TypeError(f"arclean cleans str, not {type(text).__name__}")
        state = {} if state is None else state
        stats: dict[str, Counts] = {}
        for f in self.filters:
            text, stats[f.name] = f.apply_in(text, state)
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
    """A named set of filters, with the options it gives some of them."""

    name: str
    description: str
    filters: tuple[str, ...]
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


_LOSSLESS = tuple(f.name for f in FILTERS if f.lossless)
# Judged by the shape of whole lines: right for scraped web pages, not for every text.
_WEB_ONLY = ("code-leaks", "boilerplate")
_DEFAULT = tuple(name for name in _LOSSLESS if name not in _WEB_ONLY)
PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "default",
            "Every lossless fix: artifacts, repeats, letters, punctuation. No spelling change.",
            _DEFAULT,
        ),
        Preset(
            "safe",
            "Remove artifacts and repeats only; no letter or punctuation changes.",
            ("markup", "invisible", "templates", "repeats", "whitespace"),
        ),
        Preset(
            "search",
            "default plus lossy folding for search and matching: diacritics, alef, alef "
            "maksura, teh marbuta, hamza seats, Latin digits.",
            (*_DEFAULT, "diacritics", "alef", "alef-maksura", "teh-marbuta", "hamza", "digits"),
            {"digits": {"to": "latin"}},
        ),
        Preset(
            "web",
            "default plus leaked CSS/JavaScript and site boilerplate lines, for web pages.",
            tuple(name for name in _LOSSLESS if name in _DEFAULT or name in _WEB_ONLY),
        ),
    )
}


def _check_names(names: Sequence[str], known: Iterable[str], kind: str) -> None:
    known = list(known)
    for name in names:
        if name not in known:
            raise UnknownNameError(f"unknown {kind} {name!r} (choose from: {', '.join(known)})")


def _make(cls: type[Filter], options: Mapping[str, Any]) -> Filter:
    known = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    for key in options:
        if key not in known:
            choices = ", ".join(sorted(known)) or "none"
            raise UnknownNameError(f"unknown option {cls.name}.{key} (options: {choices})")
    try:
        return cls(**options)
    except (TypeError, ValueError) as error:
        raise UnknownNameError(f"bad option for {cls.name}: {error}") from None


@functools.lru_cache(maxsize=64)
def _cached_pipeline(
    preset: str,
    select: tuple[str, ...] | None,
    ignore: tuple[str, ...],
    options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...],
) -> Pipeline:
    _check_names([preset], PRESETS, "preset")
    _check_names(select or (), FILTERS_BY_NAME, "filter")
    _check_names(ignore, FILTERS_BY_NAME, "filter")
    _check_names([name for name, _ in options], FILTERS_BY_NAME, "filter")
    chosen = set(PRESETS[preset].filters if select is None else select) - set(ignore)
    merged: dict[str, dict[str, Any]] = {n: dict(o) for n, o in PRESETS[preset].options.items()}
    for name, values in options:
        merged.setdefault(name, {}).update(values)
    return Pipeline(_make(f, merged.get(f.name, {})) for f in FILTERS if f.name in chosen)
