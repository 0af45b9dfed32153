"""The ``arclean`` command: a thin click layer over :mod:`arclean.io` and the pipeline."""

from __future__ import annotations

import json
import os
import signal
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Any, NoReturn

import click

from arclean import __version__, io
from arclean.errors import ArcleanError
from arclean.filters import FILTERS
from arclean.pipeline import PRESETS, Pipeline

EXIT_OK, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2

EPILOG = """\b
Examples:
  arclean article.txt > clean.txt        clean one file to stdout
  cat *.txt | arclean --preset safe      artifacts and repeats only, in a pipe
  arclean -o clean.txt article.txt       write a file (atomically)
  arclean --ignore punctuation page.txt  every default filter but one
  arclean --select templates,repeats x   exactly these filters
  arclean --list-filters                 what each filter does

\b
Exit status: 0 success; 2 bad usage or unreadable input (one line on stderr).
"""


def _names(values: Sequence[str]) -> list[str]:
    """Flatten repeatable, comma-separated options: ('a,b', 'c') -> ['a', 'b', 'c']."""
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


class _OneLineErrors(click.Command):
    """Report every usage error and input error as one line on stderr, exit code 2."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # A bare --stats means --stats=table; click would take the next word (a file
        # name) as its value. Words after "--" are file names and stay as they are.
        end = args.index("--") if "--" in args else len(args)
        args = [("--stats=table" if a == "--stats" else a) for a in args[:end]] + args[end:]
        return super().parse_args(ctx, args)

    def main(self, *args: Any, **kwargs: Any) -> NoReturn:
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.ClickException as error:
            _fail(error.format_message())
        except click.Abort:
            click.echo("arclean: interrupted", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else EXIT_OK)


def _fail(message: str) -> NoReturn:
    click.echo(f"arclean: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _print_filters() -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="arclean filters, in canonical order")
    for column in ("name", "description", "lossless", "presets"):
        table.add_column(column)
    for f in FILTERS:
        presets = ", ".join(p.name for p in PRESETS.values() if f.name in p.filters)
        table.add_row(f.name, f.description, "yes" if f.lossless else "no", presets)
    Console().print(table)


def _read(source: str) -> str:
    if source == "-":
        return io.decode(sys.stdin.buffer.read(), "<stdin>")
    return io.decode(io.read_bytes(source), source)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


@click.command(
    cls=_OneLineErrors,
    epilog=EPILOG,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.argument("files", nargs=-1, metavar="[FILE]...")
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="Write the cleaned text to PATH (atomically) instead of stdout.",
)
@click.option(
    "-p",
    "--preset",
    default="default",
    show_default=True,
    metavar="NAME",
    help=f"Filter set: {', '.join(PRESETS)}.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="NAMES",
    help="Run exactly these filters instead of the preset's (repeatable, comma-separated).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="NAMES",
    help="Leave these filters out (repeatable, comma-separated).",
)
@click.option(
    "--stats",
    type=click.Choice(["table", "json"]),
    default=None,
    metavar="[=json]",
    help="Report what each filter changed on stderr: a table, or JSON with --stats=json.",
)
@click.option("--list-filters", is_flag=True, help="Show every filter and its presets, then exit.")
@click.version_option(__version__, "-V", "--version", prog_name="arclean")
def cli(
    files: tuple[str, ...],
    output: str | None,
    preset: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    stats: str | None,
    list_filters: bool,
) -> int:
    """Clean scraped Arabic text: remove template placeholders, invisible marks and
    repeated paragraphs, normalise letters, punctuation and spacing.

    Reads each FILE (or stdin when there is none, or for -) and writes the cleaned
    text to stdout. Several files are cleaned one by one and written in order.
    """
    if list_filters:
        _print_filters()
        return EXIT_OK
    try:
        pipeline = Pipeline.from_preset(
            preset, select=_names(select) if select else None, ignore=_names(ignore)
        )
    except ArcleanError as error:
        _fail(str(error))
    sources = list(files) or ["-"]
    if output is not None:
        for source in sources:
            if source != "-" and _same_file(source, output):
                _fail(f"{output}: refusing to overwrite an input file")

    failed = False
    cleaned: list[bytes] = []
    totals: dict[str, Counter[str]] = {f.name: Counter() for f in pipeline.filters}
    state: dict[str, Any] = {}
    stdout = sys.stdout.buffer
    for source in sources:
        try:
            report = pipeline.run(_read(source), state=state)
            text = report.text.encode("utf-8")
            for name, changes in report.stats.items():
                totals[name].update(changes)
        except ArcleanError as error:
            click.echo(f"arclean: error: {error}", err=True)
            failed = True
            continue
        if output is None:
            stdout.write(text)
            stdout.flush()
        else:
            cleaned.append(text)
    if output is not None and not failed:
        try:
            io.atomic_write(output, b"".join(cleaned))
        except ArcleanError as error:
            _fail(str(error))
    if stats:
        _print_stats({name: dict(c) for name, c in totals.items()}, stats)
    return EXIT_ERROR if failed else EXIT_OK


def _print_stats(totals: dict[str, dict[str, int]], style: str) -> None:
    """Each filter's counts on stderr, as a table or as JSON."""
    if style == "json":
        click.echo(json.dumps(totals, ensure_ascii=False), err=True)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="arclean: what each filter changed")
    for column in ("filter", "change", "count"):
        table.add_column(column, justify="right" if column == "count" else "left")
    for name, changes in totals.items():
        for kind, n in changes.items():
            table.add_row(name, kind.replace("_", " "), str(n))
        if not changes:
            table.add_row(name, "-", "0", style="dim")
    Console(stderr=True).print(table)


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Entry point of the ``arclean`` console script."""
    if hasattr(signal, "SIGPIPE"):
        # Die quietly when the reader of a pipe goes away (`arclean big.txt | head`),
        # as cat and grep do, instead of printing a BrokenPipeError traceback.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        cli.main(args=argv, prog_name="arclean")
    except KeyboardInterrupt:
        sys.exit(130)
