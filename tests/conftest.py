"""Shared paths for the tests: the project's fixtures and the optional real-world corpus."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests: a fixed, generous budget in CI; `HYPOTHESIS_PROFILE=long pytest` runs
# fifty times more examples for a deeper search.
settings.register_profile("ci", max_examples=300, deadline=None)
settings.register_profile(
    "long", max_examples=15_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
# The third-party corpus lives beside the checkout and is never copied into it.
CORPUS = Path(os.environ.get("ARCLEAN_CORPUS", ROOT.parent / "shared" / "corpus"))


def corpus_files(*folders: str) -> list[Path]:
    """Text files of the corpus folders, or [] when the corpus is absent."""
    found: list[Path] = []
    for folder in folders:
        if (CORPUS / folder).is_dir():
            found += sorted(p for p in (CORPUS / folder).iterdir() if p.suffix == ".txt")
    return found


needs_corpus = pytest.mark.skipif(
    not (CORPUS / "docs").is_dir(), reason="the shared corpus is not beside this checkout"
)


@pytest.fixture
def article() -> str:
    """The main fixture: a scraped news article with a placeholder and repeats."""
    return (FIXTURES / "article.txt").read_text(encoding="utf-8")


def invoke(args: list[str], stdin: bytes | None = None) -> tuple[int, bytes, str]:
    """Run the command through click's CliRunner: exit code, stdout bytes, stderr.

    A Python exception that is not a SystemExit is a bug in arclean: it is raised.
    """
    from click.testing import CliRunner

    from arclean.cli import cli

    result = CliRunner().invoke(cli, args, input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout_bytes, result.stderr


class _VisibleText(HTMLParser):
    """The text a browser shows: character data outside <script> and <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.hidden += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(text: str) -> str:
    """An independent oracle for what markup removal must keep.

    The standard library's HTML parser gives the text outside tags, comments, scripts
    and styles (pieces joined by spaces); MediaWiki templates with an ASCII name
    ({{DISPLAYTITLE:...}}) are metadata and go too. Plain text comes back as it is.
    """
    parser = _VisibleText()
    parser.feed(text)
    parser.close()
    return re.sub(r"\{\{#?[A-Za-z][^{}\n]*\}\}", " ", " ".join(parser.parts))
