"""Compare what two versions of arclean make of the same texts: this checkout against
a git revision, on the shared corpus and the fixtures, under each preset.

    python tools/compare_outputs.py c9b70cc                 # every preset
    python tools/compare_outputs.py HEAD~3 --preset search --show 20

A change to a filter should change only what it means to. This lists every text whose
output differs between the two versions, with the first lines that differ, and exits 1
when any does (0 when all are the same). It is not a test and asserts nothing: run it
before committing a change to what arclean does. The corpus is read from
../shared/corpus beside the checkout, when it is there; nothing is copied from it.
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
PRESETS = ["default", "safe", "search", "web"]

# Run in a child process, with one version of arclean first on its path: the cleaned
# text of each file under each preset, as JSON.
_CLEAN = """
import json, sys
import arclean
job = json.load(sys.stdin)
out = {}
for name in job["files"]:
    try:
        text = open(name, encoding="utf-8").read()
    except (UnicodeDecodeError, OSError):
        continue
    for preset in job["presets"]:
        out[name + "\\t" + preset] = arclean.clean(text, preset)
json.dump(out, sys.stdout)
"""


def texts() -> list[str]:
    """The files to clean: the shared corpus, when it is there, and the fixtures."""
    found = sorted(p for p in CORPUS.rglob("*") if p.is_file()) if CORPUS.is_dir() else []
    found += sorted((ROOT / "fixtures").glob("*.txt"))
    return [str(p) for p in found]


def cleaned(source: Path, files: list[str], presets: list[str]) -> dict[str, str]:
    """Each file cleaned under each preset by the arclean whose package is in ``source``."""
    job = json.dumps({"files": files, "presets": presets})
    run = subprocess.run(
        [sys.executable, "-c", _CLEAN],
        input=job,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(source), "PYTHONIOENCODING": "utf-8"},
        check=True,
    )
    result: dict[str, str] = json.loads(run.stdout)
    return result


def checkout_of(revision: str, into: Path) -> Path:
    """The src/ folder of ``revision``, written under ``into``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "src"], capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
            tar.extractall(into, filter="data")
        else:  # the archive is this repository's own
            tar.extractall(into)
    return into / "src"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revision", help="the git revision to compare with (a commit, HEAD~1)")
    parser.add_argument("--preset", action="append", choices=PRESETS, help="(repeatable)")
    parser.add_argument("--show", type=int, default=6, help="differing lines shown a text")
    args = parser.parse_args()
    presets = args.preset or PRESETS
    files = texts()
    with tempfile.TemporaryDirectory() as folder:
        before = cleaned(checkout_of(args.revision, Path(folder)), files, presets)
    after = cleaned(ROOT / "src", files, presets)
    differ = [key for key in after if before.get(key) != after[key]]
    for key in differ:
        name, preset = key.split("\t")
        print(f"--- {Path(name).relative_to(ROOT.parent)} ({preset})")
        lines = difflib.unified_diff(
            before.get(key, "").splitlines(), after[key].splitlines(), lineterm="", n=0
        )
        changed = [line for line in lines if line[:1] in "+-" and line[:3] not in ("---", "+++")]
        for line in changed[: args.show]:
            print(f"  {line[:200]}")
    read = len({key.split("\t")[0] for key in after})  # the files that are UTF-8
    print(f"{len(after)} outputs compared ({read} texts x {len(presets)} presets)")
    print(f"{len(differ)} differ from {args.revision}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
