"""The ``arclean`` command: a thin click layer over :mod:`arclean.io` and the pipeline."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import click

from arclean import __version__, io
from arclean.errors import ArcleanError
from arclean.filters import FILTERS, Boilerplate
from arclean.pipeline import PRESETS, Pipeline

EXIT_OK, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2

EPILOG = """\b
Examples:
  arclean article.txt > clean.txt        clean one file to stdout
  cat *.txt | arclean --preset safe      artifacts and repeats only, in a pipe
  arclean -o clean.txt article.txt       write a file (atomically)
  arclean --ignore punctuation page.txt  every default filter but one
  arclean --select templates,repeats x   exactly these filters
  arclean --preset web page.html         also leaked CSS/JS and site boilerplate
  arclean --list-filters                 what each filter does

\b
Exit status: 0 success; 2 bad usage or unreadable input (one line on stderr).
"""


def _names(values: Sequence[str]) -> list[str]:
    """Flatten repeatable, comma-separated options: ('a,b', 'c') -> ['a', 'b', 'c']."""
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


class _OneLineErrors(click.Command):
    """Report every usage error and input error as one line on stderr, exit code 2."""

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


def _with_boilerplate(pipeline: Pipeline, phrase_file: str | None, builtin: bool) -> Pipeline:
    """The pipeline with its boilerplate filter reading ``phrase_file``."""
    if not any(isinstance(f, Boilerplate) for f in pipeline.filters):
        raise click.UsageError(
            "--boilerplate-file and --no-builtin-boilerplate need the boilerplate filter "
            "(--preset web, or --select boilerplate)"
        )
    own = Boilerplate(phrase_file=phrase_file, builtin=builtin)
    return Pipeline(own if isinstance(f, Boilerplate) else f for f in pipeline.filters)


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
    "--boilerplate-file",
    metavar="PATH",
    help="More boilerplate phrases, one a line, for the boilerplate filter (--preset web).",
)
@click.option(
    "--builtin-boilerplate/--no-builtin-boilerplate",
    default=True,
    show_default=True,
    help="Use arclean's own boilerplate phrases (off: only --boilerplate-file's).",
)
@click.option("--list-filters", is_flag=True, help="Show every filter and its presets, then exit.")
@click.version_option(__version__, "-V", "--version", prog_name="arclean")
def cli(
    files: tuple[str, ...],
    output: str | None,
    preset: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    boilerplate_file: str | None,
    builtin_boilerplate: bool,
    list_filters: bool,
) -> int:
    """Clean scraped Arabic text: remove markup, template placeholders, invisible marks
    and repeated paragraphs, normalise letters, punctuation and spacing (--preset web:
    also leaked CSS/JavaScript and site boilerplate).

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
        if boilerplate_file is not None or not builtin_boilerplate:
            pipeline = _with_boilerplate(pipeline, boilerplate_file, builtin_boilerplate)
    except ArcleanError as error:
        _fail(str(error))
    sources = list(files) or ["-"]
    if output is not None:
        for source in sources:
            if source != "-" and _same_file(source, output):
                _fail(f"{output}: refusing to overwrite an input file")

    failed = False
    cleaned: list[bytes] = []
    stdout = sys.stdout.buffer
    for source in sources:
        try:
            text = pipeline(_read(source)).encode("utf-8")
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
    return EXIT_ERROR if failed else EXIT_OK


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
