"""Every LLM call is bounded by PARLEY_LLM_TIMEOUT in total, and what the endpoint says stays out of the log.

A small local HTTP server plays the endpoints that used to hold a call far past its budget: a 429
asking to retry in 30 s, a stream that sends keep-alives forever, a 2 MB reply; and an error whose
body quotes the request. Each call must answer or fall back to the offline coach within the
budget (with a generous margin for a busy machine), and no private text may reach the log.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from assistant.coach import OfflineCoach
from assistant.coach.llm_coach import LLMCoach
from assistant.config import Settings
from assistant.llm.chat import make_chat_model

BUDGET = 2.0
MARGIN = 3.0  # generous: the machine is shared and busy; the promise is "not 30 s", not "exactly 2 s"
SHRINK_REPLY = json.dumps(
    {"ask": "Could you call me when plans change?", "interest": "reliability", "parked": [], "slugs": []}
)
PRIVATE = "PRIVATE-TEXT: I would settle for half the deposit"

Behaviour = Callable[[BaseHTTPRequestHandler, dict[str, Any]], None]


def _send_json(h: BaseHTTPRequestHandler, status: int, payload: object, headers: dict[str, str] | None = None) -> None:
    data = json.dumps(payload).encode()
    h.send_response(status)
    h.send_header("Content-Type", "application/json")
    h.send_header("Content-Length", str(len(data)))
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.end_headers()
    h.wfile.write(data)


def _completion(content: str) -> dict[str, Any]:
    return {
        "id": "x",
        "object": "chat.completion",
        "created": 0,
        "model": "m",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def _chunk(text: str) -> bytes:
    body = {
        "id": "c",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "m",
        "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": None}],
    }
    return f"data: {json.dumps(body)}\n\n".encode()


class Endpoint:
    """A ThreadingHTTPServer on 127.0.0.1 whose POST behaviour each test chooses."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.requests: list[dict[str, Any]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                outer.requests.append(body)
                try:
                    outer.behaviour(self, body)
                except (BrokenPipeError, ConnectionResetError):
                    return  # the client gave up, as it should

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self) -> Endpoint:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _settings(url: str, data: Path, retries: int = 1, timeout: float = BUDGET) -> Settings:
    return Settings.from_env(
        {
            "PARLEY_DATA_DIR": str(data),
            "OPENAI_BASE_URL": url,
            "PARLEY_MODEL": "local-test",
            "PARLEY_LLM_TIMEOUT": str(timeout),
            "PARLEY_LLM_RETRIES": str(retries),
        }
    )


def _coach(url: str, data: Path, coach: OfflineCoach, **kw: Any) -> LLMCoach:
    return LLMCoach(make_chat_model(_settings(url, data, **kw)), coach)


@pytest.fixture(autouse=True)
def _warm(coach: OfflineCoach) -> None:
    """Load the offline coach's models first, so a timed call measures the LLM path, not a cold start."""
    coach.shrink(["stop being late", "above all call me when plans change"])
    coach.suggest_offers("We argue about the rota.")
    coach.strategies.recommend("How do we restart the talks?", k=4)


def test_retry_after_beyond_the_budget_is_not_waited(tmp_path: Path, coach: OfflineCoach) -> None:
    def too_many(h: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        _send_json(h, 429, {"error": {"message": "slow down", "type": "rate_limit"}}, {"Retry-After": "30"})

    with Endpoint(too_many) as ep:
        llm = _coach(ep.url, tmp_path, coach, retries=2)
        demands = ["stop being late", "above all call me when plans change"]
        started = time.monotonic()
        r = llm.shrink(demands)
        assert r.ask == coach.shrink(demands).ask and r.origin.coach == "offline"  # the offline answer
        assert time.monotonic() - started < BUDGET + MARGIN
        notice = r.origin.note
        assert notice and "rate-limiting" in notice
        assert len(ep.requests) == 1  # waiting 30 s would overrun the budget, so no retry


def test_retry_after_within_the_budget_is_honoured(tmp_path: Path, coach: OfflineCoach) -> None:
    def once_then_ok(h: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        if len(ep.requests) == 1:
            _send_json(h, 429, {"error": {"message": "slow down"}}, {"Retry-After": "1"})
        else:
            _send_json(h, 200, _completion(SHRINK_REPLY))

    with Endpoint(once_then_ok) as ep:
        llm = _coach(ep.url, tmp_path, coach, timeout=6.0)
        r = llm.shrink(["stop being late", "above all call me when plans change"])
        assert r.origin.note is None and r.origin.coach == "llm" and r.ask == "Could you call me when plans change?"
        assert len(ep.requests) == 2


def test_every_request_asks_for_a_bounded_reply(tmp_path: Path, coach: OfflineCoach) -> None:
    def ok(h: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        _send_json(h, 200, _completion(SHRINK_REPLY))

    with Endpoint(ok) as ep:
        llm = _coach(ep.url, tmp_path, coach)
        llm.shrink(["stop being late", "above all call me when plans change"])
        (req,) = ep.requests
        limit = req.get("max_completion_tokens", req.get("max_tokens"))
        assert isinstance(limit, int) and 0 < limit <= 4096


def test_endless_keep_alives_do_not_extend_a_stream(tmp_path: Path, coach: OfflineCoach) -> None:
    def keep_alive(h: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/event-stream")
        h.end_headers()
        h.wfile.write(_chunk("Let us "))
        h.wfile.flush()
        for _ in range(600):  # two minutes of keep-alives unless the client hangs up
            h.wfile.write(b": keep-alive\n\n")
            h.wfile.flush()
            time.sleep(0.2)

    with Endpoint(keep_alive) as ep:
        llm = _coach(ep.url, tmp_path, coach)
        started = time.monotonic()
        text = "".join(llm.stream_suggestion("How do we restart the talks?", "", "discuss"))
        assert time.monotonic() - started < BUDGET + MARGIN
        assert "Let us" in text  # what came before the deadline was shown
        assert "could not answer" in text and "too long" in text  # the stream says why it stopped


def test_a_silent_stream_after_its_first_words_ends_at_the_deadline(tmp_path: Path, coach: OfflineCoach) -> None:
    budget = 5.0  # a per-read timeout alone would allow 4.5 s of keep-alives plus 5 s of silence

    def silent(h: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/event-stream")
        h.end_headers()
        for _ in range(18):  # keep-alives for most of the budget, then silence
            h.wfile.write(b": keep-alive\n\n")
            h.wfile.flush()
            time.sleep(0.25)
        time.sleep(30)

    with Endpoint(silent) as ep:
        llm = _coach(ep.url, tmp_path, coach, timeout=budget)
        started = time.monotonic()
        text = "".join(llm.stream_suggestion("How do we restart the talks?", "", "discuss"))
        assert time.monotonic() - started < budget + MARGIN
        assert "could not answer" in text


def test_a_two_megabyte_reply_is_refused(tmp_path: Path, coach: OfflineCoach) -> None:
    huge = "x" * 2_000_000

    def big(h: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        _send_json(h, 200, _completion(huge))

    with Endpoint(big) as ep:
        llm = _coach(ep.url, tmp_path, coach)
        offers = llm.suggest_offers("We argue about the rota.")
        assert [o.text for o in offers] == [o.text for o in coach.suggest_offers("We argue about the rota.")]
        notice = offers[0].origin.note
        assert notice and "could not be used" in notice


def test_a_two_megabyte_stream_is_cut(tmp_path: Path, coach: OfflineCoach) -> None:
    def big_stream(h: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/event-stream")
        h.end_headers()
        piece = "word " * 40
        for _ in range(2_000_000 // len(piece)):
            h.wfile.write(_chunk(piece))
        h.wfile.write(b"data: [DONE]\n\n")

    with Endpoint(big_stream) as ep:
        llm = _coach(ep.url, tmp_path, coach)
        started = time.monotonic()
        text = "".join(llm.stream_suggestion("How do we restart the talks?", "", "discuss"))
        assert time.monotonic() - started < BUDGET + MARGIN
        assert 1_000 < len(text) < 20_000
        assert "cut" in text[-200:]  # the reader is told the reply was cut, not left guessing


def test_an_error_body_quoting_private_text_never_reaches_the_log(
    tmp_path: Path, coach: OfflineCoach, caplog: pytest.LogCaptureFixture
) -> None:
    def echo_error(h: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        quoted = json.dumps(body["messages"])[-400:]
        _send_json(h, 500, {"error": {"message": f"could not process: {quoted}", "type": "server_error"}})

    caplog.set_level(logging.DEBUG)
    with Endpoint(echo_error) as ep:
        llm = _coach(ep.url, tmp_path, coach, retries=0)
        said = llm.restate("Ana", PRIVATE)
        assert PRIVATE in json.dumps(ep.requests[0])  # the request did carry it, and the error echoed it
        notice = said.origin.note
    assert notice and "server had an error" in notice and "PRIVATE" not in notice
    assert "PRIVATE" not in caplog.text and "deposit" not in caplog.text
    assert "500" in caplog.text and "server_error" in caplog.text  # status and type are still logged
