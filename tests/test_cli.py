import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(args: list[str], stdin: bytes, data_dir: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PARLEY_DATA_DIR": str(data_dir)}
    env.pop("OPENAI_API_KEY", None)
    env.pop("OPENAI_BASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args], input=stdin, capture_output=True, env=env, cwd=ROOT, timeout=300
    )


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli")


def lines(out: bytes) -> list[dict[str, object]]:
    return [json.loads(x) for x in out.decode().splitlines()]


def test_drift_batch_keeps_ids_order_and_reports_bad_lines(data_dir: Path) -> None:
    stdin = b"\n".join(
        [
            json.dumps({"id": "a", "text": "Take it or leave it.", "extra": 1}).encode(),
            b"{not json",
            json.dumps(
                {"id": "b", "messages": [{"speaker": "A", "text": "Hi"}, {"speaker": "B", "text": "We're done."}]}
            ).encode(),
            b'{"id": "c", "text": "\xff\xfe"}',
            json.dumps({"id": "a", "text": "duplicate"}).encode(),
            json.dumps({"id": 5, "text": 12}).encode(),
            json.dumps({"id": 6, "text": "What would help you?"}).encode(),
        ]
    )
    result = run(["drift"], stdin, data_dir)
    out = lines(result.stdout)
    assert result.returncode == 1
    assert [o["id"] for o in out] == ["a", None, "b", None, "a", 5, 6]
    assert out[0]["level"] == "ultimatum" and set(out[0]) >= {"score", "kinds", "reason", "reframe"}
    assert "error" in out[1] and "JSON" in out[1]["error"]
    assert set(out[2]) >= {"risk", "drifting", "levels"} and len(out[2]["levels"]) == 2
    assert "UTF-8" in out[3]["error"]
    assert "duplicate" in out[4]["error"]
    assert "string" in out[5]["error"]
    assert out[6]["level"] == "open" and out[6]["reframe"] is None


def test_shrink_strategies_offers(data_dir: Path) -> None:
    r = run(
        ["shrink"],
        json.dumps({"id": 1, "demands": ["stop being late", "above all, call me when plans change"]}).encode(),
        data_dir,
    )
    assert r.returncode == 0, r.stderr
    (o,) = lines(r.stdout)
    assert "call" in o["ask"] and o["interest"] and [p.lower() for p in o["parked"]] == ["stop being late"]
    r = run(
        ["strategies"],
        json.dumps({"id": 2, "situation": "We keep repeating the same arguments and nobody listens."}).encode(),
        data_dir,
    )
    (o,) = lines(r.stdout)
    assert r.returncode == 0 and {"slug", "title", "score", "why"} <= set(o["strategies"][0])
    r = run(
        ["offers"],
        json.dumps(
            {"id": 3, "situation": "Rent dispute with my landlord", "their_ask": "I need you to pay on the 1st"}
        ).encode(),
        data_dir,
    )
    (o,) = lines(r.stdout)
    assert r.returncode == 0 and 2 <= len(o["offers"]) <= 3 and all({"text", "slug"} <= set(x) for x in o["offers"])


def test_help_is_for_newcomers(data_dir: Path) -> None:
    r = run(["--help"], b"", data_dir)
    assert r.returncode == 0
    for word in (b"drift", b"shrink", b"strategies", b"offers", b"index", b"Example"):
        assert word in r.stdout
