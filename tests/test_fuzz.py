"""The fuzz target in fuzz/ keeps working: a few fixed inputs through its entry point."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

TARGET = Path(__file__).resolve().parents[1] / "fuzz" / "fuzz_clean.py"


@pytest.fixture(scope="module")
def fuzz_clean() -> object:
    spec = importlib.util.spec_from_file_location("fuzz_clean", TARGET)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_clean"] = module
    spec.loader.exec_module(module)
    return module


def test_fuzz_target_runs_on_fixed_inputs(fuzz_clean: object) -> None:
    rng = random.Random(10)
    entry = fuzz_clean.fuzz_clean.hypothesis.fuzz_one_input  # type: ignore[attr-defined]
    for size in [0, 1, 16, 256, 4096] * 8:
        entry(rng.randbytes(size))


def test_fuzz_target_catches_a_broken_guarantee(
    fuzz_clean: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A target that cannot fail proves nothing: break idempotence and watch it fail.
    import arclean

    real = arclean.clean

    def appends(text: str, *args: object, **kwargs: object) -> str:
        return real(text, *args, **kwargs) + "x"  # type: ignore[arg-type]

    monkeypatch.setattr(arclean, "clean", appends)
    entry = fuzz_clean.fuzz_clean.hypothesis.fuzz_one_input  # type: ignore[attr-defined]
    with pytest.raises(AssertionError, match="not idempotent"):
        entry(bytes(64))
