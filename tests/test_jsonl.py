"""JSON Lines: any JSON the parser accepts gets one answer line, at worst {"id", "error"}; nothing is lost."""

from __future__ import annotations

import io
import json
import stat
from pathlib import Path
from typing import Any

import pytest

from assistant.jsonl import process, text_field
from tests.test_cli import lines, run


def echo(row: dict[str, Any]) -> dict[str, Any]:
    return {"text": text_field(row, "text")}


def answers(raw: bytes) -> tuple[int, list[dict[str, Any]]]:
    """Run the batch over raw bytes into a strict UTF-8 stream, as standard output is."""
    buffer = io.BytesIO()
    out = io.TextIOWrapper(buffer, encoding="utf-8", errors="strict", newline="\n")
    failed = process(io.BytesIO(raw), echo, out)
    out.flush()
    return failed, [json.loads(x, parse_constant=_strict) for x in buffer.getvalue().decode("utf-8").splitlines()]


def _strict(name: str) -> None:
    raise AssertionError(f"the output is not strict JSON: it holds {name}")


@pytest.mark.parametrize(
    "line",
    [
        rb'{"id": "\ud800", "text": "hello"}',  # a lone surrogate in the id
        rb'{"id": 1, "text": "\udfff alone"}',  # and in the text
        rb'{"id": NaN, "text": "x"}',
        rb'{"id": Infinity, "text": "x"}',
        rb'{"id": 1e400, "text": "x"}',
        b'{"id": ' + b"9" * 5000 + b', "text": "x"}',  # more digits than Python converts by default
        b'{"id": 2, "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",  # nested past the recursion limit
        rb'{"id": {"nested": true}, "text": "x"}',
        rb'{"id": 3, "text": "x", "text": 4}',  # a duplicate key: the last one wins
    ],
)
def test_any_accepted_json_gets_an_answer_and_the_next_line_survives(line: bytes) -> None:
    failed, out = answers(line + b'\n{"id": "after", "text": "still here"}\n')
    assert len(out) == 2
    assert set(out[0]) >= {"id"} and ("error" in out[0] or "text" in out[0])
    assert out[1] == {"id": "after", "text": "still here"}
    assert failed <= 1


def test_a_lone_surrogate_id_is_echoed_as_json_would_write_it() -> None:
    failed, out = answers(b'{"id": "\\ud800", "text": "hello"}\n')
    assert out == [{"id": "\ud800", "text": "hello"}] and failed == 0


def test_a_byte_order_mark_does_not_cost_the_first_line() -> None:
    failed, out = answers(b'\xef\xbb\xbf{"id": 1, "text": "first"}\n{"id": 2, "text": "second"}\n')
    assert failed == 0 and [o["id"] for o in out] == [1, 2]


def test_the_cli_survives_a_surrogate_and_a_bom(tmp_path: Path) -> None:
    stdin = (
        b'\xef\xbb\xbf{"id": "\\ud800", "text": "Take it or leave it."}\n{"id": "b", "text": "What would help you?"}\n'
    )
    data = tmp_path / "fresh" / ".parley"
    r = run(["drift"], stdin, data)
    assert b"Traceback" not in r.stderr, r.stderr
    assert stat.S_IMODE(data.stat().st_mode) == 0o700  # the data folder it made (for its cache) is private
    out = lines(r.stdout)
    assert [o["id"] for o in out] == ["\ud800", "b"]
    assert out[0]["level"] == "ultimatum" and out[1]["level"] == "open"
