"""The ``arclean`` command: a thin click layer over io, config, runner and the pipeline."""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import functools
import json
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from arclean import __version__, config, io
from arclean.errors import ArcleanError, ConfigError, OutputError
from arclean.filters import FILTERS, FILTERS_BY_NAME
from arclean.pipeline import PRESETS, Pipeline
from arclean.runner import (
    Outcome,
    Sink,
    Source,
    clean_sources,
    find_sources,
    stream_sources,
    write_outcome,
)

EXIT_OK, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2

EPILOG = """\b
Examples:
  arclean article.txt > clean.txt         clean one file to stdout
  cat *.txt | arclean --preset search     in a pipe, folded for search
  arclean -i corpus/                      clean every *.txt under corpus/, in place
  arclean -o clean/ corpus/               write cleaned copies, mirroring the tree
  arclean --check --diff corpus/          show what would change; exit 1 if anything
  arclean --jsonl --field text data.jsonl clean one field of each JSON Lines record
  arclean -j 0 -o out/ corpus/            use every core
  arclean --stats article.txt >/dev/null  a table of what each filter changed
  arclean --explain repeats               what a filter does, its options, an example
  arclean --encoding cp1256 old.txt       read a file whose encoding you know
  arclean --preset web page.html          a web page: also leaked CSS/JS and boilerplate

\b
Exit status: 0 success; 1 --check found something to clean; 2 usage, configuration or
input error (one line on stderr for each).
"""

# Sections of --help, in order, and the options in each.
HELP_SECTIONS = {
    "Input and output": [
        "output", "in_place", "concat", "glob", "encoding", "output_encoding", "errors",
        "jsonl", "field", "strict", "jobs", "fail_fast",
    ],
    "Filters": [
        "preset", "select", "ignore", "option", "boilerplate_file", "builtin_boilerplate",
        "config_file", "isolated",
    ],
    "Checking": ["check", "diff"],
    "Reports": ["stats", "verbose"],
    "Information": [
        "list_filters", "list_presets", "explain", "show_config", "version", "help",
    ],
}  # fmt: skip


def _names(values: Sequence[str]) -> list[str]:
    """Flatten repeatable, comma-separated options: ('a,b', 'c') -> ['a', 'b', 'c']."""
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


class _Command(click.Command):
    """One-line errors with exit code 2, and a --help grouped in sections."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # A bare --stats means --stats=table; click would take the next word (a file
        # name) as its value. Words after "--" are file names and stay as they are.
        end = args.index("--") if "--" in args else len(args)
        args = [("--stats=table" if a == "--stats" else a) for a in args[:end]] + args[end:]
        return super().parse_args(ctx, args)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = {p.name: p.get_help_record(ctx) for p in self.get_params(ctx)}
        for title, names in HELP_SECTIONS.items():
            rows = [records[n] for n in names if records.get(n)]
            with formatter.section(title):
                formatter.write_dl([r for r in rows if r is not None])

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # Past click, which would print an empty line before our message.
            raise _Interrupted from None

    def main(self, *args: Any, **kwargs: Any) -> NoReturn:
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.ClickException as error:
            _fail(error.format_message())
        except (click.Abort, _Interrupted):
            click.echo("arclean: interrupted", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else EXIT_OK)


class _Interrupted(Exception):
    """Ctrl-C (or SIGTERM) while cleaning: every output file was discarded or is whole."""


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _fail(message: str) -> NoReturn:
    click.echo(f"arclean: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _error(message: str) -> None:
    click.echo(f"arclean: error: {message}", err=True)


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr)


def _print_filters() -> None:
    from rich.table import Table

    table = Table(title="arclean filters, in canonical order")
    for column in ("name", "description", "lossless", "presets"):
        table.add_column(column)
    for f in FILTERS:
        presets = ", ".join(p.name for p in PRESETS.values() if f.name in p.filters)
        table.add_row(f.name, f.description, "yes" if f.lossless else "no", presets)
    _console().print(table)


def _print_presets() -> None:
    from rich.table import Table

    table = Table(title="arclean presets")
    for column in ("preset", "description", "filters", "options"):
        table.add_column(column)
    for p in PRESETS.values():
        options = "; ".join(
            f"{name}.{key}={value}"
            for name, values in p.options.items()
            for key, value in values.items()
        )
        table.add_row(p.name, p.description, ", ".join(p.filters), options)
    _console().print(table)


def _explain(name: str) -> None:
    if name not in FILTERS_BY_NAME:
        raise ConfigError(f"unknown filter {name!r} (choose from: {', '.join(FILTERS_BY_NAME)})")
    cls = FILTERS_BY_NAME[name]
    flt = cls()
    presets = [p.name for p in PRESETS.values() if name in p.filters] or ["none (opt-in)"]
    lines = [
        f"{name}: {cls.description}",
        f"lossless: {'yes' if cls.lossless else 'no'}; presets: {', '.join(presets)}",
        "",
        *(line.strip() for line in (cls.__doc__ or "").strip().splitlines()),
        "",
        "options:" if config.option_types(name) else "options: none",
    ]
    for key, kind in config.option_types(name).items():
        default = getattr(flt, key)
        lines.append(f"  {name}.{key} = {default!r}  ({getattr(kind, '__name__', kind)})")
    if cls.example:
        lines += ["", "example:", f"  before: {cls.example!r}", f"  after:  {flt(cls.example)!r}"]
    click.echo("\n".join(lines))


def _settings(
    config_file: str | None,
    isolated: bool,
    preset: str | None,
    select: Sequence[str],
    ignore: Sequence[str],
    options: Sequence[str],
) -> config.Settings:
    if isolated:
        base = config.Settings()
    elif config_file:
        base = config.load_config(Path(config_file))
    else:
        found = config.find_config(Path.cwd())
        base = config.load_config(found) if found else config.Settings()
    return config.resolve(
        base,
        preset=preset,
        select=_names(select) or None,
        ignore=_names(ignore) or None,
        options=[config.parse_option(o) for o in options],
    )


def _with_boilerplate_flags(
    settings: config.Settings, phrase_file: str | None, builtin: bool | None
) -> config.Settings:
    """--boilerplate-file and --[no-]builtin-boilerplate, as the boilerplate filter's
    options (also reachable as --option boilerplate.phrase_file=PATH)."""
    flags: dict[str, Any] = {}
    if phrase_file is not None:
        flags["phrase_file"] = phrase_file
    if builtin is not None:
        flags["builtin"] = builtin
    if not flags:
        return settings
    preset = PRESETS.get(settings.preset)
    chosen = settings.select if settings.select is not None else preset.filters if preset else ()
    if preset is not None and ("boilerplate" not in chosen or "boilerplate" in settings.ignore):
        raise ConfigError(
            "--boilerplate-file and --[no-]builtin-boilerplate need the boilerplate filter "
            "(--preset web, or --select boilerplate)"
        )
    options = {name: dict(values) for name, values in settings.options.items()}
    options.setdefault("boilerplate", {}).update(flags)
    return dataclasses.replace(settings, options=options)


def _read(source: str, encoding: str = "auto", errors: str = "strict") -> str:
    if source == "-":
        return io.decode(sys.stdin.buffer.read(), "<stdin>", encoding, errors)
    return io.decode(io.read_bytes(source), source, encoding, errors)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _diff(outcome: Outcome) -> str:
    name = outcome.source.name
    return "".join(
        difflib.unified_diff(
            outcome.original.splitlines(keepends=True),
            outcome.cleaned.splitlines(keepends=True),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
    )


def _print_diff(text: str) -> None:
    if sys.stdout.isatty():
        from rich.syntax import Syntax

        _console().print(Syntax(text, "diff", theme="ansi_dark", word_wrap=True))
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _print_stats(totals: dict[str, dict[str, int]], per_file: dict[str, Any], style: str) -> None:
    """Each filter's counts on stderr, as a table or as JSON."""
    if style == "json":
        data: Any = {"total": totals, "files": per_file} if per_file else totals
        click.echo(json.dumps(data, ensure_ascii=False), err=True)
        return
    from rich.table import Table

    tables = [*((f"arclean: {path}", stats) for path, stats in per_file.items())]
    tables.append(("arclean: what each filter changed", totals))
    console = _console(stderr=True)
    for title, stats in tables:
        table = Table(title=title)
        for column in ("filter", "change", "count"):
            table.add_column(column, justify="right" if column == "count" else "left")
        for name, changes in stats.items():
            for kind, n in changes.items():
                table.add_row(name, kind.replace("_", " "), str(n))
            if not changes:
                table.add_row(name, "-", "0", style="dim")
        console.print(table)


@dataclasses.dataclass(frozen=True)
class _Sinks:
    """Where each source's cleaned text goes; picklable, for worker processes."""

    writing: bool
    output: str | None
    in_place: bool
    output_is_dir: bool
    encoding: str
    errors: str
    stdout_encoder: io.Encoder  # one for the whole of stdout: a UTF-16 BOM comes once

    def __call__(self, source: Source) -> Sink:
        if not self.writing:
            return _NullSink()
        target = _target(source, self.output, self.in_place, self.output_is_dir)
        if target is None:
            return _StdoutSink(self.stdout_encoder, source.name)
        # Each file gets its own encoder: a UTF-16 file starts with its own BOM.
        encoder = io.Encoder(self.encoding, self.errors)
        return _FileSink(target, encoder, source.name, only_if_changed=self.in_place)


class _NullSink:
    """--check and --diff write nothing."""

    def write(self, text: str) -> None:
        pass

    def close(self, changed: bool) -> None:
        pass

    def abort(self) -> None:
        pass


class _StdoutSink(_NullSink):
    def __init__(self, encoder: io.Encoder, name: str) -> None:
        self.encoder, self.name = encoder, name

    def write(self, text: str) -> None:
        data = self.encoder(text, self.name)
        try:
            sys.stdout.buffer.write(data)
        except OSError as error:
            raise _stdout_failed(error) from None

    def close(self, changed: bool) -> None:
        try:
            sys.stdout.buffer.flush()
        except OSError as error:
            raise _stdout_failed(error) from None


def _stdout_failed(error: OSError) -> OutputError:
    """A full disk behind stdout (``> /dev/full``): one line, not a traceback."""
    # What stays buffered can never be written: send it to /dev/null, so that Python's
    # flush at exit does not fail again and print a traceback after the message.
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return OutputError(f"<stdout>: cannot write ({error.strerror or error})")


class _FileSink(_NullSink):
    """A file written atomically; with ``only_if_changed`` (in place) an unchanged
    file is left as it was, not rewritten."""

    def __init__(self, target: str, encoder: io.Encoder, name: str, only_if_changed: bool) -> None:
        # In place, a file deleted while it was cleaned stays deleted.
        self.writer = io.AtomicWriter(target, must_exist=only_if_changed)
        self.encoder, self.name, self.only_if_changed = encoder, name, only_if_changed

    def write(self, text: str) -> None:
        try:
            self.writer.write(self.encoder(text, self.name))
        except ArcleanError:
            self.writer.discard()
            raise

    def close(self, changed: bool) -> None:
        if changed or not self.only_if_changed:
            self.writer.commit()
        else:
            self.writer.discard()

    def abort(self) -> None:
        self.writer.discard()


def _write_whole(outcomes: Iterator[Outcome], sink_for: Any) -> Iterator[Outcome]:
    """Write each outcome cleaned whole (in worker processes, or for --diff)."""
    for outcome in outcomes:
        yield write_outcome(outcome, sink_for)


def _with_progress(outcomes: Iterator[Outcome], total: int) -> Iterator[Outcome]:
    """Show a progress bar on stderr for runs longer than a second, on a terminal only."""
    if total < 2 or not sys.stderr.isatty():
        yield from outcomes
        return
    from rich.progress import Progress

    start, progress, task = time.monotonic(), None, None
    try:
        for done, outcome in enumerate(outcomes, 1):
            if progress is None and time.monotonic() - start > 1:
                progress = Progress(console=_console(stderr=True), transient=True)
                progress.start()
                task = progress.add_task("cleaning", total=total, completed=done - 1)
            if progress is not None and task is not None:
                progress.update(task, completed=done)
            yield outcome
    finally:
        if progress is not None:
            progress.stop()


def _target(source: Source, output: str | None, in_place: bool, output_is_dir: bool) -> str | None:
    """Where a cleaned file goes: a path, or None for stdout."""
    if in_place:
        # AtomicWriter writes through a symlink to the file it points at.
        return source.path
    if output is None:
        return None
    if output_is_dir:
        target = Path(output) / source.relative
        target.parent.mkdir(parents=True, exist_ok=True)
        return str(target)
    return output


@click.command(
    cls=_Command,
    epilog=EPILOG,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.argument("files", nargs=-1, metavar="[FILE|DIR]...")
@click.option(
    "-o", "--output", metavar="PATH", help="Write to PATH: a file, or a folder for many inputs."
)
@click.option(
    "-i", "--in-place", is_flag=True, help="Rewrite each file atomically (permissions kept)."
)
@click.option(
    "--concat", is_flag=True, help="With several inputs, write them all to stdout in order."
)
@click.option(
    "--glob",
    default="*.txt",
    show_default=True,
    metavar="PATTERN",
    help="Files to take from folders.",
)
@click.option(
    "--encoding",
    default="auto",
    show_default=True,
    metavar="NAME",
    help="Input encoding. auto: UTF-8, UTF-16/32 with a BOM, else UTF-16 without a BOM, "
    "Windows-1256 or ISO-8859-6, found from the bytes.",
)
@click.option(
    "--output-encoding",
    default="utf-8",
    show_default=True,
    metavar="NAME",
    help="Encoding of the cleaned text.",
)
@click.option(
    "--errors",
    type=click.Choice(io.ERRORS),
    default="strict",
    show_default=True,
    help="Bytes that cannot be decoded (or characters that cannot be encoded): refuse the "
    "file, or replace them (U+FFFD in, ? out).",
)
@click.option("--jsonl", is_flag=True, help="Input is JSON Lines: clean one field of each record.")
@click.option(
    "--field",
    default="text",
    show_default=True,
    metavar="PATH",
    help="The field to clean (dotted path).",
)
@click.option(
    "--strict", is_flag=True, help="A record whose field is missing or not text is an error."
)
@click.option(
    "-j",
    "--jobs",
    default=1,
    show_default=True,
    type=click.IntRange(min=0),
    metavar="N",
    help="Worker processes (0: one per core).",
)
@click.option("--fail-fast", is_flag=True, help="Stop at the first file that cannot be cleaned.")
@click.option(
    "-p",
    "--preset",
    default=None,
    metavar="NAME",
    help=f"Filter set: {', '.join(PRESETS)} [default: default].",
)
@click.option(
    "--select",
    multiple=True,
    metavar="NAMES",
    help="Run exactly these filters (repeatable, comma-separated).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="NAMES",
    help="Leave these filters out (repeatable, comma-separated).",
)
@click.option(
    "--option",
    "option",
    multiple=True,
    metavar="NAME.KEY=VALUE",
    help="Set a filter option: repeats.min_words=3.",
)
@click.option(
    "--boilerplate-file",
    metavar="PATH",
    help="More boilerplate phrases, one a line (the boilerplate filter, --preset web).",
)
@click.option(
    "--builtin-boilerplate/--no-builtin-boilerplate",
    default=None,
    help="Use arclean's own boilerplate phrases too [default: yes].",
)
@click.option(
    "--config",
    "config_file",
    metavar="FILE",
    help="Read settings from FILE, not the nearest config.",
)
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option(
    "--check", is_flag=True, help="Write nothing; list files that would change; exit 1 if any."
)
@click.option(
    "--diff", is_flag=True, help="Write nothing; print a unified diff of what would change."
)
@click.option(
    "--stats",
    type=click.Choice(["table", "json"]),
    default=None,
    metavar="[=json]",
    help="Report each filter's changes on stderr: a table, or JSON.",
)
@click.option("-v", "--verbose", is_flag=True, help="With --stats, report every file too.")
@click.option("--list-filters", is_flag=True, help="Show every filter and its presets.")
@click.option("--list-presets", is_flag=True, help="Show every preset and its filters.")
@click.option(
    "--explain", metavar="NAME", help="Show what a filter does, its options and an example."
)
@click.option("--show-config", is_flag=True, help="Print the settings this run would use.")
@click.version_option(__version__, "-V", "--version", prog_name="arclean")
def cli(
    files: tuple[str, ...],
    output: str | None,
    in_place: bool,
    concat: bool,
    glob: str,
    encoding: str,
    output_encoding: str,
    errors: str,
    jsonl: bool,
    field: str,
    strict: bool,
    jobs: int,
    fail_fast: bool,
    preset: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    option: tuple[str, ...],
    boilerplate_file: str | None,
    builtin_boilerplate: bool | None,
    config_file: str | None,
    isolated: bool,
    check: bool,
    diff: bool,
    stats: str | None,
    verbose: bool,
    list_filters: bool,
    list_presets: bool,
    explain: str | None,
    show_config: bool,
) -> int:  # fmt: skip
    """Clean scraped Arabic text: remove template placeholders, markup, invisible marks
    and repeated paragraphs; normalise letters, punctuation and spacing (--preset web:
    also leaked CSS/JavaScript and site boilerplate).

    Reads each FILE, every matching file under each DIR, or stdin when there is none
    (or for -), and writes the cleaned text to stdout, to -o, or back in place.
    """
    try:
        if list_filters:
            _print_filters()
            return EXIT_OK
        if list_presets:
            _print_presets()
            return EXIT_OK
        if explain:
            _explain(explain)
            return EXIT_OK
        settings = _settings(config_file, isolated, preset, select, ignore, option)
        settings = _with_boilerplate_flags(settings, boilerplate_file, builtin_boilerplate)
        if show_config:
            click.echo(settings.as_toml())
            return EXIT_OK
        pipeline = Pipeline.from_preset(
            settings.preset,
            select=settings.select,
            ignore=settings.ignore,
            options=settings.options,
        )
        io.check_encoding(encoding)
        stdout_encoder = io.Encoder(output_encoding, errors)
    except ArcleanError as error:
        _fail(str(error))

    writing = not (check or diff)
    folders = [f for f in files if f != "-" and Path(f).is_dir()]
    if writing and output is None and not in_place and not concat and (folders or len(files) > 1):
        what = f"{folders[0]} is a folder" if folders else "several inputs"
        _fail(f"{what}: choose -o DIR, --in-place, --check, or --concat to write to stdout")
    sources = find_sources(files, glob)
    output_is_dir = output is not None and (
        len(sources) > 1 or bool(folders) or Path(output).is_dir()
    )
    _check_usage(sources, files, output, in_place)

    failed = changed = 0
    totals: dict[str, Counter[str]] = {f.name: Counter() for f in pipeline.filters}
    per_file: dict[str, dict[str, dict[str, int]]] = {}

    sink_for = _Sinks(
        writing, output, in_place, output_is_dir, output_encoding, errors, stdout_encoder
    )
    # Each source has a sink of its own (a file, or none): worker processes can write.
    own_sinks = not writing or in_place or output_is_dir

    try:
        one_at_a_time = len(sources) < 2 or any(s.is_stdin for s in sources)
        if not diff and (jobs <= 1 or own_sinks or jsonl or one_at_a_time):
            # A large input streams through in bounded memory.
            outcomes: Iterator[Outcome] = stream_sources(
                pipeline,
                sources,
                sink_for,
                jobs=jobs,
                encoding=encoding,
                errors=errors,
                jsonl_field=field if jsonl else None,
                strict=strict,
            )
        else:
            read = functools.partial(_read, encoding=encoding, errors=errors)
            outcomes = _write_whole(
                clean_sources(
                    pipeline,
                    sources,
                    read,
                    jobs=jobs,
                    jsonl_field=field if jsonl else None,
                    strict=strict,
                    encoding=encoding,
                ),
                sink_for,
            )
        for outcome in _with_progress(outcomes, len(sources)):
            if outcome.error is not None:
                _error(outcome.error)
                failed += 1
                if fail_fast:
                    break
                continue
            for name, counts in outcome.stats.items():
                totals[name].update(counts)
            if verbose and stats:
                per_file[outcome.source.path] = outcome.stats
            if outcome.passed_through:
                click.echo(
                    f"arclean: {outcome.source.path}: {outcome.passed_through} record(s) "
                    f"without a text field {field!r} passed through",
                    err=True,
                )
            changed += outcome.changed
            if diff and outcome.changed:
                _print_diff(_diff(outcome))
            if check and outcome.changed:
                click.echo(f"would clean {outcome.source.path}", err=True)
    except ArcleanError as error:
        _fail(str(error))

    if check:
        noun = "file" if changed == 1 else "files"
        click.echo(
            f"{changed} {noun} would be cleaned, {len(sources) - changed - failed} unchanged",
            err=True,
        )
    if stats:
        _print_stats({n: dict(c) for n, c in totals.items()}, per_file, stats)
    if failed:
        return EXIT_ERROR
    return EXIT_CHANGED if check and changed else EXIT_OK


def _check_usage(
    sources: list[Source], files: Sequence[str], output: str | None, in_place: bool
) -> None:
    """Refuse combinations that would write somewhere surprising."""
    if in_place and output is not None:
        _fail("--in-place and --output exclude each other")
    if in_place and any(s.is_stdin for s in sources):
        _fail("--in-place needs files, not stdin")
    if output is not None:
        for source in sources:
            if not source.is_stdin and _same_file(source.path, output):
                _fail(f"{output}: refusing to overwrite an input file (use --in-place)")
    if not sources:
        _fail(f"no files match {files!r}")


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Entry point of the ``arclean`` console script."""
    if hasattr(signal, "SIGPIPE"):
        # Die quietly when the reader of a pipe goes away (`arclean big.txt | head`),
        # as cat and grep do, instead of printing a BrokenPipeError traceback.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    # A scheduler stops a job with SIGTERM: clean up as for Ctrl-C (no temporary file
    # is left behind), rather than die where the signal finds us.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        cli.main(args=argv, prog_name="arclean")
    except KeyboardInterrupt:
        # Files are only ever replaced whole (atomic_write), so nothing is half-written.
        click.echo("arclean: interrupted", err=True)
        sys.exit(130)
