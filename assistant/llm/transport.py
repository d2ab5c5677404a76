"""The HTTP edge to an LLM endpoint: each call bounded in time and size, error bodies withheld.

One call (one request, its retries and reading its whole reply, streamed or not) gets the
configured timeout in total. A Retry-After longer than what is left of it is not waited for; a
stream that only sends keep-alives ends at the deadline, because the socket is shut when the
time is up; a reply body over a fixed size is refused. An endpoint's error body may quote the
request (someone's private words), so it never leaves this module: the client sees the status
and the error's type, and the log records status, type and length.
"""

from __future__ import annotations

import contextlib
import json
import logging
import random
import re
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx2

from assistant.errors import UnparseableReply

log = logging.getLogger(__name__)

MAX_REPLY_BYTES = 1 << 20  # a JSON reply of a few thousand tokens is some kilobytes; 1 MiB is far beyond
MAX_ERROR_BYTES = 64 << 10  # read at most this much of an error body (only its type is kept)
RETRY_STATUSES = frozenset({408, 409, 429, 500, 502, 503, 504})
MIN_ATTEMPT = 0.25  # do not start a retry with less time than this left
_IDENTIFIER = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
_DROP_HEADERS = {"content-length", "content-encoding", "transfer-encoding"}


class ReplyTooLong(UnparseableReply):
    """The endpoint sent a reply larger than any answer Parley asks for."""


def _retry_after(headers: httpx2.Headers) -> float | None:
    for name, divisor in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        raw = headers.get(name)
        if raw is None:
            continue
        try:
            return max(0.0, float(raw) / divisor)
        except ValueError:
            return None  # an HTTP date: treat as "later than we can wait"
    return None


def _error_kind(body: bytes) -> str:
    """The error's type or code when it is a short identifier; never any free text from the body."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return "unknown"
    err = data.get("error") if isinstance(data, dict) else None
    if isinstance(err, dict):
        for key in ("type", "code"):
            value = err.get(key)
            if isinstance(value, str) and _IDENTIFIER.match(value):
                return value
    return "unknown"


class _Watchdog:
    """Shuts a response's socket at the deadline, so a blocked read ends however the server behaves."""

    def __init__(self, response: httpx2.Response, deadline: float) -> None:
        self.fired = False
        self._timer: threading.Timer | None = None
        stream = response.extensions.get("network_stream")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if isinstance(sock, socket.socket):
            self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire, args=(sock,))
            self._timer.daemon = True
            self._timer.start()

    def _fire(self, sock: socket.socket) -> None:
        self.fired = True
        with contextlib.suppress(OSError):  # already closed: nothing left to stop
            sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()


class _BoundedStream(httpx2.SyncByteStream):
    """A reply body read against the call's deadline and, unless it is an event stream, a size cap."""

    def __init__(
        self, inner: httpx2.SyncByteStream, request: httpx2.Request, deadline: float, cap: int | None, dog: _Watchdog
    ) -> None:
        self.inner = inner
        self.request = request
        self.deadline = deadline
        self.cap = cap
        self.dog = dog

    def _late(self) -> httpx2.ReadTimeout:
        return httpx2.ReadTimeout("The model's reply did not finish within PARLEY_LLM_TIMEOUT.", request=self.request)

    def __iter__(self) -> Iterator[bytes]:
        seen = 0
        try:
            for chunk in self.inner:
                if time.monotonic() > self.deadline:
                    raise self._late()
                seen += len(chunk)
                if self.cap is not None and seen > self.cap:
                    raise ReplyTooLong(f"The model's reply was over {self.cap // 1024} KiB, far longer than asked for.")
                yield chunk
            if self.dog.fired:  # a body that ends at connection close "ended" because we hung up
                raise self._late()
        except httpx2.TransportError as exc:
            if self.dog.fired or time.monotonic() > self.deadline:
                raise self._late() from exc
            raise

    def close(self) -> None:
        self.dog.cancel()
        self.inner.close()


class BoundedTransport(httpx2.BaseTransport):
    """Sends each request with retries inside one time budget; bounds the reply; withholds error bodies."""

    def __init__(
        self,
        budget: float,
        retries: int,
        inner: httpx2.BaseTransport | None = None,
        max_reply_bytes: int = MAX_REPLY_BYTES,
    ) -> None:
        self.budget = budget
        self.retries = retries
        self.inner = inner or httpx2.HTTPTransport()
        self.max_reply_bytes = max_reply_bytes

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        deadline = time.monotonic() + self.budget
        attempt = 0
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise httpx2.ConnectTimeout("No time left within PARLEY_LLM_TIMEOUT.", request=request)
            request.extensions["timeout"] = {"connect": left, "read": left, "write": left, "pool": left}
            backoff = min(0.5 * 2**attempt, 8.0) * (1 - 0.25 * random.random())
            try:
                response = self.inner.handle_request(request)
            except httpx2.TimeoutException:
                raise  # the budget is spent
            except httpx2.TransportError:
                if not self._may_retry(attempt, backoff, deadline):
                    raise
                time.sleep(backoff)
                attempt += 1
                continue
            if response.status_code in RETRY_STATUSES:
                wait = _retry_after(response.headers)
                wait = backoff if wait is None and "retry-after" not in response.headers else wait
                if wait is not None and self._may_retry(attempt, wait, deadline):
                    response.close()
                    time.sleep(wait)
                    attempt += 1
                    continue
            if response.status_code >= 400:
                return self._withheld(response, request, deadline)
            streaming = response.headers.get("content-type", "").startswith("text/event-stream")
            dog = _Watchdog(response, deadline)
            assert isinstance(response.stream, httpx2.SyncByteStream)
            return httpx2.Response(
                response.status_code,
                headers=response.headers,
                stream=_BoundedStream(
                    response.stream, request, deadline, None if streaming else self.max_reply_bytes, dog
                ),
                extensions=response.extensions,
            )

    def _may_retry(self, attempt: int, wait: float, deadline: float) -> bool:
        return attempt < self.retries and time.monotonic() + wait + MIN_ATTEMPT < deadline

    def _withheld(self, response: httpx2.Response, request: httpx2.Request, deadline: float) -> httpx2.Response:
        """The error response with its body replaced by its status and type; the body is never kept."""
        dog = _Watchdog(response, deadline)
        assert isinstance(response.stream, httpx2.SyncByteStream)
        raw = httpx2.Response(
            response.status_code,
            headers=response.headers,
            stream=_BoundedStream(response.stream, request, deadline, MAX_ERROR_BYTES, dog),
        )
        try:
            body = raw.read()
            kind = _error_kind(body)
            size = str(len(body))
        except (httpx2.HTTPError, UnparseableReply):
            kind, size = "unknown", f"over {MAX_ERROR_BYTES}"
        finally:
            raw.close()
        log.warning(
            "LLM endpoint answered HTTP %d (type %s, %s bytes; the body is not logged, it may quote the request)",
            response.status_code,
            kind,
            size,
        )
        headers = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in _DROP_HEADERS]
        message = f"HTTP {response.status_code} ({kind}); the endpoint's message is withheld."
        payload: dict[str, Any] = {"error": {"message": message, "type": kind, "code": None}}
        return httpx2.Response(response.status_code, headers=headers, json=payload, request=request)

    def close(self) -> None:
        self.inner.close()
