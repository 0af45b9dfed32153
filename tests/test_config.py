"""Configuration files, --option, and which setting wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from arclean import config
from arclean.errors import ConfigError
from tests.conftest import invoke

TEXT = "قال إن الوزیرة علی حق ٣\n".encode()


def run(args: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    code, out, err = invoke(args, stdin)
    return code, out.decode("utf-8"), err


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.arclean]\npreset = "search"\n', encoding="utf-8"
    )
    sub = tmp_path / "docs" / "deep"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    return tmp_path


def test_nearest_pyproject_is_used(project: Path) -> None:
    assert run([], TEXT)[1] == "قال ان الوزيره علي حق 3\n"  # search preset


def test_isolated_ignores_it(project: Path) -> None:
    assert run(["--isolated"], TEXT)[1] == "قال إن الوزيرة على حق ٣\n"


def test_flags_override_the_file(project: Path) -> None:
    assert run(["--preset", "default"], TEXT)[1] == "قال إن الوزيرة على حق ٣\n"
    assert run(["--option", "digits.to=keep"], TEXT)[1] == "قال ان الوزيره علي حق ٣\n"


def test_show_config_names_the_file(project: Path) -> None:
    code, out, _ = run(["--show-config"])
    assert code == 0
    assert f"# from {project / 'pyproject.toml'}" in out
    assert 'preset = "search"' in out


def test_arclean_toml_wins_over_a_pyproject_above(project: Path) -> None:
    (project / "docs" / "arclean.toml").write_text(
        'preset = "safe"\n[filters.repeats]\nmin_words = 3\n', encoding="utf-8"
    )
    code, out, _ = run(["--show-config"])
    assert code == 0 and 'preset = "safe"' in out and "min_words = 3" in out


def test_pyproject_without_arclean_table_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert (
        config.find_config(tmp_path) is None
        or config.find_config(tmp_path) != tmp_path / "pyproject.toml"
    )


def test_config_flag(tmp_path: Path) -> None:
    path = tmp_path / "my.toml"
    path.write_text('ignore = ["lookalikes"]\n', encoding="utf-8")
    assert run(["--config", str(path)], TEXT)[1] == "قال إن الوزیرة علی حق ٣\n"


@pytest.mark.parametrize(
    "content, message",
    [
        ('[tool.arclean]\npresets = "x"\n', "unknown key 'presets'"),
        ('[tool.arclean]\npreset = "nope"\n', "preset 'nope' is not one of"),
        ('[tool.arclean]\nselect = ["nope"]\n', "select names unknown filter 'nope'"),
        ('[tool.arclean]\nignore = "repeats"\n', "ignore must be a list"),
        ("[tool.arclean.filters.repeats]\nmin_word = 3\n", "unknown option 'min_word' of repeats"),
        (
            '[tool.arclean.filters.repeats]\nmin_words = "3"\n',
            "filters.repeats.min_words: expected int",
        ),
        ("[tool.arclean.filters.repeats]\nnear = 1\n", "expected bool"),
        ('[tool.arclean.filters.digits]\nto = "roman"\n', "'roman' is not one of"),
        ("[tool.arclean.filters.nope]\nx = 1\n", "unknown filter 'nope'"),
        ("[tool.arclean\n", "invalid TOML"),
    ],
)
def test_bad_config_is_one_line_error_naming_the_key(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(["--config", str(path)], b"x")
    assert code == 2 and out == ""
    assert err.startswith("arclean: error: ") and message in err and err.count("\n") == 1
    with pytest.raises(ConfigError, match=r"pyproject\.toml"):
        config.load_config(path)


@pytest.mark.parametrize(
    "text, parsed",
    [
        ("repeats.min_words=3", ("repeats", "min_words", 3)),
        ("repeats.near=false", ("repeats", "near", False)),
        ("unicode.ligatures=expand", ("unicode", "ligatures", "expand")),
        ("whitespace.max_blank_lines=0", ("whitespace", "max_blank_lines", 0)),
    ],
)
def test_parse_option(text: str, parsed: tuple[str, str, object]) -> None:
    assert config.parse_option(text) == parsed


def test_settings_round_trip_through_toml(tmp_path: Path) -> None:
    settings = config.Settings(
        preset="search",
        ignore=("punctuation",),
        options={"repeats": {"min_words": 3, "near": False}},
    )
    path = tmp_path / "arclean.toml"
    path.write_text(
        settings.as_toml().replace("[tool.arclean]\n", "").replace("tool.arclean.", ""),
        encoding="utf-8",
    )
    loaded = config.load_config(path)
    assert (loaded.preset, loaded.ignore, loaded.options) == (
        settings.preset,
        settings.ignore,
        settings.options,
    )
