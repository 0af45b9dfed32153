"""Golden files: fixtures/<name>.txt cleaned must equal fixtures/<name>.clean.txt, byte for byte.

The expected files are written and checked by a person; see fixtures/README.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import arclean
from tests.conftest import FIXTURES

GOLDEN = sorted(p for p in FIXTURES.glob("*.txt") if not p.name.endswith(".clean.txt"))


@pytest.mark.parametrize("source", GOLDEN, ids=lambda p: p.stem)
def test_golden(source: Path) -> None:
    expected = source.with_suffix(".clean.txt").read_bytes()
    got = arclean.clean(source.read_text(encoding="utf-8")).encode("utf-8")
    assert got == expected


def test_article_expected_output_is_what_the_issue_describes(article: str) -> None:
    # Independent of the golden file: the six paragraphs once each, in order, and the
    # placeholder gone. The article's first six lines are its six paragraphs.
    paragraphs = article.split("\n")[:6]
    cleaned = arclean.clean(article)
    assert cleaned == "\n".join(paragraphs) + "\n"
    assert "{{" not in cleaned


@pytest.mark.parametrize("preset", ["default", "safe"])
def test_article_is_idempotent(article: str, preset: str) -> None:
    once = arclean.clean(article, preset)
    assert arclean.clean(once, preset) == once


def test_golden_fixture_is_the_shared_article_unchanged() -> None:
    shared = FIXTURES.parent.parent / "shared" / "fixtures" / "article.txt"
    if not shared.exists():
        pytest.skip("shared fixtures are not beside this checkout")
    assert (FIXTURES / "article.txt").read_bytes() == shared.read_bytes()
