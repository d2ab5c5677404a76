"""Benchmarks for the offline coach: `make bench` prints figures and writes evals/results/bench.*.

Quote medians and ratios from one run; absolute times vary with the machine's load.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from assistant.coach import OfflineCoach
from assistant.config import Settings
from assistant.retrieval.embedding import MiniLMEmbedder, default_model_path, default_tokenizer_dir
from assistant.retrieval.index import CardIndex

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "evals" / "results"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(fn: Any, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def texts_for_bench() -> list[str]:
    rows = [json.loads(x) for x in (ROOT / "evals" / "datasets" / "drift.jsonl").read_text().splitlines() if x.strip()]
    return [r["text"] for r in rows]


def bench_drift(coach: OfflineCoach, texts: list[str]) -> dict[str, Any]:
    coach.drift.check_many(texts[:20])  # warm
    per: list[float] = []
    reframed: list[float] = []  # the whole answer for an ultimatum: verdict plus its checked reframes
    for t in texts:
        coach.embedder._cache.clear()  # warm model, cold text: what a new message costs
        start = time.perf_counter()
        verdict = coach.drift.check_message(t)
        per.append((time.perf_counter() - start) * 1000)
        if verdict.level == "ultimatum":
            coach.embedder._cache.clear()
            start = time.perf_counter()
            coach.check_message(t)
            reframed.append((time.perf_counter() - start) * 1000)
    coach.embedder._cache.clear()
    start = time.perf_counter()
    coach.drift.check_many(texts)
    batch_s = time.perf_counter() - start
    return {
        "messages": len(texts),
        "check_ms_median": round(statistics.median(per), 2),
        "check_ms_p95": round(pct(per, 0.95), 2),
        "ultimatums": len(reframed),
        "with_reframes_ms_median": round(statistics.median(reframed), 2) if reframed else None,
        "with_reframes_ms_p95": round(pct(reframed, 0.95), 2) if reframed else None,
        "batch_messages_per_s": round(len(texts) / batch_s, 1),
    }


def bench_conversation(coach: OfflineCoach, texts: list[str], size: int = 20) -> dict[str, Any]:
    """A whole conversation of `size` messages through check_conversation (levels, forecast, policy).
    Warm: the model is loaded and the messages were checked as they were sent (the app's case);
    cold: every message is new to the embedder."""
    convs = [
        [{"speaker": "AB"[i % 2], "text": t} for i, t in enumerate(texts[start : start + size])]
        for start in range(0, len(texts) - size + 1, size)
    ]
    warm: list[float] = []
    cold: list[float] = []
    for conv in convs:
        coach.embedder._cache.clear()
        start = time.perf_counter()
        coach.check_conversation(conv)
        cold.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        coach.check_conversation(conv)
        warm.append((time.perf_counter() - start) * 1000)
    return {
        "conversations": len(convs),
        "messages_each": size,
        "warm_ms_median": round(statistics.median(warm), 1),
        "warm_ms_p95": round(pct(warm, 0.95), 1),
        "cold_ms_median": round(statistics.median(cold), 1),
        "cold_ms_p95": round(pct(cold, 0.95), 1),
    }


def bench_embedding(embedder: MiniLMEmbedder, texts: list[str]) -> dict[str, Any]:
    """Our dynamic padding against Chroma's stock ONNXMiniLM_L6_V2 (pads to 256) on the same model file."""
    from chromadb.utils.embedding_functions.onnx_mini_lm_l6_v2 import ONNXMiniLM_L6_V2

    folder = Path(tempfile.mkdtemp(prefix="chroma-onnx-"))
    onnx_dir = folder / "onnx"
    onnx_dir.mkdir()
    shutil.copy(default_model_path(), onnx_dir / "model.onnx")
    tok = default_tokenizer_dir()
    for name in ("config.json", "special_tokens_map.json", "tokenizer_config.json", "tokenizer.json", "vocab.txt"):
        shutil.copy(tok / name, onnx_dir / name)
    stock = ONNXMiniLM_L6_V2(preferred_providers=["CPUExecutionProvider"])
    stock.DOWNLOAD_PATH = folder  # offline: the packaged files, nothing downloaded
    sample = texts[:128]
    stock(sample[:4])
    embedder._forward(sample[:4])
    ours = min(timed(lambda: embedder._forward(sample), 3))
    theirs = min(timed(lambda: stock(sample), 1))
    import numpy as np

    a = embedder._forward(sample[:16])
    b = np.array(stock(sample[:16]))
    shutil.rmtree(folder, ignore_errors=True)
    return {
        "texts": len(sample),
        "ours_texts_per_s": round(len(sample) / ours * 1000, 1),
        "chroma_stock_texts_per_s": round(len(sample) / theirs * 1000, 1),
        "speedup": round(theirs / ours, 1),
        "max_abs_diff_vs_stock": round(float(np.abs(a - b).max()), 5),
    }


def bench_index(settings: Settings, embedder: MiniLMEmbedder, texts: list[str]) -> dict[str, Any]:
    tmp = Path(tempfile.mkdtemp(prefix="parley-bench-"))
    s = Settings.from_env({"PARLEY_DATA_DIR": str(tmp)})
    embedder._cache.clear()
    start = time.perf_counter()
    index = CardIndex.open(s, embedder)
    build_s = time.perf_counter() - start
    queries = texts[:100]
    index.search(queries[0])
    embedder._cache.clear()
    search = []
    for q in queries:
        start = time.perf_counter()
        index.search(q)
        search.append((time.perf_counter() - start) * 1000)
    shutil.rmtree(tmp, ignore_errors=True)
    return {
        "build_s": round(build_s, 2),
        "passages": index.collection.count(),
        "search_ms_median": round(statistics.median(search), 2),
        "search_ms_p95": round(pct(search, 0.95), 2),
    }


def _fresh_pg(url: str) -> str:
    import uuid

    from sqlalchemy import create_engine, text

    name = "parley_load_" + uuid.uuid4().hex[:8]
    with create_engine(url, isolation_level="AUTOCOMMIT").connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    return url.rsplit("/", 1)[0] + "/" + name


def main() -> int:
    settings = Settings.from_env()
    embedder = MiniLMEmbedder()
    coach = OfflineCoach(settings, embedder=embedder)
    texts = texts_for_bench()
    report: dict[str, Any] = {"when": time.strftime("%Y-%m-%d %H:%M:%S")}
    report["drift"] = bench_drift(coach, texts)
    report["conversation"] = bench_conversation(coach, texts)
    if sys.argv[1:] == ["drift"]:  # `python -m evals.bench drift`: the drift figures alone
        print(json.dumps(report, indent=2))
        return 0
    report["embedding"] = bench_embedding(embedder, texts)
    report["index"] = bench_index(settings, embedder, texts)
    from evals.tokens import tokens_per_call

    report["llm_prompt_tokens"] = tokens_per_call(coach)
    from evals.load import run_load, sqlite_url

    report["load_sqlite"] = run_load(sqlite_url(), coach)
    pg = os.environ.get("PARLEY_TEST_POSTGRES_URL")
    if pg:
        report["load_postgres"] = run_load(_fresh_pg(pg), coach)
    else:
        report["load_postgres"] = "skipped: set PARLEY_TEST_POSTGRES_URL (scripts/test-services.sh prints it)"
    targets = {
        "drift check p95 < 10 ms": report["drift"]["check_ms_p95"] < 10,
        "20-message conversation warm p95 < 50 ms": report["conversation"]["warm_ms_p95"] < 50,
        "search p95 < 15 ms": report["index"]["search_ms_p95"] < 15,
        "index build < 3 s": report["index"]["build_s"] < 3,
        "prompt tokens flat in session length": report["llm_prompt_tokens"]["flat"],
    }
    report["targets_met"] = targets
    text = json.dumps(report, indent=2)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "bench.json").write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
