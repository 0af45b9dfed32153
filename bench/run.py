"""Benchmark arclean: MB/s per preset and per filter, end to end, peers, peak memory.

    python bench/run.py              # 20 MB corpus (about a minute)
    python bench/run.py --size 5     # a quicker run

Numbers are single-core wall-clock throughput on the deterministic corpus of
bench/corpus.py, best of ``--repeat`` runs. Not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

import arclean
from arclean import Pipeline
from arclean.filters import FILTERS, Alef, Diacritics, HamzaSeats, Tatweel


def best_seconds(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def report(label: str, megabytes: float, seconds: float, note: str = "") -> float:
    rate = megabytes / seconds
    print(f"  {label:<28} {rate:8.1f} MB/s  {note}")
    return rate


def cli_peak_mb(command: list[str]) -> float:
    """The maximum resident size of ``command``, run from a small fresh process (a
    child forked from this big one would count the pages it shares with it)."""
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *command], check=True, capture_output=True, text=True
    )
    return int(out.stdout.split()[-1]) / 1024


def per_filter_seconds(pipeline: Pipeline, text: str, repeat: int) -> dict[str, float]:
    """The best time of each filter of ``pipeline`` on the text the filters before it
    produced, as the pipeline runs it."""
    best: dict[str, float] = {}
    for _ in range(repeat):
        state: dict[str, object] = {}
        current = text
        for f in pipeline.filters:
            gc.collect()
            start = time.perf_counter()
            current, _ = f.apply_in(current, state)
            seconds = time.perf_counter() - start
            best[f.name] = min(best.get(f.name, seconds), seconds)
    return best


def split_documents(text: str, size: int) -> list[str]:
    """``text`` cut at line ends into documents of about ``size`` characters."""
    documents, start = [], 0
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end < 0 else end + 1
        documents.append(text[start:end])
        start = end
    return documents


def pyarabic_chain() -> Callable[[str], str] | None:
    try:
        from pyarabic import araby
    except ImportError:
        return None

    def chain(text: str) -> str:
        text = araby.strip_tashkeel(text)
        text = araby.strip_tatweel(text)
        text = araby.normalize_hamza(text)
        return str(araby.normalize_alef(text))

    return chain


def camel_chain() -> Callable[[str], str] | None:
    try:
        from camel_tools.utils.dediac import dediac_ar
        from camel_tools.utils.normalize import (
            normalize_alef_ar,
            normalize_alef_maksura_ar,
            normalize_teh_marbuta_ar,
            normalize_unicode,
        )
    except ImportError:
        return None

    def chain(text: str) -> str:
        text = normalize_unicode(text)
        text = dediac_ar(text)
        text = normalize_alef_ar(text)
        text = normalize_alef_maksura_ar(text)
        return str(normalize_teh_marbuta_ar(text))

    return chain


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=float, default=20.0, help="corpus size in MB")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    parser.add_argument(
        "--style", choices=["news", "shuffled"], default="news", help="corpus style (corpus.py)"
    )
    args = parser.parse_args()

    text = corpus.build(args.size, style=args.style)
    megabytes = len(text.encode("utf-8")) / 1e6
    print(
        f"arclean {arclean.__version__} on {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores"
    )
    print(
        f"corpus: {megabytes:.1f} MB, {text.count(chr(10))} lines, "
        f"style {args.style} (bench/corpus.py)\n"
    )

    print("presets, in-process:")
    rates = {}
    for preset in arclean.PRESETS:
        pipeline = Pipeline.from_preset(preset)
        rates[preset] = report(
            preset, megabytes, best_seconds(lambda p=pipeline: p(text), args.repeat)
        )

    documents = split_documents(text, 4000)
    pipeline = Pipeline.from_preset("default")
    report(
        f"default, {len(documents)} documents",
        megabytes,
        best_seconds(lambda: [pipeline(d) for d in documents], args.repeat),
        "(the corpus cut into documents of about 4 kB, each cleaned alone)",
    )

    print("\nwhere the search preset's time goes: each filter on what the ones before it left")
    in_pipeline = per_filter_seconds(Pipeline.from_preset("search"), text, args.repeat)
    for name, seconds in in_pipeline.items():
        print(f"  {name:<28} {seconds * 1000 / megabytes:8.2f} ms/MB")
    print(f"  {'all':<28} {sum(in_pipeline.values()) * 1000 / megabytes:8.2f} ms/MB")

    print("\neach filter alone, on the raw corpus:")
    for cls in FILTERS:
        flt = cls(to="latin") if cls.name == "digits" else cls()  # type: ignore[call-arg]
        report(cls.name, megabytes, best_seconds(lambda f=flt: f.apply(text), args.repeat))

    clean = Pipeline.from_preset("search")(text)
    print("\neach filter alone, on text it has nothing to do for (already cleaned by search):")
    for cls in FILTERS:
        flt = cls(to="latin") if cls.name == "digits" else cls()  # type: ignore[call-arg]
        report(cls.name, megabytes, best_seconds(lambda f=flt: f.apply(clean), args.repeat))

    print("\npeers, same corpus, same run:")
    letters = Pipeline([Diacritics(), Tatweel(), Alef(), HamzaSeats()])
    ours = report(
        "arclean lossy letters", megabytes, best_seconds(lambda: letters(text), args.repeat)
    )
    chain = pyarabic_chain()
    if chain is not None:
        theirs = report(
            "pyarabic chain (4 functions)",
            megabytes,
            best_seconds(lambda: chain(text), args.repeat),
        )
        print(f"  ratio arclean letters / pyarabic: {ours / theirs:.2f}x")
    camel = camel_chain()
    if camel is not None:
        theirs = report(
            "CAMeL Tools chain", megabytes, best_seconds(lambda: camel(text), args.repeat)
        )
        print(f"  ratio arclean search / CAMeL: {rates['search'] / theirs:.2f}x")
    else:
        print(
            "  CAMeL Tools not installed: pip install camel-tools (or, for its normaliser"
            " alone, pip install --no-deps camel-tools emoji)"
        )

    print("\nend to end through the CLI (one process, file in, file out):")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "corpus.txt"
        source.write_text(text, encoding="utf-8")
        command = [
            sys.executable,
            "-m",
            "arclean",
            "-o",
            str(Path(folder) / "out.txt"),
            str(source),
        ]
        seconds = best_seconds(lambda: subprocess.run(command, check=True), args.repeat)
        report("arclean default (CLI)", megabytes, seconds)
        print(f"  peak memory of that run: {cli_peak_mb(command):.0f} MB")
        tiny = Path(folder) / "tiny.txt"
        tiny.write_text("نص قصير.\n", encoding="utf-8")
        command = [sys.executable, "-m", "arclean", str(tiny)]
        subprocess.run(command, check=True, capture_output=True)  # bytecode is cached
        seconds = best_seconds(lambda: subprocess.run(command, check=True, capture_output=True), 5)
        print(f"  start-up on a tiny file: {seconds * 1000:.0f} ms (best of 5)")

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory of this process: {peak:.0f} MB (corpus held several times over)")


if __name__ == "__main__":
    main()
