"""JSON Lines: one field cleaned, everything else kept, errors named by line."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import invoke


def run(args: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    code, out, err = invoke(args, stdin)
    return code, out.decode("utf-8"), err


def test_the_issue_example() -> None:
    record = '{"id":1,"text":"نص  مكرر\\nنص مكرر","lang":"ar"}\n'
    code, out, _ = run(["--jsonl"], record.encode())
    assert code == 0
    (line,) = out.splitlines()
    data = json.loads(line)
    assert list(data) == ["id", "text", "lang"]
    assert (data["id"], data["lang"], data["text"]) == (1, "ar", "نص مكرر\n")


def test_unchanged_records_are_byte_identical() -> None:
    records = '{"id": 1, "text": "نص نظيف.\\n", "x": [1, 2.50]}\n{"id":2,"text":"آخر.\\n"}\n'
    assert run(["--jsonl"], records.encode())[1] == records


def test_dotted_field_and_order_kept() -> None:
    records = "".join(
        json.dumps({"n": i, "doc": {"body": f"سطر  {i}\u200f"}}, ensure_ascii=False) + "\n"
        for i in range(5)
    )
    out = run(["--jsonl", "--field", "doc.body"], records.encode())[1]
    assert [json.loads(line) for line in out.splitlines()] == [
        {"n": i, "doc": {"body": f"سطر {i}\n"}} for i in range(5)
    ]


def test_missing_field_passes_through_and_is_counted() -> None:
    records = '{"id": 1}\n{"id": 2, "text": 5}\n{"id": 3, "text": "نص  هنا"}\n'
    code, out, err = run(["--jsonl"], records.encode())
    assert code == 0
    assert out.splitlines()[:2] == ['{"id": 1}', '{"id": 2, "text": 5}']
    assert "2 record(s) without a text field 'text' passed through" in err


def test_strict_rejects_a_missing_field() -> None:
    code, out, err = run(["--jsonl", "--strict"], b'{"text": "a"}\n{"id": 2}\n')
    assert out == ""  # nothing of a file that fails is written
    assert code == 2 and "<stdin>:2: field 'text' is missing" in err


def test_invalid_json_names_the_line_and_writes_no_file(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "a"}\n{"text": \n', encoding="utf-8")
    target = tmp_path / "out.jsonl"
    code, _, err = run(["--jsonl", "-o", str(target), str(source)])
    assert code == 2 and f"{source}:2: invalid JSON" in err and err.count("\n") == 1
    assert not target.exists()


def test_jsonl_files_in_parallel_match_one_job(tmp_path: Path) -> None:
    for n in range(4):
        lines = [json.dumps({"text": f"سطر  {n} {i}\u200b"}, ensure_ascii=False) for i in range(50)]
        (tmp_path / f"{n}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    one, two = tmp_path / "one", tmp_path / "two"
    base = ["--jsonl", "--glob", "*.jsonl"]
    assert run([*base, "-o", str(one), str(tmp_path)])[0] == 0
    assert run([*base, "-j", "2", "-o", str(two), str(tmp_path)])[0] == 0
    for path in sorted(one.iterdir()):
        assert (two / path.name).read_bytes() == path.read_bytes()
