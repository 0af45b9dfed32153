"""The README stays true: its set-up commands, its filter table and its presets."""

from __future__ import annotations

import re

import arclean
from arclean.filters import FILTERS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
TEST_COMMAND = "pip install -e '.[test]' && pytest"


def test_readme_opens_with_the_two_setup_commands() -> None:
    first_lines = README.splitlines()[:12]
    assert "    pip install . && arclean fixtures/article.txt" in first_lines
    assert f"    {TEST_COMMAND}" in first_lines


def test_ci_runs_the_readme_test_command() -> None:
    assert TEST_COMMAND in CI.splitlines()


def test_filter_table_lists_every_filter_with_its_presets() -> None:
    rows = {m[1]: m[2] for m in re.finditer(r"^\| `([a-z-]+)` \|.*\| (yes|no) \|", README, re.M)}
    assert list(rows) == [f.name for f in FILTERS]
    for f in FILTERS:
        assert rows[f.name] == ("yes" if f.lossless else "no")
        row = next(line for line in README.splitlines() if line.startswith(f"| `{f.name}` |"))
        presets = {p.strip() for p in row.rsplit("|", 2)[-2].split(",") if p.strip()}
        assert presets == {p.name for p in arclean.PRESETS.values() if f.name in p.filters}


def test_preset_table_names_every_preset() -> None:
    for name in arclean.PRESETS:
        assert f"| `{name}` |" in README


def test_readme_help_block_is_current() -> None:
    from click.testing import CliRunner

    from arclean.cli import cli

    block = README.split("### `arclean --help`\n\n```text\n", 1)[1].split("\n```", 1)[0]
    live = CliRunner().invoke(cli, ["--help"], terminal_width=100, prog_name="arclean")
    assert block == live.output.rstrip("\n"), "README's help block is stale: paste the new --help"


def test_pre_commit_hooks_run_the_command() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "entry: arclean --check" in hooks and "entry: arclean --in-place" in hooks
