"""Settings from configuration files and ``--option`` flags, validated with clear errors.

Configuration lives in ``[tool.arclean]`` of the nearest ``pyproject.toml`` or in an
``arclean.toml`` (whose top level is the same table), found by walking up from the
current folder; ``--config FILE`` names one; ``--isolated`` ignores them all::

    [tool.arclean]
    preset = "search"
    ignore = ["punctuation"]

    [tool.arclean.filters.repeats]
    min_words = 3

Command-line flags override the file. Unknown keys, filters, options and values are
errors that name the key.
"""

from __future__ import annotations

import dataclasses
import tomllib
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from arclean.errors import ConfigError
from arclean.filters import FILTERS_BY_NAME
from arclean.pipeline import PRESETS

KEYS = ("preset", "select", "ignore", "filters")


@dataclass(frozen=True)
class Settings:
    """The resolved settings of one run, and the file they came from (if any)."""

    preset: str = "default"
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    source: Path | None = None

    def as_toml(self) -> str:
        """The settings written as a ``[tool.arclean]`` table (for ``--show-config``).

        >>> print(Settings(preset="safe", ignore=("repeats",)).as_toml())
        # no configuration file
        [tool.arclean]
        preset = "safe"
        ignore = ["repeats"]
        """
        lines = [f"# from {self.source}" if self.source else "# no configuration file"]
        lines += ["[tool.arclean]", f"preset = {_toml(self.preset)}"]
        if self.select is not None:
            lines.append(f"select = {_toml(list(self.select))}")
        if self.ignore:
            lines.append(f"ignore = {_toml(list(self.ignore))}")
        for name, values in self.options.items():
            lines += ["", f"[tool.arclean.filters.{name}]"]
            lines += [f"{key} = {_toml(value)}" for key, value in values.items()]
        return "\n".join(lines)


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return str(value)


def find_config(start: Path) -> Path | None:
    """The nearest ``arclean.toml``, or ``pyproject.toml`` with a ``[tool.arclean]``
    table, in ``start`` or a folder above it."""
    for folder in (start, *start.parents):
        candidate = folder / "arclean.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "arclean" in _read_toml(candidate).get("tool", {}):
            return candidate
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read ({error.strerror or error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML ({error})") from None


def load_config(path: Path) -> Settings:
    """Read and validate one configuration file."""
    data = _read_toml(path)
    if path.name == "pyproject.toml" or "tool" in data:
        data = data.get("tool", {}).get("arclean", {})
        where = "[tool.arclean]"
    else:
        where = "arclean.toml"
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: {where} must be a table")
    return _settings(data, f"{path}: {where}", source=path)


def _settings(data: Mapping[str, Any], where: str, source: Path | None) -> Settings:
    for key in data:
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key {key!r} (known: {', '.join(KEYS)})")
    preset = data.get("preset", "default")
    if preset not in PRESETS:
        raise ConfigError(f"{where}: preset {preset!r} is not one of {', '.join(PRESETS)}")
    select = data.get("select")
    ignore = data.get("ignore", [])
    for key, names in (("select", select), ("ignore", ignore)):
        if names is None:
            continue
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ConfigError(f"{where}: {key} must be a list of filter names")
        for name in names:
            if name not in FILTERS_BY_NAME:
                raise ConfigError(f"{where}: {key} names unknown filter {name!r}")
    filters = data.get("filters", {})
    if not isinstance(filters, dict):
        raise ConfigError(f"{where}: filters must be a table of filter tables")
    options: dict[str, dict[str, Any]] = {}
    for name, values in filters.items():
        if not isinstance(values, dict):
            raise ConfigError(f"{where}: filters.{name} must be a table")
        options[name] = {
            key: check_option(name, key, value, f"{where}: filters.{name}.{key}")
            for key, value in values.items()
        }
    return Settings(
        preset=preset,
        select=None if select is None else tuple(select),
        ignore=tuple(ignore),
        options=options,
        source=source,
    )


def option_types(filter_name: str) -> dict[str, Any]:
    """The typed options of a filter: ``{"min_words": int, ...}``."""
    cls = FILTERS_BY_NAME[filter_name]
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}  # type: ignore[arg-type]


def check_option(filter_name: str, key: str, value: Any, where: str) -> Any:
    """Validate one option value against the filter's typed field; return it.

    >>> check_option("repeats", "min_words", 3, "x")
    3
    """
    if filter_name not in FILTERS_BY_NAME:
        raise ConfigError(f"{where}: unknown filter {filter_name!r}")
    types = option_types(filter_name)
    if key not in types:
        known = ", ".join(types) or "none"
        raise ConfigError(f"{where}: unknown option {key!r} of {filter_name} (options: {known})")
    expected = types[key]
    choices = typing.get_args(expected) if typing.get_origin(expected) is typing.Literal else ()
    if choices and value not in choices:
        raise ConfigError(f"{where}: {value!r} is not one of {', '.join(map(repr, choices))}")
    if not choices and not (
        isinstance(value, expected) and not (expected is int and isinstance(value, bool))
    ):
        raise ConfigError(f"{where}: expected {expected.__name__}, got {value!r}")
    return value


def parse_option(text: str) -> tuple[str, str, Any]:
    """Parse ``NAME.KEY=VALUE`` from the command line, typed by the filter's option.

    >>> parse_option("repeats.min_words=3")
    ('repeats', 'min_words', 3)
    >>> parse_option("digits.to=latin")
    ('digits', 'to', 'latin')
    """
    where = f"--option {text}"
    target, sep, raw = text.partition("=")
    name, dot, key = target.partition(".")
    if not sep or not dot or not name or not key:
        raise ConfigError(f"{where}: expected NAME.KEY=VALUE")
    if name not in FILTERS_BY_NAME:
        raise ConfigError(f"{where}: unknown filter {name!r}")
    expected = option_types(name).get(key)
    value: Any = raw
    if expected is bool:
        if raw.lower() not in ("true", "false", "1", "0", "yes", "no"):
            raise ConfigError(f"{where}: expected true or false")
        value = raw.lower() in ("true", "1", "yes")
    elif expected is int:
        try:
            value = int(raw)
        except ValueError:
            raise ConfigError(f"{where}: expected a whole number") from None
    return name, key, check_option(name, key, value, where)


def resolve(
    file_settings: Settings,
    *,
    preset: str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    options: Sequence[tuple[str, str, Any]] = (),
) -> Settings:
    """Command-line flags on top of the file's settings."""
    merged = {name: dict(values) for name, values in file_settings.options.items()}
    for name, key, value in options:
        merged.setdefault(name, {})[key] = value
    return Settings(
        preset=preset or file_settings.preset,
        select=tuple(select) if select else file_settings.select,
        ignore=tuple(ignore) if ignore else file_settings.ignore,
        options=merged,
        source=file_settings.source,
    )
