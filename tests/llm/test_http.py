"""The OpenAI path over real HTTP, against a local OpenAI-compatible server."""

from __future__ import annotations

import json
import socket
import time
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.coach import OfflineCoach
from assistant.coach.llm_coach import LLMCoach
from assistant.coach.protocol import LLM, OFFLINE
from assistant.config import Settings
from assistant.llm.chat import make_chat_model
from tests.llm.fakes import OpenAICompatibleServer


def llm_for(url: str, data: Path, coach: OfflineCoach, timeout: float = 3.0) -> LLMCoach:
    s = Settings.from_env(
        {
            "PARLEY_DATA_DIR": str(data),
            "OPENAI_BASE_URL": url,
            "PARLEY_MODEL": "local-test",
            "PARLEY_LLM_TIMEOUT": str(timeout),
            "PARLEY_LLM_RETRIES": "0",
        }
    )
    return LLMCoach(make_chat_model(s), coach)


def test_structured_reply_over_http(tmp_path: Path, coach: OfflineCoach) -> None:
    reply = {
        "ask": "Could you call me when plans change?",
        "interest": "reliability",
        "parked": ["lateness"],
        "slugs": ["crystallize-ask"],
    }
    with OpenAICompatibleServer() as server:
        server.behaviour = lambda body: (200, json.dumps(reply))
        llm = llm_for(server.url, tmp_path, coach)
        r = llm.shrink("You're always late. Above all, call me when plans change.")
        assert r.ask == reply["ask"] and r.origin == LLM
        (req,) = server.requests
        assert req["model"] == "local-test" and req["response_format"] == {"type": "json_object"}
        assert req["messages"][0]["role"] == "system" and "<user_data>" in req["messages"][1]["content"]


def test_streaming_over_http(tmp_path: Path, coach: OfflineCoach) -> None:
    with OpenAICompatibleServer() as server:
        server.behaviour = lambda body: (200, "Pause for a day, then make a small gracious move. [gracious-move]")
        llm = llm_for(server.url, tmp_path, coach)
        chunks = list(llm.stream_suggestion("How do we restart?", "", "discuss"))
        assert len(chunks) > 5 and "gracious-move" in "".join(chunks)
        assert server.requests[0]["stream"] is True


@pytest.mark.parametrize(
    ("status", "body", "cause"),
    [
        (500, "boom", "server had an error"),
        (429, "slow down", "rate-limiting"),
        (200, "not json at all", "could not be used"),
        (200, json.dumps({"ask": ""}), "could not be used"),
    ],
)
def test_server_failures_fall_back(tmp_path: Path, coach: OfflineCoach, status: int, body: str, cause: str) -> None:
    with OpenAICompatibleServer() as server:
        server.behaviour = lambda req: (status, body)
        llm = llm_for(server.url, tmp_path, coach)
        demands = ["stop being late", "above all call me when plans change"]
        result = llm.shrink(demands)
        assert replace(result, origin=OFFLINE) == coach.shrink(demands)
        assert result.origin.coach == "offline" and cause in (result.origin.note or "")


def test_slow_server_times_out_and_falls_back_quickly(tmp_path: Path, coach: OfflineCoach) -> None:
    with OpenAICompatibleServer() as server:
        server.delay = 5.0
        server.behaviour = lambda req: (200, "{}")
        llm = llm_for(server.url, tmp_path, coach, timeout=1.0)
        started = time.perf_counter()
        offers = llm.suggest_offers("We argue about the rota.")
        assert offers and time.perf_counter() - started < 1.0 + 2.0
        assert all(o.origin.coach == "offline" and "too long" in (o.origin.note or "") for o in offers)


def test_connection_refused_falls_back_within_two_seconds(tmp_path: Path, coach: OfflineCoach) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    llm = llm_for(f"http://127.0.0.1:{port}/v1", tmp_path, coach)
    started = time.perf_counter()
    verdict = llm.check_message("Take it or leave it.")
    assert verdict.level == "ultimatum" and time.perf_counter() - started < 2.0
    assert verdict.origin.coach == "offline" and "could not be reached" in (verdict.origin.note or "")
