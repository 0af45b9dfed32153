"""Drop paragraphs that repeat one already kept earlier in the document."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from arclean import chars
from arclean.filters.base import Counts, Filter, counts

# Split on every line break the whitespace filter knows, keeping the breaks, so a
# dropped line takes its own break with it and other line ends are left as they were.
_LINES = re.compile(f"(\\r\\n|{chars.char_class(chars.LINE_BREAKS)})")


def paragraph_key(line: str) -> bytes:
    """A fixed-size fingerprint of a paragraph's whitespace-folded text.

    Sixteen bytes of BLAKE2b: memory stays bounded however long the paragraphs are,
    and a collision between two different paragraphs is out of practical reach.

    >>> paragraph_key("قال  إنه\\t جاء") == paragraph_key(" قال إنه جاء ")
    True
    """
    folded = " ".join(line.split())
    return hashlib.blake2b(folded.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def drop_repeats(text: str) -> str:
    """Drop every non-blank line whose folded text already appeared earlier.

    >>> drop_repeats("أ ب ج\\nد\\nأ  ب ج\\n")
    'أ ب ج\\nد\\n'
    """
    return Repeats().apply(text)[0]


@dataclass(frozen=True)
class Repeats(Filter):
    """Keep the first occurrence of each paragraph (a non-blank line) and drop the rest.

    Paragraphs are compared after folding whitespace. Blank lines are kept, so blocks
    separated by blank lines keep their layout; the whitespace filter then closes any
    gap a dropped block leaves.
    """

    name = "repeats"
    description = "Drop paragraphs that repeat an earlier paragraph of the same document."
    lossless = True

    def apply(self, text: str) -> tuple[str, Counts]:
        parts = _LINES.split(text)  # [line, break, line, break, ..., line]
        seen: set[bytes] = set()
        kept: list[str] = []
        paragraphs = dropped = 0
        for i in range(0, len(parts), 2):
            line = parts[i]
            line_break = parts[i + 1] if i + 1 < len(parts) else ""
            if line and not line.isspace():
                paragraphs += 1
                key = paragraph_key(line)
                if key in seen:
                    dropped += 1
                    continue
                seen.add(key)
            kept.append(line)
            kept.append(line_break)
        if not dropped:
            return text, counts(paragraphs_seen=paragraphs)
        return "".join(kept), counts(paragraphs_seen=paragraphs, paragraphs_dropped=dropped)
