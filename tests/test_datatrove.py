"""The datatrove step, run by datatrove's own local executor (skipped without the extra)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

import arclean
from arclean.integrations.datatrove import ArcleanFormatter
from tests.conftest import FIXTURES


def test_local_executor_with_two_tasks(tmp_path: Path) -> None:
    article = (FIXTURES / "article.txt").read_text(encoding="utf-8")
    raw, clean, logs = tmp_path / "raw", tmp_path / "clean", tmp_path / "logs"
    raw.mkdir()
    documents = {}
    for shard in range(2):
        with (raw / f"{shard}.jsonl").open("w", encoding="utf-8") as handle:
            for i in range(3):
                doc_id = f"{shard}-{i}"
                text = f"{article}\nسطر {doc_id}\u200f  هنا"
                documents[doc_id] = text
                handle.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")

    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(raw)),
            ArcleanFormatter(preset="default"),
            JsonlWriter(str(clean)),
        ],
        tasks=2,
        workers=1,
        logging_dir=str(logs),
        start_method="spawn",
    ).run()

    out = {}
    for path in clean.glob("*.jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                out[record["id"]] = record["text"]
    assert out == {doc_id: arclean.clean(text) for doc_id, text in documents.items()}

    stats = json.loads((logs / "stats.json").read_text(encoding="utf-8"))
    counts = next(step for step in stats if "arclean" in step["name"])["stats"]

    def total(name: str) -> int:
        value = counts[name]  # datatrove writes a bare number when every update was 1
        return int(value["total"] if isinstance(value, dict) else value)

    assert total("arclean/repeats/dropped_exact") == 5 * 6
    assert total("arclean/templates/placeholders_removed") == 6


def test_formatter_takes_a_pipeline() -> None:
    from arclean.filters import Tatweel

    assert ArcleanFormatter(pipeline=arclean.Pipeline([Tatweel()])).format("اللـه") == "الله"


def test_readme_example_runs_as_written(tmp_path: Path) -> None:
    import subprocess
    import sys

    readme = (FIXTURES.parent / "README.md").read_text(encoding="utf-8")
    code = readme.split("and run `python clean.py`:\n\n```python\n", 1)[1].split("\n```", 1)[0]
    (tmp_path / "clean.py").write_text(code, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "clean.py"], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    texts = []
    for path in (tmp_path / "clean").glob("*.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle]
    assert sorted(texts) == ["قال إن الوزير جاء\n", "نص آخر، هنا\n"]
