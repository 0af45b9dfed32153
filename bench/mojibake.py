"""Throughput of the mojibake filter: clean text (the common case) and each misreading.

    python bench/mojibake.py [MEGABYTES]

Clean text is the fixture article plus, when it is beside the checkout, the shared
corpus (its mojibake excerpt left out), repeated to MEGABYTES of UTF-8 (default 20). The
figures are MB of UTF-8 input per second on one core, best of three runs.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from arclean.filters import Mojibake

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("ARCLEAN_CORPUS", ROOT.parent / "shared" / "corpus"))


def clean_text() -> str:
    parts = [(ROOT / "fixtures" / "article.txt").read_text(encoding="utf-8")]
    for folder in ("docs", "hard_cases"):
        if (CORPUS / folder).is_dir():
            for path in sorted((CORPUS / folder).glob("*.txt")):
                if "mojibake" not in path.name:
                    parts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


def best_rate(run: Callable[[], object], megabytes: float, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return megabytes / best


def main() -> None:
    target = float(sys.argv[1]) if len(sys.argv) > 1 else 20.0
    base = clean_text()
    text = base * max(1, round(target * 1e6 / len(base.encode("utf-8"))))
    mb = len(text.encode("utf-8")) / 1e6
    f = Mojibake()
    print(f"clean text, {mb:.1f} MB: {best_rate(lambda: f.apply(text), mb):,.0f} MB/s")

    article = (ROOT / "fixtures" / "article.txt").read_text(encoding="utf-8") * 50
    broken = {
        "UTF-8 read as Windows-1252": article.encode().decode("cp1252", "replace"),
        "UTF-8 read as Latin-1": article.encode().decode("latin-1"),
        "UTF-8 read as Windows-1256": article.encode().decode("cp1256"),
        "Windows-1256 read as Latin-1": article.encode("cp1256").decode("latin-1"),
    }
    mb = len(article.encode("utf-8")) / 1e6
    for name, sample in broken.items():
        assert f.apply(sample)[0] == article, name
        rate = best_rate(lambda s=sample: f.apply(s), mb, repeat=1)  # type: ignore[misc]
        print(f"{name}, {mb:.1f} MB repaired: {rate:,.1f} MB/s")


if __name__ == "__main__":
    main()
