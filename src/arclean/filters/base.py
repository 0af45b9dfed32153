"""The filter interface every arclean filter implements."""

from __future__ import annotations

import abc
from collections.abc import Callable
from typing import Any, ClassVar

Counts = dict[str, int]
"""What a filter changed, by kind: ``{"placeholders_removed": 1}``. Zero counts are left out."""


class Filter(abc.ABC):
    """One cleaning step: a pure function from text to text, with counts of its changes.

    Concrete filters are frozen dataclasses whose fields are their keyword options, so
    they are hashable, picklable and safe to share between threads and processes.

    >>> from arclean.filters import Tatweel
    >>> Tatweel().apply("اللـــه")
    ('الله', {'chars_removed': 3})
    """

    name: ClassVar[str]
    """Kebab-case name, also the command-line and configuration key."""
    description: ClassVar[str]
    """One line saying what the filter does."""
    lossless: ClassVar[bool]
    """True when the filter changes no spelling (only artifacts, forms and spacing)."""
    example: ClassVar[str] = ""
    """A short input the filter changes, shown by ``arclean --explain``."""

    @abc.abstractmethod
    def apply(self, text: str) -> tuple[str, Counts]:
        """Return the cleaned text and the counts of what changed."""

    def apply_in(self, text: str, state: dict[str, Any]) -> tuple[str, Counts]:
        """Like :meth:`apply`, for a filter that may remember across documents in
        ``state`` (a dict the caller keeps for one run). Most filters ignore it."""
        return self.apply(text)

    def __call__(self, text: str) -> str:
        """Apply the filter and return only the text."""
        return self.apply(text)[0]


def counts(**kinds: int) -> Counts:
    """Build a :data:`Counts`, leaving out the kinds that did not happen.

    >>> counts(removed=2, mapped=0)
    {'removed': 2}
    """
    return {kind: n for kind, n in kinds.items() if n}


def settle(
    step: Callable[[str], tuple[str, Counts]], text: str, *, max_passes: int = 4
) -> tuple[str, Counts]:
    """Run ``step`` until the text stops changing, adding up the counts of every pass.

    Cutting one artifact out can join its neighbours into another (``<<b>p>`` becomes
    ``<p>``); running again until nothing changes is what keeps such a filter
    idempotent. Text that has not settled after ``max_passes`` comes back unchanged:
    only contrived input nests that deep, and keeping it is the safe choice. Either
    way a second call changes nothing, and the work stays linear in the text.

    >>> settle(lambda t: (t.replace("ab", ""), {"cut": t.count("ab")}), "aabbc")
    ('c', {'cut': 2})
    >>> settle(lambda t: (t.replace("ab", ""), {}), "a" * 9 + "b" * 9)
    ('aaaaaaaaabbbbbbbbb', {})
    """
    total: Counts = {}
    current = text
    for _ in range(max_passes + 1):
        new, changed = step(current)
        if new == current:
            return current, total
        for kind, n in changed.items():
            total[kind] = total.get(kind, 0) + n
        current = new
    return text, {}
